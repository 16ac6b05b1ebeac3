"""A loopback stub of IAM Identity Center: the OIDC service and the access portal.

    with IdentityCenterStub() as stub:
        environ.update(stub.environ())   # AWS_ENDPOINT_URL_SSO_OIDC / _SSO
        ...

OIDC (restJson, as botocore's sso-oidc model sends it): RegisterClient
(POST /client/register), StartDeviceAuthorization (POST /device_authorization),
CreateToken (POST /token) for the device_code, authorization_code (PKCE S256
checked) and refresh_token grants, and the un-modelled GET /authorize a browser
follows, answered with a redirect to the client's loopback redirect_uri.
Portal: GetRoleCredentials, ListAccounts, ListAccountRoles, Logout, each
requiring a live access token in x-amz-sso_bearer_token.

`device_outcome` decides what polling a device code ends in: "approve" (after
`pending_polls` AuthorizationPending answers), "deny" (AccessDeniedException)
or "expire" (ExpiredTokenException). Every request is kept in `calls`.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlparse

ACCOUNTS = [
    {"accountId": "111111111111", "accountName": "dev", "emailAddress": "dev@example.com"},
    {"accountId": "222222222222", "accountName": "prod", "emailAddress": "prod@example.com"},
]
ROLES = {"111111111111": ["ReadOnly"], "222222222222": ["Admin", "ReadOnly"]}


class IdentityCenterStub:
    def __init__(self, *, device_outcome: str = "approve", pending_polls: int = 1,
                 accounts: list[dict] = ACCOUNTS, roles: dict[str, list[str]] = ROLES):
        self.accounts = accounts
        self.roles = roles
        self.device_outcome = device_outcome
        self.pending_polls = pending_polls
        self.calls: list[tuple[str, str]] = []  # (operation, path)
        self.clients: dict[str, dict] = {}
        self.devices: dict[str, dict] = {}
        self.codes: dict[str, dict] = {}
        self.tokens: set[str] = set()
        self.logged_out: list[str] = []
        self.lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_port}"

    def environ(self) -> dict[str, str]:
        return {"AWS_ENDPOINT_URL_SSO_OIDC": self.url, "AWS_ENDPOINT_URL_SSO": self.url}

    def operations(self) -> list[str]:
        return [operation for operation, _ in self.calls]

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._server.shutdown()
        self._server.server_close()

    # -- OIDC -------------------------------------------------------------------------

    def register_client(self, body: dict):
        client_id = "client-" + secrets.token_hex(4)
        self.clients[client_id] = dict(body, secret="secret-" + secrets.token_hex(8))
        return 200, {"clientId": client_id, "clientSecret": self.clients[client_id]["secret"],
                     "clientIdIssuedAt": int(time.time()),
                     "clientSecretExpiresAt": int(time.time()) + 90 * 86400}

    def start_device_authorization(self, body: dict):
        if not self._client_ok(body):
            return _error("InvalidClientException", "unknown client")
        code = "device-" + secrets.token_hex(4)
        self.devices[code] = {"polls": 0}
        user_code = "ABCD-EFGH"
        return 200, {"deviceCode": code, "userCode": user_code, "expiresIn": 600,
                     "interval": 1, "verificationUri": f"{self.url}/device",
                     "verificationUriComplete": f"{self.url}/device?user_code={user_code}"}

    def create_token(self, body: dict):
        if not self._client_ok(body):
            return _error("InvalidClientException", "unknown client")
        grant = body.get("grantType")
        if grant == "urn:ietf:params:oauth:grant-type:device_code":
            device = self.devices.get(body.get("deviceCode"))
            if device is None:
                return _error("InvalidGrantException", "unknown device code")
            device["polls"] += 1
            if device["polls"] <= self.pending_polls:
                return _error("AuthorizationPendingException", "pending")
            if self.device_outcome == "deny":
                return _error("AccessDeniedException", "The user denied the request")
            if self.device_outcome == "expire":
                return _error("ExpiredTokenException", "The device code has expired")
            del self.devices[body["deviceCode"]]
        elif grant == "authorization_code":
            grant_data = self.codes.pop(body.get("code"), None)
            if grant_data is None or grant_data["redirect_uri"] != body.get("redirectUri"):
                return _error("InvalidGrantException", "bad code or redirect URI")
            digest = hashlib.sha256(body.get("codeVerifier", "").encode()).digest()
            if base64.urlsafe_b64encode(digest).decode().rstrip("=") != grant_data["challenge"]:
                return _error("InvalidGrantException", "PKCE verification failed")
        elif grant == "refresh_token":
            if not body.get("refreshToken", "").startswith("refresh-"):
                return _error("InvalidGrantException", "bad refresh token")
        else:
            return _error("UnsupportedGrantTypeException", str(grant))
        token = "access-" + secrets.token_hex(8)
        self.tokens.add(token)
        return 200, {"accessToken": token, "tokenType": "Bearer", "expiresIn": 28800,
                     "refreshToken": "refresh-" + secrets.token_hex(8)}

    def authorize(self, query: dict):
        """What the sign-in page does once the user approves: back to the redirect URI."""
        client = self.clients.get(query.get("client_id"))
        redirect = query.get("redirect_uri", "")
        if client is None or query.get("code_challenge_method") != "S256":
            return 400, {}, b"bad authorize request"
        registered = [urlparse(u)._replace(netloc="127.0.0.1").geturl()
                      for u in client.get("redirectUris", [])]
        if urlparse(redirect)._replace(netloc="127.0.0.1").geturl() not in registered:
            return 400, {}, b"redirect_uri not registered"
        code = "code-" + secrets.token_hex(4)
        self.codes[code] = {"redirect_uri": redirect, "challenge": query.get("code_challenge")}
        location = redirect + "?" + urlencode({"code": code, "state": query.get("state", "")})
        return 302, {"Location": location}, b""

    def _client_ok(self, body: dict) -> bool:
        client = self.clients.get(body.get("clientId"))
        return client is not None and client["secret"] == body.get("clientSecret")

    # -- portal -------------------------------------------------------------------------

    def portal(self, operation: str, token: str | None, query: dict):
        if token not in self.tokens:
            return _error("UnauthorizedException", "Session token not found or invalid", 401)
        if operation == "Logout":
            self.tokens.discard(token)
            self.logged_out.append(token)
            return 200, {}
        if operation == "ListAccounts":
            return 200, {"accountList": self.accounts}
        if operation == "ListAccountRoles":
            account = query.get("account_id")
            return 200, {"roleList": [{"roleName": r, "accountId": account}
                                      for r in self.roles.get(account, [])]}
        return 200, {"roleCredentials": {
            "accessKeyId": "ASIA" + query.get("account_id", "")[:12],
            "secretAccessKey": "role-secret-" + query.get("role_name", ""),
            "sessionToken": "role-session-token",
            "expiration": int(time.time() + 3600) * 1000}}


ROUTES = {("POST", "/client/register"): "RegisterClient",
          ("POST", "/device_authorization"): "StartDeviceAuthorization",
          ("POST", "/token"): "CreateToken",
          ("GET", "/federation/credentials"): "GetRoleCredentials",
          ("GET", "/assignment/accounts"): "ListAccounts",
          ("GET", "/assignment/roles"): "ListAccountRoles",
          ("POST", "/logout"): "Logout",
          ("GET", "/authorize"): "Authorize"}


def _error(code: str, message: str, status: int = 400):
    return status, {"__type": code, "error": code, "error_description": message,
                    "message": message}


def _handler(stub: IdentityCenterStub):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            self._answer("GET")

        def do_POST(self):
            self._answer("POST")

        def _answer(self, method: str):
            parsed = urlparse(self.path)
            operation = ROUTES.get((method, parsed.path))
            query = {k: v[0] for k, v in parse_qs(parsed.query).items()}
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            body = json.loads(raw) if raw else {}
            with stub.lock:
                stub.calls.append((operation or "?", self.path))
                if operation is None:
                    status, headers, data = 404, {}, b"not found"
                elif operation == "Authorize":
                    status, headers, data = stub.authorize(query)
                else:
                    if operation in ("RegisterClient",):
                        status, document = stub.register_client(body)
                    elif operation == "StartDeviceAuthorization":
                        status, document = stub.start_device_authorization(body)
                    elif operation == "CreateToken":
                        status, document = stub.create_token(body)
                    else:
                        status, document = stub.portal(
                            operation, self.headers.get("x-amz-sso_bearer_token"), query)
                    headers = {"Content-Type": "application/json"}
                    if status >= 400:
                        headers["x-amzn-ErrorType"] = document["__type"]
                    data = json.dumps(document).encode()
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    return Handler
