"""--cli-input-json / --cli-input-yaml: read, parse, and merge under the command line.

Reading: `-` is standard input (shapecli's addition), `file://` and
`fileb://` name a file (with ~ and $VARS expanded, as v2 does); anything
else is the text itself.

Parsing errors are `ParamError`s whose first sentence is v2's ("Invalid JSON
received." / "Invalid YAML received."), followed by what the parser expected
and where, with the line and a caret under the spot.

YAML is read as YAML 1.2, like v2's loader: `yes`, `no`, `on` and `off` are
strings, `0o17` is octal, `017` is decimal. Only plain data is built (no
tags beyond the standard ones); duplicate keys are an error; aliases are
allowed but the document may not expand past `MAX_YAML_NODES` nodes, so a
"billion laughs" input fails fast instead of eating memory later.
"""

from __future__ import annotations

import os
import re
TYPE_CHECKING = False  # typing costs milliseconds at every keystroke
if TYPE_CHECKING:
    from typing import IO, Any, Mapping

from cli.errors import ParamError

MAX_YAML_NODES = 1_000_000
_SNIPPET = 60  # characters of the offending line shown either side of the caret


def read_value(value: str, stdin: IO[str] | None, option: str) -> str:
    """The text `value` designates: stdin for "-", a file for file:// or fileb://.

    `option` is "cli-input-json" or "cli-input-yaml". As in v2, an error
    reading the file names the option with its dashes ("--cli-input-json"),
    and bytes from fileb:// that are not UTF-8 are invalid input (no dashes,
    like every parse error).
    """
    flag = "--" + option
    if value == "-":
        if stdin is None:
            raise ParamError(flag, "No standard input to read the input from.")
        try:
            data = stdin.read()
            return data.decode("utf-8") if isinstance(data, bytes) else data
        except UnicodeDecodeError:
            raise ParamError(flag, "Unable to read the standard input: text contents could "
                                   "not be decoded as UTF-8.") from None
    for prefix, mode in (("file://", "r"), ("fileb://", "rb")):
        if value.startswith(prefix):
            path = os.path.expandvars(os.path.expanduser(value[len(prefix):]))
            try:
                with open(path, mode, **({"encoding": "utf-8"} if mode == "r" else {})) as f:
                    data = f.read()
            except UnicodeDecodeError:
                raise ParamError(flag, f"Unable to load paramfile ({path}), text contents could "
                                       "not be decoded.  If this is a binary file, please use "
                                       "the fileb:// prefix instead of the file:// prefix.") from None
            except OSError as e:
                raise ParamError(flag, f"Unable to load paramfile {value}: {e}") from None
            if isinstance(data, bytes):
                try:
                    return data.decode("utf-8")
                except UnicodeDecodeError as e:
                    kind = "JSON" if option.endswith("json") else "YAML"
                    raise ParamError(option, f"Invalid {kind} received. {e}") from None
            return data
    return value


def load(text: str, kind: str, option: str | None = None) -> dict:
    """Parse the input text of `kind` ("json" or "yaml"); the result must be a map.

    Errors name `option` (by default `cli-input-<kind>`).
    """
    option = option or f"cli-input-{kind}"
    if kind == "json":
        data = _load_json(text, option)
    elif kind == "yaml":
        data = _load_yaml(text)
    else:
        raise ValueError(f"unknown cli input kind: {kind!r}")
    if not isinstance(data, dict):
        raise ParamError(f"--{option}", f"Invalid type: expecting map, received {type(data)}")
    return data


def merge(cli_input: Mapping[str, Any], command_line: Mapping[str, Any], operation=None) -> dict:
    """The request parameters: every command-line key, then the input's other keys.

    Precedence is by top-level key only, as in v2: a command-line
    `--client-metadata` replaces the input's whole ClientMetadata map.
    Unknown keys, missing required members and wrong types are left to the
    request validator, which reports them in v2's words. (`operation` is
    accepted for symmetry with the other entry points; the merge needs none
    of it.)
    """
    merged = dict(command_line)
    for key, value in cli_input.items():
        if key not in merged:
            merged[key] = value
    return merged


# -- JSON -------------------------------------------------------------------


def _load_json(text: str, option: str = "cli-input-json") -> Any:
    import json

    from cli.limits import check_depth, too_deep

    try:
        data = json.loads(text)
    except RecursionError:
        raise too_deep(option) from None
    except json.JSONDecodeError as e:
        detail = _where(e.msg, text, e.lineno, e.colno)
        raise ParamError(option, "Invalid JSON received. " + detail) from None
    except ValueError as e:
        raise ParamError(option, f"Invalid JSON received. {e}") from None
    check_depth(data, option)
    return data


def _where(problem: str, text: str, line: int, column: int) -> str:
    """`problem at line L, column C:` and the line with a caret under column C (1-based)."""
    lines = text.splitlines() or [""]
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    start = max(0, column - 1 - _SNIPPET)
    shown = source[start : column - 1 + _SNIPPET]
    prefix = "..." if start else ""
    caret = " " * (len(prefix) + column - 1 - start) + "^"
    # json's "Unterminated string starting at" already ends with the preposition.
    problem = problem[:-3] if problem.endswith(" at") else problem
    return f"{problem} at line {line}, column {column}:\n{prefix}{shown}\n{caret}"


