"""`aws codeartifact login`: point a package tool at a CodeArtifact repository, as v2 does.

The token comes from GetAuthorizationToken, the repository's URL from
GetRepositoryEndpoint (in the tool's package format); then the tool is
configured the way v2 configures it: pip, npm, nuget, dotnet and swift by
running their own commands (as subprocesses, output captured), twine by
writing ~/.pypirc and swift's token into ~/.netrc (both through cli.files,
mode 0600). What each tool gets is in cli.commands.codeartifact_tools.

--dry-run prints the commands (or the file) instead, token included, as v2.
"""

from __future__ import annotations

import os

from cli.commands import Argument, HandCommand
from cli.commands.codeartifact_tools import TOOLS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from cli.commands.room import Context


def login(values: dict, context: Context) -> int:
    from cli.commands import codeartifact_tools as tools
    from cli.errors import CliError

    tool = values["tool"].lower()
    package_format, takes_namespace = TOOLS[tool]
    client = context.client("codeartifact")
    owner = {"domainOwner": values["domain_owner"]} if values["domain_owner"] else {}
    duration = ({"durationSeconds": values["duration_seconds"]}
                if values["duration_seconds"] else {})
    answer = client.get_authorization_token(domain=values["domain"], **owner, **duration)
    token = answer["authorizationToken"]
    context.hide(token, "authorizationToken")
    endpoint_type = {"endpointType": values["endpoint_type"]} if values["endpoint_type"] else {}
    endpoint = client.get_repository_endpoint(
        domain=values["domain"], repository=values["repository"], format=package_format,
        **endpoint_type, **owner)["repositoryEndpoint"]
    if values["namespace"] and not takes_namespace:
        raise CliError(f"Argument --namespace is not supported for {tool}")
    session = _Login(context, tool, token, endpoint, _expiration(answer["expiration"]),
                     values["dry_run"])
    try:
        if tool == "pip":
            session.run_all(tools.pip_commands(endpoint, token))
        elif tool == "npm":
            session.run_all(tools.npm_commands(endpoint, token,
                                               tools.npm_scope(values["namespace"])))
        elif tool == "swift":
            session.swift(tools.swift_scope(values["namespace"]))
        elif tool == "twine":
            session.twine()
        else:
            session.nuget(f"{values['domain']}/{values['repository']}")
    except tools.ToolError as e:
        raise CliError(str(e)) from None
    return 0


def _expiration(value):
    """The token's expiry as a datetime in local time (v2 prints it so)."""
    from datetime import datetime

    from botocore.utils import parse_timestamp
    from dateutil.tz import tzlocal

    if isinstance(value, datetime):
        return value.astimezone(tzlocal())
    return parse_timestamp(value)


