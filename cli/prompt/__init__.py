"""`--cli-auto-prompt`: the command line edited in an interactive prompt, then run.

    run_prompted(argv, env, mode) -> exit code

`cli.main.main` comes here when `cli.prompt.setting.prompt_mode` says `on`
or `on-partial` (only ever on a terminal). With `on` the prompt opens at
once, holding what was typed; with `on-partial` (or the config file's
`on-partial`, confirmed through botocore only then) the command first runs
as typed, and only a usage error (exit 252: a missing required argument, a
value that does not parse) opens the prompt instead of being printed, with
the error shown in it. Enter runs the edited line exactly as the shell
would have run it: its words (shell quoting, `shlex.split`) go through
`cli.main.main` with the prompt off, so the parse, the output and the exit
code are those of the plain command. Ctrl-C leaves with exit 130, Ctrl-D
with 0, each after repeating the abandoned line on stderr.

prompt_toolkit is imported by `cli.prompt.ui` alone, when a prompt starts.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing costs milliseconds at every keystroke
if TYPE_CHECKING:
    from cli.env import Env

from cli.errors import CliError, ExitCode
from cli.prompt.setting import OFF, ON, PARTIAL, UNCONFIRMED_PARTIAL, config_mode, prompt_mode

__all__ = ["OFF", "ON", "PARTIAL", "UNCONFIRMED_PARTIAL", "config_mode", "initial_text",
           "prompt_mode", "run_prompted"]


def run_prompted(argv: list[str], env: Env, mode: str) -> int:
    """Prompt for the command line (at once, or once it has failed to parse) and run it."""
    from cli.main import main, run_command

    problem = None
    if mode in (PARTIAL, UNCONFIRMED_PARTIAL):
        try:
            return run_command(argv, env)
        except CliError as e:
            if e.exit_code != ExitCode.USAGE:
                raise
            if mode == UNCONFIRMED_PARTIAL and config_mode(argv, env) != PARTIAL:
                raise
            problem = CliError.render(e).strip("\n")  # without the usage lines
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
    return main(command_words(text), env, prompt=False)


def initial_text(argv: list[str]) -> str:
    """What the prompt opens with: the words typed, less the switch that opened it.

    A trailing space lets the menu offer what comes next.
    """
    import shlex

    from cli.prompt.setting import spells

    words = [w for w in argv if not spells(w, "--cli-auto-prompt")]
    return " ".join(shlex.quote(w) for w in words) + (" " if words else "")
