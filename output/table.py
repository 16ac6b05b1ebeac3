"""`--output table`: v2's boxed tables, nested sections, column widths.

Layout, as v2 draws it:
- a section per object, titled with its key (the top one with the
  operation name); nested sections are indented one `|` on each side per
  level;
- a dict's scalar keys become column headers over one row of values (a
  single scalar key becomes a `key | value` row); its other keys become
  sub-sections, in sorted order;
- a list of dicts becomes one header row and a row per dict; when the dicts
  hold nested values, each dict gets its own titled section;
- widths count East Asian wide, full-width and ambiguous characters as two
  columns; every section is stretched to the widest one;
- when the widest section is wider than the terminal, every section with a
  header and exactly one row is turned on its side (`header | value`).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from output._plain import batched, text_of

# colorama's codes, written as v2 writes them (`--color on`, or a terminal):
# values bright blue, nesting bars dim yellow, and a reset after every write.
_VALUE_ON = "\x1b[1m\x1b[34m"
_BAR_ON = "\x1b[2m\x1b[33m"
_RESET = "\x1b[0m"


def display_width(text) -> int:
    """Columns `text` takes on a terminal, as v2 counts them."""
    text = str(text)
    if text.isascii():  # no ASCII character is wide or ambiguous
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WFA" else 1 for ch in text)


@dataclass
class _Section:
    title: str | None = ""
    indent: int = 0
    headers: list = field(default_factory=list)
    rows: list = field(default_factory=list)
    widths: list = field(default_factory=list)  # widest cell per column
    columns: int | None = None

    def add_headers(self, headers) -> None:
        self._widen(headers)
        if self.columns is None:
            self.columns = len(headers)
        self.headers = headers

    def add_row(self, row) -> None:
        if self.columns is None:
            self.columns = len(row)
        if len(row) != self.columns:
            raise ValueError(
                f"Row should have {self.columns} elements, instead it has {len(row)}"
            )
        row = [text_of(cell) for cell in row]
        self.rows.append(row)
        self._widen(row)

    def _widen(self, cells) -> None:
        if not self.widths:
            self.widths = [display_width(cell) for cell in cells]
        else:
            for i, cell in enumerate(cells):
                self.widths[i] = max(display_width(cell), self.widths[i])

    def total_width(self) -> int:
        inner = sum(w + 4 for w in self.widths) + 2 + 2 * self.indent
        return max(display_width(self.title or "") + 2 + 2 * self.indent, inner)

    def column_widths(self, width: int) -> list[int]:
        """Column widths (cell plus padding) stretched to sum to `width`."""
        natural = [w + 4 for w in self.widths]
        if not natural:
            return natural
        scale = width / float(sum(natural))
        scaled = [int(round(scale * w)) for w in natural]
        excess = sum(scaled) - width
        while excess != 0:
            order = range(len(scaled)) if excess > 0 else reversed(range(len(scaled)))
            for i in order:
                if excess > 0:
                    scaled[i] -= 1
                    excess -= 1
                else:
                    scaled[i] += 1
                    excess += 1
                if excess == 0:
                    break
        return scaled


class _Builder:
    """Turns data into sections, following v2's traversal.

    `build` is a generator: it yields each section once it is complete (when
    the next one starts, or at the end), so a caller can draw sections as
    they come instead of holding them all.
    """

    def __init__(self) -> None:
        self.current: _Section | None = None

    def new_section(self, title, indent):
        if self.current is not None:
            yield self.current
        self.current = _Section(title=title, indent=indent)

    def sections(self, title, value):
        """Every section of `value` under `title`, in drawing order."""
        yield from self.build(title, value)
        if self.current is not None:
            yield self.current
            self.current = None

    def build(self, title, value, indent=0):
        if not value:
            return
        if title is not None:
            yield from self.new_section(title, indent)
        if isinstance(value, (list, tuple)):
            if isinstance(value[0], dict):
                yield from self._list_of_dicts(value, indent, title)
            else:
                for item in value:
                    if _is_scalar(item):
                        self.current.add_row([item])
                    elif all(_is_scalar(cell) for cell in item):
                        self.current.add_row(list(item))
                    else:
                        yield from self.build(None, item)
        if isinstance(value, dict):
            yield from self._dict(value, indent)

    def _dict(self, value, indent):
        headers, nested = _split_keys(value)
        if len(headers) == 1:
            self.current.add_row([headers[0], value[headers[0]]])
        elif headers:
            self.current.add_headers(headers)
            self.current.add_row([value[key] for key in headers])
        for key in nested:
            yield from self.build(key, value[key], indent + 1)

    def _list_of_dicts(self, items, indent, title):
        headers, nested = set(), set()
        for item in items:
            scalar_keys, other_keys = _split_keys(item)
            headers.update(scalar_keys)
            nested.update(other_keys)
        headers, nested = sorted(headers), sorted(nested)
        self.current.add_headers(headers)
        for n, item in enumerate(items):
            if n and nested:
                yield from self.new_section(title, indent)
                self.current.add_headers(headers)
            self.current.add_row([item.get(key, "") for key in headers])
            for key in nested:
                if key in item:
                    yield from self.build(key, item[key], indent + 1)


def _is_scalar(value) -> bool:
    return not isinstance(value, (list, tuple, dict))


def _split_keys(mapping):
    scalar = sorted(key for key in mapping if _is_scalar(mapping[key]))
    other = sorted(key for key in mapping if not _is_scalar(mapping[key]))
    return scalar, other


def render_table(data, title: str, *, color: bool = False, terminal_width: int = 80) -> str:
    """v2's table for `data` under `title`, or '' when there is nothing to show."""
    return "".join(table_chunks(data, title, color=color, terminal_width=terminal_width))


