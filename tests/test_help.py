"""Help pages: the seed page, the v2 goldens, syntax blocks that parse back,
documentation HTML as text, and styled vs plain rendering."""

from __future__ import annotations

import json
import os
import re
import sys

import pytest

from cli.catalog import Catalog
from cli.errors import UnknownCommandError
from cli.help import page_for, render
from cli.help import syntax
from cli.help.htmltext import blocks_from_html, plain_text
from tests.runner import run

from tests.paths import CONFORMANCE, SEED, require_shared

require_shared()
SEED = str(SEED)
CONFORMANCE = str(CONFORMANCE)
HEADINGS = ["NAME", "DESCRIPTION", "SYNOPSIS", "OPTIONS", "GLOBAL OPTIONS", "EXAMPLES", "OUTPUT"]


@pytest.fixture(scope="module")
def catalog():
    return Catalog(os.environ)


def plain(catalog, *words, width=80):
    return render(page_for(catalog, list(words)), width=width, styled=False)


def squash(text: str) -> str:
    return " ".join(text.split())


# -- the seed page -------------------------------------------------------------


def test_seed_options_and_headings_appear(catalog):
    text = plain(catalog, "cognito-idp", "admin-confirm-sign-up")
    with open(SEED, encoding="utf-8") as f:
        seed_options = set(re.findall(r"(?<![\w-])(--[a-z][a-z0-9-]*)", f.read()))
    assert seed_options, "the seed lists options"
    shown = set(re.findall(r"(?<![\w-])(--[a-z][a-z0-9-]*)(?![\w-])", text))
    assert seed_options <= shown, seed_options - shown
    headings = [line for line in text.splitlines() if line in HEADINGS]
    assert headings == HEADINGS


def test_seed_description_and_client_metadata_syntax(catalog):
    op = catalog.operation("cognito-idp", "admin-confirm-sign-up")
    text = plain(catalog, "cognito-idp", "admin-confirm-sign-up")
    assert squash(plain_text(op.documentation))[:200] in squash(text)
    body = text[text.index("--client-metadata (map)"):text.index("--cli-input-json | --cli-input-yaml (string)")]
    assert "Shorthand Syntax:" in body and "JSON Syntax:" in body
    assert re.search(r"^\s+KeyName1=string,KeyName2=string$", body, re.M)
    assert re.search(r'^\s+\{"string": "string"\n\s+\.\.\.\}$', body, re.M)


def test_examples_are_runnable_commands_with_required_options(catalog):
    text = plain(catalog, "cognito-idp", "admin-confirm-sign-up")
    examples = text[text.index("\nEXAMPLES"):text.index("\nOUTPUT")]
    command = " ".join(l.strip().rstrip("\\") for l in examples.splitlines()
                       if l.strip().startswith(("aws ", "--")))
    assert command.startswith("aws cognito-idp admin-confirm-sign-up ")
    assert "--user-pool-id " in command and "--username " in command


# -- the v2 goldens, compared as the harness compares them -----------------------


def _golden_cases():
    cases = {}
    with open(os.path.join(CONFORMANCE, "cases/public/help.jsonl")) as f:
        for line in f:
            case = json.loads(line)
            cases[case["id"]] = case
    with open(os.path.join(CONFORMANCE, "golden/public/help.jsonl")) as f:
        for line in f:
            golden = json.loads(line)
            if golden["exit_code"] == 0:
                yield pytest.param(cases[golden["id"]]["argv"][:-1], golden["stdout"], id=golden["id"])


@pytest.mark.parametrize("words,golden", list(_golden_cases()))
def test_golden_headings_and_option_names(catalog, words, golden):
    sys.path.insert(0, CONFORMANCE)
    try:
        from harness import help_view
    finally:
        sys.path.remove(CONFORMANCE)
    # The harness leaves shapecli's additions (batch mode, waiter pacing) out on both sides.
    assert help_view(plain(catalog, *words)) == help_view(golden)


def test_unknown_names_raise(catalog):
    with pytest.raises(UnknownCommandError):
        page_for(catalog, ["no-such-service"])
    with pytest.raises(UnknownCommandError):
        page_for(catalog, ["cognito-idp", "no-such-op"])


def test_help_through_the_cli():
    result = run(["cognito-idp", "list-users", "help"])
    assert result.exit_code == 0
    assert "--starting-token (string)" in result.stdout
    assert "--page-size (integer)" in result.stdout


# -- syntax blocks parse back ------------------------------------------------------


