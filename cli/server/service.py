"""The resident server: import everything once, keep one forked spare waiting, repeat.

    serve(socket_path)   (python -m cli.server serve PATH; started by the client)

The server process itself never takes a connection and never runs a command:
it holds the lock, the listening socket and the log, and forks a *spare*
that waits in accept(). A spare that accepts tells the server at once ("A")
so that the next spare is forked while this one becomes its command
(cli.server.worker). So a command's process is forked before it is asked for,
and whatever a command does (sessions, credentials, clients, caches) dies
with its process: the server only ever imported modules.

The server ends (unlinking its socket, if it is still its own) after
SHAPECLI_SERVER_IDLE seconds without a command (default 900), on `shapecli
server stop` (a spare relays "Q"), on SIGTERM, and when its installation has
changed underneath it: the server looks before it forks a spare (at most every
RECHECK_SECONDS) and every CHECK_SECONDS; a spare whose command comes later than
RECHECK_SECONDS after that look looks again, and if it finds a change relays "C"
and declines the command, which its client then runs itself. Commands running at that moment
carry on: they need nothing of the server. Spares end with the server: they
watch a pipe only the server holds open.
"""

from __future__ import annotations

import fcntl
import gc
import os
import select
import signal
import socket
import struct
import sys
import time

from cli.server import worker

IDLE_SECONDS = 900
CHECK_SECONDS = 5  # how often the server itself looks for a changed installation
RECHECK_SECONDS = 0.5  # how stale a look at the installation a command may rely on
LOG_LIMIT = 1 << 20  # a log larger than this is started afresh
# What a call, a help page, a skeleton and an argument error import: the server imports
# them once so that no command does. (Names, not import statements: cli.main is imported by
# nothing but the entry points; these are the modules a call was seen to load.)
WARM_MODULES = (
    "cli.main", "cli.catalog", "cli.customizations", "cli.dispatch", "cli.responses",
    "cli.shortcuts", "cli.values", "cli.request", "cli.operation_room", "cli.present",
    "cli.arguments", "cli.batch", "cli.wait", "cli.help", "cli.help.operation", "cli.help.doc",
    "cli.help.layout", "cli.help.listing", "cli.help.syntax", "cli.commands.room",
    "skeleton", "output", "output.jsonout", "output.text", "output.table", "output.yamlout",
    "output.pager", "output.color",
    "botocore.session", "botocore.client", "botocore.endpoint", "botocore.httpsession",
    "botocore.parsers", "botocore.serialize", "botocore.validate", "botocore.auth",
    "botocore.credentials", "botocore.regions", "botocore.endpoint_provider",
    "botocore.retries.standard", "botocore.retries.adaptive", "botocore.paginate",
    "botocore.waiter", "botocore.tokens", "botocore.configprovider", "botocore.handlers",
    "botocore.loaders", "botocore.model", "botocore.response", "botocore.eventstream",
    "jmespath", "yaml", "encodings.idna", "unicodedata", "stringprep", "json", "http.client",
    "urllib3", "email.utils", "subprocess", "shlex", "locale", "fcntl",
)


class Log:
    """The server's own messages: a file beside the socket, never a command's stderr."""

    def __init__(self, path: str):
        try:
            if os.stat(path).st_size > LOG_LIMIT:
                os.unlink(path)
        except OSError:
            pass
        self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o600)

    def __call__(self, text: str) -> None:
        stamp = time.strftime("%Y-%m-%dT%H:%M:%S")
        try:
            os.write(self.fd, f"{stamp} [{os.getpid()}] {text}\n".encode("utf-8", "replace"))
        except OSError:
            pass


def paths(socket_path: str) -> dict[str, str]:
    stem = socket_path[:-len(".sock")] if socket_path.endswith(".sock") else socket_path
    return {"socket": socket_path, "log": stem + ".log", "lock": stem + ".lock",
            "pid": stem + ".pid"}


def peer_allowed(credentials: bytes, uid: int) -> bool:
    """SO_PEERCRED's (pid, uid, gid): only a process of the server's own user is served."""
    if len(credentials) != struct.calcsize("3i"):
        return False
    _pid, peer_uid, _gid = struct.unpack("3i", credentials)
    return peer_uid == uid


