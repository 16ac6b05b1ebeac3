"""Completion of path arguments (completion="s3-paths" / "files"): local entries, s3://, and
buckets and prefixes listed from the moto server by the real aws_completer."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid

import pytest

from cli.completion import complete
from cli.options import FILES, S3_PATHS

COMPLETER = os.path.join(os.path.dirname(sys.executable), "aws_completer")


class PathIndex:
    """One group `g` whose command `cp` takes two path positionals and a --log file option."""

    def __init__(self):
        self.asked: list[tuple[str, dict]] = []

    def commands(self):
        return ["g"]

    def command(self, command):
        return {"operations": ["cp", "ls"], "aliases": [], "waiters": []} if command == "g" else None

    def arguments(self, path):
        return {
            ("g", "cp"): [("src", "positional", S3_PATHS, None),
                          ("src#2", "positional", S3_PATHS, None),
                          ("log", "one", FILES, None), ("quiet", "flag", None, None)],
            ("g", "ls"): [("where", "positional", FILES, None)],
        }.get(tuple(path))

    def global_arguments(self):
        return [("profile", "one", None, None), ("region", "one", None, None)]

    def files(self, directory):
        return [("docs", True), ("s3notes.txt", False)] if directory in ("", "docs/") else []

    def s3_paths(self, fragment, given):
        self.asked.append((fragment, dict(given)))
        return [p for p in ("s3://bank/", "s3://bank/logs/", "s3://box/") if p.startswith(fragment)]


CASES = [
    ("aws g cp ", ["s3://", "docs/", "s3notes.txt", "--log", "--quiet", "--profile", "--region"]),
    ("aws g cp s", ["s3://", "s3notes.txt"]),
    ("aws g cp s3:", ["s3://"]),
    ("aws g cp d", ["docs/"]),
    ("aws g cp docs/s", ["docs/s3notes.txt"]),
    ("aws g cp s3://b", ["s3://bank/", "s3://bank/logs/", "s3://box/"]),
    ("aws g cp docs/ s3://bo", ["s3://box/"]),           # the second path
    ("aws g cp a b ", ["--log", "--quiet", "--profile", "--region"]),  # both given
    ("aws g cp a b c", []),                               # a third word: no positional left
    ("aws g cp --log ", ["docs/", "s3notes.txt"]),        # a file option: local only
    ("aws g cp --log s3:", []),
    ("aws g ls s", ["s3notes.txt"]),                      # a local-only positional
    ("aws g cp --q", ["--quiet"]),
]


@pytest.mark.parametrize(("line", "expected"), CASES)
def test_path_candidates(line, expected):
    assert complete(line, None, PathIndex()) == expected


def test_only_s3_words_are_listed_and_the_lines_options_are_passed_on():
    index = PathIndex()
    complete("aws g cp docs/ s", None, index)
    complete("aws g cp --quiet", None, index)
    assert index.asked == []
    complete("aws --profile dev g cp --region eu-west-1 s3://ba", None, index)
    assert index.asked == [("s3://ba", {"profile": "dev", "region": "eu-west-1"})]


# -- the real completer against moto ------------------------------------------------


def _complete(line, environ, cwd=None):
    proc = subprocess.run([COMPLETER], env={**environ, "COMP_LINE": line}, capture_output=True,
                          text=True, timeout=30, cwd=cwd)
    assert (proc.returncode, proc.stderr) == (0, "")
    return proc.stdout.splitlines()


@pytest.fixture(scope="module")
def bucket(moto):
    import botocore.session

    s3 = botocore.session.Session().create_client(
        "s3", region_name="us-west-2", endpoint_url=moto.endpoint,
        aws_access_key_id="testing", aws_secret_access_key="testing")
    name = f"cmpl-{uuid.uuid4().hex[:8]}"
    s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": "us-west-2"})
    for key in ("logs/a.txt", "logs/b.txt", "lottery.csv", "other"):
        s3.put_object(Bucket=name, Key=key, Body=b"1")
    return name


def test_buckets_and_prefixes_come_from_a_listing(moto, bucket):
    environ = moto.environ()
    assert f"s3://{bucket}/" in _complete("aws s3 ls s3://", environ)
    assert _complete(f"aws s3 ls s3://{bucket[:9]}", environ) == [f"s3://{bucket}/"]
    assert _complete(f"aws s3 rb s3://{bucket}/lo", environ) == [
        f"s3://{bucket}/logs/", f"s3://{bucket}/lottery.csv"]
    assert _complete(f"aws s3 presign s3://{bucket}/logs/", environ) == [
        f"s3://{bucket}/logs/a.txt", f"s3://{bucket}/logs/b.txt"]


def test_local_paths_and_the_s3_scheme(moto, tmp_path):
    (tmp_path / "site").mkdir()
    (tmp_path / "s3.txt").write_text("x")
    assert _complete("aws s3 ls s", moto.environ(), cwd=tmp_path) == ["s3://", "s3.txt", "site/"]


@pytest.mark.parametrize("change", [
    {"AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": ""},   # no credentials: no request
    {"AWS_ENDPOINT_URL": "http://127.0.0.1:9"},               # nothing listens there
])
def test_a_listing_that_cannot_be_made_offers_nothing_and_says_nothing(moto, change):
    environ = {**moto.environ(), **change}
    assert _complete("aws s3 ls s3://", environ) == []


def test_the_index_lists_once_per_level_while_the_word_grows(moto, monkeypatch):
    import botocore.session

    from cli.completion_data import CacheIndex

    for name, value in moto.environ().items():
        monkeypatch.setenv(name, value)
    s3 = botocore.session.Session().create_client("s3", endpoint_url=moto.endpoint,
                                                  region_name="us-west-2")
    bucket = f"lvl-{uuid.uuid4().hex[:8]}"
    s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "us-west-2"})
    for key in ("logs/a.txt", "lottery.csv"):
        s3.put_object(Bucket=bucket, Key=key, Body=b"1")
    index = CacheIndex(moto.environ())
    assert index.s3_paths(f"s3://{bucket}/l", {}) == [f"s3://{bucket}/logs/",
                                                       f"s3://{bucket}/lottery.csv"]
    for key in ("logs/b.txt", "lottery2.csv"):
        s3.put_object(Bucket=bucket, Key=key, Body=b"1")
    # A longer word of the same level: the first (complete) answer, filtered.
    assert index.s3_paths(f"s3://{bucket}/lot", {}) == [f"s3://{bucket}/lottery.csv"]
    # A level deeper: a listing of its own, which sees the new key.
    assert index.s3_paths(f"s3://{bucket}/logs/", {}) == [f"s3://{bucket}/logs/a.txt",
                                                          f"s3://{bucket}/logs/b.txt"]
    # Other settings on the line: listed again (here: an endpoint where nothing listens).
    assert index.s3_paths(f"s3://{bucket}/lot", {"endpoint-url": "http://127.0.0.1:9"}) == []
