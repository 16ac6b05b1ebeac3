"""One error hierarchy, one table of exit codes.

Every failure the user can cause or meet is a `CliError`; `cli.main` catches
them in one place, prints `render()` to stderr and returns `exit_code`.
The codes are AWS CLI v2's.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    INTERRUPTED = 130
    USAGE = 252  # bad argv, bad parameter values, client-side validation
    CONFIG = 253  # no region, no credentials
    SERVICE = 254  # the service answered with an error
    OTHER = 255  # connection failures and everything else


USAGE_TEXT = """\
usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]
To see help text, you can run:

  aws help
  aws <command> help
  aws <command> <subcommand> help
"""


class CliError(Exception):
    """Base of every error shown to the user: one message, one exit code."""

    exit_code = ExitCode.OTHER
    code: str | None = None  # v2's "(Code)" in "An error occurred (Code): ..."
    hint: str | None = None  # one line of shapecli's own after v2's message

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def render(self) -> str:
        """The text for stderr, in v2's layout."""
        hint = f"{self.hint}\n" if self.hint else ""
        if self.code:
            return f"\naws: [ERROR]: An error occurred ({self.code}): {self.message}\n{hint}"
        return f"\naws: [ERROR]: {self.message}\n{hint}"


class UsageError(CliError):
    """argv does not fit the command: printed with the usage block."""

    exit_code = ExitCode.USAGE
    code = "ParamValidation"

    def render(self) -> str:
        return super().render() + "\n" + USAGE_TEXT


class UnknownOptionsError(CliError):
    """Arguments left over after parsing (v2 prints the usage block first)."""

    exit_code = ExitCode.USAGE

    def __init__(self, leftovers: list[str]):
        super().__init__("Unknown options: " + ", ".join(leftovers))

    def render(self) -> str:
        return USAGE_TEXT + "\n" + super().render()


class UnknownCommandError(UsageError):
    """An unknown service or operation, with "did you mean" suggestions."""

    def __init__(self, kind: str, value: str, choices: list[str]):
        self.kind, self.value = kind, value
        import difflib

        message = f"argument {kind}: Found invalid choice '{value}'\n"
        close = difflib.get_close_matches(value, choices, n=3, cutoff=0.8)
        if close:
            # One blank line before the usage block, as v2 prints it.
            message += "\nMaybe you meant:\n\n" + "\n".join(f"  * {c}" for c in close)
        super().__init__(message)


class ParamError(CliError):
    """A parameter value could not be parsed (JSON, shorthand, file, type)."""

    exit_code = ExitCode.USAGE
    code = "ParamValidation"

    def __init__(self, cli_name: str, message: str):
        self.cli_name = cli_name
        self.detail = message
        super().__init__(f"Error parsing parameter '{cli_name}': {message}")


class ValidationError(CliError):
    """Client-side validation of the request failed (botocore's validator)."""

    exit_code = ExitCode.USAGE
    code = "ParamValidation"


class ConfigError(CliError):
    """Region, credentials or profile configuration is missing or wrong."""

    exit_code = ExitCode.CONFIG


class ServiceError(CliError):
    """The service answered with an error."""

    exit_code = ExitCode.SERVICE


class ConnectionFailure(CliError):
    """The endpoint could not be reached."""

    exit_code = ExitCode.OTHER


class Interrupted(CliError):
    exit_code = ExitCode.INTERRUPTED

    def __init__(self) -> None:
        super().__init__("")

    def render(self) -> str:
        return "\n"
