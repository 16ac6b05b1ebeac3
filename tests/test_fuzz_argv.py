"""Bad command lines of any kind end in one of v2's exit codes, never a traceback."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.moto_server import free_port
from tests.runner import run

CLOSED = f"http://127.0.0.1:{free_port()}"

WORDS = [
    "cognito-idp", "admin-confirm-sign-up", "admin-create-user", "list-users", "dynamodb",
    "put-item", "scan", "kms", "encrypt", "iam", "create-user", "sts", "get-caller-identity",
    "lambda", "invoke", "ec2", "describe-instances", "help", "--user-pool-id", "--username",
    "--client-metadata", "--user-attributes", "--item", "--plaintext", "--limit", "--max-items",
    "--starting-token", "--page-size", "--query", "--output", "--region", "--profile",
    "--cli-input-json", "--cli-input-yaml", "--generate-cli-skeleton", "--no-paginate",
    "--color", "--cli-binary-format", "--endpoint-url", "--debug", "--version", "-",
    "file://", "fileb://nope", "{", "[", "a=b", "a=", "=b", "{a=b", "[a,", "'x", '"y',
    "json", "text", "table", "yaml", "yaml-stream", "off", "input", "output", "yaml-input",
    "json-schema", "Users[?", "0", "-1", "abc", "1e999", "\x00", "é✓", "\\",
]

ALLOWED = {0, 252, 253, 254, 255}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=12)), max_size=8))
def test_no_traceback_and_a_v2_exit_code(tmp_path_factory, argv):
    home = tmp_path_factory.getbasetemp() / "fuzz-home"
    environ = {
        "HOME": str(home), "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-west-2", "AWS_ENDPOINT_URL": CLOSED, "AWS_MAX_ATTEMPTS": "1",
        "AWS_PAGER": "", "SHAPECLI_CACHE_DIR": str(tmp_path_factory.getbasetemp() / "cache"),
    }
    result = run(argv, environ)
    assert result.exit_code in ALLOWED, (argv, result)
    if "--debug" not in argv:  # --debug is the one place a traceback belongs
        assert "Traceback" not in result.stderr, (argv, result.stderr)
