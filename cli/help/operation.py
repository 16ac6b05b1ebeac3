"""The help page of one operation, built from its model.

Sections as AWS CLI v2 orders them: NAME, DESCRIPTION, SYNOPSIS, OPTIONS,
GLOBAL OPTIONS, EXAMPLES, OUTPUT. Everything comes from the operation's
shapes and the option tables of `cli.options`; the examples are generated
from the required parameters, never taken from anywhere.
"""

from __future__ import annotations

import json
import shlex

from cli.help import syntax
from cli.help.doc import Block, Bullets, Code, Item, Page, Section, Span, para
from cli.help.htmltext import blocks_from_html
from cli.shortcuts import extra_options
from cli.model import Operation, Parameter, Shape
from cli.arguments import command_parameters, pagination_options
from cli.options import BATCH_OPTIONS, GLOBAL_OPTIONS, INPUT_OPTIONS, Option

API_DOC_BASE = "https://docs.aws.amazon.com/goto/WebAPI"
PAGINATION_NOTE = (
    "For usage examples, see Pagination in the AWS Command Line Interface User Guide ."
)
# Some models nest structures dozens of levels deep (a page of 500,000 lines
# helps no one): members below this depth are left to the JSON syntax.
MAX_MEMBER_DEPTH = 6
# v2 names the pagination options' int type "integer" (the globals say "int").
_PAGINATION_TYPE = {"int": "integer"}


def operation_page(op: Operation, metadata: dict, more_options: tuple[Option, ...] = (),
                   batch: bool = True) -> Page:
    """The page; `more_options` are documented after the operation's own (a wait's pace);
    `batch`: with batch mode's options (an operation command's page, not a wait's), where
    the operation runs in batches."""
    batch = batch and op.runs_in_batches
    params = [p for p in command_parameters(op) if not p.hidden]
    return Page(
        op.cli_name,
        (
            Section("NAME", (para(f"{op.cli_name} -"),)),
            Section("DESCRIPTION", _description(op, metadata)),
            Section("SYNOPSIS", (Code(tuple(synopsis_lines(op, params, more_options,
                                                           batch))),)),
            Section("OPTIONS", tuple(_options(op, params, more_options, batch))),
            Section("GLOBAL OPTIONS", global_option_items()),
            Section("EXAMPLES", _examples(op, params)),
            Section("OUTPUT", _output(op)),
        ),
    )


# -- description and synopsis --------------------------------------------------


def _description(op: Operation, metadata: dict) -> tuple[Block, ...]:
    blocks = list(blocks_from_html(op.documentation))
    if op.deprecated:
        blocks.insert(0, para(Span("This operation is deprecated.", "strong")))
    uid = metadata.get("uid")
    if uid:
        blocks.append(para("See also: ", Span("AWS API Documentation", "link")))
        blocks.append(para(f"{API_DOC_BASE}/{uid}/{op.name}"))
    return tuple(blocks)


def synopsis_lines(op: Operation, params: list[Parameter],
                   more_options: tuple[Option, ...] = (), batch: bool = True) -> list[str]:
    lines = [f"  {op.cli_name}"]
    for p in params:
        text = (f"{p.cli_name} | {p.negative_cli_name}" if p.has_negative
                else f"{p.cli_name} <value>")
        lines.append(text if p.required else f"[{text}]")
    lines.extend(_extra_synopsis(extra_options(op.command_name, op.cli_name)))
    # v2 offers no scripted input or skeleton where the output streams to a file.
    if not op.streaming_output and batch:
        lines.append("[--cli-input-json | --cli-input-yaml | --cli-input-jsonl]")
        lines.extend(f"[{o.cli_name} <value>]" for o in BATCH_OPTIONS)
    elif not op.streaming_output:
        lines.append("[--cli-input-json | --cli-input-yaml]")
    lines.extend(f"[{o.cli_name} <value>]" for o in pagination_options(op))
    if op.streaming_output:
        lines.append("<outfile>")
    else:
        lines.append("[--generate-cli-skeleton <value>]")
    lines.extend(f"[{o.cli_name} <value>]" for o in more_options)
    for o in GLOBAL_OPTIONS:
        lines.append(f"[{o.cli_name}]" if o.kind == "boolean" else f"[{o.cli_name} <value>]")
    return lines


def _extra_synopsis(options) -> list[str]:
    """Synopsis lines of v2's extra options: flags of one group share a line."""
    lines: list[str] = []
    groups: dict[str, list[str]] = {}
    for o in options:
        if o.kind == "boolean":
            group = o.group or o.py_name  # a flag and its --no- spelling set one value
            if group not in groups:
                groups[group] = []
                lines.append("\0" + group)  # a placeholder, filled in below
            groups[group].append(o.cli_name)
        else:
            text = f"{o.cli_name} <value>"
            lines.append(text if o.required else f"[{text}]")
    return [f"[{' | '.join(groups[line[1:]])}]" if line.startswith("\0") else line
            for line in lines]