class _Login:
    """One login: the tool's commands run (or shown), its files written, v2's messages."""

    def __init__(self, context: Context, tool: str, token: str, endpoint: str, expiration,
                 dry_run: bool):
        self.context = context
        self.out = context.env.stdout
        self.tool = tool
        self.token = token
        self.endpoint = endpoint
        self.expiration = expiration
        self.dry_run = dry_run
        self.home = context.env.environ.get("HOME") or os.path.expanduser("~")

    def run_all(self, commands: list[list[str]]) -> None:
        if self.dry_run:
            for command in commands:
                self.out.write(" ".join(command) + os.linesep + os.linesep)
            return
        for command in commands:
            # npm 9 dropped always-auth and refuses to set it: v2 lets that pass.
            self.run(command, ignore_errors=self.tool == "npm" and
                     any("always-auth" in word for word in command))
        self.succeeded(self.tool)

    def run(self, command: list[str], *, ignore_errors: bool = False) -> bytes:
        import subprocess

        from cli.errors import CliError

        try:
            done = subprocess.run(command, capture_output=True, check=True,
                                  env=dict(self.context.env.environ))
        except subprocess.CalledProcessError as e:
            if ignore_errors:
                return b""
            message = str(e).replace(self.token, "******")
            if e.stderr is not None:
                # v2 ends the message with the tool's last newline, adding none of its own.
                # The tool may repeat its arguments: its words are masked as well (v2's are not).
                message += (" Stderr from command:\n" + e.stderr.decode(errors="replace")
                            .replace(self.token, "******").removesuffix("\n"))
            raise CliError(message) from None
        except FileNotFoundError:
            raise CliError(f"{command[0].removesuffix('.cmd')} was not found. "
                           "Please verify installation.") from None
        return done.stdout

    def succeeded(self, tool: str) -> None:
        from datetime import datetime, timezone

        from cli.commands.codeartifact_tools import expires_in

        left = expires_in(self.expiration, datetime.now(timezone.utc))
        self.out.write(f"Successfully configured {tool} to use AWS CodeArtifact repository "
                       f"{self.endpoint} {os.linesep}"
                       f"Login expires in {left} at {self.expiration}{os.linesep}")

    def swift(self, scope: str | None) -> None:
        from cli.commands import codeartifact_tools as tools

        commands = tools.swift_commands(self.endpoint, self.token, scope)
        if not tools.IS_MACOS:
            netrc = os.path.join(self.home, ".netrc")
            if self.dry_run:
                entry = tools.netrc_entry(self.endpoint, self.token)
                self.out.write(
                    f"Dryrun mode is enabled, not writing to netrc.{os.linesep}"
                    f"The following line would have been written to {netrc}:{os.linesep}"
                    f"{os.linesep}{entry}{os.linesep}{os.linesep}"
                    f"And would have run the following commands:{os.linesep}{os.linesep}")
            else:
                self._write_secret(netrc, tools.netrc_updated(
                    _read(netrc) or "", self.endpoint, self.token))
        self.run_all(commands)

    def twine(self) -> None:
        import configparser

        from cli.commands import codeartifact_tools as tools
        from cli.errors import CliError

        path = os.path.join(self.home, ".pypirc")
        existing = _read(path)
        try:
            text = tools.pypirc(existing, self.endpoint, self.token, source=path)
        except configparser.Error as e:
            self.out.write(f"{path} is in an invalid state.{os.linesep}")
            raise CliError(str(e)) from None
        if self.dry_run:
            self.out.write(f"Dryrun mode is enabled, not writing to pypirc.{os.linesep}"
                           f"{path} would have been set to the following:{os.linesep}"
                           f"{os.linesep}{text}{os.linesep}")
            return
        self._write_secret(path, text)
        self.succeeded("twine")

    def nuget(self, default_name: str) -> None:
        from cli.commands import codeartifact_tools as tools

        listing = self.run(tools.nuget_list_command(self.tool))
        index_url = tools.nuget_index_url(self.endpoint)
        name, exists = tools.nuget_source_name(
            tools.nuget_sources(listing.decode("utf-8", errors="replace")), index_url,
            default_name)
        command = tools.nuget_configure_command(self.tool, "update" if exists else "add",
                                                index_url, name, self.token)
        if self.dry_run:
            self.out.write(" ".join(command) + "\n")
            return
        try:
            self.run(command)
        except Exception:
            self.out.write("Failed to update the NuGet.Config\n")
            raise
        # An existing source may sit in any level's NuGet.Config; a new one goes to the user's.
        self.out.write(f"Updated source {name} in the NuGet.Config\n" if exists else
                       f"Added source {name} to the user level NuGet.Config\n")
        self.succeeded("nuget")

    def _write_secret(self, path: str, text: str) -> None:
        from cli.files import SECRET, write_atomically

        write_atomically(path, text, mode=SECRET, keep_mode=False)


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except FileNotFoundError:
        return None


COMMANDS = (
    HandCommand(
        ("codeartifact", "login"), login,
        summary="Configure a package tool (pip, twine, npm, NuGet, dotnet, Swift) to use a "
                "CodeArtifact repository.",
        description=(
            "Fetches an authorization token for the domain and the repository's endpoint in "
            "the tool's package format, then configures the tool with both:\n\n"
            "- pip: its global index-url (pip config set), the token in the URL\n"
            "- twine: a codeartifact index server in ~/.pypirc (other servers kept)\n"
            "- npm: the registry (or a scope's registry with --namespace) and its auth token "
            "(npm config set)\n"
            "- nuget, dotnet: a package source with the token as its password (added, or "
            "updated when the repository or a source of the same name is configured)\n"
            "- swift: the package registry (a scope's with --namespace) and its login; the "
            "token goes into ~/.netrc except on macOS\n\n"
            "The token is valid for 12 hours unless --duration-seconds says otherwise; run "
            "the command again when it expires. The tool has to be installed (except twine)."),
        arguments=(
            Argument("tool", documentation="The tool to configure.",
                     choices=tuple(TOOLS), required=True),
            Argument("domain", documentation="The repository's CodeArtifact domain.",
                     required=True),
            Argument("domain-owner", documentation="The account id that owns the domain "
                     "(when it is not yours)."),
            Argument("namespace", documentation="An npm scope or a Swift scope to tie to the "
                     "repository (npm and swift only)."),
            Argument("duration-seconds", "int", "For how many seconds the token is valid "
                     "(900 to 43200; 0 ties it to the current role session's expiry)."),
            Argument("repository", documentation="The repository's name.", required=True),
            Argument("endpoint-type", documentation="ipv4 or dualstack: which kind of "
                     "endpoint the tool uses."),
            Argument("dry-run", "boolean", "Print the commands (or the file) that would "
                     "configure the tool and change nothing. The output shows the token.",
                     default=False),
        ),
        examples=(
            "Point pip at the repository py-internal of domain acme::\n\n"
            "    aws codeartifact login --tool pip --domain acme --repository py-internal",
            "Use the repository for the npm scope @acme only::\n\n"
            "    aws codeartifact login --tool npm --domain acme --repository js-internal "
            "--namespace acme",
        )),
)
