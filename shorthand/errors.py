"""The errors of the shorthand package.

`ShorthandError` is the one syntax error: it carries the input and the offset
where parsing stopped, and renders as AWS CLI v2 does (the input, a caret
under the offset, what was expected). The caller adds the option name.
`ShorthandTooDeep`, a `ShorthandError`, is nesting past the parser's limit.
`ShorthandTypeError` is raised by the coercion pass, which has no offset but a
member path (`BlockDeviceMappings[0].Ebs.VolumeSize`).
"""

from __future__ import annotations


class ShorthandError(ValueError):
    """Shorthand text that does not parse.

    `message` is the reason ("Expected: '=', received: 'EOF'"), `text` the
    whole input and `position` an offset into it. `str(error)` is v2's text.
    """

    def __init__(self, message: str, text: str, position: int, *, hint: str = "",
                 indent: str = " "):
        self.message = message
        self.text = text
        self.position = position
        self.hint = hint
        # v2 prints syntax errors with one space before the input and
        # duplicate-key errors without; the goldens record both.
        self.indent = indent
        super().__init__(self.render())

    def location(self) -> str:
        """The input with a caret line under `position` (inserted after its line)."""
        text, index = self.text, self.position
        consumed, remaining, column = text, "", index
        if "\n" in text[:index]:
            column = index - text[:index].rindex("\n") - 1
        if "\n" in text[index:]:
            cut = index + text[index:].index("\n")
            consumed, remaining = text[:cut], text[cut:]
        return f"{consumed}\n{' ' * column}^{remaining}"

    def render(self) -> str:
        out = f"{self.message} for input:\n{self.indent}{self.location()}"
        if self.hint:
            out += "\n" + self.hint
        return out


class ShorthandTooDeep(ShorthandError):
    """Brackets and braces nested past the parser's limit.

    One line, without the input: at that depth the input is thousands of
    characters long.
    """

    def __init__(self, limit: int, text: str, position: int):
        self.limit = limit
        super().__init__(f"nested more than {limit} levels deep", text, position)

    def render(self) -> str:
        return f"{self.message} at character {self.position + 1}"


class ShorthandTypeError(ValueError):
    """A parsed value that cannot become the type its shape asks for."""

    def __init__(self, path: str, expected: str, value: object):
        self.path = path
        self.expected = expected
        self.value = value
        super().__init__(
            f"Invalid value for parameter {path}, value: {value!r}, expected: {expected}")
