"""`aws`'s side of the command server: whether it is on, and handing a command over.

cli.__main__.run imports this module first thing, and only when the server may be
wanted (SHAPECLI_SERVER=on, or a config file naming cli_server), so it imports
only what is loaded already or is a C module: `os`, `sys`, `_socket` and
`_struct` (the `socket` module itself builds enums at import, ~2 ms; its C half
has everything needed here). No botocore, no other cli module.

    serve(argv) -> exit code of the command the server ran, or None: run it here.

None is the answer whenever the server did not take the command: the server
is off, a standard stream is closed, the socket directory is not private, no
server listens (one is started in the background for the next command), or
the server declined before the command started. Once the server has said it
is about to run the command and this side has said go ("G"), the command is
the server's; if its process then dies without an exit code, this side
writes one line and returns 255 (or dies of the signal it forwarded).
"""

import _socket
import os
import sys
from _struct import pack, unpack

from cli import __version__

ENVIRONMENT_VARIABLE = "SHAPECLI_SERVER"   # on / off; wins over the config file
SETTING = "cli_server"                     # in the profile's section of the config file
HANDOVER_SECONDS = 10.0  # a loaded machine may take a while to fork the next spare
# Frames from the server: one byte, then a signed 32-bit number.
STARTED, EXITED, DECLINED = b"S", b"X", b"R"
GO = b"G"
# Signals the terminal or `kill` sends to `aws` that the command must get instead.
# To the command's process group, as a terminal sends them (a pager gets them too):
GROUP_SIGNALS = ("SIGINT", "SIGQUIT", "SIGHUP", "SIGWINCH", "SIGCONT")
# To the command's process alone, as `kill PID` does:
PROCESS_SIGNALS = ("SIGTERM", "SIGUSR1", "SIGUSR2")
DIED_LINE = b"\nshapecli: the command server's process for this command ended without an " \
            b"exit code; the command may have run in part\n"


# -- on or off -------------------------------------------------------------------------------

def wanted(argv: list, environ, text: bytes | None = None) -> bool:
    """SHAPECLI_SERVER=on|off, else `cli_server = on` in the profile's config, else off.

    `text`: the config file's bytes when the caller has read them already (cli.__main__).
    """
    value = environ.get(ENVIRONMENT_VARIABLE)
    if value is not None:
        return value.strip().lower() == "on"
    if text is None:
        text = _config_text(environ)
    if text is None or SETTING.encode() not in text.lower():
        return False  # the common case: one small read, no parsing
    value = config_setting(text.decode("utf-8", "replace"), _profile(argv, environ), SETTING)
    return (value or "").strip().lower() == "on"


def _config_text(environ) -> bytes | None:
    path = environ.get("AWS_CONFIG_FILE") or "~/.aws/config"
    if path.startswith("~"):
        home = environ.get("HOME")
        path = (home + path[1:]) if home else os.path.expanduser(path)
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        return None


def _profile(argv: list, environ) -> str:
    """--profile NAME (or --profile=NAME), else AWS_PROFILE, AWS_DEFAULT_PROFILE, `default`."""
    for i, word in enumerate(argv):
        if word == "--profile" and i + 1 < len(argv):
            return argv[i + 1]
        if word.startswith("--profile="):
            return word[len("--profile="):]
    return environ.get("AWS_PROFILE") or environ.get("AWS_DEFAULT_PROFILE") or "default"


def config_setting(text: str, profile: str, name: str) -> str | None:
    """`name`'s value in `profile`'s section of a config file's text, as botocore reads it.

    Sections: `[default]` and `[profile NAME]`; keys in any case, `=` or `:`, blanks
    around; `#`/`;` comment lines; indented lines continue a value (ignored here).
    """
    inside = False
    value = None
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped[0] in "#;":
            continue
        if stripped[0] == "[":
            header = stripped[1:].partition("]")[0].split()
            if header == ["default"]:
                inside = profile == "default"
            else:
                inside = len(header) == 2 and header[0] == "profile" and header[1] == profile
            continue
        if not inside or line[0] in " \t":
            continue
        cut = min((i for i in (line.find("="), line.find(":")) if i > 0), default=-1)
        if cut > 0 and line[:cut].strip().lower() == name:
            value = line[cut + 1:].strip()
    return value


# -- where the server listens ----------------------------------------------------------------

