"""Plain text out of the models' HTML documentation."""

from __future__ import annotations

import re
from functools import lru_cache

_SENTENCE_END = re.compile(r"[.:]+")
_SPACES = re.compile(r"\s+")
_TAGS = re.compile(r"<[^>]*>")


def strip_markup(documentation: str) -> str:
    """The text nodes of `documentation`, or the text itself if it is not well-formed XML.

    Like a namespace-aware DOM walk collecting text nodes: elements,
    comments, processing instructions and CDATA sections contribute nothing
    of their own; the predefined entities are decoded and line ends become
    "\n". An undefined entity such as &nbsp; or an unbound prefix such as
    <x:y> makes the whole text malformed, and then it is returned unchanged.
    """
    if "<" not in documentation and "&" not in documentation and "\r" not in documentation:
        return documentation
    from xml.parsers import expat

    parts: list[str] = []
    in_cdata = False

    def on_text(data: str) -> None:
        if not in_cdata:
            parts.append(data)

    def on_cdata_start() -> None:
        nonlocal in_cdata
        in_cdata = True

    def on_cdata_end() -> None:
        nonlocal in_cdata
        in_cdata = False

    parser = expat.ParserCreate(namespace_separator=" ")  # prefixes must be bound
    parser.buffer_text = True  # one callback per text run, not per line
    parser.CharacterDataHandler = on_text
    parser.StartCdataSectionHandler = on_cdata_start
    parser.EndCdataSectionHandler = on_cdata_end
    try:
        parser.Parse(f"<doc>{documentation}</doc>", True)
    except expat.ExpatError:
        return documentation
    return "".join(parts)


@lru_cache(maxsize=4096)
def overview(documentation: str) -> str:
    """The first sentence of the documentation, on one line (v2's YAML comment text).

    A sentence ends at the first run of '.' or ':'; line breaks become spaces.
    """
    text = _SENTENCE_END.split(strip_markup(documentation), 1)[0]
    if text:
        text += "."
    return text.replace("\n", " ").replace("\u2028", " ")


@lru_cache(maxsize=4096)
def plain_text(documentation: str) -> str:
    """The whole documentation as plain text with whitespace collapsed."""
    text = strip_markup(documentation)
    if text is documentation and "<" in text:
        text = _TAGS.sub(" ", text)  # malformed markup: drop what looks like tags
    return _SPACES.sub(" ", text).strip()
