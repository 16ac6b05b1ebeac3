"""`aws s3 ls | mb | rb | presign | website`: buckets and listings (see cli.commands.s3).

The declarations are data; each run function imports what it needs. The
listing itself is cli.commands.s3.listing. Paths (cli.commands.s3.uri) and
the S3 client (cli.commands.s3.settings) are shared with the transfer commands.

Messages and exit codes are v2's, which scripts read:

    make_bucket: NAME                                   mb, exit 0
    make_bucket failed: s3://NAME <the error>           mb on stderr, exit 1
    remove_bucket: NAME / remove_bucket failed: ...     rb, likewise
    delete: s3://NAME/KEY                               rb --force, each object removed
"""

from __future__ import annotations

from cli.commands import Argument, HandCommand
from cli.errors import CliError, ValidationError

# -- what the commands do ------------------------------------------------------


def _bucket_of(path: str) -> tuple[str, str]:
    """mb and rb take only s3:// paths (v2's wording when not)."""
    from cli.commands.s3.uri import split

    if not path.startswith("s3://"):
        raise ValidationError("<S3Uri>\nError: Invalid argument type")
    return split(path)


def _failure(error: Exception) -> str:
    """An error as v2 prints it after "make_bucket failed: s3://x ": botocore's own text."""
    return str(error)


def run_mb(values: dict, context) -> int:
    from cli.commands.s3.settings import s3_client

    path = values["path"]
    bucket, _ = _bucket_of(path)
    if bucket.endswith("--x-s3"):
        raise ValidationError("Cannot use mb command with a directory bucket.")
    client = s3_client(context)
    request: dict = {"Bucket": bucket}
    configuration: dict = {}
    if bucket.endswith("-an"):  # a bucket in the account's regional namespace
        request["BucketNamespace"] = "account-regional"
    # us-east-1 takes no location constraint (S3 refuses one naming it).
    if client.meta.region_name != "us-east-1":
        configuration["LocationConstraint"] = client.meta.region_name
    if values["tags"]:
        configuration["Tags"] = [{"Key": key, "Value": value} for key, value in values["tags"]]
    if configuration:
        request["CreateBucketConfiguration"] = configuration
    try:
        client.create_bucket(**request)
    except Exception as error:  # v2: every failure is one line and exit 1
        context.env.stderr.write(f"make_bucket failed: {path} {_failure(error)}\n")
        return 1
    context.env.stdout.write(f"make_bucket: {bucket}\n")
    return 0


def run_rb(values: dict, context) -> int:
    from cli.commands.s3.settings import s3_client

    path = values["path"]
    bucket, key = _bucket_of(path)
    if key:
        raise ValidationError(f"Please specify a valid bucket name only. E.g. s3://{bucket}")
    if values["force"]:
        # v2 empties the bucket with its `rm --recursive`, which reads the transfer settings
        # first: a bad one stops rb --force before anything is deleted
        from cli.commands.s3.settings import s3_block, transfer_settings

        transfer_settings(s3_block(context))
    client = s3_client(context)
    if values["force"] and not _empty_bucket(client, bucket, context):
        raise CliError("remove_bucket failed: Unable to delete all objects in the bucket, "
                       "bucket will not be deleted.")
    try:
        client.delete_bucket(Bucket=bucket)
    except Exception as error:
        context.env.stderr.write(f"remove_bucket failed: {path} {_failure(error)}\n")
        return 1
    context.env.stdout.write(f"remove_bucket: {bucket}\n")
    return 0


