"""The `s3` block of the profile, as v2 reads it, and the S3 client the commands share.

    [profile dev]
    s3 =
      max_concurrent_requests = 20
      multipart_threshold = 64MB
      multipart_chunksize = 16MB
      max_bandwidth = 50MB/s
      addressing_style = path

Sizes: an integer of bytes, or digits with KB MB GB TB (or KiB MiB GiB TiB:
both are powers of 1024, as v2 reads them). Rates: bytes per second, or a size
followed by "B/s" (bytes) or "b/s" (bits). A bad value is v2's error line and
exit 255.

Defaults differ from v2's in one place: when max_concurrent_requests is not
set, shapecli runs DEFAULT_CONCURRENCY (32) requests at a time (v2: 10), because
many small objects are bound by round trips, not by bandwidth; a set value is
used as it is. The connection pool is at least as large as the concurrency, so
no request waits for a connection another finished with.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

from cli.errors import CliError

KIB = 1024
SIZE_SUFFIXES = {"kb": KIB, "mb": KIB ** 2, "gb": KIB ** 3, "tb": KIB ** 4,
                 "kib": KIB, "mib": KIB ** 2, "gib": KIB ** 3, "tib": KIB ** 4}

# Measured (1,000 files of 0.2-0.7 KB, sync up and down, 20 ms per client chunk, moto on the
# same 2 cores): 10 at a time ~7-9 s each way, 32 ~3.0-3.2 s, 64 ~3.3 s; beyond ~32 the
# interpreter lock and the server's CPU bound it, and more connections only cost memory.
DEFAULT_CONCURRENCY = 32
V2_CONCURRENCY = 10
DEFAULT_QUEUE_SIZE = 1000
DEFAULT_THRESHOLD = 8 * KIB ** 2
DEFAULT_CHUNKSIZE = 8 * KIB ** 2
IO_CHUNKSIZE = 256 * KIB
# parts of a large file held in memory at once, each way (v2's number): memory stays near
# 6 x multipart_chunksize however high the concurrency for small objects is
IN_MEMORY_CHUNKS = 6
# downloaded pieces (IO_CHUNKSIZE each) waiting for the one writer thread, for large files:
# s3transfer allows 1,000 (250 MB). The queue is what a large download's memory is made of
# (200 MB through bench/s3sync.py's proxy, peak RSS / wall: 64 -> 110-116 MB / 2.65-2.70 s,
# 16 -> 87.5 MB / 2.66-2.80 s, 8 -> 67-70 MB / 2.73 s; v2 137-144 MB / 3.05 s): 16 (4 MB)
# keeps memory well below v2's at the same speed and leaves the writer room on a slow disk.
# Small files keep 1,000: their pieces are small, and a full queue stalls the request
# threads behind the writer.
IO_QUEUE_CHUNKS = 16

# the client settings of the block; botocore reads them from the profile too, but
# spelling them out here makes the booleans' parsing and the precedence visible
CLIENT_KEYS = ("addressing_style", "use_accelerate_endpoint", "use_dualstack_endpoint",
               "payload_signing_enabled", "us_east_1_regional_endpoint")
BOOLEAN_KEYS = ("use_accelerate_endpoint", "use_dualstack_endpoint", "payload_signing_enabled")


class SettingError(CliError):
    """A value of the profile's s3 block that v2 refuses (exit 255, as v2)."""


class TransferSettings:
    """What the transfer manager is told: concurrency, queue, sizes, bandwidth."""

    __slots__ = ("max_concurrent_requests", "max_queue_size", "multipart_threshold",
                 "multipart_chunksize", "max_bandwidth", "concurrency_was_set")

    def __init__(self, *, max_concurrent_requests: int = DEFAULT_CONCURRENCY,
                 max_queue_size: int = DEFAULT_QUEUE_SIZE,
                 multipart_threshold: int = DEFAULT_THRESHOLD,
                 multipart_chunksize: int = DEFAULT_CHUNKSIZE,
                 max_bandwidth: int | None = None, concurrency_was_set: bool = False):
        self.max_concurrent_requests = max_concurrent_requests
        self.max_queue_size = max_queue_size
        self.multipart_threshold = multipart_threshold
        self.multipart_chunksize = multipart_chunksize
        self.max_bandwidth = max_bandwidth
        self.concurrency_was_set = concurrency_was_set

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"TransferSettings({fields})"

    def transfer_config(self):
        """The s3transfer TransferConfig of these settings."""
        from s3transfer.manager import TransferConfig

        return TransferConfig(
            multipart_threshold=self.multipart_threshold,
            multipart_chunksize=self.multipart_chunksize,
            max_request_concurrency=self.max_concurrent_requests,
            max_request_queue_size=self.max_queue_size,
            max_bandwidth=self.max_bandwidth,
            io_chunksize=IO_CHUNKSIZE,
            max_in_memory_upload_chunks=IN_MEMORY_CHUNKS,
            max_in_memory_download_chunks=IN_MEMORY_CHUNKS,
        )


