"""ecr / ecr-public get-login-password, rds generate-db-auth-token and dsql's
generate-db-connect(-admin)-auth-token (cli/commands/tokens.py).

ECR against the moto server; ECR Public (moto has none) against a loopback
recorder; the database tokens are made locally and checked by decoding them and
recomputing their signature (tests/sigv4_check.py).
"""

from __future__ import annotations

import base64
import json

import pytest

from tests.recording_server import Response
from tests.runner import run
from tests.sigv4_check import expected_signature, query_of


@pytest.fixture
def environ(moto, tmp_path):
    return {**moto.environ(), "HOME": str(tmp_path)}


def test_ecr_password_is_the_token_s_second_half_and_nothing_else(environ):
    result = run(["ecr", "get-login-password"], environ)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    # moto's token is base64 of "AWS:<password>"; the command prints the password alone.
    raw = run(["ecr", "get-authorization-token", "--query",
               "authorizationData[0].authorizationToken", "--output", "text"], environ)
    user, password = base64.b64decode(raw.stdout.strip()).decode().split(":")
    assert user == "AWS"
    assert result.stdout == password + "\n"


def test_ecr_password_never_shows_in_the_debug_log(environ):
    result = run(["ecr", "get-login-password", "--debug"], environ)
    assert result.exit_code == 0
    password = result.stdout.strip()
    encoded = base64.b64encode(f"AWS:{password}".encode()).decode()
    assert "GetAuthorizationToken" in result.stderr  # the log is there
    assert password not in result.stderr and encoded not in result.stderr


def test_ecr_public_reads_its_single_authorization_data(recorder, tmp_path):
    token = base64.b64encode(b"AWS:public-secret-password").decode()
    body = json.dumps({"authorizationData": {"authorizationToken": token,
                                             "expiresAt": 1700000000}}).encode()
    recorder.responses.append(Response(body=body, headers={
        "Content-Type": "application/x-amz-json-1.1"}))
    environ = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "AWS_ACCESS_KEY_ID": "AKID",
               "AWS_SECRET_ACCESS_KEY": "secret", "AWS_DEFAULT_REGION": "us-east-1",
               "AWS_ENDPOINT_URL_ECR_PUBLIC": recorder.endpoint}
    result = run(["ecr-public", "get-login-password"], environ)
    assert (result.exit_code, result.stdout) == (0, "public-secret-password\n"), result.stderr
    assert recorder.requests[0].headers["x-amz-target"].endswith(".GetAuthorizationToken")


def test_an_unreachable_endpoint_is_exit_255_with_nothing_on_stdout(environ):
    result = run(["ecr", "get-login-password"], {**environ, "AWS_ENDPOINT_URL": "http://127.0.0.1:9"})
    assert result.exit_code == 255  # nothing listens on port 9
    assert result.stdout == ""


TOKEN_CASES = [
    (["rds", "generate-db-auth-token", "--hostname", "db.example.com", "--port", "5432",
      "--username", "app"], "db.example.com:5432", "rds-db",
     {"Action": "connect", "DBUser": "app", "X-Amz-Expires": "900"}),
    (["dsql", "generate-db-connect-auth-token", "--hostname", "c1.dsql.example.com"],
     "c1.dsql.example.com", "dsql", {"Action": "DbConnect", "X-Amz-Expires": "900"}),
    (["dsql", "generate-db-connect-admin-auth-token", "--hostname", "c1.dsql.example.com",
      "--expires-in", "60"], "c1.dsql.example.com", "dsql",
     {"Action": "DbConnectAdmin", "X-Amz-Expires": "60"}),
]


