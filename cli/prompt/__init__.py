"""`--cli-auto-prompt`: the command line edited in an interactive prompt, then run.

    edit(argv, env, problem) -> the words to run, or an exit code

`cli.main.main` asks here when `cli.prompt.setting.prompt_mode` says `on`
or `on-partial` (only ever on a terminal). With `on` the prompt opens at
once, holding what was typed; with `on-partial` (or the config file's
`on-partial`, confirmed through botocore only then) the command first runs
as typed, and only a usage error (exit 252: a missing required argument, a
value that does not parse) opens the prompt instead of being printed, with
the error shown in it. Enter runs the edited line exactly as the shell
would have run it: `edit` hands its words (shell quoting, `shlex.split`)
back, and `main` runs them with the prompt off, so the parse, the output and
the exit code are those of the plain command; the prompt itself never runs
a command. Ctrl-C leaves with exit 130, Ctrl-D with 0, each after repeating
the abandoned line on stderr.

prompt_toolkit is imported by `cli.prompt.ui` alone, when a prompt starts.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing costs milliseconds at every keystroke
if TYPE_CHECKING:
    from cli.env import Env

from cli.errors import CliError, ExitCode
from cli.prompt.setting import OFF, ON, PARTIAL, UNCONFIRMED_PARTIAL, config_mode, prompt_mode

__all__ = ["OFF", "ON", "PARTIAL", "UNCONFIRMED_PARTIAL", "config_mode", "edit",
           "initial_text", "problem_of", "prompt_mode"]


def problem_of(error: CliError, argv: list[str], env: Env, mode: str) -> str:
    """With on-partial, what the prompt shows of the error the typed line met.

    Raises the error again where it is not one the prompt is for: anything
    but a usage error, or a config file's on-partial meant for another profile.
    """
    if error.exit_code != ExitCode.USAGE:
        raise error
    if mode == UNCONFIRMED_PARTIAL and config_mode(argv, env) != PARTIAL:
        raise error
    return CliError.render(error).strip("\n")  # without the usage lines


def edit(argv: list[str], env: Env, problem: str | None = None) -> list[str] | int:
    """The command line edited in the prompt: its words to run, or an exit code
    (130 for Ctrl-C, 0 for Ctrl-D) when the user left without running it."""
    from cli.prompt.assist import PREFIX, Assistant, command_words
    from cli.prompt.ui import ask

    action, text = ask(initial_text(argv), env, Assistant(env.environ), problem)
    shown = f"{PREFIX}{text}\n"
    if action == "interrupt":
        env.stderr.write(shown)
        return ExitCode.INTERRUPTED
    if action == "quit":
        env.stderr.write(shown)
        return ExitCode.OK
    env.stdout.write(shown)  # the line stays on screen above its output, as in a shell
    env.stdout.flush()
    return command_words(text)


def initial_text(argv: list[str]) -> str:
    """What the prompt opens with: the words typed, less the switch that opened it.

    A trailing space lets the menu offer what comes next.
    """
    import shlex

    from cli.prompt.setting import spells

    words = [w for w in argv if not spells(w, "--cli-auto-prompt")]
    return " ".join(shlex.quote(w) for w in words) + (" " if words else "")
