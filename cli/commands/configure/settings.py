"""`aws configure` (the wizard), `configure set`, `get`, `list` and `list-profiles`.

Reading goes through botocore's session (the files as botocore parses them,
AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE / AWS_PROFILE honoured);
writing through cli.commands.config_file. Messages, masks and exit codes are
AWS CLI v2's.
"""

from __future__ import annotations

import os
import re

from cli.commands import config_file
from cli.errors import CliError, ExitCode

CREDENTIAL_KEYS = ("aws_access_key_id", "aws_secret_access_key", "aws_session_token",
                   "aws_security_token")
# Sections of the config file that are no profile: `plugins.name` sets [plugins].
PLAIN_SECTIONS = ("plugins",)
# --sso-session / --services name [sso-session NAME] / [services NAME] sections,
# which botocore's full config keeps under these names.
SUBSECTIONS = {"sso-session": "sso_sessions", "services": "services"}
NOT_SET = "<not set>"

WIZARD_PROMPTS = (
    ("aws_access_key_id", "AWS Access Key ID"),
    ("aws_secret_access_key", "AWS Secret Access Key"),
    ("aws_session_token", "AWS Session Token"),
    ("region", "Default region name"),
    ("output", "Default output format"),
)
PERMISSIVE_WARNING = ("\naws: [WARNING]: The file '{path}' is accessible by other users. "
                      "Consider running 'chmod 600 {path}' to restrict access to only your "
                      "user.\n")


class ConfigureError(CliError):
    """A failure of a configure command: v2 exits 255 with one line."""


class BadSetting(CliError):
    """A varname or section v2 refuses before writing (exit 252)."""

    exit_code = ExitCode.USAGE


# -- shared with the other configure and sso modules ----------------------------------


def session(context):
    """The botocore session; an unknown --profile is not refused here (the wizard and
    `set` create profiles)."""
    return context.session(check_profile=False)


def scoped_config(botocore_session, *, missing_ok: bool = False) -> dict:
    """The profile's settings; an unknown profile is v2's one-line error (exit 255)."""
    from botocore.exceptions import ProfileNotFound

    try:
        return botocore_session.get_scoped_config()
    except ProfileNotFound as e:
        if missing_ok:
            return {}
        raise ConfigureError(str(e)) from None


def file_path(botocore_session, which: str) -> str:
    """The config ("config_file") or credentials ("credentials_file") file's path."""
    return os.path.expanduser(botocore_session.get_config_variable(which))


def write(path: str, section: str, values: dict) -> None:
    """config_file.write_values with v2's one-line errors (exit 255) for a bad value or a
    file that cannot be written, naming the file itself, never the temporary one."""
    try:
        config_file.write_values(path, section, values)
    except config_file.InvalidValue as e:
        raise ConfigureError(str(e)) from None
    except OSError as e:
        raise ConfigureError(f"[Errno {e.errno}] {e.strerror}: '{path}'") from None