def json_from_syntax(lines: list[str]):
    """A JSON Syntax block as a reader would take it: repeats and placeholders out."""
    text = "\n".join(l for l in lines if l.strip() != "...")
    text = text.replace("...}", "}").replace(", ...]", "]")
    text = text.replace("{ ... recursive ... }", "{}").replace("{ ... }", "{}").replace("[ ... ]", "[]")
    text = re.sub(r'("(?:[^"\\]|\\.)*")(\|"(?:[^"\\]|\\.)*")+', r"\1", text)  # enum choices
    text = text.replace("true|false", "true")
    text = re.sub(r"(?<![\"\w])(integer|long|float|double)(?![\"\w])", "0", text)
    text = re.sub(r"(?<![\"\w])(timestamp|blob|char)(?![\"\w])", '"x"', text)
    return json.loads(text)


SYNTAX_SERVICES = [("cognito-idp", 0), ("ssm", 0), ("kms", 0), ("dynamodb", 0), ("ec2", 150)]


@pytest.mark.parametrize("command,limit", SYNTAX_SERVICES)
def test_syntax_blocks_parse_back(catalog, command, limit):
    from shorthand.parser import parse

    service = catalog.service_name(command)
    names = list(catalog.operation_names(service))
    checked = 0
    for cli_name in names[: limit or None]:
        op = catalog.operation(command, cli_name)
        for p in op.parameters():
            shape = p.shape
            if syntax.is_scalar(shape) or (shape.type_name == "list" and syntax.is_scalar(shape.member)):
                continue
            json_from_syntax(syntax.json_syntax(shape))  # raises if it is not JSON
            shorthand = syntax.shorthand_syntax(shape)
            if shorthand:
                if shape.type_name == "list":
                    assert shorthand.endswith(" ...")
                    expected = syntax.shorthand_example(shape.member, [])
                    shorthand = shorthand[: -len(" ...")]
                else:
                    expected = syntax.shorthand_example(shape, [])
                assert parse(shorthand) == expected, (cli_name, p.name, shorthand)
            checked += 1
    assert checked


def test_json_syntax_layout_of_a_list_of_structures(catalog):
    op = catalog.operation("cognito-idp", "admin-create-user")
    shape = next(p.shape for p in op.parameters() if p.name == "user-attributes")
    assert syntax.json_syntax(shape) == [
        "[", "  {", '    "Name": "string",', '    "Value": "string"', "  }", "  ...", "]",
    ]
    assert syntax.shorthand_syntax(shape) == "Name=string,Value=string ..."


# -- documentation HTML ------------------------------------------------------------

HTML_CASES = [
    ("<p>Hello <code>x</code>.</p>", ["Hello x."]),
    ("<p>One</p><p>Two</p>", ["One", "", "Two"]),
    ("<ul><li><p>a</p></li><li>b</li></ul>", ["o a", "", "o b"]),
    ("<note><p>Careful</p></note>", ["NOTE:", "   Careful"]),
    ("<important>Really</important>", ["IMPORTANT:", "   Really"]),
    ("<p>See <a href='https://x'>the guide</a> .</p>", ["See the guide ."]),
    ("<p>broken <b>bold</p> text</i></ul>", ["broken bold", "", "text"]),
    ("<dl><dt>email</dt><dd><p>The address.</p></dd></dl>", ["email", "", "   The address."]),
    ("<pre>  a = 1\n  b = 2</pre>", ["   a = 1", "   b = 2"]),
    ("no tags &amp; entities", ["no tags & entities"]),
    ("", []),
]


@pytest.mark.parametrize("html,lines", HTML_CASES)
def test_html_to_text(html, lines):
    from cli.help.layout import _blocks

    rendered = _blocks(blocks_from_html(html), 0, 80)
    assert ["".join(t for t, _ in line).rstrip() for line in rendered] == lines


# -- rendering -------------------------------------------------------------------


def test_wraps_to_width(catalog):
    page = page_for(catalog, ["cognito-idp", "admin-create-user"])
    text = render(page, width=60, styled=False)
    for line in text.splitlines():
        if line.strip().startswith(("aws ", "--", "{", "[", '"', "}", "]", "...")):
            continue  # code blocks keep their lines
        words = line.split()
        if len(words) > 1:
            assert len(line) <= 60, line


def test_styled_is_plain_plus_ansi(catalog):
    page = page_for(catalog, ["kms", "encrypt"])
    styled = render(page, width=80, styled=True)
    assert "\x1b[" in styled
    stripped = re.sub(r"\x1b\[[0-9;]*m", "", styled)
    assert [l.rstrip() for l in stripped.splitlines()] == render(page, width=80, styled=False).splitlines()


def test_service_and_top_pages(catalog):
    service = plain(catalog, "cognito-idp")
    assert "AVAILABLE COMMANDS" in service.splitlines()
    assert "o admin-confirm-sign-up" in service
    top = plain(catalog)
    assert "AVAILABLE SERVICES" in top.splitlines()
    assert "o cognito-idp" in top and "--cli-error-format (string)" in top
