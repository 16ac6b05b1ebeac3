"""Syntax blocks and example values generated from shapes.

- `json_syntax(shape)`: the "JSON Syntax" lines, laid out as AWS CLI v2
  lays them out: placeholders are "string", true|false, an enum's values
  joined by `|`, or the type's name (integer, timestamp, blob, ...); `...`
  marks where lists and maps repeat.
- `shorthand_syntax(shape)`: the "Shorthand Syntax" line, an example value
  built from the shape and printed by the shorthand printer
  (`shorthand.render.render_value`); None where shorthand does not apply.
- `example_value(shape, name)`: a plausible value for the examples section.
"""

from __future__ import annotations

import json

from cli.model import SCALAR_TYPES, Shape

# Deeper shapes are documented in JSON only (v2 gives up past this depth too).
MAX_SHORTHAND_DEPTH = 3
# Past this depth the JSON syntax stops with `{ ... }` (models nest very deep).
MAX_JSON_DEPTH = 12


class TooComplex(Exception):
    pass


# -- JSON syntax ---------------------------------------------------------------


def placeholder(shape: Shape, with_enum: bool = True) -> str:
    """The placeholder of a scalar in the JSON and list syntax blocks."""
    if shape.type_name == "string":
        if shape.enum and with_enum:
            return "|".join(json.dumps(v) for v in shape.enum)
        return '"string"'
    if shape.type_name == "boolean":
        return "true|false"
    return shape.type_name


def is_scalar(shape: Shape) -> bool:
    return shape.type_name in SCALAR_TYPES and not shape.is_document


def json_syntax(shape: Shape) -> list[str]:
    """The JSON Syntax block of a structure, list or map, one string a line."""
    return _json_lines(shape, [])


def _json_lines(shape: Shape, stack: list[str]) -> list[str]:
    if shape.is_document:
        return ["{}"]  # any JSON value
    if is_scalar(shape):
        return [placeholder(shape)]
    if stack.count(shape.name) > 1:
        return ["{ ... recursive ... }"] if shape.type_name == "structure" else ["[]"]
    if len(stack) >= MAX_JSON_DEPTH:
        return ["{ ... }"] if shape.type_name in ("structure", "map") else ["[ ... ]"]
    stack.append(shape.name)
    try:
        kind = shape.type_name
        if kind == "list":
            member = shape.member
            if is_scalar(member):
                return [f"[{placeholder(member)}, ...]"]
            return ["[", *_indent(_json_lines(member, stack)), "  ...", "]"]
        if kind == "map":
            key = placeholder(shape.key)
            value = _json_lines(shape.value, stack)
            first = f"{{{key}: {value[0]}"
            return [first, *_indent(value[1:], 4), "  ...}"]
        members = shape.members
        if not members:
            return ["{}"]
        lines = ["{"]
        names = list(members)
        for i, name in enumerate(names):
            body = _json_lines(members[name], stack)
            body[0] = f'"{name}": {body[0]}'
            if i < len(names) - 1:
                body[-1] += ","
            lines.extend(_indent(body))
        lines.append("}")
        return lines
    finally:
        stack.pop()


def _indent(lines: list[str], by: int = 2) -> list[str]:
    return [" " * by + line for line in lines]


# -- shorthand syntax ----------------------------------------------------------


def is_document_container(shape: Shape) -> bool:
    if shape.is_document:
        return True
    if shape.type_name == "list":
        return is_document_container(shape.member)
    if shape.type_name == "map":
        return is_document_container(shape.value)
    return False


def supports_shorthand(shape: Shape) -> bool:
    """Structures, maps and lists of those take shorthand; lists of scalars don't."""
    if is_document_container(shape):
        return False
    if shape.type_name in ("structure", "map"):
        return True
    return shape.type_name == "list" and not is_scalar(shape.member)


def shorthand_syntax(shape: Shape) -> str | None:
    """The Shorthand Syntax example, or None where none is documented."""
    if not supports_shorthand(shape):
        return None
    members = shape.members if shape.type_name == "structure" else {}
    if list(members) == ["Value"] and members["Value"].type_name == "string":
        return None  # `--option value` is the way to write it
    try:
        if shape.type_name == "list":
            text = render_shorthand(shorthand_example(shape.member, []))
            return f"{text} ..." if text else None
        return render_shorthand(shorthand_example(shape, [])) or None
    except (TooComplex, ValueError):  # ValueError: keys shorthand cannot write
        return None


def shorthand_example(shape: Shape, stack: list[str]):
    """The example value the shorthand block prints: placeholders by type name."""
    if len(stack) > MAX_SHORTHAND_DEPTH:
        raise TooComplex(shape.name)
    kind = shape.type_name
    if kind in SCALAR_TYPES and not shape.is_document:
        return kind
    if shape.is_document or shape.name in stack:
        raise TooComplex(shape.name)
    stack.append(shape.name)
    try:
        if kind == "list":
            element = shorthand_example(shape.member, stack)
            return [element, element]
        if kind == "map":
            value = shorthand_example(shape.value, stack)
            return {"KeyName1": value, "KeyName2": value}
        return {
            name: shorthand_example(member, stack)
            for name, member in shape.members.items()
            if not is_document_container(member)
        }
    finally:
        stack.pop()


