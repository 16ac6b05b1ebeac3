"""Real shells in a pseudo-terminal, Tab pressed: bash with `complete -C aws_completer aws`,
and zsh both through bashcompinit and with the README's native function."""

from __future__ import annotations

import os
import pty
import re
import select
import shutil
import sys
import time

import pytest

from cli.catalog import Catalog

COMPLETER = os.path.join(os.path.dirname(sys.executable), "aws_completer")
README = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "README.md")
BASH, ZSH = shutil.which("bash"), shutil.which("zsh")
# CI installs every shell (.ci/run): there a missing one fails instead of skipping.
IN_CI = os.environ.get("CI") == "true"


class Terminal:
    """An interactive bash on a pseudo-terminal: type keys, read what it shows."""

    def __init__(self, argv: list[str], cwd: str, environ: dict[str, str]):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: an interactive shell, no startup files
            os.chdir(cwd)
            os.execve(argv[0], argv, environ)
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


def start(shell: list[str], setup: str, tmp_path) -> Terminal:
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
    terminal = Terminal(shell, str(tmp_path), environ)
    for line in setup.splitlines():
        terminal.type(line + "\n")
    terminal.type("echo ready\n")
    terminal.wait_for("\r\nready\r\n")
    return terminal


def readme_zsh_function() -> str:
    with open(README, encoding="utf-8") as f:
        return re.search(r"```zsh\n(.*?)```", f.read(), re.S).group(1)


ZSH_SETUPS = {
    "bashcompinit": "autoload -Uz compinit && compinit -u\n"
                    "autoload -Uz bashcompinit && bashcompinit\ncomplete -C aws_completer aws",
    "native": "autoload -Uz compinit && compinit -u\n" + readme_zsh_function(),
}


def shown_line(terminal: Terminal, keys: str, marker: str) -> str:
    """Type `keys` (with Tabs), then print the line the shell made of them."""
    terminal.type(keys)
    time.sleep(0.1)
    # Home, then `echo <marker> ` before the line, then Enter: the shell prints the line.
    terminal.type(f"\x01echo {marker} \n")
    printed = f"\r\n{marker} aws "  # echo's output, not the line being edited
    seen = terminal.wait_for(printed)
    seen = terminal.wait_for("\r\n", after=seen.rindex(printed) + len(printed))
    return seen.rsplit(printed, 1)[1].split("\r\n")[0].strip()


def check_session(terminal: Terminal) -> None:
    try:
        assert shown_line(terminal, "aws dynamodb wai\t", "one") == "dynamodb wait"
        assert shown_line(terminal, "aws dynamodb wait table-ex\t", "two") == \
            "dynamodb wait table-exists"
        line = shown_line(terminal, "aws dynamodb wait table-exists --cli-input-j\tfile://s\t",
                          "three")
        assert line == "dynamodb wait table-exists --cli-input-json file://sub/"
        line = shown_line(terminal, "aws dynamodb create-table --billing-mode PAY\t", "four")
        assert line == "dynamodb create-table --billing-mode PAY_PER_REQUEST"
        line = shown_line(terminal, "aws --output=j\t", "five")
        assert line == "--output=json"
    finally:
        terminal.close()


@pytest.mark.skipif(BASH is None and not IN_CI, reason="bash is not installed")
def test_bash(tmp_path):
    terminal = start([BASH, "--norc", "--noprofile", "-i"],
                     f"complete -C {COMPLETER} aws", tmp_path)
    check_session(terminal)


@pytest.mark.skipif(ZSH is None and not IN_CI, reason="zsh is not installed")
@pytest.mark.parametrize("setup", list(ZSH_SETUPS))
def test_zsh(setup, tmp_path):
    check_session(start([ZSH, "-f", "-i"], ZSH_SETUPS[setup], tmp_path))
