"""Formatter rules beyond the goldens, as tables of data -> exact text.

Expected texts are what AWS CLI v2 prints (its formatters with ruamel.yaml
0.17 for YAML), checked by hand against its rules.
"""

from __future__ import annotations

import datetime

import pytest

import output
from output.table import display_width

UTC = datetime.timezone.utc

CASES = [
    # (id, data, format, expected)
    ("json.empty_dict", {}, "json", ""),
    ("json.empty_list", [], "json", "[]\n"),
    ("json.null", None, "json", "null\n"),
    ("json.empty_string", "", "json", '""\n'),
    ("json.timestamp", {"T": datetime.datetime(2024, 1, 2, 3, 4, 5, 600000, tzinfo=UTC)}, "json",
     '{\n    "T": "2024-01-02T03:04:05.600000+00:00"\n}\n'),
    ("json.blob", {"B": b"hello"}, "json", '{\n    "B": "aGVsbG8="\n}\n'),
    ("json.unicode", ["✓ 😀"], "json", '[\n    "✓ 😀"\n]\n'),
    ("json.key_order", {"b": 1, "a": 2}, "json", '{\n    "b": 1,\n    "a": 2\n}\n'),
    ("text.scalar_none", None, "text", "None\n"),
    ("text.bool_float", {"a": True, "b": 0.5}, "text", "True\t0.5\n"),
    ("text.empty_dict", {}, "text", ""),
    ("text.top_scalar_list", [1, "x"], "text", "1\tx\n"),
    ("text.list_of_lists", [[1, 2], [3]], "text", "1\t2\n3\n"),
    ("text.mixed_list", {"L": ["a", ["b", "c"]]}, "text", "L\ta\nL\tb\nL\tc\n"),
    ("text.nested", {"A": {"x": 1, "Y": {"z": 2}}}, "text", "A\t1\nY\t2\n"),
    ("text.shared_columns", {"I": [{"a": 1}, {"b": 2}]}, "text", "I\t1\t\nI\t\t2\n"),
    ("text.column_becomes_dict", {"I": [{"a": 1}, {"a": {"x": 1}}]}, "text",
     "I\t1\nI\t{'x': 1}\n"),
    # Responses carry timestamps as ISO text (the call parses them so); a
    # datetime is a sample's (the output skeleton) and prints as Python does.
    ("text.timestamp_sample", {"T": datetime.datetime(1970, 1, 1)}, "text",
     "1970-01-01 00:00:00\n"),
    ("text.timestamp_text", {"T": "2024-01-02T00:00:00+00:00"}, "text",
     "2024-01-02T00:00:00+00:00\n"),
    ("yaml.empty_dict", {}, "yaml", ""),
    ("yaml.scalar_as_json", "x", "yaml", '"x"\n'),
    ("yaml.null_as_json", None, "yaml", "null\n"),
    ("yaml.number_as_json", 1.5, "yaml", "1.5\n"),
    ("yaml.empty_list", [], "yaml", "[]\n"),
    ("yaml.null_value", {"a": None}, "yaml", "a: null\n"),
    ("yaml.yaml12_bools_stay_plain", {"a": "yes", "b": "on", "c": "Off"}, "yaml",
     "a: yes\nb: on\nc: Off\n"),
    ("yaml.bool_words_quoted", {"a": "true", "b": "NULL", "c": "~"}, "yaml",
     "a: 'true'\nb: 'NULL'\nc: '~'\n"),
    ("yaml.numbers_quoted", {"a": "1e3", "b": "09", "c": "0o17", "d": "+.5", "e": "12"}, "yaml",
     "a: '1e3'\nb: '09'\nc: '0o17'\nd: '+.5'\ne: '12'\n"),
    ("yaml.sexagesimal_plain", {"a": "1:20", "b": "190:20:30"}, "yaml", "a: 1:20\nb: 190:20:30\n"),
    ("yaml.timestamp_string_quoted", {"t": "2024-01-02T00:00:00+00:00"}, "yaml",
     "t: '2024-01-02T00:00:00+00:00'\n"),
    ("yaml.timestamp_sample_plain", {"t": datetime.datetime(1970, 1, 1),
                                     "u": datetime.datetime(1970, 1, 1)}, "yaml",
     "t: 1970-01-01 00:00:00\nu: 1970-01-01 00:00:00\n"),
    ("yaml.lambda_timestamp_plain", {"t": "2024-01-02T03:04:05.000+0000"}, "yaml",
     "t: 2024-01-02T03:04:05.000+0000\n"),
    # libyaml (v2's emitter) folds a line break inside single quotes.
    ("yaml.newline_single_quoted_folded", {"a": "x\ny"}, "yaml", "a: 'x\n\n  y'\n"),
    ("yaml.quote_doubled", {"a": "'", "b": "it's"}, "yaml", "a: ''''\nb: it's\n"),
    ("yaml.empty_string", {"a": ""}, "yaml", "a: ''\n"),
    ("yaml.float_spelling", {"a": 1e20, "b": 1e-07, "c": 0.5}, "yaml",
     "a: 1e+20\nb: 1e-07\nc: 0.5\n"),
    ("yaml.unicode", {"a": "gamma γ ✓"}, "yaml", "a: gamma γ ✓\n"),
    ("yaml.blob", {"B": b"hello"}, "yaml", "B: aGVsbG8=\n"),
    ("yaml.nested_lists", {"a": [[1, 2], []]}, "yaml", "a:\n- - 1\n  - 2\n- []\n"),
    ("yaml_stream.scalar", "x", "yaml-stream", "- x\n"),
    ("yaml_stream.dict", {"b": 1, "a": [1]}, "yaml-stream", "- a:\n  - 1\n  b: 1\n"),
    ("off.anything", {"a": 1}, "off", ""),
    ("table.empty", [], "table", ""),
    ("table.zero", 0, "table", ""),
    ("table.scalar", "x", "table", "---\n|T|\n+-+\n"),
]


