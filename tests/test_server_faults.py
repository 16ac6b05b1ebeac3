"""The command server failing, stopping and being interrupted, with real processes and a pty.

Whatever happens to the server, the command gives the answer it would have given
without one: run by the client itself before the hand-over, finished by its own
process after it, and reported in one line (exit 255) only if that process dies.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time

import pytest

from tests.fault_server import FaultServer
from tests.terminal import CTRL_D, Terminal, row_of
from tests.runner import AWS
from tests.server_helpers import STARTER, aws, served, shapecli  # noqa: F401 (a fixture)


def wait_until(condition, timeout: float = 20, what: str = "the condition") -> None:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise AssertionError(f"{what} never came true")
        time.sleep(0.02)


def children(pid: int) -> set[int]:
    with open(f"/proc/{pid}/task/{pid}/children") as f:
        return {int(p) for p in f.read().split()}


def gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rpartition(")")[2].split()[0] == "Z"  # exited, not yet reaped
    except FileNotFoundError:
        return True


def refused(path: str) -> bool:
    with socket.socket(socket.AF_UNIX) as probe:
        try:
            probe.connect(path)
        except ConnectionRefusedError:
            return True
    return False


def hanging_command(environ, endpoint):
    """A served call that waits on an endpoint that never answers (a 4 s read timeout)."""
    return subprocess.Popen(
        [AWS, "cognito-idp", "list-user-pools", "--max-results", "1", "--endpoint-url", endpoint,
         "--cli-read-timeout", "4"],
        env={**environ, "AWS_MAX_ATTEMPTS": "1"}, stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def command_process(server_pid: int) -> int:
    """The server's child that is running the command: a spare in a process group of its own."""
    found: list[int] = []

    def running() -> bool:
        found[:] = [p for p in children(server_pid) if not gone(p) and os.getpgid(p) == p]
        return len(found) >= 1
    wait_until(running, what="a command process")
    return found[0]


# -- the server dies -------------------------------------------------------------------------

def test_a_server_killed_before_a_command_leaves_a_stale_socket_that_is_replaced(served):
    environ, server = served
    server.start()
    socket_path = server.file(".sock")
    os.kill(server.pid(), signal.SIGKILL)
    wait_until(lambda: refused(socket_path), what="the spare gone with its server")
    assert os.path.exists(socket_path)  # stale: nobody listens
    result = aws([*STARTER, "--user-pool-id", "p"], environ)  # run by the client itself
    assert result.exit_code == 252 and "--username" in result.stderr
    wait_until(lambda: "server:  running" in shapecli(["server", "status"], environ).stdout,
               what="a new server")
    assert aws(STARTER, environ).exit_code == 252
    assert server.served_count() == 1


def test_a_socket_file_nobody_listens_on_is_replaced(served):
    environ, server = served
    server.start()
    socket_path = server.file(".sock")
    server.stop()
    wait_until(lambda: not os.path.exists(socket_path), what="the socket removed")
    with socket.socket(socket.AF_UNIX) as stale:  # bound, never listening, left behind
        stale.bind(socket_path)
    assert aws(STARTER, environ).exit_code == 252
    server.start()
    assert aws(STARTER, environ).exit_code == 252
    assert server.served_count() == 1


def test_a_server_killed_during_a_command_lets_the_command_finish(served):
    environ, server = served
    server.start()
    with FaultServer("hang") as endpoint:
        proc = hanging_command(environ, endpoint.endpoint)
        wait_until(lambda: len(endpoint.requests) == 1, what="the request")
        command_process(server.pid())
        os.kill(server.pid(), signal.SIGKILL)
        out, err = proc.communicate(timeout=30)
        assert proc.returncode == 255 and "Read timeout" in err, err
        assert len(endpoint.requests) == 1


def test_a_command_process_killed_mid_command_is_one_line_and_255_never_a_rerun(served):
    environ, server = served
    server.start()
    with FaultServer("hang") as endpoint:
        proc = hanging_command(environ, endpoint.endpoint)
        wait_until(lambda: len(endpoint.requests) == 1, what="the request")
        os.kill(command_process(server.pid()), signal.SIGKILL)
        out, err = proc.communicate(timeout=30)
        assert proc.returncode == 255
        assert out == "" and err.strip().count("\n") == 0 and "ended without an exit" in err
        time.sleep(0.5)
        assert len(endpoint.requests) == 1  # never run a second time


