"""--cli-input-json / --cli-input-yaml: reading, parsing and the merge, as tables."""

from __future__ import annotations

import datetime
import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import skeleton
from cli.errors import ExitCode, ParamError

# -- parsing: text -> value -----------------------------------------------------

LOADS = [
    ("json", '{"UserPoolId": "p", "Username": "u"}', {"UserPoolId": "p", "Username": "u"}),
    ("json", '{"A": {"B": [1, 2.5, true, null]}}', {"A": {"B": [1, 2.5, True, None]}}),
    ("json", "{}", {}),
    ("yaml", "UserPoolId: p\nUsername: u\n", {"UserPoolId": "p", "Username": "u"}),
    ("yaml", "Username: 123\n", {"Username": 123}),
    ("yaml", "ClientMetadata: null\n", {"ClientMetadata": None}),
    # YAML 1.2, as v2 reads it: these are strings, not booleans.
    ("yaml", "A: yes\nB: no\nC: on\nD: off\nE: y\n",
     {"A": "yes", "B": "no", "C": "on", "D": "off", "E": "y"}),
    ("yaml", "A: true\nB: False\n", {"A": True, "B": False}),
    ("yaml", "A: 0o17\nB: 017\nC: 0x1f\nD: 1_000\nE: -5\n",
     {"A": 15, "B": 17, "C": 31, "D": 1000, "E": -5}),
    ("yaml", "A: 1.5\nB: 1e3\nC: .inf\n", {"A": 1.5, "B": 1000.0, "C": float("inf")}),
    ("yaml", "A: 2024-01-02T03:04:05Z\n",
     {"A": datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)}),
    ("yaml", "A: !!binary aGk=\n", {"A": b"hi"}),
    ("yaml", "UserPoolId: &pool p\nUsername: *pool\n", {"UserPoolId": "p", "Username": "p"}),
    ("yaml", "base: &b {x: 1}\nother:\n  <<: *b\n  y: 2\n",
     {"base": {"x": 1}, "other": {"x": 1, "y": 2}}),
    ("yaml", "# only a comment\nA: ''  # [REQUIRED] doc\n", {"A": ""}),
]


@pytest.mark.parametrize("kind,text,expected", LOADS)
def test_load(kind, text, expected):
    assert skeleton.load_cli_input(text, kind) == expected


# -- parsing errors: v2's phrase, then where --------------------------------------

ERRORS = [
    ("json", '{"UserPoolId": "p",',
     "Error parsing parameter 'cli-input-json': Invalid JSON received. "
     "Expecting property name enclosed in double quotes at line 1, column 20:\n"
     '{"UserPoolId": "p",\n'
     "                   ^"),
    ("json", '{\n  "A": 1\n  "B": 2\n}',
     "Error parsing parameter 'cli-input-json': Invalid JSON received. "
     "Expecting ',' delimiter at line 3, column 3:\n"
     '  "B": 2\n'
     "  ^"),
    ("json", "", "Error parsing parameter 'cli-input-json': Invalid JSON received. "
     "Expecting value at line 1, column 1:\n\n^"),
    ("json", '{"Username": "jane',
     "Error parsing parameter 'cli-input-json': Invalid JSON received. "
     "Unterminated string starting at line 1, column 14:\n"
     '{"Username": "jane\n'
     "             ^"),
    ("yaml", "UserPoolId: [unclosed",
     "Error parsing parameter 'cli-input-yaml': Invalid YAML received. "
     "expected ',' or ']', but got '<stream end>' at line 1, column 22:\n"
     "UserPoolId: [unclosed\n"
     "                     ^"),
    ("yaml", "A: 1\nA: 2\n",
     "Error parsing parameter 'cli-input-yaml': Invalid YAML received. "
     "found duplicate key 'A' at line 2, column 1:\nA: 2\n^"),
    ("json", "[1, 2]",
     "Error parsing parameter '--cli-input-json': Invalid type: expecting map, "
     "received <class 'list'>"),
    ("yaml", "just a string",
     "Error parsing parameter '--cli-input-yaml': Invalid type: expecting map, "
     "received <class 'str'>"),
    ("yaml", "",
     "Error parsing parameter '--cli-input-yaml': Invalid type: expecting map, "
     "received <class 'NoneType'>"),
]


@pytest.mark.parametrize("kind,text,message", ERRORS)
def test_load_errors(kind, text, message):
    with pytest.raises(ParamError) as info:
        skeleton.load_cli_input(text, kind)
    assert info.value.message == message
    assert info.value.exit_code == ExitCode.USAGE == 252


def test_yaml_loads_no_python_objects():
    with pytest.raises(ParamError, match="Invalid YAML received"):
        skeleton.load_cli_input("A: !!python/object/apply:os.system ['true']\n", "yaml")


def test_yaml_alias_bomb_fails_fast():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 12):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 10)}]")
    with pytest.raises(ParamError, match="expands to more than"):
        skeleton.load_cli_input("\n".join(lines) + "\n", "yaml")


def test_yaml_recursive_alias_is_rejected():
    with pytest.raises(ParamError, match="Invalid YAML received"):
        skeleton.load_cli_input("a: &x [*x]\n", "yaml")


def test_long_lines_are_shown_around_the_error():
    text = '{"A": "' + "x" * 500 + '" "B": 1}'
    with pytest.raises(ParamError) as info:
        skeleton.load_cli_input(text, "json")
    snippet, caret = info.value.message.splitlines()[-2:]
    assert snippet.startswith("...") and len(snippet) < 130
    assert snippet[caret.index("^")] == '"'


