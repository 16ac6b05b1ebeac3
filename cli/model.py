"""The operation model: botocore's shape JSON read into small frozen objects.

Nothing here imports botocore: `Shape` wraps one shape definition (with the
member-reference traits merged over it, as botocore's ShapeResolver does) and
resolves references lazily through the shape map of its operation, so
recursive shapes cost nothing until they are walked.

Names, chosen once and used everywhere:
  name      user-pool-id      (the kebab-case parameter name)
  cli_name  --user-pool-id    (what the user types)
  py_name   UserPoolId        (the member name in the request)
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing costs milliseconds at every keystroke
if TYPE_CHECKING:
    from typing import Any, Mapping


SCALAR_TYPES = frozenset(
    {"string", "integer", "long", "float", "double", "boolean", "timestamp", "blob", "char"}
)


class Shape:
    """One shape of an operation, as the model describes it.

    `definition` is botocore's JSON for the shape with the traits of the
    member reference that led here (documentation, location, ...) merged
    over it; `shape_map` is the map of every shape the operation reaches.
    """

    # Plain classes, not dataclasses: creating dataclasses costs milliseconds
    # at import, and this module is on the path of every keystroke.
    __slots__ = ("name", "definition", "shape_map", "_members")

    def __init__(self, name: str, definition: Mapping[str, Any],
                 shape_map: Mapping[str, Mapping[str, Any]]):
        self.name = name
        self.definition = definition
        self.shape_map = shape_map
        self._members: dict[str, Shape] | None = None

    def __repr__(self) -> str:
        return f"Shape({self.name!r}, {self.type_name!r})"

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, Shape) and self.name == other.name
                and self.definition == other.definition)

    __hash__ = None  # type: ignore[assignment]

    @property
    def type_name(self) -> str:
        return self.definition["type"]

    @property
    def documentation(self) -> str:
        return self.definition.get("documentation", "")

    @property
    def is_scalar(self) -> bool:
        return self.type_name in SCALAR_TYPES and not self.is_document

    @property
    def is_document(self) -> bool:
        return bool(self.definition.get("document"))

    @property
    def is_event_stream(self) -> bool:
        return bool(self.definition.get("eventstream"))

    @property
    def is_union(self) -> bool:
        return bool(self.definition.get("union"))

    @property
    def enum(self) -> tuple[str, ...]:
        return tuple(self.definition.get("enum", ()))

    @property
    def min(self) -> float | None:
        return self.definition.get("min")

    @property
    def max(self) -> float | None:
        return self.definition.get("max")

    @property
    def pattern(self) -> str | None:
        return self.definition.get("pattern")

    @property
    def sensitive(self) -> bool:
        return bool(self.definition.get("sensitive"))

    @property
    def is_idempotency_token(self) -> bool:
        """botocore fills the member with a fresh UUID when the request leaves it out."""
        return bool(self.definition.get("idempotencyToken"))

    @property
    def deprecated(self) -> bool:
        return bool(self.definition.get("deprecated"))

    @property
    def location(self) -> str | None:
        return self.definition.get("location")

    @property
    def timestamp_format(self) -> str | None:
        return self.definition.get("timestampFormat")

    @property
    def required_members(self) -> tuple[str, ...]:
        return tuple(self.definition.get("required", ()))

    @property
    def members(self) -> dict[str, "Shape"]:
        """Structure members in model order (empty for other types); resolved once."""
        if self._members is None:
            refs = self.definition.get("members", {})
            self._members = {name: self.resolve(ref) for name, ref in refs.items()}
        return self._members

    @property
    def member(self) -> "Shape":
        """The element shape of a list."""
        return self.resolve(self.definition["member"])

    @property
    def key(self) -> "Shape":
        return self.resolve(self.definition["key"])

    @property
    def value(self) -> "Shape":
        return self.resolve(self.definition["value"])

    def contains(self, type_name: str) -> bool:
        """Whether this shape or any shape it reaches is of `type_name`."""
        seen: set[str] = set()
        stack = [self]
        while stack:
            shape = stack.pop()
            if shape.type_name == type_name:
                return True
            if shape.name in seen:
                continue
            seen.add(shape.name)
            refs = list(shape.definition.get("members", {}).values())
            refs += [shape.definition[k] for k in ("member", "key", "value")
                     if k in shape.definition]
            stack.extend(shape.resolve(ref) for ref in refs)
        return False

    def resolve(self, ref: Mapping[str, Any]) -> "Shape":
        """The shape a member reference points to, with the reference's traits merged."""
        target = ref["shape"]
        definition = self.shape_map[target]
        if len(ref) > 1:
            definition = {**definition, **{k: v for k, v in ref.items() if k != "shape"}}
        return Shape(target, definition, self.shape_map)


