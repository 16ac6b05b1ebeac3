"""The document tree a help page is made of.

Pages are built as data (immutable named tuples) (sections of blocks of styled spans) and rendered
separately, so the same page can be printed plain, styled for a terminal,
or inspected by tests. Span styles: "" (plain), "code", "strong", "em",
"link", "option" (an option name), "term" (a member name).
"""

from __future__ import annotations

from collections import namedtuple  # typing.NamedTuple would import typing


class Span(namedtuple("Span", "text style", defaults=("",))):
    __slots__ = ()


class Para(namedtuple("Para", "spans")):
    """Running text: whitespace collapses and lines wrap to the width (spans: Span...)."""

    __slots__ = ()

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)


class Code(namedtuple("Code", "lines")):
    """Preformatted lines, never wrapped."""

    __slots__ = ()


class Bullets(namedtuple("Bullets", "items")):
    """items: a tuple of block tuples, one per bullet."""

    __slots__ = ()


class Note(namedtuple("Note", "label blocks")):
    """An admonition: NOTE, IMPORTANT, WARNING."""

    __slots__ = ()


class Item(namedtuple("Item", "term blocks", defaults=((),))):
    """A term line (an option, a member: spans) with an indented body (blocks)."""

    __slots__ = ()


class Indent(namedtuple("Indent", "blocks")):
    __slots__ = ()


Block = (Para, Code, Bullets, Note, Item, Indent)  # the kinds of block, for isinstance


class Section(namedtuple("Section", "heading blocks")):
    """heading: NAME, DESCRIPTION, ... as AWS CLI v2 spells them."""

    __slots__ = ()


class Page(namedtuple("Page", "title sections", defaults=((),))):
    """title: the command's name, e.g. admin-confirm-sign-up."""

    __slots__ = ()

    def section(self, heading: str) -> Section | None:
        for section in self.sections:
            if section.heading == heading:
                return section
        return None


def para(*parts: str | Span) -> Para:
    """A paragraph from plain strings and spans."""
    return Para(tuple(p if isinstance(p, Span) else Span(p) for p in parts))
