"""Whether this command line is to be prompted for: `off`, `on` or `on-partial`.

The sources, most explicit first, as in v2:

1. `help` or `--version` on the line: never a prompt.
2. `--no-cli-auto-prompt`: off; `--cli-auto-prompt`: on (both: an error).
3. `AWS_CLI_AUTO_PROMPT`, then `cli_auto_prompt` in the profile's section of
   the config file (botocore's config chain), then off. Values other than
   `on` and `on-partial` are off, in any case.

Unlike v2, a prompt needs a terminal: unless standard input and standard
output both are one, the environment and the config file are not even
read (a script's command runs as typed), and an explicit
`--cli-auto-prompt` is a one-line usage error (exit 252) rather than a
hang or a screen of escape codes (aws/aws-cli #7862, #5343).

This module is on every command's path, so it costs next to nothing: it
looks at argv and the environment, and opens the config file only on a
terminal with the environment variable unset. botocore reads the file
only when a line of it could turn the prompt on: at once for `on` (the
prompt is about to start), and for `on-partial` only once the command has
failed to parse (UNCONFIRMED_PARTIAL), so a command that runs pays nothing.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing costs milliseconds at every keystroke
if TYPE_CHECKING:
    from cli.env import Env

import os

from cli.errors import CliError, ExitCode

OFF, ON, PARTIAL = "off", "on", "on-partial"
# on-partial if the profile says so: the config file names it, but maybe for another profile.
# Which, botocore is asked only once the command has failed to parse.
UNCONFIRMED_PARTIAL = "on-partial (unconfirmed)"
SETTING = "cli_auto_prompt"
ENVIRONMENT_VARIABLE = "AWS_CLI_AUTO_PROMPT"


class NoTerminal(CliError):
    """--cli-auto-prompt where there is no terminal to prompt on: one line, exit 252."""

    exit_code = ExitCode.USAGE


def prompt_mode(argv: list[str], env: Env) -> str:
    """OFF, ON or PARTIAL for this command line in this environment."""
    if "help" in argv or any(spells(word, "--version") for word in argv):
        return OFF
    on = any(spells(word, "--cli-auto-prompt") for word in argv)
    off = any(spells(word, "--no-cli-auto-prompt") for word in argv)
    if on and off:
        from cli.request import ParamValidation

        raise ParamValidation("Both --cli-auto-prompt and --no-cli-auto-prompt cannot be "
                              "specified at the same time.")
    if off:
        return OFF
    missing = _not_a_terminal(env)
    if on:
        if missing:
            raise NoTerminal(f"--cli-auto-prompt needs a terminal, and {missing} is not one")
        return ON
    if missing:
        return OFF
    value = env.environ.get(ENVIRONMENT_VARIABLE)
    if value is not None:
        return _mode(value)
    named = _named_in_config(env)
    if ON in named:
        return config_mode(argv, env)
    return UNCONFIRMED_PARTIAL if named else OFF


def config_mode(argv: list[str], env: Env) -> str:
    """The mode the config file gives (botocore's chain, the environment variable unset)."""
    return _mode(_config_value(argv, env))


def _mode(value: str | None) -> str:
    value = (value or OFF).lower()
    return value if value in (ON, PARTIAL) else OFF


def spells(word: str, option: str) -> bool:
    """Whether argparse reads `word` as the global `option`: itself, or a prefix of no other."""
    if word == option:
        return True
    if len(word) < 3 or not option.startswith(word):
        return False
    from cli.options import GLOBAL_OPTIONS

    return [o.cli_name for o in GLOBAL_OPTIONS if o.cli_name.startswith(word)] == [option]


def _not_a_terminal(env: Env) -> str | None:
    """'standard input' or 'standard output' when that one is not a terminal, else None."""
    try:
        stdin_tty = env.stdin.isatty()
    except (AttributeError, ValueError, OSError):
        stdin_tty = False
    if not stdin_tty:
        return "standard input"
    if not env.stdout_isatty:
        return "standard output"
    return None


# A line of the config file that could set the prompt on, in any profile. botocore's
# parser (configparser) takes `=` or `:`, any case in the name, blanks around the value,
# and a value of `on` in any case: every spelling it reads as on or on-partial matches.
_ON_LINE = None


def _named_in_config(env: Env) -> set[str]:
    """The values among on and on-partial that a line of the config file gives the setting.

    An over-estimate that costs one small read: a file with no such line
    cannot turn the prompt on, so neither botocore nor argparse's profile
    is needed to know it is off.
    """
    global _ON_LINE
    environ = env.environ
    path = environ.get("AWS_CONFIG_FILE") or os.path.join("~", ".aws", "config")
    home = environ.get("HOME")
    path = path.replace("~", home, 1) if home and path.startswith("~") else \
        os.path.expanduser(path)
    try:
        with open(path, "rb") as f:
            text = f.read()
    except OSError:
        return set()
    if SETTING.encode() not in text.lower():
        return set()
    import re

    if _ON_LINE is None:
        _ON_LINE = re.compile(rb"^[ \t]*cli_auto_prompt[ \t]*[=:][ \t]*(on|on-partial)[ \t]*\r?$",
                              re.IGNORECASE | re.MULTILINE)
    return {m.group(1).lower().decode() for m in _ON_LINE.finditer(text)}


def _config_value(argv: list[str], env: Env) -> str | None:
    """The setting from the config file, through botocore's chain (None if not set)."""
    environ = env.environ
    from cli.arguments import parse_globals
    from cli.dispatch import CallSettings, config_value, make_session
    from cli.errors import ConfigError, UsageError

    try:
        profile = parse_globals(argv).profile
    except UsageError:
        profile = None
    try:
        return config_value(make_session(CallSettings(profile=profile), environ), SETTING)
    except ConfigError:  # an unknown profile: v2 does not prompt
        return None
