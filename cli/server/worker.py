"""One served command: a spare process of the server becomes the caller's command, then exits.

    read_request(conn) -> Request      (what cli.server.client.request wrote, and 4 fds)
    run_served(conn, request, log)      (never returns)

The process (already in a process group of its own, which the client signals as
a terminal would) says "S" and its pid, then takes the caller's standard streams
(received as descriptors, so the command writes to the caller's own terminal or
pipe), working directory (a descriptor too), umask, environment, locale, time
zone and argv. It waits for the client's "G" (without it, the client runs the
command itself, so this process must not), runs cli.__main__.execute exactly as
`aws` would, and reports the exit code ("X").
"""

from __future__ import annotations

import io
import os
import signal
import socket
import struct
import sys
import time
from typing import NamedTuple

import cli.__main__ as entry

MAGIC = b"shapecli-1"
STOP = b"shapecli-stop"
MAX_REQUEST = 16 << 20  # an environment of 16 MB is not a caller's
GO_SECONDS = 10.0


class BadRequest(Exception):
    """What arrived is not a request of this version's client."""


class Request(NamedTuple):
    kind: bytes            # MAGIC (a command) or STOP
    umask: int = 0o22
    streams: tuple = ()    # (encoding, errors, "l" line buffered + "w" write-through) x 3
    argv: tuple = ()
    environ: tuple = ()    # (name, value) bytes pairs
    fds: tuple = ()        # stdin, stdout, stderr, working directory


def read_request(conn: socket.socket, timeout: float = 5.0) -> Request:
    conn.settimeout(timeout)
    fd_space = socket.CMSG_SPACE(4 * struct.calcsize("i"))
    data, ancillary, _, _ = conn.recvmsg(65536, fd_space)
    fds: list[int] = []
    for level, kind, payload in ancillary:
        if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
            usable = len(payload) - len(payload) % 4
            fds += struct.unpack(f"{usable // 4}i", payload[:usable])
    try:
        if not data and not fds:
            raise BadRequest("")  # a probe (`shapecli server status`): connected, said nothing
        if len(data) < 4:
            raise BadRequest("no length")
        (length,) = struct.unpack("!I", data[:4])
        if length > MAX_REQUEST:
            raise BadRequest("too long")
        body = bytearray(data[4:])
        while len(body) < length:
            chunk = conn.recv(min(1 << 20, length - len(body)))
            if not chunk:
                raise BadRequest("cut short")
            body += chunk
        return parse_request(bytes(body), tuple(fds))
    except BaseException:
        for fd in fds:
            os.close(fd)
        raise


def parse_request(body: bytes, fds: tuple) -> Request:
    """Fields: magic, umask, argc, 3 x (encoding, errors, buffering), argv..., NAME=VALUE..."""
    fields = body.split(b"\0")
    if fields[0] == STOP:
        return Request(STOP, fds=fds)
    if fields[0] != MAGIC or len(fields) < 12 or len(fds) != 4:
        raise BadRequest("not a request of this version")
    try:
        umask, argc = int(fields[1]), int(fields[2])
    except ValueError:
        raise BadRequest("bad numbers") from None
    raw = [f.decode("ascii", "replace") for f in fields[3:12]]
    streams = tuple((raw[i], raw[i + 1], raw[i + 2]) for i in (0, 3, 6))
    argv = tuple(os.fsdecode(word) for word in fields[12:12 + argc])
    if len(argv) != argc:
        raise BadRequest("argv cut short")
    environ = tuple(tuple(entry.split(b"=", 1)) for entry in fields[12 + argc:] if b"=" in entry)
    return Request(MAGIC, umask & 0o777, streams, argv, environ, fds)


def reply(conn: socket.socket, kind: bytes, number: int = 0) -> bool:
    try:
        conn.sendall(kind + struct.pack("!i", number))
        return True
    except OSError:
        return False


