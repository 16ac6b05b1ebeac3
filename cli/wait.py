"""`aws <command> wait <waiter>`: check an operation until a waiter's condition holds.

A room beside run_operation. The waiter's operation parses its arguments
and builds its request through the same engine (cli.arguments,
cli.request.Command); botocore's Waiter judges each response by the
model's acceptors; this module paces the checks (the model's delay and
attempts, or --waiter-delay, --waiter-max-attempts, --waiter-timeout) and
shows progress on a terminal. Success prints nothing and exits 0; a failed,
exhausted or timed-out wait is one line on stderr and exit 255, as in v2.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing costs milliseconds at every keystroke
if TYPE_CHECKING:
    from cli.arguments import GlobalArgs
    from cli.catalog import Catalog
    from cli.env import Env

import time

from cli.errors import CliError, ExitCode, UnknownOptionsError, UsageError
from cli.options import WAITER_OPTIONS, Option, PAGINATION_OPTIONS
from cli.request import ParamValidation

class WaitTimedOut(CliError):
    """--waiter-timeout passed before the condition held (exit 255, like any failed wait)."""

    exit_code = ExitCode.OTHER


def run_wait(catalog: Catalog, args: GlobalArgs, words: list[str], env: Env, query) -> int:
    """`words` is [command, "wait", waiter, arguments...]."""
    from cli.arguments import parse_operation
    from cli.operation_room import run_operation
    from cli.present import show_help
    from cli.request import Command

    command, name, rest = _split(words)
    if name == "help" and not rest:
        return show_help(catalog, [command, "wait"], args, env)
    config, operation = catalog.waiter(command, name)
    if rest == ["help"]:
        return show_help(catalog, [command, "wait", name], args, env)
    pace, rest = take_waiter_options(rest)
    try:
        op_args = parse_operation(operation, rest, batch=False)
    except UnknownOptionsError as e:
        raise _UnknownWaitOptions(e) from None
    if op_args.help:
        return show_help(catalog, [command, "wait", name], args, env)
    call = Command(catalog, operation, args, op_args, env)
    if call.options["generate_cli_skeleton"] is not None:
        return run_operation(call, query)  # prints the skeleton; never calls
    given = [o.cli_name for o in PAGINATION_OPTIONS if call.options.get(o.py_name) is not None]
    if given:
        raise ParamValidation(f"{', '.join(given)}: not available on wait commands, whose "
                              "every check is a single call")
    params = call.params(call.read_cli_input())
    client = call.make_client()
    poll(client, operation, config, params, pace, env)
    return ExitCode.OK


def _split(words: list[str]) -> tuple[str, str, list[str]]:
    """(command, waiter, the waiter's words) from [command, "wait", ...], as v2 reads them.

    The waiter is the first word after `wait` that is not an option; the
    words around it, in order, are the waiter's.
    """
    command, after = words[0], words[2:]
    at = next((i for i, word in enumerate(after) if not word.startswith("-")), None)
    if at is None:
        if after:
            raise ParamValidation("Unknown options: " + ", ".join(after))
        raise ParamValidation(f"usage: aws [options] {command} wait <subcommand> [parameters]"
                              "\naws: [ERROR]: too few arguments")
    return command, after[at], after[:at] + after[at + 1:]


class _UnknownWaitOptions(UnknownOptionsError):
    """v2 opens this message with a blank line on wait commands."""

    def __init__(self, error: UnknownOptionsError):
        CliError.__init__(self, error.message)

    def render(self) -> str:
        return "\n" + super().render()


def take_waiter_options(words: list[str]) -> tuple[dict, list[str]]:
    """Pick --waiter-delay/--waiter-max-attempts/--waiter-timeout out of the words.

    Returns ({py_name: value}, the other words in order). Exact spellings
    only (`--name value` or `--name=value`): an abbreviation would be
    ambiguous with the operation's own options.
    """
    names = {o.cli_name: o for o in WAITER_OPTIONS}
    values: dict = {}
    rest: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        name, eq, text = word.partition("=")
        option = names.get(name)
        if option is None:
            rest.append(word)
            i += 1
            continue
        if not eq:
            if i + 1 >= len(words) or words[i + 1].startswith("--"):
                raise UsageError(f"argument {name}: expected one argument")
            text = words[i + 1]
            i += 1
        values[option.py_name] = _number(option, text)
        i += 1
    return values, rest


def _number(option: Option, text: str) -> float:
    try:
        value = int(text) if option.kind == "integer" else float(text)
    except ValueError:
        kind = "int" if option.kind == "integer" else "number of seconds"
        raise UsageError(f"argument {option.cli_name}: invalid {kind} value: '{text}'") from None
    least = 1 if option.name == "waiter-max-attempts" else 0
    if not value >= least or value == float("inf"):  # also rejects nan
        raise UsageError(f"argument {option.cli_name}: must be at least {least}: '{text}'")
    return value


# -- the checks ----------------------------------------------------------------


def poll(client, operation, config: dict, params: dict, pace: dict, env: Env) -> None:
    """Check with botocore's waiter until it succeeds; raise if it fails or times out."""
    from cli import dispatch

    delay = pace.get("waiter_delay", config["delay"])
    timeout = pace.get("waiter_timeout")
    max_attempts = pace.get("waiter_max_attempts")
    if max_attempts is None:
        max_attempts = config["maxAttempts"] if timeout is None else 2 ** 62
    clock = _Pacer(config["name"], delay, timeout, max_attempts, _Progress(env))
    waiter = dispatch.make_waiter(client, operation, config, clock.before_check)
    try:
        dispatch.wait(waiter, params, max_attempts)
    finally:
        clock.progress.stop()


class _Pacer:
    """Sleeps between checks, honours the deadline, and keeps the progress line current."""

    def __init__(self, name: str, delay: float, timeout: float | None, max_attempts: int,
                 progress: _Progress):
        self.name = name
        self.delay = delay
        self.timeout = timeout
        self.max_attempts = max_attempts
        self.progress = progress
        self.checks = 0
        self.start = time.monotonic()

    def before_check(self) -> None:
        if self.checks:
            pause = self.delay
            if self.timeout is not None:
                left = self.start + self.timeout - time.monotonic()
                if left <= 0:
                    raise WaitTimedOut(
                        f"Waiter {self.name} failed: Timed out after {_seconds(self.timeout)} "
                        f"seconds (--waiter-timeout), {self.checks} "
                        f"{'check' if self.checks == 1 else 'checks'} made")
                pause = min(pause, left)
            self.progress.sleep(pause, self._status)
        self.checks += 1

    def _status(self, left: float) -> str:
        limit = "" if self.max_attempts >= 2 ** 62 else f" of {self.max_attempts}"
        elapsed = time.monotonic() - self.start
        return (f"Waiting for {self.name}: {self.checks}{limit} checks made, next in "
                f"{-(-left // 1):.0f} s ({elapsed:.0f} s elapsed)")


def _seconds(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


class _Progress:
    """A status line on stderr while a wait sleeps; nothing at all when stderr is not a terminal."""

    def __init__(self, env: Env):
        self.env = env
        self.status = None

    def sleep(self, seconds: float, describe) -> None:
        if not self.env.stderr_isatty:
            time.sleep(seconds)
            return
        if self.status is None:
            from rich.console import Console

            console = Console(file=self.env.stderr, force_terminal=True, highlight=False)
            self.status = console.status(describe(seconds))
            self.status.start()
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            self.status.update(describe(left))
            time.sleep(min(left, 0.25))

    def stop(self) -> None:
        if self.status is not None:
            self.status.stop()
            self.status = None
