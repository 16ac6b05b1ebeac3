"""The prompt's line split into shell words, with where each word lies.

    words, unclosed = split(text)

The rules are POSIX shell quoting, as `shlex.split` applies them:

    line    = { blank } { word { blank } }
    word    = part { part }                   (no blank between parts)
    part    = "'" { any but "'" } "'"          single quotes: all literal
            | '"' { char | "\\" ( '"' | "\\" ) } '"'
            | "\\" any                          outside quotes: the next char, literal
            | char                             anything else but a blank or a quote
    blank   = " " | "\\t" | "\\r" | "\\n"

with one addition from the shell: a backslash before a newline (outside
single quotes) continues the line and is dropped, so a command pasted in
the `\\`-continued layout of the help pages' EXAMPLES runs as it reads.
On any other text the words are exactly `shlex.split`'s.

Each `Word` keeps its `start` and `end` in the text and, for every
character of its value, the offset it came from, so that a position inside
a value (the caret of a shorthand error) maps back onto the line. A line
that ends inside quotes, or on a lone backslash, is `unclosed` (the quote
character, or "\\"): its last word is the part typed so far.
"""

from __future__ import annotations

from collections import namedtuple

BLANKS = " \t\r\n"


class Word(namedtuple("Word", "value start end offsets")):
    """value: the word as the command receives it; offsets[i]: where value[i] was typed."""

    __slots__ = ()

    def at(self, index: int) -> int:
        """The line offset of value[index] (the word's end past its last character)."""
        if 0 <= index < len(self.offsets):
            return self.offsets[index]
        return self.end


def split(text: str) -> tuple[list[Word], str | None]:
    """The words of `text`, and the quote (or backslash) left open at its end, if any."""
    words: list[Word] = []
    value: list[str] = []
    offsets: list[int] = []
    start = None  # the offset where the current word began; None between words
    quote = None  # "'" or '"' while inside quotes
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if quote == "'":
            if c == "'":
                quote = None
            else:
                value.append(c)
                offsets.append(i)
            i += 1
            continue
        if c == "\\":
            if i + 1 == n:  # a lone backslash at the end: more to come
                if start is None:
                    start = i
                return _close(words, value, offsets, start, n), "\\"
            following = text[i + 1]
            if following == "\n":  # a continued line: nothing at all
                i += 2
                continue
            if quote == '"' and following not in '"\\':
                value.append(c)  # inside double quotes a backslash escapes only " and \
                offsets.append(i)
                i += 1
                continue
            if start is None:
                start = i
            value.append(following)
            offsets.append(i + 1)
            i += 2
            continue
        if quote == '"':
            if c == '"':
                quote = None
            else:
                value.append(c)
                offsets.append(i)
            i += 1
            continue
        if c in BLANKS:
            if start is not None:
                words.append(Word("".join(value), start, i, tuple(offsets)))
                value, offsets, start = [], [], None
            i += 1
            continue
        if start is None:
            start = i
        if c in "'\"":
            quote = c
        else:
            value.append(c)
            offsets.append(i)
        i += 1
    if start is not None:
        words.append(Word("".join(value), start, n, tuple(offsets)))
    return words, quote


def _close(words: list[Word], value: list[str], offsets: list[int], start: int,
           end: int) -> list[Word]:
    words.append(Word("".join(value), start, end, tuple(offsets)))
    return words


def word_at(words: list[Word], offset: int) -> Word | None:
    """The word the cursor at `offset` is in or just after (typing into it), if any."""
    for word in words:
        if word.start <= offset <= word.end:
            return word
    return None
