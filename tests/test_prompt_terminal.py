"""The prompt on a real pseudo-terminal: typed, completed, checked, run against moto."""

from __future__ import annotations

import json
import os

import pytest

from tests import test_headline
from tests.terminal import ALT_ENTER, CTRL_C, CTRL_D, ENTER, F3, F5, TAB, Terminal, row_of

USERNAME = test_headline.USERNAME
unconfirmed_user = test_headline.unconfirmed_user  # the headline's fixture: a user to confirm

KEYS = "[Ctrl-D] quit"  # the prompt's toolbar: the prompt is up
UP, DOWN = "\x1b[A", "\x1b[B"
BACKSPACE = "\x7f"


def _environ(moto, **extra) -> dict[str, str]:
    return {**moto.environ(), "TERM": "xterm", **extra}


def _history(environ) -> list[str]:
    path = os.path.join(environ["HOME"], ".aws", "cli", "cache", "prompt_history.json")
    with open(path) as f:
        return json.load(f)["commands"]


def test_type_complete_and_run_the_headline(moto, unconfirmed_user):
    cognito, pool_id = unconfirmed_user
    environ = _environ(moto)
    with Terminal(["--cli-auto-prompt"], environ) as term:
        term.wait_for("> aws", KEYS)
        term.send("cognito-idp admin-confirm-s")
        term.wait_for("admin-confirm-sign-up")  # the menu, with its one candidate
        term.send(TAB)
        term.send(ENTER)  # takes the choice (and a space): the options come next
        screen = term.wait_for("--user-pool-id (required)", "--username (required)")
        assert row_of(screen, "> aws").rstrip() == "> aws cognito-idp admin-confirm-sign-up"
        term.send(f"--user-pool-id {pool_id} --username {USERNAME}")
        term.wait_for(USERNAME)
        term.send(ENTER)
        assert term.exit_code() == 0
        # The line stays above its output, as a shell leaves it; the command prints nothing.
        line = f"> aws cognito-idp admin-confirm-sign-up --user-pool-id {pool_id} --username " \
               f"{USERNAME}"
        assert term.text().replace("\n", "") == line
    assert cognito.admin_get_user(UserPoolId=pool_id, Username=USERNAME)["UserStatus"] == \
        "CONFIRMED"
    assert _history(environ) == [line[len("> aws "):]]


def test_on_partial_opens_the_prompt_filled_in(moto, unconfirmed_user):
    cognito, pool_id = unconfirmed_user
    environ = _environ(moto, AWS_CLI_AUTO_PROMPT="on-partial")
    with Terminal(["cognito-idp", "admin-confirm-sign-up", "--user-pool-id", pool_id],
                  environ) as term:
        # What is missing is offered first, under the line as typed and the error.
        screen = term.wait_for(KEYS, "the following arguments are required: --username",
                               "--username (required)")
        assert row_of(screen, "> aws").rstrip() == \
            f"> aws cognito-idp admin-confirm-sign-up --user-pool-id {pool_id}"
        term.send(f"--username {USERNAME}")
        term.wait_for(USERNAME)
        term.send(ENTER)
        assert term.exit_code() == 0
    assert cognito.admin_get_user(UserPoolId=pool_id, Username=USERNAME)["UserStatus"] == \
        "CONFIRMED"


def test_a_long_json_value_over_several_lines(moto, unconfirmed_user):
    cognito, pool_id = unconfirmed_user
    with Terminal(["cognito-idp", "admin-confirm-sign-up", "--cli-auto-prompt"],
                  _environ(moto)) as term:
        term.wait_for(KEYS)
        term.send("--cli-input-json '{")
        term.send(ENTER)  # inside the quotes: a new line, not a run
        term.send(f'"UserPoolId": "{pool_id}",')
        term.send(ALT_ENTER)
        term.send(f'"Username": "{USERNAME}"}}\'')
        screen = term.wait_for(f'"Username": "{USERNAME}"}}\'')
        assert f'"UserPoolId": "{pool_id}",' in screen.splitlines()[1]
        term.send(ENTER)
        assert term.exit_code() == 0
    assert cognito.admin_get_user(UserPoolId=pool_id, Username=USERNAME)["UserStatus"] == \
        "CONFIRMED"


