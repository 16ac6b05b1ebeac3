"""Responses that cannot be read are errors, never an empty success.

botocore reads a body with urllib3's length check turned off, and its JSON
parsers read a body that is not JSON as `{"message": body}`: a 200 cut short
by a dropped connection, or an HTML page from a proxy, would print nothing
and exit 0. Every response of every client shapecli makes (and of the
clients botocore makes for credentials, such as STS for an assumed role)
goes through the parsers of `CheckedParserFactory`, the session's
`response_parser_factory` component, which check, before and while parsing:

- the body has as many bytes as its Content-Length says;
- a success (2xx) whose output is read from the body is a document of the
  protocol: not an HTML page, valid JSON / XML / CBOR that fits the output
  shape, and not empty where the output has required members in the body.

Otherwise `UnreadableResponse` (exit 255) says, on one line, the status, the
content type, what is wrong and how the body begins. botocore reads the body
after its retry logic has let go of the request, so these are not retried.
Bodies the output does not read as a document (no output, a raw blob or
text payload, a stream) are left alone. An error status whose body is an
HTML page or does not parse is read as botocore reads a bare 5xx page: the
status code and its reason, "(403) ...: Forbidden", one line.

The JSON parsers also build the result with the least memory: they parse
the bytes without a decoded copy, keep one copy of repeated short strings,
and take each value out of the parsed document as they convert it, so the
document and the result are never both whole at once (a 20 MB response
would otherwise cost two full trees).

This module imports botocore at import time: only the call path imports it.
"""

from __future__ import annotations

import json
import logging

from botocore.exceptions import BotoCoreError
from botocore.parsers import PROTOCOL_PARSERS, BaseJSONParser, ResponseParserError, \
    ResponseParserFactory

PREVIEW_BYTES = 60  # how much of an unreadable body the error line shows
_NOT_BODY = ("header", "headers", "statusCode")
_LOG = logging.getLogger("botocore.parsers")


class UnreadableResponse(BotoCoreError):
    """A body cut short, or a success whose body is not a document of the protocol."""

    fmt = "{message}"


def describe(response: dict, problem: str) -> str:
    """The one line: status, content type, the problem, how the body begins."""
    headers = response.get("headers") or {}
    body = response.get("body") or b""
    line = (f"The response could not be read: HTTP {response.get('status_code')}, "
            f"Content-Type {headers.get('content-type') or '(none)'}, {problem}")
    if body:
        preview = body[:PREVIEW_BYTES].decode("utf-8", "replace")
        more = "..." if len(body) > PREVIEW_BYTES else ""
        line += f"; the body begins {preview!r}{more}"
    return line


def body_members(shape) -> list[str]:
    """The members of an output shape read from a document body ([] when none is)."""
    if shape is None or shape.serialization.get("eventstream"):
        return []
    payload = shape.serialization.get("payload")
    if payload is not None:
        member = shape.members[payload]
        if member.type_name != "structure" or member.serialization.get("eventstream"):
            return []  # a raw blob or text payload, or a stream: any bytes will do
        return [payload]
    return [name for name, member in shape.members.items()
            if member.serialization.get("location") not in _NOT_BODY]


def check_length(response: dict, shape) -> None:
    body = response.get("body")
    if not isinstance(body, (bytes, bytearray)):
        return  # a stream checks its own length as it is read
    headers = response.get("headers") or {}
    try:
        expected = int(headers.get("content-length"))
    except (TypeError, ValueError):
        return
    if "chunked" in (headers.get("transfer-encoding") or "").lower():
        return
    if len(body) < expected and (body or body_members(shape)):
        # (An empty body where nothing is read from it is what HEAD answers.)
        raise UnreadableResponse(message=describe(
            response, f"the connection closed after {len(body)} of {expected} bytes"))


def _looks_like_html(response: dict) -> bool:
    content_type = ((response.get("headers") or {}).get("content-type") or "").lower()
    start = bytes(response["body"][:64]).lstrip().lower()
    # The content type alone is not enough: moto, for one, labels some JSON text/html.
    return start.startswith((b"<!doctype html", b"<html")) or (
        content_type.startswith("text/html") and start.startswith(b"<"))


def _check_before_parsing(response: dict, shape) -> bool:
    """Raise if the body is cut short or plainly no document; True if it is read as one."""
    check_length(response, shape)
    body = response.get("body")
    members = body_members(shape)
    if not (200 <= response["status_code"] < 300 and members
            and isinstance(body, (bytes, bytearray))):
        return False
    if _looks_like_html(response):
        raise UnreadableResponse(message=describe(response, "an HTML page"))
    if not body.strip():
        required = [m for m in shape.required_members if m in members]
        if required:
            raise UnreadableResponse(message=describe(
                response, f"an empty body where the output requires {', '.join(required)}"))
    return True