# -- YAML -------------------------------------------------------------------

_loader_class = None


def _yaml12_loader():
    """A SafeLoader that resolves plain scalars by YAML 1.2's core schema (built once)."""
    global _loader_class
    if _loader_class is not None:
        return _loader_class
    import yaml

    class Yaml12Loader(yaml.SafeLoader):
        def construct_yaml_int(self, node):
            value = self.construct_scalar(node).replace("_", "")
            sign = -1 if value[:1] == "-" else 1
            value = value.lstrip("+-")
            for marker, base in (("0b", 2), ("0x", 16), ("0o", 8)):
                if value.startswith(marker):
                    return sign * int(value[2:], base)
            return sign * int(value)

        def construct_mapping(self, node, deep=False):
            if isinstance(node, yaml.MappingNode):
                seen = set()
                for key_node, _ in node.value:
                    if isinstance(key_node, yaml.ScalarNode):
                        if key_node.value in seen and key_node.tag != "tag:yaml.org,2002:merge":
                            raise yaml.constructor.ConstructorError(
                                "while constructing a mapping", node.start_mark,
                                f"found duplicate key {key_node.value!r}", key_node.start_mark,
                            )
                        seen.add(key_node.value)
            return super().construct_mapping(node, deep)

    Yaml12Loader.yaml_implicit_resolvers = {}
    resolvers = [
        ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
        ("tag:yaml.org,2002:float", r"""^(?:
             [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
            |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
            |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
            |[-+]?\.(?:inf|Inf|INF)
            |\.(?:nan|NaN|NAN))$""", "-+0123456789."),
        ("tag:yaml.org,2002:int", r"""^(?:[-+]?0b[0-1_]+
            |[-+]?0o?[0-7_]+
            |[-+]?[0-9_]+
            |[-+]?0x[0-9a-fA-F_]+)$""", "-+0123456789"),
        ("tag:yaml.org,2002:merge", r"^(?:<<)$", "<"),
        ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
        ("tag:yaml.org,2002:timestamp", r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
            |[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?
             (?:[Tt]|[\ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?
             (?:[\ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""", "0123456789"),
    ]
    for tag, pattern, first in resolvers:
        Yaml12Loader.add_implicit_resolver(tag, re.compile(pattern, re.X), list(first))
    Yaml12Loader.add_constructor("tag:yaml.org,2002:int", Yaml12Loader.construct_yaml_int)
    _loader_class = Yaml12Loader
    return Yaml12Loader


def _load_yaml(text: str) -> Any:
    import yaml

    from cli.limits import check_depth, too_deep

    loader = None
    try:
        loader = _yaml12_loader()(text)  # the reader already rejects unprintable text
        node = loader.get_single_node()
        if node is None:
            return None
        size = _expanded_size(node)
        if size > MAX_YAML_NODES:
            raise ParamError(
                "cli-input-yaml",
                f"Invalid YAML received. Through its aliases the document expands to more "
                f"than {MAX_YAML_NODES} values.",
            )
        data = loader.construct_document(node)
    except RecursionError:
        raise too_deep("cli-input-yaml") from None
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        problem = e.problem or e.context or "invalid YAML"
        detail = _where(problem, text, mark.line + 1, mark.column + 1) if mark else problem
        raise ParamError("cli-input-yaml", "Invalid YAML received. " + detail) from None
    except (yaml.YAMLError, ValueError, OverflowError) as e:
        raise ParamError("cli-input-yaml", f"Invalid YAML received. {e}") from None
    finally:
        if loader is not None:
            loader.dispose()
    check_depth(data, "cli-input-yaml")
    return data


def _expanded_size(root) -> int:
    """How many nodes the document has once every alias is copied out (capped).

    Counted over the node graph with memoisation, so a deep chain of
    aliases costs its number of distinct nodes, not its expanded size. An
    alias to a node that contains it (a cycle) counts as unbounded.
    """
    import yaml

    sizes: dict[int, int] = {}
    cap = MAX_YAML_NODES + 1
    # Iterative post-order walk: YAML nesting can be deeper than Python's stack.
    stack: list[tuple[Any, bool]] = [(root, False)]
    open_nodes: set[int] = set()
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            open_nodes.discard(key)
            total = 1
            for child in _children(node, yaml):
                total += sizes[id(child)]
                if total >= cap:
                    total = cap
                    break
            sizes[key] = total
            continue
        if key in sizes:
            continue
        if key in open_nodes:
            return cap  # a cycle
        open_nodes.add(key)
        stack.append((node, True))
        for child in _children(node, yaml):
            if id(child) in open_nodes:
                return cap
            if id(child) not in sizes:
                stack.append((child, False))
    return sizes[id(root)]


def _children(node, yaml) -> list:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []
