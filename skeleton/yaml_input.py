"""The `yaml-input` skeleton: the input placeholders as commented block YAML.

The text is byte for byte what AWS CLI v2 prints, which is what ruamel.yaml's
round-trip dumper makes of v2's commented maps. That layout is reproduced
here directly instead of depending on ruamel:

  - block style, maps indented by 2, list dashes level with their parent key;
    empty maps (recursion stops, structures without members) as `{}`;
  - each structure member carries an end-of-line comment
    `[REQUIRED] <first sentence of the documentation> Valid values are: ...`
    (parts left out when absent; no comment when all are absent). It sits
    after the scalar, or after `key:` when a block follows;
  - the gap before `#` is one space, or two when ruamel found no commented
    neighbour to align with when the comment was added (the first commented
    member of a map, mostly; see `_needs_wide_gap`);
  - map entries (the KeyName placeholder) carry no comment;
  - blobs print as `!!binary ''`, timestamps as `1970-01-01 00:00:00`;
  - a list of lists under a commented key opens with a bare `- -` line (see
    `_emit_list`).
"""

from __future__ import annotations

import re
from functools import lru_cache
TYPE_CHECKING = False  # typing costs milliseconds at every keystroke
if TYPE_CHECKING:
    from typing import Any

from cli.model import Shape
from skeleton.docs import overview
from skeleton.sample import scalar_placeholder


class _Binary:
    """A blob placeholder."""


class _Entry:
    __slots__ = ("key", "value", "comment")

    def __init__(self, key: str, value: Any, comment: str | None = None):
        self.key = key
        self.value = value
        self.comment = comment  # the full text after the gap, "# ..." or " # ..."


class _Struct:
    """A structure's (or a map's) entries, in model order, with their comments."""

    __slots__ = ("entries",)

    def __init__(self, entries: list[_Entry] | None = None):
        self.entries = entries or []


def render(shape: Shape | None) -> str:
    """The yaml-input skeleton of an input shape (`{}` when there is none)."""
    if shape is None:
        return "{}\n"
    node = _Builder().value(shape, [])
    lines: list[str] = []
    _emit_block(node, 0, "", lines)
    return "\n".join(lines) + "\n"


# -- building: the placeholder tree with comments --------------------------


class _Builder:
    def __init__(self) -> None:
        # structure name -> [(member, shape, comment)]: a structure's members and
        # their comments do not depend on where it appears, so they are worked
        # out once per skeleton (big models repeat structures thousands of times).
        self.layouts: dict[str, list[tuple[str, Shape, str | None]]] = {}

    def value(self, shape: Shape, stack: list[str]) -> Any:
        stack.append(shape.name)
        try:
            kind = shape.type_name
            if kind == "structure":
                return self.structure(shape, stack)
            if kind == "list":
                return [self.value(shape.member, stack)]
            if kind == "map":
                return _Struct([_Entry("KeyName", self.value(shape.value, stack))])
            return scalar_placeholder(shape, timestamp=_Timestamp(), blob=_Binary())
        finally:
            stack.pop()

    def structure(self, shape: Shape, stack: list[str]) -> _Struct:
        if stack.count(shape.name) > 1:
            return _Struct()
        layout = self.layouts.get(shape.name)
        if layout is None:
            layout = self.layouts[shape.name] = _layout(shape)
        return _Struct([
            _Entry(member, self.value(member_shape, stack), comment)
            for member, member_shape, comment in layout
        ])


def _layout(shape: Shape) -> list[tuple[str, Shape, str | None]]:
    """A structure's members with the comment text each one gets."""
    required = set(shape.required_members)
    commented: set[str] = set()
    keys: list[str] = []
    layout = []
    for member, member_shape in shape.members.items():
        keys.append(member)
        comment = None
        text = _comment_text(member_shape, member in required)
        if text and not text.isspace():
            comment = (" # " if _needs_wide_gap(keys, commented) else "# ") + text
            commented.add(member)
        layout.append((member, member_shape, comment))
    return layout


class _Timestamp:
    """A timestamp placeholder."""


def _comment_text(shape: Shape, required: bool) -> str:
    parts = ["[REQUIRED]"] if required else []
    parts.append(overview(shape.documentation))
    if shape.enum:
        parts.append("Valid values are: %s." % ", ".join(shape.enum))
    return " ".join(parts)


def _needs_wide_gap(keys: list[str], commented: set[str]) -> bool:
    """Whether ruamel would give the newest key's comment no column to align with.

    ruamel looks for a commented neighbour: the key just before; failing
    that, the last commented key among those before the first key that
    sorts at or after the new key. Without one the comment keeps a leading
    space of its own, so two spaces precede the `#`.
    """
    key = keys[-1]
    if len(keys) > 1 and keys[-2] in commented:
        return False
    for other in keys:
        if other >= key:
            break
        if other in commented:
            return False
    return True


# -- emitting: ruamel's block layout ----------------------------------------


def _is_block(value: Any) -> bool:
    """Values written on the lines below their key (non-empty maps and lists)."""
    if isinstance(value, _Struct):
        return bool(value.entries)
    return isinstance(value, list) and bool(value)


def _emit_block(node: Any, indent: int, first: str | None, lines: list[str]) -> None:
    """Write a map or list whose entries start at column `indent`.

    `first` is the text that starts the first line instead of the
    indentation (a list's `- `), or None to indent it like the others.
    """
    if isinstance(node, _Struct):
        if not node.entries:
            lines.append((first if first is not None else " " * indent) + "{}")
            return
        for i, entry in enumerate(node.entries):
            lead = first if (i == 0 and first is not None) else " " * indent
            _emit_entry(entry, indent, lead, lines)
        return
    _emit_list(node, indent, first, lines)


