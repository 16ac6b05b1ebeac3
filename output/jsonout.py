"""`--output json`: four-space indents, keys in response order, non-ASCII as is."""

from __future__ import annotations

import json


def render_json(data, *, skip_empty: bool = True) -> str:
    """v2's JSON text for `data`, or '' for an empty response (when `skip_empty`)."""
    if data == {} and skip_empty:
        return ""
    return json.dumps(data, indent=4, ensure_ascii=False) + "\n"
