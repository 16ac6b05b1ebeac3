"""aws s3 ls / mb / rb / presign / website against the real moto server: lines, exit codes,
and the buckets and objects left. Each test makes its own buckets (the server is shared)."""

from __future__ import annotations

import re
import urllib.request
import uuid
from datetime import timedelta, timezone
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.runner import run, run_process

TIME = r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d"


def _s3(moto):
    import botocore.session

    return botocore.session.Session().create_client(
        "s3", region_name="us-west-2", endpoint_url=moto.endpoint,
        aws_access_key_id="testing", aws_secret_access_key="testing")


def _name(label: str) -> str:
    return f"{label}-{uuid.uuid4().hex[:10]}"


@pytest.fixture
def bucket(moto):
    """A bucket with dir/a.txt (3 bytes), dir/sub/b.txt (2048 bytes) and top.bin (1 byte)."""
    name = _name("ls")
    s3 = _s3(moto)
    s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": "us-west-2"})
    s3.put_object(Bucket=name, Key="dir/a.txt", Body=b"abc")
    s3.put_object(Bucket=name, Key="dir/sub/b.txt", Body=b"x" * 2048)
    s3.put_object(Bucket=name, Key="top.bin", Body=b"!")
    return name


def _lines(text: str) -> list[str]:
    return [re.sub(TIME, "T", line) for line in text.splitlines()]


# -- ls -------------------------------------------------------------------------


def test_ls_lists_prefixes_then_objects_directly_under_the_prefix(moto, bucket):
    result = run(["s3", "ls", f"s3://{bucket}"], moto.environ())
    assert (result.exit_code, result.stderr) == (0, "")
    assert _lines(result.stdout) == [" " * 27 + "PRE dir/", "T          1 top.bin"]
    under = run(["s3", "ls", f"s3://{bucket}/dir/"], moto.environ())
    assert _lines(under.stdout) == [" " * 27 + "PRE sub/", "T          3 a.txt"]


def test_ls_recursive_human_readable_summarize(moto, bucket):
    result = run(["s3", "ls", f"s3://{bucket}", "--recursive", "--human-readable",
                  "--summarize"], moto.environ())
    assert result.exit_code == 0, result
    assert _lines(result.stdout) == [
        "T    3 Bytes dir/a.txt", "T    2.0 KiB dir/sub/b.txt", "T     1 Byte top.bin",
        "", "Total Objects: 3", "   Total Size: 2.0 KiB"]


def test_ls_pages_of_one_key_print_the_same_lines(moto, bucket):
    whole = run(["s3", "ls", f"s3://{bucket}", "--recursive"], moto.environ())
    paged = run(["s3", "ls", f"s3://{bucket}", "--recursive", "--page-size", "1"],
                moto.environ())
    assert paged.stdout == whole.stdout and len(whole.stdout.splitlines()) == 3


def test_ls_of_a_key_prefix_that_matches_nothing_exits_1(moto, bucket):
    result = run(["s3", "ls", f"s3://{bucket}/nothing-here"], moto.environ())
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", "")
    partial = run(["s3", "ls", f"s3://{bucket}/d"], moto.environ())
    assert (partial.exit_code, _lines(partial.stdout)) == (0, [" " * 27 + "PRE dir/"])


def test_ls_lists_buckets_filtered_by_name_prefix(moto, bucket):
    result = run(["s3", "ls", "--bucket-name-prefix", bucket[:13]], moto.environ())
    assert result.exit_code == 0, result
    assert _lines(result.stdout) == [f"T {bucket}"]
    everything = run(["s3", "ls"], moto.environ())
    assert f"T {bucket}" in _lines(everything.stdout)


@pytest.mark.parametrize("path", ["s3://no-such-bucket-here", "no-such-bucket-here"])
def test_ls_of_a_missing_bucket_is_v2s_service_error(moto, path):
    result = run(["s3", "ls", path], moto.environ())
    assert result.exit_code == 254
    assert result.stderr == ("\naws: [ERROR]: An error occurred (NoSuchBucket) when calling the "
                             "ListObjectsV2 operation: The specified bucket does not exist\n")


