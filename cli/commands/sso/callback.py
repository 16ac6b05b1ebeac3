"""The loopback listener the sign-in page redirects the browser to (authorization code flow).

It listens on 127.0.0.1 only, on a port the system picks, for
GET /oauth/callback?code=...&state=... (or ?error=...), answers with a short
page telling the user to go back to the terminal, and hands the code and state
to the sign-in. It waits ten minutes at most, as v2 does.
"""

from __future__ import annotations

import time
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlparse

from cli.commands.sso.tokens import EXPIRED, SignInFailed

PAGE = (b"<!DOCTYPE html><html><head><meta charset='utf-8'><title>AWS CLI</title></head>"
        b"<body><h1>Request approved</h1><p>You can close this window and return to the "
        b"terminal.</p></body></html>")
POLL_SECONDS = 10  # one wait for a request; Ctrl-C is seen between two
OVERALL_SECONDS = 10 * 60


class CallbackListener:
    """Waits for the one redirect that carries the authorization code."""

    def __init__(self, overall_seconds: float = OVERALL_SECONDS):
        self.overall_seconds = overall_seconds
        self.result: tuple[str | None, str | None] | None = None
        try:
            self._server = HTTPServer(("127.0.0.1", 0), _handler(self))
        except OSError as e:
            raise SignInFailed(
                "Unable to initialize the OAuth 2.0 authorization callback handler: "
                f"{e} \n You may use --use-device-code to fall back to the device code "
                "flow which does not require the callback handler.") from None
        self._server.timeout = POLL_SECONDS

    @property
    def redirect_uri(self) -> str:
        return f"http://127.0.0.1:{self._server.server_port}/oauth/callback"

    def wait(self) -> tuple[str | None, str | None]:
        """(code, state) of the redirect; (None, None) if the page reported an error."""
        deadline = time.monotonic() + self.overall_seconds
        while self.result is None and time.monotonic() < deadline:
            self._server.handle_request()
        if self.result is None:
            raise SignInFailed(EXPIRED)
        return self.result

    def close(self) -> None:
        self._server.server_close()


def _handler(listener: CallbackListener):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # nothing on the terminal per request
            pass

        def version_string(self):
            return "shapecli"

        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(PAGE)))
            self.end_headers()
            self.wfile.write(PAGE)
            query = parse_qs(urlparse(self.path).query)
            if "error" in query:
                listener.result = (None, None)
            elif "code" in query and "state" in query:
                listener.result = (query["code"][0], query["state"][0])

    return Handler
