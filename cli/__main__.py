"""`python -m cli` and the `aws` / `shapecli` console scripts."""

import sys


def run() -> None:
    """Entry point: the only place that calls sys.exit."""
    argv = sys.argv[1:]
    if argv == ["--version"]:  # the most common local job skips argparse entirely
        from cli.version import version_line

        sys.stdout.write(version_line())
        sys.exit(0)
    from cli.main import main

    sys.exit(main(argv))


if __name__ == "__main__":
    run()
