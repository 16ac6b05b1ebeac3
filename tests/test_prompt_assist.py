"""What the prompt offers for a line, as data: candidates, documentation, checks, history."""

from __future__ import annotations

import json
import os
import stat

import pytest

from cli.completion import complete
from cli.prompt import initial_text
from cli.prompt.assist import Assistant, command_words, read_line
from cli.prompt.checks import problems
from tests.runner import run


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    home = tmp_path_factory.mktemp("home")
    return Assistant({"HOME": str(home), "PATH": os.environ.get("PATH", "")})


def _texts(assistant, line):
    return [c.text for c in assistant.candidates(line, len(line))]


def test_required_options_come_first_marked_with_their_documentation(assistant):
    line = "cognito-idp admin-confirm-sign-up "
    found = assistant.candidates(line, len(line))
    assert [c.display for c in found[:3]] == [
        "--user-pool-id (required)", "--username (required)", "--client-metadata"]
    assert found[0].meta.startswith("[string] The ID of the user pool")
    assert found[2].meta.startswith("[map] A map of custom key-value pairs")
    assert all(c.start == len(line) for c in found)
    assert "--cli-auto-prompt" not in [c.text for c in found]
    yaml = next(c for c in found if c.text == "--cli-input-yaml")
    assert yaml.meta == "[string] Reads arguments from the YAML string provided."


LINES = [
    # The same candidates as aws_completer's for lines without quotes (one source).
    "dyn",
    "dynamodb wait ",
    "dynamodb wait table-e",
    "cognito-idp admin-confirm-sign-up --user",
    "ec2 describe-instances --filters Name=x --output ",
    "dynamodb create-table --billing-mode ",
    "dynamodb update-table --stream-specification StreamEnabled=true,StreamViewType=",
    "--region us-east-1 cognito-idp list-us",
]


@pytest.mark.parametrize("line", LINES)
def test_one_source_of_candidates(assistant, line):
    expected = [c for c in complete("aws " + line, None, assistant.index)
                if c not in ("--cli-auto-prompt", "--no-cli-auto-prompt")]
    assert sorted(_texts(assistant, line)) == sorted(expected)
    assert expected


def test_quoted_values_do_not_lose_the_place(assistant):
    # A value with blanks in quotes is one word; the shell completer would be lost after it.
    line = "cognito-idp admin-confirm-sign-up --client-metadata '{\"a\": \"b c\"}' --user"
    assert _texts(assistant, line) == ["--user-pool-id", "--username"]


def test_candidates_are_quoted_for_the_shell(assistant, tmp_path, monkeypatch):
    (tmp_path / "my file.json").write_text("{}")
    monkeypatch.chdir(tmp_path)
    line = "cognito-idp admin-confirm-sign-up --client-metadata file://my"
    found = assistant.candidates(line, len(line))
    assert [c.text for c in found] == ["'file://my file.json'"]
    assert found[0].start == line.index("file://")


def test_the_cursor_in_the_middle_of_the_line(assistant):
    line = "cognito-idp admin-c --user-pool-id p"
    assert "admin-confirm-sign-up" in _texts_at(assistant, line, line.index(" --"))


def _texts_at(assistant, line, cursor):
    return [c.text for c in assistant.candidates(line, cursor)]


def test_documentation_of_the_option_under_the_cursor(assistant):
    line = "cognito-idp admin-confirm-sign-up --user-pool-id p --username u"
    on_option = assistant.documentation(line, line.index("--user-pool-id") + 3, 80)
    assert on_option.splitlines()[0] == "--user-pool-id (string) [required]"
    on_value = assistant.documentation(line, len(line), 80)
    assert on_value.splitlines()[0] == "--username (string) [required]"
    on_command = assistant.documentation(line, line.index("admin"), 80)
    assert on_command.startswith("DESCRIPTION")
    assert "--user-pool-id (string) [required]" in on_command
    assert assistant.documentation("nosuchcommand ", 14, 80) is None


def test_missing_required_options(assistant):
    assert assistant.missing("cognito-idp admin-confirm-sign-up --user-pool-id p") == [
        "--username"]
    assert assistant.missing("cognito-idp admin-confirm-sign-up --cli-input-json {}") == []
    assert assistant.missing("cognito-idp") == []


def test_sample_output_through_query_and_output(assistant):
    assert assistant.sample_output("cognito-idp admin-confirm-sign-up", 80) == "No output"
    text = assistant.sample_output(
        "cognito-idp list-users --query Users[].Username --output text", 80)
    assert text == "Username\n"
    broken = assistant.sample_output("cognito-idp list-users --query 'Users[0'", 80)
    assert broken.startswith("Bad value for --query Users[0: ")


