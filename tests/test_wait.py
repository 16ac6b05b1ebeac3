"""Wait commands against a real moto server: success is silent, every way of
failing is v2's one line and exit 255; the pace options; argument errors;
skeletons; and the help pages of wait commands."""

from __future__ import annotations

import io
import json
import os

import pytest

from cli.catalog import Catalog
from cli.env import Env
from cli.main import main
from tests.runner import run


def error_line(text: str) -> str:
    return f"\naws: [ERROR]: {text}\n"


@pytest.fixture(scope="module")
def table(moto):
    name = "wait-table"
    result = run(["dynamodb", "create-table", "--table-name", name,
                  "--attribute-definitions", "AttributeName=k,AttributeType=S",
                  "--key-schema", "AttributeName=k,KeyType=HASH",
                  "--billing-mode", "PAY_PER_REQUEST"], moto.environ())
    assert result.exit_code == 0, result.stderr
    return name


# -- success ---------------------------------------------------------------------


def test_table_exists_succeeds_silently(moto, table):
    assert run(["dynamodb", "wait", "table-exists", "--table-name", table],
               moto.environ()) == ("", "", 0)


def test_table_not_exists_succeeds_for_a_missing_table(moto):
    assert run(["dynamodb", "wait", "table-not-exists", "--table-name", "never-made"],
               moto.environ()) == ("", "", 0)


def test_cli_input_json_gives_the_waiter_its_parameters(moto, table):
    result = run(["dynamodb", "wait", "table-exists", "--cli-input-json",
                  json.dumps({"TableName": table})], moto.environ())
    assert result == ("", "", 0)


def test_cli_input_yaml_and_the_command_line_together(moto, table):
    # The command line wins over the document, as for any operation.
    result = run(["dynamodb", "wait", "table-exists", "--cli-input-yaml", "TableName: missing",
                  "--table-name", table], moto.environ())
    assert result == ("", "", 0)


def test_output_and_query_are_accepted_and_print_nothing(moto, table):
    result = run(["dynamodb", "wait", "table-exists", "--table-name", table,
                  "--output", "text", "--query", "Table"], moto.environ())
    assert result == ("", "", 0)


# -- failures: v2's line, exit 255 --------------------------------------------------


def test_running_out_of_attempts(moto):
    result = run(["dynamodb", "wait", "table-exists", "--table-name", "missing",
                  "--waiter-delay", "0", "--waiter-max-attempts", "2"], moto.environ())
    assert result == ("", error_line(
        "Waiter TableExists failed: Max attempts exceeded. Previously accepted state: "
        "Matched expected service error code: ResourceNotFoundException"), 255)


def test_a_failure_state_ends_the_wait_at_once(moto):
    result = run(["cloudformation", "wait", "stack-create-complete", "--stack-name", "nope"],
                 moto.environ())
    assert result == ("", error_line(
        "Waiter StackCreateComplete failed: Waiter encountered a terminal failure state: "
        "Matched expected service error code: ValidationError"), 255)


def test_a_terminated_instance_fails_instance_running(moto):
    environ = moto.environ()
    started = run(["ec2", "run-instances", "--image-id", "ami-12c6146b", "--count", "1",
                   "--query", "Instances[0].InstanceId", "--output", "text"], environ)
    instance = started.stdout.strip()
    assert run(["ec2", "terminate-instances", "--instance-ids", instance], environ).exit_code == 0
    result = run(["ec2", "wait", "instance-running", "--instance-ids", instance], environ)
    assert result == ("", error_line(
        'Waiter InstanceRunning failed: Waiter encountered a terminal failure state: For '
        'expression "Reservations[].Instances[].State.Name" we matched expected path: '
        '"terminated" at least once'), 255)


def test_a_service_error_while_waiting(moto):
    result = run(["ecs", "wait", "services-stable", "--cluster", "nope", "--services", "web"],
                 moto.environ())
    assert result == ("", error_line(
        "Waiter ServicesStable failed: An error occurred (ClusterNotFoundException): "
        "Cluster not found."), 255)


