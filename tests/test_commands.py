"""The registry of hand-written commands and its room: routing, the argument table read by
the parser, the help page, completion and the prompt alike, and the exit-code ladder.

The commands here are a sample group (tests/handwritten_sample.py) registered for
these tests only; the real commands have tests of their own.
"""

from __future__ import annotations

import pytest

from cli import commands as registry
from cli.completion import complete
from cli.completion_data import CacheIndex
from tests.runner import run

SAMPLE = "tests.handwritten_sample"


@pytest.fixture(autouse=True)
def sample_group(monkeypatch, tmp_path):
    monkeypatch.setitem(registry.GROUPS, "sample", SAMPLE)
    monkeypatch.setitem(registry.BESIDE, ("ecr", "sample-beside"), SAMPLE)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "config"))


def test_a_group_command_gets_its_parsed_values():
    result = run(["sample", "echo", "a", "b", "--count", "7", "--mode", "fast", "--no-follow",
                  "--tag", "x", "--tag", "y"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == repr(sorted({
        "paths": ["a", "b"], "count": 7, "mode": "fast", "follow": False, "tag": ["x", "y"],
        "secret": None}.items())) + "\n"


def test_defaults_fill_what_was_not_given():
    result = run(["sample", "echo", "a", "b"])
    assert "('count', 1)" in result.stdout and "('follow', None)" in result.stdout


def test_the_group_word_alone_runs_the_group_command():
    result = run(["sample", "--verbose"])
    assert (result.exit_code, result.stdout) == (0, "[('verbose', True)]\n")


@pytest.mark.parametrize("argv, code, phrase", [
    (["sample", "echo", "a"], 252, "the following arguments are required: paths"),
    (["sample", "echo", "a", "b", "--count", "x"], 252, "argument --count: invalid int value: 'x'"),
    (["sample", "echo", "a", "b", "--mode", "medium"], 252,
     "argument --mode: Found invalid choice 'medium'"),
    (["sample", "echo", "a", "b", "--bogus", "z"], 252,
     "An error occurred (ParamValidation): Unknown options: --bogus,z"),
    (["sample", "show"], 252, "the following arguments are required: --name"),
    (["sample", "nope"], 252, "argument subcommand: Found invalid choice 'nope'"),
    (["history"], 252, "'aws history' is a command of AWS CLI v2 that shapecli does not provide"),
    (["ddb", "put", "t", "{}"], 252, "'aws ddb' is a command of AWS CLI v2"),
])
def test_argument_errors_are_v2s(argv, code, phrase):
    result = run(argv)
    assert result.exit_code == code
    assert phrase in result.stderr
    assert "Traceback" not in result.stderr


def test_results_print_through_query_and_output():
    result = run(["sample", "show", "--name", "n", "--output", "text", "--query", "Count"])
    assert (result.exit_code, result.stdout) == (0, "3\n")
    result = run(["sample", "show", "--name", "n", "--output", "json"])
    assert result.stdout == '{\n    "Name": "n",\n    "Count": 3\n}\n'


def test_a_command_beside_a_services_operations():
    result = run(["ecr", "sample-beside", "--name", "n", "--count", "4", "--output", "text"])
    assert (result.exit_code, result.stdout) == (0, "4\tn\n")
    listing = run(["ecr", "help"]).stdout
    assert "sample-beside" in listing and "get-authorization-token" in listing


def test_help_pages_come_from_the_table():
    page = run(["sample", "echo", "help"]).stdout
    for heading in ("NAME", "DESCRIPTION", "SYNOPSIS", "OPTIONS", "GLOBAL OPTIONS", "EXAMPLES"):
        assert f"\n{heading}\n" in "\n" + page
    assert "[--follow | --no-follow]" in page
    assert "--count (integer)" in page and "<paths>" in page
    assert "aws sample echo a b" in page
    group = run(["sample", "help"]).stdout
    assert "AVAILABLE COMMANDS" in group and "o echo" in group and "o show" in group
    assert "GLOBAL OPTIONS" not in group  # as v2's group pages
    assert "sample" in run(["help"]).stdout


def test_completion_knows_the_group_its_commands_and_options(tmp_path):
    index = CacheIndex({"HOME": str(tmp_path)})
    assert "sample" in complete("aws samp", None, index)
    assert complete("aws sample ", None, index)[:2] == ["echo", "show"]
    assert complete("aws sample echo a b --m", None, index) == ["--mode"]
    assert complete("aws sample echo a b --mode ", None, index) == ["fast", "slow"]
    assert "--no-follow" in complete("aws sample echo a b --no-f", None, index)
    assert "sample-beside" in complete("aws ecr sample", None, index)
    assert complete("aws ecr sample-beside --co", None, index) == ["--count", "--color"]


def test_debug_hides_a_sensitive_argument():
    result = run(["sample", "echo", "a", "b", "--secret", "hunter2-very-secret", "--debug"])
    assert result.exit_code == 0
    assert "hunter2-very-secret" not in result.stderr


def test_a_v2_subcommand_of_a_group_that_shapecli_lacks_is_one_line(monkeypatch):
    monkeypatch.setitem(registry.UNPROVIDED, ("sample", "wizard"), "")
    result = run(["sample", "wizard", "--x"])
    assert result.exit_code == 252
    assert "'aws sample wizard' is a command of AWS CLI v2 that shapecli does not provide" \
        in result.stderr
