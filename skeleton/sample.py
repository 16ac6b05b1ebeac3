"""Placeholder values for a shape: the JSON input skeleton and the output sample.

The values are AWS CLI v2's: "" for strings (the first enum value when the
string has an enum), 0 and 0.0 for numbers, true for booleans, null for
blobs, 1970-01-01T00:00:00 for timestamps, one element per list and one
"KeyName" entry per map. A structure met again below itself (a recursive
shape) becomes {} the second time, so every skeleton is finite.

For the output sample (`member_names=True`) strings are the name of the
member they fill, or the element shape's name inside a list, as v2's
`--generate-cli-skeleton output` shows them.
"""

from __future__ import annotations

import datetime
TYPE_CHECKING = False  # typing costs milliseconds at every keystroke
if TYPE_CHECKING:
    from typing import Any

from cli.model import Shape

EPOCH = datetime.datetime(1970, 1, 1, 0, 0, 0)


def sample(shape: Shape | None, *, member_names: bool = False) -> Any:
    """A placeholder value of `shape` ({} when there is no shape).

    The input skeleton (`member_names=False`) is JSON-ready: its timestamps
    are the ISO text v2 prints. The output sample keeps `datetime` objects,
    as a parsed response would, for the output formatters to render.
    """
    if shape is None:
        return {}
    return _Sampler(member_names).value(shape, [], "")


class _Sampler:
    def __init__(self, member_names: bool):
        self.member_names = member_names
        self.epoch = EPOCH if member_names else EPOCH.isoformat()
        # structure name -> its members: resolved once per sample, since big
        # models repeat the same structures thousands of times.
        self.members: dict[str, dict[str, Shape]] = {}

    # stack holds the names of the shapes from the root down to here; a
    # structure whose name is already on it is a recursion and stops.
    def value(self, shape: Shape, stack: list[str], name: str) -> Any:
        stack.append(shape.name)
        try:
            kind = shape.type_name
            if kind == "structure":
                return self.structure(shape, stack)
            if kind == "list":
                element = shape.member
                return [self.value(element, stack, element.name if self.member_names else "")]
            if kind == "map":
                return {"KeyName": self.value(shape.value, stack, "")}
            return self.scalar(shape, name)
        finally:
            stack.pop()

    def structure(self, shape: Shape, stack: list[str]) -> dict:
        if stack.count(shape.name) > 1:
            return {}
        members = self.members.get(shape.name)
        if members is None:
            members = self.members[shape.name] = shape.members
        return {
            member: self.value(member_shape, stack, member)
            for member, member_shape in members.items()
        }

    def scalar(self, shape: Shape, name: str) -> Any:
        if shape.type_name == "string" and self.member_names:
            return name
        return scalar_placeholder(shape, timestamp=self.epoch, blob=None)


def scalar_placeholder(shape: Shape, *, timestamp: Any, blob: Any) -> Any:
    """v2's placeholder for a scalar: the first enum value or "", 0, 0.0, true.

    Timestamps and blobs differ between JSON and YAML skeletons, so the caller
    says what stands for them.
    """
    kind = shape.type_name
    if kind == "string":
        enum = shape.definition.get("enum")
        return enum[0] if enum else ""
    if kind in ("integer", "long"):
        return 0
    if kind in ("float", "double"):
        return 0.0
    if kind == "boolean":
        return True
    if kind == "timestamp":
        return timestamp
    if kind == "blob":
        return blob
    return None
