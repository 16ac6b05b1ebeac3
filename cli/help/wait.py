"""The pages of wait commands: `aws <command> wait help` and `aws <command> wait <waiter> help`.

A waiter's page is its operation's page (the same options, synopsis and
examples, built by cli.help.operation) with the waiter in place of the
operation's description, the pace options added, and no output: a wait
prints nothing. The description is generated from the waiter's model:
what it checks, how often, how many times, and what ends it early.
"""

from __future__ import annotations

import copy
from html import escape

from cli.help.doc import Page, Section, para
from cli.help.listing import _names
from cli.help.operation import operation_page

WAIT_DESCRIPTION = (
    "Each wait command below checks one operation again and again until the condition it "
    "is named for holds. It prints nothing: exit code 0 means the condition held, 255 that "
    "it did not (a failure state, the last check, or --waiter-timeout)."
)
EXIT_NOTE = ("A wait prints nothing: exit code 0 means the condition held; 255 means a "
             "failure state was reached, the checks ran out, or --waiter-timeout passed, and "
             "stderr says which.")


def wait_page(catalog, words: list[str]) -> Page:
    """`words`: [command, "wait"] for the list of waiters, [command, "wait", waiter] for one."""
    from cli.errors import UnknownCommandError

    command = words[0]
    if len(words) == 2:
        return Page("wait", (
            Section("NAME", (para("wait -"),)),
            Section("DESCRIPTION", (para(WAIT_DESCRIPTION),)),
            Section("AVAILABLE COMMANDS", (_names(catalog.waiters(catalog.service_name(command))),)),
        ))
    if len(words) > 3:
        raise UnknownCommandError("subcommand", " ".join(words[2:]), [])
    config, op = catalog.waiter(command, words[2])
    index = catalog.service_index(op.service_name)
    operation = next(name for name, key in index["operations"].items() if key == op.name)
    return waiter_page(op, config, operation, index.get("metadata", {}))


def waiter_page(op, config: dict, operation: str, metadata: dict) -> Page:
    """The page of the waiter `config`, whose operation `op` the CLI names `operation`."""
    from cli.options import WAITER_OPTIONS

    shown = copy.copy(op)
    shown.documentation = waiter_description(config, operation)
    shown.output_shape = None
    page = operation_page(shown, metadata, more_options=WAITER_OPTIONS, batch=False)
    sections = []
    for section in page.sections:
        if section.heading == "EXAMPLES":
            section = Section("EXAMPLES", section.blocks + (para(EXIT_NOTE),))
        sections.append(section)
    return Page(page.title, tuple(sections))


# -- the description -------------------------------------------------------------


def waiter_description(config: dict, operation: str) -> str:
    """HTML: the model's description, or what the success acceptor waits for; then the pace."""
    operation = f"<code>{escape(operation)}</code>"
    paragraphs = []
    if config.get("description"):
        paragraphs += [escape(p) for p in config["description"].split("\n\n") if p.strip()]
    else:
        success = next((a for a in config["acceptors"] if a["state"] == "success"), None)
        paragraphs.append(f"Waits until {_condition(success, operation)}.")
    delay, attempts = config["delay"], config["maxAttempts"]
    every = "every second" if delay == 1 else f"every {delay} seconds"
    times = "once" if attempts == 1 else f"at most {attempts} times"
    paragraphs.append(
        f"It calls {operation} {every}, {times}, and exits "
        f"with code 255 if the condition has not held by then. --waiter-delay, "
        f"--waiter-max-attempts and --waiter-timeout change the pace.")
    stops = [_condition(a, operation) for a in config["acceptors"] if a["state"] == "failure"]
    if stops:
        paragraphs.append("It stops at once, with exit code 255, when "
                          + "; or when ".join(stops) + ".")
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def _condition(acceptor: dict | None, operation: str) -> str:
    if acceptor is None:
        return f"{operation} answers"
    matcher, expected = acceptor["matcher"], acceptor["expected"]
    shown = f"<code>{escape(_value(expected))}</code>"
    if matcher == "status":
        return f"{operation} answers with HTTP status {shown}"
    if matcher == "error":
        if expected is True:
            return f"{operation} fails with any error"
        if expected is False:
            return f"{operation} succeeds"
        return f"{operation} fails with the error code {shown}"
    query = f"<code>{escape(acceptor.get('argument', ''))}</code>"
    which = {"pathAll": " for every element", "pathAny": " for at least one element"}
    return (f"the JMESPath query {query} on the response of {operation} gives {shown}"
            f"{which.get(matcher, '')}")


def _value(expected) -> str:
    if isinstance(expected, bool):
        return "true" if expected else "false"
    return str(expected)