def installation_files() -> tuple[str, ...]:
    """The files whose change means the loaded code is not the installed code any more."""
    roots = tuple(os.path.dirname(os.path.dirname(m.__file__)) + os.sep for m in
                  (sys.modules["cli"], sys.modules["botocore"]))
    found = {sys.modules["botocore"].__file__, sys.executable}
    for module in list(sys.modules.values()):
        path = getattr(module, "__file__", None)
        if path and path.startswith(roots) and path.endswith(".py") and \
                module.__name__.split(".")[0] in ("cli", "output", "shorthand", "skeleton"):
            found.add(path)
    return tuple(sorted(found))


def fingerprint(files: tuple[str, ...]) -> tuple:
    stamps = []
    for path in files:
        try:
            st = os.stat(path)
            stamps.append((st.st_mtime_ns, st.st_size, st.st_ino))
        except OSError:
            stamps.append(None)
    return tuple(stamps)


def serve(socket_path: str) -> int:
    # Descriptors the first caller inherited from its own parent (a harness's pipe, a
    # jobserver) must not be held open for the server's lifetime.
    os.closerange(3, os.sysconf("SC_OPEN_MAX"))
    where = paths(socket_path)
    directory = os.path.dirname(socket_path)
    st = os.lstat(directory)
    if st.st_uid != os.getuid() or st.st_mode & 0o077 or not os.path.isdir(directory):
        return 1
    log = Log(where["log"])
    lock = os.open(where["lock"], os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return 0  # another server of this installation runs (or is starting)
    os.chdir("/")
    devnull = os.open(os.devnull, os.O_RDWR)
    os.dup2(devnull, 0)
    os.dup2(log.fd, 1)  # anything printed by accident lands in the log, never a command's
    os.dup2(log.fd, 2)
    os.close(devnull)
    started = time.perf_counter()
    stopping: list[str] = []
    for signum in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(signum, lambda n, f: stopping.append(signal.Signals(n).name))
    for name in WARM_MODULES:
        try:
            __import__(name)
        except Exception as error:  # a missing extra costs its command the import, no more
            log(f"could not import {name}: {error!r}")
    for signum in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):  # cli.__main__ set SIGINT
        signal.signal(signum, lambda n, f: stopping.append(signal.Signals(n).name))
    files = installation_files()
    stamps = fingerprint(files)

    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        os.unlink(socket_path)  # a stale socket of a server that died: ours now
    except FileNotFoundError:
        pass
    old_umask = os.umask(0o177)
    listener.bind(socket_path)
    os.umask(old_umask)
    listener.listen(128)
    listener.setblocking(False)
    inode = os.stat(socket_path).st_ino
    with open(where["pid"] + ".tmp", "w") as f:
        f.write(f"{os.getpid()}\n")
    os.replace(where["pid"] + ".tmp", where["pid"])
    idle = _idle_seconds(log)
    log(f"serving {socket_path} (pid {os.getpid()}, ready in "
        f"{time.perf_counter() - started:.2f} s, idle limit {idle:g} s, "
        f"{len(files)} files watched)")

    gc.collect()
    gc.freeze()  # spares share these pages with the server instead of copying them
    alive_r, alive_w = os.pipe()
    notify_r, notify_w = os.pipe()
    os.set_blocking(notify_w, False)
    signal.set_wakeup_fd(notify_w)  # a signal's number wakes the select() below at once
    spares: set[int] = set()
    last_command = last_check = time.monotonic()
    reason = None
    served = 0  # commands handed to their process (status probes and stops are not)
    try:
        while reason is None:
            if stopping:
                reason = f"signal {stopping[0]}"
                break
            if not spares:
                if time.monotonic() - last_check > RECHECK_SECONDS:
                    last_check = time.monotonic()
                    if fingerprint(files) != stamps:
                        reason = "its installation changed"
                        break
                pid = _fork_spare(listener, alive_r, alive_w, notify_r, notify_w, lock, stamps,
                                  files, last_check, log)
                spares.add(pid)
            now = time.monotonic()
            wait = min(idle - (now - last_command), CHECK_SECONDS)
            if wait <= 0:
                reason = f"idle for {idle:g} s"
                break
            try:
                ready, _, _ = select.select([notify_r], [], [], wait)
            except InterruptedError:
                ready = []
            if ready:
                for message in os.read(notify_r, 512):
                    if message == ord("A"):
                        spares.clear()  # the spare that accepted is a command now
                        last_command = time.monotonic()
                    elif message == ord("N"):
                        served += 1
                    elif message == ord("Q"):
                        reason = "asked to stop"
                    elif message == ord("C"):
                        reason = "its installation changed"
            _reap(spares)
            if time.monotonic() - last_check >= CHECK_SECONDS:
                last_check = time.monotonic()
                if fingerprint(files) != stamps:
                    reason = "its installation changed"
                elif _socket_inode(socket_path) != inode:
                    reason = "its socket was removed or replaced"
    finally:
        if _socket_inode(socket_path) == inode:
            os.unlink(socket_path)
        listener.close()
        os.close(alive_w)  # the spares see the end of this pipe and exit
        log(f"stopped: {reason or 'an error'} ({served} commands served)")
    return 0