# -- options ---------------------------------------------------------------------


def type_name(shape: Shape) -> str:
    if shape.is_document:
        return "document"
    if shape.definition.get("jsonvalue"):
        return "JSON"
    return shape.type_name


def _options(op: Operation, params: list[Parameter],
             more_options: tuple[Option, ...] = (), batch: bool = True) -> list[Block]:
    blocks: list[Block] = []
    for p in params:
        names = [Span(p.cli_name, "option")]
        if p.has_negative:
            names += [Span(" | "), Span(p.negative_cli_name, "option")]
        term = (*names, Span(f" ({type_name(p.shape)})"))
        if p.required:
            term += (Span(" [required]"),)
        body = list(blocks_from_html(p.documentation))
        body += _facts(p.shape)
        body += _children(p.shape, [p.shape.name])
        if not p.flag_structure:  # v2 shows no syntax for a structure taken as a flag
            body += _syntax_blocks(p.shape)
        blocks.append(Item(term, tuple(body)))
    blocks.extend(_option_item(o) for o in extra_options(op.command_name, op.cli_name))
    input_json, input_yaml, input_jsonl, skeleton = INPUT_OPTIONS
    if not op.streaming_output:
        blocks.append(
            Item(
                (Span(input_json.cli_name, "option"), Span(" | "),
                 Span(input_yaml.cli_name, "option"), Span(" (string)")),
                (para(input_json.documentation),),
            )
        )
        if batch:
            blocks.append(_option_item(input_jsonl))
            blocks.extend(_option_item(o) for o in BATCH_OPTIONS)
    blocks.extend(_pagination_items(op))
    if op.outfile_event:
        blocks.append(Item((Span("outfile", "option"), Span(" (string) [required]")),
                           (para(f"The file the {op.outfile_event} events' bytes are "
                                 "written to, in the order they arrive"),)))
    elif op.streaming_output:
        blocks.append(Item((Span("outfile", "option"), Span(" (string)")),
                           (para("Filename where the content will be saved"),)))
    else:
        blocks.append(_option_item(skeleton))
    blocks.extend(_option_item(o) for o in more_options)
    return blocks


def _option_item(option: Option, extra: tuple[Block, ...] = (), kind: str | None = None) -> Item:
    body: list[Block] = [para(option.documentation), *extra]
    if option.choices:
        body.append(_bullet_list(option.choices))
    return Item((Span(option.cli_name, "option"), Span(f" ({kind or option.kind})")), tuple(body))


def _pagination_items(op: Operation) -> list[Item]:
    limit_shape = None
    limit_key = (op.paginator or {}).get("limit_key")
    if limit_key and op.input_shape is not None:
        limit_shape = op.input_shape.members.get(limit_key)
    items = []
    for option in pagination_options(op):
        extra: list[Block] = [para(PAGINATION_NOTE)]
        if option.name == "page-size" and limit_shape is not None:
            extra += _constraints(limit_shape)
        items.append(_option_item(option, tuple(extra), _PAGINATION_TYPE.get(option.kind)))
    return items


def global_option_items() -> tuple[Item, ...]:
    global _GLOBAL_ITEMS
    if _GLOBAL_ITEMS is None:  # the same on every page
        _GLOBAL_ITEMS = tuple(_option_item(o) for o in GLOBAL_OPTIONS)
    return _GLOBAL_ITEMS


_GLOBAL_ITEMS: tuple[Item, ...] | None = None


def _facts(shape: Shape) -> list[Block]:
    """Constraints and possible values of a shape."""
    blocks = _constraints(shape)
    if shape.enum:
        blocks += [para("Possible values:"), _bullet_list(shape.enum)]
    return blocks


def _constraints(shape: Shape) -> list[Block]:
    facts = []
    for label, value in (("min", shape.min), ("max", shape.max), ("pattern", shape.pattern)):
        if value is not None:
            facts.append(f"{label}: {value}")
    if not facts:
        return []
    return [para("Constraints:"), _bullet_list(facts)]


def _bullet_list(values) -> Bullets:
    return Bullets(tuple((para(Span(str(v), "code")),) for v in values))


def _children(shape: Shape, stack: list[str]) -> list[Block]:
    """The members of a structure, the element of a list, the key and value of a map."""
    kind = shape.type_name
    if shape.is_document:
        return []
    if kind == "structure":
        required = set(shape.required_members)
        return [_member(name, member, stack, name in required)
                for name, member in shape.members.items()]
    if kind == "list":
        return [_member("", shape.member, stack, False)]
    if kind == "map":
        return [_member("key", shape.key, stack, False),
                _member("value", shape.value, stack, False)]
    return []


