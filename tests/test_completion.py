"""Completion: (COMP_LINE, COMP_POINT) -> candidates, over the real models and
over a small made-up index; the bash adapter; the aws_completer script."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cli.completion import PROFILES, REGIONS, complete, for_bash
from cli.completion_data import CacheIndex

COMPLETER = os.path.join(os.path.dirname(sys.executable), "aws_completer")

GLOBALS = ["--debug", "--endpoint-url", "--no-verify-ssl", "--no-paginate", "--output",
           "--query", "--profile", "--region", "--version", "--color", "--no-sign-request",
           "--ca-bundle", "--cli-read-timeout", "--cli-connect-timeout", "--cli-binary-format",
           "--no-cli-pager", "--cli-auto-prompt", "--no-cli-auto-prompt", "--cli-error-format"]
WAITER_OPTIONS = ["--waiter-delay", "--waiter-max-attempts", "--waiter-timeout"]
# Batch mode's options: an operation command's, never a wait command's.
BATCH = ["--cli-input-jsonl", "--cli-batch-concurrency", "--cli-batch-max-rate",
         "--cli-batch-accept-error", "--cli-batch-resume"]
DESCRIBE_INSTANCES = ["--instance-ids", "--include-managed-resources",
                      "--no-include-managed-resources", "--dry-run", "--no-dry-run", "--filters",
                      "--next-token", "--max-results", "--cli-input-json", "--cli-input-yaml",
                      *BATCH, "--starting-token", "--page-size", "--max-items",
                      "--generate-cli-skeleton"]
DYNAMODB_WAITERS = ["bulk-operation-completed", "contributor-insights-enabled",
                    "export-completed", "import-completed",
                    "kinesis-streaming-destination-active", "table-exists", "table-not-exists"]


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    """A working directory with files to complete, and config/credentials files."""
    root = tmp_path_factory.mktemp("complete")
    (root / "sub").mkdir()
    settings = tmp_path_factory.mktemp("settings")
    for name in ("a.json", "ab.txt", ".hidden", "sub/x.json"):
        (root / name).write_text("{}")
    (settings / "config").write_text(
        "[default]\nregion = us-west-2\n[profile dev]\n[profile prod]\n[sso-session corp]\n")
    (settings / "credentials").write_text("[default]\nkey = 1\n[ci]\nkey = 2\n")
    return root


@pytest.fixture(scope="module")
def index(files):
    settings = files.parent / files.name.replace("complete", "settings")
    return CacheIndex({**os.environ, "AWS_CONFIG_FILE": str(settings / "config"),
                       "AWS_SHARED_CREDENTIALS_FILE": str(settings / "credentials")})


# (COMP_LINE, COMP_POINT or None for the end of the line) -> candidates, in order.
CASES = [
    # commands, operations, wait, waiters, help
    ("aws dyn", None, ["dynamodb", "dynamodbstreams"]),
    ("aws dynamodb wa", None, ["wait"]),
    ("aws dynamodb wait", None, ["wait"]),
    ("aws dynamodb wait ", None, DYNAMODB_WAITERS),
    ("aws dynamodb wait table", None, ["table-exists", "table-not-exists"]),
    ("aws sts wa", None, []),  # sts has no waiters
    ("aws sts get-caller-id", None, ["get-caller-identity"]),
    ("aws s3api list-objects-v", None, ["list-objects-v2"]),
    ("aws he", None, ["health", "healthlake", "help"]),
    ("aws dynamodb describe-table h", None, ["help"]),
    ("aws dynamodb wait table-exists h", None, ["help"]),
    ("aws dyn wait", 7, ["dynamodb", "dynamodbstreams"]),  # the cursor inside the line
    # options: the operation's, then the global ones, minus those given
    ("aws dynamodb wait table-exists ", None,
     ["--table-name", "--cli-input-json", "--cli-input-yaml", "--generate-cli-skeleton",
      *WAITER_OPTIONS, *GLOBALS]),
    ("aws dynamodb wait table-exists --t", None, ["--table-name"]),
    ("aws dynamodb wait table-exists --waiter-", None, WAITER_OPTIONS),
    ("aws ec2 describe-instances --", None, DESCRIBE_INSTANCES + GLOBALS),
    ("aws ec2 describe-instances --instance-ids i-1 i-2 --", None,
     [o for o in DESCRIBE_INSTANCES + GLOBALS if o != "--instance-ids"]),
    ("aws ec2 describe-instances --dry-run --d", None, ["--debug"]),
    ("aws --debug ec2 describe-instances --no-dry-run --d", None, ["--dry-run"]),
    ("aws dynamodb describe-table --table-name t --output json --o", None, []),
    ("aws --", None, GLOBALS),
    ("aws ec2 --", None, GLOBALS),
    ("aws --out", None, ["--output"]),
    ("aws s3api get-object --bucket b --key k --sse-customer-k", None,
     ["--sse-customer-key", "--sse-customer-key-md5"]),
    ("aws s3api get-object --bucket b --key k --gen", None, []),  # streaming: no skeleton
    ("aws s3api get-object --bucket b --key k out.bin --if-m", None, ["--if-match",
                                                                       "--if-modified-since"]),
    ("aws dynamodb describe-table --table-name --", None,
     ["--cli-input-json", "--cli-input-yaml", *BATCH, "--generate-cli-skeleton", *GLOBALS]),
    ("aws dynamodb describe-table --cli-batch-", None, BATCH[1:]),
    # values: choices, enums, booleans in shorthand, profiles, regions, paths
    ("aws --output ", None, ["json", "text", "table", "yaml", "yaml-stream", "off"]),
    ("aws ec2 describe-instances --output t", None, ["text", "table"]),
    ("aws --color o", None, ["on", "off"]),
    ("aws dynamodb describe-table --output=y", None, ["--output=yaml", "--output=yaml-stream"]),
    ("aws dynamodb describe-table --generate-cli-skeleton ", None,
     ["input", "yaml-input", "output", "json-schema"]),
    ("aws cognito-idp admin-create-user --message-action ", None, ["RESEND", "SUPPRESS"]),
    ("aws dynamodb create-table --billing-mode P", None, ["PROVISIONED", "PAY_PER_REQUEST"]),
    ("aws dynamodb create-table --stream-specification ", None,
     ["StreamEnabled=", "StreamViewType="]),
    ("aws dynamodb create-table --stream-specification StreamEnabled=", None,
     ["StreamEnabled=true", "StreamEnabled=false"]),
    ("aws dynamodb create-table --stream-specification StreamEnabled=true,S", None,
     ["StreamEnabled=true,StreamViewType="]),
    ("aws dynamodb create-table --stream-specification StreamEnabled=true,StreamViewType=K",
     None, ["StreamEnabled=true,StreamViewType=KEYS_ONLY"]),
    ("aws dynamodb describe-table --table-name ", None, []),  # a free string
    ("aws --profile ", None, ["default", "dev", "prod", "ci"]),
    ("aws ec2 describe-instances --profile p", None, ["prod"]),
    ("aws --region us-", None, ["us-east-1", "us-east-2", "us-west-1", "us-west-2"]),
    ("aws dynamodb describe-table --region eu-west", None,
     ["eu-west-1", "eu-west-2", "eu-west-3"]),
    ("aws iam list-users --region ", None, []),  # a global service: no regional endpoints
    ("aws dynamodb create-table --cli-input-json file://", None,
     ["file://.hidden", "file://a.json", "file://ab.txt", "file://sub/"]),
    ("aws dynamodb create-table --cli-input-json file://a", None,
     ["file://a.json", "file://ab.txt"]),
    ("aws dynamodb create-table --cli-input-json fileb://sub/", None, ["fileb://sub/x.json"]),
    ("aws dynamodb create-table --cli-input-json file://~", None, ["file://~/"]),
    ("aws dynamodb create-table --cli-input-json file://missing/", None, []),
    # where completion stops
    ("aws", None, []),
    ("", None, []),
    ("aws nosuch ", None, []),
    ("aws ec2 nosuch --", None, []),
    ("aws ec2 describe-instances stray --", None, []),
    ("aws dynamodb help ", None, []),
]


@pytest.mark.parametrize("line,point,expected", CASES, ids=[c[0] for c in CASES])
def test_candidates(line, point, expected, index, files, monkeypatch):
    monkeypatch.chdir(files)
    assert complete(line, point, index) == expected


def test_absolute_paths(index, files):
    found = complete(f"aws dynamodb create-table --cli-input-json file://{files}/s", None, index)
    assert found == [f"file://{files}/sub/"]


# -- the walk, over a made-up index ------------------------------------------------


class TinyIndex:
    """Two commands, one with a waiter; every kind of argument."""

    ARGS = {
        ("svc", "put-thing"): [
            ("name", "one", None, None), ("tags", "many", None, {"Key": [], "On": ["true", "false"]}),
            ("mode", "one", ["FAST", "SLOW"], None), ("force", "flag", None, None),
            ("no-force", "flag", None, None), ("skeleton", "optional", ["input", "output"], None),
        ],
        ("svc", "get-blob"): [("id", "one", None, None), ("outfile", "outfile", None, None)],
        ("svc", "wait", "thing-ready"): [("name", "one", None, None)],
    }

    def commands(self):
        return ["other", "svc"]

    def command(self, command):
        if command == "svc":
            return {"operations": ["get-blob", "put-thing"], "aliases": ["put-old-thing"],
                    "waiters": ["thing-ready"]}
        return {"operations": ["run"], "aliases": [], "waiters": []} if command == "other" else None

    def arguments(self, path):
        path = ("svc", "put-thing") if path == ("svc", "put-old-thing") else tuple(path)
        return self.ARGS.get(path)

    def global_arguments(self):
        return [("debug", "flag", None, None), ("output", "one", ["json", "text"], None),
                ("profile", "one", PROFILES, None), ("region", "one", REGIONS, None)]

    def profiles(self):
        return ["default", "work"]

    def regions(self, command):
        return ["r-1", "r-2"] if command == "svc" else ["r-9"]

    def files(self, directory):
        return [("d", True), ("f.json", False)] if directory in ("", "x/") else []


TINY = [
    ("aws ", ["other", "svc"]),
    ("aws svc ", ["get-blob", "put-thing", "wait"]),
    ("aws other ", ["run"]),
    ("aws other wait ", []),
    ("aws svc put-thing ", ["--name", "--tags", "--mode", "--force", "--no-force", "--skeleton",
                            "--debug", "--output", "--profile", "--region"]),
    ("aws svc put-old-thing --n", ["--name", "--no-force"]),
    ("aws svc put-thing --force --", ["--name", "--tags", "--mode", "--no-force", "--skeleton",
                                      "--debug", "--output", "--profile", "--region"]),
    ("aws svc put-thing --tags a b c ", ["Key=", "On="]),  # still the list's values
    ("aws svc put-thing --tags a b --n", ["--name", "--no-force"]),
    ("aws svc put-thing --tags On=", ["On=true", "On=false"]),
    ("aws svc put-thing --tags Key=k,", ["Key=k,On="]),
    ("aws svc put-thing --tags {Key=", []),
    ("aws svc put-thing --mode ", ["FAST", "SLOW"]),
    ("aws svc put-thing --mode=S", ["--mode=SLOW"]),
    ("aws svc put-thing --force=x", []),
    ("aws svc put-thing --skeleton ", ["input", "output"]),
    ("aws svc put-thing --skeleton --m", ["--mode"]),
    ("aws svc put-thing --skeleton input --m", ["--mode"]),
    ("aws svc put-thing --name --m", ["--mode"]),  # the CLI reads --m as an option
    ("aws svc put-thing --name n --unknown --m", ["--mode"]),
    ("aws svc get-blob --id 1 ", ["--debug", "--output", "--profile", "--region"]),
    ("aws svc get-blob --id 1 out.bin --i", []),
    ("aws svc get-blob --id 1 out.bin extra ", []),
    ("aws svc wait ", ["thing-ready"]),
    ("aws svc wait thing-ready --", ["--name", "--debug", "--output", "--profile", "--region"]),
    ("aws svc wait nope --", []),
    ("aws --region ", ["r-9"]),
    ("aws svc put-thing --region r", ["r-1", "r-2"]),
    ("aws --profile w", ["work"]),
    ("aws --output json svc w", ["wait"]),
    ("aws svc put-thing --name file://", ["file://d/", "file://f.json"]),
    ("aws svc put-thing --name fileb://x/f", ["fileb://x/f.json"]),
]


@pytest.mark.parametrize("line,expected", TINY, ids=[c[0] for c in TINY])
def test_the_walk(line, expected):
    assert complete(line, None, TinyIndex()) == expected


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=" -=,{}:/~abcdefghijklmnopqrstuvwxyz", max_size=60),
       st.integers(min_value=0, max_value=70))
def test_any_line_gives_a_list_of_words(text, point):
    found = complete("aws " + text, point, TinyIndex())
    assert isinstance(found, list) and all(isinstance(c, str) and c for c in found)


# -- bash's side -------------------------------------------------------------------------

BASH = [
    ("aws dynamodb --cli-input-json file://s", ["file://sub/"], ["//sub/"]),
    ("aws x --output=j", ["--output=json"], ["json"]),
    ("aws x --tags Key=a,On=t", ["Key=a,On=true"], ["true"]),
    ("aws dynamodb desc", ["describe-table"], ["describe-table"]),
    ("aws dynamodb ", ["describe-table"], ["describe-table"]),
]


@pytest.mark.parametrize("text,candidates,expected", BASH, ids=[c[0] for c in BASH])
def test_bash_replaces_only_the_word_after_a_break(text, candidates, expected):
    assert for_bash(text, candidates, None) == expected


def test_wordbreaks_from_the_environment_are_honoured():
    assert for_bash("aws --cli-input-json file://s", ["file://sub/"], " =") == ["file://sub/"]


def test_the_console_script(files):
    def run(line, **extra):
        env = {**os.environ, "COMP_LINE": line, "COMP_POINT": str(len(line)), **extra}
        proc = subprocess.run([COMPLETER], env=env, capture_output=True, text=True,
                              cwd=files, timeout=60)
        assert proc.returncode == 0 and proc.stderr == ""
        return proc.stdout

    assert run("aws dynamodb wait table-e") == "table-exists\n"
    assert run("aws dynamodb create-table --cli-input-json file://s") == "file://sub/\n"
    assert run("aws dynamodb create-table --cli-input-json file://s", COMP_TYPE="9") == "//sub/\n"
    assert run("aws nosuch ") == ""
    assert run("aws dyn wait", COMP_POINT="7") == "dynamodb\ndynamodbstreams\n"
