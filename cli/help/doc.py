"""The document tree a help page is made of.

Pages are built as data (immutable named tuples) (sections of blocks of styled spans) and rendered
separately, so the same page can be printed plain, styled for a terminal,
or inspected by tests. Span styles: "" (plain), "code", "strong", "em",
"link", "option" (an option name), "term" (a member name).
"""

from __future__ import annotations

from typing import NamedTuple, Union


class Span(NamedTuple):
    text: str
    style: str = ""


class Para(NamedTuple):
    """Running text: whitespace collapses and lines wrap to the width."""

    spans: tuple[Span, ...]

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)


class Code(NamedTuple):
    """Preformatted lines, never wrapped."""

    lines: tuple[str, ...]


class Bullets(NamedTuple):
    items: tuple[tuple["Block", ...], ...]


class Note(NamedTuple):
    """An admonition: NOTE, IMPORTANT, WARNING."""

    label: str
    blocks: tuple["Block", ...]


class Item(NamedTuple):
    """A term line (an option, a member) with an indented body."""

    term: tuple[Span, ...]
    blocks: tuple["Block", ...] = ()


class Indent(NamedTuple):
    blocks: tuple["Block", ...]


Block = Union[Para, Code, Bullets, Note, Item, Indent]


class Section(NamedTuple):
    heading: str  # NAME, DESCRIPTION, ... as AWS CLI v2 spells them
    blocks: tuple[Block, ...]


class Page(NamedTuple):
    title: str  # the command's name, e.g. admin-confirm-sign-up
    sections: tuple[Section, ...] = ()

    def section(self, heading: str) -> Section | None:
        for section in self.sections:
            if section.heading == heading:
                return section
        return None


def para(*parts: str | Span) -> Para:
    """A paragraph from plain strings and spans."""
    return Para(tuple(p if isinstance(p, Span) else Span(p) for p in parts))
