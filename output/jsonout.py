"""`--output json`: four-space indents, keys in response order, non-ASCII as is."""

from __future__ import annotations

import json


def render_json(data) -> str:
    """v2's JSON text for `data`, or '' for an empty response."""
    if data == {}:
        return ""
    return json.dumps(data, indent=4, ensure_ascii=False) + "\n"
