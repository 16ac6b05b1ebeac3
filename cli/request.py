"""One operation's command line made into request parameters.

`Command` is the unit every room of the CLI works on (one call, a wait, a
batch of calls): the operation, the global options, what the operation's
own arguments gave, and, made only when needed, the botocore session. Its
`params()` is the one path argv -> values -> request: model defaults, then
the command line, then v2's extra arguments, then `--cli-input-*` under all
of them.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing costs milliseconds at every keystroke
if TYPE_CHECKING:
    from typing import Any

    from cli.arguments import GlobalArgs, OperationArgs
    from cli.catalog import Catalog
    from cli.env import Env
    from cli.model import Operation

from cli.errors import CliError, ExitCode
from cli.invocation import Invocation


class ParamValidation(CliError):
    """A malformed global or input option value (exit 252, v2's ParamValidation)."""

    exit_code = ExitCode.USAGE
    code = "ParamValidation"


class Command(Invocation):
    """An operation and its command line; the session is made on first use."""

    __slots__ = ("catalog", "operation", "op_args")

    def __init__(self, catalog: Catalog, operation: Operation, args: GlobalArgs,
                 op_args: OperationArgs, env: Env):
        super().__init__(args, env)
        self.catalog = catalog
        self.operation = operation
        self.op_args = op_args  # the operation's own arguments

    @property
    def options(self) -> dict[str, Any]:
        """The input, pagination and extra options given (by py_name)."""
        return self.op_args.options

    def make_client(self, operation: Operation | None = None, **tuning):
        """The botocore client for the operation (or another of the service's), responses
        parsed as v2 prints them.

        `tuning`: dispatch.make_client's retry_mode and pool_size.
        """
        from cli import dispatch

        session = self.session()
        dispatch.parse_timestamps_as_text(session, self.config("cli_timestamp_format"))
        client = dispatch.make_client(session, self.catalog, operation or self.operation,
                                      self.settings(), self.env.environ, **tuning)
        self.collector_back_on()
        return client

    # -- the request ----------------------------------------------------------

    def read_cli_input(self) -> dict | None:
        """The --cli-input-json/yaml document, parsed; None when neither is given."""
        return read_cli_input(self.options, self.env)

    def params(self, cli_input: dict | None = None) -> dict:
        """The request parameters: defaults < --cli-input-* < the command line."""
        from cli.customizations import operation_defaults
        from cli.shortcuts import apply_extra_arguments
        from cli.values import encode_blobs, parameter_value

        operation = self.operation
        by_dest = {p.dest: p for p in operation.parameters()}
        blob_input = cli_input is not None and operation.input_shape is not None \
            and operation.input_shape.contains("blob")
        binary_format = self._binary_format(
            blob_input or any(by_dest[dest].shape.contains("blob") for dest in self.op_args.raw))
        command = (operation.command_name, operation.cli_name)
        params: dict = operation_defaults(*command)
        for dest, raw in self.op_args.raw.items():
            param = by_dest[dest]
            value = raw if param.is_flag else parameter_value(
                param, raw, binary_format=binary_format, command=command)
            if param.member is None:
                params[param.py_name] = value
            else:  # one member of a structure argument, given on its own
                structure = params.get(param.py_name)
                params[param.py_name] = {**(structure if isinstance(structure, dict) else {}),
                                         param.member: value}
        params = apply_extra_arguments(*command, self.options, params, fetch=self.fetch)
        if cli_input is not None:
            import skeleton

            if blob_input:
                cli_input = encode_blobs(cli_input, operation.input_shape, binary_format,
                                         "cli-input")
            params = skeleton.merge_cli_input(cli_input, params, operation)
        return params

    def fetch(self, cli_name: str, params: dict) -> dict:
        """The response of another operation of the same service, called as this one would be.

        For the few v2 arguments that read something first (cloudfront
        update-distribution --default-root-object reads the distribution).
        """
        from cli import dispatch

        operation = self.catalog.operation(self.operation.command_name, cli_name)
        return dispatch.result(self.make_client(operation), operation, params, paginate=False,
                               pagination={})

    def _binary_format(self, blob_given: bool) -> str:
        # The format lives in the config; read it (and so start botocore)
        # only when a blob is among the values: parse errors stay local work.
        binary_format = self.args.cli_binary_format
        if binary_format is None and blob_given:
            binary_format = self.config("cli_binary_format")
            if binary_format not in (None, "base64", "raw-in-base64-out"):
                from cli.errors import ConfigError

                # v2 fails with a bare KeyError (exit 255); a setting is configuration.
                error = ConfigError(f"Unknown cli_binary_format value: {binary_format}, valid "
                                    'values are "base64" or "raw-in-base64-out"')
                error.code = "Configuration"
                raise error
        return binary_format or "base64"

    def paging(self, params: dict) -> tuple[dict, dict | None]:
        """(params, botocore's PaginationConfig), the config None when the call does not page.

        As in v2: --no-paginate, or a paging member given by hand (on the
        command line or in --cli-input-*), turns automatic paging off. Then
        --starting-token, --page-size and --max-items are errors, except
        where the operation has a member of that name (lambda's --max-items,
        acm's), which the value goes to instead.
        """
        operation = self.operation
        if not operation.can_paginate:
            return params, None
        given = {name: value for name, value in (
            ("StartingToken", self.options.get("starting_token")),
            ("PageSize", self.options.get("page_size")),
            ("MaxItems", self.options.get("max_items"))) if value is not None}
        if self.args.paginate is not False and not (operation.manual_paging_members & set(params)):
            from cli.customizations import default_page_size

            size = default_page_size(operation.command_name, operation.cli_name, params)
            if size is not None:
                given.setdefault("PageSize", size)
            return params, given
        shadowed = {p.name: p.py_name for p in operation.parameters()}
        params = dict(params)
        unused = []
        for name, value in given.items():
            option = _PAGING_OPTIONS[name]
            if option in shadowed:
                params[shadowed[option]] = value
            else:
                unused.append("--" + option)
        if unused:
            raise ParamValidation("Cannot specify --no-paginate along with pagination "
                                  "arguments: " + ", ".join(unused))
        return params, None


_PAGING_OPTIONS = {"StartingToken": "starting-token", "PageSize": "page-size",
                   "MaxItems": "max-items"}


def read_cli_input(options: dict[str, Any], env: Env) -> dict | None:
    json_text, yaml_text = options.get("cli_input_json"), options.get("cli_input_yaml")
    if json_text is None and yaml_text is None:
        return None
    if json_text is not None and yaml_text is not None:
        raise ParamValidation("Only one --cli-input- parameter may be specified.")
    import skeleton

    kind, value = ("json", json_text) if json_text is not None else ("yaml", yaml_text)
    text = skeleton.read_cli_input_value(value, env.stdin, f"cli-input-{kind}")
    return skeleton.load_cli_input(text, kind)