def _idle_seconds(log) -> float:
    text = os.environ.get("SHAPECLI_SERVER_IDLE", "")
    try:
        value = float(text) if text else IDLE_SECONDS
    except ValueError:
        log(f"SHAPECLI_SERVER_IDLE={text!r} is not a number of seconds; using {IDLE_SECONDS}")
        value = IDLE_SECONDS
    return value if value > 0 else IDLE_SECONDS


def _socket_inode(path: str) -> int | None:
    try:
        return os.stat(path).st_ino
    except OSError:
        return None


def _reap(spares: set[int]) -> None:
    while True:
        try:
            pid, _status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        spares.discard(pid)  # a spare that died unasked is replaced on the next turn


def _fork_spare(listener, alive_r, alive_w, notify_r, notify_w, lock, stamps, files, checked,
                log) -> int:
    pid = os.fork()
    if pid:
        return pid
    try:  # the spare: nothing may return from here
        os.close(alive_w)
        os.close(notify_r)
        os.close(lock)  # the lock is the server's: a long command must not hold it
        signal.set_wakeup_fd(-1)
        for signum in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
            signal.signal(signum, signal.SIG_DFL)
        _spare(listener, alive_r, notify_w, stamps, files, checked, log)
    except BaseException as error:  # noqa: BLE001 - the spare's last word goes to the log
        log(f"spare failed: {error!r}")
    os._exit(0)


def _spare(listener, alive_r, notify_w, stamps, files, checked, log) -> None:
    # The server looked at the installation at most RECHECK_SECONDS before forking this
    # spare (at `checked`); the spare looks again after accept() only if its command comes
    # later than that: commands in a loop each meet a spare forked a moment ago, and pay
    # nothing for the check.
    poller = select.poll()
    poller.register(listener, select.POLLIN)
    poller.register(alive_r, select.POLLIN)
    while True:
        events = dict(poller.poll())
        if alive_r in events:
            return  # the server has gone
        try:
            conn, _ = listener.accept()
            break
        except (BlockingIOError, InterruptedError):
            continue  # another spare took it
    os.write(notify_w, b"A")
    os.setpgid(0, 0)  # before its pid goes to the client, which signals the group
    listener.close()
    os.close(alive_r)
    credentials = conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    if not peer_allowed(credentials, os.getuid()):
        log(f"refused a peer of another user: {struct.unpack('3i', credentials)}")
        return
    try:
        request = worker.read_request(conn)
    except (OSError, worker.BadRequest) as error:
        if str(error):
            log(f"unreadable request: {error!r}")
        return
    if request.kind == worker.STOP:
        os.write(notify_w, b"Q")
        worker.reply(conn, b"X", 0)
        return
    if time.monotonic() - checked > RECHECK_SECONDS and fingerprint(files) != stamps:
        os.write(notify_w, b"C")
        for fd in request.fds:
            os.close(fd)
        worker.reply(conn, b"R")
        return
    os.write(notify_w, b"N")
    os.close(notify_w)
    worker.run_served(conn, request, log)
