"""Properties of the shorthand package, checked with hypothesis."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from shorthand import FileRef, ShorthandError, ShorthandTypeError, coerce, parse, render_value
from shorthand.tokens import KEY_CHARS, _closing_quote

# Text that leans on the syntax's own characters, so the parser's corners get visited.
SYNTAX = "=@,[]{}'\"\\ \n\t:#/-_.ab\u2713"
shorthand_text = st.one_of(
    st.text(alphabet=SYNTAX, max_size=40),
    st.text(max_size=40),
)


@settings(max_examples=1500)
@given(shorthand_text)
def test_any_text_parses_or_raises_shorthand_error(text):
    try:
        value = parse(text)
    except ShorthandError as e:
        assert 0 <= e.position <= len(text)
        assert str(e)  # renders without failing
    else:
        assert isinstance(value, dict)


scalars = st.text(max_size=12).filter(lambda s: all(ord(c) <= 0xFFFF for c in s))
keys = st.text(alphabet=sorted(KEY_CHARS), max_size=8)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(keys, inner, max_size=4),
    ),
    max_leaves=12,
)
file_refs = st.builds(FileRef, st.sampled_from(["file://", "fileb://"]).flatmap(
    lambda prefix: scalars.map(lambda rest: prefix + rest)))
top_level = st.dictionaries(keys, st.one_of(values, file_refs), min_size=1, max_size=5)


@settings(max_examples=800)
@given(top_level)
def test_render_round_trips(value):
    assert parse(render_value(value)) == value


@given(values.filter(lambda v: not isinstance(v, dict)))
def test_render_of_a_single_value_fits_after_a_key(value):
    assert parse("k=" + render_value(value)) == {"k": value}


# v2 reads a quoted value with this expression; the scanner finds the same
# closing quote without backtracking (short bodies keep the regex quick).
V2_DOUBLE_QUOTED = re.compile(r'"(?:\\\\|\\"|[^"])*"')


@settings(max_examples=1500)
@given(st.text(alphabet='\\"ab', max_size=14))
def test_closing_quote_matches_v2_expression(body):
    text = '"' + body
    match = V2_DOUBLE_QUOTED.match(text)
    expected = None if match is None else match.end() - 1
    assert _closing_quote(text, 1, '"') == expected


class S:
    def __init__(self, type_name, members=None, member=None, value=None):
        self.type_name = type_name
        self.members = members or {}
        self.member = member
        self.key = S("string") if type_name == "map" else None
        self.value = value
        self.is_document = False


SHAPE = S("structure", {
    "a": S("integer"), "b": S("double"), "c": S("boolean"),
    "d": S("list", member=S("structure", {"e": S("long"), "f": S("string")})),
    "g": S("map", value=S("list", member=S("float"))),
})


@given(shorthand_text)
def test_coerce_raises_only_its_type_error(text):
    try:
        value = parse(text)
    except ShorthandError:
        return
    try:
        coerce(value, SHAPE, "P")
        coerce([value], S("list", member=SHAPE), "P")
    except ShorthandTypeError as e:
        assert e.path.startswith("P")
