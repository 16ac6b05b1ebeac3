"""The benchmark's latency proxy (bench/latency_proxy.py): bytes pass whole both ways, in
order, and a connection's sockets are released when it ends. No timings (see bench/)."""

from __future__ import annotations

import hashlib
import socket
import threading
import time

from bench.latency_proxy import LatencyProxy


def _echo_server():
    """A loopback server that answers each connection with the sha256 of all it received."""
    listener = socket.create_server(("127.0.0.1", 0))

    def serve():
        for _ in range(3):
            conn, _ = listener.accept()
            with conn:
                digest = hashlib.sha256()
                while data := conn.recv(65536):
                    digest.update(data)
                conn.sendall(digest.hexdigest().encode() * 1000)

    threading.Thread(target=serve, daemon=True).start()
    return listener


def _through(proxy: LatencyProxy, payload: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", proxy.port), timeout=30) as conn:
        for start in range(0, len(payload), 70_000):  # many chunks, each held and sent in order
            conn.sendall(payload[start:start + 70_000])
        conn.shutdown(socket.SHUT_WR)
        answer = b""
        while data := conn.recv(65536):
            answer += data
    return answer


def test_bytes_pass_whole_and_sockets_are_released():
    listener = _echo_server()
    with LatencyProxy(listener.getsockname()[1], delay=0.001) as proxy:
        for size in (0, 1, 3_000_000):
            payload = bytes(range(256)) * (size // 256) + b"x" * (size % 256)
            expected = hashlib.sha256(payload).hexdigest().encode() * 1000
            assert _through(proxy, payload) == expected
        assert proxy.connections == 3
        for _ in range(100):  # a connection ends just after the client sees the answer's end
            if not proxy.open:
                break
            time.sleep(0.05)
        assert proxy.open == 0
    listener.close()
