"""cli.commands.s3.filters (v2's order-sensitive --include/--exclude) and compare (sync's rules)."""

from __future__ import annotations

import os

import pytest

from cli.commands.s3 import compare, filters
from cli.commands.s3.files import Item

ROOT = os.path.abspath("/data")

FILTER_CASES = [
    # rules, path below the root, included?
    ([], "a.txt", True),
    ([("exclude", "*")], "a.txt", False),
    ([("exclude", "*"), ("include", "*.txt")], "a.txt", True),
    ([("exclude", "*"), ("include", "*.txt")], "a.log", False),
    ([("include", "*.txt"), ("exclude", "*")], "a.txt", False),  # the later rule wins
    ([("exclude", "*.txt")], "deep/er/c.txt", False),  # * crosses folders
    ([("exclude", "sub/*")], "sub/b.log", False),
    ([("exclude", "sub/*")], "other/sub/b.log", True),
    ([("exclude", "*"), ("include", "sub/*"), ("exclude", "*.log")], "sub/b.log", False),
    ([("exclude", "*"), ("include", "sub/*"), ("exclude", "*.log")], "sub/b.txt", True),
    ([("exclude", "?.txt")], "a.txt", False),
    ([("exclude", "[ab].txt")], "c.txt", True),
]


@pytest.mark.parametrize("rules, relative, included", FILTER_CASES)
def test_local_filter(rules, relative, included):
    rule_filter = filters.Filter(rules, ROOT, "bucket/prefix")
    assert rule_filter.passes(os.path.join(ROOT, relative), True) is included


@pytest.mark.parametrize("rules, relative, included", FILTER_CASES)
def test_s3_filter(rules, relative, included):
    rule_filter = filters.Filter(rules, "bucket/prefix", ROOT)
    assert rule_filter.passes(f"bucket/prefix/{relative}", False) is included


def test_roots():
    assert filters.root("s3://b/p/key.txt", dir_op=False) == "b/p"
    assert filters.root("s3://b/p/", dir_op=True) == "b/p/"
    assert filters.root("s3://b/p", dir_op=True) == "b/p"
    assert filters.root("dir/file.txt", dir_op=False) == os.path.abspath("dir")
    assert filters.root("dir", dir_op=True) == os.path.abspath("dir")


def _item(key: str, size: int = 1, mtime: float = 100.0) -> Item:
    return Item(key, key, key, size, mtime, "local", "s3")


RULE_CASES = [
    # operation, src (size, mtime), dest (size, mtime), options, transferred?
    ("upload", (1, 100), (1, 100), {}, False),
    ("upload", (1, 101), (1, 100), {}, True),      # the source is newer
    ("upload", (1, 99), (1, 100), {}, False),
    ("upload", (2, 99), (1, 100), {}, True),       # sizes differ
    ("upload", (1, 101), (1, 100), {"size_only": True}, False),
    ("copy", (1, 101), (1, 100), {}, True),
    ("download", (1, 100), (1, 101), {}, True),    # the local file is newer than the object
    ("download", (1, 101), (1, 100), {}, False),
    ("download", (1, 101), (1, 100), {"exact_timestamps": True}, True),
    ("download", (1, 100), (1, 100), {"exact_timestamps": True}, False),
    ("download", (3, 100), (1, 100), {"size_only": True}, True),
]


@pytest.mark.parametrize("operation, src, dest, options, transferred", RULE_CASES)
def test_sync_rules(operation, src, dest, options, transferred):
    rules = compare.Rules(**options)
    assert rules.changed(_item("k", *src), _item("k", *dest), operation) is transferred


def test_walk_merges_two_listings_in_order():
    sources = [_item("a"), _item("b", size=2), _item("d"), _item("e")]
    destinations = [_item("b"), _item("c"), _item("d"), _item("f")]
    steps = list(compare.walk(sources, destinations, compare.Rules(delete=True), "upload"))
    assert [(action, item.compare_key) for action, item in steps] == [
        ("transfer", "a"), ("transfer", "b"), ("delete", "c"), ("transfer", "e"),
        ("delete", "f")]


def test_walk_without_delete_keeps_extra_files():
    steps = list(compare.walk([_item("a")], [_item("a"), _item("z")], compare.Rules(), "upload"))
    assert steps == []
