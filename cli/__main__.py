"""`python -m cli` and the `aws` / `shapecli` console scripts."""

import os
import sys


def run() -> None:
    """Entry point: the only place that calls sys.exit."""
    argv = sys.argv[1:]
    if argv == ["--version"]:  # the most common local job skips argparse entirely
        from cli.version import version_line

        sys.stdout.write(version_line())
        code = 0
    else:
        from cli.main import main

        code = main(argv)
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (`aws ... | head -1`): end quietly, and keep the
        # interpreter's own final flush from printing a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sys.exit(code)


if __name__ == "__main__":
    run()
