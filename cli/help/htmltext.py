"""botocore's HTML documentation strings turned into help blocks.

The model documentation is a loose HTML subset (p, code, a, b/strong,
i/em, ul/ol/li, note/important, dl/dt/dd, pre, br, h1-h6), often with
unbalanced or unknown tags. `blocks_from_html` reads it with the standard
library's HTMLParser into the block tree of `cli.help.doc`; unknown tags
keep their text, stray end tags are ignored, and anything left open at the
end is closed.
"""

from __future__ import annotations

from functools import lru_cache
from html.parser import HTMLParser

from cli.help.doc import Block, Bullets, Code, Indent, Item, Note, Para, Span

_INLINE_STYLES = {
    "code": "code",
    "b": "strong",
    "strong": "strong",
    "i": "em",
    "em": "em",
    "a": "link",
    "replaceable": "em",
    "filename": "code",
}
_NOTES = {"note": "NOTE", "important": "IMPORTANT", "warning": "WARNING"}
_PARAGRAPH_BREAKS = frozenset({"p", "br", "div", "fullname", "para", "h1", "h2", "h3", "h4", "h5", "h6"})
_STRONG_BLOCKS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "dt"})
# Containers: the tag that opened them, and the blocks collected so far.
_CONTAINERS = frozenset({"ul", "ol", "li", "dd", "dl"} | set(_NOTES))
_SKIPPED = frozenset({"script", "style"})


class _Container:
    def __init__(self, tag: str):
        self.tag = tag
        self.blocks: list[Block] = []
        self.items: list[tuple[Block, ...]] = []  # for ul/ol
        self.spans: list[Span] = []

    def flush(self) -> None:
        if any(s.text.strip() for s in self.spans):
            self.blocks.append(Para(tuple(_merge(self.spans))))
        self.spans = []


class _DocParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack = [_Container("")]
        self.styles: list[str] = []
        self.pre: list[str] | None = None
        self.skipping = 0

    @property
    def top(self) -> _Container:
        return self.stack[-1]

    def handle_starttag(self, tag, attrs):
        tag = tag.lower()
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag == "pre":
            self.top.flush()
            self.pre = []
        elif tag in _INLINE_STYLES:
            self.styles.append(_INLINE_STYLES[tag])
        elif tag in _CONTAINERS:
            self.top.flush()
            if tag == "li" and self.top.tag not in ("ul", "ol"):
                # A stray <li>: give it a list to live in.
                self.stack.append(_Container("ul"))
            self.stack.append(_Container(tag))
        elif tag in _PARAGRAPH_BREAKS or tag == "dt":
            self.top.flush()
            if tag in _STRONG_BLOCKS:
                self.styles.append("strong")

    def handle_startendtag(self, tag, attrs):
        if tag.lower() in _PARAGRAPH_BREAKS:
            self.top.flush()

    def handle_endtag(self, tag):
        tag = tag.lower()
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag == "pre" and self.pre is not None:
            text = "".join(self.pre).strip("\n")
            self.pre = None
            if text.strip():
                self.top.blocks.append(Code(tuple(_dedent(text.splitlines()))))
        elif tag in _INLINE_STYLES:
            _remove_last(self.styles, _INLINE_STYLES[tag])
        elif tag in _CONTAINERS:
            if any(c.tag == tag for c in self.stack[1:]):
                while True:
                    closed = self._close_top()
                    if closed == tag:
                        break
        elif tag in _PARAGRAPH_BREAKS or tag == "dt":
            self.top.flush()
            if tag in _STRONG_BLOCKS:
                _remove_last(self.styles, "strong")

    def handle_data(self, data):
        if self.skipping:
            return
        if self.pre is not None:
            self.pre.append(data)
            return
        style = self.styles[-1] if self.styles else ""
        self.top.spans.append(Span(data, style))

    def _close_top(self) -> str:
        container = self.stack.pop()
        container.flush()
        parent = self.top
        tag = container.tag
        if tag == "li":
            if parent.tag in ("ul", "ol"):
                parent.items.append(tuple(container.blocks))
            else:
                parent.blocks.extend(container.blocks)
        elif tag in ("ul", "ol"):
            if container.blocks:  # text directly inside the list
                container.items.append(tuple(container.blocks))
            if container.items:
                parent.blocks.append(Bullets(tuple(container.items)))
        elif tag in _NOTES:
            if container.blocks:
                parent.blocks.append(Note(_NOTES[tag], tuple(container.blocks)))
        elif tag == "dd":
            if container.blocks:
                parent.blocks.append(Indent(tuple(container.blocks)))
        else:  # dl
            parent.blocks.extend(container.blocks)
        return tag

    def result(self) -> tuple[Block, ...]:
        self.close()
        if self.pre is not None:
            self.handle_endtag("pre")
        while len(self.stack) > 1:
            self._close_top()
        self.top.flush()
        return tuple(self.top.blocks)


def blocks_from_html(html: str) -> tuple[Block, ...]:
    """The blocks of one documentation string (empty for empty docs)."""
    if not html or not html.strip():
        return ()
    return _cached_blocks(html)


@lru_cache(maxsize=4096)
def _cached_blocks(html: str) -> tuple[Block, ...]:
    # Shapes share documentation strings; the blocks are immutable.
    parser = _DocParser()
    parser.feed(html)
    return parser.result()


def plain_text(html: str) -> str:
    """The documentation as one line of text (for summaries and tests)."""
    parts: list[str] = []

    def walk(blocks) -> None:
        for block in blocks:
            if isinstance(block, Para):
                parts.append(block.text)
            elif isinstance(block, Code):
                parts.extend(block.lines)
            elif isinstance(block, Bullets):
                for item in block.items:
                    walk(item)
            elif isinstance(block, (Note, Indent)):
                walk(block.blocks)
            elif isinstance(block, Item):
                parts.append("".join(s.text for s in block.term))
                walk(block.blocks)

    walk(blocks_from_html(html))
    return " ".join(" ".join(parts).split())


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for span in spans:
        if merged and merged[-1].style == span.style:
            merged[-1] = Span(merged[-1].text + span.text, span.style)
        else:
            merged.append(span)
    return merged


def _remove_last(styles: list[str], style: str) -> None:
    for i in range(len(styles) - 1, -1, -1):
        if styles[i] == style:
            del styles[i]
            return


def _dedent(lines: list[str]) -> list[str]:
    indents = [len(l) - len(l.lstrip()) for l in lines if l.strip()]
    cut = min(indents, default=0)
    return [l[cut:].rstrip() for l in lines]
