"""How deep a value given on the command line may nest.

A JSON, shorthand or YAML value (on the command line, in a `file://`, in
`--cli-input-json/yaml`) nested deeper than `MAX_DEPTH` levels is a usage
error that names the parameter and the limit, before any recursive code
(the parsers, botocore's validator and serializer) can run out of stack.
100 levels is far beyond any AWS input (DynamoDB's 32 levels of attribute
values take 65).
"""

from __future__ import annotations

from cli.errors import ParamError

MAX_DEPTH = 100


def too_deep(cli_name: str, where: str = "") -> ParamError:
    return ParamError(cli_name, f"the value is nested more than {MAX_DEPTH} levels deep"
                                f"{where}; {MAX_DEPTH} is the limit")


def depth(value) -> int:
    """The nesting depth of dicts and lists in `value` (a scalar is 0), without recursion.

    Containers reached twice (YAML aliases) are measured once.
    """
    heights: dict[int, int] = {}
    stack = [(value, False)]
    while stack:
        node, done = stack.pop()
        if not isinstance(node, (dict, list)):
            continue
        children = node.values() if isinstance(node, dict) else node
        if done:
            heights[id(node)] = 1 + max(
                (heights.get(id(c), 0) for c in children if isinstance(c, (dict, list))),
                default=0)
        elif id(node) not in heights:
            stack.append((node, True))
            stack.extend((c, False) for c in children if isinstance(c, (dict, list)))
    return heights.get(id(value), 0)


def check_depth(value, cli_name: str) -> None:
    if depth(value) > MAX_DEPTH:
        raise too_deep(cli_name)
