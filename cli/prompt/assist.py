"""What the prompt offers for a line: candidates, documentation, a sample of the output.

Pure of any terminal library, so it is tested as data. The candidates come
from `cli.completion` (the same function as `aws_completer`), over the same
cached index; the documentation comes from the help pages (`cli.help`),
so the menu, the doc panel and `aws ... help` say the same thing. The
prompt adds only what a shell cannot show: each option's type and summary,
required options first and marked, shell quoting, and the documentation
of the option under the cursor.
"""

from __future__ import annotations

import re
import shlex
from collections import namedtuple

from cli.completion import complete_words, context
from cli.prompt.words import split

PROGRAM = "aws"
PREFIX = f"> {PROGRAM} "  # before the line in the prompt, and before it once it runs
# The prompt is already on: v2 offers neither spelling inside it.
HIDDEN = frozenset({"--cli-auto-prompt", "--no-cli-auto-prompt"})
_NEEDS_NO_SPACE = ("/", "=")


class Candidate(namedtuple("Candidate", "text start display meta")):
    """`text` replaces the line from `start` to the cursor; `display` and `meta` are for the menu."""

    __slots__ = ()


def continues(word: str) -> bool:
    """Whether a chosen word is only the start of one (a directory, a `Key=`): no space after it."""
    return word.rstrip("'").endswith(_NEEDS_NO_SPACE)


class OptionDoc(namedtuple("OptionDoc", "required type summary item")):
    """One option as its help page documents it; `item` is the page's block for it."""

    __slots__ = ()


class Line(namedtuple("Line", "words fragment start")):
    """The line up to the cursor: the words before the word being typed (values, without
    the program's name), that word (`fragment`, its value) and where it starts."""

    __slots__ = ()


def read_line(text: str, cursor: int) -> Line:
    before = text[:cursor]
    words, unclosed = split(before)
    if words and (unclosed or words[-1].end == cursor):
        last = words.pop()
        fragment, start = last.value, last.start
    else:
        fragment, start = "", cursor
    values = [w.value for w in words]
    if values[:1] == [PROGRAM]:  # pasted with the program's name
        values = values[1:]
    elif not values and fragment == PROGRAM and cursor < len(text):
        fragment = ""
    return Line(values, fragment, start)


def command_words(text: str) -> list[str]:
    """The words the edited line runs with (the program's name dropped if it was typed)."""
    words = [w.value for w in split(text)[0]]
    return words[1:] if words[:1] == [PROGRAM] else words


