"""Streamed output is exactly the whole document, in pieces, and the pieces stay small.

JSON is encoded without copying the data (blobs and timestamps converted on the way); YAML
writes a long top-level list some items at a time; both must read exactly as one dump of
the whole (converted) document.
"""

from __future__ import annotations

import datetime
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import output
from output._plain import plain
from output.yamlout import dump, yaml_chunks

PER_DUMP = 3  # the tests cut YAML every few items, so small lists are "long"

keys = st.sampled_from(["Name", "Value", "yes", "on", "1e3", "a b", "k:v", "Id", "x" * 130])
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=30),
                    st.floats(allow_nan=False), st.binary(max_size=8),
                    st.sampled_from(["line\nbreak", "long " * 30, "0o17", "~", "-", "é😀"]))
items = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=4)), max_leaves=12)


def long_lists(draw_items):
    # Lists around and past one dump's worth, so the pieces really are pieces.
    return st.lists(draw_items, min_size=PER_DUMP - 1, max_size=PER_DUMP * 3 + 1)


documents = st.one_of(
    st.dictionaries(keys, st.one_of(items, long_lists(items)), min_size=1, max_size=5),
    long_lists(items),
    items,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_yaml_pieces_read_as_one_dump(data):
    if data == {}:
        return
    if isinstance(data, (dict, list)):
        whole = dump(plain(data, "yaml"))
    else:  # a bare scalar is written as JSON, as v2 does
        whole = json.dumps(plain(data, "yaml"), indent=4, ensure_ascii=False) + "\n"
    assert "".join(yaml_chunks(data, PER_DUMP)) == whole


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_json_pieces_read_as_one_dump(data):
    if data == {}:
        return
    expected = json.dumps(plain(data, "json"), indent=4, ensure_ascii=False) + "\n"
    assert output.render(data, "json") == expected


def test_timestamps_and_blobs_converted_as_encoded():
    stamp = datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)
    data = {"When": stamp, "Blob": b"\x00\xff", "List": [(1, 2)]}
    assert json.loads(output.render(data, "json")) == {
        "When": "2024-01-02T03:04:05+00:00", "Blob": "AP8=", "List": [[1, 2]]}
    assert output.render(data, "text") == "AP8=\t2024-01-02 03:04:05+00:00\nLIST\t1\nLIST\t2\n"


def test_pieces_are_bounded():
    data = {"Users": [{"Username": f"user-{i}", "Enabled": True} for i in range(20_000)]}
    for fmt in ("json", "text", "table", "yaml"):
        pieces = list(output.render_chunks(data, fmt, title="ListUsers"))
        assert len(pieces) > 3, fmt
        assert max(map(len, pieces)) < 200_000, fmt
