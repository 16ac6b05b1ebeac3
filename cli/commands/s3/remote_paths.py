"""Completion of s3:// words: bucket names, then the prefixes and keys under a prefix.

    s3://ba          -> s3://bank/  s3://backups/          (ListBuckets, filtered)
    s3://bank/lo     -> s3://bank/logs/  s3://bank/lottery.csv
                                                           (ListObjectsV2, Delimiter "/")

Asked only when the word under the cursor starts with s3://, so every other
keystroke stays free of botocore. A Tab press must not hang or print: the
listing runs in a daemon thread and is given up after DEADLINE seconds (the
process leaves it behind), one attempt with short socket timeouts, no
credentials means no request, and every failure is an empty answer.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Mapping

DEADLINE = 1.0  # seconds for the whole listing, credentials lookup included
MAX_KEYS = 1000  # one page: a completion menu past that is no help


def complete_s3_path(fragment: str, environ: Mapping[str, str],
                     given: Mapping[str, str]) -> list[str]:
    """The s3:// paths `fragment` may become; [] when they cannot be listed in time.

    `given`: the global options' values on the line ("profile", "region",
    "endpoint-url"), which the listing honours as the command will.
    """
    import threading

    found: list[list[str]] = []

    def work() -> None:
        try:
            found.append(_list(fragment, environ, given))
        except Exception:  # no credentials, no network, access denied: nothing to offer
            found.append([])

    thread = threading.Thread(target=work, name="s3-completion", daemon=True)
    thread.start()
    thread.join(DEADLINE)
    return found[0] if found else []


def _list(fragment: str, environ: Mapping[str, str], given: Mapping[str, str]) -> list[str]:
    rest = fragment[len("s3://"):]
    client = _client(environ, given)
    if client is None:
        return []
    if "/" not in rest:
        names = [b["Name"] for b in client.list_buckets().get("Buckets", ())]
        return [f"s3://{name}/" for name in sorted(names) if name.startswith(rest)]
    bucket, _, prefix = rest.partition("/")
    page = client.list_objects_v2(Bucket=bucket, Prefix=prefix, Delimiter="/",
                                  MaxKeys=MAX_KEYS)
    found = [f"s3://{bucket}/{p['Prefix']}" for p in page.get("CommonPrefixes", ())]
    found += [f"s3://{bucket}/{o['Key']}" for o in page.get("Contents", ())
              if o["Key"] != prefix or not prefix]
    return sorted(found)


def _client(environ: Mapping[str, str], given: Mapping[str, str]):
    """An S3 client for the line's profile, region and endpoint, or None without credentials."""
    import botocore.session
    from botocore.config import Config

    session = botocore.session.Session()
    profile = given.get("profile") or environ.get("AWS_PROFILE")
    if profile:
        session.set_config_variable("profile", profile)
    if session.get_credentials() is None:
        return None
    region = given.get("region") or session.get_config_variable("region") or "us-east-1"
    config = Config(connect_timeout=DEADLINE / 2, read_timeout=DEADLINE,
                    retries={"total_max_attempts": 1})
    return session.create_client("s3", region_name=region, config=config,
                                 endpoint_url=given.get("endpoint-url") or None)