def private_directory(environ) -> str | None:
    """$XDG_RUNTIME_DIR/shapecli, else /tmp/shapecli-UID, made 0700; None unless ours alone."""
    uid = os.getuid()
    base = environ.get("XDG_RUNTIME_DIR") or ""
    path = f"{base}/shapecli" if base.startswith("/") else f"/tmp/shapecli-{uid}"
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        try:
            os.mkdir(path, 0o700)
        except FileExistsError:
            pass
        except OSError:
            return None
        try:
            st = os.lstat(path)
        except OSError:
            return None
    except OSError:
        return None
    if (st.st_mode & 0o170000) != 0o040000 or st.st_uid != uid or st.st_mode & 0o077:
        return None  # a symlink, a file, someone else's, or open to others: not used
    return path


def installation_key(environ) -> str:
    """16 hex digits naming this installation: shapecli, botocore, Python, AWS_DATA_PATH, HOME.

    botocore is named by its __init__.py's path, size and mtime (an upgrade replaces the
    file): found on sys.path with a few stats, never imported.
    """
    botocore = ""
    for entry in sys.path:
        candidate = f"{entry or '.'}/botocore/__init__.py"
        try:
            st = os.stat(candidate)
        except OSError:
            continue
        botocore = f"{candidate}:{st.st_size}:{st.st_mtime_ns}"
        break
    described = "\0".join((
        __version__, os.path.dirname(os.path.dirname(__file__)), botocore, sys.version,
        os.path.realpath(sys.executable), str(sys.flags.utf8_mode),
        environ.get("AWS_DATA_PATH", ""),
        # botocore fixes paths below HOME when it is imported (the SSO token cache, its
        # credential cache, ~/.aws/models): a command with another HOME needs its own server.
        environ.get("HOME", ""),
    ))
    digest = 0xcbf29ce484222325  # FNV-1a, 64 bits: stable across processes, no hashlib
    for byte in described.encode("utf-8", "surrogateescape"):
        digest = ((digest ^ byte) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return f"{digest:016x}"


def socket_path(environ) -> str | None:
    directory = private_directory(environ)
    return None if directory is None else f"{directory}/{installation_key(environ)}.sock"


# -- handing a command over ------------------------------------------------------------------

def serve(argv: list) -> int | None:
    """Run `aws argv` in the server: its exit code; None when the server did not take it.

    The caller (cli.__main__.run) has decided that the server is wanted (`wanted`).
    """
    environ = os.environ
    try:
        for fd in (0, 1, 2):
            os.fstat(fd)
    except OSError:
        return None  # `>&-`: the socket would take the closed stream's number; run here
    path = socket_path(environ)
    if path is None:
        return None
    conn = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    try:
        conn.connect(path)
    except (FileNotFoundError, ConnectionRefusedError):
        conn.close()
        start_server(path)
        return None
    except OSError:
        conn.close()
        return None
    return _hand_over(conn, argv, path)


def request(argv: list, umask: int) -> bytes:
    """The command as bytes: a length, then NUL-separated fields (see worker.parse_request)."""
    streams = []
    for stream in (sys.stdin, sys.stdout, sys.stderr):
        streams += [getattr(stream, "encoding", None) or "utf-8",
                    getattr(stream, "errors", None) or "strict",
                    ("l" if getattr(stream, "line_buffering", False) else "")
                    + ("w" if getattr(stream, "write_through", False) else "")]
    fields = [b"shapecli-1", b"%d" % umask, b"%d" % len(argv),
              *(s.encode() for s in streams),
              *(os.fsencode(word) for word in argv),
              *(k + b"=" + v for k, v in os.environb.items())]
    body = b"\0".join(fields)
    return pack("!I", len(body)) + body


def _hand_over(conn, argv: list, path: str) -> int | None:
    try:
        cwd = os.open(".", os.O_PATH | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError:
        return None  # no working directory to hand over: run here
    umask = os.umask(0o22)
    os.umask(umask)
    payload = request(argv, umask)
    conn.settimeout(HANDOVER_SECONDS)
    try:
        sent = conn.sendmsg([payload], [(_socket.SOL_SOCKET, _socket.SCM_RIGHTS,
                                         pack("4i", 0, 1, 2, cwd))])
        if sent < len(payload):
            conn.sendall(payload[sent:])
        frame = _frame(conn)
        if frame is None:  # the server went away before taking it: start the next one
            start_server(path)
            return None
        if frame[0] != STARTED:
            return None  # declined
        pid = frame[1]
        conn.sendall(GO)  # from here on the command is the server's
    except ConnectionResetError:  # as above: it ended with this connection in its queue
        start_server(path)
        return None
    except OSError:  # including the timeout: the spare never runs without the "G"
        return None
    finally:
        os.close(cwd)
    conn.settimeout(None)
    forwarded, before = _forward_signals(pid)
    try:
        frame = _frame(conn)
    except OSError:
        frame = None
    if frame is not None and frame[0] == EXITED:
        return frame[1]
    if frame is not None and frame[0] == DECLINED:  # it could not take on this caller's state
        _forward_no_signals(before)
        return None
    if forwarded:  # it died of the signal it was sent: so does `aws`, as it would have
        _die_of(forwarded[-1])
    try:
        os.write(2, DIED_LINE)
    except OSError:
        pass
    return 255


def _frame(conn) -> tuple[bytes, int] | None:
    data = b""
    while len(data) < 5:
        chunk = conn.recv(5 - len(data))
        if not chunk:
            return None
        data += chunk
    return data[:1], unpack("!i", data[1:])[0]


def _forward_signals(pid: int) -> tuple[list, dict]:
    """Send the command's process (group) what `aws` receives.

    Returns the list of fatal signals sent (filled in as they come) and the handlers
    that were in place before.
    """
    import _signal

    fatal = []

    def to_group(signum, frame):
        _kill(-pid, signum)
        if signum in (_signal.SIGQUIT, _signal.SIGHUP):
            fatal.append(signum)

    def to_process(signum, frame):
        _kill(pid, signum)
        fatal.append(signum)

    def stop(signum, frame):  # Ctrl-Z: the command stops, then so does `aws`
        _kill(-pid, _signal.SIGTSTP)
        _signal.signal(_signal.SIGTSTP, _signal.SIG_DFL)
        os.kill(os.getpid(), _signal.SIGTSTP)
        _signal.signal(_signal.SIGTSTP, stop)  # continued (`fg`): SIGCONT is forwarded

    handlers = {**{getattr(_signal, name): to_group for name in GROUP_SIGNALS},
                **{getattr(_signal, name): to_process for name in PROCESS_SIGNALS},
                _signal.SIGTSTP: stop}
    before = {signum: _signal.signal(signum, handler) for signum, handler in handlers.items()}
    return fatal, before


def _forward_no_signals(before: dict) -> None:
    """Back to the handlers of before the hand-over: the command runs here after all."""
    import _signal

    for signum, handler in before.items():
        if handler is not None:  # (None: a handler set outside Python, left as it is)
            _signal.signal(signum, handler)


def _kill(pid: int, signum: int) -> None:
    try:
        os.kill(pid, signum)
    except OSError:
        pass


def _die_of(signum: int) -> None:
    import _signal

    _signal.signal(signum, _signal.SIG_DFL)
    os.kill(os.getpid(), signum)


# -- starting and stopping -------------------------------------------------------------------

# What the server's own process keeps of the first caller's environment: what decides how
# Python and botocore are found and read, never credentials (each command brings its own).
SERVER_ENVIRONMENT = ("PATH", "HOME", "LANG", "TZ", "TMPDIR", "XDG_RUNTIME_DIR", "AWS_DATA_PATH",
                      "SHAPECLI_SERVER_IDLE")


def server_environ(environ) -> dict:
    return {k: v for k, v in environ.items()
            if k in SERVER_ENVIRONMENT or k.startswith(("LC_", "PYTHON"))}


def start_server(path: str) -> None:
    """Start the server for `path` in the background, detached; it gives up at once if one runs."""
    devnull = os.devnull
    try:
        os.posix_spawn(sys.executable,
                       [sys.executable, "-P", "-m", "cli.server", "serve", path],
                       server_environ(os.environ),
                       file_actions=[(os.POSIX_SPAWN_OPEN, 0, devnull, os.O_RDONLY, 0),
                                     (os.POSIX_SPAWN_OPEN, 1, devnull, os.O_WRONLY, 0),
                                     (os.POSIX_SPAWN_DUP2, 1, 2)],
                       setsid=True)
    except OSError:
        pass  # no server this time: the command runs here all the same


def stop_server(path: str) -> bool:
    """Ask the server at `path` to stop; whether one was there to ask."""
    conn = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    conn.settimeout(HANDOVER_SECONDS)
    try:
        conn.connect(path)
        body = b"shapecli-stop"
        conn.sendall(pack("!I", len(body)) + body)
        frame = _frame(conn)
        return frame is not None and frame[0] == EXITED
    except OSError:
        return False
    finally:
        conn.close()
