"""`python -m cli` and the `aws` / `shapecli` scripts (bin/aws).

Ctrl-C at any moment ends the process with status 130 and at most one
(empty) line, as v2's interrupt does, never a traceback: from the moment
this module is imported (the first of shapecli's code to run) SIGINT ends
the process at once. Only what handles Ctrl-C itself does otherwise, for as
long as it runs: a pager (output.pager waits for it to exit, then main()
reports the interrupt) and a batch run (cli.batch finishes what it can).
Raising KeyboardInterrupt instead would not do: Python swallows it where it
lands in a finalizer or a weakref callback (printing "Exception ignored"),
and the command would go on. (Before this module is imported the interpreter
is still starting, and a SIGINT is the interpreter's, as for any Python
program.)
"""

import gc
import os
import sys

# The C module under `signal`: importing `signal` itself builds enums (half a
# millisecond on every command).
import _signal


def _interrupted(signum, frame):
    os.write(2, b"\n")
    os._exit(130)


_signal.signal(_signal.SIGINT, _interrupted)


class _ClosedStream:
    """Stands in for a standard stream the process was started without (`>&-`)."""

    def write(self, text: str) -> int:
        raise OSError(9, "standard output is closed; nothing can be printed")

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


def run() -> None:
    """Entry point: the only place the process exits."""
    argv = sys.argv[1:]
    if _server_wanted(argv):
        from cli.server.client import serve  # tiny: no botocore, no other cli module

        code = serve(argv)  # None: the server did not take it, so it runs here
        if code is not None:
            os._exit(code)
    # Everything the command wrote is flushed and any pager has exited; skip
    # the interpreter's teardown of botocore's module graph (tens of ms).
    os._exit(execute(argv))


def _server_wanted(argv: list[str]) -> bool:
    """Whether to ask the resident command server (cli/server) to run this command.

    SHAPECLI_SERVER=on|off; unset, a config file that names `cli_server` at all
    sends the question to the client, which reads the profile's section. With the
    server off this costs one lookup and one small read, and imports nothing. A bare
    --version is printed here sooner than a round trip to the server would take.
    """
    setting = os.environ.get("SHAPECLI_SERVER")
    if argv == ["--version"]:
        return False
    if setting is not None:
        return setting.strip().lower() == "on"
    path = os.environ.get("AWS_CONFIG_FILE") or "~/.aws/config"
    if path.startswith("~"):
        home = os.environ.get("HOME")
        path = (home + path[1:]) if home else os.path.expanduser(path)
    try:
        with open(path, "rb") as f:
            text = f.read()
    except OSError:
        return False
    if b"cli_server" not in text.lower():
        return False
    from cli.server.client import wanted

    return wanted(argv, os.environ, text)  # the file is not read twice


def execute(argv: list[str]) -> int:
    """All of run() but the exit: the command's exit code, its output flushed.

    A command served by the resident server (cli.server.worker) runs here too,
    in a process set up as the caller's, and reports the code before exiting.
    """
    # While botocore imports, a call runs ~77 passes of the cyclic collector (~12 ms) that
    # free ~800 of the ~32,000 objects it keeps: work whose result nobody needs. The
    # collector is off until the client exists (cli.request.Command.make_client).
    gc.disable()
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w")
    if sys.stdout is None:
        sys.stdout = _ClosedStream()
    code = None
    try:
        if argv == ["--version"] and not isinstance(sys.stdout, _ClosedStream):
            # The most common local job skips argparse entirely.
            from cli.version import version_line

            sys.stdout.write(version_line())
            code = 0
        else:
            from cli.main import main

            code = main(argv)
        sys.stdout.flush()
    except OSError as e:
        # A reader that went away (`aws ... | head -1`) ends quietly; a full
        # disk is one line. Either way the interpreter's own final flush must
        # not print a traceback, so what is left goes to /dev/null.
        if not isinstance(e, BrokenPipeError) and not code:  # not reported by main yet
            from cli.errors import CliError

            sys.stderr.write(CliError(e.strerror or str(e)).render())
            code = 255
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    try:
        sys.stderr.flush()
    except OSError:
        pass
    return code or 0


if __name__ == "__main__":
    run()