def _empty_bucket(client, bucket: str, context) -> bool:
    """Delete every object of the bucket (rb --force), a page of keys per request; a line
    for each as v2's `rm --recursive` prints it. False if any stayed."""
    from cli.commands.s3.listing import writer

    out, err = writer(context.env.stdout), writer(context.env.stderr)
    whole = True
    try:
        for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket):
            keys = [entry["Key"] for entry in page.get("Contents", ())]
            if not keys:
                continue
            answer = client.delete_objects(
                Bucket=bucket, Delete={"Objects": [{"Key": k} for k in keys], "Quiet": False})
            out("".join(f"delete: s3://{bucket}/{d['Key']}\n" for d in answer.get("Deleted", ())))
            for failed in answer.get("Errors", ()):
                whole = False
                err(f"delete failed: s3://{bucket}/{failed['Key']} An error occurred "
                    f"({failed.get('Code')}) when calling the DeleteObject operation: "
                    f"{failed.get('Message')}\n")
    except Exception as error:
        err(f"fatal error: {_failure(error)}\n")
        return False
    return whole


def run_presign(values: dict, context) -> int:
    from cli.commands.s3.settings import s3_client
    from cli.commands.s3.uri import split

    path = values["path"]
    bucket, key = split(path)
    client = s3_client(context, sigv4=True)  # v2 presigns with SigV4 only
    url = client.generate_presigned_url("get_object", {"Bucket": bucket, "Key": key},
                                        ExpiresIn=values["expires_in"])
    context.env.stdout.write(url + "\n")
    return 0


def run_website(values: dict, context) -> int:
    from cli.commands.s3.settings import s3_client
    from cli.commands.s3.uri import split

    path = values["paths"][0]
    split(path)  # v2's refusals of Object Lambda and Outposts bucket ARNs
    path = path[5:] if path.startswith("s3://") else path
    bucket = path[:-1] if path.endswith("/") else path  # one slash typed by habit
    configuration: dict = {}
    if values["index_document"] is not None:
        configuration["IndexDocument"] = {"Suffix": values["index_document"]}
    if values["error_document"] is not None:
        configuration["ErrorDocument"] = {"Key": values["error_document"]}
    s3_client(context).put_bucket_website(Bucket=bucket, WebsiteConfiguration=configuration)
    return 0


def _run_ls(values: dict, context) -> int:
    from cli.commands.s3.listing import run_ls

    return run_ls(values, context)


# -- the declarations ------------------------------------------------------------

_REQUEST_PAYER = Argument(
    "request-payer", documentation=(
        "Confirms that you know you are charged for the requests to a requester-pays "
        "bucket. A bucket's owner never needs it."),
    choices=("requester",), optional_value="requester")
_PAGE_SIZE = Argument(
    "page-size", "int",
    "How many keys or buckets each list request asks for (at most 1000, the default). "
    "A smaller page can help when a listing times out.")

LS = HandCommand(
    ("s3", "ls"), _run_ls,
    summary="List buckets, or the prefixes and objects under an S3 prefix.",
    description=(
        "Without a path, lists your buckets: creation time and name. With s3://bucket or "
        "s3://bucket/prefix, lists the common prefixes (PRE lines) and objects directly "
        "under the prefix: last-modified time, size in bytes and name. Times are shown in "
        "the local time zone.\n\n"
        "The listing is plain text: --output and --no-paginate do not change it. When a "
        "key prefix is given and nothing matches it, the exit code is 1."),
    arguments=(
        Argument("paths", positional=True, default="s3://", completion="s3-paths",
                 documentation="s3://bucket[/prefix], or nothing to list the buckets."),
        Argument("recursive", "boolean",
                 "List every object under the prefix, with its whole key, instead of "
                 "stopping at the next slash."),
        _PAGE_SIZE,
        Argument("human-readable", "boolean",
                 "Show sizes in Bytes, KiB, MiB, GiB, TiB, PiB or EiB (powers of 1024)."),
        Argument("summarize", "boolean",
                 "End with the number of objects listed and their total size."),
        _REQUEST_PAYER,
        Argument("bucket-name-prefix",
                 documentation="List only the buckets whose names start with this text."),
        Argument("bucket-region",
                 documentation="List only the buckets in this Region (a code such as "
                               "us-west-2)."),
    ),
    synopsis=("  s3 ls", "<S3Uri> or NONE", "[--recursive]", "[--page-size <value>]",
              "[--human-readable]", "[--summarize]", "[--request-payer <value>]",
              "[--bucket-name-prefix <value>]", "[--bucket-region <value>]"),
    examples=(
        "List your buckets:\n\n    aws s3 ls",
        "List what is directly under a prefix, sizes in KiB and MiB, with totals:\n\n"
        "    aws s3 ls s3://my-bucket/logs/ --human-readable --summarize",
        "List every key of a bucket:\n\n    aws s3 ls s3://my-bucket --recursive",
    ),
)

