"""What there is to complete, served from shapecli's caches (the index of cli.completion).

A keystroke reads at most two small JSON files: a command's names
(operations, hidden aliases, waiters, regions) and one operation's or
waiter's arguments. Both are derived from the model cache on first use,
through the same code that builds the CLI's parsers (Operation.parameters,
operation_options, the waiter options), and kept with the catalog's
derived texts, so they are keyed like the cache and like shapecli's code.
Nothing here imports botocore; profiles come from the config and
credentials files, regions from botocore's endpoints data. The one
exception is a word that starts with s3:// (cli.commands.s3.remote_paths
lists buckets or a prefix, within a short deadline).
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing costs milliseconds at every keystroke
if TYPE_CHECKING:
    from typing import Mapping

import json
import os

from cli.options import CONFIG_KEYS, FILES, PROFILES, REGIONS, S3_PATHS, SSO_SESSIONS

# The packages whose code shapes the derived files (argument names, options).
_CODE = ("cli", "cli.shortcuts")
# --region with no command yet offers the regions of this service, as v2 does.
DEFAULT_REGION_SERVICE = "ec2"
# What `aws configure get/set` offers: the settings a profile commonly holds.
KNOWN_CONFIG_KEYS = (
    "aws_access_key_id", "aws_secret_access_key", "aws_session_token", "region", "output",
    "sso_session", "sso_account_id", "sso_role_name", "sso_start_url", "sso_region",
    "sso_registration_scopes", "role_arn", "source_profile", "credential_source",
    "credential_process", "external_id", "mfa_serial", "role_session_name", "duration_seconds",
    "web_identity_token_file", "ca_bundle", "cli_pager", "cli_auto_prompt", "cli_binary_format",
    "cli_timestamp_format", "retry_mode", "max_attempts", "endpoint_url", "use_fips_endpoint",
    "use_dualstack_endpoint", "s3.max_concurrent_requests", "s3.max_queue_size",
    "s3.multipart_threshold", "s3.multipart_chunksize", "s3.max_bandwidth",
    "s3.addressing_style", "s3.use_accelerate_endpoint")
# Argument.completion -> the marker completion looks up.
_HAND_COMPLETIONS = {"profiles": PROFILES, "sso-sessions": SSO_SESSIONS,
                     "config-keys": CONFIG_KEYS, "files": FILES, "s3-paths": S3_PATHS}


class CacheIndex:
    """The index `cli.completion.complete` asks, over one environment's caches."""

    def __init__(self, environ: Mapping[str, str]):
        from cli.catalog import Catalog

        self.environ = environ
        self.catalog = Catalog(environ)
        self._names: dict[str, dict | None] = {}
        self._arguments: dict[tuple[str, ...], list | None] = {}  # a prompt asks again and again
        self._globals: list | None = None
        self._s3_answers: list[tuple] = []  # (word, settings, complete, s3:// paths)

    def _derived(self, name: str, produce):
        text = self.catalog.derived_text(f"completion/{name}.json", _CODE,
                                         lambda: json.dumps(produce()))
        return json.loads(text)

    # -- commands -------------------------------------------------------------

    def commands(self) -> list[str]:
        from cli import commands as registry

        return sorted({*self.catalog.commands(), *registry.group_words()})

    def command(self, command: str) -> dict | None:
        if command not in self._names:
            from cli import commands as registry

            if registry.is_group(command):
                names = {"operations": sorted(w for w in registry.group_commands(command) if w),
                         "aliases": [], "waiters": [], "regions": []}
            elif command in self.catalog.commands():
                names = self._derived(f"{command}/_names", lambda: self._build_names(command))
                # Hand-written commands beside the generated ones (ecr get-login-password).
                names["operations"] = sorted({*names["operations"],
                                              *registry.beside_words(command)})
            else:
                names = None
            self._names[command] = names
        return self._names[command]

    def _build_names(self, command: str) -> dict:
        from cli.customizations import command_table

        service = self.catalog.service_name(command)
        index = self.catalog.service_index(service)
        operations, aliases = command_table(command, index["operations"])
        prefix = index.get("metadata", {}).get("endpointPrefix", service)
        return {
            "operations": list(operations),
            "aliases": list(aliases),
            "waiters": list(self.catalog.waiters(service)),
            "regions": self._regions_by_endpoint().get(prefix, []),
        }

    def arguments(self, path: tuple[str, ...]) -> list | None:
        """The arguments of (command, operation) or (command, "wait", waiter)."""
        if path not in self._arguments:
            hand = _hand_command(path)
            if hand is not None:
                self._arguments[path] = hand_arguments(hand)
            elif len(path) == 2 and _unprovided(path):
                self._arguments[path] = []
            else:
                self._arguments[path] = self._derived(
                    "/".join(path), lambda: build_arguments(self.catalog, path))
        return self._arguments[path]

    def global_arguments(self) -> list:
        if self._globals is None:
            from cli.options import GLOBAL_OPTIONS

            dynamic = {"profile": PROFILES, "region": REGIONS}
            self._globals = [
                (o.name, "flag" if o.kind == "boolean" else "one",
                 dynamic.get(o.name) or list(o.choices) or None, None)
                for o in GLOBAL_OPTIONS]
        return self._globals

    # -- values ---------------------------------------------------------------

    def profiles(self) -> list[str]:
        """The profiles of the config and credentials files, as botocore reads them."""
        found: list[str] = []
        for section in _sections(self._file_path("AWS_CONFIG_FILE", "config")):
            # The config file names profiles `[profile NAME]`, except [default].
            words = section.split()
            name = words[1] if len(words) == 2 and words[0] == "profile" else (
                section if section == "default" else None)
            if name and name not in found:
                found.append(name)
        for section in _sections(self._file_path("AWS_SHARED_CREDENTIALS_FILE", "credentials")):
            if section not in found:
                found.append(section)
        return found

    def sso_sessions(self) -> list[str]:
        """The [sso-session NAME] sections of the config file."""
        sections = _sections(self._file_path("AWS_CONFIG_FILE", "config"))
        return [s.split(None, 1)[1] for s in sections
                if s.startswith("sso-session ") and len(s.split(None, 1)) == 2]

    def config_keys(self) -> list[str]:
        return list(KNOWN_CONFIG_KEYS)

    def _file_path(self, variable: str, name: str) -> str:
        """The config (or credentials) file: its variable, else ~/.aws/NAME, as botocore."""
        home = self.environ.get("HOME") or os.path.expanduser("~")
        return os.path.expanduser(self.environ.get(variable)
                                  or os.path.join(home, ".aws", name))

    def regions(self, command: str | None) -> list[str]:
        names = self.command(command or DEFAULT_REGION_SERVICE)
        return names["regions"] if names else []

    def _regions_by_endpoint(self) -> dict[str, list[str]]:
        """{endpoint prefix: its regions in the aws partition} from botocore's endpoints data."""
        return self._derived("_regions", self._build_regions)

    def _build_regions(self) -> dict[str, list[str]]:
        try:
            data = self.catalog.paths.load_json("endpoints")
        except (OSError, ValueError):
            return {}
        for partition in data.get("partitions", []):
            if partition.get("partition") == "aws":
                regions = partition.get("regions", {})
                return {service: [name for name in spec.get("endpoints", {}) if name in regions]
                        for service, spec in partition.get("services", {}).items()}
        return {}

    def files(self, directory: str) -> list[tuple[str, bool]]:
        path = os.path.expanduser(directory) if directory else "."
        try:
            with os.scandir(path) as entries:
                found = []
                for entry in entries:
                    try:
                        found.append((entry.name, entry.is_dir()))
                    except OSError:
                        found.append((entry.name, False))
        except OSError:
            return []
        return sorted(found)

    def s3_paths(self, fragment: str, given: dict[str, str]) -> list[str]:
        from cli.commands.s3.remote_paths import answers, complete_s3_path

        # The prompt asks at every keystroke: a complete answer for a shorter word of the
        # same level and settings is filtered instead of listing again.
        settings = tuple(sorted(given.items()))
        for asked, where, complete, paths in self._s3_answers:
            if where == settings and answers(asked, complete, fragment):
                return [path for path in paths if path.startswith(fragment)]
        paths, complete = complete_s3_path(fragment, self.environ, given)
        self._s3_answers.append((fragment, settings, complete, paths))
        return paths


