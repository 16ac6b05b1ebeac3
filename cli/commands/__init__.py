"""The registry of hand-written commands: AWS CLI v2's commands that no model describes.

A hand-written command is data plus one function (house style): its words,
an argument table, its help text and examples, and

    run(values: dict, context: cli.commands.room.Context) -> exit code

`values` holds every argument of the table by py_name (None when not given,
or the argument's default). The table is read by argparse (cli.arguments),
the help pages (cli.help.hand), completion and the prompt alike; the
command never parses argv itself.

Where the commands live is data too, so that routing a command line imports
only the one module it needs:

    GROUPS   top-level words that are no service (configure, s3, ...): the
             module declares the group's commands, ("s3", "cp"), and may
             declare the word alone, ("configure",), as a command of its own
    BESIDE   (command, word) that sit beside a service's generated operations
             (ecr get-login-password) or replace one of the same name (sso logout)

Each module named there has `COMMANDS: tuple[HandCommand, ...]` and imports
nothing heavy at module level (its `run` imports what it needs).
v2 commands shapecli does not provide are listed in UNPROVIDED: one clear
line and exit 252, never "invalid choice".
"""

from __future__ import annotations

from cli.errors import CliError, ExitCode
from cli.options import Option

# Each family of commands keeps its lines in its own block below.
GROUPS: dict[str, str] = {
    # configure and signing in
    "configure": "cli.commands.configure",

    # s3
    "s3": "cli.commands.s3",

}

BESIDE: dict[tuple[str, str], str] = {
    # sso login / logout
    ("sso", "login"): "cli.commands.sso",
    ("sso", "logout"): "cli.commands.sso",

    # registry logins, Kubernetes and database tokens
    ("ecr", "get-login-password"): "cli.commands.tokens",
    ("ecr-public", "get-login-password"): "cli.commands.tokens",
    ("rds", "generate-db-auth-token"): "cli.commands.tokens",
    ("dsql", "generate-db-connect-auth-token"): "cli.commands.tokens",
    ("dsql", "generate-db-connect-admin-auth-token"): "cli.commands.tokens",
    ("eks", "get-token"): "cli.commands.eks",
    ("eks", "update-kubeconfig"): "cli.commands.eks",
    ("codeartifact", "login"): "cli.commands.codeartifact",

    # logs, cloudformation, datapipeline
    ("logs", "tail"): "cli.commands.logs",
    ("cloudformation", "deploy"): "cli.commands.cloudformation",
    ("cloudformation", "package"): "cli.commands.cloudformation",
    ("datapipeline", "put-pipeline-definition"): "cli.commands.datapipeline",
    ("datapipeline", "get-pipeline-definition"): "cli.commands.datapipeline",

    # emr
    ("emr", "describe-cluster"): "cli.commands.emr",
}

