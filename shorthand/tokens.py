"""Typed tokens and the scanner of the shorthand syntax.

The syntax is context dependent (what ends a bare word depends on where the
word stands), so the scanner does not run ahead: the parser asks for the
token it expects next, and the scanner answers with a `Token` or raises
`ShorthandError` at the offset where it stopped.

Character classes, as AWS CLI v2 defines them (U+0000..U+FFFF only):

    start        = %x21 / %x23-26 / %x28-2B / %x2D-3C / %x3E-5A / %x5C-7A / %x7C-FFFF
    first-follow = WSP / %x21 / %x23-26 / %x28-2B / %x2D-5C / %x5E-7C / %x7E-FFFF
    second-follow= WSP / %x21 / %x23-26 / %x28-2B / %x2D-3C / %x3E-FFFF
    key-char     = ALPHA / DIGIT / "-" / "_" / "." / "#" / "/" / ":"
"""

from __future__ import annotations

from enum import Enum
from collections import namedtuple

from shorthand.errors import ShorthandError

WHITESPACE = " \t\n\r\x0b\x0c"  # what v2 skips between tokens (string.whitespace)
KEY_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.#/:")


class Kind(Enum):
    KEY = "key"
    ASSIGN = "="  # value is "=" or "@=" (load file:// values)
    PUNCT = "punct"  # , [ ] { }
    WORD = "word"  # a bare value, escapes resolved, trailing space dropped
    QUOTED = "quoted"  # a quoted value, escapes resolved
    EOF = "EOF"


# Token(kind: Kind, value: str, start: int, end: int), `end` just past the
# token. collections.namedtuple rather than typing.NamedTuple: importing
# typing costs about 10 ms at every keystroke.
Token = namedtuple("Token", "kind value start end")


def _in_ranges(ch: str, ranges: tuple[tuple[int, int], ...]) -> bool:
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in ranges)


_START = ((0x21, 0x21), (0x23, 0x26), (0x28, 0x2B), (0x2D, 0x3C), (0x3E, 0x5A),
          (0x5C, 0x7A), (0x7C, 0xFFFF))
_FIRST_FOLLOW = ((0x21, 0x21), (0x23, 0x26), (0x28, 0x2B), (0x2D, 0x5C), (0x5E, 0x7C),
                 (0x7E, 0xFFFF))
_SECOND_FOLLOW = ((0x21, 0x21), (0x23, 0x26), (0x28, 0x2B), (0x2D, 0x3C), (0x3E, 0xFFFF))


def is_start(ch: str) -> bool:
    return _in_ranges(ch, _START)


def is_follow(ch: str, first: bool) -> bool:
    return ch.isspace() or _in_ranges(ch, _FIRST_FOLLOW if first else _SECOND_FOLLOW)


class Scanner:
    """Reads tokens from `text` on demand; `pos` is the offset of the next one."""

    def __init__(self, text: str):
        self.text = text
        self.pos = 0

    # -- looking ------------------------------------------------------------

    def at_eof(self) -> bool:
        return self.pos >= len(self.text)

    def current(self) -> str:
        """The next character, or "" at the end."""
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def skip_whitespace(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos] in WHITESPACE:
            self.pos += 1

    def error(self, expected: str, received: str | None = None) -> ShorthandError:
        if received is None:
            received = self.text[self.pos] if self.pos < len(self.text) else "EOF"
        return ShorthandError(f"Expected: '{expected}', received: '{received}'",
                              self.text, self.pos)

    # -- tokens -------------------------------------------------------------

    def expect(self, char: str, *, skip_whitespace: bool = False) -> Token:
        """The single character `char` (optionally with whitespace around it)."""
        if skip_whitespace:
            self.skip_whitespace()
        if self.current() != char:
            raise self.error(char)
        start = self.pos
        self.pos += 1
        if skip_whitespace:
            self.skip_whitespace()
        return Token(Kind.PUNCT, char, start, start + 1)

    def assign(self) -> Token:
        """`=` or `@=`, whitespace allowed around and between them."""
        self.skip_whitespace()
        start = self.pos
        value = "="
        if self.current() == "@":
            self.pos += 1
            self.skip_whitespace()
            value = "@="
        self.expect("=", skip_whitespace=True)
        return Token(Kind.ASSIGN, value, start, self.pos)

    def key(self) -> Token:
        """key = *key-char (possibly empty: v2 accepts "=bar")."""
        start = self.pos
        while self.pos < len(self.text) and self.text[self.pos] in KEY_CHARS:
            self.pos += 1
        return Token(Kind.KEY, self.text[start:self.pos], start, self.pos)

    def word(self, *, first: bool) -> Token | None:
        """word = (escaped-comma / start) *(escaped-comma / follow); None if none here.

        `first` picks the follow class: a first value may hold "=" but ends at
        "]" or "}", a later csv item ends at "=" (so "a,b=c" backs off).
        """
        text, start = self.text, self.pos
        end = start
        while end < len(text):
            if text.startswith("\\,", end):
                end += 2
            elif is_start(text[end]) if end == start else is_follow(text[end], first):
                end += 1
            else:
                break
        if end == start:
            return None
        self.pos = end
        value = text[start:end].replace("\\,", ",").rstrip()
        return Token(Kind.WORD, value, start, end)

    def quoted(self) -> Token:
        """A quoted value: quote *(escaped-escape / escaped-quote / non-quote) quote.

        Where several closing quotes would do, the one chosen is the one v2's
        backtracking regular expression picks; found here in linear time.
        """
        text, start = self.text, self.pos
        quote = text[start]
        end = _closing_quote(text, start + 1, quote)
        if end is None:
            name = "singled quoted" if quote == "'" else "double quoted"
            raise self.error(f"<{name}>", "<none>")
        self.pos = end + 1
        body = text[start + 1:end].replace("\\" + quote, quote).replace("\\\\", "\\")
        return Token(Kind.QUOTED, body, start, end + 1)


def _closing_quote(text: str, begin: int, quote: str) -> int | None:
    """The offset of the closing quote for a body starting at `begin`, or None.

    v2 matches the body with (?:\\\\|\\q|[^q])* followed by q, depth first:
    at each offset it tries an escaped backslash, an escaped quote, any
    other character, and only then the closing quote. `found[p]` memoises
    where that search ends when it starts at offset p.
    """
    n = len(text)
    found: list[int | None] = [None] * (n + 2)
    for p in range(n - 1, begin - 1, -1):
        result = None
        two = text[p:p + 2]
        if two == "\\\\" or two == "\\" + quote:
            result = found[p + 2]
        if result is None and text[p] != quote:
            result = found[p + 1]
        if result is None and text[p] == quote:
            result = p
        found[p] = result
    return found[begin] if begin <= n else None
