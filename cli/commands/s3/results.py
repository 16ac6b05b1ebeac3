"""The lines the transfer commands print, and their exit code.

    upload: LOCAL to s3://b/k            download: s3://b/k to LOCAL
    copy: s3://a/k to s3://b/k           move: ... to ...        delete: s3://b/k
    (dryrun) upload: ...                 (stdout)
    upload failed: LOCAL to s3://b/k An error occurred (Code) when calling ...   (stderr)
    warning: Skipping file PATH. REASON                                          (stderr)
    fatal error: MESSAGE                                                         (stderr)
    Completed 5 KiB/~9 KiB (1.2 MiB/s) with ~3 file(s) remaining                 (a terminal)

Exit code: 1 when a transfer failed, else 2 when a file was skipped with a
warning, else 0. Called from the transfer threads: one lock keeps lines whole.
"""

from __future__ import annotations

import threading
import time

HUMAN_SUFFIXES = ("KiB", "MiB", "GiB", "TiB", "PiB", "EiB")


def human_size(value: float) -> str:
    """1 -> '1 Byte'; 10 -> '10 Bytes'; 1024 -> '1.0 KiB' (v2's progress sizes)."""
    base = 1024
    number = float(value)
    if number == 1:
        return "1 Byte"
    if number < base:
        return "%d Bytes" % number
    for i, suffix in enumerate(HUMAN_SUFFIXES):
        unit = base ** (i + 2)
        if round((number / unit) * base) < base:
            return "%.1f %s" % ((base * number / unit), suffix)
    return "%.1f %s" % (number / base ** len(HUMAN_SUFFIXES), HUMAN_SUFFIXES[-1])


class Printer:
    """Counts what happened and prints it as v2 does (quiet / only errors / progress)."""

    def __init__(self, out, err, *, quiet: bool = False, only_errors: bool = False,
                 progress: bool = True, frequency: int = 0, multiline: bool = False):
        self.out = out
        self.err = err
        self.quiet = quiet
        self.only_errors = only_errors
        self.progress = progress and not quiet and not only_errors
        self.frequency = frequency or 0
        self.multiline = multiline
        self.lock = threading.Lock()
        self.failed = 0
        self.warned = 0
        self.done = 0
        self.expected_files = 0
        self.expected_bytes = 0
        self.bytes_done = 0
        self.totals_final = False
        self._started = time.monotonic()
        self._last_progress = 0.0
        self._progress_length = 0
        # a terminal sees each line at once; a pipe or file gets them in batches (a flush per
        # line under the lock made every transfer thread queue behind the writer)
        self._flush_every = 0.0 if progress else 0.2
        self._last_flush = 0.0

    # -- what the planner reports --------------------------------------------------

    def expect(self, size) -> None:
        with self.lock:
            self.expected_files += 1
            self.expected_bytes += size or 0

    def final(self) -> None:
        with self.lock:
            self.totals_final = True
            self._show_progress()

    def flush(self) -> None:
        """Everything written so far out (the command's end)."""
        with self.lock:
            for stream in (self.out, self.err):
                try:
                    stream.flush()
                except (OSError, ValueError):
                    pass

    # -- what the transfers report -------------------------------------------------

    def add_bytes(self, amount: int) -> None:
        if not self.progress:  # called for every piece read: no lock when nobody looks
            return
        with self.lock:
            self.bytes_done += amount
            self._show_progress()

    def success(self, kind: str, src: str, dest: str | None) -> None:
        with self.lock:
            self.done += 1
            if not self.quiet and not self.only_errors:
                self._line(self.out, f"{kind}: {_location(src, dest)}")
            self._show_progress()

    def dryrun(self, kind: str, src: str, dest: str | None) -> None:
        with self.lock:
            self.done += 1
            if not self.quiet:  # v2 shows what a dry run would do even with only errors shown
                self._line(self.out, f"(dryrun) {kind}: {_location(src, dest)}")

    def failure(self, kind: str, src: str, dest: str | None, error: object) -> None:
        with self.lock:
            self.failed += 1
            self.done += 1
            if not self.quiet:
                self._line(self.err, f"{kind} failed: {_location(src, dest)} {error}")
            self._show_progress()

    def warning(self, message: str, *, skipped: bool = True) -> None:
        """A `warning: ...` line; a skipped file makes the exit code 2."""
        with self.lock:
            if skipped:
                self.warned += 1
            if not self.quiet:
                self._line(self.err, message)

    def skip_quietly(self) -> None:
        """A planned transfer that was left out without a line (--no-overwrite)."""
        with self.lock:
            self.done += 1
            self._show_progress()

    def fatal(self, message: str) -> None:
        with self.lock:
            self.failed += 1
            if not self.quiet:
                self._line(self.err, f"fatal error: {message}")

    def cancelled(self) -> None:
        with self.lock:
            self._line(self.err, "cancelled: ctrl-c received")

    def exit_code(self) -> int:
        if self.failed:
            return 1
        if self.warned:
            return 2
        return 0

    # -- printing ------------------------------------------------------------------

    def _line(self, stream, text: str) -> None:
        if self._progress_length:
            text = text.ljust(self._progress_length)
            self._progress_length = 0
        stream.write(text + "\n")
        now = time.monotonic()
        if stream is self.err or now - self._last_flush >= self._flush_every:
            stream.flush()
            self._last_flush = now

    def _show_progress(self) -> None:
        if not self.progress:
            return
        remaining = self.expected_files - self.done
        if self.totals_final and remaining <= 0:
            if self._progress_length:
                self.out.write(" " * self._progress_length + "\r")
                self.out.flush()
                self._progress_length = 0
            return
        now = time.monotonic()
        if self.frequency and self._last_progress and now - self._last_progress < self.frequency:
            return
        self._last_progress = now
        tilde = "" if self.totals_final else "~"
        files = f"{tilde}{remaining} file(s) remaining"
        if self.expected_bytes > 0:
            elapsed = max(now - self._started, 1e-6)
            text = (f"Completed {human_size(self.bytes_done)}/{tilde}"
                    f"{human_size(self.expected_bytes)} ({human_size(self.bytes_done / elapsed)}"
                    f"/s) with {files}")
        else:
            text = f"Completed {self.done} file(s) with {files}"
        if not self.totals_final:
            text += " (calculating...)"
        if self.multiline:
            self.out.write(text + "\n")
        else:
            text = text.ljust(self._progress_length)
            self._progress_length = len(text)
            self.out.write(text + "\r")
        self.out.flush()


class Reports:
    """The transfer threads' reports, handed to the Printer by one thread of its own.

    A transfer thread only puts a tuple on a queue (no lock held while another
    thread writes a line, so no convoy of 32 threads behind the printer).
    """

    def __init__(self, printer: Printer):
        import queue

        self.printer = printer
        self._queue = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._loop, name="s3-results", daemon=True)
        self._thread.start()

    def put(self, method: str, *args) -> None:
        self._queue.put((method, args))

    def close(self) -> None:
        """Every report put so far is printed when this returns (again: nothing to do)."""
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()

    def _loop(self) -> None:
        while True:
            report = self._queue.get()
            if report is None:
                return
            method, args = report
            getattr(self.printer, method)(*args)


def _location(src: str, dest: str | None) -> str:
    return src if dest is None else f"{src} to {dest}"
