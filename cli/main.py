"""`main(argv, env) -> exit code`: read the command line, pick the room, map errors.

argv -> global options and command words -> a room:
  - one operation (cli.operation_room: skeleton or call, then output),
  - a batch of them (cli.batch), a wait (cli.wait), a session (cli.session),
  - a hand-written command (cli.commands: configure, s3, ecr get-login-password...),
  - a help page (cli.present.show_help),
and with --cli-auto-prompt the line is first edited in the prompt (cli.prompt),
which hands the words back to be run here. No room imports this module.
Every error is a cli.errors.CliError and is turned into stderr text and an
exit code in one place, at the bottom of this module.
"""

from __future__ import annotations

import sys

from cli import commands as registry
from cli.arguments import next_word, parse_globals, parse_operation
from cli.env import Env
from cli.errors import CliError, ExitCode, Interrupted, UsageError
from cli.operation_room import run_operation
from cli.options import BATCH_TRIGGERS
from cli.present import compile_query, show_help
from cli.prompt.setting import OFF, PARTIAL, UNCONFIRMED_PARTIAL, prompt_mode
from cli.request import Command, ParamValidation
from cli.version import version_line


def run_command(argv: list[str], env: Env) -> int:
    """Read the global options and the command words, then hand over to a room."""
    args = parse_globals(argv)
    if args.version:
        if args.words and args.words[0] != "help":
            # v2 reads the command word before a later --version, and rejects a bad one.
            from cli.catalog import Catalog

            if not registry.is_group(args.words[0]):
                Catalog(env.environ).service_name(args.words[0])
        env.stdout.write(version_line())
        return ExitCode.OK
    _check_endpoint_url(args.endpoint_url)
    query = compile_query(args.query)

    from cli.catalog import Catalog

    catalog = Catalog(env.environ)
    # As in v2, the command and the operation are the first words that are not
    # options; options before them (unknown to the globals) go to the operation.
    command, rest = next_word(args.words)
    if command is None:
        raise UsageError("the following arguments are required: command")
    if command == "help":
        return show_help(catalog, [], args, env)
    if registry.is_group(command):  # configure, s3, ...: hand-written, no service
        from cli.commands.room import run_group

        return run_group(command, rest, catalog, args, env, query)
    service = catalog.service_name(command)  # raises "Found invalid choice" with suggestions
    name, rest = next_word(rest)
    if name is None:
        raise UsageError("the following arguments are required: operation")
    if name == "help":
        return show_help(catalog, [command], args, env)
    if (command, name) in registry.BESIDE:  # ecr get-login-password, sso logout, ...
        from cli.commands.room import run_beside

        return run_beside(registry.beside(command, name), rest, catalog, args, env, query)
    if name == "wait" and catalog.waiters(service):
        from cli.wait import run_wait

        return run_wait(catalog, args, [command, name, *rest], env, query)
    not_provided = registry.not_provided_error((command, name))
    if not_provided is not None:
        raise not_provided
    operation = catalog.operation(command, name)
    if rest == ["help"]:
        return show_help(catalog, [command, name], args, env)
    op_args = parse_operation(operation, rest)
    if op_args.help:
        return show_help(catalog, [command, name], args, env)
    command_ = Command(catalog, operation, args, op_args, env)
    if any(op_args.options.get(trigger) is not None for trigger in BATCH_TRIGGERS):
        from cli.batch import run_batch

        return run_batch(command_, query)
    if operation.starts_session:
        from cli.session import run_session

        return run_session(command_, query)
    return run_operation(command_, query)


# -- pieces of the flow ------------------------------------------------------


def _check_endpoint_url(url: str | None) -> None:
    # v2's test: the URL must parse with a scheme (urllib's rule, spelled
    # out here to keep urllib.parse off the keystroke path).
    if url is not None and not _has_scheme(url):
        raise ParamValidation(
            f'Bad value for --endpoint-url "{url}": scheme is missing.  Must be of the form '
            "http://<hostname>/ or https://<hostname>/"
        )


def _has_scheme(url: str) -> bool:
    """Whether urllib.parse.urlsplit(url).scheme is non-empty."""
    url = url.lstrip("".join(map(chr, range(33)))).replace("\t", "").replace("\r", "")
    scheme, colon, _ = url.replace("\n", "").partition(":")
    return bool(colon and scheme and scheme[0].isascii() and scheme[0].isalpha()
                and all(c.isascii() and (c.isalnum() or c in "+-.") for c in scheme))


# -- the one place errors become exit codes ----------------------------------


def main(argv: list[str], env: Env | None = None, *, prompt: bool = True) -> int:
    """Run one command; return its exit code. Never raises, never exits.

    `prompt=False` runs argv as it stands, whatever --cli-auto-prompt says
    (the prompt's own run of the line it edited).
    """
    env = env or Env()
    # argparse reads --debug or any abbreviation of it (the only global starting --d).
    debug = any(len(word) >= 3 and "--debug".startswith(word) for word in argv)
    if not debug:
        return _run(argv, env, debug, prompt)
    from cli import redact

    redact.start(env, argv)  # the log, and every line of stderr, without secrets
    try:
        return _run(argv, env, debug, prompt)
    finally:
        redact.stop()


def _run(argv: list[str], env: Env, debug: bool, prompt: bool) -> int:
    try:
        mode = prompt_mode(argv, env) if prompt else OFF
        if mode != OFF:
            code = int(_run_prompted(argv, env, mode))
        else:
            code = int(run_command(argv, env))
        env.stdout.flush()  # a full disk or a closed stdout is an error of this command
        return code
    except CliError as e:
        if debug:
            _traceback(env)
        env.stderr.write(e.render())
        return int(e.exit_code)
    except KeyboardInterrupt:
        env.stderr.write(Interrupted().render())
        return int(ExitCode.INTERRUPTED)
    except BrokenPipeError:
        return int(ExitCode.OTHER)  # the reader went away: nothing to say to anyone
    except Exception as e:  # the last rung: a one-line message, never a traceback
        translated = _translate(e)
        if debug:
            _traceback(env)
        if not isinstance(translated, CliError):
            translated = CliError(_describe(e))
        env.stderr.write(translated.render())
        return int(translated.exit_code)


def _run_prompted(argv: list[str], env: Env, mode: str) -> int:
    """--cli-auto-prompt: the line edited in the prompt (at once, or once it has failed to
    parse with on-partial), then run here as typed there."""
    from cli import prompt

    problem = None
    if mode in (PARTIAL, UNCONFIRMED_PARTIAL):
        try:
            return run_command(argv, env)
        except CliError as e:
            problem = prompt.problem_of(e, argv, env, mode)
    edited = prompt.edit(argv, env, problem)
    if isinstance(edited, int):
        return edited
    return main(edited, env, prompt=False)


def _describe(error: Exception) -> str:
    """One line for an unexpected error: what the user can act on, not a traceback."""
    if isinstance(error, OSError) and error.strerror:
        where = f": {error.filename}" if error.filename else ""
        return f"{error.strerror}{where}"
    return str(error) or type(error).__name__


def _translate(error: Exception):
    if "botocore" in sys.modules:
        from cli.dispatch import translate

        return translate(error)
    return error


def _traceback(env: Env) -> None:
    import traceback

    traceback.print_exc(file=env.stderr)