class _Checked:
    """The checks, mixed into each of botocore's protocol parsers."""

    _reading: dict | None = None  # the success response being read as a document
    _generic = False  # an error response read as botocore reads a bare 5xx page

    def parse(self, response, shape):
        try:
            document = _check_before_parsing(response, shape)
        except UnreadableResponse:
            # botocore logs these as it starts parsing; --debug shows them here too.
            _LOG.debug("Response headers: %r", response["headers"])
            _LOG.debug("Response body:\n%r", response["body"])
            raise
        if not document:
            try:
                return super().parse(response, shape)
            except ResponseParserError:
                if response["status_code"] < 301:
                    raise
                # An error whose body does not parse: its status is all there is to say.
                self._generic = True
                return super().parse(response, shape)
        self._reading = response
        try:
            return super().parse(response, shape)
        except UnreadableResponse:
            raise
        except (ResponseParserError, LookupError, ValueError, TypeError, AttributeError) as e:
            raise UnreadableResponse(message=describe(response, _problem(e))) from None
        finally:
            self._reading = None

    def _is_generic_error_response(self, response):
        # botocore reads a 5xx HTML page as "(503) Service Unavailable"; so is any error
        # status answered with an HTML page (a proxy's 403, a wrong path's 404), rather
        # than the page as the message, and an error body that does not parse.
        body = response.get("body")
        return (self._generic or super()._is_generic_error_response(response)
                or (isinstance(body, (bytes, bytearray)) and _looks_like_html(response)))


def _problem(error: Exception) -> str:
    text = str(error).split("\n", 1)[0]
    if isinstance(error, ResponseParserError) and "invalid XML received" in text:
        detail = text[text.find("(") + 1:text.rfind("), invalid XML")]
        return f"it is not valid XML ({detail})"
    return f"it does not fit the operation's output ({type(error).__name__}: {text})"


class _CheckedJSON(_Checked):
    """Strict JSON for success documents, converted to the result in place."""

    def _parse_body_as_json(self, body_contents):
        if self._reading is None:
            return super()._parse_body_as_json(body_contents)  # errors: botocore's leniency
        if not body_contents:
            return {}
        try:
            # From the bytes (no decoded copy kept alongside), each short string value once.
            return json.loads(body_contents, object_hook=_one_copy_of_short_strings())
        except ValueError as e:
            problem = f"{e.msg} at byte {e.pos}" if isinstance(e, json.JSONDecodeError) else str(e)
            raise UnreadableResponse(message=describe(
                self._reading, f"it is not valid JSON ({problem})")) from None

    # The handlers below give the same result as botocore's, but empty the
    # parsed document as they go, so its memory is freed while the result grows.

    def _handle_structure(self, shape, value):
        if (self._reading is None or not isinstance(value, dict) or shape.is_document_type
                or self._has_unknown_tagged_union_member(shape, value)):
            return super()._handle_structure(shape, value)
        parsed = {}
        for name, member in shape.members.items():
            raw = value.pop(member.serialization.get("name", name), None)
            if raw is not None:
                parsed[name] = self._parse_shape(member, raw)
        value.clear()
        return parsed

    def _handle_list(self, shape, node):
        if self._reading is None or not isinstance(node, list):
            return super()._handle_list(shape, node)
        member = shape.member
        for i, item in enumerate(node):
            if item is not None:
                node[i] = self._parse_shape(member, item)
        return node

    def _handle_map(self, shape, value):
        if self._reading is None or not isinstance(value, dict):
            return super()._handle_map(shape, value)
        parsed = {}
        key_shape, value_shape = shape.key, shape.value
        for key in list(value):
            parsed[self._parse_shape(key_shape, key)] = self._parse_shape(
                value_shape, value.pop(key))
        return parsed


def _one_copy_of_short_strings():
    """A json object_hook keeping one copy of each short string value.

    Status words, types, names repeat across the items of a large response;
    the parser makes a new string for each (it shares only keys). About 15%
    of a 20 MB response's parsed size, for a few percent more parsing time.
    """
    seen: dict[str, str] = {}
    share = seen.setdefault

    def hook(obj: dict) -> dict:
        for key, value in obj.items():
            if value.__class__ is str and len(value) <= 64:
                obj[key] = share(value, value)
        return obj

    return hook


_classes: dict[str, type] = {}


def parser_class(protocol: str) -> type:
    """botocore's parser for `protocol` with the checks mixed in (made once per protocol)."""
    if protocol not in _classes:
        base = PROTOCOL_PARSERS[protocol]
        mixin = _CheckedJSON if issubclass(base, BaseJSONParser) else _Checked
        _classes[protocol] = type(f"Checked{base.__name__}", (mixin, base), {})
    return _classes[protocol]


class CheckedParserFactory(ResponseParserFactory):
    """botocore's parser factory, making checked parsers."""

    def create_parser(self, protocol_name):
        return parser_class(protocol_name)(**self._defaults)


def install(session) -> None:
    """Every client the session makes from now on parses through checked parsers."""
    factory = CheckedParserFactory()
    session.register_component("response_parser_factory", factory)
