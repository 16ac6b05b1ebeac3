"""shapecli's command line: argv in, an exit code out (see cli.main)."""

__version__ = "0.1.0"