def _member(name: str, shape: Shape, stack: list[str], required: bool) -> Block:
    label = f"{name} -> ({type_name(shape)})" if name else f"({type_name(shape)})"
    term = (Span(name, "term"), Span(label[len(name):])) if name else (Span(label),)
    if required:
        term += (Span(" [required]"),)
    if stack.count(shape.name) > 0 and not syntax.is_scalar(shape):
        return Item(term, (para("( ... recursive ... )"),))
    if len(stack) > MAX_MEMBER_DEPTH and not syntax.is_scalar(shape):
        return Item(term, (para("( ... deeper members are shown in the JSON syntax ... )"),))
    body = list(blocks_from_html(shape.documentation))
    body += _facts(shape)
    stack.append(shape.name)
    try:
        body += _children(shape, stack)
    finally:
        stack.pop()
    return Item(term, tuple(body))


def _syntax_blocks(shape: Shape) -> list[Block]:
    if shape.type_name == "list" and syntax.is_scalar(shape.member):
        word = syntax.placeholder(shape.member, with_enum=False)
        return [para("Syntax:"), Code((f"{word} {word} ...",))]
    if syntax.is_scalar(shape):
        return []
    blocks: list[Block] = []
    shorthand = syntax.shorthand_syntax(shape)
    if shorthand:
        blocks += [para("Shorthand Syntax:"), Code(tuple(shorthand.splitlines()))]
    blocks += [para("JSON Syntax:"), Code(tuple(syntax.json_syntax(shape)))]
    return blocks


# -- examples and output ----------------------------------------------------------


def _examples(op: Operation, params: list[Parameter]) -> tuple[Block, ...]:
    required = [p for p in params if p.required]
    options = [o for o in extra_options(op.command_name, op.cli_name) if o.required]
    intro = (
        "A call with the required options only. The values are placeholders generated "
        "from the operation's model; replace them with your own."
        if required or options or op.streaming_output
        else "This operation needs no options; a call can be as short as this."
    )
    return (para(intro), Code(tuple(example_command(op, required, options))))


def example_command(op: Operation, params: list[Parameter], options=()) -> list[str]:
    """`aws <command> <operation> --option value ...`, one option a line.

    `options` are v2's extra options to show too (a placeholder value each);
    an operation that streams its output gets its outfile first.
    """
    head = f"aws {op.command_name} {op.cli_name}"
    args = [_example_arg(op, p) for p in params]
    args += [f"{o.cli_name} {o.choices[0] if o.choices else 'value'}" for o in options]
    if op.streaming_output:
        args.insert(0, "outfile.out")
    if not args:
        return [head]
    return [head + " \\"] + [
        "    " + arg + (" \\" if i < len(args) - 1 else "") for i, arg in enumerate(args)
    ]


def _example_arg(op: Operation, p: Parameter) -> str:
    if p.is_flag:
        return p.cli_name
    value = syntax.example_value(p.shape, p.py_name, op.service_name)
    shape = p.shape
    if shape.type_name == "list" and syntax.is_scalar(shape.member):
        words = [_scalar_word(v) for v in value]
    elif syntax.is_scalar(shape):
        words = [_scalar_word(value)]
    else:
        words = _shorthand_words(shape, value)
        # A word that opens like JSON is read as JSON: then the whole value is.
        if words is None or any(w.startswith(("[", "{")) for w in words):
            words = [json.dumps(value, separators=(",", ":"))]
    return " ".join([p.cli_name, *(shlex.quote(w) for w in words)])


def _shorthand_words(shape: Shape, value) -> list[str] | None:
    """The value in shorthand (one word per list element), or None for JSON."""
    if not syntax.shorthand_syntax(shape):
        return None
    items = value if shape.type_name == "list" else [value]
    try:
        words = [syntax.render_shorthand(_as_text(v)) for v in items]
    except ValueError:
        return None
    return words if all(words) else None


def _as_text(value):
    """Scalars as the text one types: shorthand holds only strings."""
    if isinstance(value, dict):
        return {k: _as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_text(v) for v in value]
    return _scalar_word(value)


def _scalar_word(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _output(op: Operation) -> tuple[Block, ...]:
    if op.starts_session:  # the session goes to session-manager-plugin; nothing is printed
        return (para("None"),)
    if op.outfile_event:
        return (para(f"Nothing is printed: the {op.outfile_event} events of the response "
                     "are written to the outfile."),)
    shape = op.output_shape
    if shape is None or not shape.members:
        return (para("None"),)
    return tuple(_children(shape, [shape.name]))
