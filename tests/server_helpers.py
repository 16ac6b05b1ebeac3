"""Helpers for the command server's tests: a private runtime directory, its server, processes.

Every test has a private XDG_RUNTIME_DIR, so its server is its own (and no other
test's, or user's, server is touched); the server is stopped at the end, and its log's
last line says how many commands it served, which is how a test knows that a command
was served rather than run by the client itself.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from tests.runner import AWS

SHAPECLI = os.path.join(os.path.dirname(sys.executable), "shapecli")
STARTER = ["cognito-idp", "admin-confirm-sign-up"]  # (a bare --version is never sent over)


@pytest.fixture
def served(moto, tmp_path):
    """(environ, Server) with the server on in a private runtime directory."""
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    environ = {**moto.environ(), "XDG_RUNTIME_DIR": str(runtime), "SHAPECLI_SERVER": "on"}
    server = Server(environ, runtime / "shapecli")
    yield environ, server
    server.stop()


class Server:
    def __init__(self, environ: dict[str, str], directory) -> None:
        self.environ = environ
        self.directory = directory

    def file(self, suffix: str) -> str:
        names = [n for n in os.listdir(self.directory) if n.endswith(suffix)]
        assert len(names) == 1, names
        return str(self.directory / names[0])

    def start(self) -> None:
        """The first command starts it (and runs itself); then wait until it answers."""
        assert aws(STARTER, self.environ).exit_code == 252
        end = time.monotonic() + 30
        while time.monotonic() < end:
            if "server:  running" in shapecli(["server", "status"], self.environ).stdout:
                return
            time.sleep(0.05)
        raise AssertionError("the server never answered")

    def pid(self) -> int:
        with open(self.file(".pid")) as f:
            return int(f.read())

    def stop(self) -> None:
        shapecli(["server", "stop"], self.environ)

    def served_count(self) -> int:
        """Stop the server; the number of commands its log says it served."""
        self.stop()
        end = time.monotonic() + 10
        while time.monotonic() < end:
            with open(self.file(".log")) as f:
                last = f.read().splitlines()[-1]
            if "stopped:" in last:
                return int(last.rpartition("(")[2].split()[0])
            time.sleep(0.05)
        raise AssertionError(f"the server did not stop: {last}")


class Done:
    def __init__(self, proc: subprocess.CompletedProcess) -> None:
        self.stdout, self.stderr, self.exit_code = proc.stdout, proc.stderr, proc.returncode


def aws(argv, environ, **kwargs) -> Done:
    return Done(subprocess.run([AWS, *argv], env=environ, capture_output=True, text=True,
                               timeout=60, stdin=subprocess.DEVNULL, **kwargs))


def shapecli(argv, environ) -> Done:
    return Done(subprocess.run([SHAPECLI, *argv], env=environ, capture_output=True, text=True,
                               timeout=60))


def write_config(path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
