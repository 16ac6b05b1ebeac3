"""The shape interface coercion reads, for type checkers only.

Kept apart so that importing `shorthand` does not import `typing` (about
10 ms at every keystroke); cli.model.Shape satisfies it.
"""

from __future__ import annotations

from typing import Mapping, Protocol


class ShapeLike(Protocol):
    """What coercion reads from a shape (cli.model.Shape has all of it)."""

    @property
    def type_name(self) -> str: ...

    @property
    def is_document(self) -> bool: ...

    @property
    def members(self) -> Mapping[str, "ShapeLike"]: ...

    @property
    def member(self) -> "ShapeLike": ...

    @property
    def key(self) -> "ShapeLike": ...

    @property
    def value(self) -> "ShapeLike": ...
