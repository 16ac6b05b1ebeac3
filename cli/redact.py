"""`--debug` as useful as v2's, without a secret in it.

While `--debug` is on, everything shapecli writes to stderr (every logger's
line: botocore, urllib3, the credential providers, IMDS; request and
response dumps; a traceback; the final error) goes through one `Redactor`,
which hides:

- by pattern, wherever they appear: the `Signature=` of an Authorization
  header or a presigned URL (the rest of the header stays), botocore's
  `Signature:` line, security and bearer token headers and query
  parameters, and credential fields in documents (`SecretAccessKey`,
  `SessionToken`, `Token`, ... in JSON and XML);
- by value, every encoding of it (as is, JSON-, URL- and XML-escaped, as
  Python prints bytes and strings): the secret access key and session
  token in use, and every value the model marks `sensitive`, at any depth,
  in the request's parameters and in the response (learned through
  botocore's own events before botocore logs the request or the body).

Each is replaced by a marker naming what was hidden, e.g. `***(Password)`,
`***(AuthParameters.PASSWORD)`, `Signature=***`. A value shorter than 8
characters is hidden only where it stands alone (not inside a longer word),
so a short secret does not blank out the rest of the log.
"""

from __future__ import annotations

import logging
import re

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Iterator

    from cli.env import Env

FORMAT = "%(asctime)s - %(threadName)s - %(name)s - %(levelname)s - %(message)s"
SHORT = 8  # values shorter than this are hidden only as whole words
_WORD = "A-Za-z0-9"

# Credential fields of documents no model describes (IMDS, the container
# endpoint, credential_process) and of outputs whose model does not mark
# them sensitive (an STS session token, a registry's authorization token).
_CREDENTIAL_FIELDS = ("SecretAccessKey", "SessionToken", "Token", "secretAccessKey",
                      "sessionToken", "accessToken", "aws_secret_access_key",
                      "aws_session_token",
                      # ECR's, ECR Public's and CodeArtifact's GetAuthorizationToken
                      # (not marked sensitive in their models)
                      "authorizationToken")
_TOKEN_HEADERS = ("x-amz-security-token", "x-aws-ec2-metadata-token", "x-amz-sso_bearer_token",
                  "x-amz-sso-bearer-token")

PATTERNS: tuple[tuple[re.Pattern, str], ...] = (
    # SigV4 Authorization header, SigV2 and presigned (X-Amz-Signature=) query parameters.
    (re.compile(r"(Signature=)[A-Za-z0-9%+/=_-]{16,}"), r"\1***"),
    # botocore.auth's own line: "Signature:\n<hex>".
    (re.compile(r"(Signature:\s*\n)[0-9a-f]{16,}"), r"\1***"),
    (re.compile(r"(?i)((?:%s)['\"]?\s*[:=]\s*b?['\"]?)[^'\"\s,&;]+"
                % "|".join(map(re.escape, _TOKEN_HEADERS))), r"\1***"),
    (re.compile(r"(?i)(\bauthorization['\"]?\s*[:=]\s*b?['\"]?bearer\s+)[^'\"\s,]+"), r"\1***"),
    (re.compile(r"""(["'](?:%s)["']\s*:\s*b?)(["'])(?:\\.|(?!\2).)*\2"""
                % "|".join(_CREDENTIAL_FIELDS)), r"\1\2***\2"),
    (re.compile(r"(<(%s)>)[^<]*(</\2>)" % "|".join(_CREDENTIAL_FIELDS)), r"\1***\3"),
    (re.compile(r"(\b(?:%s)\s*=\s*)[^\s&'\",]+" % "|".join(_CREDENTIAL_FIELDS)), r"\1***"),
)


