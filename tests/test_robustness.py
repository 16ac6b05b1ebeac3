"""Bad surroundings of any kind: one line on stderr, v2's exit code, no traceback."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time

import pytest

from tests.runner import AWS, run_process

LIST = ["cognito-idp", "list-user-pools", "--max-results", "1"]


@pytest.fixture
def home(tmp_path):
    (tmp_path / ".aws").mkdir()
    return tmp_path


def environ(home, **extra):
    env = {"HOME": str(home), "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
           "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
           "AWS_DEFAULT_REGION": "us-west-2", "AWS_PAGER": ""}
    env.update(extra)
    return {k: v for k, v in env.items() if v is not None}


def assert_one_clean_error(result, code, phrase):
    assert result.exit_code == code, result
    assert "Traceback" not in result.stderr
    assert phrase in result.stderr
    assert len([line for line in result.stderr.splitlines() if line.strip()]) == 1


@pytest.mark.parametrize("files,env,phrase", [
    ({"config": "[default\nregion = us-east-1\n"}, {}, "Unable to parse config file"),
    ({"credentials": "[default]\naws_access_key_id = x\n"},
     {"AWS_ACCESS_KEY_ID": None, "AWS_SECRET_ACCESS_KEY": None}, "Partial credentials found"),
    ({}, {"AWS_MAX_ATTEMPTS": "abc"}, "Invalid configuration"),
    ({}, {"AWS_RETRY_MODE": "bogus"}, "Invalid value provided to \"mode\""),
    ({}, {"AWS_PROFILE": "nope"}, "The config profile (nope) could not be found"),
    ({"config": "[default]\ncli_timestamp_format = bogus\n"}, {},
     "(Configuration): Unknown cli_timestamp_format value: bogus"),
], ids=["config-syntax", "partial-credentials", "max-attempts", "retry-mode", "profile",
        "timestamp-format"])
def test_configuration_errors_exit_253(home, moto, files, env, phrase):
    for name, text in files.items():
        (home / ".aws" / name).write_text(text)
    result = run_process([*LIST, "--endpoint-url", moto.endpoint], environ(home, **env))
    assert_one_clean_error(result, 253, phrase)


def test_unknown_binary_format_is_a_configuration_error(home, moto):
    (home / ".aws" / "config").write_text("[default]\ncli_binary_format = bogus\n")
    result = run_process(["kms", "encrypt", "--key-id", "k", "--plaintext", "aGk=",
                          "--endpoint-url", moto.endpoint], environ(home))
    assert_one_clean_error(result, 253, "Unknown cli_binary_format value: bogus")


@pytest.mark.parametrize("argv", [["--version"], ["cognito-idp", "help"],
                                  ["cognito-idp", "admin-create-user",
                                   "--generate-cli-skeleton"]])
def test_full_disk_is_one_line(home, argv):
    with open("/dev/full", "w") as full:
        proc = subprocess.run([AWS, *argv], stdout=full, stderr=subprocess.PIPE, text=True,
                              env=environ(home))
    assert proc.returncode == 255
    assert proc.stderr.strip() == "aws: [ERROR]: No space left on device"


@pytest.mark.parametrize("argv", [["--version"], ["cognito-idp", "help"]])
def test_closed_stdout_is_one_line(home, argv):
    proc = subprocess.run([AWS, *argv], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True, env=environ(home), pass_fds=(),
                          preexec_fn=lambda: os.close(1))
    assert proc.returncode == 255
    assert "standard output is closed" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_interrupt_during_a_call_exits_130(home):
    # A server that accepts and never answers: the call waits until Ctrl-C.
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        endpoint = f"http://127.0.0.1:{silent.getsockname()[1]}"
        proc = subprocess.Popen([AWS, *LIST, "--endpoint-url", endpoint],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                env=environ(home))
        connection = None
        deadline = time.monotonic() + 30
        silent.settimeout(1)
        while connection is None and time.monotonic() < deadline:
            try:
                connection, _ = silent.accept()
            except socket.timeout:
                continue
        assert connection is not None, "the CLI never connected"
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
        connection.close()
    assert proc.returncode == 130
    assert "Traceback" not in err


def test_pipe_closed_early_ends_quietly(home, moto):
    cognito = ["cognito-idp", "list-user-pools", "--max-results", "60",
               "--endpoint-url", moto.endpoint]
    aws = subprocess.Popen([AWS, *cognito], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           env=environ(home))
    head = subprocess.run(["head", "-c", "1"], stdin=aws.stdout, capture_output=True)
    aws.stdout.close()
    err = aws.stderr.read().decode()
    aws.wait(timeout=30)
    assert head.stdout == b"{"
    assert "Traceback" not in err and "BrokenPipe" not in err


def test_an_outfile_that_cannot_be_written_is_one_line_in_v2s_words(recorder, home):
    target = home / "no-such-dir" / "object.bin"
    result = run_process(["s3api", "get-object", "--bucket", "b", "--key", "k", str(target),
                          "--endpoint-url", recorder.endpoint], environ(home))
    assert result.exit_code == 255
    assert result.stderr == (f"\naws: [ERROR]: [Errno 2] No such file or directory: "
                             f"'{target}'\n")
