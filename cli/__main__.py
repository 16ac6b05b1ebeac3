"""`python -m cli` and the `aws` / `shapecli` console scripts."""

import sys


def run() -> None:
    """Entry point: the only place that calls sys.exit."""
    from cli.main import main

    sys.exit(main(sys.argv[1:]))


if __name__ == "__main__":
    run()
