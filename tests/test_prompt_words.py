"""cli.prompt.words: the prompt's line read as the shell reads it, with positions."""

from __future__ import annotations

import shlex

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cli.prompt.words import split, word_at

CASES = [
    # text -> words, unclosed
    ("", [], None),
    ("  ", [], None),
    ("ec2 describe-instances", ["ec2", "describe-instances"], None),
    ("a  b\tc\nd", ["a", "b", "c", "d"], None),
    ("--metadata 'k=v w'", ["--metadata", "k=v w"], None),
    ('--json \'{"a": 1}\'', ["--json", '{"a": 1}'], None),
    ('"a \\" b" \\\\', ['a " b', "\\"], None),
    ('"a\\nb"', ["a\\nb"], None),  # in double quotes a backslash escapes only " and \
    ("a\\ b", ["a b"], None),
    ("x''y ''", ["xy", ""], None),
    ("--json '{\"a\":", ["--json", '{"a":'], "'"),
    ('--name "jane', ["--name", "jane"], '"'),
    ("--name jane\\", ["--name", "jane"], "\\"),
    # a continued line, as the help pages' examples are laid out
    ("aws ec2 \\\n    describe-instances", ["aws", "ec2", "describe-instances"], None),
    ("ab\\\ncd", ["abcd"], None),
]


@pytest.mark.parametrize("text,words,unclosed", CASES)
def test_words(text, words, unclosed):
    found, open_quote = split(text)
    assert [w.value for w in found] == words
    assert open_quote == unclosed


def test_offsets_point_at_the_characters_typed():
    text = "--m 'k=v,x y' \"a\\\"b\""
    words, _ = split(text)
    for word in words:
        assert [text[i] for i in word.offsets] == list(word.value)
    assert (words[1].start, words[1].end) == (4, 13)
    assert words[1].at(99) == words[1].end


def test_word_at_the_cursor():
    words, _ = split("ec2 describe-inst --x")
    assert word_at(words, 10).value == "describe-inst"
    assert word_at(words, 17).value == "describe-inst"  # just after it: still typing it
    assert word_at(words, 18).value == "--x"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab =-'\"\\ \t\n{}")), max_size=30))
def test_the_words_are_shlex_split(text):
    """On any text without a continued line, the words are exactly shlex.split's."""
    words, unclosed = split(text)
    if "\\\n" in text:
        return
    try:
        expected = shlex.split(text)
    except ValueError:  # "No closing quotation" or "No escaped character"
        assert unclosed is not None
        return
    assert unclosed is None
    assert [w.value for w in words] == expected
    for word in words:
        assert [text[i] for i in word.offsets] == list(word.value)
