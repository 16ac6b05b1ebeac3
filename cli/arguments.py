"""argv -> (global options, command words) and (operation arguments).

Two argparse passes, as AWS CLI v2 does it: the global options are
recognised anywhere on the line; what is left names the service, the
operation, and the operation's own arguments, which a parser generated from
the operation's input shape reads. Values stay strings here; cli.values
turns them into request values.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing costs milliseconds at every keystroke
if TYPE_CHECKING:
    from typing import Any

import argparse
from cli.errors import CliError, ExitCode, UnknownOptionsError, UsageError, ValidationError
from cli.model import Operation, Parameter
from cli.options import (  # noqa: F401  (Option: annotations)
    BATCH_OPTIONS,
    GLOBAL_OPTIONS,
    INPUT_OPTIONS,
    PAGINATION_OPTIONS,
    Option,
    add_to_parser,
)


class _Formatter(argparse.HelpFormatter):
    """argparse's formatter without the terminal-size probe (and its shutil import)."""

    def __init__(self, prog: str):
        super().__init__(prog, width=80)


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of printing and exiting."""

    def __init__(self) -> None:
        super().__init__(prog="aws", add_help=False, formatter_class=_Formatter)

    def error(self, message: str):  # argparse's hook
        raise UsageError(message)

    def exit(self, status=0, message=None):  # pragma: no cover - we never add -h
        raise UsageError(message or "")


class _Store(argparse.Action):
    """Store an option's value, checking its choices as argparse reads it.

    Checking while parsing (not afterwards) keeps v2's order of errors: an
    invalid choice before `--version` or before a later malformed option is
    the error reported; one after `--version` is never looked at.
    """

    def __init__(self, option_strings, dest, allowed=(), **kwargs):
        super().__init__(option_strings, dest, **kwargs)
        self.allowed = allowed

    def __call__(self, parser, namespace, values, option_string=None):
        if self.allowed and values is not None and values not in self.allowed:
            raise UsageError(
                f"argument {self.option_strings[0]}: Found invalid choice '{values}'\n")
        setattr(namespace, self.dest, values)


class _VersionSeen(Exception):
    pass


class _Version(argparse.Action):
    """`--version` ends the parse where it stands, as v2's argparse version action does."""

    def __call__(self, parser, namespace, values, option_string=None):
        raise _VersionSeen()


class GlobalArgs:
    """The global options (by py_name) and the words left: [command, operation, ...]."""

    __slots__ = ("values", "words")

    def __init__(self, values: dict[str, Any], words: list[str]):
        self.values = values
        self.words = words

    def __getattr__(self, name: str) -> Any:
        try:
            return self.values[name]
        except KeyError:
            raise AttributeError(name) from None


def _global_parser(stop) -> _Parser:
    parser = _Parser()
    add_to_parser(parser, GLOBAL_OPTIONS, store=_Store, stop=stop)
    return parser


def parse_globals(argv: list[str]) -> GlobalArgs:
    """Pick the global options out of argv; the rest, in order, are the words.

    With `--version`, the words are those before it (v2 checks the command
    word only when it precedes `--version`) and `version` is True.
    """
    try:
        namespace, words = _global_parser(_Version).parse_known_args(argv)
    except _VersionSeen:
        at = next(i for i, word in enumerate(argv) if _names_version(word))
        namespace, words = _global_parser(None).parse_known_args(argv[:at])
        namespace.version = True
    values = vars(namespace)
    for option in GLOBAL_OPTIONS:
        if option.kind == "int" and values[option.py_name] is not None:
            values[option.py_name] = to_int(option, values[option.py_name])
    # v2 applies --region and --profile only when they are non-empty.
    for name in ("region", "profile"):
        if values[name] == "":
            values[name] = None
    return GlobalArgs(values, words)


def next_word(words: list[str]) -> tuple[str | None, list[str]]:
    """The first word that is not an option, and the other words in their order.

    As in v2, the command, the operation (or a group's subcommand) are the first words
    that are not options; options before them go to what comes after.
    """
    for i, word in enumerate(words):
        if not word.startswith("-"):
            return word, words[:i] + words[i + 1:]
    return None, words


def _names_version(word: str) -> bool:
    """Whether argparse reads `word` as --version (itself or an unambiguous prefix)."""
    return len(word) > 3 and "--version".startswith(word)


