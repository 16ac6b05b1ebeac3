"""A real pseudo-terminal for the prompt's tests: a process under pexpect, its screen under pyte.

    with Terminal(["cognito-idp", "--cli-auto-prompt"], environ) as term:
        term.wait_for("> aws cognito-idp")
        term.send("adm")
        ...
        assert term.exit_code() == 0

The screen is what a user would see (pyte interprets the escape codes);
cursor position requests are answered as a terminal answers them, so the
prompt behaves as on a real one. Every wait has a timeout: a test that
expects no prompt proves it by the process ending in time.
"""

from __future__ import annotations

import os
import sys
import time

import pexpect
import pyte

AWS = os.path.join(os.path.dirname(sys.executable), "aws")
ROWS, COLUMNS = 40, 160

# Keys as a terminal sends them.
ENTER, TAB, CTRL_C, CTRL_D, ALT_ENTER = "\r", "\t", "\x03", "\x04", "\x1b\r"
F1, F2, F3, F5 = "\x1bOP", "\x1bOQ", "\x1bOR", "\x1b[15~"


class Terminal:
    """`aws argv` (or any command, with `command=`) on a terminal of ROWS x COLUMNS."""

    def __init__(self, argv: list[str], environ: dict[str, str], *, command: str = AWS,
                 timeout: float = 20):
        self.timeout = timeout
        self.screen = pyte.Screen(COLUMNS, ROWS)
        self.stream = pyte.Stream(self.screen)
        self.transcript = ""  # everything the process wrote, escape codes and all
        self.child = pexpect.spawn(command, argv, env=environ, dimensions=(ROWS, COLUMNS),
                                   encoding="utf-8", codec_errors="replace")
        self.screen.write_process_input = self.child.send  # answers to cursor requests

    def __enter__(self) -> "Terminal":
        return self

    def __exit__(self, *exc) -> None:
        if self.child.isalive():
            self.child.terminate(force=True)

    def _read(self, wait: float) -> bool:
        """Feed what arrives within `wait` seconds to the screen; False once the process ended."""
        try:
            data = self.child.read_nonblocking(65536, timeout=wait)
        except pexpect.TIMEOUT:
            return True
        except pexpect.EOF:
            return False
        self.transcript += data
        self.stream.feed(data)
        return True

    def text(self) -> str:
        return "\n".join(line.rstrip() for line in self.screen.display).rstrip()

    def wait_for(self, *texts: str, timeout: float | None = None) -> str:
        """The screen once it shows every one of `texts`; fails (with the screen) after the timeout."""
        end = time.monotonic() + (timeout or self.timeout)
        while True:
            alive = self._read(0.05)
            screen = self.text()
            if all(t in screen for t in texts):
                return screen
            if not alive or time.monotonic() > end:
                raise AssertionError(f"never shown: {texts!r}; the screen:\n{screen}")

    def settle(self, quiet: float = 0.3) -> str:
        """The screen once nothing more has arrived for `quiet` seconds."""
        end = time.monotonic() + self.timeout
        while time.monotonic() < end:
            before = self.transcript
            if not self._read(quiet) or self.transcript == before:
                break
        return self.text()

    def send(self, keys: str) -> None:
        self.child.send(keys)

    def exit_code(self) -> int:
        """The process's exit code, once it has ended (within the timeout)."""
        end = time.monotonic() + self.timeout
        while self._read(0.1):
            if time.monotonic() > end:
                raise AssertionError(f"still running after {self.timeout}s; the screen:\n"
                                     f"{self.text()}")
        self.child.close()
        if self.child.signalstatus is not None:
            return -self.child.signalstatus
        return self.child.exitstatus


def row_of(screen: str, text: str) -> str:
    """The first line of the screen holding `text`."""
    return next(line for line in screen.splitlines() if text in line)
