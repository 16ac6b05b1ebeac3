"""Values nested too deep, through every input path: one line, exit 252, the parameter and the limit."""

from __future__ import annotations

import json
import os

import pytest

from cli.limits import MAX_DEPTH, depth
from shorthand import ShorthandTooDeep, parse
from tests.fault_server import FaultServer
from tests.runner import run, run_process

ATTRIBUTES = ["cognito-idp", "admin-update-user-attributes", "--user-pool-id", "p",
              "--username", "u"]
DEEP = 10_000


def json_list(levels: int) -> str:
    return "[" * levels + "]" * levels


def json_doc(levels: int) -> str:
    return '{"a":' * levels + "1" + "}" * levels


def nested_lists(levels: int) -> list:
    value: list = []
    for _ in range(levels - 1):
        value = [value]
    return value


@pytest.fixture
def environ(tmp_path):
    return {"HOME": str(tmp_path), "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
            "AWS_DEFAULT_REGION": "us-west-2", "AWS_PAGER": ""}


def paths(tmp_path, levels: int):
    """(id, argv after the operation, stdin, the option the error names) for each input path."""
    deep_json = json_list(levels)
    deep_shorthand = "Name=" + json_list(levels)
    deep_yaml = "UserAttributes: " + deep_json + "\n"
    files = {"deep.json": deep_json, "deep.txt": deep_shorthand,
             "in.json": '{"UserAttributes": ' + deep_json + "}", "in.yaml": deep_yaml}
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    return [
        ("json-argv", ["--user-attributes", deep_json], "", "--user-attributes"),
        ("shorthand-argv", ["--user-attributes", deep_shorthand], "", "--user-attributes"),
        ("json-file", ["--user-attributes", f"file://{tmp_path}/deep.json"], "",
         "--user-attributes"),
        ("shorthand-file", ["--user-attributes", f"file://{tmp_path}/deep.txt"], "",
         "--user-attributes"),
        ("cli-input-json", ["--cli-input-json", files["in.json"]], "", "cli-input-json"),
        ("cli-input-json-file", ["--cli-input-json", f"file://{tmp_path}/in.json"], "",
         "cli-input-json"),
        ("cli-input-json-stdin", ["--cli-input-json", "-"], files["in.json"], "cli-input-json"),
        ("cli-input-yaml", ["--cli-input-yaml", deep_yaml], "", "cli-input-yaml"),
        ("cli-input-yaml-file", ["--cli-input-yaml", f"file://{tmp_path}/in.yaml"], "",
         "cli-input-yaml"),
    ]


PATH_IDS = ["json-argv", "shorthand-argv", "json-file", "shorthand-file", "cli-input-json",
            "cli-input-json-file", "cli-input-json-stdin", "cli-input-yaml",
            "cli-input-yaml-file"]


@pytest.mark.parametrize("levels", [DEEP, MAX_DEPTH + 1])
@pytest.mark.parametrize("name", PATH_IDS)
def test_too_deep_is_one_usage_line(tmp_path, environ, levels, name):
    by_id = {path[0]: path[1:] for path in paths(tmp_path, levels)}
    assert list(by_id) == PATH_IDS
    argv, stdin, option = by_id[name]
    result = run([*ATTRIBUTES, *argv], environ, stdin=stdin)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.exit_code == 252, (name, result.stderr[:500])
    assert len(lines) == 1, (name, result.stderr[:500])
    assert f"Error parsing parameter '{option}'" in lines[0]
    assert f"more than {MAX_DEPTH} levels deep" in lines[0]
    assert "recursion" not in result.stderr


def test_too_deep_in_a_real_process(tmp_path, environ):
    result = run_process([*ATTRIBUTES, "--user-attributes", json_list(DEEP)], environ)
    assert result.exit_code == 252
    assert "Traceback" not in result.stderr and "recursion" not in result.stderr
    assert f"more than {MAX_DEPTH} levels deep" in result.stderr


def test_the_limit_itself_is_sent(environ):
    # A document nested exactly MAX_DEPTH levels deep goes through validation and serialization.
    with FaultServer(body=b"{}", content_type="application/json") as server:
        result = run(["bedrock-runtime", "converse", "--model-id", "m", "--messages", "[]",
                      "--additional-model-request-fields", json_doc(MAX_DEPTH),
                      "--endpoint-url", server.endpoint], environ)
    assert result.exit_code == 0, result.stderr
    sent = json.loads(server.requests[0][1])["additionalModelRequestFields"]
    assert depth(sent) == MAX_DEPTH


@pytest.mark.parametrize("text,position", [
    ("a=" + "[" * 100 + "]" * 100, 101),
    ("a=" + "{b=" * 99 + "{c=1}" + "}" * 99, 2 + 3 * 99),
])
def test_shorthand_parser_raises_its_positioned_error(text, position):
    with pytest.raises(ShorthandTooDeep) as caught:
        parse(text)
    assert caught.value.position == position
    assert str(caught.value) == f"nested more than 100 levels deep at character {position + 1}"


@pytest.mark.parametrize("value,expected", [
    (1, 0), ([], 1), ({"a": [1, {"b": []}]}, 4), ([[[]], []], 3),
    (nested_lists(5000), 5000),
])
def test_depth(value, expected):
    assert depth(value) == expected


def test_shared_containers_are_measured_once():
    leaf: list = [[[]]]
    wide = [leaf] * 100_000
    assert depth({"a": wide, "b": wide}) == 5
