"""`python -m cli` and the `aws` / `shapecli` console scripts."""

import gc
import os
import sys


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
    # While botocore imports, a call runs ~77 passes of the cyclic collector (~12 ms) that
    # free ~800 of the ~32,000 objects it keeps: work whose result nobody needs. The
    # collector is off until the client exists (cli.request.Command.make_client).
    gc.disable()
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w")
    if sys.stdout is None:
        sys.stdout = _ClosedStream()
    argv = sys.argv[1:]
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
    # Everything the command wrote is flushed and any pager has exited; skip
    # the interpreter's teardown of botocore's module graph (tens of ms).
    os._exit(code or 0)


if __name__ == "__main__":
    run()