def test_timing_out_says_so(moto):
    result = run(["dynamodb", "wait", "table-exists", "--table-name", "missing",
                  "--waiter-delay", "0.1", "--waiter-timeout", "0.35"], moto.environ())
    assert result.exit_code == 255 and result.stdout == ""
    assert result.stderr.startswith(error_line(
        "Waiter TableExists failed: Timed out after 0.35 seconds (--waiter-timeout), ")[:-1])
    assert result.stderr.endswith(" checks made\n") and result.stderr.count("\n") == 2


def test_a_timeout_lifts_the_models_attempt_limit(moto, tmp_path):
    """With --waiter-timeout alone, the model's maxAttempts no longer ends the wait."""
    import gzip
    import json

    # A copy of dynamodb's waiters whose TableExists gives up after 2 checks.
    import botocore

    data = os.path.join(os.path.dirname(botocore.__file__), "data", "dynamodb")
    version = sorted(os.listdir(data))[-1]
    path = os.path.join(data, version, "waiters-2.json")
    opener = gzip.open if not os.path.exists(path) else open
    with opener(path if os.path.exists(path) else path + ".gz", "rt") as f:
        waiters = json.load(f)
    waiters["waiters"]["TableExists"].update(delay=1, maxAttempts=2)
    target = tmp_path / "models" / "dynamodb" / version
    target.mkdir(parents=True)
    (target / "waiters-2.json").write_text(json.dumps(waiters))
    environ = {**moto.environ(), "AWS_DATA_PATH": str(tmp_path / "models")}
    argv = ["dynamodb", "wait", "table-exists", "--table-name", "missing",
            "--waiter-delay", "0.05"]
    limited = run(argv, environ)
    assert limited.exit_code == 255 and "Max attempts exceeded" in limited.stderr
    timed = run([*argv, "--waiter-timeout", "1.5"], environ)
    checks = int(timed.stderr.split("), ")[1].split()[0])
    assert timed.exit_code == 255 and "--waiter-timeout" in timed.stderr and checks > 2


def test_progress_on_a_terminal_and_silence_when_piped(moto):
    argv = ["dynamodb", "wait", "table-exists", "--table-name", "missing",
            "--waiter-delay", "0.3", "--waiter-max-attempts", "2"]
    environ = moto.environ()
    saved = dict(os.environ)
    os.environ.update(environ)  # botocore reads the process environment
    try:
        for tty in (True, False):
            err = io.StringIO()
            env = Env(environ=environ, stdin=io.StringIO(), stdout=io.StringIO(), stderr=err,
                      stdout_isatty=False, stderr_isatty=tty)
            assert main(argv, env) == 255
            shown = err.getvalue()
            assert ("Waiting for TableExists: 1 of 2 checks made" in shown) is tty
            assert shown.endswith("Matched expected service error code: "
                                  "ResourceNotFoundException\n")
    finally:
        os.environ.clear()
        os.environ.update(saved)


# -- argument errors, locally ---------------------------------------------------------

ARGUMENT_ERRORS = [
    (["dynamodb", "wait"], "An error occurred (ParamValidation): usage: aws [options] "
     "dynamodb wait <subcommand> [parameters]\naws: [ERROR]: too few arguments\n"),
    (["dynamodb", "wait", "--table-name"], "(ParamValidation): Unknown options: --table-name\n"),
    (["dynamodb", "wait", "tabel-exists"],
     "argument subcommand: Found invalid choice 'tabel-exists'\n\nMaybe you meant:\n\n"
     "  * table-exists\n\nusage: aws [options]"),
    (["dynamodb", "wait", "--table-name", "t", "table-exists"],
     "Found invalid choice 't'\n\n\nusage:"),
    (["sts", "wait"], "argument operation: Found invalid choice 'wait'"),
    (["dynamodb", "wait", "table-exists"], "the following arguments are required: --table-name"),
    (["dynamodb", "wait", "table-exists", "--table-name", "t", "--bogus"],
     "\nusage: aws [options]"),
    (["dynamodb", "wait", "table-exists", "--table-name", "t", "--waiter-delay", "soon"],
     "argument --waiter-delay: invalid number of seconds value: 'soon'"),
    (["dynamodb", "wait", "table-exists", "--table-name", "t", "--waiter-delay"],
     "argument --waiter-delay: expected one argument"),
    (["dynamodb", "wait", "table-exists", "--table-name", "t", "--waiter-max-attempts=0"],
     "argument --waiter-max-attempts: must be at least 1: '0'"),
    (["dynamodb", "wait", "table-exists", "--table-name", "t", "--waiter-timeout", "-1"],
     "argument --waiter-timeout: must be at least 0: '-1'"),
    (["ec2", "wait", "instance-running", "--page-size", "5"],
     "--page-size: not available on wait commands"),
]


