"""`aws s3 cp`, `mv`, `rm` and `sync`: declarations, and the checks v2 makes before any request.

The work itself (listing, comparing, the transfers on s3transfer) is in
cli.commands.s3.execute, imported only when a command runs.
"""

from __future__ import annotations

import os

from cli.commands import HandCommand
from cli.commands.s3 import arguments
from cli.errors import CliError, ValidationError

KINDS = {"cp": ("s3s3", "s3local", "locals3"), "mv": ("s3s3", "s3local", "locals3"),
         "sync": ("s3s3", "s3local", "locals3"), "rm": ("s3",)}
USAGE = {"cp": arguments.PATHS_USAGE, "mv": arguments.PATHS_USAGE,
         "sync": arguments.PATHS_USAGE, "rm": "<S3Uri>"}
EXPECTED_USAGE = {"locals3": "<LocalPath> <S3Uri>", "s3s3": "<S3Uri> <S3Uri>",
                  "s3local": "<S3Uri> <LocalPath>", "s3": "<S3Uri>"}


class Job:
    """One command's checked inputs: what the executor needs besides the values."""

    __slots__ = ("name", "values", "src", "dest", "paths_type", "dir_op", "is_stream",
                 "is_move")

    def __init__(self, name: str, values: dict, src: str, dest: str, paths_type: str,
                 dir_op: bool, is_stream: bool):
        self.name = name
        self.values = values
        self.src = src
        self.dest = dest
        self.paths_type = paths_type
        self.dir_op = dir_op
        self.is_stream = is_stream
        self.is_move = name == "mv"


UNDERLYING_WARNING = (
    "warning: Provided s3 paths may resolve to same underlying s3 object(s) and result in "
    "deletion instead of being moved. To resolve and validate underlying s3 paths are not the "
    "same, specify the --validate-same-s3-paths flag or set the "
    "AWS_CLI_S3_MV_VALIDATE_SAME_S3_PATHS environment variable to true. To resolve s3 "
    "outposts access point path, the arn must be used instead of the alias.\n")


def _validating(values: dict, environ) -> bool:
    setting = (environ or {}).get("AWS_CLI_S3_MV_VALIDATE_SAME_S3_PATHS", "")
    return bool(values.get("validate_same_s3_paths")) or setting.strip().lower() == "true"


def check(name: str, values: dict, stderr=None, environ=None, resolvers=None) -> Job:
    """v2's checks of the paths and options, in v2's order; raises its errors.

    `resolvers(for_source: bool) -> access_points.Resolver`: how `mv
    --validate-same-s3-paths` finds the buckets behind access points (None: not checked)."""
    from cli.commands.s3 import uri  # its patterns compile on import: not for argument errors

    paths = values.get("paths")
    paths = list(paths) if isinstance(paths, (list, tuple)) else [paths]
    kind = uri.paths_type(paths)
    if kind not in KINDS[name]:
        raise ValidationError(f"usage: aws s3 {name} {USAGE[name]}\nError: Invalid argument type")
    paths = [uri.with_bucket_slash(path) for path in paths]
    for path in paths:
        if uri.is_s3(path):
            uri.split(path)  # v2 refuses Object Lambda and Outposts bucket ARNs here
    src, dest = paths[0], paths[-1]
    dir_op = bool(values.get("dir_op")) or name == "sync"
    is_stream = False
    if src == "-" or dest == "-":
        if name != "cp" or dir_op:
            raise ValidationError("Streaming currently is only compatible with non-recursive "
                                  "cp commands")
        is_stream = True
        values["only_show_errors"] = True
        if dest == "-" and values.get("no_overwrite"):
            raise ValidationError("--no-overwrite parameter is not supported for streaming "
                                  "downloads")
    if name == "mv" and kind == "s3s3":
        if _same_path(src, dest):
            raise ValidationError(f"Cannot mv a file onto itself: {src} - {dest}")
        same_key = _same_path("/" + uri.split(src)[1], "/" + uri.split(dest)[1])
        if same_key and _validating(values, environ):
            if resolvers is not None:
                _refuse_same_underlying(src, dest, resolvers)
        elif same_key and (uri.has_underlying_bucket(src) or uri.has_underlying_bucket(dest)) \
                and stderr is not None:
            stderr.write(UNDERLYING_WARNING)
    if values.get("checksum_algorithm"):
        _only_for("checksum-algorithm", kind, ("locals3", "s3s3"))
    if values.get("checksum_mode"):
        _only_for("checksum-mode", kind, ("s3local",))
    if kind == "locals3" and not is_stream and not os.path.exists(src):
        raise CliError(f"The user-provided path {src} does not exist.")
    if kind == "s3local" and dir_op and not os.path.exists(dest):
        os.makedirs(dest)
    from cli.commands.s3 import requests

    requests.check_sse_c(values, kind)
    if name == "sync":
        for path in (src, dest):
            if uri.is_s3(path) and uri.is_directory_bucket(uri.split(path)[0]):
                raise ValidationError("Cannot use sync command with a directory bucket.")
    return Job(name, values, src, dest, kind, dir_op, is_stream)


