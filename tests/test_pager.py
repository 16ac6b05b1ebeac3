"""The pager and colour rules, end to end with real processes.

The terminal tests run a small program on a pseudo-terminal (pty) with the
real `less` (CI: `apt-get install -y less`). The program does what the
engine does: resolve the pager, decide colour, render, write.
"""

from __future__ import annotations

import io
import os
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cli.env import Env
from output import pager
from output.color import use_color

ROOT = Path(__file__).resolve().parent.parent

RESOLVE = [
    # (id, environ, config_pager, enabled, isatty, expected)
    ("default_less", {}, None, True, True, "less"),
    ("not_a_tty", {"AWS_PAGER": "more"}, "most", True, False, None),
    ("no_cli_pager", {"AWS_PAGER": "more"}, None, False, True, None),
    ("aws_pager_first", {"AWS_PAGER": "more", "PAGER": "cat"}, "most", True, True, "more"),
    ("aws_pager_empty_is_off", {"AWS_PAGER": "", "PAGER": "cat"}, "most", True, True, None),
    ("config_before_pager", {"PAGER": "cat"}, "most -s", True, True, "most -s"),
    ("config_empty_is_off", {"PAGER": "cat"}, "", True, True, None),
    ("pager_env", {"PAGER": "cat"}, None, True, True, "cat"),
    ("pager_env_empty_is_off", {"PAGER": ""}, None, True, True, None),
    ("blank_is_off", {"AWS_PAGER": "  "}, None, True, True, None),
]


@pytest.mark.parametrize(
    "environ,config_pager,enabled,isatty,expected",
    [case[1:] for case in RESOLVE],
    ids=[case[0] for case in RESOLVE],
)
def test_resolve_pager(environ, config_pager, enabled, isatty, expected):
    assert pager.resolve_pager(environ, config_pager, enabled, isatty) == expected


COLOR = [("on", False, True), ("on", True, True), ("off", True, False), ("off", False, False),
         ("auto", True, True), ("auto", False, False), (None, True, True), (None, False, False)]


@pytest.mark.parametrize("mode,isatty,expected", COLOR)
def test_use_color(mode, isatty, expected):
    assert use_color(mode, isatty) is expected


def _env(tmp_path, environ=None):
    out = open(tmp_path / "out", "w", encoding="utf-8")
    return Env(environ=environ or {"PATH": os.environ["PATH"]}, stdout=out,
               stderr=io.StringIO(), stdout_isatty=False)


def _output(env, tmp_path):
    env.stdout.close()
    return (tmp_path / "out").read_text(encoding="utf-8")


def test_write_without_pager():
    env = Env(environ={}, stdout=io.StringIO(), stderr=io.StringIO(), stdout_isatty=False)
    pager.write(["a\n", "b ✓\n"], env, None)
    assert env.stdout.getvalue() == "a\nb ✓\n"
    assert env.stderr.getvalue() == ""


def test_write_through_a_pager(tmp_path):
    env = _env(tmp_path)
    pager.write(["abc\n", "dé\n"], env, "tr a-z A-Z")
    assert _output(env, tmp_path) == "ABC\nDé\n"
    assert env.stderr.getvalue() == ""


def test_pager_gets_less_frx_unless_less_is_set(tmp_path):
    env = _env(tmp_path)
    pager.write(["x\n"], env, 'sh -c \'cat >/dev/null; echo "$LESS"\'')
    assert _output(env, tmp_path) == "FRX\n"
    env = _env(tmp_path, {"PATH": os.environ["PATH"], "LESS": "-S"})
    pager.write(["x\n"], env, 'sh -c \'cat >/dev/null; echo "$LESS"\'')
    assert _output(env, tmp_path) == "-S\n"


def test_missing_pager_falls_back_with_one_warning(tmp_path):
    env = _env(tmp_path)
    pager.write(["out\n"], env, "no-such-pager-shapecli --flag")
    assert _output(env, tmp_path) == "out\n"
    warning = env.stderr.getvalue()
    assert warning.count("\n") == 1
    assert "no-such-pager-shapecli" in warning


def test_pager_quitting_early_ends_quietly(tmp_path):
    env = _env(tmp_path)
    chunks = ("line %d\n" % n for n in range(500_000))
    pager.write(chunks, env, "head -c 7")
    assert _output(env, tmp_path) == "line 0\n"
    assert env.stderr.getvalue() == ""


def test_errors_from_the_chunks_propagate_after_the_pager_closes(tmp_path):
    env = _env(tmp_path)

    def chunks():
        yield "first\n"
        raise RuntimeError("page 2 failed")

    with pytest.raises(RuntimeError):
        pager.write(chunks(), env, "cat")
    assert _output(env, tmp_path) == "first\n"


