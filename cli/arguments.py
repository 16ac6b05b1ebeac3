"""argv -> (global options, command words) and (operation arguments).

Two argparse passes, as AWS CLI v2 does it: the global options are
recognised anywhere on the line; what is left names the service, the
operation, and the operation's own arguments, which a parser generated from
the operation's input shape reads. Values stay strings here; cli.values
turns them into request values.
"""

from __future__ import annotations

import argparse
from cli.errors import UnknownOptionsError, UsageError
from cli.model import Operation, Parameter
from cli.options import (
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


def parse_globals(argv: list[str]) -> GlobalArgs:
    """Pick the global options out of argv; the rest, in order, are the words."""
    parser = _Parser()
    add_to_parser(parser, GLOBAL_OPTIONS)
    namespace, words = parser.parse_known_args(argv)
    values = vars(namespace)
    check_choices(values, GLOBAL_OPTIONS)
    for option in GLOBAL_OPTIONS:
        if option.kind == "int" and values[option.py_name] is not None:
            values[option.py_name] = to_int(option, values[option.py_name])
    return GlobalArgs(values, words)


def check_choices(values: dict[str, Any], options: tuple[Option, ...]) -> None:
    for option in options:
        value = values.get(option.py_name)
        if option.choices and value is not None and value not in option.choices:
            raise UsageError(f"argument {option.cli_name}: Found invalid choice '{value}'\n")


def to_int(option: Option, text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise UsageError(f"argument {option.cli_name}: invalid int value: '{text}'") from None


class OperationArgs:
    """What the command line gave for one operation."""

    __slots__ = ("raw", "options")

    def __init__(self, raw: dict[str, Any], options: dict[str, Any]):
        self.raw = raw  # py_name -> raw string(s) or bool, only what was given
        self.options = options  # cli_input_json, generate_cli_skeleton, max_items, ...


def operation_options(operation: Operation) -> tuple[Option, ...]:
    if operation.can_paginate:
        return INPUT_OPTIONS + PAGINATION_OPTIONS
    return INPUT_OPTIONS


def parse_operation(operation: Operation, words: list[str]) -> OperationArgs:
    """Parse an operation's arguments; leftovers are v2's "Unknown options"."""
    parser = _Parser()
    options = operation_options(operation)
    # A member spelled like a pagination option (lambda's --max-items) is
    # shadowed by it, as in v2: the paginator drives that member itself.
    shadowed = {o.cli_name for o in options}
    params = [p for p in operation.parameters() if p.cli_name not in shadowed]
    for param in params:
        _add_parameter(parser, param)
    add_to_parser(parser, options)
    namespace, leftovers = parser.parse_known_args(words)
    outfile = None
    # The outfile of a streaming operation is the one positional word; it is
    # not an argparse positional, which would swallow an empty match up front.
    if operation.streaming_output and leftovers and not leftovers[0].startswith("-"):
        outfile = leftovers.pop(0)
    if leftovers:
        raise UnknownOptionsError(leftovers)
    values = vars(namespace)
    option_values = {o.py_name: values.pop(o.py_name) for o in options}
    option_values["outfile"] = outfile
    check_choices(option_values, options)
    for option in options:
        if option.kind == "int" and option_values[option.py_name] is not None:
            option_values[option.py_name] = to_int(option, option_values[option.py_name])
    raw = {p.py_name: values[p.py_name] for p in params if values[p.py_name] is not None}
    return OperationArgs(raw, option_values)


def _add_parameter(parser: argparse.ArgumentParser, param: Parameter) -> None:
    names = [param.cli_name, *("--" + alias for alias in param.aliases)]
    if param.is_flag:
        parser.add_argument(*names, dest=param.py_name, action="store_const", const=True,
                            default=None)
        parser.add_argument(param.negative_cli_name, dest=param.py_name, action="store_const",
                            const=False, default=None)
    elif param.takes_many:
        parser.add_argument(*names, dest=param.py_name, nargs="*", default=None)
    else:
        parser.add_argument(*names, dest=param.py_name, default=None)


def missing_required(operation: Operation, args: OperationArgs,
                     defaults: dict[str, Any]) -> list[str]:
    """The required arguments neither the command line nor a default gave, as v2 names them."""
    missing = [p.cli_name for p in operation.parameters()
               if p.required and p.py_name not in args.raw and p.py_name not in defaults]
    if operation.streaming_output and args.options.get("outfile") is None:
        missing.append("outfile")
    return missing
