"""What `aws codeartifact login` asks of each package tool, as pure functions (v2's facts).

    pip     pip config set global.index-url https://aws:TOKEN@HOST/PATH/simple/
    twine   ~/.pypirc: a [codeartifact] index server (others kept)
    npm     npm config set [@scope:]registry URL, //HOST/PATH:always-auth true,
            //HOST/PATH:_authToken TOKEN
    nuget   nuget sources add|update -name N -source URL/v3/index.json -username aws
            -password TOKEN (add when neither the URL nor the name is configured yet)
    dotnet  dotnet nuget add source URL --name N ... | dotnet nuget update source N
            --source URL ... (--store-password-in-clear-text off Windows)
    swift   swift package-registry set URL [--scope S]; swift package-registry login
            URLlogin; the token in ~/.netrc off macOS (on macOS: --token TOKEN)

Nothing here runs a tool or touches a file; cli.commands.codeartifact does.
"""

from __future__ import annotations

import re
import sys
from urllib.parse import urlsplit

# tool -> (the repository format it uses, whether it takes --namespace)
TOOLS = {
    "swift": ("swift", True),
    "nuget": ("nuget", False),
    "dotnet": ("nuget", False),
    "npm": ("npm", True),
    "pip": ("pypi", False),
    "twine": ("pypi", False),
}

IS_MACOS = sys.platform == "darwin"
IS_WINDOWS = sys.platform == "win32"
NPM = "npm.cmd" if IS_WINDOWS else "npm"

_NPM_SCOPE = re.compile(r"^(@[a-z0-9-~][a-z0-9-._~]*)")
_SWIFT_SCOPE = re.compile(r"\A[a-zA-Z0-9](?:[a-zA-Z0-9]|-(?=[a-zA-Z0-9])){0,38}\Z")


class ToolError(ValueError):
    """A value a tool cannot take (v2: a general error, exit 255)."""


def pip_commands(endpoint: str, token: str) -> list[list[str]]:
    url = urlsplit(endpoint)
    index = f"{url.scheme}://aws:{token}@{url.netloc}{url.path}simple/"
    return [["pip", "config", "set", "global.index-url", index]]


def npm_scope(namespace: str | None) -> str | None:
    """`@namespace` (the @ added when missing), checked as npm wants a scope."""
    if namespace is None:
        return None
    scope = namespace if namespace.startswith("@") else "@" + namespace
    if not _NPM_SCOPE.match(scope):
        raise ToolError("Invalid scope name, scope must contain URL-safe characters, "
                        "no leading dots or underscores")
    return scope


def npm_commands(endpoint: str, token: str, scope: str | None) -> list[list[str]]:
    url = urlsplit(endpoint)
    registry = f"{scope}:registry" if scope else "registry"
    where = f"//{url.netloc}{url.path}"
    return [[NPM, "config", "set", registry, endpoint],
            [NPM, "config", "set", f"{where}:always-auth", "true"],
            [NPM, "config", "set", f"{where}:_authToken", token]]


def swift_scope(namespace: str | None) -> str | None:
    if namespace is not None and not _SWIFT_SCOPE.match(namespace):
        raise ToolError("Invalid scope name, scope must contain URL-safe characters, "
                        "no leading dots or underscores and no more than 39 characters")
    return namespace


def swift_commands(endpoint: str, token: str, scope: str | None) -> list[list[str]]:
    set_registry = ["swift", "package-registry", "set", endpoint]
    if scope is not None:
        set_registry += ["--scope", scope]
    login = ["swift", "package-registry", "login", f"{endpoint}login"]
    if IS_MACOS:  # the keychain keeps it there; elsewhere ~/.netrc does
        login += ["--token", token]
    return [set_registry, login]


def netrc_entry(endpoint: str, token: str) -> str:
    return f"machine {urlsplit(endpoint).hostname} login token password {token}"


