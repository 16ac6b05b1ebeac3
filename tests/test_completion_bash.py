"""One real bash session: `complete -C aws_completer aws`, Tab pressed in a pseudo-terminal."""

from __future__ import annotations

import os
import pty
import select
import shutil
import sys
import time

import pytest

from cli.catalog import Catalog

COMPLETER = os.path.join(os.path.dirname(sys.executable), "aws_completer")
BASH = shutil.which("bash")

pytestmark = pytest.mark.skipif(BASH is None, reason="bash is not installed")


class Terminal:
    """An interactive bash on a pseudo-terminal: type keys, read what it shows."""

    def __init__(self, cwd: str, environ: dict[str, str]):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: an interactive bash, no startup files
            os.chdir(cwd)
            os.execve(BASH, [BASH, "--norc", "--noprofile", "-i"], environ)
        self.seen = ""

    def type(self, keys: str) -> None:
        os.write(self.fd, keys.encode())

    def wait_for(self, text: str, timeout: float = 30, after: int = 0) -> str:
        """Read until `text` has been shown (past offset `after`); everything shown so far."""
        end = time.monotonic() + timeout
        while text not in self.seen[after:]:
            left = end - time.monotonic()
            if left <= 0:
                raise AssertionError(f"{text!r} never appeared; the terminal shows {self.seen!r}")
            ready, _, _ = select.select([self.fd], [], [], min(left, 0.2))
            if ready:
                try:
                    self.seen += os.read(self.fd, 4096).decode(errors="replace")
                except OSError:
                    break
        return self.seen

    def close(self) -> None:
        self.type("exit\n")
        try:
            os.waitpid(self.pid, 0)
        finally:
            os.close(self.fd)


@pytest.fixture
def bash(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "table.json").write_text("{}")
    environ = {
        "PATH": os.pathsep.join([os.path.dirname(sys.executable), "/usr/bin", "/bin"]),
        "HOME": str(tmp_path),
        "TERM": "dumb",
        "PS1": "$ ",
        # The model cache the rest of the suite uses, so the first Tab is not a cold start.
        "SHAPECLI_CACHE_DIR": os.path.dirname(Catalog(os.environ).cache_dir),
    }
    terminal = Terminal(str(tmp_path), environ)
    terminal.type(f"complete -C {COMPLETER} aws\n")
    terminal.type("echo ready\n")
    terminal.wait_for("ready\r\n$ ")
    yield terminal
    terminal.close()


def shown_line(terminal: Terminal, keys: str, marker: str) -> str:
    """Type `keys` (with Tabs), then print the line bash made of them."""
    terminal.type(keys)
    time.sleep(0.1)
    # Home, then `echo <marker> ` before the line, then Enter: bash prints the completed line.
    terminal.type(f"\x01echo {marker} \n")
    printed = f"\r\n{marker} aws "  # echo's output, not the line being edited
    seen = terminal.wait_for(printed)
    seen = terminal.wait_for("\r\n", after=seen.rindex(printed) + len(printed))
    return seen.rsplit(printed, 1)[1].split("\r\n")[0].strip()


def test_tab_completes_waiters_options_and_paths(bash):
    assert shown_line(bash, "aws dynamodb wai\t", "one") == "dynamodb wait"
    assert shown_line(bash, "aws dynamodb wait table-ex\t", "two") == "dynamodb wait table-exists"
    line = shown_line(bash, "aws dynamodb wait table-exists --cli-input-j\tfile://s\t", "three")
    assert line == "dynamodb wait table-exists --cli-input-json file://sub/"
    line = shown_line(bash, "aws dynamodb create-table --billing-mode PAY\t", "four")
    assert line == "dynamodb create-table --billing-mode PAY_PER_REQUEST"
