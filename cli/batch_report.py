"""What a batch run tells the user besides its records: a progress bar, a summary, an exit code.

The bar (rich, on stderr) is shown only when stderr is a terminal; the
summary is one line on stderr at the end, always.
"""

from __future__ import annotations

import time

from cli.errors import ExitCode


class Tally:
    """Counts of the records written, by status and by error code."""

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.by_status: dict[str, int] = {}
        self.by_code: dict[str, int] = {}
        self.worst = 0  # the highest exit code a line would have had alone
        self.lines = 0

    def add(self, status: str, code: str | None, exit_code: int) -> None:
        self.lines += 1
        self.by_status[status] = self.by_status.get(status, 0) + 1
        if code:
            self.by_code[code] = self.by_code.get(code, 0) + 1
        if status in ("error", "invalid"):
            self.worst = max(self.worst, exit_code)

    @property
    def errors(self) -> int:
        return self.by_status.get("error", 0) + self.by_status.get("invalid", 0)

    def exit_code(self, interrupted: bool) -> int:
        """0 when every line is ok or skipped, else the worst line's code; 130 if interrupted."""
        if interrupted:
            return ExitCode.INTERRUPTED
        return self.worst

    def summary(self) -> str:
        seconds = time.monotonic() - self.started
        rate = self.lines / seconds if seconds > 0 else 0.0
        statuses = ", ".join(f"{n} {s}" for s, n in sorted(
            self.by_status.items(), key=lambda item: _ORDER.index(item[0])))
        codes = ", ".join(f"{code} {n}" for code, n in sorted(
            self.by_code.items(), key=lambda item: (-item[1], item[0])))
        return (f"batch: {self.lines} lines" + (f": {statuses}" if statuses else "")
                + (f" (by error code: {codes})" if codes else "")
                + f"; {seconds:.2f} s, {rate:.0f} lines/s\n")


_ORDER = ("ok", "skipped", "error", "invalid", "not-run", "unknown")


class Bar:
    """A rich progress bar on stderr: done/total, rate, time left, errors so far."""

    def __init__(self, stderr, total: int | None):
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self._progress = Progress(
            TextColumn("batch"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[rate]:.0f}/s"), TimeElapsedColumn(), TextColumn("elapsed"),
            TimeRemainingColumn(), TextColumn("left"),
            TextColumn("{task.fields[errors]} errors"),
            console=Console(file=stderr, force_terminal=True), transient=True)
        self._task = self._progress.add_task("batch", total=total, rate=0.0, errors=0)
        self._started = time.monotonic()
        self._progress.start()

    def update(self, lines_done: int, errors: int) -> None:
        seconds = time.monotonic() - self._started
        self._progress.update(self._task, completed=lines_done, errors=errors,
                              rate=lines_done / seconds if seconds > 0 else 0.0)

    def close(self) -> None:
        self._progress.stop()


def count_lines(stream) -> int | None:
    """The number of lines of a regular file (then rewound), or None for a pipe."""
    import os
    import stat

    try:
        if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
            return None
        position = stream.tell()
        count, last = 0, b"\n"
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            count += chunk.count(b"\n")
            last = chunk[-1:]
        stream.seek(position)
    except (AttributeError, OSError, ValueError):
        return None
    return count + (last != b"\n")
