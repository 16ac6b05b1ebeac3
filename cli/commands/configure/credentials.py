"""`configure export-credentials`, `configure import` and `configure add-model`, as v2's."""

from __future__ import annotations

import json
import os

from cli.commands.configure.settings import ConfigureError, file_path, session, write
from cli.errors import CliError, ExitCode

# _AWS_CLI_PROFILE_CHAIN: the profiles being exported by the CLIs that called this one
# (credential_process = aws configure export-credentials ...), so a loop ends.
PROFILE_CHAIN = "_AWS_CLI_PROFILE_CHAIN"
MAX_CHAIN = 4

LINE_FORMATS = {
    "env": "export {name}={value}",
    "env-no-export": "{name}={value}",
    "powershell": '$Env:{name}="{value}"',
    "windows-cmd": "set {name}={value}",
    "fish": 'set -gx {name} "{value}"',
}


class CredentialsUnavailable(CliError):
    """No credentials to export (v2: a configuration error, exit 253)."""

    exit_code = ExitCode.CONFIG
    code = "Configuration"


class ProviderFailed(CredentialsUnavailable):
    """A credential provider failed (v2 shows this one without the error code)."""

    code = None


# -- export-credentials ---------------------------------------------------------------


def run_export(values, context) -> int:
    botocore_session = session(context)
    environ = context.env.environ
    profile = botocore_session.get_config_variable("profile") or "default"
    seen = _chain(environ.get(PROFILE_CHAIN, ""))
    if len(seen) >= MAX_CHAIN:
        raise CredentialsUnavailable(
            f"Maximum recursive credential process resolution reached ({MAX_CHAIN}).\n"
            f"Profiles seen: {' -> '.join(seen)}")
    if profile in seen:
        raise CredentialsUnavailable("Credential process resolution detected an infinite "
                                     f"loop, profile cycle: {' -> '.join(seen + [profile])}")
    # A credential_process run from here inherits the chain through os.environ.
    os.environ[PROFILE_CHAIN] = _chain_text(seen + [profile])
    try:
        try:
            credentials = botocore_session.get_credentials()
        except Exception as e:  # whatever a provider raises: v2 reports it in one line
            raise ProviderFailed(f"Unable to retrieve credentials: {str(e).strip()}") from None
        # Deferred providers (IAM Identity Center, assumed roles) fetch only here; v2
        # reports their failure as it is, exit 255.
        frozen = _frozen(credentials)
    finally:
        if PROFILE_CHAIN in environ:
            os.environ[PROFILE_CHAIN] = environ[PROFILE_CHAIN]
        else:
            os.environ.pop(PROFILE_CHAIN, None)
    if frozen is None:
        raise CredentialsUnavailable("Unable to retrieve credentials: no credentials found")
    context.hide(frozen.secret_key, "SecretAccessKey")
    if frozen.token:
        context.hide(frozen.token, "SessionToken")
    expiry = getattr(credentials, "_expiry_time", None)  # botocore keeps it private
    expires = expiry.isoformat() if hasattr(expiry, "isoformat") else None
    context.env.stdout.write(format_credentials(values["format"], frozen.access_key,
                                                frozen.secret_key, frozen.token, expires))
    return 0


def _frozen(credentials):
    from botocore.exceptions import BotoCoreError

    if credentials is None:
        return None
    try:
        return credentials.get_frozen_credentials()
    except BotoCoreError as e:
        raise CliError(str(e)) from None


def format_credentials(kind: str, access_key: str, secret_key: str, token: str | None,
                       expires: str | None) -> str:
    """The credentials as v2 prints them in format `kind`."""
    if kind == "process":
        document = {"Version": 1, "AccessKeyId": access_key, "SecretAccessKey": secret_key}
        if token is not None:
            document["SessionToken"] = token
        if expires is not None:
            document["Expiration"] = expires
        return json.dumps(document, indent=2, separators=(",", ": ")) + "\n"
    pairs = [("AWS_ACCESS_KEY_ID", access_key), ("AWS_SECRET_ACCESS_KEY", secret_key)]
    if token is not None:
        pairs.append(("AWS_SESSION_TOKEN", token))
    if expires is not None:
        pairs.append(("AWS_CREDENTIAL_EXPIRATION", expires))
    return "".join(LINE_FORMATS[kind].format(name=n, value=v) + "\n" for n, v in pairs)