def netrc_updated(contents: str, endpoint: str, token: str) -> str:
    """~/.netrc with the host's password replaced, or the entry appended when it has none."""
    host = re.escape(urlsplit(endpoint).hostname or "")
    pattern = re.compile(rf"(\bmachine\s+{host}\s+login\s+\S+\s+password\s+)\S+", re.M)
    updated, replaced = pattern.subn(lambda m: m.group(1) + token, contents)
    if replaced:  # (v2 compares the text instead, so the same token again is appended twice)
        return updated
    entry = netrc_entry(endpoint, token)
    return contents + ("" if contents.endswith("\n") or not contents else "\n") + entry + "\n"


def pypirc(existing: str | None, endpoint: str, token: str, source: str = "<string>") -> str:
    """The .pypirc with a [codeartifact] index server: a new file, or `existing` amended.

    An existing file that configparser cannot read, or that lacks [distutils]
    index-servers, raises configparser.Error (v2 refuses it too).
    """
    from configparser import RawConfigParser
    from io import StringIO

    config = RawConfigParser()
    if existing is None:
        config.read_string("[distutils]\nindex-servers=\n    pypi\n    codeartifact\n\n"
                           f"[codeartifact]\nrepository: {endpoint}\nusername: aws\n"
                           f"password: {token}")
    else:
        config.read_string(existing, source=source)
        servers = [s.strip() for s in config.get("distutils", "index-servers").split("\n")
                   if s.strip()]
        if "codeartifact" not in servers:
            servers.append("codeartifact")
            config.set("distutils", "index-servers", "\n" + "\n".join(servers))
        if not config.has_section("codeartifact"):
            config.add_section("codeartifact")
        config.set("codeartifact", "repository", endpoint)
        config.set("codeartifact", "username", "aws")
        config.set("codeartifact", "password", token)
    text = StringIO()
    config.write(text)
    return text.getvalue()


_NUGET_SOURCE = re.compile(r"^\d+\.\s(?P<source_name>.+)\s\[.*\]")


def nuget_sources(listing: str) -> dict[str, str]:
    """{source name: URL} from `nuget sources list -format detailed` (or dotnet's) output."""
    lines = [line for line in listing.splitlines() if line.strip()]
    sources = {}
    for i, line in enumerate(lines):
        found = _NUGET_SOURCE.match(line.strip())
        if found and i + 1 < len(lines):
            sources[found["source_name"].strip()] = lines[i + 1].strip()
    return sources


def nuget_index_url(endpoint: str) -> str:
    return f"{endpoint}v3/index.json"


def nuget_source_name(sources: dict[str, str], index_url: str, default: str) -> tuple[str, bool]:
    """(name, already configured): the name the URL has, else `default` (existing or not)."""
    for name, url in sources.items():
        if url == index_url:
            return name, True
    return default, default in sources


def nuget_list_command(tool: str) -> list[str]:
    if tool == "nuget":
        return ["nuget", "sources", "list", "-format", "detailed"]
    return ["dotnet", "nuget", "list", "source", "--format", "detailed"]


def nuget_configure_command(tool: str, operation: str, index_url: str, name: str,
                            token: str) -> list[str]:
    if tool == "nuget":
        return ["nuget", "sources", operation, "-name", name, "-source", index_url,
                "-username", "aws", "-password", token]
    command = ["dotnet", "nuget", operation, "source"]
    command += [index_url, "--name", name] if operation == "add" else \
        [name, "--source", index_url]
    command += ["--username", "aws", "--password", token]
    if not IS_WINDOWS:  # dotnet cannot encrypt it elsewhere
        command.append("--store-password-in-clear-text")
    return command


def expires_in(expiration, now) -> str:
    """'12 hours', '1 hour and 2 minutes', '15 minutes': the two largest units of the time
    from `now` to `expiration` (v2 counts 30 seconds more: 11:59:31 reads as 12 hours)."""
    from dateutil.relativedelta import relativedelta

    left = relativedelta(expiration, now) + relativedelta(seconds=30)
    words: list[str] = []
    previous = False
    for unit in ("years", "months", "days", "hours", "minutes"):
        value = getattr(left, unit)
        if value > 0:
            if previous:
                words.append("and")
            words += [str(value), unit[:-1] if value == 1 else unit]
        if previous:
            break
        previous = value > 0
    return " ".join(words)