@pytest.mark.parametrize("data,fmt,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_render(data, fmt, expected):
    assert output.render(data, fmt, title="T") == expected


def test_render_does_not_change_data():
    data = {"T": datetime.datetime(2024, 1, 2, tzinfo=UTC), "B": b"x", "L": [{"a": 1}]}
    before = repr(data)
    for fmt in output.FORMATS:
        output.render(data, fmt, title="T")
    assert repr(data) == before


WIDTHS = [("abc", 3), ("é", 2), ("✓", 1), ("日本", 4), ("😀", 2), ("", 0), (12, 2)]


@pytest.mark.parametrize("text,width", WIDTHS)
def test_display_width(text, width):
    assert display_width(text) == width


def test_table_wide_characters_align():
    text = output.render([{"k": "日本語"}, {"k": "abc"}], "table", title="Op")
    assert text == (
        "------------\n"
        "|    Op    |\n"
        "+----------+\n"
        "|     k    |\n"
        "+----------+\n"
        "|  日本語  |\n"
        "|  abc     |\n"
        "+----------+\n"
    )


def test_table_turns_single_rows_on_their_side_when_too_wide():
    data = {"A" * 30: "x" * 30, "B" * 30: "y", "C" * 30: "z"}
    narrow = output.render(data, "table", title="Op", terminal_width=80)
    wide = output.render(data, "table", title="Op", terminal_width=200)
    assert narrow.splitlines()[3] == "|  " + "A" * 30 + " |  " + "x" * 30 + "  |"
    assert len(narrow.splitlines()[0]) == 70
    assert len(wide.splitlines()[0]) == 104  # headers over one row
    assert wide.splitlines()[3].strip("| ").startswith("A" * 30)


def test_table_color_as_v2_writes_it():
    text = output.render({"a": {"b": 1}}, "table", title="Op", color=True)
    reset, bar, value = "\x1b[0m", "\x1b[2m\x1b[33m|\x1b[0m", "\x1b[1m\x1b[34m1\x1b[0m"
    plain = output.render({"a": {"b": 1}}, "table", title="Op")
    # Colour codes aside, the same table.
    import re

    assert re.sub(r"\x1b\[[0-9]+m", "", text) == plain
    assert value in text
    assert bar + reset in text  # nesting bar, then the wrapper's reset
    assert text.startswith("-" * 14 + "\n" + reset)


def test_render_stream_yaml_pages():
    pages = [{"Users": [{"U": "a"}], "Token": "t"}, {"Users": []}]
    assert list(output.render_stream(pages, "yaml-stream")) == [
        "- Token: t\n  Users:\n  - U: a\n",
        "- Users: []\n",
    ]


def test_render_stream_text_pages():
    pages = [{"C": 1, "I": [{"id": 1}]}, {"I": []}, {"NextToken": {"NextToken": "x"}}]
    assert list(output.render_stream(pages, "text")) == ["1\nI\t1\n", "NEXTTOKEN\tx\n"]


def test_render_stream_rejects_whole_result_formats():
    with pytest.raises(ValueError):
        list(output.render_stream([{}], "json"))


def test_unknown_format():
    with pytest.raises(ValueError):
        output.render({}, "xml")