# -- merge: the command line wins, key by key ---------------------------------------

MERGES = [
    ({"UserPoolId": "a", "Username": "j"}, {"Username": "c"}, {"Username": "c", "UserPoolId": "a"}),
    ({"UserPoolId": "p"}, {"Username": "u"}, {"Username": "u", "UserPoolId": "p"}),
    ({}, {"A": 1}, {"A": 1}),
    ({"A": 1}, {}, {"A": 1}),
    # Top-level keys only: the command line's map replaces the input's.
    ({"M": {"a": "1", "b": "2"}}, {"M": {"c": "3"}}, {"M": {"c": "3"}}),
    # Unknown keys pass through for the validator to report in v2's words.
    ({"Bogus": 1}, {"A": 1}, {"A": 1, "Bogus": 1}),
]


@pytest.mark.parametrize("cli_input,command_line,expected", MERGES)
def test_merge(cli_input, command_line, expected):
    merged = skeleton.merge_cli_input(cli_input, command_line, None)
    assert merged == expected
    assert list(merged) == list(expected)


def test_merge_copies():
    cli_input, command_line = {"A": 1}, {"B": 2}
    skeleton.merge_cli_input(cli_input, command_line, None)
    assert cli_input == {"A": 1} and command_line == {"B": 2}


# -- reading the value: "-", file://, fileb://, inline --------------------------------


def test_read_inline():
    assert skeleton.read_cli_input_value('{"A": 1}', io.StringIO("unused")) == '{"A": 1}'


def test_read_stdin():
    assert skeleton.read_cli_input_value("-", io.StringIO('{"A": 1}')) == '{"A": 1}'


def test_read_file(tmp_path, monkeypatch):
    (tmp_path / "in.json").write_text('{"A": "é"}', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert skeleton.read_cli_input_value("file://in.json", None) == '{"A": "é"}'
    assert skeleton.read_cli_input_value("fileb://in.json", None) == '{"A": "é"}'
    monkeypatch.setenv("SKDIR", str(tmp_path))
    assert skeleton.read_cli_input_value("file://$SKDIR/in.json", None) == '{"A": "é"}'


FILE_ERRORS = [
    # (what the file holds, how it is named, the option, v2's message begins)
    (None, "file://{d}/missing.yaml", "cli-input-yaml",
     "Error parsing parameter '--cli-input-yaml': Unable to load paramfile "
     "file://{d}/missing.yaml: [Errno 2] No such file or directory"),
    (None, "fileb://{d}/missing.json", "cli-input-json",
     "Error parsing parameter '--cli-input-json': Unable to load paramfile "
     "fileb://{d}/missing.json: [Errno 2] No such file or directory"),
    (None, "file://{d}", "cli-input-json",
     "Error parsing parameter '--cli-input-json': Unable to load paramfile file://{d}: "
     "[Errno 21] Is a directory"),
    (b'{"A": "caf\xe9"}', "file://{d}/latin1", "cli-input-json",
     "Error parsing parameter '--cli-input-json': Unable to load paramfile ({d}/latin1), text "
     "contents could not be decoded.  If this is a binary file, please use the fileb:// prefix "
     "instead of the file:// prefix."),
    (b"A: caf\xe9", "file://{d}/latin1", "cli-input-yaml",
     "Error parsing parameter '--cli-input-yaml': Unable to load paramfile ({d}/latin1), text "
     "contents could not be decoded."),
    (b'{"A": "caf\xe9"}', "fileb://{d}/latin1", "cli-input-json",
     "Error parsing parameter 'cli-input-json': Invalid JSON received."),
    (b"A: caf\xe9", "fileb://{d}/latin1", "cli-input-yaml",
     "Error parsing parameter 'cli-input-yaml': Invalid YAML received."),
]


@pytest.mark.parametrize("content,uri,option,message", FILE_ERRORS)
def test_file_errors_in_v2s_words(tmp_path, content, uri, option, message):
    if content is not None:
        (tmp_path / "latin1").write_bytes(content)
    with pytest.raises(ParamError) as info:
        skeleton.read_cli_input_value(uri.format(d=tmp_path), None, option)
    assert info.value.message.startswith(message.format(d=tmp_path))


def test_stdin_that_is_not_utf8():
    import io

    stdin = io.TextIOWrapper(io.BytesIO(b'{"A": "caf\xe9"}'), encoding="utf-8")
    with pytest.raises(ParamError) as info:
        skeleton.read_cli_input_value("-", stdin, "cli-input-json")
    assert info.value.message.startswith("Error parsing parameter '--cli-input-json': Unable to "
                                         "read the standard input")


# -- properties: parsing raises nothing but ParamError -------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200), st.sampled_from(["json", "yaml"]))
def test_any_text_parses_or_raises_param_error(text, kind):
    try:
        result = skeleton.load_cli_input(text, kind)
    except ParamError:
        return
    assert isinstance(result, dict)


# PyYAML does not join surrogate-pair escapes ("\ud800\udc00"); keep to the BMP.
bmp_text = st.text(st.characters(max_codepoint=0xFFFF, blacklist_categories=("Cs",)), max_size=20)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | bmp_text,
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(bmp_text, children, max_size=4),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(bmp_text, json_values, max_size=5))
def test_json_round_trips_through_both_loaders(value):
    text = json.dumps(value)
    assert skeleton.load_cli_input(text, "json") == value
    assert skeleton.load_cli_input(text, "yaml") == value  # JSON is YAML 1.2
