"""Scalars as v2 prints them, before any formatter sees them."""

from __future__ import annotations

import base64
import datetime


def plain(value, _memo=None):
    """A copy of `value` with timestamps as ISO 8601 text and blobs as base64 text.

    v2 parses timestamps and blobs into exactly these strings, so every format
    prints them the same way. Containers shared by reference stay shared in
    the copy (YAML writes them as anchors and aliases, as v2 does).
    """
    if _memo is None:
        _memo = {}
    if isinstance(value, dict):
        if id(value) in _memo:
            return _memo[id(value)]
        copy = _memo[id(value)] = {}
        for key, item in value.items():
            copy[key] = plain(item, _memo)
        return copy
    if isinstance(value, (list, tuple)):
        if id(value) in _memo:
            return _memo[id(value)]
        copy = _memo[id(value)] = []
        copy.extend(plain(item, _memo) for item in value)
        return copy
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(value).decode("ascii")
    return value
