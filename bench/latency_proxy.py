"""A loopback TCP proxy that delays every chunk a client sends by a fixed time (bench/s3sync.py).

    client ──chunk──▶ [held DELAY s] ──▶ upstream (moto)
    client ◀──────── at once ─────────── upstream

It stands for a region's round trip in front of a local server: each request's
bytes reach the server DELAY seconds after they were sent, as over a long
link, without limiting throughput (chunks are queued with the time they are
due, not sent one delay after another), so a large upload pays the latency
once per request, not once per chunk.

Only 127.0.0.1, both sides. Every loop ends: a connection's loops at end of
stream, an error, or IDLE seconds without bytes; the accept loop when the proxy
is stopped (it polls its flag every POLL seconds).
"""

from __future__ import annotations

import queue
import socket
import threading
import time

LOOPBACK = "127.0.0.1"
CHUNK = 256 * 1024
IDLE = 300.0  # seconds a connection may sit silent before the proxy drops it
POLL = 0.2


class LatencyProxy:
    """`with LatencyProxy(upstream_port, delay=0.02) as proxy: proxy.endpoint`."""

    def __init__(self, upstream_port: int, delay: float = 0.020) -> None:
        self.upstream_port = upstream_port
        self.delay = delay
        self._listener = socket.create_server((LOOPBACK, 0))
        self._listener.settimeout(POLL)
        self.port = self._listener.getsockname()[1]
        self.endpoint = f"http://{LOOPBACK}:{self.port}"
        self._stopped = threading.Event()
        self._sockets: set[socket.socket] = set()
        self._lock = threading.Lock()
        self.connections = 0  # accepted so far: how many a CLI opened

    def __enter__(self) -> LatencyProxy:
        threading.Thread(target=self._accept_loop, name="proxy-accept", daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self._stopped.set()
        self._listener.close()
        with self._lock:
            for sock in self._sockets:
                _close(sock)
            self._sockets.clear()

    def _accept_loop(self) -> None:
        while not self._stopped.is_set():
            try:
                client, _ = self._listener.accept()
            except socket.timeout:
                continue
            except OSError:
                return  # the listener was closed
            try:
                upstream = socket.create_connection((LOOPBACK, self.upstream_port), timeout=IDLE)
            except OSError:
                client.close()
                continue
            client.settimeout(IDLE)
            for sock in (client, upstream):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self._lock:
                self._sockets.update((client, upstream))
                self.connections += 1
            held: queue.Queue = queue.Queue()
            ends = _Ends(self, (client, upstream), 3)
            for target, args in ((_read_held, (client, held, self.delay)),
                                 (_send_held, (held, upstream)),
                                 (_pump, (upstream, client))):
                threading.Thread(target=_then(target, ends), args=args, daemon=True).start()

    def _forget(self, sockets: tuple) -> None:
        with self._lock:
            for sock in sockets:
                _close(sock)
                self._sockets.discard(sock)


class _Ends:
    """A connection's two sockets, closed when the last of its three loops ends (a CLI
    opens thousands of connections; their descriptors must not pile up)."""

    def __init__(self, proxy: LatencyProxy, sockets: tuple, loops: int) -> None:
        self.proxy, self.sockets, self.loops = proxy, sockets, loops
        self.lock = threading.Lock()

    def one_ended(self) -> None:
        with self.lock:
            self.loops -= 1
            last = self.loops == 0
        if last:
            self.proxy._forget(self.sockets)


def _then(loop, ends: _Ends):
    def run(*args) -> None:
        try:
            loop(*args)
        finally:
            ends.one_ended()
    return run


def _read_held(source: socket.socket, held: queue.Queue, delay: float) -> None:
    """The client's bytes, each chunk queued with the moment it is due upstream."""
    try:
        while True:
            data = source.recv(CHUNK)
            held.put((time.monotonic() + delay, data))
            if not data:
                return
    except OSError:
        held.put((time.monotonic(), b""))


def _send_held(held: queue.Queue, target: socket.socket) -> None:
    """Forward each held chunk once it is due (the queue is in arrival order, so in order of
    due time); end of stream closes the upstream's write side."""
    try:
        while True:
            due, data = held.get(timeout=IDLE)
            pause = due - time.monotonic()
            if pause > 0:
                time.sleep(pause)
            if not data:
                target.shutdown(socket.SHUT_WR)
                return
            target.sendall(data)
    except (OSError, queue.Empty):
        _close(target)


def _pump(source: socket.socket, target: socket.socket) -> None:
    """The server's answers, straight back."""
    try:
        while True:
            data = source.recv(CHUNK)
            if not data:
                target.shutdown(socket.SHUT_WR)
                return
            target.sendall(data)
    except OSError:
        _close(target)
        _close(source)


def _close(sock: socket.socket) -> None:
    try:
        sock.close()
    except OSError:
        pass
