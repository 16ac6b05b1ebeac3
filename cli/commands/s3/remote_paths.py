"""Completion of s3:// words: bucket names, then the prefixes and keys under a prefix.

    s3://ba          -> s3://bank/  s3://backups/          (ListBuckets, filtered)
    s3://bank/lo     -> s3://bank/logs/  s3://bank/lottery.csv
                                                           (ListObjectsV2, Delimiter "/")

A complete answer (every bucket; a listing that was not cut at MAX_KEYS) also
answers any longer word at the same level, so a caller that asks at every
keystroke (the prompt) may filter it instead of listing again (`answers`).

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


def answers(asked: str, complete: bool, fragment: str) -> bool:
    """Whether the answer for `asked` holds every candidate for `fragment` too."""
    return (complete and fragment.startswith(asked)
            and "/" not in fragment[len(asked):])


def complete_s3_path(fragment: str, environ: Mapping[str, str],
                     given: Mapping[str, str]) -> tuple[list[str], bool]:
    """(the s3:// paths `fragment` may become, whether that is all of them); ([], False)
    when they cannot be listed in time.

    `given`: the global options' values on the line ("profile", "region",
    "endpoint-url"), which the listing honours as the command will.
    """
    import threading

    found: list[tuple[list[str], bool]] = []

    def work() -> None:
        try:
            found.append(_list(fragment, environ, given))
        except Exception:  # no credentials, no network, access denied: nothing to offer
            found.append(([], False))

    thread = threading.Thread(target=work, name="s3-completion", daemon=True)
    thread.start()
    thread.join(DEADLINE)
    return found[0] if found else ([], False)


def _list(fragment: str, environ: Mapping[str, str],
          given: Mapping[str, str]) -> tuple[list[str], bool]:
    rest = fragment[len("s3://"):]
    client = _client(environ, given)
    if client is None:
        return [], False
    if "/" not in rest:
        answer = client.list_buckets()
        names = [b["Name"] for b in answer.get("Buckets", ())]
        return ([f"s3://{name}/" for name in sorted(names) if name.startswith(rest)],
                "ContinuationToken" not in answer)
    bucket, _, prefix = rest.partition("/")
    page = client.list_objects_v2(Bucket=bucket, Prefix=prefix, Delimiter="/",
                                  MaxKeys=MAX_KEYS)
    found = [f"s3://{bucket}/{p['Prefix']}" for p in page.get("CommonPrefixes", ())]
    found += [f"s3://{bucket}/{o['Key']}" for o in page.get("Contents", ())
              if o["Key"] != prefix or not prefix.endswith("/")]  # not a folder's own marker
    return sorted(found), not page.get("IsTruncated")


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
