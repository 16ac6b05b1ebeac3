"""Local jobs must not pay for botocore's client stack or for heavy libraries."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("urllib3", "botocore.client", "botocore.endpoint", "botocore.session", "rich",
         "yaml", "jmespath", "dataclasses", "typing")

PROBE = """
import io, json, sys
from cli.env import Env
from cli.main import main
out, err = io.StringIO(), io.StringIO()
code = main(json.loads(sys.argv[1]), Env(stdout=out, stderr=err, stdin=io.StringIO()))
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


def loaded_modules(argv: list[str], tmp_path) -> tuple[int, set[str]]:
    env = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
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
