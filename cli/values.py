"""argv strings for one parameter -> the value the request carries.

The rules are AWS CLI v2's, in its order:

1. ``file://`` / ``fileb://``: a single value naming a file is replaced by
   the file's text (UTF-8) or bytes, for any parameter.
2. Documents and JSON-valued headers are JSON. Structures, maps and lists
   whose (first) value starts with ``{`` or ``[`` are JSON, taken as given.
3. Other structures, maps and lists of structures/maps/lists are shorthand
   (not lists or maps that end in documents: those are JSON only): parsed
   (``shorthand.parse``), ``key@=file://`` values read, then coerced to the
   shape (``shorthand.coerce``). Lists take one shorthand per argv value.
4. Lists of scalars take one argv value per element; scalars are typed:
   integer/long -> int, float/double -> float, timestamps stay text. An
   element that is not a number fails the whole list with v2's message,
   which names the first argv value.
5. Blobs, at any depth: with ``--cli-binary-format base64`` (the default)
   text is base64-decoded here; with ``raw-in-base64-out`` text is sent as
   its UTF-8 bytes; bytes from ``fileb://`` are always sent as they are.

A file read for a list parameter is one string where argv gives a list, and
v2 treats it as such: a list of scalars walks its characters (``file://``
holding "12" for a list of integers is [1, 2]), and shorthand in it parses to
a structure that is not wrapped into a list, so the request validator rejects
it as v2's does. JSON in brackets (``[...]``) is the way to give a list in a
file.

Where v2 crashes (exit 255) this module raises a clean error instead: a bad
integer is a UsageError like argparse's float error, bad base64 and a missing
``@=`` file are ParamErrors (exit 252) with v2's wording.
"""

from __future__ import annotations

import json
import os

from cli.customizations import OLD_LIST_CASES, PARAMFILE_DISABLED, ZIP_ARGUMENTS
from cli.errors import ParamError, UsageError, ValidationError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from cli.model import Parameter, Shape

FILE_PREFIXES = ("file://", "fileb://")
_COMPLEX = ("structure", "map", "list")


def parameter_value(parameter: Parameter, raw: str | list[str], *,
                    binary_format: str = "base64",
                    command: tuple[str, str] | None = None) -> Any:
    """The request value for `parameter` given its argv text.

    `raw` is a list for list-typed parameters (argparse nargs='+'), else a
    str. `command` is (command name, operation name), e.g. ("elb",
    "register-instances-with-load-balancer"): it switches on v2's few
    per-operation rules. Raises ParamError or UsageError.
    """
    if parameter.flag_structure and isinstance(raw, bool):
        return {"Value": raw}  # --opt or --no-opt
    cli_name = parameter.cli_name
    where = command + (parameter.name,) if command else None
    value: Any = raw
    if where not in PARAMFILE_DISABLED:
        single = raw[0] if isinstance(raw, list) and len(raw) == 1 else raw
        if isinstance(single, str) and single.startswith(FILE_PREFIXES):
            value = load_file(single, cli_name)
    if where in ZIP_ARGUMENTS:
        _check_zip(value)
    value = _unpack(parameter, value, where)
    if parameter.refused_member is not None and isinstance(value, dict):
        member, refusal = parameter.refused_member
        if member in value and refusal:
            raise ValidationError(refusal)
    return encode_blobs(value, parameter.shape, binary_format, cli_name)


def _check_zip(value: Any) -> None:
    """v2 refuses a --zip-file that is not a zip archive before sending it."""
    import io
    import zipfile

    data = value.encode("utf-8") if isinstance(value, str) else value
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            archive.infolist()
    except (zipfile.BadZipFile, TypeError):
        raise ValidationError("--zip-file must be a zip file with the fileb:// prefix.\n"
                              "Example usage:  --zip-file fileb://path/to/file.zip") from None


def load_file(uri: str, cli_name: str) -> str | bytes:
    """The text (file://) or bytes (fileb://) of the file `uri` names."""
    binary = uri.startswith("fileb://")
    path = os.path.expandvars(os.path.expanduser(uri.split("://", 1)[1]))
    try:
        if binary:
            with open(path, "rb") as f:
                return f.read()
        with open(path, encoding="utf-8") as f:
            return f.read()
    except UnicodeDecodeError:
        raise ParamError(
            cli_name,
            f"Unable to load paramfile ({path}), text contents could not be decoded.  If this "
            "is a binary file, please use the fileb:// prefix instead of the file:// prefix.",
        ) from None
    except OSError as e:
        raise ParamError(cli_name, f"Unable to load paramfile {uri}: {e}") from None


