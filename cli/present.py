"""What a command prints: the --query, the output format, colour and the pager.

The CLI side of output/: it knows the global options and the environment,
output/ only renders data. Every room prints through these functions.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing costs milliseconds at every keystroke
if TYPE_CHECKING:
    from typing import Any, Iterable

    from cli.arguments import GlobalArgs
    from cli.env import Env

from cli.errors import CliError, ExitCode


class QueryError(CliError):
    exit_code = ExitCode.USAGE
    code = "ParamValidation"


def compile_query(text: str | None):
    """The compiled --query, or None; a malformed one is a usage error."""
    if text is None:
        return None
    import jmespath
    from jmespath.exceptions import ParseError

    try:
        return jmespath.compile(text)
    except ParseError as e:
        raise QueryError(f"Bad value for --query {text}: {e}") from None


def apply_query(data: Any, query) -> Any:
    if query is None:
        return data
    from jmespath.exceptions import JMESPathError

    try:
        return query.search(data)
    except JMESPathError as e:
        raise CliError(str(e)) from None


def strip_metadata(response: Any) -> Any:
    if isinstance(response, dict) and "ResponseMetadata" in response:
        response = {k: v for k, v in response.items() if k != "ResponseMetadata"}
    return response


def print_result(data: Any, output_format: str, args: GlobalArgs, env: Env, query, *,
                 title: str | None = None, session=None) -> int:
    """A response (or an output skeleton) as v2 prints it, written as it is rendered."""
    import output

    data = strip_metadata(data)
    if data == {} and query is None:
        return ExitCode.OK  # v2 prints nothing for an empty response
    chunks = output.render_chunks(apply_query(data, query), output_format,
                                  color=color(args, env), title=title, terminal_width=width(env))
    return print_chunks(chunks, args, env, session)


def print_text(text: str, args: GlobalArgs, env: Env, session=None) -> int:
    """Text that is already rendered (a skeleton, a help page), through the pager."""
    return print_chunks((text,), args, env, session)


def print_chunks(chunks: Iterable[str], args: GlobalArgs, env: Env, session=None) -> int:
    """Rendered pieces through the pager; no pager at all when there is nothing to show."""
    chunks = iter(chunks)
    first = next((chunk for chunk in chunks if chunk), None)
    if first is not None:
        import itertools

        from output import pager

        pager.write(itertools.chain((first,), chunks), env, pager_command(args, env, session))
    return ExitCode.OK


def print_pages(pages: Iterable, output_format: str, args: GlobalArgs, env: Env, query,
                session) -> int:
    """Pages printed as they arrive (yaml-stream, text)."""
    import output
    from output import pager

    chunks = output.render_stream(
        (apply_query(strip_metadata(p), query) for p in pages), output_format)
    pager.write(chunks, env, pager_command(args, env, session))
    return ExitCode.OK


def pager_command(args: GlobalArgs, env: Env, session) -> str | None:
    from output.pager import resolve_pager

    config_pager = None
    if session is not None:
        from cli.dispatch import config_value

        config_pager = config_value(session, "cli_pager")
    return resolve_pager(env.environ, config_pager, args.cli_pager is not False,
                         bool(env.stdout_isatty))


def color(args: GlobalArgs, env: Env) -> bool:
    from output.color import use_color

    return use_color(args.color, bool(env.stdout_isatty))


def width(env: Env) -> int:
    """The terminal's width when stdout is one, else 80."""
    if not env.stdout_isatty:
        return 80
    import shutil

    return shutil.get_terminal_size((80, 24)).columns


def save_stream(body, path: str, event: str | None = None) -> None:
    """Write a streamed output member to the user's outfile, chunk by chunk.

    For an event stream, `event` names the events whose Payload is written, in order.
    """
    try:
        with open(path, "wb") as f:
            if isinstance(body, (bytes, bytearray)):  # a payload without the streaming trait
                f.write(body)
            elif event is not None:
                for item in body:
                    if event in item:
                        f.write(item[event]["Payload"])
            else:
                for chunk in body.iter_chunks():
                    f.write(chunk)
    except OSError as e:
        raise CliError(str(e)) from None  # v2's words: [Errno 2] No such file or directory: '...'



def show_help(catalog, words: list[str], args: GlobalArgs, env: Env) -> int:
    """`aws <words...> help`: the page, rendered once per width and cached, through the pager."""
    w, styled = width(env), bool(env.stdout_isatty)

    def produce() -> str:
        from cli import help as help_pages

        page = help_pages.page_for(catalog, words)
        return help_pages.render(page, width=w, styled=styled)

    from cli import commands as registry

    packages = ("cli", "cli.commands", "cli.help", "cli.shortcuts", "shorthand")
    if words and (registry.is_group(words[0]) or tuple(words[:2]) in registry.BESIDE):
        packages += registry.declaring_packages()  # a hand-written page: its declarations
    text = catalog.derived_text(f"help/{'/'.join(words) or 'aws'}.{w}.{int(styled)}",
                                packages, produce)
    return print_text(text, args, env)
