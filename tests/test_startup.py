"""Local jobs must not pay for botocore's client stack or for heavy libraries."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("urllib3", "botocore.client", "botocore.endpoint", "botocore.session", "rich",
         "yaml", "jmespath", "dataclasses", "typing", "prompt_toolkit")

PROBE = """
import io, json, os, sys
from cli.env import Env
from cli.main import main
class Terminal(io.StringIO):  # what a terminal answers to isatty, for the prompt's setting
    def isatty(self):
        return True
terminal = bool(os.environ.get("PROBE_TERMINAL"))
out, err = io.StringIO(), io.StringIO()
stdin = Terminal() if terminal else io.StringIO()
code = main(json.loads(sys.argv[1]), Env(stdout=out, stderr=err, stdin=stdin,
                                         stdout_isatty=terminal, stderr_isatty=terminal))
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""

LOCAL_JOBS = [
    (["--version"], 0),
    (["cognito-idp", "admin-confirm-sign-up"], 252),
    (["cognito-idp", "admin-confirm-sign-up", "--user-pool-id", "p", "--bogus", "x"], 252),
    (["cognito-ipd", "list-users"], 252),
    (["cognito-idp", "no-such-operation"], 252),
    (["dynamodb", "wait", "table-exists"], 252),
    (["dynamodb", "wait", "tabel-exists"], 252),
    (["dynamodb", "wait", "table-exists", "--generate-cli-skeleton"], 0),
    (["dynamodb", "wait", "table-exists", "--table-name", "t", "--waiter-delay", "x"], 252),
    (["dynamodb", "wait", "help"], 0),
    (["dynamodb", "wait", "table-exists", "help"], 0),
]


def loaded_modules(argv: list[str], tmp_path, extra: dict | None = None) -> tuple[int, set[str]]:
    env = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", **(extra or {})}
    # Twice: the first run may build the model cache, the second is the one users feel.
    for _ in range(2):
        proc = subprocess.run([sys.executable, "-c", PROBE, json.dumps(argv)],
                              capture_output=True, text=True, env=env, check=True)
    result = json.loads(proc.stdout)
    return result["code"], set(result["modules"])


@pytest.mark.parametrize("argv,code", LOCAL_JOBS, ids=[" ".join(a) for a, _ in LOCAL_JOBS])
def test_local_jobs_load_no_heavy_modules(argv, code, tmp_path):
    exit_code, modules = loaded_modules(argv, tmp_path)
    assert exit_code == code
    assert sorted(m for m in modules if m.split(".")[0] in HEAVY or m in HEAVY) == []


# The prompt's setting on a local job: (environment, config file line, a terminal?). None of
# them starts a prompt here, and none may cost an import: without a terminal the setting is
# not read at all; on one, a config file that does not name it is not handed to botocore.
PROMPT_SETTINGS = [
    ({"AWS_CLI_AUTO_PROMPT": "on"}, None, False),
    ({"AWS_CLI_AUTO_PROMPT": "on-partial"}, None, False),
    ({}, "cli_auto_prompt = on", False),
    ({}, "region = us-west-2", True),
    ({}, None, True),
    ({"AWS_CLI_AUTO_PROMPT": "off"}, "cli_auto_prompt = on", True),
    ({}, "cli_auto_prompt = off", True),
]


@pytest.fixture(scope="module")
def shared_home(tmp_path_factory):
    """One home (and model cache) for the tests below; each brings its own config file."""
    return tmp_path_factory.mktemp("home")


@pytest.mark.parametrize("environ,config,terminal", PROMPT_SETTINGS)
def test_the_prompt_setting_costs_no_import(environ, config, terminal, shared_home, tmp_path):
    config_file = tmp_path / "config"
    if config is not None:
        config_file.write_text(f"[default]\n{config}\n")
    extra = {**environ, "AWS_CONFIG_FILE": str(config_file),
             **({"PROBE_TERMINAL": "1"} if terminal else {})}
    argv, code = LOCAL_JOBS[1]  # an argument error: what on-partial would prompt for
    exit_code, modules = loaded_modules(argv, shared_home, extra)
    assert exit_code == code
    assert sorted(m for m in modules if m.split(".")[0] in HEAVY or m in HEAVY) == []


def test_a_config_files_on_partial_costs_nothing_until_a_command_fails(shared_home, tmp_path):
    """Which profile it is for is asked of botocore only when the prompt may open."""
    config_file = tmp_path / "config"
    config_file.write_text("[default]\ncli_auto_prompt = on-partial\n")
    extra = {"AWS_CONFIG_FILE": str(config_file), "PROBE_TERMINAL": "1", "AWS_PAGER": ""}
    argv = ["dynamodb", "wait", "table-exists", "--generate-cli-skeleton"]
    exit_code, modules = loaded_modules(argv, shared_home, extra)
    assert exit_code == 0
    assert sorted(m for m in modules if m.split(".")[0] in HEAVY or m in HEAVY) == []


def test_version_loads_no_argparse(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-c",
         "import os, sys; sys.argv=['aws','--version']\n"
         "def leave(code): raise SystemExit(code)\n"
         "os._exit = leave  # run() ends the process without teardown; keep it alive here\n"
         "from cli import __main__\n"
         "try:\n  __main__.run()\nexcept SystemExit: pass\n"
         "print(int('argparse' in sys.modules), int('botocore' in sys.modules))"],
        capture_output=True, text=True, env={"HOME": str(tmp_path)}, check=True)
    assert proc.stdout.splitlines()[-1] == "0 0"
    assert proc.stdout.startswith("shapecli/")


COMPLETION_PROBE = """
import json, os, sys
from cli.completion import complete
from cli.completion_data import CacheIndex
found = complete(sys.argv[1], None, CacheIndex(os.environ))
print(json.dumps({"found": found, "modules": sorted(sys.modules)}))
"""

COMPLETIONS = [
    "aws dyn",
    "aws dynamodb wait table-exists --",
    "aws ec2 describe-instances --filters Name=x --output ",
    "aws --region us-",
    "aws --profile ",
]


@pytest.mark.parametrize("line", COMPLETIONS)
def test_a_completion_loads_neither_botocore_nor_argparse(line, tmp_path):
    env = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    # Twice: the first run builds the cache and the index, the second is a keystroke.
    for _ in range(2):
        proc = subprocess.run([sys.executable, "-c", COMPLETION_PROBE, line],
                              capture_output=True, text=True, env=env, check=True)
    result = json.loads(proc.stdout)
    assert result["found"] or line.startswith("aws --profile")
    heavy = [m for m in result["modules"] if m in ("argparse", "cli.arguments", "cli.main")
             or m.split(".")[0] in HEAVY + ("botocore",)]
    assert heavy == []
