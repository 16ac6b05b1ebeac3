"""Signing in to IAM Identity Center (OIDC) and v2's token cache in ~/.aws/sso/cache.

Two flows, as AWS CLI v2 runs them:

- authorization code with PKCE (an sso-session, v2's default): register a
  public client for the authorization_code and refresh_token grants with the
  redirect URI http://127.0.0.1/oauth/callback, send the browser to
  OIDC's /authorize with a S256 code challenge and a random state, take the
  code at the loopback listener (cli.commands.sso.callback), CreateToken with
  the code verifier;
- device code (a legacy profile, or --use-device-code): register a client,
  StartDeviceAuthorization, one CreateToken try before showing the code, then
  poll at the service's interval (5 s more on SlowDown) until a token, an
  expiry or a denial.

The cache is shared with v2 and botocore: the client registration under
sha1 of {tool, startUrl, region, scopes, session_name} (sorted JSON), the
token under sha1 of the sso-session name (or of the start URL for a legacy
profile), `.json` files with v2's fields and times written as
2026-01-31T12:00:00Z; written whole, 0600.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os

from cli.errors import CliError, ExitCode

DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"
AUTH_GRANTS = ["authorization_code", "refresh_token"]
DEFAULT_SCOPE = "sso:account:access"
REDIRECT_URI = "http://127.0.0.1/oauth/callback"  # registered without the port, as v2
EXPIRY_WINDOW = datetime.timedelta(minutes=15)  # a registration this close to its end is renewed
DEFAULT_INTERVAL = 5
SLOW_DOWN = 5


class SignInFailed(CliError):
    """The sign-in did not give a token (v2: exit 255, its message)."""

    exit_code = ExitCode.OTHER


EXPIRED = ("The pending authorization to retrieve an SSO token has expired. The login flow "
           "to retrieve an SSO token must be restarted.")


def token_folder(environ) -> str:
    home = environ.get("HOME") or os.path.expanduser("~")
    return os.path.join(home, ".aws", "sso", "cache")


class TokenCache:
    """v2's JSON file cache of the sso folder: one `<key>.json` per entry."""

    def __init__(self, folder: str):
        self.folder = folder

    def path(self, key: str) -> str:
        return os.path.join(self.folder, key + ".json")

    def get(self, key: str) -> dict | None:
        try:
            with open(self.path(key), encoding="utf-8") as f:
                value = json.load(f)
        except (OSError, ValueError):
            return None
        return value if isinstance(value, dict) else None

    def put(self, key: str, value: dict) -> None:
        from cli.files import SECRET, write_atomically

        path = self.path(key)
        try:
            write_atomically(path, json.dumps(value, default=_utc_text), mode=SECRET)
        except OSError as e:
            raise SignInFailed(f"Could not write the token cache: [Errno {e.errno}] "
                               f"{e.strerror}: '{path}'") from None


def _utc_text(value):
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    raise TypeError(f"{type(value).__name__} is not JSON")


def registration_key(start_url: str, region: str, scopes, session_name) -> str:
    document = {"tool": "botocore", "startUrl": start_url, "region": region,
                "scopes": scopes, "session_name": session_name}
    return hashlib.sha1(json.dumps(document, sort_keys=True).encode("utf-8")).hexdigest()


def token_key(start_url: str, session_name: str | None) -> str:
    return hashlib.sha1((session_name if session_name is not None else start_url)
                        .encode("utf-8")).hexdigest()


def _now() -> datetime.datetime:
    return datetime.datetime.now(datetime.timezone.utc)


def _still_valid(entry: dict) -> bool:
    try:
        end = datetime.datetime.strptime(entry["expiresAt"], "%Y-%m-%dT%H:%M:%SZ")
    except (KeyError, TypeError, ValueError):
        try:
            end = datetime.datetime.fromisoformat(entry["expiresAt"])
        except (KeyError, TypeError, ValueError):
            return False
    if end.tzinfo is None:
        end = end.replace(tzinfo=datetime.timezone.utc)
    return end - _now() >= EXPIRY_WINDOW


