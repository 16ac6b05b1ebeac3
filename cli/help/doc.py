"""The document tree a help page is made of.

Pages are built as data (sections of blocks of styled spans) and rendered
separately, so the same page can be printed plain, styled for a terminal,
or inspected by tests. Span styles: "" (plain), "code", "strong", "em",
"link", "option" (an option name), "term" (a member name).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union


@dataclass(frozen=True)
class Span:
    text: str
    style: str = ""


@dataclass(frozen=True)
class Para:
    """Running text: whitespace collapses and lines wrap to the width."""

    spans: tuple[Span, ...]

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)


@dataclass(frozen=True)
class Code:
    """Preformatted lines, never wrapped."""

    lines: tuple[str, ...]


@dataclass(frozen=True)
class Bullets:
    items: tuple[tuple["Block", ...], ...]


@dataclass(frozen=True)
class Note:
    """An admonition: NOTE, IMPORTANT, WARNING."""

    label: str
    blocks: tuple["Block", ...]


@dataclass(frozen=True)
class Item:
    """A term line (an option, a member) with an indented body."""

    term: tuple[Span, ...]
    blocks: tuple["Block", ...] = ()


@dataclass(frozen=True)
class Indent:
    blocks: tuple["Block", ...]


Block = Union[Para, Code, Bullets, Note, Item, Indent]


@dataclass(frozen=True)
class Section:
    heading: str  # NAME, DESCRIPTION, ... as AWS CLI v2 spells them
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Page:
    title: str  # the command's name, e.g. admin-confirm-sign-up
    sections: tuple[Section, ...] = field(default_factory=tuple)

    def section(self, heading: str) -> Section | None:
        for section in self.sections:
            if section.heading == heading:
                return section
        return None


def para(*parts: str | Span) -> Para:
    """A paragraph from plain strings and spans."""
    return Para(tuple(p if isinstance(p, Span) else Span(p) for p in parts))
