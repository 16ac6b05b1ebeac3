"""`--cli-input-jsonl`: one operation, run once for every line of a JSON Lines input.

Each line goes the one path a single call takes: it is parsed as
`--cli-input-json` is (skeleton.load_cli_input), merged with the command
line by `Command.params`, sent through `cli.dispatch` (pagination merged as
v2 merges it, botocore's validation and retries), and its output goes
through `--query`. What differs from a shell loop of single calls:

- stdout gets one JSON record per input line, in input order, each written
  and flushed as soon as it and every line before it are done
  (`cli.batch_io` has the format); nothing else goes to stdout;
- lines run `--cli-batch-concurrency` at a time on one botocore client
  (one session, one credential chain, one connection pool sized to the
  concurrency), at most `--cli-batch-max-rate` requests a second;
- throttling is retried by botocore's adaptive retry mode unless the user
  configured a mode;
- `--cli-batch-accept-error CODE[:REGEX]` records matching service errors
  as `skipped`; `--cli-batch-resume RESULTS` skips what an earlier run
  finished;
- the first Ctrl-C stops starting lines, lets those in flight finish and
  records the rest `not-run`; the second stops at once, recording the lines
  in flight `unknown` (lines not yet read then get no record).

Threads: a reader thread streams the input into a bounded queue; the main
thread parses lines, hands them to the worker threads and writes records in
order; workers only call the service. At most `window` lines are between
read and written, so memory stays bounded on any length of input.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing costs milliseconds at every keystroke
if TYPE_CHECKING:
    from typing import Any

    from cli.batch_io import EarlierResults, Line
    from cli.request import Command

import collections
import queue
import threading

from cli.batch_io import DONE, record_text
from cli.errors import CliError, ExitCode, ParamError, ServiceError, UsageError
from cli.options import BATCH_OPTIONS

DEFAULT_CONCURRENCY = 8
_POLL = 0.1  # seconds between looks at the interrupt flags while waiting
_END = object()  # the reader's last item


class Settings:
    """The batch options, checked."""

    def __init__(self, options: dict[str, Any]):
        self.source = options.get("cli_input_jsonl")
        given = [o.cli_name for o in BATCH_OPTIONS if options.get(o.py_name) is not None]
        if self.source is None:
            raise UsageError(f"{given[0]} requires --cli-input-jsonl")
        if options.get("cli_input_json") is not None or options.get("cli_input_yaml") is not None:
            from cli.request import ParamValidation

            raise ParamValidation("Only one --cli-input- parameter may be specified.")
        if options.get("generate_cli_skeleton") is not None:
            raise UsageError("--generate-cli-skeleton cannot be used with --cli-input-jsonl")
        self.concurrency = options.get("cli_batch_concurrency") or DEFAULT_CONCURRENCY
        if options.get("cli_batch_concurrency") is not None and not \
                1 <= options["cli_batch_concurrency"] <= 1024:
            raise UsageError("argument --cli-batch-concurrency: must be from 1 to 1024")
        self.max_rate = _rate(options.get("cli_batch_max_rate"))
        self.accept = [_accept_rule(text) for text in options.get("cli_batch_accept_error") or ()]
        self.resume = options.get("cli_batch_resume")
        self.window = max(256, 16 * self.concurrency)  # lines read but not yet written


def _rate(text: str | None) -> float | None:
    if text is None:
        return None
    try:
        rate = float(text)
    except ValueError:
        rate = float("nan")
    if not rate > 0 or rate == float("inf"):
        raise UsageError(f"argument --cli-batch-max-rate: invalid positive number: '{text}'")
    return rate


def _accept_rule(text: str):
    import re

    code, _, pattern = text.partition(":")
    if not code:
        raise UsageError(f"argument --cli-batch-accept-error: expected CODE or CODE:REGEX, "
                         f"got '{text}'")
    try:
        return code, re.compile(pattern) if pattern else None
    except re.error as e:
        raise ParamError("--cli-batch-accept-error", f"Invalid regular expression "
                                                     f"'{pattern}': {e}") from None


def run_batch(command: Command, query) -> int:
    """Run the operation for every input line; records to stdout, a summary to stderr."""
    from cli.batch_io import EarlierResults, open_input, read_lines

    settings = Settings(command.options)
    env = command.env
    max_items = command.options.get("max_items")
    if max_items is not None and max_items <= 0:
        env.stderr.write(
            "warning: Non-positive values for --max-items may result in undefined behavior.\n")
    stream = open_input(settings.source, env.stdin)
    earlier = None
    try:
        if settings.resume is not None:
            earlier = EarlierResults(settings.resume)
            if earlier.same_file_as(env.stdout):
                raise ParamError("cli-batch-resume", "the results of a resumed run must go to "
                                 "a new file, not to the file being resumed")
            earlier.check()
        client = command.make_client(retry_mode="adaptive", pool_size=settings.concurrency)
        if settings.max_rate is not None:
            client.meta.events.register("before-send", RateLimit(settings.max_rate).wait)
        total = None
        if _shows_bar(env):
            from cli.batch_report import count_lines

            total = count_lines(stream)
        return Run(command, client, query, settings, earlier).execute(read_lines(stream), total)
    finally:
        if stream is not getattr(env.stdin, "buffer", env.stdin):
            stream.close()
        if earlier is not None:
            earlier.close()


class RateLimit:
    """Spaces requests (every attempt and page) at least 1/rate seconds apart."""

    def __init__(self, rate: float):
        self.interval = 1.0 / rate
        self._lock = threading.Lock()
        self._next = 0.0

    def wait(self, **kwargs) -> None:  # botocore's before-send event
        import time

        with self._lock:
            now = time.monotonic()
            at = max(now, self._next)
            self._next = at + self.interval
        if at > now:
            time.sleep(at - now)


class Run:
    """One batch run: the reader, the workers, and the main thread writing records in order."""

    def __init__(self, command: Command, client, query, settings: Settings,
                 earlier: EarlierResults | None):
        from cli.batch_report import Tally

        self.command, self.client, self.query = command, client, query
        self.settings = settings
        self.earlier = earlier
        self.tally = Tally()
        self.lock = threading.Condition()
        self.incoming: queue.Queue = queue.Queue(maxsize=settings.window)
        self.work: queue.SimpleQueue = queue.SimpleQueue()
        self.order: collections.deque = collections.deque()  # (number, digest) to write, in order
        self.done: dict[int, tuple] = {}  # number -> (status, code, exit code, record text)
        self.in_flight: set[int] = set()
        self.interrupts = 0  # Ctrl-C presses so far
        self.halted = False  # the input could not be read further: nothing new starts
        self.stopping = False  # after the second: nothing new starts, nothing more is awaited
        self.lines_handled = 0  # the last line whose record is written
        self.bar = None

    # -- the main thread ----------------------------------------------------------

    def execute(self, lines, total: int | None) -> int:
        threading.Thread(target=self._read, args=(lines,), daemon=True).start()
        for _ in range(self.settings.concurrency):
            threading.Thread(target=self._work, daemon=True).start()
        restore = self._catch_interrupts()
        env = self.command.env
        failure = None
        try:
            if _shows_bar(env):
                from cli.batch_report import Bar

                self.bar = Bar(env.stderr, total)
            failure = self._loop()
        finally:
            for _ in range(self.settings.concurrency):
                self.work.put(None)
            if self.bar is not None:
                self.bar.close()
            restore()
        env.stderr.write(self.tally.summary())
        if failure is not None:
            raise failure
        return self.tally.exit_code(self.interrupts > 0)

    def _loop(self) -> CliError | None:
        """Read, parse, hand out and write until the input ends; the reader's error, if any."""
        failure = None
        while not self._stop_now():
            if not self._room():
                break
            line = self._next_line()
            if line is None:
                break
            if isinstance(line, CliError):  # reading the input failed: finish what runs
                failure, self.halted = line, True
                break
            self._take(line)
            self._flush()
        if self._stop_now():
            self._stop()
        else:
            self._finish()
        return failure

    def _stop_now(self) -> bool:
        return self.interrupts >= 2

    def _catch_interrupts(self):
        """Count Ctrl-C presses instead of raising; returns the function that restores."""
        import signal

        if threading.current_thread() is not threading.main_thread():
            return lambda: None

        def interrupted(signum, frame):
            self.interrupts += 1

        previous = signal.signal(signal.SIGINT, interrupted)
        return lambda: signal.signal(signal.SIGINT, previous)

    def _room(self) -> bool:
        """Wait until fewer than `window` lines await their record; False if stopped."""
        while len(self.order) >= self.settings.window:
            with self.lock:
                if not self._writable():
                    self.lock.wait(_POLL)
            self._flush()
            if self._stop_now():
                return False
        return True

    def _next_line(self):
        """The next input line, or None at the end (or when stopped)."""
        while True:
            try:
                item = self.incoming.get(timeout=_POLL)
            except queue.Empty:
                self._flush()  # a slow input must not hold back finished records
                if self._stop_now():
                    return None
                continue
            return None if item is _END else item

    def _take(self, line: Line) -> None:
        """Decide what becomes of one line: a record now, or work for the workers."""
        if line.text == "" and line.problem is None:
            return  # a blank line is no input and gets no record
        number, digest = line.number, line.digest
        self.order.append((number, digest))
        entry = self._settled(line)
        if entry is None:
            try:
                import skeleton

                params, pagination = self.command.paging(self.command.params(
                    skeleton.load_cli_input(line.text, "json", "cli-input-jsonl")))
            except Exception as e:  # the line's own error, as its single command gives it
                entry = self._failure(number, digest, e)
            else:
                self.work.put((number, digest, params, pagination))
                return
        with self.lock:
            self.done[number] = entry

    def _settled(self, line: Line):
        """The record of a line that does not run (unreadable, done before, interrupted)."""
        number, digest = line.number, line.digest
        if line.problem is not None:
            return self._failure(number, digest, ParamError("cli-input-jsonl", line.problem))
        if self.earlier is not None:
            found = self.earlier.record_for(number)
            if found is not None and found[0] in DONE:
                status, earlier_digest, code, text = found
                if earlier_digest in (None, digest):
                    return status, code, 0, text
                return self._failure(number, digest, _mismatch(number, self.earlier.value))
        if self.interrupts or self.halted:
            return "not-run", None, 0, record_text(number, "not-run", digest)
        return None

    def _writable(self) -> bool:
        return bool(self.order) and self.order[0][0] in self.done

    def _flush(self) -> None:
        """Write every record whose line and all lines before it are done."""
        entries = []
        with self.lock:
            while self.order and self.order[0][0] in self.done:
                number, _ = self.order.popleft()
                entries.append((number, self.done.pop(number)))
        if entries:
            self._write(entries)

    def _write(self, entries: list) -> None:
        out = self.command.env.stdout
        out.write("".join(entry[3] + "\n" for _, entry in entries))
        out.flush()
        for number, (status, code, exit_code, _) in entries:
            self.tally.add(status, code, exit_code)
            self.lines_handled = number
        if self.bar is not None:
            self.bar.update(self.lines_handled, self.tally.errors)

    def _finish(self) -> None:
        """Wait for every line handed out, writing records as they complete."""
        while self.order:
            with self.lock:
                if not self._writable():
                    self.lock.wait(_POLL)
            self._flush()
            if self._stop_now():
                self._stop()
                return

    def _stop(self) -> None:
        """The second Ctrl-C: finished lines get their records, lines in flight `unknown`."""
        with self.lock:
            self.stopping = True
            entries = []
            for number, digest in self.order:
                if number in self.done:
                    entries.append((number, self.done.pop(number)))
                else:
                    status = "unknown" if number in self.in_flight else "not-run"
                    entries.append((number, (status, None, 0, record_text(number, status,
                                                                          digest))))
            self.order.clear()
        if entries:
            self._write(entries)

    # -- other threads ----------------------------------------------------------------

    def _read(self, lines) -> None:
        try:
            for line in lines:
                self.incoming.put(line)
            self.incoming.put(_END)
        except Exception as e:  # an unreadable input: the main thread reports it
            self.incoming.put(e if isinstance(e, CliError) else CliError(
                f"Unable to read --cli-input-jsonl: {e}"))

    def _work(self) -> None:
        while True:
            item = self.work.get()
            if item is None:
                return
            number, digest, params, pagination = item
            with self.lock:
                if self.stopping:
                    continue  # the main thread has recorded it not-run
                if self.interrupts or self.halted:
                    self.done[number] = ("not-run", None, 0,
                                         record_text(number, "not-run", digest))
                    self.lock.notify_all()
                    continue
                self.in_flight.add(number)
            entry = self._call(number, digest, params, pagination)
            with self.lock:
                self.in_flight.discard(number)
                if not self.stopping:
                    self.done[number] = entry
                self.lock.notify_all()

    def _call(self, number: int, digest: str, params: dict, pagination: dict | None) -> tuple:
        """One line's call, as the single command makes it; never raises."""
        try:
            from cli import dispatch
            from cli.present import apply_query, strip_metadata
            from cli.shortcuts import after_call
            from output._plain import plain

            operation = self.command.operation
            response = dispatch.result(self.client, operation, params,
                                       paginate=pagination is not None, pagination=pagination)
            after_call(operation.command_name, operation.cli_name, self.command.options,
                       response)
            output = plain(apply_query(strip_metadata(response), self.query), "json")
            return "ok", None, 0, record_text(number, "ok", digest, {"output": output})
        except Exception as e:
            return self._failure(number, digest, e)

    def _failure(self, number: int, digest: str, error: Exception) -> tuple:
        """The record of a line that failed, with the exit code its single command had."""
        error = _as_cli_error(error)
        exit_code = int(error.exit_code)
        details = getattr(error, "error", None)  # a service error's Code and Message
        details = details if isinstance(details, dict) else {}
        code = details.get("Code") or error.code or type(error).__name__
        message = details.get("Message", details.get("message")) or error.message
        status = "invalid" if exit_code == ExitCode.USAGE else "error"
        if isinstance(error, ServiceError) and any(
                code == accepted and (pattern is None or pattern.search(message or ""))
                for accepted, pattern in self.settings.accept):
            status = "skipped"
        fields = {"error": {"code": code, "message": message, "exit_code": exit_code}}
        return status, code, exit_code, record_text(number, status, digest, fields)


def _shows_bar(env) -> bool:
    """A progress bar on stderr when it is a terminal and the records go elsewhere."""
    return bool(env.stderr_isatty and not env.stdout_isatty)


def _as_cli_error(error: Exception) -> CliError:
    if not isinstance(error, CliError):
        from cli.dispatch import translate

        error = translate(error)
    if isinstance(error, CliError):
        return error
    return CliError(str(error) or type(error).__name__)


def _mismatch(number: int, value: str) -> CliError:
    error = UsageError(f"line {number} is not the line {value} recorded as done (its digest "
                       "differs); it was not run")
    error.code = "ResumeMismatch"
    return error