class Parameter:
    """One command-line parameter generated from a top-level input member."""

    __slots__ = ("name", "py_name", "shape", "required", "documentation", "hidden",
                 "negative_name", "aliases", "flag_structure", "member", "refused_member")

    def __init__(self, name: str, py_name: str, shape: Shape, required: bool,
                 documentation: str, hidden: bool = False, negative_name: str | None = None,
                 aliases: tuple[str, ...] = (), flag_structure: bool = False,
                 member: str | None = None):
        self.name = name  # user-pool-id
        self.py_name = py_name  # UserPoolId
        self.shape = shape
        self.required = required
        self.documentation = documentation
        self.hidden = hidden  # usable but not documented (pagination tokens)
        # The "off" spelling of a boolean flag: no-<name> unless v2 renames it.
        self.negative_name = negative_name or "no-" + name
        self.aliases = aliases  # other names v2 accepts, undocumented
        # A structure of one boolean `Value` that v2 also takes as a flag:
        # --opt ({"Value": true}), --no-opt (false), or --opt Value=false.
        self.flag_structure = flag_structure
        # The member of the `py_name` structure this argument fills, when v2
        # offers a member as an argument of its own (--zip-file: Code.ZipFile).
        self.member = member
        # (member, message): a member taken out of this structure argument
        # because another argument fills it; giving it here is refused.
        self.refused_member: tuple[str, str | None] | None = None

    def __repr__(self) -> str:
        return f"Parameter({self.cli_name!r}, {self.py_name!r})"

    @property
    def cli_name(self) -> str:
        return "--" + self.name

    @property
    def dest(self) -> str:
        """The parameter's key among the command line's values: py_name, or py_name.member."""
        return self.py_name if self.member is None else f"{self.py_name}.{self.member}"

    @property
    def negative_cli_name(self) -> str:
        return "--" + self.negative_name

    @property
    def checked_by_parser(self) -> bool:
        """Whether argparse reports the parameter missing, as v2's does.

        v2 documents required booleans and arguments with a hidden second
        spelling as required, but leaves the check to the request validator
        ("Missing required parameter in input").
        """
        return self.required and not self.is_flag and not self.aliases

    @property
    def is_flag(self) -> bool:
        """Top-level booleans are `--flag` / `--no-flag`."""
        return self.shape.type_name == "boolean"

    @property
    def has_negative(self) -> bool:
        """Whether a --no-<name> spelling exists (flags and flag structures)."""
        return self.is_flag or self.flag_structure

    @property
    def takes_many(self) -> bool:
        """Lists take several argv values: `--names a b c`."""
        return self.shape.type_name == "list"


