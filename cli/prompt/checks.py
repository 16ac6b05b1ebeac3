"""Values checked as they are typed, by the code that will read them.

    problems(catalog, text) -> [Problem(start, end, message)]

Each value on the line goes through `cli.values.parameter_value`, the one
path from argv text to a request value, so a shorthand or JSON value that
will not parse is reported with the very message the command would print
(for shorthand: the input, a caret under the spot, what was expected), and
`start`/`end` mark the spot on the line: the character the parser stopped
at, or the whole value when the error has no position. Values that name
files (`file://`, `fileb://`, streaming blobs) are left to the run: a
half-typed path is not a mistake. Blobs are read as raw text unless the
line says `--cli-binary-format base64`, so that a config file's setting
is never second-guessed here.
"""

from __future__ import annotations

from collections import namedtuple

from cli.prompt.words import Word, split


class Problem(namedtuple("Problem", "start end message")):
    __slots__ = ()


def problems(catalog, text: str) -> list[Problem]:
    """The values of `text` that the command would reject, in line order."""
    words, _ = split(text)
    if words[:1] and words[0].value == "aws":
        words = words[1:]
    operation = _operation(catalog, [w.value for w in words])
    if operation is None:
        return []
    from cli.arguments import command_parameters

    params = {}
    for param in command_parameters(operation):
        for name in (param.name, *param.aliases):
            params[name] = param
    binary_format = _option_value(words, "--cli-binary-format") or "raw-in-base64-out"
    found = []
    for i, word in enumerate(words):
        if not word.value.startswith("--"):
            continue
        name, eq, inline = word.value[2:].partition("=")
        param = params.get(name)
        if param is None or param.is_flag:
            continue
        if eq:
            skip = len(name) + 3
            values = [Word(inline, word.at(skip), word.end, word.offsets[skip:])]
        else:
            values = []
            for following in words[i + 1:]:
                if following.value.startswith("--") or (values and not param.takes_many):
                    break
                values.append(following)
        problem = _check(operation, param, values, binary_format)
        if problem is not None:
            found.append(problem)
    return found


def _operation(catalog, words: list[str]):
    """The operation the words name (a wait's operation for a waiter), or None."""
    from cli.arguments import parse_globals
    from cli.errors import CliError

    try:
        path = parse_globals(words).words
        if len(path) >= 3 and path[1] == "wait":
            return catalog.waiter(path[0], path[2])[1]
        if len(path) >= 2:
            return catalog.operation(path[0], path[1])
    except CliError:
        pass
    return None


def _option_value(words: list[Word], option: str) -> str | None:
    for word, following in zip(words, words[1:]):
        if word.value == option:
            return following.value
    return None


def _check(operation, param, values: list[Word], binary_format: str) -> Problem | None:
    from cli.errors import CliError
    from cli.values import FILE_PREFIXES, parameter_value

    if not values or any(w.value.startswith(FILE_PREFIXES) for w in values):
        return None
    shape = param.shape
    if shape.type_name == "blob" and shape.definition.get("streaming"):
        return None  # a path to a file
    raw = [w.value for w in values] if param.takes_many else values[0].value
    try:
        parameter_value(param, raw, binary_format=binary_format,
                        command=(operation.command_name, operation.cli_name))
    except CliError as e:
        start, end = _spot(e, values)
        # As the command prints it, less the usage lines argparse's errors add.
        return Problem(start, end, CliError.render(e).strip("\n"))
    return None


def _spot(error: Exception, values: list[Word]) -> tuple[int, int]:
    """Where on the line the parser stopped: the character, or the whole value."""
    import json

    from shorthand import ShorthandError

    cause = error.__context__  # the parser's own error, behind the CLI's message
    if isinstance(cause, ShorthandError):
        text, position = cause.text, cause.position
    elif isinstance(cause, json.JSONDecodeError):
        text, position = cause.doc, cause.pos
    else:
        return values[0].start, values[-1].end
    for word in values:
        if word.value == text:
            at = word.at(position)
            if at >= word.end:  # the end of the value: mark its last character
                at = max(word.end - 1, word.start)
            return at, at + 1
    return values[0].start, values[-1].end
