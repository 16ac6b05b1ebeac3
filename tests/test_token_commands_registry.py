"""The registry lines of the login and token commands and of v2's commands shapecli does not
provide: help pages, service listings, completion and the prompt know them (all read from the
argument tables); every UNPROVIDED entry is one line and exit 252, and an alternative it
names is a real operation."""

from __future__ import annotations

import os
import re

import pytest

from cli import commands as registry
from cli.completion import complete
from cli.completion_data import CacheIndex
from cli.prompt.assist import Assistant
from tests.runner import run

MINE = [("ecr", "get-login-password"), ("ecr-public", "get-login-password"),
        ("rds", "generate-db-auth-token"), ("dsql", "generate-db-connect-auth-token"),
        ("dsql", "generate-db-connect-admin-auth-token"), ("eks", "get-token"),
        ("eks", "update-kubeconfig"), ("codeartifact", "login")]


@pytest.fixture
def environ(tmp_path):
    return {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path),
            "AWS_DEFAULT_REGION": "us-west-2"}


@pytest.mark.parametrize("words", MINE)
def test_each_command_has_a_page_and_a_line_in_its_service_s_listing(words, environ):
    hand = registry.beside(*words)
    page = run([*words, "help"], environ)
    assert page.exit_code == 0, page.stderr
    for heading in ("DESCRIPTION", "SYNOPSIS", "OPTIONS", "GLOBAL OPTIONS"):
        assert f"\n{heading}\n" in page.stdout
    for argument in hand.arguments:
        assert argument.cli_name in page.stdout
    assert f"o {words[1]}\n" in run([words[0], "help"], environ).stdout


@pytest.mark.parametrize("line, expected", [
    ("aws eks get-t", ["get-token"]),
    ("aws eks update-k", ["update-kubeconfig"]),
    ("aws eks update-kubeconfig --us", ["--user-alias"]),
    ("aws eks update-kubeconfig --ass", ["--assume-role-arn"]),
    ("aws codeartifact login --tool ", ["dotnet", "npm", "nuget", "pip", "swift", "twine"]),
    ("aws codeartifact log", ["login"]),
    ("aws dsql generate-db-connect-a", ["generate-db-connect-admin-auth-token",
                                        "generate-db-connect-auth-token"]),
    ("aws rds generate-db-auth-token --p", ["--port", "--profile"]),
])
def test_completion(line, expected, environ):
    assert sorted(complete(line, None, CacheIndex(environ))) == expected


def test_the_prompt_offers_the_options_with_their_documentation(environ):
    assistant = Assistant(environ)
    line = "codeartifact login "
    meta = {c.text: c.meta for c in assistant.candidates(line, len(line))}
    assert meta["--tool"] == "[string] The tool to configure."
    assert meta["--duration-seconds"].startswith("[integer] For how many seconds")
    assert meta["--dry-run"].startswith("[boolean] Print the commands")


# -- v2's commands shapecli does not provide -----------------------------------------------

UNPROVIDED = sorted(registry.UNPROVIDED)


@pytest.mark.parametrize("words", UNPROVIDED, ids=" ".join)
def test_each_unprovided_command_is_one_line_and_exit_252(words, environ):
    result = run([*words, "--some-option", "x"], environ)
    said = " ".join(words)
    assert (result.exit_code, result.stdout) == (252, "")
    assert result.stderr.startswith(
        f"\naws: [ERROR]: 'aws {said}' is a command of AWS CLI v2 that shapecli does not "
        "provide")
    assert result.stderr.count("\n") == 2  # one line, in v2's error layout
    assert run([*words, "help"], environ).exit_code == 252


def _named_operations(instead: str) -> list[tuple[str, str]]:
    """(service command, operation) pairs an UNPROVIDED line names: 'aws emr add-steps',
    'aws configservice put-x and put-y', 'aws emr a-b, c-d or e-f'. Operations are the
    hyphenated words (plain words such as `s3 cp` or `sso login` are no generated operation)."""
    words = instead.replace(",", " ,").split()
    found = []
    for i, word in enumerate(words):
        if word != "aws" or i + 1 >= len(words):
            continue
        service, j = words[i + 1], i + 2
        while j < len(words) and re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", words[j]):
            found.append((service, words[j]))
            while j + 1 < len(words) and words[j + 1] in (",", "or", "and"):
                j += 1
            j += 1
    return found


def test_the_alternatives_named_are_real_operations(environ):
    index = CacheIndex(environ)
    named = [pair for words in UNPROVIDED
             for pair in _named_operations(registry.UNPROVIDED[words])]
    assert ("gamelift", "get-game-session-log-url") in named and len(named) >= 15
    assert ("configservice", "put-delivery-channel") in named
    for service, operation in named:
        words = complete(f"aws {service} {operation}", None, index)
        assert operation in words, (service, operation)


def test_unprovided_words_are_completed_and_listed(environ):
    index = CacheIndex(environ)
    assert "create-cluster" in complete("aws emr create-c", None, index)
    assert "push" in complete("aws deploy pu", None, index)
    assert "o create-cluster" in run(["emr", "help"], environ).stdout


def test_no_unprovided_entry_hides_a_generated_operation_or_service(environ):
    from cli.errors import CliError

    catalog = CacheIndex(environ).catalog
    from cli import commands as registry

    for words in UNPROVIDED:
        if len(words) == 2 and registry.is_group(words[0]):  # configure agent-toolkit
            assert words[1] not in registry.group_commands(words[0]), words
        elif len(words) == 2:
            service = catalog.service_name(words[0])
            assert words[1] not in catalog.operation_names(service), words
        else:
            with pytest.raises(CliError):
                catalog.service_name(words[0])