class Assistant:
    """Answers the prompt's questions about a line, remembering what it has read."""

    def __init__(self, environ):
        from cli.completion_data import CacheIndex

        self.environ = environ
        self.index = CacheIndex(environ)
        self.catalog = self.index.catalog
        self._pages: dict[tuple, object] = {}
        self._docs: dict[tuple, dict[str, OptionDoc]] = {}
        self._rendered: dict[tuple, str] = {}

    # -- candidates -----------------------------------------------------------

    def candidates(self, text: str, cursor: int) -> list[Candidate]:
        """What may replace the word at the cursor: required options first, then the rest."""
        line = read_line(text, cursor)
        found = [c for c in complete_words(line.words, line.fragment, self.index)
                 if c not in HIDDEN]
        where = context(line.words, line.fragment, self.index)
        docs = self.option_docs(where[0]) if where is not None else {}
        options = [] if where is None or (where[1] and not line.fragment.startswith("-")) \
            else [c for c in found if c.startswith("--") and "=" not in c]
        result = []
        for word in found:
            doc = docs.get(word[2:]) if word in options else None
            display, meta = word, ""
            if doc is not None:
                if doc.required:
                    display += " (required)"
                meta = f"[{doc.type}] {doc.summary}" if doc.type else doc.summary
            result.append(Candidate(_quoted(word), line.start, display, meta))
        required = [c for c in result if c.display.endswith(" (required)")]
        return required + [c for c in result if c not in required]

    # -- documentation --------------------------------------------------------

    def focus(self, text: str, cursor: int) -> tuple | None:
        """(path, option name or None, options given) of the word under the cursor."""
        words, _ = split(text)
        end = cursor
        for word in words:  # the whole word under the cursor, not only its first part
            if word.start <= cursor <= word.end:
                end = word.end
        line = read_line(text, end)
        where = context(line.words, line.fragment, self.index)
        if where is not None and line.fragment and where[1] is None:
            # A whole command word under the cursor: its own page, not its parent's.
            deeper = context(line.words + [line.fragment], "", self.index)
            if deeper is not None and len(deeper[0]) > len(where[0]):
                return deeper
        return where

    def page(self, path: tuple):
        if path not in self._pages:
            from cli import help as help_pages
            from cli.errors import CliError

            try:
                self._pages[path] = help_pages.page_for(self.catalog, list(path))
            except CliError:
                self._pages[path] = None
        return self._pages[path]

    def option_docs(self, path: tuple) -> dict[str, OptionDoc]:
        """{option name: its documentation} for a command path, the global options included."""
        if path not in self._docs:
            from cli.help.operation import global_option_items

            items = list(global_option_items())
            page = self.page(path) if len(path) >= 2 else None
            if page is not None:
                section = page.section("OPTIONS")
                items = list(section.blocks if section else ()) + items
            docs: dict[str, OptionDoc] = {}
            for item in items:
                for name, doc in _read_item(item):
                    docs.setdefault(name, doc)
            from cli.options import INPUT_OPTIONS

            for option in INPUT_OPTIONS:  # --cli-input-json and -yaml share one item
                if option.name in docs:
                    docs[option.name] = docs[option.name]._replace(
                        summary=_first_sentence(option.documentation))
            self._docs[path] = docs
        return self._docs[path]

    def documentation(self, text: str, cursor: int, width: int) -> str | None:
        """The doc panel's text: the option under the cursor, else the command's page.

        None while the line leads nowhere (an unknown word): the panel keeps what it shows.
        """
        where = self.focus(text, cursor)
        if where is None:
            return None
        path, option, _ = where
        key = (path, option, width)
        if key not in self._rendered:
            self._rendered[key] = self._document(path, option, width)
        return self._rendered[key]

    def _document(self, path: tuple, option: str | None, width: int) -> str:
        from cli.help import render
        from cli.help.doc import Page, Section

        doc = self.option_docs(path).get(option) if option else None
        if doc is not None:
            return _dedent(render(Page("", (Section("", (doc.item,)),)), width=width,
                                  styled=False))
        page = self.page(path)
        if page is None:
            return ""
        kept = [s for s in page.sections if s.heading not in ("NAME", "SYNOPSIS")]
        return render(Page(page.title, tuple(kept)), width=width, styled=False)

    def missing(self, text: str) -> list[str]:
        """The required options the line does not give yet (`--name`), once the command is known."""
        where = context(command_words(text), "", self.index)
        if where is None or len(where[0]) < 2:
            return []
        path, _, given = where
        if any(name.startswith(("cli-input-", "generate-cli-skeleton")) for name in given):
            return []  # these lift the requirement, as on the command line
        return ["--" + name for name, doc in self.option_docs(path).items()
                if doc.required and name not in given]

    # -- a sample of the output -----------------------------------------------

    def sample_output(self, text: str, width: int) -> str:
        """What the command prints, on made-up data, in its --output and through its --query."""
        from cli.arguments import parse_globals
        from cli.errors import CliError

        words = command_words(text)
        try:
            args = parse_globals(words)
            where = context(args.words, "", self.index)
            if where is None or len(where[0]) != 2 or where[0][1] == "wait":
                return "No output"
            operation = self.catalog.operation(*where[0])
            shape = operation.output_shape
            if shape is None or not shape.members:
                return "No output"
            import output
            import skeleton
            from cli.present import apply_query, compile_query

            query = compile_query(args.query)
            data = apply_query(skeleton.generate(operation, "output"), query)
            fmt = args.output or self.environ.get("AWS_DEFAULT_OUTPUT") or "json"
            return output.render(data, fmt, title=operation.name, terminal_width=width)
        except CliError as e:
            return e.message
        except Exception as e:  # a sample must never end the prompt
            return f"No sample: {e}"


def _quoted(word: str) -> str:
    return word if not word or shlex.quote(word) == word else shlex.quote(word)


_TYPE = re.compile(r"^ \((.+)\)$")


def _read_item(item) -> list[tuple[str, OptionDoc]]:
    """The names an OPTIONS item documents, each with its OptionDoc."""
    from cli.help.doc import Item, Para

    if not isinstance(item, Item):
        return []
    names = [s.text[2:] for s in item.term if s.style == "option" and s.text.startswith("--")]
    kind = next((m.group(1) for s in item.term if (m := _TYPE.match(s.text))), "")
    required = any(s.text.strip() == "[required]" for s in item.term)
    first = next((b.text for b in item.blocks if isinstance(b, Para)), "")
    summary = _first_sentence(" ".join(first.split()))
    return [(name, OptionDoc(required and i == 0, kind, summary, item))
            for i, name in enumerate(names)]


def _first_sentence(text: str) -> str:
    end = text.find(". ")
    return text if end < 0 else text[:end + 1]


def _dedent(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip() or line == ""]
    while lines and not lines[0].strip():
        lines.pop(0)
    indents = [len(line) - len(line.lstrip()) for line in lines if line.strip()]
    cut = min(indents, default=0)
    return "\n".join(line[cut:] for line in lines) + "\n"
