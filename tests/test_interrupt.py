"""Ctrl-C at any moment: a real SIGINT to a real `aws` process, exit 130, at most one line.

The moments are taken from the process itself: with PYTHONPROFILEIMPORTTIME the interpreter
reports each import as it completes, so a SIGINT can be sent a known time after shapecli's
own code has started (the `cli` package imported), through the imports of the call path
and into the call, which hangs on a server that never answers. Before shapecli's first
statement the interpreter is still starting; a SIGINT at the very start ends the process
by the signal's default action (status 130 in a shell, -2 here), silently.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time

import pytest

from tests.fault_server import FaultServer
from tests.runner import AWS

PROFILE = "import time:"


def environ(tmp_path, **extra) -> dict[str, str]:
    env = {"HOME": str(tmp_path), "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
           "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
           "AWS_DEFAULT_REGION": "us-west-2", "AWS_PAGER": ""}
    env.update(extra)
    return env


def assert_interrupted(proc: subprocess.Popen, stderr: str, *, allow_signal: bool = False):
    codes = (130, -signal.SIGINT) if allow_signal else (130,)
    said = [line for line in stderr.splitlines() if line.strip() and not line.startswith(PROFILE)]
    assert proc.returncode in codes, (proc.returncode, stderr[-2000:])
    assert len(said) <= 1, said
    assert "Traceback" not in stderr and "Exception ignored" not in stderr, stderr[-2000:]


@pytest.fixture(scope="module")
def hanging():
    with FaultServer("hang") as server:
        yield server


@pytest.mark.parametrize("delay", [0, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.4])
def test_sigint_after_shapecli_starts(tmp_path, hanging, delay):
    argv = [AWS, "cognito-idp", "list-user-pools", "--max-results", "1",
            "--cli-read-timeout", "20", "--endpoint-url", hanging.endpoint]
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=environ(tmp_path, PYTHONPROFILEIMPORTTIME="1"))
    seen = []
    for line in proc.stderr:  # until the interpreter reports the `cli` package imported
        seen.append(line)
        if line.startswith(PROFILE) and line.rsplit("|", 1)[-1].strip() == "cli":
            break
    time.sleep(delay)
    proc.send_signal(signal.SIGINT)
    out, rest = proc.communicate(timeout=30)
    assert out == ""
    assert_interrupted(proc, "".join(seen) + rest)


def test_sigint_at_the_very_start(tmp_path, hanging):
    for _ in range(3):
        proc = subprocess.Popen([AWS, "cognito-idp", "list-user-pools", "--endpoint-url",
                                 hanging.endpoint], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, env=environ(tmp_path))
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
        assert out == ""
        assert_interrupted(proc, err, allow_signal=True)


def test_sigint_while_waiting_for_stdin(tmp_path):
    # --cli-input-json - reads stdin: the process is certainly inside main().
    proc = subprocess.Popen([AWS, "cognito-idp", "list-users", "--cli-input-json", "-"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=environ(tmp_path))
    time.sleep(1.0)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert out == ""
    assert_interrupted(proc, err)
    assert err == "\n"
