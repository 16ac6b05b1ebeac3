"""`--output json`: four-space indents, keys in response order, non-ASCII as is."""

from __future__ import annotations

import json

from output._plain import batched, json_default


def render_json(data, *, skip_empty: bool = True) -> str:
    """v2's JSON text for `data`, or '' for an empty response (when `skip_empty`)."""
    return "".join(json_chunks(data, skip_empty=skip_empty))


def json_chunks(data, *, skip_empty: bool = True):
    """The same text in pieces (thousands of encoder tokens each), written as encoded.

    Blobs and timestamps are converted as the encoder meets them, so the
    data is never copied and the text never whole in memory.
    """
    if data == {} and skip_empty:
        return
    encoder = json.JSONEncoder(indent=4, ensure_ascii=False, default=json_default)
    yield from batched(encoder.iterencode(data))
    yield "\n"
