"""The pages above operations: `aws help` and `aws <command> help`."""

from __future__ import annotations

from cli.help.doc import Bullets, Code, Page, Section, Span, para
from cli.help.htmltext import blocks_from_html
from cli.help.operation import global_option_items

TOP_DESCRIPTION = (
    "shapecli's aws is a command line interface to Amazon Web Services: every "
    "operation of every service described by botocore's models is a command."
)
TOP_USAGE = (
    "Use aws <command> help for the operations of a service, and aws <command> "
    "<operation> help for the options of one operation. Synopses show optional "
    "parameters in square brackets."
)


def _names(names) -> Bullets:
    return Bullets(tuple((para(Span(n, "code")),) for n in names))


def top_page(commands: list[str]) -> Page:
    return Page(
        "aws",
        (
            Section("NAME", (para("aws -"),)),
            Section("DESCRIPTION", (para(TOP_DESCRIPTION),)),
            Section(
                "SYNOPSIS",
                (Code(("aws [options] <command> <subcommand> [parameters]",)), para(TOP_USAGE)),
            ),
            Section("GLOBAL OPTIONS", global_option_items()),
            Section("AVAILABLE SERVICES", (_names(sorted(commands)),)),
        ),
    )


def service_page(command: str, index: dict, operations) -> Page:
    """`aws <command> help`: the service's documentation and its operations (names)."""
    description = blocks_from_html(index.get("documentation", ""))
    return Page(
        command,
        (
            Section("NAME", (para(f"{command} -"),)),
            Section("DESCRIPTION", description),
            Section("AVAILABLE COMMANDS", (_names(sorted(operations)),)),
        ),
    )