@pytest.mark.parametrize("argv, host, service, params", TOKEN_CASES)
def test_database_tokens_are_urls_presigned_for_the_host(argv, host, service, params,
                                                         tmp_path):
    environ = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "AWS_ACCESS_KEY_ID": "AKIDTOKENS",
               "AWS_SECRET_ACCESS_KEY": "tokens-secret", "AWS_DEFAULT_REGION": "eu-west-3",
               # no call is made: an endpoint nobody listens on must not matter
               "AWS_ENDPOINT_URL": "http://127.0.0.1:9"}
    result = run(argv, environ)
    assert result.exit_code == 0, result.stderr
    token = result.stdout.strip()
    assert result.stdout == token + "\n"
    assert token.startswith(host + "/?")
    query = query_of(token)
    assert {k: query[k] for k in params} == params
    credential = query["X-Amz-Credential"].split("/")
    assert (credential[0], credential[2], credential[3]) == ("AKIDTOKENS", "eu-west-3", service)
    assert query["X-Amz-SignedHeaders"] == "host"
    assert query["X-Amz-Signature"] == expected_signature(token, "tokens-secret")


def test_database_tokens_are_hidden_from_debug(tmp_path):
    environ = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "AWS_ACCESS_KEY_ID": "AKIDTOKENS",
               "AWS_SECRET_ACCESS_KEY": "tokens-secret", "AWS_DEFAULT_REGION": "eu-west-3"}
    result = run(["rds", "generate-db-auth-token", "--hostname", "db.example.com", "--port",
                  "5432", "--username", "app", "--debug"], environ)
    signature = query_of(result.stdout.strip())["X-Amz-Signature"]
    assert result.exit_code == 0 and "shapecli" in result.stderr
    assert signature not in result.stderr


@pytest.mark.parametrize("argv, phrase", [
    (["rds", "generate-db-auth-token", "--hostname", "h", "--port", "x", "--username", "u"],
     "argument --port: invalid int value: 'x'"),
    (["rds", "generate-db-auth-token", "--hostname", "h"],
     "the following arguments are required: --port, --username"),
    (["dsql", "generate-db-connect-auth-token"],
     "the following arguments are required: --hostname"),
    (["ecr", "get-login-password", "--registry-ids", "1"], "Unknown options: --registry-ids,1"),
])
def test_argument_errors(argv, phrase, tmp_path):
    result = run(argv, {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert result.exit_code == 252
    assert phrase in result.stderr


def test_help_pages_and_service_listings_know_the_commands(tmp_path):
    environ = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    page = run(["rds", "generate-db-auth-token", "help"], environ)
    assert page.exit_code == 0
    assert "--hostname" in page.stdout and "--port" in page.stdout
    for service, word in (("ecr", "get-login-password"), ("ecr-public", "get-login-password"),
                          ("dsql", "generate-db-connect-admin-auth-token")):
        assert word in run([service, "help"], environ).stdout


@pytest.mark.parametrize("environ, code, phrase", [
    ({"AWS_ACCESS_KEY_ID": "a", "AWS_SECRET_ACCESS_KEY": "b"}, 253,
     "(NoRegion): You must specify a region."),
    ({"AWS_DEFAULT_REGION": "us-west-2", "AWS_EC2_METADATA_DISABLED": "true"}, 253,
     "(NoCredentials): Unable to locate credentials."),
])
def test_database_tokens_need_a_region_and_credentials(environ, code, phrase, tmp_path):
    result = run(["dsql", "generate-db-connect-auth-token", "--hostname", "h"],
                 {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), **environ})
    assert (result.exit_code, result.stdout) == (code, "")
    assert phrase in result.stderr


def test_a_session_token_is_part_of_the_signed_url(tmp_path):
    environ = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "AWS_ACCESS_KEY_ID": "ASIAX",
               "AWS_SECRET_ACCESS_KEY": "s3cret", "AWS_SESSION_TOKEN": "sess/tok+en=",
               "AWS_DEFAULT_REGION": "ap-south-1"}
    result = run(["rds", "generate-db-auth-token", "--hostname", "db", "--port", "3306",
                  "--username", "a+b@c", "--region", "eu-west-1"], environ)
    token = result.stdout.strip()
    query = query_of(token)
    assert (query["X-Amz-Security-Token"], query["DBUser"]) == ("sess/tok+en=", "a+b@c")
    assert query["X-Amz-Credential"].split("/")[2] == "eu-west-1"  # --region wins
    assert query["X-Amz-Signature"] == expected_signature(token, "s3cret")
