"""Scalars as v2 prints them, before any formatter sees them."""

from __future__ import annotations

import base64
import datetime


def plain(value, output_format: str = "json", _memo=None):
    """A copy of `value` with blobs as base64 text and timestamps as v2 prints them.

    Responses reach us with timestamps already as ISO 8601 text (the call
    parses them so, as v2 does); a `datetime` left here comes from a sample
    (the output skeleton), which v2 prints as Python does: ISO in JSON,
    a YAML timestamp in YAML, `str()` in text and tables. Containers shared
    by reference stay shared in the copy (YAML writes them as anchors and
    aliases, as v2 does).
    """
    if _memo is None:
        _memo = {}
    if isinstance(value, dict):
        if id(value) in _memo:
            return _memo[id(value)]
        copy = _memo[id(value)] = {}
        for key, item in value.items():
            copy[key] = plain(item, output_format, _memo)
        return copy
    if isinstance(value, (list, tuple)):
        if id(value) in _memo:
            return _memo[id(value)]
        copy = _memo[id(value)] = []
        copy.extend(plain(item, output_format, _memo) for item in value)
        return copy
    if isinstance(value, datetime.datetime):
        if output_format == "json":
            return value.isoformat()
        return value if output_format.startswith("yaml") else str(value)
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(value).decode("ascii")
    return value


def text_of(value) -> str:
    """A scalar as text and table output print it: `str()`, with blobs as base64."""
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(value).decode("ascii")
    return str(value)


def json_default(value):
    """What JSON output writes for the scalars JSON has no type for (json's `default=`)."""
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(value).decode("ascii")
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


PIECES = 4096  # small strings joined into one write when output is streamed


def batched(pieces, count: int = PIECES):
    """Join many small strings (encoder tokens, lines) into fewer, larger writes."""
    from itertools import islice

    pieces = iter(pieces)
    while True:
        batch = list(islice(pieces, count))
        if not batch:
            return
        yield "".join(batch)