class Redactor:
    """Hides secrets in text: the fixed patterns, and every value it has been told of."""

    def __init__(self) -> None:
        self._labels: dict[str, str] = {}  # an encoding of a secret -> the marker
        self._values: re.Pattern | None = None

    def add(self, value: Any, label: str) -> None:
        """Hide `value` (text, bytes or a number) from now on, as `***(label)`."""
        marker = f"***({label})"
        added = False
        for needle in _encodings(value):
            if needle and needle not in self._labels:
                self._labels[needle] = marker
                added = True
        if added:
            self._values = None

    def clean(self, text: str) -> str:
        for pattern, replacement in PATTERNS:
            text = pattern.sub(replacement, text)
        if self._labels:
            if self._values is None:
                self._values = re.compile("|".join(
                    _bounded(needle) for needle in sorted(self._labels, key=len, reverse=True)))
            text = self._values.sub(lambda m: self._labels[m.group(0)], text)
        return text


def _bounded(needle: str) -> str:
    pattern = re.escape(needle)
    if len(needle) < SHORT:
        if needle[0].isalnum():
            pattern = f"(?<![{_WORD}])" + pattern
        if needle[-1].isalnum():
            pattern += f"(?![{_WORD}])"
    return pattern


def _encodings(value: Any) -> set[str]:
    """The ways `value` can appear in a log line."""
    import base64
    import json
    from urllib.parse import quote, quote_plus
    from xml.sax.saxutils import escape

    if isinstance(value, bool) or value is None:
        return set()
    texts: set[str] = set()
    if isinstance(value, (bytes, bytearray)):
        texts.add(base64.b64encode(value).decode("ascii"))
        try:
            texts.add(bytes(value).decode("utf-8"))
        except UnicodeDecodeError:
            pass
    elif isinstance(value, (str, int, float)):
        texts.add(str(value))
    found: set[str] = set()
    for text in texts:
        if not text:
            continue
        for form in {text, json.dumps(text)[1:-1], json.dumps(text, ensure_ascii=False)[1:-1],
                     quote(text, safe="-_.~"), quote(text, safe=""), quote_plus(text),
                     escape(text, {'"': "&quot;", "'": "&apos;"}), escape(text)}:
            found.update((form, repr(form)[1:-1], repr(form.encode("utf-8"))[2:-1]))
    return found


# -- what the model marks sensitive ------------------------------------------------------------


def sensitive_values(shape, value, path: str = "") -> Iterator[tuple[Any, str]]:
    """(value, label) for every scalar under a member the model marks sensitive."""
    if shape is None or value is None:
        return
    if shape.metadata.get("sensitive"):
        yield from _leaves(value, path or shape.name)
        return
    kind = shape.type_name
    if kind == "structure" and isinstance(value, dict) and not shape.is_document_type:
        for name, member in shape.members.items():
            if name in value:
                label = f"{path}.{name}" if path else name
                yield from sensitive_values(member, value[name], label)
    elif kind == "list" and isinstance(value, list):
        for i, item in enumerate(value):
            yield from sensitive_values(shape.member, item, f"{path}[{i}]")
    elif kind == "map" and isinstance(value, dict):
        for key, item in value.items():
            yield from sensitive_values(shape.value, item, f"{path}.{key}")


def _leaves(value, path: str):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, f"{path}.{key}")
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from _leaves(item, f"{path}[{i}]")
    else:
        yield value, path


def has_sensitive(shape, _seen=None) -> bool:
    """Whether any member at any depth of `shape` is marked sensitive."""
    if shape is None:
        return False
    seen = set() if _seen is None else _seen
    if shape.name in seen:
        return False
    seen.add(shape.name)
    if shape.metadata.get("sensitive"):
        return True
    kind = shape.type_name
    if kind == "structure":
        return any(has_sensitive(m, seen) for m in shape.members.values())
    if kind == "list":
        return has_sensitive(shape.member, seen)
    if kind == "map":
        return has_sensitive(shape.value, seen)
    return False


# -- the debug log -------------------------------------------------------------------------------


class _RedactingStream:
    """stderr with every write cleaned."""

    def __init__(self, stream, redactor: Redactor) -> None:
        self.stream = stream
        self.redactor = redactor

    def write(self, text: str) -> int:
        return self.stream.write(self.redactor.clean(text))

    def flush(self) -> None:
        self.stream.flush()

    def __getattr__(self, name: str):
        return getattr(self.stream, name)


