"""The files of a batch run: the JSON Lines input, an earlier run's results, the records.

Everything streams: the input is read one physical line at a time, a line
longer than `MAX_LINE_BYTES` is skipped without ever being held whole, and
an earlier results file is read alongside the input (its records are in
input order, as every run writes them), so memory stays flat however long
the files are.

A record is one JSON object on one line:

    {"line": 7, "status": "ok", "output": {...}, "digest": "..."}
    {"line": 8, "status": "error", "error": {"code": "...", "message": "...", "exit_code": 254},
     "digest": "..."}

`digest` fingerprints the input line (BLAKE2b, 8 bytes, of the line without
its surrounding whitespace), so that a resumed run can tell the line it is
about to skip is the line an earlier run finished.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing costs milliseconds at every keystroke
if TYPE_CHECKING:
    from typing import IO, Iterator

import os

from cli.errors import ParamError

MAX_LINE_BYTES = 8 * 1024 * 1024  # one input line, as read; longer lines are invalid
DONE = ("ok", "skipped")  # statuses a resumed run does not run again
STATUSES = ("ok", "skipped", "error", "invalid", "not-run", "unknown")


class Line:
    """One physical input line: its number, its text (None if unusable) and why not."""

    __slots__ = ("number", "text", "digest", "problem", "earlier")

    def __init__(self, number: int, text: str | None, digest: str, problem: str | None = None):
        self.number = number
        self.text = text
        self.digest = digest
        self.problem = problem  # why the line cannot be read as input, or None
        self.earlier: str | None = None  # a resumed run: the earlier run's record, as text


def open_input(value: str, stdin) -> IO[bytes]:
    """The byte stream `--cli-input-jsonl` names: `-` (standard input) or `file://PATH`."""
    option = "cli-input-jsonl"
    if value == "-":
        if stdin is None:
            raise ParamError(option, "No standard input to read the input from.")
        return getattr(stdin, "buffer", stdin)  # a test's StringIO gives text
    if not value.startswith("file://"):
        raise ParamError(option, f"Expected file://PATH or - (standard input), got {value!r}")
    return open_path(value, option)


def open_path(value: str, option: str) -> IO[bytes]:
    path = os.path.expandvars(os.path.expanduser(value[len("file://"):]))
    try:
        return open(path, "rb")
    except OSError as e:
        raise ParamError(option, f"Unable to load paramfile {value}: {e}") from None


def read_lines(stream) -> Iterator[Line]:
    """Every physical line of `stream` (bytes or text), numbered from 1, in bounded memory."""
    from hashlib import blake2b

    number = 0
    while True:
        chunk = stream.readline(MAX_LINE_BYTES + 1)
        if not chunk:
            return
        number += 1
        raw = chunk if isinstance(chunk, bytes) else chunk.encode("utf-8", "surrogatepass")
        if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
            digest = blake2b(raw, digest_size=8)
            while chunk and not chunk.endswith(b"\n" if isinstance(chunk, bytes) else "\n"):
                chunk = stream.readline(MAX_LINE_BYTES)  # the rest of the line, dropped
                digest.update(chunk if isinstance(chunk, bytes) else chunk.encode())
            yield Line(number, None, digest.hexdigest(),
                       f"The line is longer than {MAX_LINE_BYTES} bytes.")
            continue
        raw = raw.strip()
        digest = blake2b(raw, digest_size=8).hexdigest()
        try:
            yield Line(number, raw.decode("utf-8"), digest)
        except UnicodeDecodeError as e:
            yield Line(number, None, digest, f"The line is not UTF-8 text: {e}")


# -- an earlier run's results ---------------------------------------------------


class EarlierResults:
    """An earlier results file, read in step with the input (line numbers only grow)."""

    def __init__(self, value: str):
        self.value = value
        self._stream = open_path(value if value.startswith("file://") else "file://" + value,
                                 "cli-batch-resume")
        self._records = self._scan()
        self._pending: tuple | None = None

    def close(self) -> None:
        self._stream.close()

    def same_file_as(self, stream) -> bool:
        """Whether `stream` (our stdout) is this very file: the shell emptied it already."""
        try:
            mine, theirs = os.fstat(self._stream.fileno()), os.fstat(stream.fileno())
        except (AttributeError, OSError, ValueError):
            return False
        return (mine.st_dev, mine.st_ino) == (theirs.st_dev, theirs.st_ino)

    def check(self) -> None:
        """Read the whole file once, so that a malformed one fails before any line runs."""
        for _ in self._scan():
            pass
        self._stream.seek(0)
        self._records = self._scan()

    def _scan(self) -> Iterator[tuple[int, str, str | None, str | None, str]]:
        import json

        last = 0
        for index, raw in enumerate(self._stream, 1):
            text = raw.decode("utf-8", "replace").strip()
            if not text:
                continue
            try:
                record = json.loads(text)
            except ValueError:
                if not raw.endswith(b"\n"):
                    return  # a run that died mid-record: that line is simply not recorded
                raise self._error(index, "is not a JSON object") from None
            number = record.get("line") if isinstance(record, dict) else None
            if not isinstance(number, int) or isinstance(number, bool) or number < 1 \
                    or not isinstance(record.get("status"), str):
                raise self._error(index, 'is not a record (no "line" number or "status")')
            if number <= last:
                raise self._error(index, f"records line {number} after line {last}: records "
                                         "must be in line order, as a run writes them")
            last = number
            error = record.get("error")
            code = error.get("code") if isinstance(error, dict) else None
            yield number, record["status"], record.get("digest"), code, text

    def _error(self, index: int, problem: str) -> ParamError:
        return ParamError("cli-batch-resume", f"{self.value}: line {index} {problem}")

    def record_for(self, number: int) -> tuple | None:
        """(status, digest, error code, record text) the earlier run wrote for line `number`."""
        pending = self._pending
        while pending is None or pending[0] < number:
            pending = next(self._records, None)
            if pending is None:
                self._pending = (1 << 62, "", None, None, "")  # past the end: nothing more
                return None
        self._pending = pending
        if pending[0] != number:
            return None
        return pending[1:]


# -- records ----------------------------------------------------------------------


def record_text(number: int, status: str, digest: str, fields: dict | None = None) -> str:
    """One record as one line of JSON (no newline); `fields`: its output or error."""
    import json

    record: dict = {"line": number, "status": status}
    if fields:
        record.update(fields)
    record["digest"] = digest
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))