# -- signals and pipes through the server ----------------------------------------------------

def test_ctrl_c_reaches_the_served_command(served):
    environ, server = served
    server.start()
    with FaultServer("hang") as endpoint:
        proc = hanging_command(environ, endpoint.endpoint)
        wait_until(lambda: len(endpoint.requests) == 1, what="the request")
        pid = command_process(server.pid())
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
        assert proc.returncode == 130 and out == "" and err.strip() == ""
        wait_until(lambda: gone(pid), what="the command's process gone")


def test_sigterm_ends_the_command_and_the_client_as_it_would_end_aws(served):
    environ, server = served
    server.start()
    with FaultServer("hang") as endpoint:
        proc = hanging_command(environ, endpoint.endpoint)
        wait_until(lambda: len(endpoint.requests) == 1, what="the request")
        pid = command_process(server.pid())
        proc.terminate()
        proc.communicate(timeout=30)
        assert proc.returncode == -signal.SIGTERM
        wait_until(lambda: gone(pid), what="the command's process gone")


@pytest.mark.parametrize("setting", ["on", "off"])
def test_a_closed_pipe_ends_quietly_as_without_the_server(served, setting):
    environ, server = served
    if setting == "on":
        server.start()
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has gone before the first byte
    try:
        proc = subprocess.run([AWS, "ec2", "run-instances", "--generate-cli-skeleton"],
                              env={**environ, "SHAPECLI_SERVER": setting},
                              stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=60)
    finally:
        os.close(write_end)
    assert (proc.returncode, proc.stderr) == (0, "")  # as `aws ... | head -0` ends today
    if setting == "on":
        assert server.served_count() == 1
    else:
        assert not server.directory.exists()  # the server off: not even its directory made


# -- the terminal ----------------------------------------------------------------------------

def test_the_prompt_on_a_terminal_through_the_server(served):
    environ, server = served
    environ = {**environ, "TERM": "xterm"}
    server.start()
    with Terminal(["cognito-idp", "--cli-auto-prompt"], environ) as term:
        term.wait_for("> aws cognito-idp", "[Ctrl-D] quit")
        term.send("list-user-po")
        term.wait_for("list-user-pools")
        term.send(CTRL_D)
        assert term.exit_code() == 0
    assert server.served_count() == 1


@pytest.mark.skipif(not any(os.access(os.path.join(d, "less"), os.X_OK)
                            for d in os.environ.get("PATH", "").split(os.pathsep)),
                    reason="needs less")
def test_the_pager_on_a_terminal_through_the_server(served):
    environ, server = served
    environ = {**environ, "TERM": "xterm", "AWS_PAGER": "less"}
    server.start()
    with Terminal(["ec2", "run-instances", "--generate-cli-skeleton"], environ) as term:
        screen = term.wait_for('"ImageId"', ":")
        assert '"BlockDeviceMappings"' in screen and '"ClientToken"' not in screen  # page 1
        term.send("q")
        assert term.exit_code() == 0
    assert server.served_count() == 1


# -- stopping --------------------------------------------------------------------------------

def test_stop_and_idle_end_the_server_and_remove_its_socket(served):
    environ, server = served
    server.start()
    socket_path = server.file(".sock")
    assert shapecli(["server", "stop"], environ).stdout == "stopped\n"
    wait_until(lambda: not os.path.exists(socket_path), what="the socket removed")
    assert shapecli(["server", "stop"], environ).stdout == "not running\n"
    server.environ = environ = {**environ, "SHAPECLI_SERVER_IDLE": "0.5"}
    server.start()
    wait_until(lambda: not os.path.exists(socket_path), what="the idle server gone")
    with open(server.file(".log")) as f:
        assert "stopped: idle for 0.5 s" in f.read().splitlines()[-1]


def state(pid: int) -> str:
    with open(f"/proc/{pid}/stat") as f:
        return f.read().rpartition(")")[2].split()[0]