def test_line_words_and_the_program_name():
    assert read_line("aws ec2 desc", 12) == (["ec2"], "desc", 8)
    assert command_words("aws ec2 describe-instances --filters 'Name=a b'") == [
        "ec2", "describe-instances", "--filters", "Name=a b"]
    assert initial_text(["cognito-idp", "--cli-auto-prompt", "--username", "a b"]) == \
        "cognito-idp --username 'a b' "
    assert initial_text(["--cli-auto-prompt"]) == ""


# -- values checked as they are typed -------------------------------------------------

CHECKS = [
    # line, the text the mark covers, the message (as the command prints it)
    ("cognito-idp admin-confirm-sign-up --user-pool-id p --username u --client-metadata a", "a",
     "aws: [ERROR]: An error occurred (ParamValidation): Error parsing parameter "
     "'--client-metadata': Expected: '=', received: 'EOF' for input:\n a\n ^"),
    ("cognito-idp admin-confirm-sign-up --client-metadata=k=v, --user-pool-id p --username u",
     ",",
     "aws: [ERROR]: An error occurred (ParamValidation): Error parsing parameter "
     "'--client-metadata': Expected: '<second>', received: '<none>' for input:\n k=v,\n    ^"),
    ("cognito-idp admin-confirm-sign-up --username u --client-metadata '{\"a\" 1}' "
     "--user-pool-id p", "1",
     "aws: [ERROR]: An error occurred (ParamValidation): Error parsing parameter "
     "'--client-metadata': Invalid JSON: Expecting ':' delimiter: line 1 column 6 (char 5)\n"
     "JSON received: {\"a\" 1}"),
    ("cognito-idp list-users --user-pool-id p --limit ten", "ten",
     "aws: [ERROR]: An error occurred (ParamValidation): argument --limit: invalid int "
     "value: 'ten'"),
    ("kms encrypt --key-id k --plaintext hello --cli-binary-format base64", "hello",
     "aws: [ERROR]: An error occurred (ParamValidation): Error parsing parameter "
     "'--plaintext': Invalid base64: \"hello\""),
]


@pytest.mark.parametrize("line,marked,message", CHECKS)
def test_a_value_that_will_not_parse(assistant, line, marked, message):
    found = problems(assistant.catalog, line)
    assert [(line[p.start:p.end], p.message) for p in found] == [(marked, message)]


@pytest.mark.parametrize("line,marked,message", CHECKS)
def test_the_message_is_the_commands_own(line, marked, message, tmp_path):
    environ = {"HOME": str(tmp_path), "AWS_ACCESS_KEY_ID": "k", "AWS_SECRET_ACCESS_KEY": "s",
               "AWS_DEFAULT_REGION": "us-west-2"}
    result = run(command_words(line), environ)
    assert result.exit_code == 252
    assert message in result.stderr


NOT_PROBLEMS = [
    "cognito-idp admin-confirm-sign-up --client-metadata a=b,c=d --user-pool-id p",
    "cognito-idp admin-confirm-sign-up --client-metadata '{\"a\": \"b\"}'",
    "cognito-idp admin-confirm-sign-up --client-metadata file://does-not-exist-yet",
    "kms encrypt --key-id k --plaintext hello",  # the config may say raw-in-base64-out
    "cognito-idp admin-confirm-sign-up --client-metadata",  # no value yet
    "nosuch command --x a",
]


@pytest.mark.parametrize("line", NOT_PROBLEMS)
def test_no_problem(assistant, line):
    assert problems(assistant.catalog, line) == []


# -- history ----------------------------------------------------------------------------


def test_history_file_is_bounded_private_and_v2s(tmp_path):
    pytest.importorskip("prompt_toolkit")
    from cli.prompt import history

    path = history.history_path({"HOME": str(tmp_path)})
    assert path == str(tmp_path / ".aws" / "cli" / "cache" / "prompt_history.json")
    store = history.CommandHistory(path)
    history.write_commands(path, [f"sts get-caller-identity --cli-read-timeout {i}"
                                  for i in range(history.MAX_COMMANDS + 19)])
    store.store_string("sts get-caller-identity --cli-read-timeout 519")
    store.store_string("sts get-caller-identity --cli-read-timeout 519")  # a repeat: kept once
    with open(path) as f:
        saved = json.load(f)
    assert saved["version"] == 1
    assert len(saved["commands"]) == history.MAX_COMMANDS
    assert saved["commands"][-1].endswith(" 519") and saved["commands"][0].endswith(" 20")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert list(history.CommandHistory(path).load_history_strings())[0].endswith(" 519")
    big = ["x" * 1000] * 2000
    assert sum(len(c) for c in history.bounded(big)) <= history.MAX_BYTES


def test_unreadable_history_is_no_history(tmp_path):
    from cli.prompt import history

    path = tmp_path / "prompt_history.json"
    path.write_text("not json")
    assert history.read_commands(str(path)) == []
