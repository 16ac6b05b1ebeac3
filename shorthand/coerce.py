"""Shape-driven coercion of parsed shorthand, as AWS CLI v2 does it.

The parser knows no model; this pass walks a parsed value beside its shape
and makes the few changes v2 makes:

- integer / long: text -> int (Python's int(): "+007" is 7);
- float / double: text -> float;
- boolean: "true" / "false" in any case -> True / False; other text is
  left for the request validator to reject;
- list: a value that is not a list is wrapped, ``foo=bar`` -> ["bar"], and
  left as it is inside: ``Ports=22`` for a list of integers is ["22"] and
  ``Tags={Key=a,Weight=1}`` keeps "1" as text, as v2 does, so the request
  validator reports them as v2's does;
- structure members and map values are walked; unknown members are kept
  for the validator to report.

Timestamps, blobs and strings stay text. Values other than text in a scalar
position (a hash where a string belongs) are kept, again for the validator.
"""

from __future__ import annotations

from shorthand.errors import ShorthandTypeError

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs an import at every keystroke
    from typing import Any

    from shorthand.shapes import ShapeLike


def coerce(value: Any, shape: ShapeLike, path: str = "") -> Any:
    """`value` made to fit `shape`; a new value, the input is not changed.

    `path` names the value in errors (``BlockDeviceMappings[0].Ebs``);
    `ShorthandTypeError` is raised for text that cannot become a number.
    """
    if value is None or shape.is_document:
        return value
    kind = shape.type_name
    if kind == "structure":
        if not isinstance(value, dict):
            return value
        members = shape.members
        return {
            k: coerce(v, members[k], _join(path, k)) if k in members else v
            for k, v in value.items()
        }
    if kind == "map":
        if not isinstance(value, dict):
            return value
        value_shape = shape.value
        return {k: coerce(v, value_shape, _join(path, k)) for k, v in value.items()}
    if kind == "list":
        member = shape.member
        if not isinstance(value, list):
            return [value]
        return [coerce(v, member, f"{path}[{i}]") for i, v in enumerate(value)]
    return _scalar(value, kind, path)


def _scalar(value: Any, kind: str, path: str) -> Any:
    if not isinstance(value, str):
        return value
    if kind in ("integer", "long"):
        try:
            return int(value)
        except ValueError:
            raise ShorthandTypeError(path, kind, value) from None
    if kind in ("float", "double"):
        try:
            return float(value)
        except ValueError:
            raise ShorthandTypeError(path, kind, value) from None
    if kind == "boolean":
        lowered = value.lower()
        if lowered == "true":
            return True
        if lowered == "false":
            return False
    return value


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key
