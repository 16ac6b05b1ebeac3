"""Lay a help page out as text: headings flush left, bodies indented,
paragraphs wrapped to the width, code blocks as they are.

The layout is one pass producing lines of styled pieces; `styled` decides
only whether the pieces keep their styles (through rich) or become plain
text, so both renderings wrap identically.
"""

from __future__ import annotations

from cli.help.doc import Block, Bullets, Code, Indent, Item, Note, Page, Para, Span

SECTION_INDENT = 7
STEP = 3  # the indent of an item's body, a note's body, a code block
BULLET = "o "

Piece = tuple[str, str]  # (text, style)
Line = list[Piece]

_RICH_STYLES = {
    "heading": "bold",
    "option": "bold",
    "term": "bold",
    "strong": "bold",
    "code": "bold",
    "em": "italic",
    "link": "underline",
    "label": "bold",
}


def render_page(page: Page, *, width: int, styled: bool) -> str:
    width = max(width, 30)
    lines: list[Line] = []
    for section in page.sections:
        lines.append([(section.heading, "heading")])
        body = _blocks(section.blocks, SECTION_INDENT, width)
        lines.extend(body if body else [])
        lines.append([])
    while lines and not lines[-1]:
        lines.pop()
    if styled:
        return _styled(lines, width)
    return "".join("".join(text for text, _ in line).rstrip() + "\n" for line in lines)


def _blocks(blocks, indent: int, width: int) -> list[Line]:
    out: list[Line] = []
    for block in blocks:
        rendered = _block(block, indent, width)
        if not rendered:
            continue
        if out:
            out.append([])
        out.extend(rendered)
    return out


def _block(block: Block, indent: int, width: int) -> list[Line]:
    pad = (" " * indent, "")
    if isinstance(block, Para):
        return [[pad, *line] for line in wrap(block.spans, width - indent)]
    if isinstance(block, Code):
        step = " " * (indent + STEP)
        return [[(step + line, "")] if line else [] for line in block.lines]
    if isinstance(block, Bullets):
        out: list[Line] = []
        for item in block.items:
            body = _blocks(item, indent + len(BULLET), width)
            if not body:
                continue
            if out:
                out.append([])
            first = body[0]
            # Put the bullet in place of the first line's indent.
            first[0] = (" " * indent + BULLET, "")
            out.extend(body)
        return out
    if isinstance(block, Note):
        return [[pad, (block.label + ":", "label")], *_blocks(block.blocks, indent + STEP, width)]
    if isinstance(block, Indent):
        return _blocks(block.blocks, indent + STEP, width)
    if isinstance(block, Item):
        term = [pad, *((s.text, s.style) for s in block.term)]
        return [term, *_blocks(block.blocks, indent + STEP, width)]
    raise TypeError(f"unknown block {block!r}")


def wrap(spans: tuple[Span, ...], width: int) -> list[Line]:
    """Greedy word wrap of styled text; whitespace collapses to single spaces."""
    width = max(width, 20)
    style = spans[0].style if spans else ""
    if all(span.style == style for span in spans):  # one style, most paragraphs: a fast path
        return [[(line, style)] for line in _wrap_text("".join(s.text for s in spans), width)]
    words: list[list[Piece]] = []
    current: list[Piece] = []
    for span in spans:
        text = span.text
        if not text:
            continue
        parts = text.split()
        if text[0].isspace() and current:
            words.append(current)
            current = []
        for i, part in enumerate(parts):
            if i:
                words.append(current)
                current = []
            current.append((part, span.style))
        if text[-1].isspace() and current:
            words.append(current)
            current = []
    if current:
        words.append(current)
    lines: list[Line] = []
    line: Line = []
    used = 0
    for word in words:
        size = sum(len(t) for t, _ in word)
        if line and used + 1 + size > width:
            lines.append(line)
            line, used = [], 0
        if line:
            line.append((" ", ""))
            used += 1
        line.extend(word)
        used += size
    if line:
        lines.append(line)
    return lines


def _wrap_text(text: str, width: int) -> list[str]:
    lines: list[str] = []
    words: list[str] = []
    used = 0
    for word in text.split():
        if words and used + 1 + len(word) > width:
            lines.append(" ".join(words))
            words, used = [], 0
        used += len(word) + bool(words)
        words.append(word)
    if words:
        lines.append(" ".join(words))
    return lines


def _styled(lines: list[Line], width: int) -> str:
    import io

    from rich.console import Console
    from rich.text import Text

    text = Text()
    for line in lines:
        for piece, style in line:
            text.append(piece, _RICH_STYLES.get(style, ""))
        text.append("\n")
    buffer = io.StringIO()
    console = Console(
        file=buffer, force_terminal=True, color_system="standard", width=max(width, 1000),
        highlight=False, markup=False, emoji=False, soft_wrap=True,
    )
    console.print(text, end="")
    return buffer.getvalue()
