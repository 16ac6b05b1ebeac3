"""`main(argv, env) -> exit code`: one command, top to bottom.

argv -> global options and words -> the operation model -> its arguments ->
request values (cli.values) -> skeleton or --cli-input merge (skeleton/) ->
the call (cli.dispatch) -> the query and the output format (output/).
Every error is a cli.errors.CliError and is turned into stderr text and an
exit code in one place, at the bottom of this module.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing costs milliseconds at every keystroke
if TYPE_CHECKING:
    from typing import Any

import sys

from cli.version import version_line
from cli.arguments import GlobalArgs, parse_globals, parse_operation
from cli.env import Env
from cli.errors import CliError, ExitCode, Interrupted, UsageError


def run_command(argv: list[str], env: Env) -> int:
    args = parse_globals(argv)
    if args.version:
        if args.words and args.words[0] != "help":
            # v2 reads the command word before a later --version, and rejects a bad one.
            from cli.catalog import Catalog

            Catalog(env.environ).service_name(args.words[0])
        env.stdout.write(version_line())
        return ExitCode.OK
    if args.cli_auto_prompt:
        raise UsageError("--cli-auto-prompt is not supported yet by shapecli")
    _check_endpoint_url(args.endpoint_url)
    query = _compile_query(args.query)

    from cli.catalog import Catalog

    catalog = Catalog(env.environ)
    words = args.words
    if not words:
        raise UsageError("the following arguments are required: command")
    if words[0] == "help":
        return _show_help(catalog, [], args, env)
    command = words[0]
    catalog.service_name(command)  # raises "Found invalid choice" with suggestions
    if len(words) < 2 or words[1].startswith("-"):
        raise UsageError("the following arguments are required: operation")
    if words[1] == "help":
        return _show_help(catalog, [command], args, env)
    operation = catalog.operation(command, words[1])
    rest = words[2:]
    if rest == ["help"]:
        return _show_help(catalog, [command, words[1]], args, env)

    op_args = parse_operation(operation, rest)
    if op_args.help:
        return _show_help(catalog, [command, words[1]], args, env)
    skeleton_kind = op_args.options["generate_cli_skeleton"]
    if skeleton_kind in ("input", "yaml-input", "json-schema"):
        document = catalog.derived_text(
            f"skeleton/{command}/{operation.cli_name}.{skeleton_kind}",
            ("cli", "skeleton", "output"), lambda: _skeleton_text(operation, skeleton_kind))
        return _print(document, "json", args, env, None, raw_text=True)

    cli_input = _read_cli_input(op_args.options, env)

    by_name = {p.py_name: p for p in operation.parameters()}
    # The binary format lives in the config; read it (and so start botocore)
    # only when a blob is among the values: parse errors stay local work.
    session = None
    binary_format = args.cli_binary_format
    blob_given = any(by_name[name].shape.contains("blob") for name in op_args.raw) or (
        cli_input is not None and operation.input_shape is not None
        and operation.input_shape.contains("blob"))
    if binary_format is None and blob_given:
        session = _session(args, env)
        binary_format = _config(session, "cli_binary_format")
    binary_format = binary_format or "base64"

    from cli.values import encode_blobs, parameter_value

    command = (operation.command_name, operation.cli_name)
    params: dict = _defaults(operation)
    for py_name, raw in op_args.raw.items():
        param = by_name[py_name]
        params[py_name] = raw if param.is_flag else parameter_value(
            param, raw, binary_format=binary_format, command=command)
    from cli.shortcuts import apply_extra_arguments

    params = apply_extra_arguments(*command, op_args.options, params)
    if cli_input is not None:
        import skeleton

        if blob_given:
            cli_input = encode_blobs(cli_input, operation.input_shape, binary_format,
                                     "cli-input")
        params = skeleton.merge_cli_input(cli_input, params, operation)

    if session is None:
        session = _session(args, env)
    output_format = args.output or _config(session, "output")
    from cli.dispatch import parse_timestamps_as_text

    parse_timestamps_as_text(session, _config(session, "cli_timestamp_format"))

    if skeleton_kind == "output":
        import skeleton
        from cli.dispatch import validate

        validate(catalog, operation, params)  # as v2 does; the sample itself is never checked
        sample = skeleton.generate(operation, "output", params=params)
        return _print(sample, output_format, args, env, query, title=operation.name,
                      session=session)

    from cli import dispatch

    max_items = op_args.options.get("max_items")
    if max_items is not None and max_items <= 0:
        env.stderr.write(
            "warning: Non-positive values for --max-items may result in undefined behavior.\n")
    pagination = {
        "MaxItems": max_items,
        "StartingToken": op_args.options.get("starting_token"),
        "PageSize": op_args.options.get("page_size"),
    }
    client = dispatch.make_client(session, catalog, operation, _settings(args), env.environ)
    paginate = args.paginate is not False
    try:
        if output_format == "yaml-stream":
            pages = dispatch.pages(client, operation, params, paginate=paginate,
                                   pagination=pagination)
            return _print_stream(pages, "yaml-stream", args, env, query, session)
        if output_format == "text" and query is None \
                and dispatch.paginates(operation, params, paginate):
            # v2 prints text page by page (a page's rows have the page's columns).
            pages = dispatch.text_pages(client, operation, params, pagination)
            return _print_stream(pages, "text", args, env, None, session)
        response = dispatch.result(client, operation, params, paginate=paginate,
                                   pagination=pagination)
    except dispatch.ServiceCallError as e:
        e.error_format = args.cli_error_format or _config(session, "cli_error_format")
        raise
    if operation.streaming_output:
        _save_stream(response.pop(operation.streaming_output), op_args.options["outfile"])
    return _print(response, output_format, args, env, query, title=operation.name,
                  session=session)


# -- pieces of the flow ------------------------------------------------------


def _skeleton_text(operation, kind: str) -> str:
    import skeleton

    document = skeleton.generate(operation, kind)
    if kind == "yaml-input":
        return document
    import output

    return output.render(document, "json", skip_empty=False)

def _defaults(operation) -> dict:
    from cli.customizations import operation_defaults

    return operation_defaults(operation.command_name, operation.cli_name)



def _check_endpoint_url(url: str | None) -> None:
    # v2's test: the URL must parse with a scheme (urllib's rule, spelled
    # out here to keep urllib.parse off the keystroke path).
    if url is not None and not _has_scheme(url):
        raise CliErrorWithCode(
            f'Bad value for --endpoint-url "{url}": scheme is missing.  Must be of the form '
            "http://<hostname>/ or https://<hostname>/"
        )


def _has_scheme(url: str) -> bool:
    """Whether urllib.parse.urlsplit(url).scheme is non-empty."""
    url = url.lstrip("".join(map(chr, range(33)))).replace("\t", "").replace("\r", "")
    scheme, colon, _ = url.replace("\n", "").partition(":")
    return bool(colon and scheme and scheme[0].isascii() and scheme[0].isalpha()
                and all(c.isascii() and (c.isalnum() or c in "+-.") for c in scheme))


class CliErrorWithCode(CliError):
    exit_code = ExitCode.USAGE
    code = "ParamValidation"


def _compile_query(text: str | None):
    if text is None:
        return None
    import jmespath
    from jmespath.exceptions import ParseError

    try:
        return jmespath.compile(text)
    except ParseError as e:
        raise CliErrorWithCode(f"Bad value for --query {text}: {e}") from None


def _read_cli_input(options: dict[str, Any], env: Env) -> dict | None:
    json_text, yaml_text = options.get("cli_input_json"), options.get("cli_input_yaml")
    if json_text is None and yaml_text is None:
        return None
    if json_text is not None and yaml_text is not None:
        raise CliErrorWithCode("Only one --cli-input- parameter may be specified.")
    import skeleton

    kind, value = ("json", json_text) if json_text is not None else ("yaml", yaml_text)
    text = skeleton.read_cli_input_value(value, env.stdin, f"cli-input-{kind}")
    return skeleton.load_cli_input(text, kind)


def _session(args: GlobalArgs, env: Env):
    from cli import dispatch

    session = dispatch.make_session(_settings(args), env.environ)
    dispatch.check_profile(session)
    return session


def _config(session, name: str) -> Any:
    from cli.dispatch import config_value

    return config_value(session, name)


def _settings(args: GlobalArgs):
    from cli.dispatch import CallSettings

    return CallSettings(
        profile=args.profile,
        region=args.region,
        endpoint_url=args.endpoint_url,
        verify_ssl=args.verify_ssl is not False,
        ca_bundle=args.ca_bundle,
        sign_request=args.sign_request is not False,
        read_timeout=args.cli_read_timeout,
        connect_timeout=args.cli_connect_timeout,
        debug=bool(args.debug),
    )


def _apply_query(data: Any, query) -> Any:
    if query is None:
        return data
    from jmespath.exceptions import JMESPathError

    try:
        return query.search(data)
    except JMESPathError as e:
        raise CliError(str(e)) from None


def _save_stream(body, path: str) -> None:
    """Write a streamed output member to the user's outfile, chunk by chunk."""
    try:
        with open(path, "wb") as f:
            if isinstance(body, (bytes, bytearray)):  # a payload without the streaming trait
                f.write(body)
            else:
                for chunk in body.iter_chunks():
                    f.write(chunk)
    except OSError as e:
        raise CliError(f"Unable to write {path}: {e.strerror}") from None