def render_shorthand(value) -> str:
    """Print a value in shorthand syntax with the engine's printer."""
    try:
        from shorthand.render import render_value
    except ImportError:  # the printer has not landed: a minimal stand-in
        return _render_fallback(value, top=True)
    return render_value(value)


def _render_fallback(value, top: bool = False) -> str:
    if isinstance(value, dict):
        inner = ",".join(f"{k}={_render_fallback(v)}" for k, v in value.items())
        return inner if top else "{" + inner + "}"
    if isinstance(value, list):
        items = [_render_fallback(v) for v in value]
        if not top and all(not isinstance(v, (dict, list)) for v in value):
            return ",".join(items)
        return "[" + ",".join(items) + "]"
    return str(value)


# -- example values ------------------------------------------------------------

# (word in the lower-cased member name, example value); first match wins.
_PLAUSIBLE_STRINGS = (
    ("email", "user@example.com"),
    ("arn", "arn:aws:SERVICE:us-west-2:123456789012:example/example-resource"),
    ("url", "https://example.com"),
    ("uri", "https://example.com"),
    ("endpoint", "https://example.com"),
    ("region", "us-west-2"),
    ("accountid", "123456789012"),
    ("password", "Example-Passw0rd!"),
    ("phone", "+15555550100"),
    ("date", "2024-01-01"),
    ("json", "{}"),
)


# The file a streaming blob's example names, and how deep examples go
# (only required members are filled in, and a shape never inside itself).
STREAMING_EXAMPLE_FILE = "example.bin"
MAX_EXAMPLE_DEPTH = 24


def example_value(shape: Shape, name: str, service: str, stack: list[str] | None = None):
    """A plausible value for a parameter or member named `name`."""
    stack = [] if stack is None else stack
    kind = shape.type_name
    if shape.is_document:
        return {}
    if kind == "string":
        if shape.enum:
            return shape.enum[0]
        return _plausible_string(shape, name, service)
    if kind in ("integer", "long"):
        low = int(shape.min) if shape.min is not None else 1
        return max(low, 1) if shape.max is None or shape.max >= 1 else low
    if kind in ("float", "double"):
        return 1.0
    if kind == "boolean":
        return True
    if kind == "timestamp":
        return "2024-01-01T00:00:00Z"
    if kind == "blob":
        # A streaming blob is read from the file its value names.
        return STREAMING_EXAMPLE_FILE if shape.definition.get("streaming") else "aGVsbG8gd29ybGQ="
    if shape.name in stack or len(stack) > MAX_EXAMPLE_DEPTH:
        return {} if kind in ("structure", "map") else []
    stack.append(shape.name)
    try:
        if kind == "list":
            element = example_value(shape.member, _singular(name), service, stack)
            return [element] * max(int(shape.min or 1), 1)
        if kind == "map":
            return {"key": example_value(shape.value, "value", service, stack)}
        members = shape.members
        chosen = [m for m in shape.required_members if m in members]
        if not chosen and members:
            scalars = [m for m, s in members.items() if is_scalar(s)]
            chosen = (scalars or list(members))[:1]
        return {m: example_value(members[m], m, service, stack) for m in chosen}
    finally:
        stack.pop()


def _plausible_string(shape: Shape, name: str, service: str) -> str:
    key = name.lower().replace("-", "").replace("_", "")
    value = None
    for word, candidate in _PLAUSIBLE_STRINGS:
        if word in key:
            value = candidate.replace("SERVICE", service)
            break
    if key.endswith("arn") and len(key) > 3:
        # The resource type from the member's name: StreamARN -> stream/example.
        resource = _kebab(name)[: -len("-arn")].rstrip("-") or "example"
        value = f"arn:aws:{service}:us-west-2:123456789012:{resource}/example"
    if value is None:
        value = "example-" + _kebab(name)
    for candidate in (value, *_PATTERN_CANDIDATES):
        candidate = _fit_length(candidate, shape)
        if _matches(shape.pattern, candidate):
            return candidate
    return _fit_length(value, shape)


# Tried in order when the plausible value does not fit the shape's pattern.
_PATTERN_CANDIDATES = (
    "us-west-2_EXAMPLE1", "example_1234", "example", "EXAMPLE", "example-123",
    "12345678", "a1b2c3d4", "Example1",
)


def _fit_length(value: str, shape: Shape) -> str:
    if shape.max is not None and len(value) > shape.max:
        value = value[: int(shape.max)]
    if shape.min is not None and len(value) < shape.min:
        value = value + "x" * (int(shape.min) - len(value))
    return value


def _matches(pattern: str | None, value: str) -> bool:
    if not pattern:
        return True
    import re

    try:
        return re.search(pattern, value) is not None
    except re.error:  # Java-style classes (\p{L}) that Python's re lacks
        return True


def _kebab(name: str) -> str:
    out = []
    for i, ch in enumerate(name):
        if ch.isupper() and i and (not name[i - 1].isupper() or (i + 1 < len(name) and name[i + 1].islower())):
            out.append("-")
        out.append(ch.lower())
    return "".join(out).replace("_", "-").strip("-") or "value"


def _singular(name: str) -> str:
    return name[:-1] if name.endswith("s") and len(name) > 1 else name
