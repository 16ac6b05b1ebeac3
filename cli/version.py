"""`aws --version`: v2's one-line format, naming shapecli and its version."""

from __future__ import annotations

import os
import sys

from cli import __version__


def version_line() -> str:
    """v2's one-line version format, naming shapecli."""
    uname = os.uname()
    python = ".".join(map(str, sys.version_info[:3]))
    return f"shapecli/{__version__} Python/{python} {uname.sysname}/{uname.release} " \
        f"source/{uname.machine}\n"
