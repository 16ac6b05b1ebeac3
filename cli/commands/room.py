"""The room of hand-written commands: find the command, parse its table, run it.

    run_group(word, words, args, env, query)          aws configure ..., aws s3 cp ...
    run_beside(command, words, hand, args, env, query) aws ecr get-login-password ...

`main()` routes here; each command's `run(values, context)` gets the parsed
values and a `Context`: the global options, the environment, botocore
sessions and clients on demand, and the way results are printed (--query,
--output, the pager), all shared with the generated operations.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing costs milliseconds at every keystroke
if TYPE_CHECKING:
    from typing import Any

    from cli.arguments import GlobalArgs
    from cli.commands import HandCommand
    from cli.env import Env

from cli import commands as registry
from cli.arguments import next_word, parse_hand
from cli.errors import CliError, ExitCode, UsageError
from cli.invocation import Invocation


class TooFewArguments(CliError):
    """A group without its subcommand (v2: the group's usage line, 'too few arguments')."""

    exit_code = ExitCode.USAGE
    code = "ParamValidation"

    def __init__(self, group: str):
        super().__init__(f"usage: aws [options] {group} <subcommand> [parameters]\n"
                         "aws: [ERROR]: too few arguments")


class Context(Invocation):
    """What a hand-written command's run function works with, besides its values."""

    __slots__ = ("catalog", "query", "command")

    def __init__(self, catalog, command: HandCommand, args: GlobalArgs, env: Env, query):
        super().__init__(args, env)
        self.catalog = catalog
        self.command = command
        self.query = query  # the compiled --query, or None

    def session(self, *, check_profile: bool = True):
        """The botocore session; its clients read models through shapecli's cache."""
        fresh = self._session is None
        session = super().session(check_profile=check_profile)
        if fresh:
            from cli import dispatch

            dispatch.use_model_cache(session, self.catalog)
        return session

    def client(self, service_name: str, *, region: str | None = None,
               endpoint_url: str | None = None, global_endpoint: bool = True, **config):
        """A botocore client of the service with its whole model; the global options apply
        (region, endpoint, TLS, timeouts, signing, --debug), `region`/`endpoint_url` override.
        `global_endpoint=False`: not sent to --endpoint-url (which names another service's
        endpoint, as s3's does for the S3 Control calls of `s3 mv`)."""
        from cli import dispatch

        client = dispatch.make_service_client(self.session(), service_name, self.settings(),
                                              self.env.environ, region=region,
                                              endpoint_url=endpoint_url,
                                              global_endpoint=global_endpoint, **config)
        self.collector_back_on()
        return client

    def print_result(self, data: Any, *, title: str | None = None) -> int:
        """Data printed as an operation's response is: --query, --output, colour, the pager.
        Times are ISO 8601 text in every format, as an operation's are (v2's session parses
        every client's timestamps that way; this command's clients keep datetimes)."""
        from cli.present import print_result
        from output._plain import plain

        # the scalars as JSON writes them (ISO 8601 times, base64 blobs) in every format
        return print_result(plain(data, "json"), self.output_format(), self.args, self.env,
                            self.query, title=title, session=self._session)

    def hide(self, value: str, label: str) -> None:
        """A secret this command prints or sends: --debug never shows it."""
        from cli import redact

        redact.hide(value, label)


def run_group(word: str, words: list[str], catalog, args: GlobalArgs, env: Env, query) -> int:
    """`aws <word> [<subcommand>] ...` for a top-level hand-written word."""
    not_provided = registry.not_provided_error((word,))
    if not_provided is not None:
        raise not_provided
    commands = registry.group_commands(word)
    sub, rest = next_word(words)
    if sub is not None and sub not in commands:  # aws configure wizard: v2's, not ours
        not_provided = registry.not_provided_error((word, sub))
        if not_provided is not None:
            raise not_provided
    if sub == "help" and "" not in commands:
        return _show_help(catalog, [word], args, env)
    if sub is not None and sub in commands and sub != "":
        return _run(catalog, commands[sub], rest, args, env, query)
    own = commands.get("")
    if own is None:
        if sub is None:
            raise TooFewArguments(word)
        raise UsageError(f"argument subcommand: Found invalid choice '{sub}'\n")
    if sub is not None and sub != "help" and not sub.startswith("-"):
        raise UsageError(f"argument subcommand: Found invalid choice '{sub}'\n")
    return _run(catalog, own, words, args, env, query)


def run_beside(hand: HandCommand, words: list[str], catalog, args: GlobalArgs, env: Env,
               query) -> int:
    """`aws <command> <word> ...` for a service's hand-written command."""
    return _run(catalog, hand, words, args, env, query)


def _run(catalog, hand: HandCommand, words: list[str], args: GlobalArgs, env: Env,
         query) -> int:
    values, wants_help = parse_hand(hand.arguments, words)
    if wants_help:
        return _show_help(catalog, list(hand.words), args, env)
    for argument in hand.arguments:
        if argument.sensitive and values.get(argument.py_name):
            from cli import redact

            redact.hide(str(values[argument.py_name]), argument.py_name)
    return int(hand.run(values, Context(catalog, hand, args, env, query)))


def _show_help(catalog, words: list[str], args: GlobalArgs, env: Env) -> int:
    from cli.present import show_help

    return show_help(catalog, words, args, env)