def _sections(path: str) -> list[str]:
    """The section names of an ini file, in order ([ name ] lines); none if unreadable."""
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            lines = f.read().splitlines()
    except OSError:
        return []
    names = []
    for line in lines:
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            names.append(line[1:-1].strip())
    return names


# -- the arguments of one command, as the parser sees them -------------------------


def _hand_command(path: tuple[str, ...]):
    """The hand-written command at (group, word) or (command, word), or None."""
    from cli import commands as registry

    if len(path) != 2:
        return None
    if registry.is_group(path[0]):
        return registry.group_commands(path[0]).get(path[1])
    return registry.beside(*path)


def _unprovided(path: tuple[str, ...]) -> bool:
    from cli import commands as registry

    return registry.unprovided(path) is not None


def hand_arguments(hand) -> list:
    """The argument list of `cli.completion` for a hand-written command's table."""
    found = []
    for argument in hand.arguments:
        choices = list(argument.choices) or None
        if argument.completion in _HAND_COMPLETIONS:
            choices = _HAND_COMPLETIONS[argument.completion]
        if argument.positional:
            count = argument.nargs if isinstance(argument.nargs, int) else 1
            found += [(argument.name if i == 0 else f"{argument.name}#{i + 1}", "positional",
                       choices, None) for i in range(count)]
        elif argument.kind == "boolean":
            found.append((argument.name, "flag", None, None))
        else:
            kind = "many" if argument.nargs in ("+", "*") else "one"
            found.append((argument.name, kind, choices, None))
    return found