# -- unpacking ---------------------------------------------------------------


def _unpack(parameter: Parameter, value: Any, where: tuple[str, ...] | None) -> Any:
    shape, cli_name = parameter.shape, parameter.cli_name
    if isinstance(value, bytes) and _is_complex(shape):
        value = _text_of(value, cli_name)
    first = value[0] if isinstance(value, list) and value else value
    looks_json = isinstance(first, str) and first.strip().startswith(("[", "{"))
    if _is_complex(shape) and not looks_json:
        return _shorthand(parameter, value, where)
    return _unpack_plain(shape, value, cli_name)


def _unpack_plain(shape: Shape, value: Any, cli_name: str) -> Any:
    """v2's unpacking of JSON and scalars (no shorthand)."""
    kind = shape.type_name
    if shape.is_document or _is_json_header(shape):
        return json_argument(value, cli_name)
    if kind in ("structure", "map"):
        if isinstance(value, str) and value.lstrip()[:1] == "{":
            return json_argument(value, cli_name)
        raise ParamError(cli_name, f"Invalid JSON:\n{value}")
    if kind == "list":
        if isinstance(value, str) and value.lstrip()[:1] == "[":
            return json_argument(value, cli_name)
        if isinstance(value, list) and len(value) == 1 and value[0].strip()[:1] == "[":
            return json_argument(value[0], cli_name)
        # A str here was read from a file: v2 walks it character by character.
        member = shape.member
        unpack = _unpack_plain if _is_json_or_complex(member) else _scalar
        try:
            return [unpack(member, v, cli_name) for v in value]
        except (ValueError, TypeError):
            raise ParamError(cli_name, str(value[0])) from None
    try:
        return _scalar(shape, value, cli_name)
    except (ValueError, TypeError):
        number = "int" if kind in ("integer", "long") else "float"
        raise UsageError(
            f"argument {cli_name}: invalid {number} value: {_show(value)}") from None


def _scalar(shape: Shape, value: Any, cli_name: str) -> Any:
    """A scalar typed per `shape`; ValueError or TypeError if it is not a number."""
    kind = shape.type_name
    if kind in ("integer", "long"):
        return int(value)
    if kind in ("float", "double"):
        return float(value)
    if kind == "boolean":  # only inside lists: top-level booleans are flags
        if isinstance(value, str) and value.lower() == "false":
            return False
        return bool(value)
    if kind == "blob" and shape.definition.get("streaming") and isinstance(value, str):
        path = os.path.expanduser(os.path.expandvars(value))
        if not os.path.isfile(path):
            raise ParamError(cli_name, "Blob values must be a path to a file.")
        return open(path, "rb")
    return value


def _shorthand(parameter: Parameter, value: Any, where: tuple[str, ...] | None) -> Any:
    from shorthand import ShorthandError, ShorthandTooDeep, ShorthandTypeError, coerce, parse

    shape, cli_name = parameter.shape, parameter.cli_name
    kind = shape.type_name
    if kind == "list" and where in OLD_LIST_CASES:
        members = shape.member.members
        if shape.member.type_name == "structure" and len(members) == 1:
            name = next(iter(members))
            return [{name: v} for v in value]
    if kind == "structure" and isinstance(value, str) and "=" not in value:
        members = shape.members
        if list(members) == ["Value"] and members["Value"].type_name == "string":
            return {"Value": value}
    from cli.limits import MAX_DEPTH, too_deep

    try:
        if isinstance(value, list):
            parsed: Any = [parse(v, MAX_DEPTH - 1) for v in value]
        else:
            parsed = parse(value, MAX_DEPTH)
        parsed = _read_file_refs(parsed, cli_name)
        if kind == "list" and not isinstance(parsed, list):
            return parsed  # shorthand read from a file: v2 neither wraps nor types it
        return coerce(parsed, shape, parameter.py_name)
    except ShorthandTooDeep as e:
        raise too_deep(cli_name, f" (at character {e.position + 1})") from None
    except (ShorthandError, ShorthandTypeError) as e:
        raise ParamError(cli_name, str(e)) from None


