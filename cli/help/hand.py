"""Help pages of hand-written commands (cli.commands), built from their declarations.

Sections as AWS CLI v2 orders them for its hand-written commands: NAME,
DESCRIPTION (and the command's own sections), SYNOPSIS, OPTIONS, then a
group's AVAILABLE COMMANDS or a command's GLOBAL OPTIONS, EXAMPLES, OUTPUT.
"""

from __future__ import annotations

from cli.help.doc import Bullets, Code, Item, Page, Section, Span, para
from cli.help.operation import global_option_items


def command_page(hand, subcommands: dict | None = None) -> Page:
    """The page of one hand-written command; `subcommands` lists a group's commands."""
    sections = [
        Section("NAME", (para(f"{hand.name} -"),)),
        Section("DESCRIPTION", text_blocks(hand.description)),
    ]
    sections += [Section(heading, text_blocks(text)) for heading, text in hand.sections]
    sections.append(Section("SYNOPSIS", (Code(tuple(synopsis_lines(hand))),)))
    options = tuple(_option_item(a) for a in hand.arguments)
    sections.append(Section("OPTIONS", options or (para(Span("None", "em")),)))
    if subcommands:  # a group's page (aws configure help) lists commands, not global options
        sections.append(Section("AVAILABLE COMMANDS", (_names(subcommands),)))
    else:
        sections.append(Section("GLOBAL OPTIONS", global_option_items()))
    if hand.examples:
        blocks = []
        for example in hand.examples:
            blocks.extend(text_blocks(example))
        sections.append(Section("EXAMPLES", tuple(blocks)))
    if hand.output is not None:
        sections.append(Section("OUTPUT", text_blocks(hand.output)))
    return Page(hand.name, tuple(sections))


def group_page(word: str, subcommands: dict, description: str = "") -> Page:
    """`aws <group> help` for a group without a command of its own (aws s3 help)."""
    return Page(word, (
        Section("NAME", (para(f"{word} -"),)),
        Section("DESCRIPTION", text_blocks(description)),
        Section("SYNOPSIS", (Code((f"aws {word} <Command> [<Arg> ...]",)),)),
        Section("OPTIONS", (para(Span("None", "em")),)),
        Section("AVAILABLE COMMANDS", (_names(subcommands),)),
    ))


def synopsis_lines(hand) -> list[str]:
    if hand.synopsis is not None:
        return list(hand.synopsis)
    lines = ["  " + " ".join(hand.words)]
    flags: dict[str, list[str]] = {}
    for argument in hand.arguments:
        if argument.positional:
            text = f"<{argument.metavar or argument.name}>"
        elif argument.kind == "boolean":
            group = argument.group or argument.py_name  # --x | --no-x share a line
            if group in flags:
                flags[group].append(argument.cli_name)
                continue
            flags[group] = [argument.cli_name]
            text = "\0" + group
        else:
            text = f"{argument.cli_name} <value>"
        lines.append(text if argument.required or argument.positional else f"[{text}]")
    return [f"[{' | '.join(flags[line[2:-1]])}]" if line.startswith("[\0") else line
            for line in lines]


def _option_item(argument) -> Item:
    kind = {"boolean": "boolean", "int": "integer", "double": "double",
            "list": "list"}.get(argument.kind, "string")
    if argument.nargs in ("+", "*") or isinstance(argument.nargs, int):
        kind = "list"
    term = (Span(f"{argument.metavar or argument.name}", "option") if argument.positional
            else Span(argument.cli_name, "option"))
    required = argument.required or (argument.positional and (
        isinstance(argument.nargs, int) or argument.nargs == "+"))
    blocks = list(text_blocks(argument.documentation))
    if argument.choices:
        blocks.append(Bullets(tuple((para(c),) for c in argument.choices)))
    # "--name (string) [required]", as an operation's page marks it (the prompt reads it too).
    spans = (term, Span(f" ({kind})"), *((Span(" [required]"),) if required else ()))
    return Item(spans, tuple(blocks))


def _names(subcommands: dict) -> Bullets:
    return Bullets(tuple((para(Span(name, "code")),) for name in sorted(subcommands) if name))


def text_blocks(text: str) -> tuple:
    """Plain text as blocks: paragraphs parted by blank lines, 4-space lines as code,
    "- " lines as bullets."""
    blocks: list = []
    paragraph: list[str] = []
    code: list[str] = []
    bullets: list[tuple] = []

    def flush() -> None:
        if paragraph:
            blocks.append(para(" ".join(paragraph)))
            paragraph.clear()
        if code:
            blocks.append(Code(tuple(code)))
            code.clear()
        if bullets:
            blocks.append(Bullets(tuple(bullets)))
            bullets.clear()

    for line in (text or "").splitlines():
        if line.startswith("    "):
            if paragraph or bullets:
                flush()
            code.append(line[4:])
        elif line.startswith("- "):
            if paragraph or code:
                flush()
            bullets.append((para(line[2:].strip()),))
        elif not line.strip():
            flush()
        else:
            if code:
                flush()
            if bullets:  # a continuation of the last bullet
                last = bullets.pop()
                bullets.append((para(last[0].text + " " + line.strip()),))
            else:
                paragraph.append(line.strip())
    flush()
    return tuple(blocks)
