"""Values printed in shorthand: the inverse of `shorthand.parser.parse`.

    render_value({"Name": "string", "Value": "string"}) == "Name=string,Value=string"

A dict renders as ``key=value`` pairs; as a nested value it is a hash
literal ``{k=v}``; a list is an explicit list ``[a,b]``; text is written
bare when the parser would read it back unchanged, else double-quoted with
``\\`` and ``"`` escaped. A `FileRef` directly under a key renders as
``key@=file://...``. For every dict d with renderable keys,
``parse(render_value(d)) == d``.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


from shorthand.parser import FileRef
from shorthand.tokens import KEY_CHARS, is_follow, is_start


def render_value(value: Any) -> str:
    """Shorthand text for `value` (a dict for a whole parameter, or one value).

    Raises ValueError for what shorthand cannot say: keys outside
    ``[A-Za-z0-9-_.#/:]``, characters beyond U+FFFF, non-text scalars.
    """
    if isinstance(value, dict):
        return ",".join(_pair(k, v) for k, v in value.items())
    return _value(value)


def _pair(key: Any, value: Any) -> str:
    if not isinstance(key, str) or any(ch not in KEY_CHARS for ch in key):
        raise ValueError(f"cannot write key {key!r} in shorthand")
    if isinstance(value, FileRef):
        return f"{key}@={_text(value.uri)}"
    return f"{key}={_value(value)}"


def _value(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ",".join(_pair(k, v) for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ",".join(_value(v) for v in value) + "]"
    if isinstance(value, str):
        return _text(value)
    raise ValueError(f"cannot write {type(value).__name__} in shorthand")


def _text(text: str) -> str:
    if any(ord(ch) > 0xFFFF for ch in text):
        raise ValueError("shorthand cannot hold characters beyond U+FFFF")
    return text if _is_bare(text) else _quoted(text)


def _is_bare(text: str) -> bool:
    # Bare only where a first-word reads it back exactly: no comma or
    # backslash (escapes), no trailing whitespace (stripped), nothing that
    # ends a word inside a list or hash.
    return (
        text != ""
        and is_start(text[0])
        and all(is_follow(ch, True) and ch not in ",\\" for ch in text)
        and not text[-1].isspace()
    )


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
