"""`--output yaml` and `yaml-stream`: PyYAML set up to write what v2 writes.

v2 dumps with ruamel.yaml (`typ='safe'`, block style) on top of libyaml's
C emitter. This module uses the same C emitter (PyYAML's binding of it) with:
- implicit types of YAML 1.2: `yes`, `on`, `1:20` stay plain, while
  `1e3`, `0o17` and `09` are quoted;
- floats in Python's spelling (`1e+20`, not `1.0e+20`);
- keys sorted, non-ASCII text as is, except what libyaml deems unprintable
  (characters beyond U+FFFF, such as emoji, are escaped: `"\\U0001F600"`);
- strings with line breaks single-quoted over several lines, as libyaml
  folds them, and long strings folded at 80 columns.
A bare scalar is written as JSON, as v2 does. Without libyaml, PyYAML's
Python emitter is used; it differs only in corner cases.
"""

from __future__ import annotations

import datetime

import json
import re

_SCALAR_TYPES_1_2 = (
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    (
        "tag:yaml.org,2002:float",
        r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
            |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
            |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
            |[-+]?\.(?:inf|Inf|INF)
            |\.(?:nan|NaN|NAN))$""",
        "-+0123456789.",
    ),
    (
        "tag:yaml.org,2002:int",
        r"""^(?:[-+]?0b[0-1_]+
            |[-+]?0o?[0-7_]+
            |[-+]?[0-9_]+
            |[-+]?0x[0-9a-fA-F_]+)$""",
        "-+0123456789",
    ),
    ("tag:yaml.org,2002:merge", r"^(?:<<)$", "<"),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    (
        "tag:yaml.org,2002:timestamp",
        r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
            |[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?
            (?:[Tt]|[ \t]+)[0-9][0-9]?
            :[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?
            (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""",
        "0123456789",
    ),
    ("tag:yaml.org,2002:value", r"^(?:=)$", "="),
)

_dumper = None


def _get_dumper():
    """The configured Dumper class, built on first use (yaml is imported here)."""
    global _dumper
    if _dumper is not None:
        return _dumper
    import yaml

    class Resolver(yaml.resolver.BaseResolver):
        pass

    Resolver.yaml_implicit_resolvers = {}
    for tag, pattern, first in _SCALAR_TYPES_1_2:
        Resolver.add_implicit_resolver(tag, re.compile(pattern, re.X), list(first))

    try:
        from yaml.cyaml import CEmitter

        bases = (CEmitter,)
    except ImportError:  # PyYAML built without libyaml
        bases = (yaml.emitter.Emitter, yaml.serializer.Serializer)

    class Dumper(*bases, yaml.representer.SafeRepresenter, Resolver):
        def __init__(self, stream, **kwargs):
            if bases[0] is yaml.emitter.Emitter:
                yaml.emitter.Emitter.__init__(self, stream, allow_unicode=True)
                yaml.serializer.Serializer.__init__(self, encoding=None)
            else:
                CEmitter.__init__(self, stream, allow_unicode=True)
            yaml.representer.SafeRepresenter.__init__(
                self, default_style=None, default_flow_style=False, sort_keys=True,
            )
            Resolver.__init__(self)

        def ignore_aliases(self, data):
            # A sample's timestamps share one datetime object; v2 writes each in full.
            return isinstance(data, datetime.datetime) or super().ignore_aliases(data)

    def represent_float(representer, value):
        if value != value:
            text = ".nan"
        elif value == float("inf"):
            text = ".inf"
        elif value == float("-inf"):
            text = "-.inf"
        else:
            text = repr(value).lower()
        return representer.represent_scalar("tag:yaml.org,2002:float", text)

    Dumper.add_representer(float, represent_float)
    _dumper = Dumper
    return Dumper


def dump(data) -> str:
    """YAML block text for a dict or list."""
    import yaml

    return yaml.dump(data, Dumper=_get_dumper())


def render_yaml(data) -> str:
    """v2's `--output yaml` text, or '' for an empty response."""
    return "".join(yaml_chunks(data))


ITEMS_PER_DUMP = 256


def yaml_chunks(data, items_per_dump: int = ITEMS_PER_DUMP):
    """The same text in pieces: a long list at the top, or under a top-level key, is
    written some items at a time.

    A block list's items start at column 0 there, so the items dumped on
    their own read exactly as in the whole document, and the representer's
    node graph (several times the size of the data) is only ever built for a
    few items. Objects shared between items that fall in different pieces
    (possible only through --query) are written in full rather than as an
    alias.
    """
    from output._plain import plain

    if data == {}:
        return
    if isinstance(data, list):
        yield from _list_items(data, items_per_dump)
    elif isinstance(data, dict):
        pending: dict = {}  # keys written together, in one dump, as the whole document would
        for key in _sorted_keys(data):
            value = data[key]
            long_list = isinstance(value, list) and len(value) > items_per_dump
            head = dump(plain({key: [None]}, "yaml")) if long_list else ""
            if not head.endswith(":\n- null\n"):
                pending[key] = value
                continue
            if pending:
                yield dump(plain(pending, "yaml"))
                pending = {}
            yield head[:-len("- null\n")]
            yield from _list_items(value, items_per_dump)
        if pending:
            yield dump(plain(pending, "yaml"))
    else:
        yield json.dumps(plain(data, "yaml"), indent=4, ensure_ascii=False) + "\n"


def _list_items(items, items_per_dump: int):
    from output._plain import plain

    if not items:
        yield dump([])
    for start in range(0, len(items), items_per_dump):
        yield dump(plain(items[start:start + items_per_dump], "yaml"))


def _sorted_keys(data: dict) -> list:
    # As PyYAML orders a mapping (sort_keys=True): sorted, or as given if the keys don't sort.
    try:
        return sorted(data)
    except TypeError:
        return list(data)


def render_yaml_page(page) -> str:
    """One page of `--output yaml-stream`: an item of a top-level list."""
    return dump([page])
