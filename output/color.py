"""When output is coloured: `--color on|off|auto`."""

from __future__ import annotations


def use_color(mode: str | None, isatty: bool) -> bool:
    """`on` always, `off` never, `auto` (the default) only when stdout is a terminal.

    As in v2, only `--output table` has colours; the other formats ignore this.
    """
    if mode == "on":
        return True
    if mode == "off":
        return False
    return bool(isatty)