def warn_if_permissive(path: str, stderr) -> None:
    """v2's warning when a file of secrets can be read by others."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return
    if os.path.isfile(path) and mode & 0o077:
        stderr.write(PERMISSIVE_WARNING.format(path=path))


def mask(value: str | None) -> str:
    """A secret as v2 shows it: 16 stars and its last four characters ('None' if unset)."""
    return "None" if value is None else "*" * 16 + value[-4:]


def read_answer(context, prompt: str) -> str | None:
    """One line from stdin after `prompt` on stdout (None for an empty answer)."""
    out = context.env.stdout
    out.write(prompt)
    out.flush()
    line = context.env.stdin.readline()
    if not line:
        raise ConfigureError("EOF when reading a line")
    answer = line[:-1] if line.endswith("\n") else line
    return answer or None


# -- aws configure --------------------------------------------------------------------


def run_wizard(values, context) -> int:
    botocore_session = session(context)
    config = scoped_config(botocore_session, missing_ok=True)
    answers: dict[str, str | None] = {}
    for name, text in WIZARD_PROMPTS:
        if name == "aws_session_token" and not _wants_session_token(answers, config):
            continue
        current = config.get(name)
        shown = mask(current) if name in CREDENTIAL_KEYS else current
        answer = read_answer(context, f"{text} [{shown}]: ")
        if answer and name in CREDENTIAL_KEYS[1:]:
            context.hide(answer, name)
        if answer is not None and answer != current:
            answers[name] = answer
    if ("aws_access_key_id" in answers and not _is_temporary(answers)
            and config.get("aws_session_token")):
        answers["aws_session_token"] = None  # a long-term key drops the old token
    if not answers:
        return 0
    profile = botocore_session.profile
    config_path = file_path(botocore_session, "config_file")
    if answers.keys() - set(CREDENTIAL_KEYS) and os.path.isdir(config_path):
        # refused before the credentials file is touched: both files or neither
        raise ConfigureError(f"[Errno 21] Is a directory: '{config_path}'")
    secrets = {k: answers.pop(k) for k in CREDENTIAL_KEYS if k in answers}
    if secrets:
        path = file_path(botocore_session, "credentials_file")
        write(path, profile or "default", secrets)
        warn_if_permissive(path, context.env.stderr)
    if answers:
        section = config_file.section_for_profile(profile) if profile else "default"
        write(config_path, section, answers)
    return 0


def _is_temporary(answers: dict) -> bool:
    return bool(answers.get("aws_access_key_id", "").startswith("ASIA"))


def _wants_session_token(answers: dict, config: dict) -> bool:
    if "aws_access_key_id" in answers and not _is_temporary(answers):
        return False
    return _is_temporary(answers) or bool(config.get("aws_session_token"))


# -- configure set --------------------------------------------------------------------


def run_set(values, context) -> int:
    botocore_session = session(context)
    varname, value = values["varname"], values["value"]
    kind, name = _subsection(values)
    if kind is not None:
        return _set_in_subsection(botocore_session, kind, name, varname, value)
    section, key, value = _where_to_set(botocore_session, varname, value)
    if key in CREDENTIAL_KEYS:
        if isinstance(value, str):
            context.hide(value, key)
        path = file_path(botocore_session, "credentials_file")
        write(path, section, {key: value})
        warn_if_permissive(path, context.env.stderr)
        return 0
    if section not in PLAIN_SECTIONS and section != "default":
        section = config_file.section_for_profile(section)
    write(file_path(botocore_session, "config_file"), section, {key: value})
    return 0


def _subsection(values) -> tuple[str | None, str | None]:
    given = [(kind, values.get(kind.replace("-", "_"))) for kind in SUBSECTIONS]
    given = [(kind, name) for kind, name in given if name is not None]
    if len(given) > 1:
        raise BadSetting("cannot specify both --sso-session and --services")
    if not given:
        return None, None
    kind, name = given[0]
    if not re.match(r"[\w/.%@:+-]+", name):
        raise BadSetting(f"Invalid value for --{kind}.")
    return kind, name


def _set_in_subsection(botocore_session, kind: str, name: str, varname: str, value) -> int:
    parts = varname.split(".")
    if len(parts) > 2:
        raise BadSetting("Found more than two parts in the property to set. "
                         "Deep nesting of properties is not supported.")
    if len(parts) == 2:
        varname, value = parts[0], {parts[1]: value}
    write(file_path(botocore_session, "config_file"), config_file.section_header(kind, name),
          {varname: value})
    return 0


def _where_to_set(botocore_session, varname: str, value) -> tuple[str, str, object]:
    """(profile or plain section, key, value or {sub-key: value}) as v2 reads a varname."""
    parts = varname.split(".")
    if len(parts) == 1:
        return botocore_session.profile or "default", varname, value
    if parts[0] in ("default", "profile"):
        profile, rest = (("default", parts[1:]) if parts[0] == "default"
                         else (parts[1], parts[2:]))
        if not rest:
            raise BadSetting(f"No setting named in '{varname}'")
        if len(rest) == 2:
            value = {rest[1]: value}
        return profile, rest[0], value
    if parts[0] not in PLAIN_SECTIONS:
        profile = botocore_session.profile or "default"
        return profile, parts[0], ({parts[1]: value} if len(parts) == 2 else value)
    if len(parts) == 2:
        return parts[0], parts[1], value
    return "default", varname, value


# -- configure get --------------------------------------------------------------------


def run_get(values, context) -> int:
    botocore_session = session(context)
    varname = values["varname"]
    kind, name = _subsection(values)
    if kind is not None:
        value = _subsection_value(botocore_session, SUBSECTIONS[kind], name, varname)
    elif "." not in varname:
        value = scoped_config(botocore_session).get(varname)
    else:
        value = _dotted_value(botocore_session, varname)
    if isinstance(value, str):
        context.env.stdout.write(value + "\n")
        return 0
    if isinstance(value, dict):
        context.env.stderr.write(f"varname ({varname}) must reference a value, not a "
                                 "section or sub-section.")
    return 1


def _full_config(botocore_session) -> dict:
    try:
        return botocore_session.full_config
    except Exception as e:  # a config file botocore cannot parse
        raise ConfigureError(str(e)) from None


def _subsection_value(botocore_session, kind: str, name: str, varname: str):
    sections = _full_config(botocore_session).get(kind)
    if not sections or sections.get(name) is None:
        raise ConfigureError(f"The config sub-section ({name}) could not be found")
    found = sections[name]
    if "." not in varname:
        return found.get(varname)
    parts = varname.split(".")
    if len(parts) == 2 and isinstance(found.get(parts[0]), dict):
        return found[parts[0]].get(parts[1])
    return None


def _dotted_value(botocore_session, varname: str):
    full = _full_config(botocore_session)
    parts = varname.split(".")
    if len(parts) == 2 and parts[0] in PLAIN_SECTIONS:
        value = full.get(parts[0], {}).get(parts[1])
        return value if value is not None else full["profiles"].get(parts[0], {}).get(parts[1])
    if parts[0] == "profile" and len(parts) >= 3:
        profile, key, rest = parts[1], parts[2], parts[3:]
    elif parts[0] == "default" or parts[0] in full["profiles"]:
        profile, key, rest = parts[0], parts[1], parts[2:]
    else:
        profile = botocore_session.get_config_variable("profile") or "default"
        key, rest = parts[0], parts[1:]
    value = full["profiles"].get(profile, {}).get(key)
    if len(rest) == 1:
        value = value.get(rest[0]) if isinstance(value, dict) else None
    return value


# -- configure list, list-profiles ----------------------------------------------------


def run_list(values, context) -> int:
    botocore_session = session(context)
    out = context.env.stdout
    _row(out, "NAME", "VALUE", "TYPE", "LOCATION")
    if context.args.profile is not None:
        _row(out, "profile", context.args.profile, "manual", "--profile")
    else:
        _row(out, "profile", *_env_or_config(botocore_session, "profile"))
    access, secret = _credential_rows(botocore_session)
    _row(out, "access_key", *access)
    _row(out, "secret_key", *secret)
    region = _env_or_config(botocore_session, "region")
    if region[0] == NOT_SET:
        found = botocore_session.get_config_variable("region")
        if found:
            region = (found, "imds", "")
    _row(out, "region", *region)
    return 0


def _row(out, name: str, value, kind, location) -> None:
    out.write(f"{name:<10} : {value:<24} : {str(kind):<16} : {location}\n")
    out.flush()


def _env_or_config(botocore_session, name: str) -> tuple:
    value = botocore_session.get_config_variable(name, methods=("env",))
    if value is not None:
        return value, "env", str(botocore_session.session_var_map[name][1])
    try:
        value = botocore_session.get_config_variable(name, methods=("config",))
    except Exception as e:  # botocore.exceptions.ProfileNotFound and its kind
        raise ConfigureError(str(e)) from None
    if value is not None:
        return value, "config-file", botocore_session.get_config_variable("config_file")
    return NOT_SET, None, None


def _credential_rows(botocore_session) -> tuple[tuple, tuple]:
    from botocore.exceptions import ProfileNotFound

    try:
        credentials = botocore_session.get_credentials()
    except ProfileNotFound as e:
        raise ConfigureError(str(e)) from None
    if credentials is None:
        return (NOT_SET, None, None), (NOT_SET, None, None)
    return ((mask(credentials.access_key), credentials.method, ""),
            (mask(credentials.secret_key), credentials.method, ""))


def run_list_profiles(values, context) -> int:
    for name in session(context).available_profiles:
        context.env.stdout.write(name + "\n")
    return 0
