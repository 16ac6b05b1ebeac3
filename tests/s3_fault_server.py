"""A loopback S3 stand-in that fails on purpose: cut bodies, failing parts, stalls.

    HEAD /b/<key>            200, the object's size, ETag and time
    GET  /b/cut              the headers promise SIZE bytes, half are sent, the socket closes
    GET  /b/stall            the headers, then nothing for up to STALL seconds
    POST /b/<key>?uploads    a multipart upload starts
    PUT  /b/<key>?partNumber part 1 succeeds, every later part answers 500
    DELETE /b/<key>?uploadId the upload is aborted (recorded)

Every request is recorded as (method, path with query). Only 127.0.0.1; the server
stops when the test's `with` block ends, and a stalled answer ends after STALL s.
"""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SIZE = 4096
STALL = 3.0
LAST_MODIFIED = "Wed, 01 Jan 2025 00:00:00 GMT"


class FaultServer:
    def __init__(self) -> None:
        self.requests: list[tuple[str, str]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet
                pass

            def _record(self):
                outer.requests.append((self.command, self.path))
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)

            def _send(self, code: int, body: bytes = b"", headers: dict | None = None):
                self.send_response(code)
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_HEAD(self):
                self._record()
                self.send_response(200)
                self.send_header("Content-Length", str(SIZE))
                self.send_header("ETag", '"abc"')
                self.send_header("Last-Modified", LAST_MODIFIED)
                self.end_headers()

            def do_GET(self):
                self._record()
                self.send_response(200)
                self.send_header("Content-Length", str(SIZE))
                self.send_header("ETag", '"abc"')
                self.send_header("Last-Modified", LAST_MODIFIED)
                self.end_headers()
                if "/stall" in self.path:
                    deadline = time.monotonic() + STALL
                    while time.monotonic() < deadline and not outer.stopped.is_set():
                        time.sleep(0.05)
                else:
                    self.wfile.write(b"x" * (SIZE // 2))
                self.wfile.flush()
                self.close_connection = True

            def do_POST(self):
                self._record()
                body = (b'<?xml version="1.0" encoding="UTF-8"?><InitiateMultipartUploadResult>'
                        b"<Bucket>b</Bucket><Key>k</Key><UploadId>up-1</UploadId>"
                        b"</InitiateMultipartUploadResult>")
                self._send(200, body, {"Content-Type": "application/xml"})

            def do_PUT(self):
                self._record()
                if "partNumber=1&" in self.path or self.path.endswith("partNumber=1"):
                    return self._send(200, b"", {"ETag": '"p1"'})
                body = (b'<?xml version="1.0" encoding="UTF-8"?><Error><Code>InternalError'
                        b"</Code><Message>We encountered an internal error.</Message></Error>")
                self._send(500, body, {"Content-Type": "application/xml"})

            def do_DELETE(self):
                self._record()
                self._send(204)

        self.stopped = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.endpoint = f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> FaultServer:
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.stopped.set()
        self._server.shutdown()
        self._server.server_close()