MB = HandCommand(
    ("s3", "mb"), run_mb,
    summary="Create an S3 bucket.",
    description=(
        "Creates the bucket named by the s3:// path, in the Region of the command (--region, "
        "the profile, or the environment). Prints make_bucket: NAME; a failure prints "
        "make_bucket failed: with the service's error and exits 1."),
    arguments=(
        Argument("path", positional=True, required=True, completion="s3-paths",
                 documentation="s3://bucket-name"),
        Argument("tags", "list", "A tag for the new bucket, as a key and a value; repeat the "
                 "option for more tags.", nargs=2),
    ),
    synopsis=("  s3 mb", "<S3Uri>", "[--tags <key> <value>]"),
    examples=("Create a bucket in us-west-2:\n\n    aws s3 mb s3://my-new-bucket --region us-west-2",),
)

RB = HandCommand(
    ("s3", "rb"), run_rb,
    summary="Delete an empty S3 bucket (with --force, its objects first).",
    description=(
        "Deletes the bucket named by the s3:// path. S3 refuses to delete a bucket that "
        "still holds objects or object versions. With --force, the bucket's current objects "
        "are deleted first (a delete: line each); older versions of a versioned bucket stay, "
        "so such a bucket is still refused."),
    arguments=(
        Argument("path", positional=True, required=True, completion="s3-paths",
                 documentation="s3://bucket-name"),
        Argument("force", "boolean",
                 "Delete every object of the bucket, then the bucket. Object versions are not "
                 "deleted; use s3api delete-object with --version-id for those."),
    ),
    synopsis=("  s3 rb", "<S3Uri>", "[--force]"),
    examples=("Delete a bucket and everything in it:\n\n    aws s3 rb s3://old-bucket --force",),
)

PRESIGN = HandCommand(
    ("s3", "presign"), run_presign,
    summary="Print a presigned URL that lets anyone GET an S3 object for a while.",
    description=(
        "Prints a URL, signed with your credentials (Signature Version 4), with which anyone "
        "can download the object by an HTTP GET until it expires. Signature Version 4 names "
        "the Region, so the command's Region must be the bucket's."),
    arguments=(
        Argument("path", positional=True, required=True, completion="s3-paths",
                 documentation="s3://bucket/key"),
        Argument("expires-in", "int",
                 "Seconds until the URL expires: 3600 unless given, at most 604800 (a week).",
                 default=3600),
    ),
    synopsis=("  s3 presign", "<S3Uri>", "[--expires-in <value>]"),
    examples=("A URL valid for ten minutes:\n\n"
              "    aws s3 presign s3://my-bucket/report.pdf --expires-in 600",),
)

WEBSITE = HandCommand(
    ("s3", "website"), run_website,
    summary="Set a bucket's static website configuration.",
    description="Sets the index and error documents of the bucket's website endpoint.",
    arguments=(
        Argument("paths", positional=True, nargs=1, completion="s3-paths",
                 documentation="s3://bucket-name"),
        Argument("index-document", documentation=(
            "The suffix served for a request that names a folder: with index.html, a request "
            "for images/ returns the object images/index.html. Neither empty nor containing "
            "a slash.")),
        Argument("error-document", documentation="The key of the object served on a 4XX error."),
    ),
    synopsis=("  s3 website", "<S3Uri>", "[--index-document <value>]",
              "[--error-document <value>]"),
    examples=("Serve index.html and error.html:\n\n"
              "    aws s3 website s3://my-bucket/ --index-document index.html "
              "--error-document error.html",),
)

COMMANDS = (LS, MB, RB, PRESIGN, WEBSITE)
