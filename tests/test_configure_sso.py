"""aws configure sso / sso-session: questions from a pipe and on a real terminal (pty), the
account and role from the stub portal's lists, the sections written as v2 writes them."""

import os

import pytest

from tests.runner import run, run_process
from tests.sso_stub import ACCOUNTS, IdentityCenterStub
from tests.terminal import ENTER, Terminal

DOWN_KEY = "\x1b[B"

START_URL = "https://d-1234567890.awsapps.com/start"
SESSION = ("[sso-session corp]\nsso_start_url = https://d-1234567890.awsapps.com/start\n"
           "sso_region = us-east-1\nsso_registration_scopes = sso:account:access\n")


def _environ(tmp_path, stub):
    return {"HOME": str(tmp_path), "PATH": os.environ.get("PATH", ""), "AWS_PAGER": "",
            **stub.environ()}


def _config(tmp_path):
    return (tmp_path / ".aws" / "config").read_text()


@pytest.fixture
def one_account():
    with IdentityCenterStub(accounts=ACCOUNTS[:1]) as server:
        yield server


@pytest.fixture
def two_accounts():
    with IdentityCenterStub() as server:
        yield server


def test_sso_session_from_a_pipe_writes_v2s_section(tmp_path, one_account):
    result = run(["configure", "sso-session"], _environ(tmp_path, one_account),
                 stdin=f"corp\n{START_URL}\nus-east-1\n\n")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "SSO session name: SSO start URL [None]: SSO region [None]: "
        "SSO registration scopes [sso:account:access]: \n"
        "Completed configuring SSO session: corp\nRun the following to login and refresh "
        "access token for this session:\n\naws sso login --sso-session corp\n")
    assert _config(tmp_path) == SESSION


@pytest.mark.parametrize("answers, message", [
    ("corp\nnot a url\n", "SSO start URL: Not a valid Start URL"),
    ("\n", "SSO session name: A value is required"),
    (f"corp\n{START_URL}\nus-east-1\na b\n", "Scope values must be separated by commas"),
])
def test_sso_session_refuses_bad_answers_and_writes_nothing(tmp_path, one_account, answers,
                                                            message):
    result = run(["configure", "sso-session"], _environ(tmp_path, one_account), stdin=answers)
    assert result.exit_code == 255 and message in result.stderr
    assert not (tmp_path / ".aws").exists()


def test_sso_with_one_account_and_role_from_a_pipe(tmp_path, one_account):
    environ = _environ(tmp_path, one_account)
    result = run(["configure", "sso", "--use-device-code", "--no-browser"], environ,
                 stdin=f"corp\n{START_URL}\nus-east-1\n\nus-west-2\njson\n\n")
    assert result.exit_code == 0, result.stderr
    assert ("The only AWS account available to you is: 111111111111\nUsing the account ID "
            "111111111111\nThe only role available to you is: ReadOnly\nUsing the role name "
            '"ReadOnly"\n') in result.stdout
    assert result.stdout.endswith(
        "Default client Region [None]: CLI default output format (json if not specified) "
        "[None]: Profile name [ReadOnly-111111111111]: To use this profile, specify the "
        "profile name using --profile, as shown:\n\n"
        "aws sts get-caller-identity --profile ReadOnly-111111111111\n")
    assert _config(tmp_path) == (
        "[profile ReadOnly-111111111111]\nsso_session = corp\nsso_account_id = 111111111111\n"
        "sso_role_name = ReadOnly\nregion = us-west-2\noutput = json\n" + SESSION)
    # the profile works: role credentials through the cached token (a process of its own:
    # botocore fixes its token folder from HOME when imported)
    exported = run_process(["configure", "export-credentials", "--profile", "ReadOnly-111111111111",
                    "--format", "env-no-export"], environ)
    assert "AWS_ACCESS_KEY_ID=ASIA111111111111" in exported.stdout.splitlines()


def test_sso_with_an_existing_session_reuses_its_token(tmp_path, one_account):
    environ = _environ(tmp_path, one_account)
    run(["configure", "sso-session"], environ, stdin=f"corp\n{START_URL}\nus-east-1\n\n")
    run(["sso", "login", "--sso-session", "corp", "--use-device-code", "--no-browser"], environ)
    signed_in = one_account.operations().count("CreateToken")
    result = run(["configure", "sso", "--profile", "dev"], environ, stdin="corp\n\n\n")
    assert result.exit_code == 0, result.stderr
    assert one_account.operations().count("CreateToken") == signed_in
    assert result.stdout.startswith("SSO session name (Recommended): The only AWS account")
    assert _config(tmp_path) == SESSION + (
        "[profile dev]\nsso_session = corp\nsso_account_id = 111111111111\n"
        "sso_role_name = ReadOnly\n")


def test_legacy_profile_keeps_sign_in_settings_in_the_profile(tmp_path, one_account):
    result = run(["configure", "sso", "--use-device-code", "--no-browser", "--profile", "old"],
                 _environ(tmp_path, one_account), stdin=f"\n{START_URL}\nus-east-1\n\n\n")
    assert result.exit_code == 0, result.stderr
    assert "WARNING: Configuring using legacy format" in result.stdout
    assert _config(tmp_path) == (
        f"[profile old]\nsso_start_url = {START_URL}\nsso_region = us-east-1\n"
        "sso_account_id = 111111111111\nsso_role_name = ReadOnly\n")


def test_choosing_without_a_terminal_is_a_clear_error_and_writes_nothing(tmp_path,
                                                                        two_accounts):
    result = run(["configure", "sso", "--use-device-code", "--no-browser"],
                 _environ(tmp_path, two_accounts),
                 stdin=f"corp\n{START_URL}\nus-east-1\n\n")
    assert result.exit_code == 255
    assert result.stderr.startswith("\naws: [ERROR]: Choosing an AWS account needs a "
                                    "terminal; 2 are available: dev, dev@example.com "
                                    "(111111111111), prod, prod@example.com (222222222222)")
    assert not (tmp_path / ".aws" / "config").exists()


def test_choosing_account_and_role_on_a_terminal(tmp_path, two_accounts):
    environ = dict(_environ(tmp_path, two_accounts), TERM="xterm")
    argv = ["configure", "sso", "--use-device-code", "--no-browser"]
    with Terminal(argv, environ) as term:
        term.wait_for("SSO session name (Recommended):")
        term.send("corp" + ENTER)
        term.wait_for("SSO start URL [None]:")
        term.send(START_URL + ENTER)
        term.wait_for("SSO region [None]:")
        term.send("us-east-1" + ENTER)
        term.wait_for("SSO registration scopes [sso:account:access]:")
        term.send(ENTER)
        term.wait_for("prod, prod@example.com (222222222222)")
        term.send(DOWN_KEY)
        term.settle()
        term.send(ENTER)
        term.wait_for("Using the account ID 222222222222")
        term.wait_for("ReadOnly")
        term.send(ENTER)  # Admin, the first of the sorted roles
        term.wait_for("Default client Region [None]:")
        term.send(ENTER)
        term.wait_for("CLI default output format")
        term.send(ENTER)
        term.wait_for("Profile name [Admin-222222222222]:")
        term.send(ENTER)
        term.wait_for("aws sts get-caller-identity --profile Admin-222222222222")
        assert term.exit_code() == 0
    assert _config(tmp_path) == (
        "[profile Admin-222222222222]\nsso_session = corp\nsso_account_id = 222222222222\n"
        "sso_role_name = Admin\n" + SESSION)