def run_served(conn: socket.socket, request: Request, log) -> None:
    """Become the caller's command, run it, report its exit code; never returns.

    "S" goes first, so that the client's "G" travels while this process takes on
    the caller's state. Should that fail, "R" after the "G" still means that nothing
    ran: the client runs the command itself. `log(text)` writes to the server's log
    (fd 2 is the caller's stderr by then).
    """
    if not reply(conn, b"S", os.getpid()):
        os._exit(0)
    try:
        _become(request)
        failed = None
    except Exception as error:
        failed = error
    if not _go(conn):
        os._exit(0)  # the client gave up waiting and runs the command itself
    if failed is not None:
        log(f"could not set up a command: {failed!r}")
        reply(conn, b"R")
        os._exit(1)

    def interrupted(signum, frame):  # Ctrl-C, forwarded: as cli.__main__, and say so
        os.write(2, b"\n")
        reply(conn, b"X", 130)
        os._exit(130)

    signal.signal(signal.SIGINT, interrupted)
    _die_with_client(conn)
    code = entry.execute(list(request.argv))
    reply(conn, b"X", code)
    os._exit(code)


def _go(conn: socket.socket) -> bool:
    conn.settimeout(GO_SECONDS)
    try:
        return conn.recv(1) == b"G"
    except OSError:
        return False


def _die_with_client(conn: socket.socket) -> None:
    """SIGIO (whose default is to end the process) when the client's end closes: an `aws`
    killed outright takes its command with it, as a process of its own would."""
    import fcntl

    conn.setblocking(True)
    fcntl.fcntl(conn.fileno(), fcntl.F_SETOWN, os.getpid())
    flags = fcntl.fcntl(conn.fileno(), fcntl.F_GETFL)
    fcntl.fcntl(conn.fileno(), fcntl.F_SETFL, flags | os.O_ASYNC)


def _become(request: Request) -> None:
    """The caller's streams, directory, umask, environment, locale, argv, signal handling.

    (The process group of its own is the spare's first step after accept().)
    """
    for name in ("SIGTERM", "SIGHUP", "SIGQUIT", "SIGTSTP", "SIGCONT", "SIGWINCH", "SIGCHLD",
                 "SIGUSR1", "SIGUSR2"):
        signal.signal(getattr(signal, name), signal.SIG_DFL)
    signal.signal(signal.SIGPIPE, signal.SIG_IGN)  # as Python sets it in every process
    stdin, stdout, stderr, cwd = request.fds
    for target, fd in ((0, stdin), (1, stdout), (2, stderr)):
        os.dup2(fd, target)  # inheritable, as a process's own 0, 1, 2 are (for the pager)
        os.close(fd)
    os.fchdir(cwd)
    os.close(cwd)
    os.umask(request.umask)
    before = {k: os.environb.get(k) for k in (b"TZ", b"LANG", b"LC_ALL", b"LC_CTYPE")}
    os.environb.clear()
    os.environb.update(dict(request.environ))
    if os.environb.get(b"TZ") != before[b"TZ"]:
        time.tzset()
    if any(os.environb.get(k) != v for k, v in before.items() if k != b"TZ"):
        import locale

        try:
            locale.setlocale(locale.LC_CTYPE, "")
        except locale.Error:
            pass
    sys.argv = ["aws", *request.argv]
    streams = []
    for fd, (encoding, errors, buffering) in enumerate(request.streams):
        # As the interpreter opens them: buffered, or unbuffered (write-through) under -u.
        through = "w" in buffering and fd > 0
        binary = open(fd, "wb" if fd else "rb", buffering=0 if through else -1, closefd=False)
        streams.append(io.TextIOWrapper(binary, encoding, errors, newline="\n",
                                        line_buffering="l" in buffering,
                                        write_through=through))
    sys.stdin, sys.stdout, sys.stderr = streams
    sys.__stdin__, sys.__stdout__, sys.__stderr__ = streams
