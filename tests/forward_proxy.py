"""A loopback HTTP forward proxy in front of the moto server, for tests of clients whose
endpoint carries a host prefix (S3 Control's `{AccountId}.`): with HTTP_PROXY pointing
here, the client resolves no name; each request is sent on to moto unchanged (its Host
header included, which moto routes by) and recorded as (method, host, path), its SigV4
signing region in `regions`. Used as an endpoint instead (no HTTP_PROXY), host is "". `rewrites`:
(old, new) byte replacements made in the answers (a value moto shapes unlike AWS)."""

from __future__ import annotations

import http.client
import http.server
import threading
import urllib.parse


class ForwardProxy:
    """`with ForwardProxy(moto_port) as proxy: proxy.url, proxy.seen`."""

    def __init__(self, upstream_port: int) -> None:
        self.seen: list[tuple[str, str, str]] = []
        self.rewrites: list[tuple[bytes, bytes]] = []
        self.regions: list[str] = []
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _forward(self) -> None:
                target = urllib.parse.urlsplit(self.path)
                path = target.path + (f"?{target.query}" if target.query else "")
                proxy.seen.append((self.command, target.hostname or "", target.path))
                scope = self.headers.get("Authorization", "").split("Credential=")[-1]
                proxy.regions.append(scope.split("/")[2] if scope.count("/") >= 4 else "")
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                upstream = http.client.HTTPConnection("127.0.0.1", upstream_port, timeout=30)
                try:
                    upstream.request(self.command, path, body=body,
                                     headers={k: v for k, v in self.headers.items()
                                              if k.lower() != "proxy-connection"})
                    answer = upstream.getresponse()
                    data = answer.read()
                    for old, new in proxy.rewrites:
                        data = data.replace(old, new)
                finally:
                    upstream.close()
                self.send_response(answer.status)
                for name, value in answer.getheaders():
                    if name.lower() not in ("content-length", "connection",
                                            "transfer-encoding"):
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = _forward

            def log_message(self, *args) -> None:
                pass

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> ForwardProxy:
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()
