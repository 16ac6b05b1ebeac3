"""Skeletons of operation input and output, and the merge of --cli-input-json/yaml.

Everything here is local work on the operation model (`cli.model`): no
botocore client, no network, no credentials. Functions return data; the
caller prints it.

    generate(operation, "input")        -> dict  (print as 4-space JSON)
    generate(operation, "yaml-input")   -> str   (print as is)
    generate(operation, "output", params=params) -> dict (print like a response)
    generate(operation, "json-schema")  -> dict  (print as 4-space JSON)

    read_cli_input_value(value, stdin)  -> str   ("-", file://path or inline)
    load_cli_input(text, "json"|"yaml") -> dict
    merge_cli_input(cli_input, command_line_params, operation) -> dict
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing costs milliseconds at every keystroke
if TYPE_CHECKING:
    from typing import IO, Any, Mapping

KINDS = ("input", "yaml-input", "output", "json-schema")


def generate(operation, kind: str, params: Mapping[str, Any] | None = None) -> Any:
    """The skeleton of `kind` for an operation (`cli.model.Operation`).

    For "output", `params` are the request parameters; the caller has
    already validated them as for a real call (the sample itself is never
    validated, so a valid input always gets its sample). The sample holds
    naive `datetime` objects for timestamps, like a parsed response.
    """
    if kind == "input":
        from skeleton.sample import sample

        return sample(operation.input_shape)
    if kind == "yaml-input":
        from skeleton.yaml_input import render

        return render(operation.input_shape)
    if kind == "output":
        from skeleton.sample import sample

        return sample(operation.output_shape, member_names=True)
    if kind == "json-schema":
        from skeleton.schema import input_schema

        return input_schema(operation)
    raise ValueError(f"unknown skeleton kind: {kind!r}")


def read_cli_input_value(value: str, stdin: IO[str] | None, option: str = "cli-input-json") -> str:
    """The text an input option names: `-` (stdin), `file://path`, or the value itself."""
    from skeleton.cli_input import read_value

    return read_value(value, stdin, option)


def load_cli_input(text: str, kind: str, option: str | None = None) -> dict:
    """Parse --cli-input-json ("json") or --cli-input-yaml ("yaml") text into a dict.

    Errors name `option` (default: cli-input-json or cli-input-yaml).
    """
    from skeleton.cli_input import load

    return load(text, kind, option)


def merge_cli_input(cli_input: Mapping[str, Any], command_line_params: Mapping[str, Any],
                    operation=None) -> dict:
    """Request parameters: the command line's top-level keys over the input's."""
    from skeleton.cli_input import merge

    return merge(cli_input, command_line_params, operation)