WRITER = """
import sys
from cli.env import Env
from output import pager
pager.write(("x" * 99 + "\\n" for _ in range(200_000)), Env(), None)
"""


def test_closed_pipe_with_large_output_ends_quietly():
    writer = subprocess.Popen([sys.executable, "-c", WRITER], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    head = subprocess.Popen(["head", "-1"], stdin=writer.stdout, stdout=subprocess.PIPE)
    writer.stdout.close()
    first, _ = head.communicate(timeout=30)
    stderr = writer.stderr.read()
    assert writer.wait(timeout=30) == 0
    assert first == b"x" * 99 + b"\n"
    assert stderr == b""


# --- a real terminal and a real less -----------------------------------------

PROGRAM = """
import os, sys
from cli.env import Env
import output
from output import pager
from output.color import use_color
env = Env()
rows = int(sys.argv[1])
data = {"Items": [{"Name": "item%03d" % n, "Size": n} for n in range(rows)]}
command = pager.resolve_pager(os.environ, None, sys.argv[2] == "paged", env.stdout_isatty)
text = output.render(data, "table", title="ListItems",
                     color=use_color(sys.argv[3], env.stdout_isatty))
pager.write([text], env, command)
sys.stderr.write("EXIT-OK\\n")
"""

# CI installs less (.ci/run): there a missing one fails instead of skipping.
needs_less = pytest.mark.skipif(shutil.which("less") is None and os.environ.get("CI") != "true",
                                reason="less is not installed")


def _run_on_terminal(args, keys=b"", environ=None, timeout=20.0):
    """Run PROGRAM on a 24x80 pty; type `keys` once it has drawn; return what it showed."""
    import fcntl
    import pty
    import struct
    import termios

    env = {"PATH": os.environ["PATH"], "TERM": "xterm", "HOME": os.environ.get("HOME", "/"),
           "PYTHONPATH": str(ROOT), **(environ or {})}
    pid, master = pty.fork()
    if pid == 0:  # the child: its stdio and controlling terminal are the pty
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        os.chdir(ROOT)
        os.execve(sys.executable, [sys.executable, "-c", PROGRAM, *args], env)
    shown = b""
    deadline = time.monotonic() + timeout
    typed = False
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.5)
        if ready:
            try:
                data = os.read(master, 65536)
            except OSError:  # EIO: the child and the pager are gone
                break
            if not data:
                break
            shown += data
        elif keys and not typed and shown:
            os.write(master, keys)
            typed = True
    else:
        os.kill(pid, 9)
    _, status = os.waitpid(pid, 0)
    os.close(master)
    return shown.decode("utf-8", "replace"), os.waitstatus_to_exitcode(status)


@needs_less
def test_short_output_through_less_in_colour():
    shown, code = _run_on_terminal(["3", "paged", "auto"])
    assert code == 0
    assert "EXIT-OK" in shown
    assert "ListItems" in shown and "item002" in shown
    assert "\x1b[1m\x1b[34mitem000\x1b[0m" in shown  # less -R passed the colours on
    assert "Traceback" not in shown


@needs_less
def test_long_output_waits_in_less_and_quitting_ends_quietly():
    shown, code = _run_on_terminal(["200", "paged", "auto"], keys=b"q")
    assert code == 0
    assert "item010" in shown
    assert "item150" not in shown  # only the first screen was shown
    assert "EXIT-OK" in shown
    assert "Traceback" not in shown and "Broken pipe" not in shown


@needs_less
def test_no_cli_pager_writes_everything_straight_to_the_terminal():
    shown, code = _run_on_terminal(["200", "unpaged", "auto"])
    assert code == 0
    assert "item199" in shown and "EXIT-OK" in shown


@needs_less
def test_color_off_on_a_terminal():
    shown, code = _run_on_terminal(["3", "paged", "off"])
    assert code == 0
    assert "item000" in shown
    assert "\x1b[34m" not in shown


@needs_less
def test_empty_aws_pager_turns_paging_off_on_a_terminal():
    shown, code = _run_on_terminal(["200", "paged", "auto"], environ={"AWS_PAGER": ""})
    assert code == 0
    assert "item199" in shown


def test_missing_pager_on_a_terminal_still_prints():
    shown, code = _run_on_terminal(["3", "paged", "off"], environ={"PAGER": "no-such-pager-x"})
    assert code == 0
    assert "item002" in shown
    assert "no-such-pager-x" in shown  # the warning line
