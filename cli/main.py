"""`main(argv, env) -> exit code`: one command, top to bottom.

argv -> global options and words -> the operation model -> its arguments ->
request values (cli.values) -> skeleton or --cli-input merge (skeleton/) ->
the call (cli.dispatch) -> the query and the output format (output/).
Every error is a cli.errors.CliError and is turned into stderr text and an
exit code in one place, at the bottom of this module.
"""

from __future__ import annotations

import sys

from cli.version import version_line
from cli.arguments import STREAMING_OUTFILE, parse_globals, parse_operation
from cli.env import Env
from cli.errors import CliError, ExitCode, Interrupted, UsageError
from cli.options import BATCH_TRIGGERS
from cli.prompt.setting import OFF, prompt_mode
from cli.present import (
    compile_query,
    print_pages,
    print_result,
    print_text,
    save_stream,
    show_help,
)
from cli.request import Command, ParamValidation


def run_command(argv: list[str], env: Env) -> int:
    """Read the global options and the command words, then hand over to a room."""
    args = parse_globals(argv)
    if args.version:
        if args.words and args.words[0] != "help":
            # v2 reads the command word before a later --version, and rejects a bad one.
            from cli.catalog import Catalog

            Catalog(env.environ).service_name(args.words[0])
        env.stdout.write(version_line())
        return ExitCode.OK
    _check_endpoint_url(args.endpoint_url)
    query = compile_query(args.query)

    from cli.catalog import Catalog

    catalog = Catalog(env.environ)
    # As in v2, the command and the operation are the first words that are not
    # options; options before them (unknown to the globals) go to the operation.
    command, rest = _next_word(args.words)
    if command is None:
        raise UsageError("the following arguments are required: command")
    if command == "help":
        return show_help(catalog, [], args, env)
    service = catalog.service_name(command)  # raises "Found invalid choice" with suggestions
    name, rest = _next_word(rest)
    if name is None:
        raise UsageError("the following arguments are required: operation")
    if name == "help":
        return show_help(catalog, [command], args, env)
    if name == "wait" and catalog.waiters(service):
        from cli.wait import run_wait

        return run_wait(catalog, args, [command, name, *rest], env, query)
    operation = catalog.operation(command, name)
    if rest == ["help"]:
        return show_help(catalog, [command, name], args, env)
    op_args = parse_operation(operation, rest)
    if op_args.help:
        return show_help(catalog, [command, name], args, env)
    if any(op_args.options.get(trigger) is not None for trigger in BATCH_TRIGGERS):
        from cli.batch import run_batch

        return run_batch(Command(catalog, operation, args, op_args, env), query)
    if operation.starts_session:
        from cli.session import run_session

        return run_session(Command(catalog, operation, args, op_args, env), query)
    return run_operation(Command(catalog, operation, args, op_args, env), query)


def _next_word(words: list[str]) -> tuple[str | None, list[str]]:
    """The first word that is not an option, and the other words in their order."""
    for i, word in enumerate(words):
        if not word.startswith("-"):
            return word, words[:i] + words[i + 1:]
    return None, words


def run_operation(command: Command, query) -> int:
    """One operation: a skeleton, or the call and its output."""
    operation, args, env = command.operation, command.args, command.env
    skeleton_kind = command.options["generate_cli_skeleton"]
    if skeleton_kind in ("input", "yaml-input", "json-schema"):
        document = command.catalog.derived_text(
            f"skeleton/{operation.command_name}/{operation.cli_name}.{skeleton_kind}",
            ("cli", "skeleton", "output"), lambda: _skeleton_text(operation, skeleton_kind))
        return print_text(document, args, env)

    params = command.params(command.read_cli_input())
    session = command.session()
    output_format = command.output_format()

    if skeleton_kind == "output":
        import skeleton
        from cli.dispatch import validate

        validate(command.catalog, operation, params)  # as v2; the sample is never checked
        sample = skeleton.generate(operation, "output", params=params)
        return print_result(sample, output_format, args, env, query, title=operation.name,
                            session=session)

    from cli import dispatch

    max_items = command.options.get("max_items")
    if max_items is not None and max_items <= 0:
        env.stderr.write(
            "warning: Non-positive values for --max-items may result in undefined behavior.\n")
    params, pagination = command.paging(params)
    paginate = pagination is not None
    client = command.make_client()
    try:
        if output_format == "yaml-stream":
            pages = dispatch.pages(client, operation, params, paginate=paginate,
                                   pagination=pagination)
            return print_pages(pages, "yaml-stream", args, env, query, session)
        if output_format == "text" and query is None \
                and dispatch.paginates(operation, params, paginate):
            # v2 prints text page by page (a page's rows have the page's columns).
            pages = dispatch.text_pages(client, operation, params, pagination)
            return print_pages(pages, "text", args, env, None, session)
        response = dispatch.result(client, operation, params, paginate=paginate,
                                   pagination=pagination)
    except dispatch.ServiceCallError as e:
        e.error_format = args.cli_error_format or command.config("cli_error_format")
        raise
    if operation.streaming_output:
        save_stream(response.pop(operation.streaming_output), command.options[STREAMING_OUTFILE],
                    operation.outfile_event)
    from cli.shortcuts import after_call

    after_call(operation.command_name, operation.cli_name, command.options, response)
    return print_result(response, output_format, args, env, query, title=operation.name,
                        session=session)


# -- pieces of the flow ------------------------------------------------------


def _skeleton_text(operation, kind: str) -> str:
    import skeleton

    document = skeleton.generate(operation, kind)
    if kind == "yaml-input":
        return document
    import output

    return output.render(document, "json", skip_empty=False)


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
            from cli.prompt import run_prompted

            code = int(run_prompted(argv, env, mode))
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