def _strip_metadata(response: Any) -> Any:
    if isinstance(response, dict) and "ResponseMetadata" in response:
        response = {k: v for k, v in response.items() if k != "ResponseMetadata"}
    return response


def _pager(args: GlobalArgs, env: Env, session) -> str | None:
    from output.pager import resolve_pager

    config_pager = _config(session, "cli_pager") if session is not None else None
    return resolve_pager(env.environ, config_pager, args.cli_pager is not False,
                         bool(env.stdout_isatty))


def _color(args: GlobalArgs, env: Env) -> bool:
    from output.color import use_color

    return use_color(args.color, bool(env.stdout_isatty))


def _print(data: Any, output_format: str, args: GlobalArgs, env: Env, query, *,
           title: str | None = None, session=None, raw_text: bool = False) -> int:
    import output
    from output import pager

    if raw_text:
        text = data
    else:
        data = _strip_metadata(data)
        if data == {} and query is None:
            return ExitCode.OK  # v2 prints nothing for an empty response
        text = output.render(_apply_query(data, query), output_format,
                             color=_color(args, env), title=title,
                             terminal_width=_width(env))
    if text:
        pager.write([text], env, _pager(args, env, session))
    return ExitCode.OK


def _print_stream(pages, output_format: str, args: GlobalArgs, env: Env, query,
                  session) -> int:
    import output
    from output import pager

    chunks = output.render_stream(
        (_apply_query(_strip_metadata(p), query) for p in pages), output_format)
    pager.write(chunks, env, _pager(args, env, session))
    return ExitCode.OK


def _width(env: Env) -> int:
    """The terminal's width when stdout is one, else 80."""
    if not env.stdout_isatty:
        return 80
    import shutil

    return shutil.get_terminal_size((80, 24)).columns


def _show_help(catalog, words: list[str], args: GlobalArgs, env: Env) -> int:
    from output import pager

    width, styled = _width(env), bool(env.stdout_isatty)

    def produce() -> str:
        from cli import help as help_pages

        page = help_pages.page_for(catalog, words)
        return help_pages.render(page, width=width, styled=styled)

    text = catalog.derived_text(f"help/{'/'.join(words) or 'aws'}.{width}.{int(styled)}",
                                ("cli", "cli.help", "shorthand"), produce)
    pager.write([text], env, _pager(args, env, None))
    return ExitCode.OK


# -- the one place errors become exit codes ----------------------------------


def main(argv: list[str], env: Env | None = None) -> int:
    """Run one command; return its exit code. Never raises, never exits."""
    env = env or Env()
    debug = "--debug" in argv
    try:
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