class SignInFlow:
    """One sign-in: the OIDC client, the cache, and how to show the user where to go.

    `show(verification_uri, verification_uri_complete, user_code)` prints the
    message and may open a browser; `hide(value, label)` keeps secrets out of
    --debug; `listener()` makes the loopback redirect listener (PKCE flow).
    """

    def __init__(self, oidc_client, cache: TokenCache, region: str, *, show, hide,
                 listener=None, sleep=None):
        import time

        self.client = oidc_client
        self.cache = cache
        self.region = region
        self.show = show
        self.hide = hide
        self.listener = listener
        self.sleep = sleep or time.sleep

    def sign_in(self, start_url: str, session_name: str | None, scopes: list[str] | None,
                *, resolved_start_url: str | None = None, device_code: bool = False,
                force: bool = True) -> dict:
        """A new token, cached under v2's name; returns the cached document. Unless
        `force`, a cached token with a quarter of an hour left is used instead."""
        resolved_start_url = resolved_start_url or start_url
        if not force:
            cached = self.cache.get(token_key(start_url, session_name))
            if cached and "accessToken" in cached and _still_valid(cached):
                self.hide(cached["accessToken"], "accessToken")
                return cached
        if session_name and not device_code:
            token = self._authorization_code(start_url, session_name, scopes,
                                             resolved_start_url)
        else:
            token = self._device_code(start_url, session_name, scopes, resolved_start_url)
        self.cache.put(token_key(start_url, session_name), token)
        return token

    # -- client registration ----------------------------------------------------------

    def _registration(self, start_url, session_name, scopes, *, for_browser: bool,
                      issuer_url: str | None = None) -> dict:
        key = registration_key(start_url, self.region, scopes, session_name)
        cached = self.cache.get(key)
        if (cached and _still_valid(cached) and "clientSecret" in cached
                and for_browser == ("authorization_code" in cached.get("grantTypes", []))):
            self.hide(cached["clientSecret"], "clientSecret")
            return cached
        name = session_name if session_name is not None else int(_now().timestamp())
        request = {"clientName": f"botocore-client-{name}", "clientType": "public"}
        if for_browser:
            request.update(grantTypes=AUTH_GRANTS, redirectUris=[REDIRECT_URI],
                           issuerUrl=issuer_url, scopes=scopes or [DEFAULT_SCOPE])
        elif scopes:
            request["scopes"] = scopes
        response = self.client.register_client(**request)
        self.hide(response["clientSecret"], "clientSecret")
        registration = {
            "clientId": response["clientId"],
            "clientSecret": response["clientSecret"],
            "expiresAt": _utc_text(datetime.datetime.fromtimestamp(
                response["clientSecretExpiresAt"], datetime.timezone.utc)),
        }
        if for_browser:
            registration.update(scopes=request["scopes"], grantTypes=AUTH_GRANTS)
        elif scopes:
            registration["scopes"] = scopes
        self.cache.put(key, registration)
        return registration

    def _token(self, start_url: str, registration: dict, response: dict) -> dict:
        self.hide(response["accessToken"], "accessToken")
        token = {
            "startUrl": start_url,
            "region": self.region,
            "accessToken": response["accessToken"],
            "expiresAt": _utc_text(_now() + datetime.timedelta(seconds=response["expiresIn"])),
            "clientId": registration["clientId"],
            "clientSecret": registration["clientSecret"],
            "registrationExpiresAt": registration["expiresAt"],
        }
        if "refreshToken" in response:
            self.hide(response["refreshToken"], "refreshToken")
            token["refreshToken"] = response["refreshToken"]
        return token

    # -- device code --------------------------------------------------------------------

    def _device_code(self, start_url, session_name, scopes, resolved_start_url) -> dict:
        registration = self._registration(start_url, session_name, scopes, for_browser=False)
        started = self.client.start_device_authorization(
            clientId=registration["clientId"], clientSecret=registration["clientSecret"],
            startUrl=resolved_start_url)
        self.hide(started["deviceCode"], "deviceCode")
        interval = started.get("interval", DEFAULT_INTERVAL)
        # The client may be approved already: one try before the user is told anything.
        interval, token = self._try_device_token(start_url, registration, started, interval)
        if token is not None:
            return token
        self.show(started["verificationUri"], started["verificationUriComplete"],
                  started["userCode"])
        while True:
            interval, token = self._try_device_token(start_url, registration, started,
                                                     interval)
            if token is not None:
                return token
            self.sleep(interval)

    def _try_device_token(self, start_url, registration, started, interval):
        errors = self.client.exceptions
        try:
            response = self.client.create_token(
                grantType=DEVICE_GRANT, clientId=registration["clientId"],
                clientSecret=registration["clientSecret"], deviceCode=started["deviceCode"])
        except errors.SlowDownException:
            return interval + SLOW_DOWN, None
        except errors.AuthorizationPendingException:
            return interval, None
        except errors.ExpiredTokenException:
            raise SignInFailed(EXPIRED) from None
        return interval, self._token(start_url, registration, response)

    # -- authorization code with PKCE --------------------------------------------------

    def _authorization_code(self, start_url, session_name, scopes, resolved_start_url):
        import base64
        import secrets
        import string
        import uuid

        from botocore.utils import percent_encode_sequence

        registration = self._registration(start_url, session_name, scopes, for_browser=True,
                                          issuer_url=resolved_start_url)
        alphabet = string.ascii_letters + string.digits + "-._~"
        verifier = "".join(secrets.choice(alphabet) for _ in range(64))
        self.hide(verifier, "codeVerifier")
        challenge = base64.urlsafe_b64encode(
            hashlib.sha256(verifier.encode()).digest()).decode().rstrip("=")
        state = str(uuid.uuid4())
        listener = self.listener()
        try:
            query = percent_encode_sequence({
                "response_type": "code", "client_id": registration["clientId"],
                "redirect_uri": listener.redirect_uri, "state": state,
                "code_challenge_method": "S256",
                "scopes": " ".join(scopes) if scopes else DEFAULT_SCOPE})
            base = self.client.meta.endpoint_url.rstrip("/")
            url = f"{base}/authorize?{query}&code_challenge={challenge}"
            self.show(url, url, None)
            code, returned_state = listener.wait()
        finally:
            listener.close()
        if code is None:
            raise SignInFailed("Error loading authorization code: Failed to retrieve an "
                               "authorization code.")
        if returned_state != state:
            raise SignInFailed("Error loading authorization code: State parameter does not "
                               "match expected value.")
        self.hide(code, "code")
        try:
            response = self.client.create_token(
                grantType="authorization_code", clientId=registration["clientId"],
                clientSecret=registration["clientSecret"], redirectUri=listener.redirect_uri,
                codeVerifier=verifier, code=code)
        except self.client.exceptions.ExpiredTokenException:
            raise SignInFailed(EXPIRED) from None
        return self._token(start_url, registration, response)