def _emit_list(items: list, indent: int, first: str | None, lines: list[str],
               after_comment: bool = False) -> None:
    """Write a list's items, their dashes at column `indent`.

    `after_comment` is set for a list that is the value of a commented key.
    ruamel writes that comment, then lets only the next two indentations
    share a line: the outer dash and an inner list's dash. So when the
    first item is a list whose own first item is written in block style or
    as a scalar, that inner item goes on the next line, two columns right
    of the inner dash (`- -` / `    ''`). Empty `{}`/`[]` and tagged scalars
    (`!!binary ''`) ask for no indentation and stay on the dashes' line.
    """
    for i, item in enumerate(items):
        lead = first if (i == 0 and first is not None) else " " * indent
        if i == 0 and after_comment and _breaks_after_dashes(item):
            lines.append(lead + "- -")
            inner = item[0]
            if _is_block(inner):
                _emit_block(inner, indent + 4, None, lines)
            else:
                lines.append(" " * (indent + 4) + _scalar(inner))
            _emit_list(item[1:], indent + 2, None, lines)
        elif _is_block(item):
            # A map or list inside a list starts on the dash's line.
            _emit_block(item, indent + 2, lead + "- ", lines)
        else:
            lines.append(lead + "- " + _scalar(item))


def _breaks_after_dashes(item: Any) -> bool:
    """A non-empty list whose first item is a block or an untagged scalar."""
    if not (isinstance(item, list) and item):
        return False
    inner = item[0]
    return _is_block(inner) or not isinstance(inner, (_Struct, list, _Binary))


def _emit_entry(entry: _Entry, indent: int, lead: str, lines: list[str]) -> None:
    key = _scalar(entry.key)
    gap = " " + entry.comment if entry.comment else ""
    value = entry.value
    if not _is_block(value):
        text = _scalar(value)
        lines.append(f"{lead}{key}: {text}{gap}" if text else f"{lead}{key}:{gap}")
        return
    lines.append(f"{lead}{key}:{gap}")
    if isinstance(value, _Struct):
        _emit_block(value, indent + 2, None, lines)
    else:
        # list dashes stay level with the key
        _emit_list(value, indent, None, lines, after_comment=bool(entry.comment))


def _scalar(value: Any) -> str:
    if isinstance(value, _Struct):
        return "{}"
    if isinstance(value, list):
        return "[]"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return ""
    if isinstance(value, _Binary):
        return "!!binary ''"
    if isinstance(value, _Timestamp):
        return "1970-01-01 00:00:00"
    if isinstance(value, (int, float)):
        return repr(value)
    return _string(value)


# -- strings: plain when YAML 1.2 would read them back as the same string ---

# ruamel's YAML 1.2 implicit types; a plain scalar matching one of them would
# not read back as a string, so it is quoted. (Compiled on first use: most
# skeletons never need it.)
_NOT_STRINGS = (
    r"""^(?:
        true|True|TRUE|false|False|FALSE
      | [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
      | [-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
      | [-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
      | [-+]?\.(?:inf|Inf|INF)
      | \.(?:nan|NaN|NAN)
      | [-+]?0b[0-1_]+
      | [-+]?0o?[0-7_]+
      | [-+]?[0-9_]+
      | [-+]?0x[0-9a-fA-F_]+
      | <<
      | ~|null|Null|NULL
      | [0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
      | [0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?
        (?:[Tt]|[\ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?
        (?:[\ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?
      | =
    )$"""
)
_SIMPLE = re.compile(r"[A-Za-z][A-Za-z0-9_./-]*\Z")
_LINE_BREAKS = "\n\x85\u2028\u2029"


@lru_cache(maxsize=4096)
def _string(text: str) -> str:
    not_string = re.compile(_NOT_STRINGS, re.X).match(text)
    if _SIMPLE.match(text) and not not_string:
        return text
    if _plain_allowed(text) and not not_string:
        return text
    if not any(c in _LINE_BREAKS or not _printable(c) for c in text):
        return "'" + text.replace("'", "''") + "'"
    import json

    return json.dumps(text, ensure_ascii=False)


def _printable(c: str) -> bool:
    o = ord(c)
    return (
        c in "\t\n\r"
        or 0x20 <= o <= 0x7E
        or o == 0x85
        or 0xA0 <= o <= 0xD7FF
        or 0xE000 <= o <= 0xFFFD
        or 0x10000 <= o <= 0x10FFFF
    ) and o != 0xFEFF


def _plain_allowed(text: str) -> bool:
    """The emitter's rules for a plain scalar in block context."""
    if not text or text != text.strip(" ") or text.startswith(("---", "...")):
        return False
    if text[0] in "#,[]{}&*!|>'\"%@`":
        return False
    if text[0] in "?:-" and (len(text) == 1 or text[1] in " \t" or text[0] == ":"):
        if text[0] != ":" or len(text) == 1 or text[1] in " \t":
            return False
    for i, c in enumerate(text):
        if c in _LINE_BREAKS or not _printable(c) or c == "\t":
            return False
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if c == ":" and nxt in " \t":
            return False
        if c == "#" and i > 0 and text[i - 1] in " \t":
            return False
    return not text.endswith(":")