class DebugLog:
    """The --debug log of one command: started by main, fed by the session's events."""

    def __init__(self, env: Env, argv: list[str]) -> None:
        self.env = env
        self.argv = list(argv)
        self.redactor = Redactor()
        self.quiet = False  # while a response is read ahead for its secrets
        self.outer: DebugLog | None = None  # the log this one runs inside, if any
        self._argv_logged = False
        self._stderr = env.stderr
        env.stderr = _RedactingStream(env.stderr, self.redactor)
        for name in ("AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN",
                     "AWS_BEARER_TOKEN"):
            if env.environ.get(name):
                self.redactor.add(env.environ[name], name)
        self.handler = logging.StreamHandler(env.stderr)
        self.handler.setFormatter(logging.Formatter(FORMAT))
        self.handler.addFilter(lambda record: not self.quiet)
        root = logging.getLogger()
        self._level = root.level
        root.addHandler(self.handler)
        root.setLevel(logging.DEBUG)
        from cli.version import version_line

        self.log = logging.getLogger("shapecli")
        self.log.debug("CLI version: %s", version_line().strip())

    def stop(self) -> None:
        root = logging.getLogger()
        root.removeHandler(self.handler)
        root.setLevel(self._level)
        self.env.stderr = self._stderr

    # -- botocore's events ----------------------------------------------------------------

    def watch(self, session) -> None:
        session.register("before-parameter-build", self._request)
        session.register("before-sign", self._credentials(session))
        session.register("before-parse", self._response)

    def _request(self, params, model, **_):
        for value, label in sensitive_values(model.input_shape, params):
            self.redactor.add(value, label)
        if not self._argv_logged:
            self._argv_logged = True
            self.log.debug("Arguments entered to CLI: %s", self.argv)

    def _credentials(self, session):
        learning = []

        def learn(signature_version=None, **_):
            from botocore import UNSIGNED

            # Freezing refreshable credentials may call STS, whose own signing
            # comes back here: that inner call is left alone.
            if signature_version is UNSIGNED or learning:
                return
            learning.append(True)
            try:
                credentials = session.get_credentials()
                frozen = credentials and credentials.get_frozen_credentials()
            finally:
                learning.clear()
            if frozen:
                self.redactor.add(frozen.secret_key, "secret key")
                if frozen.token:
                    self.redactor.add(frozen.token, "session token")

        return learn

    def _response(self, operation_model, response_dict, **_):
        """Read the body ahead for its sensitive values, before botocore logs it."""
        shape = operation_model.output_shape
        body = response_dict.get("body")
        if not isinstance(body, (bytes, bytearray)) or not body or not has_sensitive(shape):
            return
        from botocore.parsers import create_parser

        self.quiet = True
        try:
            parsed = create_parser(operation_model.metadata["protocol"]).parse(
                dict(response_dict), shape)
        except Exception:  # the real parse reports what is wrong with the body
            return
        finally:
            self.quiet = False
        for value, label in sensitive_values(shape, parsed):
            self.redactor.add(value, label)


_active: DebugLog | None = None


def wants_debug(argv: list[str]) -> bool:
    """Whether argparse will read --debug (itself or an abbreviation) in argv."""
    return any(len(word) >= 3 and "--debug".startswith(word) for word in argv)


def start(env: Env, argv: list[str]) -> DebugLog:
    """Start the debug log of a command (inside another's, for the prompt's run of its line)."""
    global _active
    log = DebugLog(env, argv)
    log.outer, _active = _active, log
    return log


def stop() -> None:
    global _active
    if _active is not None:
        _active.stop()
        _active = _active.outer


def hide(value: str, label: str) -> None:
    """A secret of the command line that is not a request member (nothing without --debug)."""
    if _active is not None:
        _active.redactor.add(value, label)


def watch(session) -> None:
    """Let the active debug log learn this session's secrets (nothing without --debug)."""
    if _active is not None:
        _active.watch(session)

