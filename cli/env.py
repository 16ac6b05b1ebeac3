"""Side effects come in through one small object, so tests can run the CLI in-process."""

from __future__ import annotations

TYPE_CHECKING = False  # typing costs milliseconds at every keystroke
if TYPE_CHECKING:
    from typing import IO, Mapping

import os
import sys


class Env:
    """The process's environment, streams and terminal facts."""

    __slots__ = ("environ", "stdin", "stdout", "stderr", "stdout_isatty", "stderr_isatty")

    def __init__(self, environ: Mapping[str, str] | None = None, stdin: IO[str] | None = None,
                 stdout: IO[str] | None = None, stderr: IO[str] | None = None,
                 stdout_isatty: bool | None = None, stderr_isatty: bool | None = None):
        self.environ = dict(os.environ) if environ is None else environ
        self.stdin = sys.stdin if stdin is None else stdin
        self.stdout = sys.stdout if stdout is None else stdout
        self.stderr = sys.stderr if stderr is None else stderr
        self.stdout_isatty = _isatty(self.stdout) if stdout_isatty is None else stdout_isatty
        self.stderr_isatty = _isatty(self.stderr) if stderr_isatty is None else stderr_isatty


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False
