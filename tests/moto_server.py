"""A real moto server on 127.0.0.1, on a free port, for the integration tests and the demo."""

from __future__ import annotations

import os
import socket
import tempfile


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class MotoServer:
    """moto's threaded server; `environ` is what a client needs to reach it."""

    def __init__(self) -> None:
        import logging

        from moto.server import ThreadedMotoServer

        logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no request log on stderr

        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self._server = ThreadedMotoServer(ip_address="127.0.0.1", port=self.port, verbose=False)
        self.home = tempfile.mkdtemp(prefix="shapecli-home-")

    def __enter__(self) -> "MotoServer":
        self._server.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.stop()

    def environ(self) -> dict[str, str]:
        """A clean environment: test credentials, a region, the endpoint, an empty home."""
        keep = {k: v for k, v in os.environ.items() if k in ("PATH", "LANG", "TZ", "SYSTEMROOT")}
        return {
            **keep,
            "HOME": self.home,
            "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing",
            "AWS_DEFAULT_REGION": "us-west-2",
            "AWS_ENDPOINT_URL": self.endpoint,
            "AWS_PAGER": "",
        }
