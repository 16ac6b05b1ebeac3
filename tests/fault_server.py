"""A loopback HTTP server that misbehaves on purpose, for the fault tests and the memory bench.

Each accepted connection reads one request (headers and a Content-Length body), records it,
and then does what `fault` says:

- "answer": a complete response: `status`, `content_type`, `body` (bytes), extra `headers`;
- "short": the same headers (Content-Length of the whole body) but only the first `cut`
  bytes of the body, then the connection closes;
- "stall": the headers and the first `cut` bytes of the body, then nothing (until the
  server stops);
- "chunked-short": a chunked body whose last chunk is cut short, then the connection closes;
- "garbage": bytes that are not an HTTP response, then the connection closes;
- "hang": never answers (until the server stops);
- "reset": closes the connection with a TCP reset, without a byte of response;
- "close": closes the connection cleanly without a byte of response.

`routes` ({path: body}) answers by the request's path instead (404 for any other path),
e.g. to stand in for the EC2 instance metadata service.

Standard library only; nothing here imports botocore.
"""

from __future__ import annotations

import socket
import struct
import threading


class FaultServer:
    """`with FaultServer("short", body=b'{"a": 1}', cut=3) as server: server.endpoint`."""

    def __init__(self, fault: str = "answer", *, body: bytes = b"{}", status: int = 200,
                 content_type: str = "application/x-amz-json-1.1", cut: int = 0,
                 headers: dict[str, str] | None = None,
                 routes: dict[str, bytes] | None = None) -> None:
        self.fault = fault
        self.routes = routes
        self.body = body
        self.status = status
        self.content_type = content_type
        self.cut = cut
        self.headers = headers or {}
        self.requests: list[tuple[bytes, bytes]] = []  # (request head, request body)
        self._listener = socket.socket()
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(16)
        self.endpoint = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        self._stopped = threading.Event()
        self._open: list[socket.socket] = []
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def __enter__(self) -> FaultServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stopped.set()
        try:
            # Wake accept() up: a connection to ourselves.
            socket.create_connection(self._listener.getsockname(), timeout=1).close()
        except OSError:
            pass
        self._thread.join(timeout=5)
        self._listener.close()
        for conn in self._open:
            try:
                conn.close()
            except OSError:
                pass

    # -- serving ----------------------------------------------------------------------------

    def _serve(self) -> None:
        while not self._stopped.is_set():
            try:
                conn, _ = self._listener.accept()
            except OSError:
                return
            if self._stopped.is_set():
                conn.close()
                return
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        self._open.append(conn)
        try:
            request = _read_request(conn)
            if request is None:
                conn.close()
                return
            self.requests.append(request)
            if self.fault == "hang":
                self._stopped.wait()
            elif self.fault == "reset":
                conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            elif self.routes is not None:
                path = request[0].split(b" ")[1].decode().split("?")[0]
                body = self.routes.get(path)
                status = 200 if body is not None else 404
                conn.sendall(self._head(body or b"", status) + (body or b""))
            elif self.fault == "stall":
                conn.sendall(self._head(self.body, self.status) + self.body[:self.cut])
                self._stopped.wait()
            elif self.fault == "chunked-short":
                head = self._head(self.body, self.status).replace(
                    f"Content-Length: {len(self.body)}".encode(), b"Transfer-Encoding: chunked")
                conn.sendall(head + b"%x\r\n" % len(self.body) + self.body[:self.cut])
            elif self.fault == "garbage":
                conn.sendall(self.body)
            elif self.fault in ("answer", "short"):
                body = self.body if self.fault == "answer" else self.body[:self.cut]
                conn.sendall(self._head(self.body, self.status) + body)
            conn.close()
        except OSError:
            pass

    def _head(self, body: bytes, status: int) -> bytes:
        lines = [f"HTTP/1.1 {status} {'OK' if status < 400 else 'Error'}",
                 f"Content-Type: {self.content_type}",
                 f"Content-Length: {len(body)}",
                 "x-amzn-RequestId: fault-server",
                 "Connection: close"]
        lines += [f"{name}: {value}" for name, value in self.headers.items()]
        return ("\r\n".join(lines) + "\r\n\r\n").encode()


def _read_request(conn: socket.socket) -> tuple[bytes, bytes] | None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            break
        body += chunk
    return head, body