def test_ls_refuses_an_invalid_bucket_name_and_object_lambda_arns(moto):
    bad = run(["s3", "ls", "s3://bad!name"], moto.environ())
    assert bad.exit_code == 252
    assert bad.stderr.startswith("\naws: [ERROR]: An error occurred (ParamValidation): "
                                 "Parameter validation failed:\nInvalid bucket name \"bad!name\"")
    arn = "s3://arn:aws:s3-object-lambda:us-west-2:123456789012:accesspoint/ol"
    refused = run(["s3", "ls", arn], moto.environ())
    assert refused.exit_code == 252 and "do not support S3 Object Lambda" in refused.stderr


def test_ls_prints_times_in_the_local_time_zone(moto, bucket):
    stamp = _s3(moto).head_object(Bucket=bucket, Key="top.bin")["LastModified"]
    local = stamp.astimezone(timezone(timedelta(hours=5, minutes=45)))
    environ = {**moto.environ(), "TZ": "Asia/Kathmandu"}  # UTC+5:45, no daylight saving
    result = run_process(["s3", "ls", f"s3://{bucket}/top.bin"], environ)
    assert result.stdout == f"{local:%Y-%m-%d %H:%M:%S}          1 top.bin\n", result


# -- mb -------------------------------------------------------------------------


def test_mb_makes_the_bucket_in_the_commands_region(moto):
    name = _name("mb")
    result = run(["s3", "mb", f"s3://{name}", "--region", "eu-west-1"], moto.environ())
    assert (result.exit_code, result.stdout, result.stderr) == (0, f"make_bucket: {name}\n", "")
    location = _s3(moto).get_bucket_location(Bucket=name)["LocationConstraint"]
    assert location == "eu-west-1"
    again = run(["s3", "mb", f"s3://{name}"], moto.environ())
    assert again.exit_code == 1 and again.stdout == ""
    assert again.stderr.startswith(f"make_bucket failed: s3://{name} An error occurred "
                                   "(BucketAlreadyOwnedByYou) when calling the CreateBucket")


def test_mb_in_us_east_1_sends_no_location_constraint(moto):
    name = _name("east")
    result = run(["s3", "mb", f"s3://{name}", "--region", "us-east-1"], moto.environ())
    assert result.exit_code == 0, result
    assert _s3(moto).get_bucket_location(Bucket=name)["LocationConstraint"] is None


@pytest.mark.parametrize(("argv", "message"), [
    (["s3", "mb", "plain-name"], "<S3Uri>\nError: Invalid argument type"),
    (["s3", "mb", "s3://zone--usw2-az1--x-s3"], "Cannot use mb command with a directory bucket."),
    (["s3", "rb", "plain-name"], "<S3Uri>\nError: Invalid argument type"),
    (["s3", "rb", "s3://b/key"], "Please specify a valid bucket name only. E.g. s3://b"),
])
def test_mb_and_rb_refuse_paths_as_v2(moto, argv, message):
    result = run(argv, moto.environ())
    assert result.exit_code == 252
    assert result.stderr == f"\naws: [ERROR]: An error occurred (ParamValidation): {message}\n"


def test_mb_of_a_name_s3_refuses_prints_the_failure_and_exits_1(moto):
    result = run(["s3", "mb", "s3://ab"], moto.environ())
    assert result.exit_code == 1
    assert result.stderr == ("make_bucket failed: s3://ab An error occurred (InvalidBucketName) "
                             "when calling the CreateBucket operation: The specified bucket is "
                             "not valid.\n")


def test_mb_takes_tags_as_pairs(moto):
    name = _name("tags")
    result = run(["s3", "mb", f"s3://{name}", "--tags", "team", "data", "--tags", "env", "dev"],
                 moto.environ())
    assert (result.exit_code, result.stdout) == (0, f"make_bucket: {name}\n")
    odd = run(["s3", "mb", f"s3://{name}x", "--tags", "team"], moto.environ())
    assert odd.exit_code == 252 and "expected 2 arguments" in odd.stderr


