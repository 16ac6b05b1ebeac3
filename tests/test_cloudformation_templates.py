"""Templates read and written as v2 reads and writes them (cli.commands.cloudformation.templates):
short-form tags in their long form, YAML 1.2 numbers with YAML 1.1 booleans, and v2's
emitter's quoting and wrapping. The expected texts were checked against v2's own
yaml_parse/yaml_dump on the same inputs."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cli.commands.cloudformation import templates

PARSE_CASES = [
    ("A: !Ref Name", {"A": {"Ref": "Name"}}),
    ("A: !Condition IsProd", {"A": {"Condition": "IsProd"}}),
    ("A: !GetAtt Res.Attr.Sub", {"A": {"Fn::GetAtt": ["Res", "Attr.Sub"]}}),
    ("A: !GetAtt [Res, Attr]", {"A": {"Fn::GetAtt": ["Res", "Attr"]}}),
    ("A: !Sub '${X}-y'", {"A": {"Fn::Sub": "${X}-y"}}),
    ("A: !Join ['', [a, !Ref 'AWS::Region']]",
     {"A": {"Fn::Join": ["", ["a", {"Ref": "AWS::Region"}]]}}),
    ("A: !If [C, !Ref AWS::NoValue, x]",
     {"A": {"Fn::If": ["C", {"Ref": "AWS::NoValue"}, "x"]}}),
    ("A: !Base64 {'Fn::Sub': abc}", {"A": {"Fn::Base64": {"Fn::Sub": "abc"}}}),
    ("A: !Select [0, !GetAZs '']", {"A": {"Fn::Select": [0, {"Fn::GetAZs": ""}]}}),
    ("A: !Sub\n  - '${A}'\n  - A: !Ref X", {"A": {"Fn::Sub": ["${A}", {"A": {"Ref": "X"}}]}}),
    # YAML 1.1 booleans stay booleans, as CloudFormation reads them
    ("[yes, No, ON, off, true, y, n]", [True, False, True, False, True, "y", "n"]),
    # YAML 1.2 numbers: no sexagesimal, no 0-octal; 0o, 0x, 0b and underscores
    ("[010, 1:30, 0o17, 0x1F, 0b11, 1_000, 1.5e3, .5, -.5]",
     [10, "1:30", 15, 31, 3, 1000, 1500.0, 0.5, -0.5]),
    ("[~, null, '', 2024-01-01x]", [None, None, "", "2024-01-01x"]),
    ("a: &x {b: 1}\nc: *x\nd:\n  <<: *x\n  e: 2",
     {"a": {"b": 1}, "c": {"b": 1}, "d": {"b": 1, "e": 2}}),
]


@pytest.mark.parametrize("text, expected", PARSE_CASES)
def test_parse(text, expected):
    assert templates.parse(text) == expected


def test_json_is_read_as_json_keeping_key_order():
    data = templates.parse('{"b": 1, "a": {"z": true, "y": null}}')
    assert list(data) == ["b", "a"] and list(data["a"]) == ["z", "y"]


def test_not_yaml_is_a_template_error():
    with pytest.raises(templates.TemplateError):
        templates.parse("a: [unclosed")


DUMP_CASES = [
    ({"A": {"Ref": "X"}}, "A:\n  Ref: X\n"),
    ({"L": ["a", {"b": 1}]}, "L:\n- a\n- b: 1\n"),
    # strings that would read back as something else are quoted
    ({"S": ["yes", "Off", "123", "1.5", "-.5", "0x1F", "", "null", "~"]},
     "S:\n- 'yes'\n- 'Off'\n- '123'\n- '1.5'\n- '-.5'\n- '0x1F'\n- ''\n- 'null'\n- '~'\n"),
    # ... but not the YAML 1.1 numbers YAML 1.2 reads as strings
    ({"S": ["1:30", "y", "n"]}, "S:\n- 1:30\n- y\n- n\n"),
    # a quote or a line break: double quotes, as v2's emitter
    ({"S": "'quoted' start"}, 'S: "\'quoted\' start"\n'),
    ({"S": "it's"}, "S: it's\n"),
    ({"S": "line one\nline two\n"}, 'S: "line one\\nline two\\n"\n'),
    ({"S": "a: b"}, "S: 'a: b'\n"),
    # a long plain string wraps before the word that would pass 80 columns
    ({"LongPlain": " ".join(c * 4 for c in "abcdefghijklmnopqrs")},
     "LongPlain: aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn\n"
     "  oooo pppp qqqq rrrr ssss\n"),
    # a repeated object is written out again, never as an alias
    (lambda: (lambda x: {"a": x, "b": x})({"k": 1}), "a:\n  k: 1\nb:\n  k: 1\n"),
    ({"u": "héllo ☃"}, "u: héllo ☃\n"),
]


@pytest.mark.parametrize("data, expected", DUMP_CASES)
def test_dump(data, expected):
    assert templates.dump(data() if callable(data) else data) == expected


def test_short_forms_come_out_long():
    text = "R:\n  Properties:\n    Role: !GetAtt Role.Arn\n    Name: !Sub '${AWS::StackName}-x'\n"
    assert templates.dump(templates.parse(text)) == (
        "R:\n  Properties:\n    Role:\n      Fn::GetAtt:\n      - Role\n      - Arn\n"
        "    Name:\n      Fn::Sub: ${AWS::StackName}-x\n")


# -- properties ---------------------------------------------------------------

_keys = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1,
                max_size=12)
_scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12),
                     st.floats(allow_nan=False, allow_infinity=False),
                     st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)),
                             max_size=100))
_documents = st.recursive(_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(_keys, inner, max_size=4)), max_leaves=20)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(_keys, _documents, max_size=5))
def test_what_is_written_reads_back_the_same(data):
    assert templates.parse(templates.dump(data)) == data


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_text_parses_or_is_a_template_error(text):
    try:
        templates.parse(text)
    except templates.TemplateError:
        pass
    except (json.JSONDecodeError, RecursionError):  # neither is possible: shown if it happens
        raise
