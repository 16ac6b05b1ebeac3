"""A loopback HTTP server that records every request and answers a canned response.

For tests that check what goes on the wire (the request a customization
builds) without a service behind it: JSON protocols get `{}`, the query and
ec2 protocols an empty `<ActionResponse>` document, everything else an empty
body, unless the test queues responses of its own.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import NamedTuple
from urllib.parse import parse_qs, urlsplit


class Recorded(NamedTuple):
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes

    def json(self):
        return json.loads(self.body or b"{}")

    def form(self) -> dict[str, str]:
        """A query-protocol body as {key: value} (one value per key)."""
        return {k: v[0] for k, v in parse_qs(self.body.decode(), keep_blank_values=True).items()}


class Response(NamedTuple):
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = {}


class RecordingServer:
    def __init__(self) -> None:
        self.requests: list[Recorded] = []
        self.responses: list[Response] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                url = urlsplit(self.path)
                record = Recorded(self.command, url.path, parse_qs(url.query, keep_blank_values=True),
                                  {k.lower(): v for k, v in self.headers.items()}, body)
                server.requests.append(record)
                response = server.responses.pop(0) if server.responses else _default(record)
                self.send_response(response.status)
                for name, value in response.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(response.body)))
                self.end_headers()
                self.wfile.write(response.body)

            do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = _handle

            def log_message(self, *args) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.endpoint = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> "RecordingServer":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()


def _default(record: Recorded) -> Response:
    content_type = record.headers.get("content-type", "")
    if "amz-json" in content_type:
        return Response(body=b"{}", headers={"Content-Type": content_type})
    if content_type.startswith("application/x-www-form-urlencoded"):
        action = parse_qs(record.body.decode()).get("Action", ["Unknown"])[0]
        body = f"<{action}Response><{action}Result/></{action}Response>".encode()
        return Response(body=body, headers={"Content-Type": "text/xml"})
    if record.body.lstrip().startswith(b"<"):  # rest-xml: an empty answer parses
        return Response()
    if "json" in content_type or not content_type:
        return Response(body=b"{}", headers={"Content-Type": "application/json"})
    return Response()