def to_int(option: Option, text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise UsageError(f"argument {option.cli_name}: invalid int value: '{text}'") from None


class OperationArgs:
    """What the command line gave for one operation."""

    __slots__ = ("raw", "options", "help")

    def __init__(self, raw: dict[str, Any], options: dict[str, Any], help: bool = False):
        self.raw = raw  # Parameter.dest -> raw string(s) or bool, only what was given
        self.options = options  # cli_input_json, generate_cli_skeleton, max_items, ...
        self.help = help  # the operation's positional word was `help`


def operation_options(operation: Operation, batch: bool = True) -> tuple[Option, ...]:
    """The options an operation has beyond its model's members.

    `batch`: with batch mode's (--cli-input-jsonl, --cli-batch-*), which an
    operation command has and a wait command has not.
    """
    from cli.shortcuts import extra_options

    # v2 offers no --cli-input-* or --generate-cli-skeleton where the
    # operation streams its output to a file.
    if operation.streaming_output:
        options: tuple[Option, ...] = ()
    elif batch and operation.runs_in_batches:
        options = INPUT_OPTIONS + BATCH_OPTIONS
    else:
        options = tuple(o for o in INPUT_OPTIONS if o.name != "cli-input-jsonl")
    return (options + pagination_options(operation)
            + extra_options(operation.command_name, operation.cli_name))


def command_parameters(operation: Operation, options=None) -> list[Parameter]:
    """The model's parameters an operation's command line offers.

    A member spelled like one of the command's own options is shadowed by
    it, as in v2: lambda's --max-items is the paging option (the paginator
    drives that member), emr add-tags' --tags takes Key=Value words.
    """
    shadowed = {o.cli_name for o in (operation_options(operation) if options is None
                                     else options)}
    return [p for p in operation.parameters() if p.cli_name not in shadowed]


def pagination_options(operation: Operation) -> tuple[Option, ...]:
    """--starting-token, --page-size (where the paginator has a limit key), --max-items."""
    if not operation.can_paginate:
        return ()
    return tuple(o for o in PAGINATION_OPTIONS
                 if o.name != "page-size" or operation.page_size_member)


# Where the positional outfile of an operation that streams its output is
# kept among the options (not "outfile": iam's --outfile is an option).
STREAMING_OUTFILE = "streaming outfile"

# Given on the command line, these make v2 drop the required-argument check
# (--generate-cli-skeleton except with `output`, which validates the input).
REQUIREMENT_OVERRIDES = ("cli_input_json", "cli_input_yaml", "cli_input_jsonl",
                         "generate_cli_skeleton")


def lifts_requirements(options: dict[str, Any]) -> bool:
    return any(options.get(name) not in (None, "output") if name == "generate_cli_skeleton"
               else options.get(name) is not None for name in REQUIREMENT_OVERRIDES)


def parse_operation(operation: Operation, words: list[str], batch: bool = True) -> OperationArgs:
    """Parse an operation's arguments, in v2's order of checks.

    argparse errors first (in command-line order), then required arguments
    (unless --cli-input-* or --generate-cli-skeleton is given), then the
    positional words: the outfile of a streaming operation, then one word
    that is either `help` (the operation's help page) or joins the
    leftovers, v2's "Unknown options". `batch`: as for operation_options.
    """
    parser = _Parser()
    options = operation_options(operation, batch)
    params = command_parameters(operation, options)
    for param in params:
        _add_parameter(parser, param)
    add_to_parser(parser, options, store=_Store)
    namespace, leftovers = parser.parse_known_args(words)
    values = vars(namespace)
    option_values: dict[str, Any] = {}
    for option in options:  # a flag and its --no- spelling share one value
        if option.py_name not in option_values:
            option_values[option.py_name] = values.pop(option.py_name)
    for name in REQUIREMENT_OVERRIDES:
        option_values.setdefault(name, None)
    for option in options:
        if option.kind == "int" and option_values[option.py_name] is not None:
            option_values[option.py_name] = to_int(option, option_values[option.py_name])
    for param in params:
        if param.flag_structure:
            _merge_negative(param, values)
    raw = {p.dest: values[p.dest] for p in params if values[p.dest] is not None}
    # Positional words, in order: argparse gives them no option to belong to.
    positional = [i for i, word in enumerate(leftovers) if not word.startswith("-")]
    taken = positional[:2] if operation.streaming_output else positional[:1]
    outfile = leftovers[taken.pop(0)] if operation.streaming_output and taken else None
    result = OperationArgs(raw, option_values)
    result.options[STREAMING_OUTFILE] = outfile
    if not lifts_requirements(option_values):
        from cli.customizations import operation_defaults

        missing = missing_required(
            operation, result, operation_defaults(operation.command_name, operation.cli_name))
        if missing:
            error = UsageError("the following arguments are required: " + ", ".join(missing))
            error.hint = did_you_mean(leftovers, params, options)
            raise error
    word = leftovers[taken[0]] if taken else None
    rest = [w for i, w in enumerate(leftovers)
            if i not in positional[:1 + bool(operation.streaming_output)]]
    if word == "help":
        result.help = True
        return result
    if word:  # v2 drops an empty first word ("aws swf deprecate-domain --name n ''")
        rest.append(word)
    if rest:
        error = UnknownOptionsError(rest)
        error.hint = did_you_mean(rest, params, options)
        raise error
    return result


def did_you_mean(words: list[str], params: list[Parameter],
                 options: tuple[Option, ...]) -> str | None:
    """`Did you mean --username?` for the first unknown option close to a known one."""
    unknown = [w.split("=", 1)[0] for w in words if w.startswith("--")]
    if not unknown:
        return None
    import difflib

    known = [p.cli_name for p in params] + [p.negative_cli_name for p in params if p.is_flag]
    known += [o.cli_name for o in options + GLOBAL_OPTIONS]
    for word in unknown:
        close = difflib.get_close_matches(word, known, n=1, cutoff=0.8)
        if close:
            return f"Did you mean {close[0]}?"
    return None


def _add_parameter(parser: argparse.ArgumentParser, param: Parameter) -> None:
    names = [param.cli_name, *("--" + alias for alias in param.aliases)]
    if param.flag_structure:
        parser.add_argument(*names, dest=param.dest, nargs="?", const=True, default=None)
        parser.add_argument(param.negative_cli_name, dest=_NEGATIVE + param.dest,
                            action="store_const", const=False, default=None)
    elif param.is_flag:
        parser.add_argument(*names, dest=param.dest, action="store_const", const=True,
                            default=None)
        parser.add_argument(param.negative_cli_name, dest=param.dest, action="store_const",
                            const=False, default=None)
    elif param.takes_many:
        parser.add_argument(*names, dest=param.dest, nargs="*", default=None)
    else:
        parser.add_argument(*names, dest=param.dest, default=None)


_NEGATIVE = "no "  # the argparse dest of a flag structure's --no- spelling


def _merge_negative(param: Parameter, values: dict[str, Any]) -> None:
    negative = values.pop(_NEGATIVE + param.dest)
    if negative is None:
        return
    if values[param.dest] is not None:
        raise ValidationError(f'Cannot specify both the "{param.cli_name}" option and the '
                              f'"{param.negative_cli_name}" option.')
    values[param.dest] = negative


def missing_required(operation: Operation, args: OperationArgs,
                     defaults: dict[str, Any]) -> list[str]:
    """The required arguments neither the command line nor a default gave, as v2 names them."""
    missing = [p.cli_name for p in command_parameters(operation)
               if p.checked_by_parser and p.dest not in args.raw
               and p.py_name not in defaults]
    missing += [o.cli_name for o in operation_options(operation)
                if o.required and args.options.get(o.py_name) is None]
    if operation.streaming_output and args.options.get(STREAMING_OUTFILE) is None:
        missing.append("outfile")
    return missing


# -- hand-written commands (cli.commands) ---------------------------------------------


class HandUnknownOptions(CliError):
    """Words a hand-written command's table does not take (v2: no usage block, comma-joined)."""

    exit_code = ExitCode.USAGE
    code = "ParamValidation"

    def __init__(self, leftovers: list[str]):
        super().__init__("Unknown options: " + ",".join(leftovers))


def parse_hand(arguments, words: list[str]) -> tuple[dict[str, Any], bool]:
    """Parse a hand-written command's words against its argument table (cli.commands.Argument).

    Returns (values by py_name, help): every argument of the table is in
    values, with its default when not given; `help` when the only word is
    `help` (v2's rule: `aws s3 cp help`, not `aws s3 cp a help`). Errors in
    v2's order: argparse's (in command-line order, required positionals and
    options), then the words left over.
    """
    if words == ["help"]:
        return {}, True
    parser = _Parser()
    options = tuple(a for a in arguments if not a.positional)
    add_to_parser(parser, options, store=_Store)
    positionals = [a for a in arguments if a.positional]
    for argument in positionals:
        nargs = argument.nargs if argument.nargs is not None else (
            None if argument.required else "?")
        # No metavar: argparse names a missing positional by it, and v2 by its name
        # ("the following arguments are required: paths"); the metavar is the synopsis'.
        parser.add_argument(argument.name, nargs=nargs, default=None)
    namespace, leftovers = parser.parse_known_args(words)
    values = vars(namespace)
    missing = [a.cli_name for a in options if a.required and values.get(a.py_name) is None]
    if missing:
        raise UsageError("the following arguments are required: " + ", ".join(missing))
    if leftovers:
        raise HandUnknownOptions(leftovers)
    result: dict[str, Any] = {}
    for argument in arguments:
        key = argument.name if argument.positional else argument.py_name
        value = values.get(key)
        if value is not None and argument.kind == "int" and not isinstance(value, list):
            value = to_int(argument, value)
        if value is not None and argument.kind == "double" and not isinstance(value, list):
            value = _to_float(argument, value)
        if value is None:
            value = result.get(argument.py_name, argument.default)
        result[argument.py_name] = value
    return result, False


def _to_float(option: Option, text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise UsageError(f"argument {option.cli_name}: invalid float value: '{text}'") from None