def parse_size(text: str) -> int:
    """'8MB' -> 8388608; '1024' -> 1024; v2's error text for anything else."""
    value = text.lower()
    suffix = value[-3:] if value[-2:] == "ib" else value[-2:]
    if len(value) >= 2 and suffix in SIZE_SUFFIXES:
        digits = value[:-len(suffix)]
        if digits.isdigit():  # int() would take ' 8', '+8', '8_0'
            return int(digits) * SIZE_SUFFIXES[suffix]
        raise SettingError(f"Invalid size value: {value}") from None
    try:
        return int(value)
    except ValueError:
        raise SettingError(f"Invalid size value: {value}") from None


def parse_rate(text: str) -> int:
    """'50MB/s' -> bytes per second; '80Mb/s' -> bits / 8; '1024' -> 1024."""
    if text.endswith("B/s"):
        return _rate_bytes(text)
    if text.endswith("b/s"):
        return int(_rate_bytes(text) / 8)
    if _is_integer(text):
        return int(text)
    raise SettingError(
        f"Invalid rate: {text}. The value must be expressed as an integer in terms of bytes "
        "per second (e.g. 10485760) or a rate in terms of bytes per second (e.g. 10MB/s or "
        "800KB/s) or bits per second (e.g. 10Mb/s or 800Kb/s)")


def _rate_bytes(text: str) -> int:
    # "1024B/s" has no magnitude: the digits alone; "10MB/s": the size "10MB"
    if _is_integer(text[:-3]):
        return parse_size(text[:-3])
    return parse_size(text[:-2])


def _is_integer(text: str) -> bool:
    try:
        int(text)
    except ValueError:
        return False
    return True


def _positive(name: str, value: Any) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = 0
    if number <= 0:
        raise SettingError(f"Value for {name} must be a positive integer: {value}")
    return number


def transfer_settings(block: dict | None) -> TransferSettings:
    """The transfer settings of a profile's `s3` block (a dict of strings, or None)."""
    block = block if isinstance(block, dict) else {}
    values: dict[str, Any] = {}
    for name in ("multipart_threshold", "multipart_chunksize"):
        if block.get(name) is not None:
            values[name] = _positive(name, parse_size(str(block[name])))
    if block.get("max_bandwidth") is not None:
        values["max_bandwidth"] = _positive("max_bandwidth",
                                            parse_rate(str(block["max_bandwidth"])))
    for name in ("max_concurrent_requests", "max_queue_size"):
        if block.get(name) is not None:
            values[name] = _positive(name, block[name])
    values["concurrency_was_set"] = "max_concurrent_requests" in values
    return TransferSettings(**values)


def client_settings(block: dict | None) -> dict[str, Any]:
    """The botocore `s3` Config dict from a profile's `s3` block (booleans parsed)."""
    block = block if isinstance(block, dict) else {}
    found: dict[str, Any] = {}
    for name in CLIENT_KEYS:
        value = block.get(name)
        if value is None:
            continue
        if name in BOOLEAN_KEYS and isinstance(value, str):
            value = value.strip().lower() == "true"
        found[name] = value
    return found


def s3_block(context) -> dict:
    """The profile's `s3` block ({} when there is none)."""
    block = context.config("s3")
    return block if isinstance(block, dict) else {}


def s3_client(context, region: str | None = None, *, global_endpoint: bool = True,
              pool_size: int | None = None, sigv4: bool = False):
    """The S3 client of a command: the profile's s3 block, the global options, a
    connection pool at least as large as the transfer concurrency.

    `region` overrides the global one; `global_endpoint=False` leaves --endpoint-url out
    (the source of an S3-to-S3 copy with --source-region: the endpoint names the
    destination's); `sigv4`: always sign with SigV4 (v2 does for --sse aws:kms).
    """
    block = s3_block(context)
    if pool_size is None:
        # a command that transfers nothing (ls, mb, rb, presign, website) reads no transfer
        # setting, as v2's: a bad multipart_threshold does not stop it
        pool_size = DEFAULT_CONCURRENCY
    config: dict[str, Any] = {"max_pool_connections": max(pool_size, 10)}
    s3_config = client_settings(block)
    if s3_config:
        config["s3"] = s3_config
    if sigv4 and context.settings().sign_request:
        config["signature_version"] = "s3v4"
    from cli.commands.s3 import timestamps

    # the parsers of the clients made from here on read S3's two timestamp forms directly
    context.session().get_component("response_parser_factory").set_parser_defaults(
        timestamp_parser=timestamps.parse)
    client = context.client("s3", region=region, global_endpoint=global_endpoint, **config)
    client.meta.events.register("before-call.s3", _no_expect_for_small_bodies)
    return client


SMALL_BODY = 1024 * 1024


def _no_expect_for_small_bodies(model, params, **kwargs):
    """botocore asks S3 for "100 Continue" before every file body it sends: one more round
    trip per object, there to spare sending a large body a server would refuse. A body of at
    most SMALL_BODY bytes is sent with its headers at once (runs after botocore's handler)."""
    headers = params.get("headers") or {}
    if headers.get("Expect") != "100-continue":
        return
    body = params.get("body")
    try:
        size = len(body)
    except TypeError:
        return
    if size <= SMALL_BODY:
        del headers["Expect"]
