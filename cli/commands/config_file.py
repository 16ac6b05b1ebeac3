"""Setting keys in the AWS config and credentials files, line by line, as AWS CLI v2 does.

Pure: text in, text out (`update(text, section, values) -> text`); reading and
writing the file is `write_values`, through cli.files. What v2's writer does,
and therefore what a user moving between the two CLIs sees in the file:

- The section is found by its header line: `[default]`, `[profile x]`,
  `[sso-session x]`, `[x]` (credentials); `[profile "my x"]` also matches
  `profile my x`. A header inside a comment (`# [default]`) is no header.
- A key already in the section is rewritten in place as `key = value`
  (None removes the line); a new key goes after the section's last
  `key = value` line (comments holding `=` count as such lines, as in v2).
- A nested value (`{"max_concurrent_requests": "10"}` under `s3`) becomes
  `s3 =` and indented `    max_concurrent_requests = 10` lines; an existing
  block is updated in place and a new sub-key goes at its end.
- A missing section is appended at the end of the file: `[section]` right
  after the last line (no blank line in between, as v2), then its keys in
  the order given.
- Every other line (comments, blank lines, other sections) stays as it was.

Grammar of the lines this reads (v2's, permissive; anything else is kept as is):

    header  = ws* "[" name "]" ...          name: no "]"
    option  = key ws* ("=" | ":") ws* value   key: no "=" or ":"
"""

from __future__ import annotations

import re

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Union

    Value = Union[str, None, dict]

_HEADER = re.compile(r"^\s*\[(?P<name>[^]]+)\]")
_OPTION = re.compile(r"(?P<key>[^:=][^:=]*)\s*[:=]\s*(?P<value>.*)$")
NESTED_INDENT = "    "


class InvalidValue(ValueError):
    """A section, key or value holding a line break (it would forge other lines)."""


def section_for_profile(profile: str) -> str:
    """The config file's section of a profile: `default`, else `profile NAME` (quoted if
    the name holds blanks, as v2 quotes it)."""
    if profile == "default":
        return profile
    return section_header("profile", profile)


def section_header(kind: str, name: str) -> str:
    """`kind name`, the name quoted as a POSIX shell would if it holds a blank."""
    if any(c in " \t" for c in name):
        import shlex

        name = shlex.quote(name)
    return f"{kind} {name}"


def check_values(section: str, values: dict) -> None:
    """InvalidValue if any part would span lines; a value's text never appears in the error."""
    _check_text(section, "section name")
    for key, value in values.items():
        _check_text(key, "key")
        nested = value if isinstance(value, dict) else {None: value}
        for sub_key, sub_value in nested.items():
            if sub_key is not None:
                _check_text(sub_key, "key")
            if isinstance(sub_value, str) and ("\n" in sub_value or "\r" in sub_value):
                raise InvalidValue(f"Invalid value for key {key}: newline characters and "
                                   "carriage returns are not allowed.")


def _check_text(text: str, label: str) -> None:
    if "\n" in text or "\r" in text:
        raise InvalidValue(f"Invalid {label}: newline characters and carriage returns "
                           f"are not allowed: {text!r}")


def update(text: str | None, section: str, values: dict[str, Value]) -> str:
    """The file's text with `values` set in `section` (None: the file does not exist yet)."""
    check_values(section, values)
    pending = dict(values)
    if text is None:
        return f"[{section}]\n" + _render(pending)
    lines = text.splitlines(keepends=True)
    start = _find_section(lines, section)
    if start is None:
        joiner = "\n" if text and not text.endswith("\n") else ""
        return text + joiner + f"[{section}]\n" + _render(pending)
    _update_section(lines, start, pending)
    return "".join(lines)


def _find_section(lines: list[str], section: str) -> int | None:
    # header = ws* "[" name "]" ; a commented-out header is no header
    wanted = {f"[{section}]"}
    kind, _, rest = section.partition(" ")
    if rest:
        wanted.add(f'[{kind} "{rest}"]')
    for index, line in enumerate(lines):
        if line.strip().startswith(("#", ";")):
            continue
        match = _HEADER.search(line)
        if match is not None and match.group(0) in wanted:
            return index
    return None


def _update_section(lines: list[str], start: int, pending: dict) -> None:
    last_option = start
    index = start + 1
    while index < len(lines):
        line = lines[index]
        if _HEADER.search(line) is not None:  # the next section: new keys go before it
            _insert(lines, last_option + 1, pending)
            return
        match = _OPTION.search(line)
        if match is not None:
            last_option = index
            key = match.group("key").strip()
            if key in pending:
                value = pending.pop(key)
                if isinstance(value, dict):
                    indent = len(match.group("key")) - len(match.group("key").lstrip())
                    _update_nested(lines, index, value, indent)
                    return  # as v2: one nested block per update
                lines[index] = "" if value is None else f"{key} = {value}\n"
        index += 1
    if pending:
        if lines and not lines[-1].endswith("\n"):
            lines.append("\n")
        # v2 puts them one line below the last option line (after a blank line or a
        # comment that follows it, when there is one)
        _insert(lines, last_option + 2, pending)


def _update_nested(lines: list[str], key_line: int, pending: dict, key_indent: int) -> None:
    indent = None
    for index in range(key_line + 1, len(lines)):
        line = lines[index]
        match = _OPTION.search(line)
        if match is not None:
            indent = len(match.group("key")) - len(match.group("key").lstrip())
            sub_key = match.group("key").strip()
            if sub_key in pending:
                lines[index] = f"{' ' * indent}{sub_key} = {pending.pop(sub_key)}\n"
        # the block ends at the first line back at the key's indent, or a header;
        # a line before any option (v2 fails there) ends it too
        if indent is None or indent == key_indent or _HEADER.search(line) is not None:
            _insert(lines, index, pending, NESTED_INDENT)
            return
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    _insert(lines, len(lines), pending, NESTED_INDENT)


def _insert(lines: list[str], at: int, pending: dict, indent: str = "") -> None:
    text = _render(pending, indent)
    pending.clear()
    if text:
        lines.insert(at, text)


def _render(values: dict, indent: str = "") -> str:
    out = []
    for key, value in values.items():
        if isinstance(value, dict):
            out.append(f"{indent}{key} =\n")
            out += [f"{indent}{NESTED_INDENT}{k} = {v}\n" for k, v in value.items()]
        elif value is not None:
            out.append(f"{indent}{key} = {value}\n")
    return "".join(out)


# -- the file -------------------------------------------------------------------------


def read_text(path: str) -> str | None:
    """The file's text (line ends made "\\n", as v2 reads it), or None if there is no file."""
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except FileNotFoundError:
        return None


def write_values(path: str, section: str, values: dict[str, Value]) -> None:
    """Set `values` in `section` of the file at `path`, whole or not at all.

    A new file is created 0600 (as v2 creates both files); an existing one keeps
    its mode. OSError (a directory, no permission) reaches the caller.
    """
    from cli.files import SECRET, write_atomically

    text = read_text(path)
    write_atomically(path, update(text, section, values), mode=SECRET)
