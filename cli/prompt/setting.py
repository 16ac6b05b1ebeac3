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
terminal with the environment variable unset; botocore reads the file
only when its text names the setting at all.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing costs milliseconds at every keystroke
if TYPE_CHECKING:
    from cli.env import Env

import os

from cli.errors import CliError, ExitCode

OFF, ON, PARTIAL = "off", "on", "on-partial"
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
    if value is None:
        value = _config_value(argv, env)
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


def _config_value(argv: list[str], env: Env) -> str | None:
    """The setting from the config file, through botocore's chain (None if not set).

    A config file whose text does not name the setting cannot set it: then
    neither argparse's profile nor botocore is needed.
    """
    environ = env.environ
    path = environ.get("AWS_CONFIG_FILE") or os.path.join("~", ".aws", "config")
    home = environ.get("HOME")
    path = path.replace("~", home, 1) if home and path.startswith("~") else \
        os.path.expanduser(path)
    try:
        with open(path, "rb") as f:
            if SETTING.encode() not in f.read():
                return None
    except OSError:
        return None
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
