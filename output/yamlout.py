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
    if data == {}:
        return ""
    if isinstance(data, (dict, list)):
        return dump(data)
    return json.dumps(data, indent=4, ensure_ascii=False) + "\n"


def render_yaml_page(page) -> str:
    """One page of `--output yaml-stream`: an item of a top-level list."""
    return dump([page])
