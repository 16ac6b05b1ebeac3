"""cli.commands.s3.uri and cli.commands.s3.settings: paths, the s3 block's sizes and rates."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cli.commands.s3 import settings, uri
from cli.errors import ValidationError

AP = "arn:aws:s3:us-west-2:123456789012:accesspoint/my-ap"
OUTPOSTS_AP = ("arn:aws:s3-outposts:us-west-2:123456789012:outpost/op-01234567890123456/"
               "accesspoint/my-ap")

SPLITS = [
    ("s3://bucket/key", ("bucket", "key")),
    ("s3://bucket/dir/key.txt", ("bucket", "dir/key.txt")),
    ("s3://bucket", ("bucket", "")),
    ("s3://bucket/", ("bucket", "")),
    ("bucket/a/b/", ("bucket", "a/b/")),
    (f"s3://{AP}/some/key", (AP, "some/key")),
    (f"s3://{AP}", (AP, "")),
    (f"s3://{OUTPOSTS_AP}/k/x", (OUTPOSTS_AP, "k/x")),
]


@pytest.mark.parametrize("path, expected", SPLITS)
def test_split(path, expected):
    assert uri.split(path) == expected


@pytest.mark.parametrize("path, message", [
    ("s3://arn:aws:s3-object-lambda:us-west-2:123456789012:accesspoint/ol/k",
     "s3 commands do not support S3 Object Lambda resources. Use s3api commands instead."),
    ("s3://arn:aws:s3-outposts:us-west-2:123456789012:outpost/op-0123/bucket/b/k",
     "s3 commands do not support Outpost Bucket ARNs. Use s3control commands instead."),
])
def test_refused_arns(path, message):
    with pytest.raises(ValidationError) as caught:
        uri.split(path)
    assert caught.value.message == message


@pytest.mark.parametrize("paths, kind", [
    (["a", "s3://b/k"], "locals3"), (["s3://b/k", "a"], "s3local"),
    (["s3://b/k", "s3://c/"], "s3s3"), (["s3://b"], "s3"), (["a", "b"], "locallocal"),
])
def test_paths_type(paths, kind):
    assert uri.paths_type(paths) == kind


def test_bare_bucket_gets_a_slash():
    assert uri.with_bucket_slash("s3://b") == "s3://b/"
    assert uri.with_bucket_slash("s3://b/k") == "s3://b/k"
    assert uri.with_bucket_slash("local") == "local"


SIZES = [("1024", 1024), ("8MB", 8 * 1024 ** 2), ("8mb", 8 * 1024 ** 2), ("1KiB", 1024),
         ("2GB", 2 * 1024 ** 3), ("3TiB", 3 * 1024 ** 4)]


@pytest.mark.parametrize("text, expected", SIZES)
def test_parse_size(text, expected):
    assert settings.parse_size(text) == expected


RATES = [("1024", 1024), ("1024B/s", 1024), ("50MB/s", 50 * 1024 ** 2),
         ("800KB/s", 800 * 1024), ("80Mb/s", 10 * 1024 ** 2), ("8Kb/s", 1024)]


@pytest.mark.parametrize("text, expected", RATES)
def test_parse_rate(text, expected):
    assert settings.parse_rate(text) == expected


@pytest.mark.parametrize("block, message", [
    ({"max_concurrent_requests": "abc"},
     "Value for max_concurrent_requests must be a positive integer: abc"),
    ({"max_queue_size": "0"}, "Value for max_queue_size must be a positive integer: 0"),
    ({"multipart_chunksize": "5XB"}, "Invalid size value: 5xb"),
    ({"max_bandwidth": "5XB/s"}, "Invalid size value: 5xb"),
    ({"max_bandwidth": "fast"}, "Invalid rate: fast. The value must be expressed as an integer "
     "in terms of bytes per second (e.g. 10485760) or a rate in terms of bytes per second "
     "(e.g. 10MB/s or 800KB/s) or bits per second (e.g. 10Mb/s or 800Kb/s)"),
])
def test_bad_settings_are_v2s_errors(block, message):
    with pytest.raises(settings.SettingError) as caught:
        settings.transfer_settings(block)
    assert caught.value.message == message
    assert caught.value.exit_code == 255


def test_transfer_settings_defaults_and_overrides():
    default = settings.transfer_settings(None)
    assert default.max_concurrent_requests == settings.DEFAULT_CONCURRENCY
    assert not default.concurrency_was_set
    assert default.multipart_threshold == 8 * 1024 ** 2
    chosen = settings.transfer_settings({"max_concurrent_requests": "3",
                                         "multipart_threshold": "64MB",
                                         "max_bandwidth": "1MB/s"})
    assert (chosen.max_concurrent_requests, chosen.multipart_threshold, chosen.max_bandwidth) \
        == (3, 64 * 1024 ** 2, 1024 ** 2)
    assert chosen.concurrency_was_set
    config = chosen.transfer_config()
    assert config.max_request_concurrency == 3 and config.max_bandwidth == 1024 ** 2


def test_client_settings_parse_booleans():
    block = {"addressing_style": "path", "use_accelerate_endpoint": "true",
             "use_dualstack_endpoint": "False", "payload_signing_enabled": "TRUE",
             "max_concurrent_requests": "5"}
    assert settings.client_settings(block) == {
        "addressing_style": "path", "use_accelerate_endpoint": True,
        "use_dualstack_endpoint": False, "payload_signing_enabled": True}


@given(st.text(max_size=12))
def test_parse_size_raises_only_its_error(text):
    try:
        value = settings.parse_size(text)
    except settings.SettingError:
        return
    assert isinstance(value, int)


@given(st.text(max_size=12))
def test_parse_rate_raises_only_its_error(text):
    try:
        value = settings.parse_rate(text)
    except settings.SettingError:
        return
    assert isinstance(value, int)


@given(st.text(max_size=40))
def test_split_returns_two_strings_or_refuses(text):
    try:
        bucket, key = uri.split("s3://" + text)
    except ValidationError:
        return
    assert isinstance(bucket, str) and isinstance(key, str)


@pytest.mark.parametrize("path, underlying", [
    (f"s3://{AP}/k", True), ("s3://my-ap-abc123-s3alias/k", True), ("s3://b--op-s3/k", True),
    ("s3://arn:aws:s3::123456789012:accesspoint/abc.mrap/k", True), ("s3://bucket/k", False),
])
def test_has_underlying_bucket(path, underlying):
    assert uri.has_underlying_bucket(path) is underlying


def test_mv_warns_when_paths_may_be_one_object():
    import io

    from cli.commands.s3 import transfer

    for environ, warned in (({}, True), ({"AWS_CLI_S3_MV_VALIDATE_SAME_S3_PATHS": "true"}, False)):
        err = io.StringIO()
        transfer.check("mv", {"paths": [f"s3://{AP}/k", "s3://bucket/k"]}, err, environ)
        assert (err.getvalue() == transfer.UNDERLYING_WARNING) is warned