# v2's hand-written commands that shapecli does not provide: (words) -> what to use instead
# (or ""). A one-word entry covers a whole top-level command of v2 (`ddb`, `history`).
UNPROVIDED: dict[tuple[str, ...], str] = {
    ("history",): "",
    ("ddb",): "use the dynamodb commands (aws dynamodb put-item, aws dynamodb query)",
    ("cli-dev",): "",
    ("login",): "use aws sso login, or aws configure for access keys",
    ("logout",): "use aws sso logout",
    ("update",): "upgrade shapecli with the tool that installed it (pip)",
    ("agent-toolkit",): "",
    # v2's commands beside a service's operations (awscli/customizations/*), apart from those
    # shapecli provides; the generated operations that v2 replaces by name (emr
    # add-instance-groups, logs start-live-tail) stay generated.
    # (v2 removes the operations these wrap, run-job-flow, add-job-flow-steps,
    # terminate-job-flows, set-termination-protection, ..., and so does shapecli)
    ("emr", "create-cluster"): "",
    ("emr", "terminate-clusters"): "",
    ("emr", "add-steps"): "",
    ("emr", "modify-cluster-attributes"): "",
    ("emr", "install-applications"): "",
    ("emr", "create-default-roles"): "create the roles with aws iam create-role",
    ("emr", "create-hbase-backup"): "",
    ("emr", "restore-from-hbase-backup"): "",
    ("emr", "schedule-hbase-backup"): "",
    ("emr", "disable-hbase-backups"): "",
    ("emr", "ssh"): "use ssh with the master node's public DNS name (aws emr describe-cluster)",
    ("emr", "socks"): "use ssh -D with the master node's public DNS name",
    ("emr", "get"): "use scp with the master node's public DNS name",
    ("emr", "put"): "use scp with the master node's public DNS name",
    ("emr-containers", "update-role-trust-policy"): "use aws iam update-assume-role-policy",
    ("emr-containers", "create-role-associations"): "",
    ("emr-containers", "delete-role-associations"): "",
    ("deploy", "push"): "use aws s3 cp and aws deploy register-application-revision",
    ("deploy", "register"): "use aws deploy register-on-premises-instance",
    ("deploy", "deregister"): "use aws deploy deregister-on-premises-instance",
    ("deploy", "install"): "",
    ("deploy", "uninstall"): "",
    ("gamelift", "upload-build"): "use aws gamelift create-build with aws s3 cp",
    ("gamelift", "get-game-session-log"): "use aws gamelift get-game-session-log-url",
    ("servicecatalog", "generate"):
        "use aws servicecatalog create-product or create-provisioning-artifact",
    ("configservice", "subscribe"):
        "use aws configservice put-configuration-recorder and put-delivery-channel",
    ("configservice", "get-status"):
        "use aws configservice describe-configuration-recorder-status and "
        "describe-delivery-channel-status",
    ("cloudtrail", "validate-logs"): "",
    ("cloudtrail", "verify-query-results"): "",
    ("cloudfront", "sign"): "",
    ("codecommit", "credential-helper"): "",
    ("datapipeline", "list-runs"): "",
    ("datapipeline", "create-default-roles"): "create the roles with aws iam create-role",
    ("dlm", "create-default-role"): "create the role with aws iam create-role",
    ("ec2-instance-connect", "ssh"): "use aws ec2-instance-connect send-ssh-public-key and ssh",
    ("ec2-instance-connect", "open-tunnel"): "",
    ("lightsail", "push-container-image"): "",
    ("ecs", "deploy"): "",
    ("ecs", "monitor-express-gateway-service"): "",
    ("dynamodb", "wizard"): "",
    ("events", "wizard"): "",
    ("iam", "wizard"): "",
    ("lambda", "wizard"): "",
    ("configure", "agent-toolkit"): "",
}


class Argument(Option):
    """One argument of a hand-written command: an Option that may also be positional.

    kind: "string", "int", "double", "boolean" (a flag), "list" (repeatable
    option), and with nargs "+"/"*" several words. `completion` names what
    completion offers for its value beyond `choices`: "files", "s3-paths",
    "profiles", "sso-sessions", "config-keys" (see cli.completion_data).
    """

    __slots__ = ("positional", "default", "completion", "metavar")

    def __init__(self, name: str, kind: str = "string", documentation: str = "", *,
                 positional: bool = False, default: object = None,
                 completion: str | None = None, metavar: str | None = None, **option):
        super().__init__(name, kind, documentation, **option)
        self.positional = positional
        self.default = default
        self.completion = completion
        self.metavar = metavar  # the synopsis' <value> placeholder for positionals

    def __repr__(self) -> str:
        return f"Argument({self.name!r})"


