"""ecs execute-command and ssm start-session: the call, then session-manager-plugin.

The service is the recording server (moto has neither operation); the plugin is a
real executable on PATH, a shell script that records how it was started.
"""

from __future__ import annotations

import json

import pytest

from tests.recording_server import Response
from tests.runner import run

TASK = "arn:aws:ecs:us-east-1:123456789012:task/web-cluster/0123abcd"
EXECUTE = ["ecs", "execute-command", "--cluster", "web-cluster", "--task", TASK,
           "--container", "web", "--interactive", "--command", "/bin/sh"]
SESSION = {"sessionId": "ecs-session-1", "streamUrl": "wss://ssm.example/1",
           "tokenValue": "token-1"}
EXECUTED = {"clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/web-cluster",
            "containerArn": "arn:aws:ecs:us-east-1:123456789012:container/1",
            "containerName": "web", "interactive": True, "session": SESSION, "taskArn": TASK}
TASKS = {"tasks": [{"containers": [{"name": "sidecar", "runtimeId": "rt-0"},
                                   {"name": "web", "runtimeId": "rt-1"}]}]}
STARTED = {"SessionId": "jane-0a1b", "TokenValue": "token-2", "StreamUrl": "wss://ssm.example/2"}


def _json(data: dict) -> Response:
    return Response(body=json.dumps(data).encode())


@pytest.fixture
def plugin(tmp_path):
    """A session-manager-plugin of a given version that records its argv and one variable."""
    directory = tmp_path / "bin"
    directory.mkdir()
    record = tmp_path / "plugin.txt"

    def install(version: str = "1.2.650.0", status: int = 0):
        script = directory / "session-manager-plugin"
        script.write_text(
            "#!/bin/sh\n"
            f'if [ "$1" = "--version" ]; then echo "{version}"; exit 0; fi\n'
            f'printf "%s\\n" "$@" > "{record}"\n'
            f'printf "%s\\n" "${{AWS_SSM_START_SESSION_RESPONSE:-unset}}" >> "{record}"\n'
            f"exit {status}\n")
        script.chmod(0o755)
        return record

    install.directory = str(directory)
    return install


def _environ(tmp_path, recorder, path: str) -> dict:
    return {"HOME": str(tmp_path), "PATH": path, "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": "us-east-1",
            "AWS_MAX_ATTEMPTS": "1", "AWS_ENDPOINT_URL": recorder.endpoint}


def test_execute_command_hands_the_session_to_the_plugin(recorder, tmp_path, plugin):
    record = plugin()
    recorder.responses += [_json(EXECUTED), _json(TASKS)]
    result = run(EXECUTE, _environ(tmp_path, recorder, plugin.directory))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    targets = [r.headers["x-amz-target"].split(".")[-1] for r in recorder.requests]
    assert targets == ["ExecuteCommand", "DescribeTasks"]
    assert recorder.requests[1].json() == {"cluster": "web-cluster", "tasks": ["0123abcd"]}
    argv = record.read_text().splitlines()
    assert json.loads(argv[0]) == SESSION
    assert argv[1:4] == ["us-east-1", "StartSession", ""]
    assert json.loads(argv[4]) == {"Target": "ecs:web-cluster_0123abcd_rt-1"}
    assert argv[5] == recorder.endpoint


def test_execute_command_without_the_plugin_sends_nothing(recorder, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run(EXECUTE, _environ(tmp_path, recorder, str(empty)))
    assert result.exit_code == 255
    assert result.stderr.strip().splitlines() == [
        "aws: [ERROR]: SessionManagerPlugin is not found. Please refer to SessionManager "
        "Documentation here: http://docs.aws.amazon.com/console/systems-manager/"
        "session-manager-plugin-not-found"]
    assert recorder.requests == []


@pytest.mark.parametrize("version,in_environment", [("1.2.650.0", True),
                                                    ("1.2.497.0", False),
                                                    ("not a version", False)])
def test_start_session_passes_the_answer_as_the_plugin_reads_it(recorder, tmp_path, plugin,
                                                                version, in_environment):
    record = plugin(version)
    (tmp_path / ".aws").mkdir()
    (tmp_path / ".aws" / "config").write_text(
        "[profile ops]\naws_access_key_id = testing\naws_secret_access_key = testing\n")
    recorder.responses.append(_json(STARTED))
    result = run(["ssm", "start-session", "--target", "i-0123", "--profile", "ops"],
                 _environ(tmp_path, recorder, plugin.directory))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    argv = record.read_text().splitlines()
    if in_environment:
        assert argv[0] == "AWS_SSM_START_SESSION_RESPONSE"
        assert json.loads(argv[-1]) == STARTED
    else:
        assert json.loads(argv[0]) == STARTED and argv[-1] == "unset"
    assert argv[1:4] == ["us-east-1", "StartSession", "ops"]
    assert json.loads(argv[4]) == {"Target": "i-0123"}


def test_start_session_without_the_plugin_ends_the_session(recorder, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    recorder.responses.append(_json(STARTED))
    result = run(["ssm", "start-session", "--target", "i-0123"],
                 _environ(tmp_path, recorder, str(empty)))
    assert result.exit_code == 255
    assert "SessionManagerPlugin is not found." in result.stderr
    targets = [r.headers["x-amz-target"].split(".")[-1] for r in recorder.requests]
    assert targets == ["StartSession", "TerminateSession"]
    assert recorder.requests[1].json() == {"SessionId": "jane-0a1b"}


def test_an_answer_without_a_session_is_one_line(recorder, tmp_path, plugin):
    plugin()
    result = run(["ssm", "start-session", "--target", "i-0123"],
                 _environ(tmp_path, recorder, plugin.directory))
    assert result.exit_code == 255
    assert result.stderr.strip().splitlines() == [
        "aws: [ERROR]: StartSession answered without 'SessionId', which the session needs"]


def test_a_failing_plugin_is_one_line(recorder, tmp_path, plugin):
    plugin(status=3)
    recorder.responses.append(_json(STARTED))
    result = run(["ssm", "start-session", "--target", "i-0123"],
                 _environ(tmp_path, recorder, plugin.directory))
    assert result.exit_code == 255
    assert result.stderr.strip() == "aws: [ERROR]: session-manager-plugin ended with exit status 3"


def test_help_and_skeleton_as_for_any_operation(recorder, tmp_path):
    environ = _environ(tmp_path, recorder, "")
    page = run(["ssm", "start-session", "help"], environ).stdout
    assert page.split("\nOUTPUT\n")[1].split()[0] == "None"
    # One session at a time: no batch mode (its options are unknown, as on a wait command).
    assert "--cli-input-json" in page and "--cli-input-jsonl" not in page
    batch = run([*EXECUTE, "--cli-input-jsonl", "-"], environ)
    assert batch.exit_code == 252 and "Unknown options: --cli-input-jsonl" in batch.stderr
    skeleton = run(["ecs", "execute-command", "--generate-cli-skeleton"], environ)
    assert skeleton.exit_code == 0 and "interactive" in json.loads(skeleton.stdout)
    assert recorder.requests == []