def test_ctrl_z_stops_the_command_with_aws_and_fg_continues_both(served):
    environ, server = served
    server.start()
    with FaultServer("hang") as endpoint:
        proc = hanging_command(environ, endpoint.endpoint)
        wait_until(lambda: len(endpoint.requests) == 1, what="the request")
        pid = command_process(server.pid())
        proc.send_signal(signal.SIGTSTP)
        wait_until(lambda: state(proc.pid) == "T" and state(pid) == "T", what="both stopped")
        proc.send_signal(signal.SIGCONT)
        wait_until(lambda: state(proc.pid) != "T" and state(pid) != "T", what="both running")
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=30) == 130


def test_aws_killed_outright_takes_its_command_with_it(served):
    environ, server = served
    server.start()
    with FaultServer("hang") as endpoint:
        proc = hanging_command(environ, endpoint.endpoint)
        wait_until(lambda: len(endpoint.requests) == 1, what="the request")
        pid = command_process(server.pid())
        proc.kill()
        proc.wait(timeout=30)
        wait_until(lambda: gone(pid), timeout=3, what="the command's process gone")


def test_the_server_keeps_no_descriptor_of_the_first_caller(served):
    environ, server = served
    read_end, write_end = os.pipe()
    os.set_inheritable(write_end, True)
    try:  # the first command (which starts the server) inherits a pipe's write end as fd 3+
        subprocess.run([AWS, *STARTER], env=environ, pass_fds=(write_end,),
                       capture_output=True, timeout=60)
    finally:
        os.close(write_end)
    server.start()
    os.set_blocking(read_end, False)
    wait_until(lambda: _at_end(read_end), what="the pipe's end")  # nobody else holds it
    os.close(read_end)


def _at_end(fd: int) -> bool:
    try:
        return os.read(fd, 1) == b""
    except BlockingIOError:
        return False


DECLINING_CLIENT = """
import _signal, sys
from cli.server import client
class Stream:  # what no served process can take on: an encoding Python does not know
    encoding, errors, line_buffering, write_through = "no-such-codec", "strict", False, False
before = _signal.getsignal(_signal.SIGINT)
sys.stdout = Stream()
code = client.serve(["cognito-idp", "admin-confirm-sign-up"])
sys.stdout = sys.__stdout__
print(code, _signal.getsignal(_signal.SIGINT) is before)
"""


def test_a_spare_that_cannot_take_on_the_caller_declines_after_the_go(served):
    environ, server = served
    server.start()
    proc = subprocess.run([sys.executable, "-c", DECLINING_CLIENT], env=environ,
                          capture_output=True, text=True, timeout=60)
    assert (proc.stdout, proc.stderr) == ("None True\n", "")  # run here, handlers as before
    with open(server.file(".log")) as f:
        assert "could not set up a command: LookupError" in f.read()
    assert server.served_count() == 1  # handed to its process, which ran nothing


def test_a_window_size_change_reaches_the_served_prompt(served):
    environ, server = served
    server.start()
    with Terminal(["cognito-idp", "--cli-auto-prompt"], {**environ, "TERM": "xterm"}) as term:
        before = row_of(term.wait_for("> aws cognito-idp", "[Ctrl-D] quit"), "[Ctrl-D] quit")
        term.child.setwinsize(20, 100)  # the terminal sends SIGWINCH to `aws`
        term.screen.resize(20, 100)
        def laid_out_again() -> bool:  # (pyte's resize blanks the screen until a redraw)
            screen = term.settle()
            return "[Ctrl-D] quit" in screen and \
                not before.startswith(row_of(screen, "[Ctrl-D] quit"))

        wait_until(laid_out_again, timeout=10, what="the toolbar laid out for 100 columns")
        term.send(CTRL_D)
        assert term.exit_code() == 0
    assert server.served_count() == 1


def test_sigterm_stops_the_server_at_once(served):
    environ, server = served
    server.start()
    socket_path = server.file(".sock")
    os.kill(server.pid(), signal.SIGTERM)
    wait_until(lambda: not os.path.exists(socket_path), timeout=3, what="the socket removed")
    with open(server.file(".log")) as f:
        assert "stopped: signal SIGTERM" in f.read().splitlines()[-1]
