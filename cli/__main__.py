"""`python -m cli` and the `aws` / `shapecli` console scripts."""

import sys


def run() -> None:
    """Entry point: the only place that calls sys.exit."""
    argv = sys.argv[1:]
    from cli.main import main, version_line

    if argv == ["--version"]:  # the most common local job skips argparse entirely
        sys.stdout.write(version_line())
        sys.exit(0)
    sys.exit(main(argv))


if __name__ == "__main__":
    run()