class HandCommand:
    """One hand-written command (a plain class: dataclasses are slow to create).

    description and each example are plain text: paragraphs parted by blank
    lines; a line indented by four spaces is a code line (a command line).
    `synopsis`, when given, replaces the synopsis lines made from the table.
    `output`: the OUTPUT section's text (None: no section). `sections`: more
    (heading, text) sections after DESCRIPTION (configure's CONFIGURATION VARIABLES).
    A text line starting "- " is a bullet.
    """

    __slots__ = ("words", "summary", "description", "arguments", "examples", "run", "output",
                 "synopsis", "sections")

    def __init__(self, words: tuple[str, ...], run, *, summary: str = "",
                 description: str = "", arguments: tuple[Argument, ...] = (),
                 examples: tuple[str, ...] = (), output: str | None = None,
                 synopsis: tuple[str, ...] | None = None,
                 sections: tuple[tuple[str, str], ...] = ()):
        self.words = words
        self.run = run
        self.summary = summary  # one line; the description when none is given
        self.description = description or summary
        self.arguments = arguments
        self.examples = examples
        self.output = output
        self.synopsis = synopsis
        self.sections = sections  # (heading, text) pages after DESCRIPTION, as v2's

    def __repr__(self) -> str:
        return f"HandCommand({' '.join(self.words)!r})"

    @property
    def name(self) -> str:
        return self.words[-1]


# -- lookups ------------------------------------------------------------------


def _module_commands(module_name: str) -> tuple[HandCommand, ...]:
    import importlib

    return importlib.import_module(module_name).COMMANDS


def is_group(word: str) -> bool:
    """Whether `word` is a top-level hand-written command (or a v2 one not provided)."""
    return word in GROUPS or (word,) in UNPROVIDED


def group_words() -> list[str]:
    """Every top-level word of the registry, for the top help page and completion."""
    return sorted({*GROUPS, *(words[0] for words in UNPROVIDED if len(words) == 1)})


def group_commands(word: str) -> dict[str, HandCommand]:
    """A group's commands by their second word; the group's own command under ""."""
    module = GROUPS.get(word)
    if module is None:
        return {}
    found = {}
    for command in _module_commands(module):
        if command.words[0] == word:
            found[command.words[1] if len(command.words) > 1 else ""] = command
    return found


def group_description(word: str) -> str:
    """The text of `aws <group> help` for a group without a command of its own."""
    import importlib

    return getattr(importlib.import_module(GROUPS[word]), "DESCRIPTION", "")


def declaring_packages() -> tuple[str, ...]:
    """The packages below cli.commands (cli.commands.s3, ...), whose sources a cached help
    page of a hand-written command is stamped with (cli.catalog.derived_text)."""
    import os

    root = os.path.dirname(os.path.abspath(__file__))
    found = []
    for folder, subfolders, _ in os.walk(root):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith(("_", ".")))
        relative = os.path.relpath(folder, root)
        if relative != "." and os.path.exists(os.path.join(folder, "__init__.py")):
            found.append("cli.commands." + relative.replace(os.sep, "."))
    return tuple(found)


def beside(command: str, word: str) -> HandCommand | None:
    """The hand-written command `aws <command> <word>` of a service, if there is one."""
    module = BESIDE.get((command, word))
    if module is None:
        return None
    return next(c for c in _module_commands(module) if c.words == (command, word))


def beside_words(command: str) -> list[str]:
    """The hand-written words of a service's command (for its listing and completion)."""
    words = [word for (cmd, word) in BESIDE if cmd == command]
    words += [ws[1] for ws in UNPROVIDED if len(ws) == 2 and ws[0] == command]
    return words


def unprovided(words: tuple[str, ...]) -> str | None:
    """What to say of a v2 command shapecli does not provide; None if it is not one."""
    for length in (1, 2):
        if tuple(words[:length]) in UNPROVIDED and len(words) >= length:
            return UNPROVIDED[tuple(words[:length])]
    return None


class NotProvided(CliError):
    """A v2 hand-written command shapecli does not provide (one line, exit 252)."""

    exit_code = ExitCode.USAGE


def not_provided_error(words: tuple[str, ...]) -> NotProvided | None:
    """The error for a v2 command shapecli does not provide, or None."""
    instead = unprovided(words)
    if instead is None:
        return None
    said = " ".join(words[:1] if (words[0],) in UNPROVIDED else words[:2])
    message = f"'aws {said}' is a command of AWS CLI v2 that shapecli does not provide"
    return NotProvided(message + (f"; {instead}" if instead else ""))