def build_arguments(catalog, path: tuple[str, ...]) -> list:
    """The argument list of `cli.completion` for an operation or a waiter."""
    from cli.arguments import command_parameters, operation_options

    extra: tuple = ()
    waiter = len(path) == 3 and path[1] == "wait"
    if waiter:
        from cli.options import WAITER_OPTIONS

        _, operation = catalog.waiter(path[0], path[2])
        extra = WAITER_OPTIONS
    else:
        operation = catalog.operation(path[0], path[1])
    options = operation_options(operation, batch=not waiter)
    found = []
    for param in command_parameters(operation, options):  # as parse_operation offers them
        names = (param.name, *param.aliases)
        if param.flag_structure:  # --opt, --opt Value=false, --no-opt
            found += [(name, "optional", None, _members(param.shape)) for name in names]
        elif param.is_flag:
            found += [(name, "flag", None, None) for name in names]
        else:
            kind = "many" if param.takes_many else "one"
            found += [(name, kind, _choices(param.shape), _members(param.shape))
                      for name in names]
        if param.has_negative:
            found.append((param.negative_name, "flag", None, None))
    # v2's order: scripted input, paging, then the skeleton last.
    options = sorted(options, key=lambda o: o.name == "generate-cli-skeleton")
    for option in (*options, *extra):
        kind = ("flag" if option.kind == "boolean"
                else "optional" if option.optional_value
                else "many" if option.nargs in ("+", "*") else "one")
        found.append((option.name, kind, list(option.choices) or None, None))
    if operation.streaming_output:
        found.append(("outfile", "outfile", None, None))
    return found


def _choices(shape) -> list[str] | None:
    """The fixed values of a scalar, or of a list's elements."""
    if shape.type_name == "list":
        shape = shape.member
    if shape.type_name == "string" and shape.enum:
        return list(shape.enum)
    if shape.type_name == "boolean":
        return ["true", "false"]
    return None


def _members(shape) -> dict[str, list[str]] | None:
    """{member: its fixed values} of a structure (or a list's structures), for shorthand keys."""
    if shape.type_name == "list":
        shape = shape.member
    if shape.type_name != "structure" or shape.is_document:
        return None
    return {name: _choices(member) or [] if member.type_name != "list" else []
            for name, member in shape.members.items()}
