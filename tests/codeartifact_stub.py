"""A loopback stand-in for the two CodeArtifact operations `aws codeartifact login` calls
(moto's server answers them with a 500): GetAuthorizationToken and GetRepositoryEndpoint.

Domains and their repositories are given at start; the endpoint of a repository is
`<stub>/<format>/<repository>/` on the stub's own address, so that it is a real URL. An
unknown domain or repository gets CodeArtifact's ResourceNotFoundException. Every request
is kept in `requests` (method, path, query) for the tests to look at.

    python -m tests.codeartifact_stub PORT     serves domain 'dom' with repository 'repo'
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

TOKEN = "eyJ2ZXIiOjEsImlzdSI6MTcwMDAwMDAwMH0.stub-token+/="  # characters a shell would mind


class CodeArtifactStub:
    def __init__(self, domains: dict[str, list[str]], port: int = 0, token: str = TOKEN):
        self.domains = domains
        self.token = token
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                url = urlsplit(self.path)
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                stub.requests.append((self.command, url.path, query))
                status, document = stub.answer(self.command, url.path, query)
                body = json.dumps(document).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                if status >= 400:
                    self.send_header("x-amzn-ErrorType", document["__type"])
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _answer

            def log_message(self, *args) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.endpoint = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def answer(self, method: str, path: str, query: dict[str, str]) -> tuple[int, dict]:
        domain = query.get("domain")
        if domain not in self.domains:
            return _not_found(f"Domain {domain} not found")
        if method == "POST" and path == "/v1/authorization-token":
            seconds = int(query.get("duration", 43200)) or 43200
            return 200, {"authorizationToken": self.token,
                         "expiration": time.time() + seconds}
        if method == "GET" and path == "/v1/repository/endpoint":
            repository = query.get("repository")
            if repository not in self.domains[domain]:
                return _not_found(f"Repository {repository} not found")
            owner = query.get("domain-owner", "123456789012")
            return 200, {"repositoryEndpoint":
                         f"{self.endpoint}/{query.get('format')}/{domain}-{owner}/{repository}/"}
        return 404, {"__type": "UnknownOperationException", "message": path}

    def __enter__(self) -> "CodeArtifactStub":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()


def _not_found(message: str) -> tuple[int, dict]:
    return 404, {"__type": "ResourceNotFoundException", "message": message}


if __name__ == "__main__":
    import sys

    with CodeArtifactStub({"dom": ["repo"]}, port=int(sys.argv[1])) as stub:
        print(stub.endpoint, flush=True)
        threading.Event().wait()
