"""`aws s3 ls`: buckets, or the prefixes and objects under a prefix, in v2's columns.

    2013-07-11 17:08:50 mybucket                  a bucket: its creation time, its name
                               PRE photos/        a common prefix, right-aligned "PRE"
    2013-07-11 17:08:50       1234 notes.txt      an object: time, size in 10 columns, key

Times are the local time of the machine (v2 converts the service's UTC
stamps the same way). Lines are written as each page arrives, so a listing
of millions of keys starts at once and holds one page in memory.

Exit codes, as v2: 0; 1 when a key prefix was given and nothing matches it; service errors propagate (254), invalid bucket names
are botocore's validation errors (252).
"""

from __future__ import annotations

# v2's units for --human-readable: base 2, one decimal, "Bytes" below 1 KiB.
UNITS = ("KiB", "MiB", "GiB", "TiB", "PiB", "EiB")


def human_size(size: int) -> str:
    """A byte count as v2's --human-readable prints it: 1 Byte, 10 Bytes, 1.0 KiB, 3.5 MiB."""
    if size == 1:
        return "1 Byte"
    if size < 1024:
        return f"{size} Bytes"
    scale = 1024
    for unit in UNITS:
        # The first unit in which the value rounds below 1024 of it (1023.99 KiB reads
        # "1.0 MiB", as v2 has it).
        if round(size / scale) < 1024 or unit == UNITS[-1]:
            return f"{size / scale:.1f} {unit}"
        scale *= 1024
    raise AssertionError("unreachable")


def writer(stream):
    """stream.write for text a terminal may not be able to encode (a key in any language):
    what its encoding cannot hold is written as "?", as v2 does, never an error."""
    def write(text: str) -> None:
        try:
            stream.write(text)
        except UnicodeEncodeError:
            encoding = getattr(stream, "encoding", None) or "ascii"
            stream.write(text.encode(encoding, "replace").decode(encoding))
    return write


def local_time(stamp) -> str:
    """A service timestamp (an aware datetime) as "YYYY-MM-DD HH:MM:SS" in local time."""
    return stamp.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def prefix_line(prefix: str) -> str:
    """A common prefix's line: "PRE" right-aligned to 30 columns, then its last part."""
    return "PRE".rjust(30) + " " + prefix.split("/")[-2] + "/\n"


def object_line(entry: dict, human: bool, whole_key: bool) -> str:
    size = human_size(entry["Size"]) if human else str(entry["Size"])
    key = entry["Key"] if whole_key else entry["Key"].split("/")[-1]
    return f"{local_time(entry['LastModified'])} {size.rjust(10)} {key}\n"


def summary_lines(count: int, total: int, human: bool) -> str:
    size = human_size(total) if human else str(total)
    return f"\nTotal Objects: {count}\n   Total Size: {size}\n"


class Tally:
    """What a listing has printed: objects and bytes for --summarize, and whether the
    listing printed nothing (v2's exit code 1 for a key that matches nothing)."""

    __slots__ = ("objects", "size", "pages")

    def __init__(self) -> None:
        self.objects = 0
        self.size = 0
        self.pages = 0  # pages with at least one line


def list_buckets(client, write, page_size: int | None, prefix: str | None,
                 region: str | None) -> None:
    arguments: dict = {"PaginationConfig": {"PageSize": page_size}}
    if prefix:
        arguments["Prefix"] = prefix
    if region:
        arguments["BucketRegion"] = region
    for page in client.get_paginator("list_buckets").paginate(**arguments):
        write("".join(f"{local_time(b['CreationDate'])} {b['Name']}\n"
                      for b in page.get("Buckets", ())))


def list_objects(client, write, bucket: str, prefix: str, *, recursive: bool, human: bool,
                 page_size: int | None, request_payer: str | None) -> Tally:
    """Prefixes and objects under `prefix`; with `recursive`, every key under it, whole."""
    arguments: dict = {"Bucket": bucket, "Prefix": prefix,
                       "PaginationConfig": {"PageSize": page_size}}
    if not recursive:
        arguments["Delimiter"] = "/"
    if request_payer is not None:
        arguments["RequestPayer"] = request_payer
    tally = Tally()
    for page in client.get_paginator("list_objects_v2").paginate(**arguments):
        prefixes = page.get("CommonPrefixes", ())
        contents = page.get("Contents", ())
        if not prefixes and not contents:
            continue
        tally.pages += 1
        lines = [prefix_line(p["Prefix"]) for p in prefixes]
        for entry in contents:
            tally.objects += 1
            tally.size += int(entry["Size"])
            lines.append(object_line(entry, human, recursive))
        write("".join(lines))
    return tally


def run_ls(values: dict, context) -> int:
    from cli.commands.s3.settings import s3_client
    from cli.commands.s3.uri import split

    path = values["paths"]
    bucket, key = split(path)
    client = s3_client(context)
    write = writer(context.env.stdout)
    human = bool(values["human_readable"])
    if not bucket:
        list_buckets(client, write, values["page_size"], values["bucket_name_prefix"],
                     values["bucket_region"])
        tally = Tally()
    else:
        tally = list_objects(client, write, bucket, key, recursive=bool(values["recursive"]),
                             human=human, page_size=values["page_size"],
                             request_payer=values["request_payer"])
    if values["summarize"]:
        write(summary_lines(tally.objects, tally.size, human))
    # a key with no bucket (s3:///k) lists the buckets, and v2 then exits 0
    return 1 if bucket and key and not tally.pages else 0