@pytest.mark.parametrize("argv,phrase", ARGUMENT_ERRORS, ids=[" ".join(a) for a, _ in ARGUMENT_ERRORS])
def test_argument_errors(argv, phrase):
    result = run(argv, {**os.environ, "AWS_DEFAULT_REGION": "us-west-2"})
    assert (result.exit_code, result.stdout) == (252, "")
    assert phrase in result.stderr


def test_unknown_options_open_with_a_blank_line_as_in_v2():
    result = run(["dynamodb", "wait", "table-exists", "--table-name", "t", "--bogus"])
    assert result.stderr.startswith("\nusage: aws [options]")
    assert result.stderr.endswith("\naws: [ERROR]: Unknown options: --bogus\n")


# -- skeletons ---------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["input", "yaml-input", "json-schema"])
def test_skeleton_is_the_operations(kind):
    wait = run(["ec2", "wait", "instance-running", "--generate-cli-skeleton", kind])
    plain = run(["ec2", "describe-instances", "--generate-cli-skeleton", kind])
    assert wait.exit_code == 0 and wait.stderr == ""
    if kind == "json-schema":  # titled by the command
        assert json.loads(wait.stdout)["title"] == "ec2 wait instance-running"
        assert json.loads(wait.stdout)["properties"] == json.loads(plain.stdout)["properties"]
    else:
        assert wait.stdout == plain.stdout


def test_skeleton_option_before_the_waiter_name():
    result = run(["dynamodb", "wait", "--generate-cli-skeleton", "table-exists"])
    assert result == ('{\n    "TableName": ""\n}\n', "", 0)


# -- help pages ------------------------------------------------------------------------


def test_wait_help_lists_the_waiters():
    result = run(["dynamodb", "wait", "help"])
    waiters = list(Catalog(os.environ).waiters("dynamodb"))
    assert result.exit_code == 0 and "table-exists" in waiters
    listed = result.stdout.split("AVAILABLE COMMANDS\n")[1].split()
    assert [w for w in listed if w != "o"] == waiters


def test_service_help_lists_wait_only_where_there_are_waiters():
    assert "\n       o wait\n" in run(["dynamodb", "help"]).stdout
    assert "\n       o wait\n" not in run(["sts", "help"]).stdout


def test_waiter_help_page():
    for argv in (["dynamodb", "wait", "table-exists", "help"],
                 ["dynamodb", "wait", "table-exists", "--table-name", "t", "help"]):
        result = run(argv)
        text = " ".join(result.stdout.split())
        headings = [line for line in result.stdout.splitlines() if line.isupper()]
        assert headings == ["NAME", "DESCRIPTION", "SYNOPSIS", "OPTIONS", "GLOBAL OPTIONS",
                            "EXAMPLES", "OUTPUT"]
        assert "NAME table-exists -" in text
        assert ("Waits until the JMESPath query Table.TableStatus on the response of "
                "describe-table gives ACTIVE.") in text
        assert "every 20 seconds, at most 25 times" in text
        for option in ("--table-name (string) [required]", "--waiter-delay (float)",
                       "--waiter-max-attempts (integer)", "--waiter-timeout (float)",
                       "[--waiter-timeout <value>]", "--generate-cli-skeleton (string)"):
            assert option in text
        assert "aws dynamodb wait table-exists \\" in result.stdout
        assert text.endswith("OUTPUT None")


def test_a_waiters_failure_states_are_described():
    text = " ".join(run(["ec2", "wait", "instance-running", "help"]).stdout.split())
    assert ("It stops at once, with exit code 255, when the JMESPath query "
            "Reservations[].Instances[].State.Name on the response of describe-instances "
            "gives shutting-down for at least one element") in text


def test_a_models_own_description_is_used():
    config = Catalog(os.environ).waiters("cloudformation")["change-set-create-complete"]
    assert config["description"]
    text = " ".join(run(["cloudformation", "wait", "change-set-create-complete",
                         "help"]).stdout.split())
    assert "DESCRIPTION " + " ".join(config["description"].split()) + " It calls" in text