def _refuse_same_underlying(src: str, dest: str, resolvers) -> None:
    """mv between two names of one object would delete it: v2's error if they are one."""
    sources = resolvers(True).underlying(src)
    destinations = resolvers(False).underlying(dest)
    if any(_same_path(s, d) for s in sources for d in destinations):
        raise ValidationError(f"Cannot mv a file onto itself: {src} - {dest}")


def _same_path(src: str, dest: str) -> bool:
    if src == dest:
        return True
    if dest.endswith("/"):
        return src == os.path.join(dest, os.path.basename(src))
    return False


def _only_for(option: str, kind: str, allowed: tuple[str, ...]) -> None:
    if kind not in allowed:
        expected = ", ".join(EXPECTED_USAGE[k] for k in allowed)
        raise ValidationError(f"Expected {option} parameter to be used with one of following "
                              f"path formats: {expected}. Instead, received "
                              f"{EXPECTED_USAGE[kind]}.")


def _runner(name: str):
    def run(values: dict, context) -> int:
        def resolvers(source: bool):
            from cli.commands.s3.access_points import Resolver

            region = (values.get("source_region") if source else None) or context.args.region
            return Resolver(context, region)

        job = check(name, values, context.env.stderr, context.env.environ, resolvers)
        from cli.commands.s3 import execute

        return execute.run(job, context)

    run.__name__ = f"run_{name}"
    return run


CP = HandCommand(
    ("s3", "cp"), _runner("cp"), arguments=arguments.CP,
    summary="Copies a local file or S3 object to another location locally or in S3.",
    description=(
        "Copies a local file or S3 object to another place, locally or in S3: an upload, a "
        "download, or a copy between buckets. With --recursive, every file under a folder or "
        "every object under a prefix.\n\n"
        "\"-\" as the source reads standard input, and as the destination writes standard "
        "output (single objects only).\n\n"
        "Transfers run concurrently (the profile's s3 max_concurrent_requests; shapecli's "
        "default is higher than v2's 10). A download is written under a temporary name in its "
        "folder and renamed when whole."),
    examples=("Upload a file:\n\n    aws s3 cp report.csv s3://my-bucket/reports/",
              "Download every object under a prefix, except logs:\n\n"
              "    aws s3 cp s3://my-bucket/data ./data --recursive --exclude \"*.log\"",
              "Stream an object to standard output:\n\n    aws s3 cp s3://my-bucket/a.txt -"))
MV = HandCommand(
    ("s3", "mv"), _runner("mv"), arguments=arguments.MV,
    summary="Moves a local file or S3 object to another location locally or in S3.",
    description=(
        "Moves a local file or S3 object: it is transferred, and its source deleted only once "
        "the transfer is whole. With --recursive, every file under a folder or object under a "
        "prefix."),
    examples=("Move a file into a bucket:\n\n    aws s3 mv notes.txt s3://my-bucket/notes.txt",))
RM = HandCommand(
    ("s3", "rm"), _runner("rm"), arguments=arguments.RM,
    summary="Deletes an S3 object.",
    description="Deletes an S3 object, or with --recursive every object under a prefix.",
    examples=("Delete every object under a prefix:\n\n"
              "    aws s3 rm s3://my-bucket/tmp/ --recursive",))
SYNC = HandCommand(
    ("s3", "sync"), _runner("sync"), arguments=arguments.SYNC,
    summary=("Syncs directories and S3 prefixes. Recursively copies new and updated files "
             "from the source directory to the destination."),
    description=(
        "Makes the destination like the source: files missing at the destination are "
        "transferred, and files at both places whose size differs or whose source is newer "
        "(for downloads: whose local copy's time differs from the object's) are transferred "
        "again. With --delete, files the source lacks are deleted at the destination. "
        "Empty folders are not created."),
    examples=("Upload a folder's new and changed files:\n\n    aws s3 sync ./site s3://my-bucket",
              "Mirror a prefix locally, deleting what is gone:\n\n"
              "    aws s3 sync s3://my-bucket/data ./data --delete"))

COMMANDS = (CP, MV, RM, SYNC)
"""`aws s3` transfer commands (gathered in cli.commands.s3)."""
