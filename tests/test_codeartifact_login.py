"""`aws codeartifact login` (cli/commands/codeartifact.py) against a loopback CodeArtifact
(tests/codeartifact_stub.py; moto's server has no GetAuthorizationToken), with fake pip,
npm, dotnet, nuget and swift on PATH that record the argv they are run with."""

from __future__ import annotations

import json
import os
import re
import stat

import pytest

from tests.codeartifact_stub import TOKEN, CodeArtifactStub
from tests.runner import run

FAKE_TOOL = """#!{python}
import json, os, sys
with open(os.environ["TOOL_LOG"], "a") as log:
    log.write(json.dumps([os.path.basename(sys.argv[0]), *sys.argv[1:]]) + "\\n")
if os.environ.get("TOOL_FAILS") and os.environ["TOOL_FAILS"] in " ".join(sys.argv):
    sys.stderr.write("refused " + sys.argv[-1] + "\\n")
    sys.exit(3)
if "list" in sys.argv[1:3]:
    sys.stdout.write(os.environ.get("NUGET_SOURCES", ""))
"""

EXPIRY = re.compile(r"Login expires in (?:12 hours|11 hours and 59 minutes) at "
                    r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?[+-]\d\d:\d\d\n$")


@pytest.fixture(scope="module")
def stub():
    with CodeArtifactStub({"dom": ["repo"]}) as server:
        yield server


@pytest.fixture
def environ(stub, tmp_path):
    import sys

    tools = tmp_path / "bin"
    tools.mkdir()
    for name in ("pip", "npm", "dotnet", "nuget", "swift"):
        script = tools / name
        script.write_text(FAKE_TOOL.format(python=sys.executable))
        script.chmod(0o755)
    home = tmp_path / "home"
    home.mkdir()
    return {"PATH": f"{tools}{os.pathsep}/usr/bin{os.pathsep}/bin", "HOME": str(home),
            "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
            "AWS_DEFAULT_REGION": "us-west-2", "AWS_ENDPOINT_URL_CODEARTIFACT": stub.endpoint,
            "TOOL_LOG": str(tmp_path / "calls.jsonl")}


def _calls(environ) -> list[list[str]]:
    try:
        with open(environ["TOOL_LOG"]) as f:
            return [json.loads(line) for line in f]
    except FileNotFoundError:
        return []


def _login(environ, tool, *more):
    return run(["codeartifact", "login", "--tool", tool, "--domain", "dom", "--repository",
                "repo", *more], environ)


def _success(result, tool, endpoint):
    assert result.exit_code == 0, result.stderr
    first = (f"Successfully configured {tool} to use AWS CodeArtifact repository {endpoint} \n")
    assert result.stdout.endswith(first + result.stdout.rsplit(first, 1)[1])
    assert EXPIRY.search(result.stdout), result.stdout


def test_pip_gets_its_index_url_with_the_token(environ, stub):
    result = _login(environ, "pip")
    endpoint = f"{stub.endpoint}/pypi/dom-123456789012/repo/"
    _success(result, "pip", endpoint)
    host = stub.endpoint.removeprefix("http://")
    assert _calls(environ) == [["pip", "config", "set", "global.index-url",
                                f"http://aws:{TOKEN}@{host}/pypi/dom-123456789012/repo/simple/"]]


def test_npm_scoped_and_a_refused_always_auth_is_let_pass(environ, stub):
    result = _login({**environ, "TOOL_FAILS": "always-auth"}, "npm", "--namespace", "team")
    endpoint = f"{stub.endpoint}/npm/dom-123456789012/repo/"
    _success(result, "npm", endpoint)
    where = endpoint.removeprefix("http:")
    assert _calls(environ) == [["npm", "config", "set", "@team:registry", endpoint],
                               ["npm", "config", "set", f"{where}:always-auth", "true"],
                               ["npm", "config", "set", f"{where}:_authToken", TOKEN]]


@pytest.mark.parametrize("tool, listing, said, expected", [
    ("dotnet", "", "Added source dom/repo to the user level NuGet.Config\n",
     ["dotnet", "nuget", "add", "source", "{index}", "--name", "dom/repo", "--username", "aws",
      "--password", TOKEN, "--store-password-in-clear-text"]),
    ("dotnet", "Registered Sources:\n\n  1.  mine [Enabled]\n      {index}\n",
     "Updated source mine in the NuGet.Config\n",
     ["dotnet", "nuget", "update", "source", "mine", "--source", "{index}", "--username",
      "aws", "--password", TOKEN, "--store-password-in-clear-text"]),
    ("nuget", "  1.  dom/repo [Disabled]\n      https://elsewhere/index.json\n",
     "Updated source dom/repo in the NuGet.Config\n",
     ["nuget", "sources", "update", "-name", "dom/repo", "-source", "{index}", "-username",
      "aws", "-password", TOKEN]),
])
def test_nuget_sources_added_or_updated(environ, stub, tool, listing, said, expected):
    index = f"{stub.endpoint}/nuget/dom-123456789012/repo/v3/index.json"
    result = _login({**environ, "NUGET_SOURCES": listing.replace("{index}", index)}, tool)
    _success(result, "nuget", f"{stub.endpoint}/nuget/dom-123456789012/repo/")
    assert result.stdout.startswith(said)
    calls = _calls(environ)
    assert calls[0] == ([tool, "sources", "list", "-format", "detailed"] if tool == "nuget" else
                        [tool, "nuget", "list", "source", "--format", "detailed"])
    assert calls[1] == [word.replace("{index}", index) for word in expected]


def test_swift_writes_the_token_into_netrc(environ, stub, tmp_path):
    netrc = tmp_path / "home" / ".netrc"
    netrc.write_text("machine other login x password y")
    endpoint = f"{stub.endpoint}/swift/dom-123456789012/repo/"
    _success(_login(environ, "swift", "--namespace", "Team-1"), "swift", endpoint)
    assert netrc.read_text() == ("machine other login x password y\n"
                                 f"machine 127.0.0.1 login token password {TOKEN}\n")
    assert stat.S_IMODE(os.stat(netrc).st_mode) == 0o600
    _login(environ, "swift")  # again: the host's password replaced, not appended
    assert netrc.read_text().count("machine 127.0.0.1") == 1
    assert _calls(environ)[:2] == [
        ["swift", "package-registry", "set", endpoint, "--scope", "Team-1"],
        ["swift", "package-registry", "login", endpoint + "login"]]


def test_twine_amends_pypirc(environ, stub, tmp_path):
    pypirc = tmp_path / "home" / ".pypirc"
    pypirc.write_text("[distutils]\nindex-servers =\n  pypi\n  mine\n\n[mine]\nrepository: x\n")
    endpoint = f"{stub.endpoint}/pypi/dom-123456789012/repo/"
    _success(_login(environ, "twine"), "twine", endpoint)
    assert pypirc.read_text() == (
        "[distutils]\nindex-servers = \n\tpypi\n\tmine\n\tcodeartifact\n\n"
        "[mine]\nrepository = x\n\n"
        f"[codeartifact]\nrepository = {endpoint}\nusername = aws\npassword = {TOKEN}\n\n")
    assert stat.S_IMODE(os.stat(pypirc).st_mode) == 0o600
    assert _calls(environ) == []


def test_twine_refuses_a_pypirc_it_cannot_read(environ, tmp_path):
    pypirc = tmp_path / "home" / ".pypirc"
    pypirc.write_text("[other]\nrepository: x\n")
    result = _login(environ, "twine")
    assert result.exit_code == 255
    assert result.stdout == f"{pypirc} is in an invalid state.\n"
    assert "No section: 'distutils'" in result.stderr
    assert pypirc.read_text() == "[other]\nrepository: x\n"


@pytest.mark.parametrize("tool, starts", [
    ("pip", "pip config set global.index-url http://aws:"),
    ("npm", "npm config set registry http://"),
    ("swift", "Dryrun mode is enabled, not writing to netrc.\n"),
    ("twine", "Dryrun mode is enabled, not writing to pypirc.\n"),
])
def test_dry_run_shows_and_changes_nothing(environ, tool, starts):
    result = _login(environ, tool, "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(starts)
    assert TOKEN in result.stdout  # as v2: the dry run shows the token
    assert "Successfully" not in result.stdout
    assert _calls(environ) == []
    assert not {".netrc", ".pypirc"} & set(os.listdir(environ["HOME"]))


def test_a_dry_run_of_npm_is_each_command_and_a_blank_line(environ):
    result = _login(environ, "npm", "--dry-run")
    lines = result.stdout.split("\n")
    assert lines[1] == lines[3] == lines[5] == "" and len(lines) == 7


@pytest.mark.parametrize("more, env, message", [
    (["--namespace", "x"], {}, "Argument --namespace is not supported for pip"),
    ([], {"TOOL_FAILS": "global.index-url"},
     "returned non-zero exit status 3. Stderr from command:\nrefused http://aws:******@"),
    ([], {"PATH": "<an empty folder>"}, "pip was not found. Please verify installation."),
])
def test_failures_are_v2s_and_never_show_the_token(environ, more, env, message, tmp_path):
    if env.get("PATH"):
        env = {"PATH": str(tmp_path)}
    result = _login({**environ, **env}, "pip", *more)
    assert result.exit_code == 255
    assert message in result.stderr
    assert TOKEN not in result.stderr


def test_npm_scope_checked(environ):
    result = _login(environ, "npm", "--namespace", "@Upper")
    assert result.exit_code == 255
    assert "Invalid scope name, scope must contain URL-safe characters" in result.stderr


def test_domain_owner_duration_and_endpoint_type_reach_the_service(environ, stub):
    stub.requests.clear()
    result = _login(environ, "pip", "--domain-owner", "111122223333", "--duration-seconds",
                    "900", "--endpoint-type", "dualstack")
    assert result.exit_code == 0, result.stderr
    assert "Login expires in 15 minutes at" in result.stdout
    token, endpoint = stub.requests
    assert token[:2] == ("POST", "/v1/authorization-token")
    assert token[2] == {"domain": "dom", "domain-owner": "111122223333", "duration": "900"}
    assert endpoint[2] == {"domain": "dom", "domain-owner": "111122223333", "repository": "repo",
                           "format": "pypi", "endpointType": "dualstack"}


def test_an_unknown_repository_is_the_service_s_error(environ):
    result = run(["codeartifact", "login", "--tool", "npm", "--domain", "dom", "--repository",
                  "nope"], environ)
    assert result.exit_code == 254
    assert "(ResourceNotFoundException) when calling the GetRepositoryEndpoint operation: " \
           "Repository nope not found" in result.stderr


def test_the_token_stays_out_of_the_debug_log(environ):
    result = _login(environ, "pip", "--debug")
    assert result.exit_code == 0
    assert "authorization-token" in result.stderr
    assert TOKEN not in result.stderr


@pytest.mark.parametrize("argv, message", [
    (["--tool", "maven", "--domain", "d", "--repository", "r"],
     "argument --tool: Found invalid choice 'maven'"),
    (["--tool", "pip", "--domain", "d"], "the following arguments are required: --repository"),
])
def test_argument_errors(environ, argv, message):
    result = run(["codeartifact", "login", *argv], environ)
    assert result.exit_code == 252 and message in result.stderr