def _chain(text: str) -> list[str]:
    import csv

    return [name for name in next(csv.reader([text]), []) if name] if text else []


def _chain_text(profiles: list[str]) -> str:
    import csv
    import io

    out = io.StringIO()
    csv.writer(out).writerow(profiles)
    return out.getvalue().strip()


# -- import --csv ---------------------------------------------------------------------

CSV_COLUMNS = ("User Name", "Access Key ID", "Secret Access key")


class CsvError(CliError):
    """The CSV text lacks what v2 requires (v2: exit 255, its message)."""


def parse_credentials_csv(text: str, *, strict: bool = True) -> list[tuple[str, str, str]]:
    """(user name, access key ID, secret key) of each row of the IAM console's CSV file.

    The header names the columns in any order and case (a UTF-8 BOM ignored);
    a row lacking one of the three fails when `strict`, else it is skipped.
    """
    if not text.strip():
        raise CsvError("Provided CSV contains no contents")
    lines = text.splitlines()
    headers = [_header(h) for h in lines[0].split(",")]
    where = {}
    for column in CSV_COLUMNS:
        if _header(column) not in headers:
            raise CsvError(f'Expected header "{column}" not found')
        where[column] = headers.index(_header(column))
    rows = []
    for number, line in enumerate(lines[1:], 1):
        cells = line.split(",")
        row = []
        for column in CSV_COLUMNS:
            index = where[column]
            cell = cells[index].strip() if index < len(cells) else ""
            if not cell:
                if strict:
                    raise CsvError(f"Failed to parse entry #{number}: Row missing value "
                                   f'for header "{column}"')
                break
            row.append(cell)
        else:
            rows.append(tuple(row))
    return rows


def _header(text: str) -> str:
    return text.lstrip("\ufeff").lower().strip()


def run_import(values, context) -> int:
    raw = values["csv"]
    text = _file_or_text(raw, "--csv")
    if "\n" not in text and not raw.startswith("file://") and os.path.exists(text):
        raise CsvError("You may be passing a file to import without the 'file://' prefix. "
                       "To import a CSV file, use --csv file://path/to/file.csv")
    botocore_session = session(context)
    path = file_path(botocore_session, "credentials_file")
    from cli.commands.configure.settings import warn_if_permissive

    warn_if_permissive(path, context.env.stderr)
    rows = parse_credentials_csv(text, strict=not values["skip_invalid"])
    prefix = values["profile_prefix"] or ""
    for user, access_key, secret_key in rows:
        context.hide(secret_key, "SecretAccessKey")
        write(path, prefix + user, {"aws_access_key_id": access_key,
                                    "aws_secret_access_key": secret_key})
    context.env.stdout.write(f"Successfully imported {len(rows)} profile(s)\n")
    return 0


def _file_or_text(value: str, cli_name: str) -> str:
    if value.startswith(("file://", "fileb://")):
        from cli.values import load_file

        loaded = load_file(value, cli_name)
        return loaded.decode("utf-8") if isinstance(loaded, bytes) else loaded
    return value


# -- add-model ------------------------------------------------------------------------


def run_add_model(values, context) -> int:
    text = _file_or_text(values["service_model"], "--service-model")
    try:
        definition = json.loads(text)
    except ValueError as e:
        raise ConfigureError(str(e)) from None
    from botocore.model import ServiceModel

    botocore_session = session(context)
    model = ServiceModel(definition)
    name = values["service_name"] or _service_name(botocore_session, model.endpoint_prefix)
    # botocore's ~/.aws/models (its CUSTOMER_DATA_PATH), for this command's HOME
    home = context.env.environ.get("HOME") or os.path.expanduser("~")
    version = int(float(definition.get("version", "2.0")))
    path = os.path.join(home, ".aws", "models", name, model.api_version,
                        f"service-{version}.json")
    from cli.files import write_atomically

    try:
        write_atomically(path, text.encode("utf-8"))
    except OSError as e:
        raise ConfigureError(f"[Errno {e.errno}] {e.strerror}: '{path}'") from None
    return 0


def _service_name(botocore_session, endpoint_prefix: str) -> str:
    """The service a model's endpoint prefix belongs to (itself when it is a service name
    or no known service has it)."""
    services = botocore_session.get_available_services()
    if endpoint_prefix in services:
        return endpoint_prefix
    for service in services:
        if botocore_session.get_service_model(service).endpoint_prefix == endpoint_prefix:
            return service
    return endpoint_prefix