def _read_file_refs(value: Any, cli_name: str) -> Any:
    from shorthand import FileRef

    if isinstance(value, FileRef):
        return load_file(value.uri, cli_name)
    if isinstance(value, dict):
        return {k: _read_file_refs(v, cli_name) for k, v in value.items()}
    if isinstance(value, list):
        return [_read_file_refs(v, cli_name) for v in value]
    return value


# -- blobs -------------------------------------------------------------------


def encode_blobs(value: Any, shape: Shape, binary_format: str, cli_name: str = "") -> Any:
    """Blob text in `value` made bytes per `binary_format` (a new value).

    base64: text is base64-decoded (ParamError 'Invalid base64: "..."' if
    it is not base64); raw-in-base64-out: text becomes its UTF-8 bytes.
    Bytes and open files are left alone. Also for --cli-input-* values.
    """
    if value is None or shape.is_document:
        return value
    kind = shape.type_name
    if kind == "structure" and isinstance(value, dict):
        members = shape.members
        return {k: encode_blobs(v, members[k], binary_format, cli_name) if k in members else v
                for k, v in value.items()}
    if kind == "map" and isinstance(value, dict):
        value_shape = shape.value
        return {k: encode_blobs(v, value_shape, binary_format, cli_name)
                for k, v in value.items()}
    if kind == "list" and isinstance(value, list):
        member = shape.member
        return [encode_blobs(v, member, binary_format, cli_name) for v in value]
    if kind == "blob" and isinstance(value, str):
        if binary_format != "base64":
            return value.encode("utf-8")
        import base64
        import binascii

        try:
            return base64.b64decode(value)
        except (binascii.Error, ValueError):
            raise ParamError(cli_name, f'Invalid base64: "{value}"') from None
    return value


# -- helpers -----------------------------------------------------------------


def _is_complex(shape: Shape) -> bool:
    """Shapes that take shorthand: structures, maps, lists of those.

    Not documents, nor lists and maps whose values are (lists or maps of)
    documents: those are JSON only.
    """
    if shape.type_name not in _COMPLEX or _is_document_container(shape):
        return False
    if shape.type_name == "list":
        return shape.member.type_name in _COMPLEX
    return True


def _is_json_or_complex(shape: Shape) -> bool:
    return shape.is_document or _is_json_header(shape) or shape.type_name in _COMPLEX


def _is_document_container(shape: Shape) -> bool:
    while not shape.is_document and shape.type_name in ("list", "map"):
        shape = shape.member if shape.type_name == "list" else shape.value
    return shape.is_document


def _is_json_header(shape: Shape) -> bool:
    return (shape.type_name == "string" and bool(shape.definition.get("jsonvalue"))
            and shape.location == "header")


def json_argument(value: Any, cli_name: str) -> Any:
    """A JSON argument's value; bad JSON (or too deep) is the option's parse error (252)."""
    if isinstance(value, bytes):
        value = _text_of(value, cli_name)
    from cli.limits import check_depth, too_deep

    try:
        parsed = json.loads(value)
    except RecursionError:
        raise too_deep(cli_name) from None
    except ValueError as e:
        raise ParamError(cli_name, f"Invalid JSON: {e}\nJSON received: {value}") from None
    check_depth(parsed, cli_name)
    return parsed


def string_map(text: str | None, cli_name: str) -> dict[str, str] | None:
    """A map of strings that no model describes (s3's and cloudformation package's
    --metadata): JSON, or shorthand Key=Value,Key2=Value2; a value that is no string is
    botocore's validation message, as v2 checks such a map against its schema."""
    if text is None:
        return None
    if text.lstrip().startswith("{"):
        value = json_argument(text, cli_name)
    else:
        from shorthand import ShorthandError, parse

        try:
            value = parse(text)
        except ShorthandError as error:
            raise ParamError(cli_name, str(error)) from None
    if not isinstance(value, dict):
        raise ParamError(cli_name, "expected a map of strings")
    wrong = [f"Invalid type for parameter {key}, value: {item!r}, type: {type(item)}, "
             "valid types: <class 'str'>" for key, item in value.items()
             if not isinstance(item, str)]
    if wrong:
        raise ValidationError("Parameter validation failed:\n" + "\n".join(wrong))
    return value


def _text_of(data: bytes, cli_name: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise ParamError(cli_name, "Unable to decode the bytes of a fileb:// value as UTF-8.") from None


def _show(value: Any) -> str:
    return repr(value) if isinstance(value, str) else repr(str(value))