# -- rb -------------------------------------------------------------------------


def test_rb_refuses_a_bucket_with_objects_and_keeps_it(moto, bucket):
    result = run(["s3", "rb", f"s3://{bucket}"], moto.environ())
    assert result.exit_code == 1
    assert result.stderr == (f"remove_bucket failed: s3://{bucket} An error occurred "
                             "(BucketNotEmpty) when calling the DeleteBucket operation: The "
                             "bucket you tried to delete is not empty\n")
    assert _s3(moto).list_objects_v2(Bucket=bucket)["KeyCount"] == 3


def test_rb_force_deletes_every_object_then_the_bucket(moto, bucket):
    result = run(["s3", "rb", f"s3://{bucket}", "--force"], moto.environ())
    assert result.exit_code == 0, result
    lines = result.stdout.splitlines()
    assert sorted(lines[:-1]) == [f"delete: s3://{bucket}/{k}"
                                  for k in ("dir/a.txt", "dir/sub/b.txt", "top.bin")]
    assert lines[-1] == f"remove_bucket: {bucket}"
    names = [b["Name"] for b in _s3(moto).list_buckets()["Buckets"]]
    assert bucket not in names


def test_rb_of_an_empty_and_of_a_missing_bucket(moto):
    name = _name("rb")
    _s3(moto).create_bucket(Bucket=name,
                            CreateBucketConfiguration={"LocationConstraint": "us-west-2"})
    assert run(["s3", "rb", f"s3://{name}/"], moto.environ()).stdout == f"remove_bucket: {name}\n"
    missing = run(["s3", "rb", f"s3://{name}"], moto.environ())
    assert missing.exit_code == 1
    assert missing.stderr.startswith(f"remove_bucket failed: s3://{name} An error occurred "
                                     "(NoSuchBucket)")
    forced = run(["s3", "rb", f"s3://{name}", "--force"], moto.environ())
    assert forced.exit_code == 255
    assert forced.stderr == (
        "fatal error: An error occurred (NoSuchBucket) when calling the ListObjectsV2 "
        "operation: The specified bucket does not exist\n\naws: [ERROR]: remove_bucket failed: "
        "Unable to delete all objects in the bucket, bucket will not be deleted.\n")


# -- presign and website ----------------------------------------------------------


def test_presign_gives_a_sigv4_url_that_fetches_the_object(moto, bucket):
    result = run(["s3", "presign", f"s3://{bucket}/dir/a.txt"], moto.environ())
    assert result.exit_code == 0, result
    url = result.stdout.strip()
    query = parse_qs(urlsplit(url).query)
    assert query["X-Amz-Algorithm"] == ["AWS4-HMAC-SHA256"]
    assert query["X-Amz-Expires"] == ["3600"]
    assert query["X-Amz-Credential"][0].endswith("/us-west-2/s3/aws4_request")
    with urllib.request.urlopen(url, timeout=10) as answer:
        assert answer.read() == b"abc"
    short = run(["s3", "presign", f"{bucket}/top.bin", "--expires-in", "60"], moto.environ())
    assert parse_qs(urlsplit(short.stdout.strip()).query)["X-Amz-Expires"] == ["60"]


def test_website_sets_the_index_and_error_documents(moto, bucket):
    result = run(["s3", "website", f"s3://{bucket}/", "--index-document", "index.html",
                  "--error-document", "404.html"], moto.environ())
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    site = _s3(moto).get_bucket_website(Bucket=bucket)
    assert site["IndexDocument"] == {"Suffix": "index.html"}
    assert site["ErrorDocument"] == {"Key": "404.html"}
    missing = run(["s3", "website", "s3://no-such-bucket-here", "--index-document", "i.html"],
                  moto.environ())
    assert missing.exit_code == 254 and "(NoSuchBucket)" in missing.stderr