def table_chunks(data, title: str, *, color: bool = False, terminal_width: int = 80):
    """The same text in pieces (some thousands of writes each).

    Every section is as wide as the widest one, so the sections are built
    twice: once to measure them, once to draw them one at a time. Only
    one section is ever held, never the whole table.
    """
    if not data:
        return
    width = side_width = 0
    for section in _Builder().sections(title, data):
        width = max(width, section.total_width())
        side_width = max(side_width, _on_its_side(section).total_width())
    turn = width > terminal_width
    if turn:
        width = side_width
    yield from batched(_writes(data, title, width, turn, color))


def _writes(data, title, width, turn, color):
    writes: list[str] = []
    reset = _RESET if color else ""
    # v2's colorama wrapper resets after every write to stdout.
    yield "-" * width + "\n" + reset
    for section in _Builder().sections(title, data):
        _draw(_on_its_side(section) if turn else section, width, writes, color)
        for chunk in writes:
            yield chunk + reset
        writes.clear()


def _on_its_side(section: _Section) -> _Section:
    if len(section.rows) != 1 or not section.headers:
        return section
    turned = _Section(title=section.title, indent=section.indent)
    for header, value in zip(section.headers, section.rows[0]):
        turned.add_row([header, value])
    return turned


def _center(text, length, left, right, text_width=None) -> str:
    if text_width is None:
        text_width = display_width(text)
    start = length // 2 - text_width // 2 - 1
    used = display_width(left) + start + text_width
    return left + " " * start + text + " " * (length - display_width(right) - used) + right


def _left(text, length, left, right, text_width) -> str:
    padding = 2 if length - (text_width + 2 + display_width(left) + display_width(right)) >= 0 else 0
    used = len(left) + padding + text_width
    return left + " " * padding + text + " " * (length - used - len(right)) + right


def _draw(section: _Section, width: int, writes: list[str], color: bool) -> None:
    bar = _BAR_ON + "|" + _RESET if color else "|"
    bars = bar * section.indent

    def line(text: str) -> None:
        # One line is four writes in v2: left bars, text, right bars, newline.
        writes.extend((bars, text, bars, "\n"))

    width -= 2 * section.indent
    if section.title:
        line(_center(section.title, width, "|", "|"))
        if not section.headers and not section.rows:
            line("+" + "-" * (width - 2) + "+")
    if section.headers:
        widths = section.column_widths(width)
        line(_rule(widths))
        cells = [
            _center(header, w, "|" if i == 0 else "", "|")
            for i, (w, header) in enumerate(zip(widths, section.headers))
        ]
        line("".join(cells))
    if section.rows:
        widths = section.column_widths(width)
        if not widths:
            return
        line(_rule(widths))
        for row in section.rows:
            cells = []
            for i, (w, cell) in enumerate(zip(widths, row)):
                shown = _VALUE_ON + cell + _RESET if color else cell
                cells.append(_left(shown, w, "|" if i == 0 else "", "|", display_width(cell)))
            line("".join(cells))
        line(_rule(widths))


def _rule(widths) -> str:
    return "".join(
        "+" + "-" * (w - 2) + "+" if i == 0 else "-" * (w - 1) + "+"
        for i, w in enumerate(widths)
    )
