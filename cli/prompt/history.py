"""The prompt's history: the command lines run from it, kept across sessions.

The file is v2's (`~/.aws/cli/cache/prompt_history.json`, `{"version": 1,
"commands": [oldest, ..., newest]}`), so a user coming from v2 keeps what
they typed there, and v2 reads what is typed here. It is bounded (the
newest 500 lines, at most 1 MiB), readable by its owner only (a command
line may hold a secret), and replaced whole on each write, so that two
prompts ending at once never leave half a file. A file that cannot be
read or written costs the history, never the command.
"""

from __future__ import annotations

import json
import os

from prompt_toolkit.history import History

MAX_COMMANDS = 500
MAX_BYTES = 1 << 20
VERSION = 1


def history_path(environ) -> str:
    home = environ.get("HOME") or os.path.expanduser("~")
    return os.path.join(home, ".aws", "cli", "cache", "prompt_history.json")


def read_commands(path: str) -> list[str]:
    """The lines in the file, oldest first; none if it is missing or unreadable."""
    try:
        with open(path, encoding="utf-8") as f:
            commands = json.load(f).get("commands", [])
    except (OSError, ValueError, AttributeError):
        return []
    return [c for c in commands if isinstance(c, str)] if isinstance(commands, list) else []


def bounded(commands: list[str]) -> list[str]:
    """The newest commands within MAX_COMMANDS and MAX_BYTES."""
    kept: list[str] = []
    size = 0
    for command in reversed(commands[-MAX_COMMANDS:]):
        size += len(command.encode("utf-8")) + 4
        if size > MAX_BYTES:
            break
        kept.append(command)
    return kept[::-1]


def write_commands(path: str, commands: list[str]) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = f"{path}.{os.getpid()}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump({"version": VERSION, "commands": bounded(commands)}, f)
    os.replace(tmp, path)


class CommandHistory(History):
    """prompt_toolkit's view of the file: newest first."""

    def __init__(self, path: str):
        super().__init__()
        self.path = path

    def load_history_strings(self):
        return reversed(read_commands(self.path))

    def store_string(self, string: str) -> None:
        try:
            commands = read_commands(self.path)  # what other prompts added meanwhile
            if commands[-1:] != [string]:
                commands.append(string)
            write_commands(self.path, commands)
        except OSError:
            pass
