"""The shorthand syntax of AWS CLI v2, parsed without any model.

    parameter     = keyval *("," keyval)              ; a key may not repeat
    keyval        = key assign values
    assign        = "=" / "@="                         ; "@=" loads file:// values
    values        = "" / explicit-list / hash-literal / csv-value
    csv-value     = first-value ["," second-value *("," second-value)]
    explicit-list = "[" [explicit-value *("," explicit-value)] "]"
    hash-literal  = "{" [key assign explicit-value *("," key assign explicit-value)] "}"
    explicit-value= explicit-list / hash-literal / first-value
    first-value   = single-quoted / double-quoted / first-word
    second-value  = single-quoted / double-quoted / second-word

Whitespace may surround punctuation; bare words drop trailing whitespace.
A csv item that turns out to be the next key (``a=b,c=d``) is given back:
the parser backs up to the comma before it, as v2 does. Lists and hashes may
nest `max_depth` levels under the top-level keys (`ShorthandTooDeep` past
that), so no input can exhaust the stack.

`parse(text)` returns dicts, lists and strings. Under ``@=`` a value that
starts with ``file://`` or ``fileb://`` becomes a `FileRef`; reading the file
is the caller's business.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


from shorthand.errors import ShorthandError, ShorthandTooDeep
from shorthand.tokens import Scanner

FILE_PREFIXES = ("file://", "fileb://")
MAX_DEPTH = 100

DUPLICATE_HINT = 'This is often because there is a preceding "," instead of a space.'


class FileRef:
    """A ``key@=file://path`` value: the file to read in place of the text."""

    __slots__ = ("uri",)

    def __init__(self, uri: str):
        self.uri = uri  # file://path or fileb://path, as written

    @property
    def binary(self) -> bool:
        return self.uri.startswith("fileb://")

    @property
    def path(self) -> str:
        return self.uri.split("://", 1)[1]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FileRef) and other.uri == self.uri

    def __hash__(self) -> int:
        return hash(("FileRef", self.uri))

    def __repr__(self) -> str:
        return f"FileRef({self.uri!r})"


def parse(text: str, max_depth: int = MAX_DEPTH) -> dict[str, Any]:
    """Parse shorthand `text`; raise `ShorthandError` (with an offset) if it does not parse.

    The result nests at most `max_depth` levels (the top-level keys are the first).
    """
    return _Parser(text, max_depth).parameter()


class _Parser:
    def __init__(self, text: str, max_depth: int = MAX_DEPTH):
        self.text = text
        self.scan = Scanner(text)
        self.max_depth = max_depth
        self.depth = 1  # the top-level keys

    def nested(self, parse_one):
        # Every list and hash goes one level deeper; past the limit, stop here.
        if self.depth >= self.max_depth:
            raise ShorthandTooDeep(self.max_depth, self.text, self.scan.pos)
        self.depth += 1
        try:
            return parse_one()
        finally:
            self.depth -= 1

    def parameter(self) -> dict[str, Any]:
        # parameter = keyval *("," keyval)
        params: dict[str, Any] = {}
        key, value = self.keyval()
        params[key] = value
        last = self.scan.pos
        while not self.scan.at_eof():
            self.scan.expect(",", skip_whitespace=True)
            key, value = self.keyval()
            if key in params:
                raise ShorthandError(f'Second instance of key "{key}" encountered', self.text,
                                     last + 1, hint=DUPLICATE_HINT, indent="")
            params[key] = value
            last = self.scan.pos
        return params

    def keyval(self) -> tuple[str, Any]:
        # keyval = key assign values
        key = self.scan.key().value
        files = self.scan.assign().value == "@="
        return key, self.values(files)

    def values(self, files: bool) -> Any:
        # values = "" / explicit-list / hash-literal / csv-value
        ch = self.scan.current()
        if ch == "":
            return ""
        if ch == "[":
            return self.nested(lambda: self.explicit_list(files))
        if ch == "{":
            return self.nested(self.hash_literal)
        return self.csv_value(files)

    def csv_value(self, files: bool) -> Any:
        # csv-value = first-value ["," second-value *("," second-value)]
        scan = self.scan
        first = self.first_value(files)
        scan.skip_whitespace()
        if scan.current() != ",":
            return first
        scan.expect(",", skip_whitespace=True)
        items = [first]
        while True:
            try:
                item = self.second_value(files)
                scan.skip_whitespace()
                if scan.at_eof():
                    items.append(item)
                    break
                scan.expect(",", skip_whitespace=True)
                items.append(item)
            except ShorthandError:
                # "a=b,c,d=e": the item "d" was the next key; back up to the
                # comma before it and let parameter() read "d=e".
                if scan.at_eof():
                    raise
                while scan.pos >= 0 and self.text[scan.pos] != ",":
                    scan.pos -= 1
                break
        return first if len(items) == 1 else items

    def explicit_list(self, files: bool) -> list[Any]:
        # explicit-list = "[" [explicit-value *("," explicit-value)] "]"
        scan = self.scan
        scan.expect("[", skip_whitespace=True)
        items = []
        while scan.current() != "]":
            items.append(self.explicit_value(files))
            scan.skip_whitespace()
            if scan.current() != "]":
                scan.expect(",")
                scan.skip_whitespace()
        scan.expect("]")
        return items

    def hash_literal(self) -> dict[str, Any]:
        # hash-literal = "{" [key assign explicit-value *("," key assign explicit-value)] "}"
        scan = self.scan
        scan.expect("{", skip_whitespace=True)
        pairs: dict[str, Any] = {}
        while scan.current() != "}":
            key = scan.key().value
            files = scan.assign().value == "@="
            value = self.explicit_value(files)
            scan.skip_whitespace()
            if scan.current() != "}":
                scan.expect(",")
                scan.skip_whitespace()
            pairs[key] = value
        scan.expect("}")
        return pairs

    def explicit_value(self, files: bool) -> Any:
        # explicit-value = explicit-list / hash-literal / first-value
        ch = self.scan.current()
        if ch == "[":
            return self.nested(lambda: self.explicit_list(files))
        if ch == "{":
            return self.nested(self.hash_literal)
        return self.first_value(files)

    def first_value(self, files: bool) -> Any:
        # first-value = single-quoted / double-quoted / first-word
        if self.scan.current() in ("'", '"'):
            return _file_ref(self.scan.quoted().value, files)
        token = self.scan.word(first=True)
        return _file_ref(token.value if token else "", files)

    def second_value(self, files: bool) -> Any:
        # second-value = single-quoted / double-quoted / second-word
        if self.scan.current() in ("'", '"'):
            return _file_ref(self.scan.quoted().value, files)
        token = self.scan.word(first=False)
        if token is None:
            raise self.scan.error("<second>", "<none>")
        return _file_ref(token.value, files)


def _file_ref(value: str, files: bool) -> Any:
    if files and value.startswith(FILE_PREFIXES):
        return FileRef(value)
    return value
