"""What a transfer command acts on: local files and S3 objects, listed as v2 lists them.

Both listings are generators (a million files never sit in memory) in the same
order, the byte order of the path below the root with "/" between folders, so
sync can walk a source and a destination side by side (cli.commands.s3.compare).

    Item   one file or object: its source path, destination path, compare key
           (the path below the root, with "/"), size, modification time (epoch
           seconds) and, for objects, the storage class
"""

from __future__ import annotations

import os
import stat

from cli.commands.s3 import uri

SPECIAL_FILE = ("File is character special device, block special device, FIFO, or socket.")


class Item:
    """One file or object to act on (a plain class with slots: many are made)."""

    __slots__ = ("src", "dest", "compare_key", "size", "mtime", "src_type", "dest_type",
                 "storage_class", "restore", "etag")

    def __init__(self, src: str, dest: str, compare_key: str, size, mtime, src_type: str,
                 dest_type: str, storage_class: str | None = None, restore: str | None = None,
                 etag: str | None = None):
        self.src = src  # a local path, or "bucket/key"
        self.dest = dest
        self.compare_key = compare_key
        self.size = size
        self.mtime = mtime
        self.src_type = src_type
        self.dest_type = dest_type
        self.storage_class = storage_class
        self.restore = restore
        self.etag = etag  # handed to s3transfer with the size: no HeadObject per download

    def __repr__(self) -> str:
        return f"Item({self.src!r} -> {self.dest!r})"


class Places:
    """The formatted source and destination of a command (v2's FileFormat)."""

    __slots__ = ("src", "dest", "src_type", "dest_type", "dir_op", "use_src_name")

    def __init__(self, src: str, dest: str, dir_op: bool):
        self.src_type = "s3" if uri.is_s3(src) else "local"
        self.dest_type = "s3" if uri.is_s3(dest) else "local"
        self.dir_op = dir_op
        self.src = _format(src, self.src_type, dir_op)[0]
        self.dest, self.use_src_name = _format(dest, self.dest_type, dir_op)

    def reversed(self) -> Places:
        """The destination as a source (sync lists both sides)."""
        places = Places.__new__(Places)
        places.src_type, places.dest_type = self.dest_type, self.src_type
        places.src, places.dest = self.dest, self.src
        places.dir_op, places.use_src_name = self.dir_op, True
        return places

    def item(self, path: str, size, mtime, **extra) -> Item:
        """The item of one listed path: where it goes and its compare key."""
        src_sep = "/" if self.src_type == "s3" else os.sep
        if self.dir_op:
            relative = path[len(self.src):]
        else:
            relative = path.split(src_sep)[-1]
        compare_key = relative.replace(src_sep, "/")
        dest = self.dest
        if self.use_src_name:
            dest_sep = "/" if self.dest_type == "s3" else os.sep
            dest += relative.replace(src_sep, dest_sep)
        return Item(path, dest, compare_key, size, mtime, self.src_type, self.dest_type, **extra)


def _format(path: str, kind: str, dir_op: bool) -> tuple[str, bool]:
    if kind == "s3":
        path = path[len(uri.SCHEME):]
        if dir_op and not path.endswith("/"):
            return path + "/", True
        return path, path.endswith("/")
    full = os.path.abspath(path)
    if dir_op or os.path.isdir(full) or path.endswith(os.sep):
        return full + os.sep, True
    return full, False


# -- local files ------------------------------------------------------------


def skip_reason(path: str) -> str | None:
    """Why a local path is skipped with a warning (v2's words), or None."""
    if not os.path.exists(path):
        return "File does not exist."
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return "File does not exist."
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode):
        return SPECIAL_FILE
    if not os.access(path, os.R_OK):
        return "File/Directory is not readable."
    return None


def list_local(path: str, dir_op: bool, follow_symlinks: bool, warn):
    """(path, size, mtime) of each file, in v2's order; `warn(path, reason)` for a skip."""
    if _ignored(path, follow_symlinks, warn):
        return
    if not dir_op:
        found = _stat(path, warn)
        if found:
            yield found
        return
    yield from _walk(path, follow_symlinks, warn, set())


def _walk(folder: str, follow_symlinks: bool, warn, seen: set):
    real = os.path.realpath(folder)
    if real in seen:
        # a symlink loop: v2 follows it ~40 levels deep (uploading every file again at each
        # level) until the OS refuses; shapecli skips it the first time it comes round
        warn(folder.rstrip(os.sep), "Symbolic link loop.")
        return
    seen = seen | {real}
    try:
        entries = os.listdir(folder)
    except OSError:
        warn(folder, "File/Directory is not readable.")
        return
    names = []
    for name in entries:
        full = os.path.join(folder, name)
        if _ignored(full, follow_symlinks, warn):
            continue
        names.append(name + os.sep if os.path.isdir(full) else name)
    names.sort(key=lambda name: name.replace(os.sep, "/"))
    for name in names:
        full = os.path.join(folder, name)
        if name.endswith(os.sep):
            yield from _walk(full, follow_symlinks, warn, seen)
        else:
            found = _stat(full, warn)
            if found:
                yield found


def _ignored(path: str, follow_symlinks: bool, warn) -> bool:
    if not follow_symlinks:
        bare = path[:-1] if path.endswith(os.sep) else path
        if os.path.islink(bare):
            return True
    reason = skip_reason(path)
    if reason:
        warn(path, reason)
        return True
    return False


def _stat(path: str, warn):
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        warn(path, "File does not exist.")
        return None
    return path, info.st_size, info.st_mtime


# -- S3 objects ---------------------------------------------------------------


def list_s3(client, s3_path: str, dir_op: bool, operation: str, page_size: int | None = None,
            list_args: dict | None = None, head_args: dict | None = None):
    """(bucket/key, size, mtime, storage class, restore, etag) of each object, in key order.

    A single key (not --recursive) is one HeadObject (none at all for a delete);
    zero-byte "folder" keys ending in "/" are listed only for deletes.
    """
    bucket, prefix = uri.split(s3_path)
    if not dir_op and prefix:
        yield _single(client, s3_path, bucket, prefix, operation, head_args)
        return
    paginator = client.get_paginator("list_objects_v2")
    config = {"PageSize": page_size} if page_size else {}
    pages = paginator.paginate(Bucket=bucket, Prefix=prefix, PaginationConfig=config,
                               **(list_args or {}))
    for page in pages:
        for entry in page.get("Contents", ()):
            key = entry["Key"]
            path = f"{bucket}/{key}"
            size = entry["Size"]
            if size == 0 and key.endswith("/"):
                if operation != "delete":
                    continue
            elif not dir_op and s3_path != path:
                continue
            yield (path, size, entry["LastModified"].timestamp(), entry.get("StorageClass"),
                   None, entry.get("ETag"))


def _single(client, s3_path, bucket, key, operation, head_args):
    if operation == "delete":
        return s3_path, None, None, None, None, None
    from botocore.exceptions import ClientError

    try:
        response = client.head_object(Bucket=bucket, Key=key, **(head_args or {}))
    except ClientError as e:
        if e.response.get("Error", {}).get("Code") != "404":
            raise
        e.response["Error"]["Message"] = f'Key "{key}" does not exist'
        raise ClientError(e.response, "HeadObject") from None
    return (s3_path, int(response["ContentLength"]), response["LastModified"].timestamp(),
            response.get("StorageClass"), response.get("Restore"), response.get("ETag"))
