"""`aws s3 mv --validate-same-s3-paths`: the buckets behind access points are looked up with
S3 Control (and STS for an alias), as v2 does, and a move of an object onto itself is refused
(exit 252) before any transfer. S3 Control's endpoint carries the account as a host prefix,
so its requests reach the moto server through tests/forward_proxy.py."""

from __future__ import annotations

import itertools
import json
import os

import pytest

from tests.forward_proxy import ForwardProxy
from tests.runner import run

ACCOUNT = "123456789012"  # moto's
_names = itertools.count()


@pytest.fixture
def setup(moto):
    bucket = f"mvap-{os.getpid()}-{next(_names)}"
    other = bucket + "-other"
    with ForwardProxy(int(moto.endpoint.rsplit(":", 1)[1])) as proxy:
        env = {**moto.environ(), "HTTP_PROXY": proxy.url,
               "AWS_ENDPOINT_URL_S3_CONTROL": "http://s3-control.test"}
        for name in (bucket, other):
            assert run(["s3", "mb", f"s3://{name}"], env).exit_code == 0
        assert run(["s3", "cp", "-", f"s3://{bucket}/k"], env, stdin="data").exit_code == 0
        for point, target in (("ap-same", bucket), ("ap-other", other)):
            made = run(["s3control", "create-access-point", "--account-id", ACCOUNT,
                        "--name", point, "--bucket", target], env)
            assert made.exit_code == 0, made.stderr
        del proxy.seen[:]
        yield env, bucket, proxy


def arn(name: str) -> str:
    return f"arn:aws:s3:us-west-2:{ACCOUNT}:accesspoint/{name}"


def test_an_access_point_onto_its_own_bucket_is_refused(setup):
    env, bucket, proxy = setup
    src = f"s3://{arn('ap-same')}/k"
    result = run(["s3", "mv", src, f"s3://{bucket}/k", "--validate-same-s3-paths"], env)
    assert (result.exit_code, result.stdout) == (252, "")
    assert result.stderr.strip().endswith(f"Cannot mv a file onto itself: {src} - s3://{bucket}/k")
    assert proxy.seen == [("GET", f"{ACCOUNT}.s3-control.test", "/v20180820/accesspoint/ap-same")]
    listed = run(["s3api", "list-objects-v2", "--bucket", bucket, "--output", "json"], env)
    assert [o["Key"] for o in json.loads(listed.stdout)["Contents"]] == ["k"]  # nothing lost


def test_the_setting_validates_as_the_flag_does_and_endpoint_url_is_not_s3_controls(
        setup, moto):
    env, bucket, proxy = setup
    src = f"s3://{arn('ap-same')}/k"
    result = run(["s3", "mv", src, f"s3://{bucket}/k", "--endpoint-url", moto.endpoint],
                 {**env, "AWS_CLI_S3_MV_VALIDATE_SAME_S3_PATHS": "true"})
    assert result.exit_code == 252 and "Cannot mv a file onto itself" in result.stderr
    assert [host for _, host, _ in proxy.seen] == [f"{ACCOUNT}.s3-control.test"]


def control_requests(proxy) -> list[tuple[str, str, str]]:
    return [seen for seen in proxy.seen if seen[1].endswith("s3-control.test")]


def test_an_access_point_of_another_bucket_passes_the_check(setup):
    env, bucket, proxy = setup
    src = f"s3://{arn('ap-other')}/k"
    result = run(["s3", "mv", src, f"s3://{bucket}/k", "--validate-same-s3-paths"], env)
    # checked, then on to the transfer (which moto, knowing no access point ARN hosts, fails)
    assert "Cannot mv" not in result.stderr and "warning" not in result.stderr
    assert "HeadObject" in result.stderr and result.exit_code == 1
    assert control_requests(proxy) == [
        ("GET", f"{ACCOUNT}.s3-control.test", "/v20180820/accesspoint/ap-other")]


def test_without_validation_only_the_warning_and_no_lookup(setup):
    env, bucket, proxy = setup
    result = run(["s3", "mv", f"s3://{arn('ap-same')}/k", f"s3://{bucket}/k"], env)
    assert result.stderr.startswith("warning: Provided s3 paths may resolve to same underlying")
    assert control_requests(proxy) == []


def test_a_multi_region_access_point_is_every_regions_bucket(setup):
    env, bucket, proxy = setup
    details = {"Name": "multi", "PublicAccessBlock": {},
               "Regions": [{"Bucket": bucket + "-other"}, {"Bucket": bucket}]}
    made = run(["s3control", "create-multi-region-access-point", "--account-id", ACCOUNT,
                "--details", json.dumps(details)], env)
    assert made.exit_code == 0, made.stderr
    listed = run(["s3control", "list-multi-region-access-points", "--account-id", ACCOUNT,
                  "--output", "json"], env)
    moto_alias = next(p["Alias"] for p in json.loads(listed.stdout)["AccessPoints"]
                      if p["Name"] == "multi")
    alias = "mfzwi23gnjvgw.mrap"  # AWS's aliases are letters and digits; moto's hold a "-"
    proxy.rewrites.append((moto_alias.encode(), alias.encode()))
    src = f"s3://arn:aws:s3::{ACCOUNT}:accesspoint/{alias}/k"
    result = run(["s3", "mv", src, f"s3://{bucket}/k", "--validate-same-s3-paths"], env)
    assert result.exit_code == 252 and "Cannot mv a file onto itself" in result.stderr
    missing = f"s3://arn:aws:s3::{ACCOUNT}:accesspoint/nothere.mrap/k"
    result = run(["s3", "mv", missing, f"s3://{bucket}/k", "--validate-same-s3-paths"], env)
    assert result.exit_code == 252
    assert ("Couldn't find multi-region access point with alias nothere.mrap in account "
            f"{ACCOUNT}") in result.stderr


def test_an_alias_is_looked_up_in_the_callers_account(setup):
    env, bucket, proxy = setup
    result = run(["s3", "mv", "s3://ap-nothere-abc-s3alias/k", f"s3://{bucket}/k",
                  "--validate-same-s3-paths"], env)
    # moto knows access points by name only, so the alias is a missing access point here
    assert result.exit_code == 254 and "GetAccessPoint" in result.stderr
    assert proxy.seen[-1] == ("GET", f"{ACCOUNT}.s3-control.test",
                              "/v20180820/accesspoint/ap-nothere-abc-s3alias")


def test_an_outposts_alias_cannot_be_validated(setup):
    env, bucket, proxy = setup
    result = run(["s3", "mv", "s3://op-abc--op-s3/k", f"s3://{bucket}/k",
                  "--validate-same-s3-paths"], env)
    assert result.exit_code == 252
    assert "Can't resolve underlying bucket name of s3 outposts access point alias" in \
        result.stderr
    assert proxy.seen == []