class Operation:
    """One operation of one service, with everything the CLI needs locally."""

    __slots__ = ("service_name", "command_name", "name", "cli_name", "documentation",
                 "input_shape", "output_shape", "paginator", "protocol", "parameter_names",
                 "deprecated", "_parameters")

    def __init__(self, service_name: str, command_name: str, name: str, cli_name: str,
                 documentation: str, input_shape: Shape | None, output_shape: Shape | None,
                 paginator: Mapping[str, Any] | None, protocol: str,
                 parameter_names: Mapping[str, str] | None = None, deprecated: bool = False):
        self.service_name = service_name  # botocore's name: cognito-idp, s3
        self.command_name = command_name  # the CLI's name: cognito-idp, s3api
        # The model's key for the operation, as botocore's OperationModel.name:
        # client methods, paginators and messages use it. The name sent on the
        # wire may differ (cloudfront's ListDistributions2020_05_31).
        self.name = name  # AdminConfirmSignUp
        self.cli_name = cli_name  # admin-confirm-sign-up
        self.documentation = documentation
        self.input_shape = input_shape
        self.output_shape = output_shape
        self.paginator = paginator
        self.protocol = protocol
        # py_name -> name for the top-level input members, computed once with
        # botocore.xform_name when the operation was cached.
        self.parameter_names = parameter_names or {}
        self.deprecated = deprecated
        self._parameters: list[Parameter] | None = None

    def __repr__(self) -> str:
        return f"Operation({self.command_name!r}, {self.cli_name!r})"

    @property
    def can_paginate(self) -> bool:
        return self.paginator is not None

    @property
    def manual_paging_members(self) -> set[str]:
        """Members that, given by the user, turn automatic pagination off (as in v2)."""
        from cli.customizations import MANUAL_PAGING_MEMBERS

        return _pagination_members(self.paginator) | MANUAL_PAGING_MEMBERS.get(
            (self.command_name, self.cli_name), set())

    @property
    def page_size_member(self) -> str | None:
        """The member --page-size drives (the paginator's limit key), if any."""
        return (self.paginator or {}).get("limit_key")

    @property
    def streaming_output(self) -> str | None:
        """The payload v2 writes to an `outfile` argument (s3api get-object, lambda invoke).

        botocore counts any blob payload as streaming output, streaming trait or not;
        an event stream is written where v2 writes one (`outfile_event`).
        """
        shape = self.output_shape
        payload = shape.definition.get("payload") if shape is not None else None
        if payload:
            member = shape.members.get(payload)
            if member is not None and (member.type_name == "blob"
                                       or self.outfile_event is not None):
                return payload
        return None

    @property
    def runs_in_batches(self) -> bool:
        """Whether batch mode (--cli-input-jsonl) is offered: not for an output streamed to a
        file, nor for a session handed to session-manager-plugin."""
        return not self.streaming_output and not self.starts_session

    @property
    def starts_session(self) -> bool:
        """Whether the command hands a session to session-manager-plugin (cli/session.py)."""
        from cli.customizations import SESSION_COMMANDS

        return (self.command_name, self.cli_name) in SESSION_COMMANDS

    @property
    def outfile_event(self) -> str | None:
        """The event of an event-stream payload whose bytes go to the outfile, if any."""
        from cli.customizations import EVENT_STREAM_OUTFILES

        return EVENT_STREAM_OUTFILES.get((self.command_name, self.cli_name))

    def parameters(self) -> list[Parameter]:
        """The CLI parameters, in model order, named as AWS CLI v2 names them (made once)."""
        if self._parameters is None:
            self._parameters = self._make_parameters()
        return self._parameters

    def _make_parameters(self) -> list[Parameter]:
        if self.input_shape is None:
            return []
        from cli.customizations import (
            FLAG_STRUCTURE_COMMANDS,
            HOISTED_MEMBERS,
            argument_name,
            hidden_alias,
            optional,
            removed,
            undocumented,
        )

        required = set(self.input_shape.required_members)
        hidden = _pagination_members(self.paginator)
        command, operation = self.command_name, self.cli_name
        params = []
        for py_name, shape in self.input_shape.members.items():
            if shape.is_event_stream:
                continue
            model_name = self.parameter_names[py_name]
            if removed(command, operation, model_name):
                continue
            name = argument_name(command, operation, model_name)
            alias = hidden_alias(command, operation, name)
            params.append(
                Parameter(
                    name=name,
                    py_name=py_name,
                    shape=shape,
                    # v2 never requires a token: botocore generates one.
                    required=py_name in required and not shape.is_idempotency_token
                    and not optional(command, operation, model_name),
                    documentation=shape.documentation,
                    hidden=py_name in hidden or undocumented(command, operation, model_name),
                    # v2 renames --no- spellings of true booleans only (its flag
                    # structures get theirs after the renames are done).
                    negative_name=argument_name(command, operation, "no-" + model_name)
                    if shape.type_name == "boolean" else None,
                    aliases=(alias,) if alias else (),
                    flag_structure=command in FLAG_STRUCTURE_COMMANDS
                    and _is_boolean_value(shape),
                )
            )
        for hoist in HOISTED_MEMBERS.get((command, operation), ()):
            _hoist(params, hoist)
        return params


def _hoist(params: list[Parameter], hoist) -> None:
    """Offer a member of a structure argument as an argument of its own (v2's hoists)."""
    original = next((p for p in params if p.name == hoist.argument), None)
    member = original.shape.members.get(hoist.member) if original else None
    if member is None:  # the model moved on: nothing to hoist
        return
    params.append(Parameter(hoist.name, original.py_name, member, hoist.required,
                            hoist.documentation, member=hoist.member))
    original.required = hoist.argument_required
    if not hoist.keeps_member:
        definition = dict(original.shape.definition)
        definition["members"] = {k: v for k, v in definition["members"].items()
                                 if k != hoist.member}
        original.shape = Shape(original.shape.name, definition, original.shape.shape_map)
        original.refused_member = hoist.member, hoist.refusal


def _is_boolean_value(shape: Shape) -> bool:
    """A structure whose only member is a boolean named Value."""
    if shape.type_name != "structure":
        return False
    members = shape.members
    return list(members) == ["Value"] and members["Value"].type_name == "boolean"


def _pagination_members(paginator: Mapping[str, Any] | None) -> set[str]:
    """The members a paginator drives itself (input tokens, the limit key)."""
    if not paginator:
        return set()
    names = paginator.get("input_token", [])
    names = [names] if isinstance(names, str) else list(names)
    if "limit_key" in paginator:
        names.append(paginator["limit_key"])
    return set(names)