def test_a_bad_shorthand_value_is_flagged_before_enter(tmp_path):
    environ = {"HOME": str(tmp_path), "PATH": os.environ["PATH"], "TERM": "xterm"}
    with Terminal(["cognito-idp", "admin-confirm-sign-up", "--user-pool-id", "p",
                   "--username", "u", "--cli-auto-prompt"], environ) as term:
        term.wait_for(KEYS)
        term.send("--client-metadata ke")
        screen = term.wait_for("Error parsing parameter '--client-metadata': Expected: '=', "
                               "received: 'EOF' for input:")
        # The message the command would print, caret and all, under the line.
        lines = screen.splitlines()
        at = lines.index(" ke")
        assert lines[at + 1] == "  ^"
        # The spot is marked on the line itself.
        row = next(i for i, line in enumerate(lines) if line.startswith("> aws"))
        column = lines[row].rindex("ke") + 1
        assert term.screen.buffer[row][column].underscore
        term.send("y=value")
        term.wait_for("--client-metadata key=value")
        assert "Error parsing parameter" not in term.settle()
        term.send(CTRL_C)
        assert term.exit_code() == 130


@pytest.mark.parametrize("key,code", [(CTRL_C, 130), (CTRL_D, 0)])
def test_leaving_without_running(key, code, tmp_path):
    environ = {"HOME": str(tmp_path), "PATH": os.environ["PATH"], "TERM": "xterm"}
    with Terminal(["sts", "get-caller-identity", "--cli-auto-prompt"], environ) as term:
        term.wait_for(KEYS)
        term.send(key)
        assert term.exit_code() == code
        # The abandoned line is left on the screen (on stderr); nothing ran.
        assert term.text() == "> aws sts get-caller-identity"
    assert not os.path.exists(os.path.join(tmp_path, ".aws", "cli", "cache"))


def test_enter_runs_as_the_shell_would_even_when_it_fails(tmp_path):
    """The edited line fails as it would when typed: its message, its exit code, no new prompt."""
    environ = {"HOME": str(tmp_path), "PATH": os.environ["PATH"], "TERM": "xterm",
               "AWS_CLI_AUTO_PROMPT": "on"}
    with Terminal(["cognito-idp", "admin-confirm-sign-up"], environ) as term:
        term.wait_for(KEYS)
        term.send(ENTER)
        assert term.exit_code() == 252
        screen = term.text()
    assert "aws: [ERROR]: An error occurred (ParamValidation): the following arguments are " \
           "required: --user-pool-id, --username" in screen
    assert KEYS not in screen


def test_history_doc_and_output_panels(tmp_path):
    environ = {"HOME": str(tmp_path), "PATH": os.environ["PATH"], "TERM": "xterm"}
    line = "cognito-idp list-users --user-pool-id p --query Users[0].Username --output text"
    os.makedirs(tmp_path / ".aws" / "cli" / "cache")
    (tmp_path / ".aws" / "cli" / "cache" / "prompt_history.json").write_text(
        json.dumps({"version": 1, "commands": ["sts get-caller-identity", line]}))
    with Terminal(["--cli-auto-prompt"], environ) as term:
        term.wait_for(KEYS)
        term.send(UP)  # the last line of the last session
        term.wait_for(f"> aws {line}")
        term.send(F5)  # the output panel: a sample, through --query and --output
        lines = term.wait_for("Output (a sample)").splitlines()
        title = next(i for i, row in enumerate(lines) if "Output (a sample)" in row)
        assert lines[title + 1] == "Username"  # the sample's Users[0].Username, as text
        term.send(F5 + F3)  # the documentation of what is under the cursor: --output
        screen = term.wait_for("Documentation", "--output (string)")
        assert "The formatting style for command output." in screen
        term.send("\x1b[D" * len(line.split(" --query")[1]) + "\x1b[D" * 18)
        screen = term.wait_for("--user-pool-id (string) [required]")
        term.send(CTRL_D)
        assert term.exit_code() == 0


def test_history_search(tmp_path):
    environ = {"HOME": str(tmp_path), "PATH": os.environ["PATH"], "TERM": "xterm"}
    os.makedirs(tmp_path / ".aws" / "cli" / "cache")
    (tmp_path / ".aws" / "cli" / "cache" / "prompt_history.json").write_text(json.dumps(
        {"version": 1, "commands": ["sts get-caller-identity", "ec2 describe-regions",
                                    "sts get-session-token"]}))
    with Terminal(["--cli-auto-prompt"], environ) as term:
        term.wait_for(KEYS)
        term.send("sts")
        term.send("\x12")  # Ctrl-R: the earlier lines holding "sts", newest first
        lines = term.wait_for("sts get-session-token").splitlines()
        assert [row.strip() for row in lines[1:3]] == ["sts get-session-token",
                                                      "sts get-caller-identity"]
        assert "ec2 describe-regions" not in term.text()
        term.send(DOWN + DOWN + ENTER)
        term.wait_for("> aws sts get-caller-identity")
        term.send(CTRL_D)
        assert term.exit_code() == 0
