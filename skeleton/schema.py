"""The `json-schema` skeleton: a JSON Schema (draft 2020-12) of an operation's input.

It describes what --cli-input-json accepts, from the model alone:

  structure  object: properties, required, additionalProperties false
             (a union also takes exactly one member)
  list       array: items, minItems / maxItems
  map        object: additionalProperties (values), propertyNames (keys)
  string     string: enum, minLength / maxLength, pattern
  integer, long          integer: minimum / maximum
  float, double          number: minimum / maximum
  boolean    boolean
  timestamp  string or number (ISO 8601 text or epoch seconds)
  blob       string, base64 (contentEncoding)
  document   any JSON value

Every structure other than the input itself is defined once under `$defs`
and referenced, so recursive shapes are finite; a reference back to the
input shape is `{"$ref": "#"}`. Descriptions are the documentation as plain
text. A model pattern that Python's `re` cannot compile (the models write
Java regular expressions) is left out rather than published broken.
"""

from __future__ import annotations

import re
TYPE_CHECKING = False  # typing costs milliseconds at every keystroke
if TYPE_CHECKING:
    from typing import Any

from cli.model import Shape
from skeleton.docs import plain_text

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def input_schema(operation) -> dict:
    """The schema of the operation's input (an empty object when it takes none)."""
    schema: dict[str, Any] = {
        "$schema": DRAFT,
        "title": f"{operation.command_name} {operation.cli_name}",
    }
    shape = operation.input_shape
    if shape is None:
        schema.update(type="object", properties={}, additionalProperties=False)
        return schema
    builder = _Builder(root=shape.name)
    description = plain_text(operation.documentation)
    if description:
        schema["description"] = description
    schema.update(builder.structure(shape))
    if builder.defs:
        schema["$defs"] = {name: builder.defs[name] for name in sorted(builder.defs)}
    return schema


class _Builder:
    def __init__(self, root: str):
        self.root = root
        self.defs: dict[str, dict] = {}

    def member(self, shape: Shape) -> dict:
        """The schema of a member: its type's schema with the member's own description."""
        if shape.type_name == "structure" and not shape.is_document:
            result = {"$ref": self.reference(shape)}
        else:
            result = self.value(shape)
        description = plain_text(shape.documentation)
        if description:
            result["description"] = description
        if shape.deprecated:
            result["deprecated"] = True
        return result

    def reference(self, shape: Shape) -> str:
        if shape.name == self.root:
            return "#"
        if shape.name not in self.defs:
            self.defs[shape.name] = {}  # placeholder first: the structure may contain itself
            base = Shape(shape.name, shape.shape_map[shape.name], shape.shape_map)
            definition = self.structure(base)
            description = plain_text(base.documentation)
            if description:
                definition = {"description": description, **definition}
            self.defs[shape.name] = definition
        return "#/$defs/" + shape.name

    def structure(self, shape: Shape) -> dict:
        shapes = shape.members
        members = {name: self.member(member) for name, member in shapes.items()}
        result: dict[str, Any] = {"type": "object", "properties": members}
        # An idempotency token is filled in by botocore when the input leaves it out.
        required = [name for name in shape.required_members
                    if name in shapes and not shapes[name].is_idempotency_token]
        if required:
            result["required"] = required
        result["additionalProperties"] = False
        if shape.is_union:
            result.update(minProperties=1, maxProperties=1)
        return result

    def value(self, shape: Shape) -> dict:
        kind = shape.type_name
        if shape.is_document:
            return {}
        if kind == "structure":
            return {"$ref": self.reference(shape)}
        if kind == "list":
            result = {"type": "array", "items": self.member(shape.member)}
            return _bounds(result, shape, "minItems", "maxItems")
        if kind == "map":
            result = {"type": "object", "additionalProperties": self.member(shape.value)}
            keys = self.value(shape.key)
            keys.pop("type", None)
            if keys:
                result["propertyNames"] = keys
            return _bounds(result, shape, "minProperties", "maxProperties")
        if kind in ("string", "char"):
            result: dict[str, Any] = {"type": "string"}
            if shape.enum:
                result["enum"] = list(shape.enum)
            _bounds(result, shape, "minLength", "maxLength")
            if kind == "char":
                result["maxLength"] = 1
            pattern = _usable_pattern(shape.pattern)
            if pattern is not None:
                result["pattern"] = pattern
            return result
        if kind in ("integer", "long"):
            return _bounds({"type": "integer"}, shape, "minimum", "maximum")
        if kind in ("float", "double"):
            return _bounds({"type": "number"}, shape, "minimum", "maximum")
        if kind == "boolean":
            return {"type": "boolean"}
        if kind == "timestamp":
            return {"type": ["string", "number"]}
        if kind == "blob":
            return {"type": "string", "contentEncoding": "base64"}
        return {}


def _bounds(result: dict, shape: Shape, low: str, high: str) -> dict:
    if shape.min is not None:
        result[low] = shape.min
    if shape.max is not None:
        result[high] = shape.max
    return result


def _usable_pattern(pattern: str | None) -> str | None:
    if pattern is None:
        return None
    try:
        re.compile(pattern)
    except (re.error, RecursionError, OverflowError):
        return None
    return pattern
