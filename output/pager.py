"""The pager: which command, and writing through it.

v2 pipes output through a pager only when stdout is a terminal. The command
is the first of: AWS_PAGER, `cli_pager` in the config file, PAGER, `less`;
an empty value turns paging off, and so does --no-cli-pager. The pager runs
with LESS=FRX unless LESS is set (quit if one screen, keep colours, don't
clear the screen).

Unlike v2, writing never fails for reasons the user did not cause: a pager
that cannot be started means plain output and one warning line; quitting the
pager early, or a reader that closes the pipe (`aws ... | head -1`), ends the
output quietly.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping

DEFAULT_PAGER = "less"
_SHELL_CHARS = set("|&;<>()$`\n*?[]{}~")


def resolve_pager(
    environ: Mapping[str, str], config_pager: str | None, enabled: bool, isatty: bool
) -> str | None:
    """The pager command to use, or None to write straight to stdout."""
    if not enabled or not isatty:
        return None
    if "AWS_PAGER" in environ:
        command = environ["AWS_PAGER"]
    elif config_pager is not None:
        command = config_pager
    elif "PAGER" in environ:
        command = environ["PAGER"]
    else:
        command = DEFAULT_PAGER
    return command if command.strip() else None


def write(chunks: Iterable[str], env, pager: str | None) -> None:
    """Write `chunks` to env.stdout, through `pager` when one is given.

    Returns normally when everything was written, when the reader closed the
    pipe or quit the pager early, and when the pager could not be started
    (then the output goes to stdout after a warning on stderr). Exceptions
    raised by `chunks` itself propagate, after the pager has been closed.
    """
    if pager:
        process = _start(pager, env)
        if process is not None:
            with _interrupts_raise():
                _feed(process, chunks)
            return
    _write_stdout(chunks, env.stdout)


def _write_stdout(chunks: Iterable[str], stream) -> None:
    try:
        for chunk in chunks:
            stream.write(chunk)
        stream.flush()
    except BrokenPipeError:
        _discard_rest(stream)


def _discard_rest(stream) -> None:
    """Point the closed stream's descriptor at /dev/null.

    Python flushes stdout again at exit; without this that flush would
    print "Exception ignored ... BrokenPipeError" to stderr.
    """
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)


def _start(pager: str, env):
    # Imported here: resolving the pager happens on every command, paging rarely.
    import shlex
    import subprocess

    environ = dict(env.environ)
    environ.setdefault("LESS", "FRX")
    if _SHELL_CHARS & set(pager):
        args, shell = pager, True
    else:
        args, shell = shlex.split(pager), False
    stdout = env.stdout
    try:
        stdout.flush()
        stdout_fd = stdout.fileno()
    except (AttributeError, OSError, ValueError):
        stdout_fd = None
    try:
        return subprocess.Popen(
            args,
            shell=shell,
            stdin=subprocess.PIPE,
            stdout=stdout_fd,
            env=environ,
            text=True,
            encoding=getattr(stdout, "encoding", None) or "utf-8",
            errors=getattr(stdout, "errors", None) or "strict",
        )
    except OSError as error:
        reason = error.strerror or str(error)
        env.stderr.write(f"warning: could not start the pager '{pager}' ({reason}); "
                         "writing output without it\n")
        env.stderr.flush()
        return None


def _feed(process, chunks: Iterable[str]) -> None:
    try:
        try:
            for chunk in chunks:
                process.stdin.write(chunk)
        except BrokenPipeError:
            pass  # the user quit the pager before the end
        finally:
            try:
                process.stdin.close()
            except BrokenPipeError:
                pass
    finally:
        _wait(process)


class _interrupts_raise:
    """Ctrl-C raises KeyboardInterrupt while the pager runs.

    The `aws` process ends at once on Ctrl-C (cli.__main__); with a pager
    it must wait for the pager to restore the terminal first.
    """

    def __enter__(self):
        import signal
        import threading

        self.previous = None
        if threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGINT, signal.default_int_handler)

    def __exit__(self, *exc):
        if self.previous is not None:
            import signal

            signal.signal(signal.SIGINT, self.previous)


def _wait(process) -> None:
    # Ctrl-C reaches the pager too; leaving before it exits would hand the
    # user a terminal the pager has not restored.
    while True:
        try:
            process.wait()
            return
        except KeyboardInterrupt:
            continue
