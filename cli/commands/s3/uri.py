"""S3 paths of the `aws s3` commands: `s3://bucket/key` and local paths.

    s3-path  = "s3://" bucket [ "/" key ]
    bucket   = name | access-point-arn | outposts-access-point-arn
    kinds    = "s3" | "local"      (a path is "s3" when it starts with s3://)

An access point ARN (`arn:aws:s3:us-west-2:123456789012:accesspoint/ap`) or an
S3 on Outposts access point ARN stands where a bucket name stands, and the key
follows it after "/" (ARNs hold "/" and ":" of their own, so a plain split on
the first "/" would cut them). v2 refuses Object Lambda access points and
Outposts bucket ARNs in the s3 commands (s3api handles them); so does this.
Nothing here touches the network or the file system.
"""

from __future__ import annotations

import re

from cli.errors import ValidationError

SCHEME = "s3://"

_ACCESS_POINT = re.compile(
    r"^(?P<bucket>arn:(aws).*:s3:[a-z\-0-9]*:[0-9]{12}:accesspoint[:/][^/]+)/?(?P<key>.*)$")
_OUTPOSTS_ACCESS_POINT = re.compile(
    r"^(?P<bucket>arn:(aws).*:s3-outposts:[a-z\-0-9]+:[0-9]{12}:outpost[/:]"
    r"[a-zA-Z0-9\-]{1,63}[/:]accesspoint[/:][a-zA-Z0-9\-]{1,63})[/:]?(?P<key>.*)$")
_OUTPOSTS_BUCKET = re.compile(
    r"^(?P<bucket>arn:(aws).*:s3-outposts:[a-z\-0-9]+:[0-9]{12}:outpost[/:]"
    r"[a-zA-Z0-9\-]{1,63}[/:]bucket[/:][a-zA-Z0-9\-]{1,63})[/:]?(?P<key>.*)$")
_OBJECT_LAMBDA = re.compile(
    r"^(?P<bucket>arn:(aws).*:s3-object-lambda:[a-z\-0-9]+:[0-9]{12}:"
    r"accesspoint[/:][a-zA-Z0-9\-]{1,63})[/:]?(?P<key>.*)$")


# Names of some bucket that are not its name: access points (ARN), Outposts access points
# (ARN), multi-region access points (ARN of the alias); and access point aliases (-s3alias,
# --op-s3). Two different paths with these may be one object.
ACCESS_POINT_ARN = re.compile(
    r"^arn:aws.*:s3:[a-z0-9\-]+:(?P<account>[0-9]{12}):accesspoint[:/]"
    r"(?P<name>[a-z0-9\-]{3,50})$")
OUTPOSTS_ACCESS_POINT_ARN = re.compile(
    r"^arn:aws.*:s3-outposts:[a-z0-9\-]+:(?P<account>[0-9]{12}):outpost/op-[a-zA-Z0-9]+/"
    r"accesspoint[:/][a-z0-9\-]{3,50}$")
MULTI_REGION_ARN = re.compile(
    r"^arn:aws:s3::(?P<account>[0-9]{12}):accesspoint[:/](?P<alias>[a-zA-Z0-9]+\.mrap)$")
ACCESS_POINT_ALIAS = "-s3alias"
OUTPOSTS_ALIAS = "--op-s3"


def has_underlying_bucket(path: str) -> bool:
    """Whether an S3 path's bucket is an access point (ARN or alias) or a multi-region access
    point: another name of some bucket, so two different paths may be one object."""
    bucket, _ = split(path)
    return (any(pattern.match(bucket) for pattern in
                (ACCESS_POINT_ARN, OUTPOSTS_ACCESS_POINT_ARN, MULTI_REGION_ARN))
            or bucket.endswith(ACCESS_POINT_ALIAS) or bucket.endswith(OUTPOSTS_ALIAS))


def is_s3(path: str) -> bool:
    """Whether a command-line path names S3 (s3://...) rather than a local path."""
    return path.startswith(SCHEME)


def paths_type(paths: list[str] | tuple[str, ...]) -> str:
    """v2's name for the kinds of a command's paths: "locals3", "s3local", "s3s3", "s3",
    "local", "locallocal"."""
    return "".join("s3" if is_s3(path) else "local" for path in paths)


def split(path: str) -> tuple[str, str]:
    """(bucket, key) of an S3 path, with or without its s3:// scheme.

    The bucket may be an access point or Outposts access point ARN; raises
    ValidationError for an Object Lambda access point or an Outposts bucket ARN.
    """
    if path.startswith(SCHEME):
        path = path[len(SCHEME):]
    if _OBJECT_LAMBDA.match(path):
        raise ValidationError("s3 commands do not support S3 Object Lambda resources. "
                         "Use s3api commands instead.")
    if _OUTPOSTS_BUCKET.match(path):
        raise ValidationError("s3 commands do not support Outpost Bucket ARNs. "
                         "Use s3control commands instead.")
    for pattern in (_ACCESS_POINT, _OUTPOSTS_ACCESS_POINT):
        match = pattern.match(path)
        if match:
            return match.group("bucket"), match.group("key")
    bucket, _, key = path.partition("/")
    return bucket, key


def with_bucket_slash(path: str) -> str:
    """s3://bucket -> s3://bucket/ (a bare bucket is a prefix, as v2 normalises it);
    other paths unchanged."""
    if is_s3(path):
        _, key = split(path)
        if not key and not path.endswith("/"):
            return path + "/"
    return path


def join(bucket: str, key: str) -> str:
    """The s3:// path of an object, as the output lines show it."""
    return f"{SCHEME}{bucket}/{key}"


def is_directory_bucket(bucket: str) -> bool:
    """An S3 Express One Zone directory bucket (name--zone-id--x-s3)."""
    return bucket.endswith("--x-s3")
