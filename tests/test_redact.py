"""--debug never prints a secret: real runs against moto (and a stand-in IMDS), stderr searched.

The redactor itself is checked with a table of log lines; the runs check that every
secret is learned in time, from every logger, in requests and in responses, and that the
log keeps what makes it useful.
"""

from __future__ import annotations

import json
import os

import pytest

from cli.redact import Redactor
from tests.fault_server import FaultServer
from tests.runner import run, run_process

PASSWORD = "Sup3r'Secret\"Pass!"
SECRET_KEY = "testingSecretAccessKey0123456789"
SESSION_TOKEN = "FwoGZXIvYXdzEXAMPLEsessionTOKEN+/=="


# -- the redactor ------------------------------------------------------------------------------

LINES = [
    # (text, secrets to teach it, expected)
    ("Authorization: AWS4-HMAC-SHA256 Credential=AKID/20260101/us-west-2/sts/aws4_request, "
     "SignedHeaders=host;x-amz-date, Signature=" + "a" * 64, [],
     "Authorization: AWS4-HMAC-SHA256 Credential=AKID/20260101/us-west-2/sts/aws4_request, "
     "SignedHeaders=host;x-amz-date, Signature=***"),
    ("Signature:\n" + "0f" * 32, [], "Signature:\n***"),
    ("GET /obj?X-Amz-Credential=AKID%2F2026&X-Amz-Signature=" + "b" * 64 + "&x=1", [],
     "GET /obj?X-Amz-Credential=AKID%2F2026&X-Amz-Signature=***&x=1"),
    ("GET /?AWSAccessKeyId=AKID&Signature=abcDEF%2Bghi%3D1234567&Expires=1", [],
     "GET /?AWSAccessKeyId=AKID&Signature=***&Expires=1"),
    ("x-amz-security-token:tokenvalue123", [], "x-amz-security-token:***"),
    ("{'X-Amz-Security-Token': b'tokenvalue123', 'Host': b'h'}", [],
     "{'X-Amz-Security-Token': b'***', 'Host': b'h'}"),
    ("{'x-aws-ec2-metadata-token': 'imds-token'}", [], "{'x-aws-ec2-metadata-token': '***'}"),
    ("Authorization: Bearer abc.def.ghi", [], "Authorization: Bearer ***"),
    ('b\'{"Code": "Success", "SecretAccessKey": "s3cr3t", "Token": "t0k"}\'', [],
     'b\'{"Code": "Success", "SecretAccessKey": "***", "Token": "***"}\''),
    ("<SessionToken>tok/en+==</SessionToken><AccessKeyId>ASIA</AccessKeyId>", [],
     "<SessionToken>***</SessionToken><AccessKeyId>ASIA</AccessKeyId>"),
    ("aws_secret_access_key = s3cr3t", [], "aws_secret_access_key = ***"),
    ('"NextToken": "page-2"', [], '"NextToken": "page-2"'),
    # by value, in each encoding a protocol gives it
    ("--password hunter2isLong", [("hunter2isLong", "Password")], "--password ***(Password)"),
    (repr(json.dumps({"Password": "a\"b'c\\d"}).encode()), [("a\"b'c\\d", "Password")],
     """b'{"Password": "***(Password)"}'"""),
    ("Password=p%40ss+w%2Frd%21", [("p@ss w/rd!", "Password")], "Password=***(Password)"),
    ("<Password>a&amp;b&lt;c</Password>", [("a&b<c", "Password")],
     "<Password>***(Password)</Password>"),
    ("b'{\"Secret\": \"caf\\xc3\\xa9-long\"}'", [("café-long", "Secret")],
     "b'{\"Secret\": \"***(Secret)\"}'"),
    ('"Plaintext": "aGVsbG8gd29ybGQ="', [(b"hello world", "Plaintext")],
     '"Plaintext": "***(Plaintext)"'),
    # a short value only as a whole word
    ("USERNAME=jo,PASSWORD=x1 joined jolly", [("jo", "U"), ("x1", "P")],
     "USERNAME=***(U),PASSWORD=***(P) joined jolly"),
]


@pytest.mark.parametrize("text,secrets,expected", LINES)
def test_redactor(text, secrets, expected):
    redactor = Redactor()
    for value, label in secrets:
        redactor.add(value, label)
    assert redactor.clean(text) == expected


# -- real runs ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pool(moto):
    env = moto.environ()
    created = json.loads(run(["cognito-idp", "create-user-pool", "--pool-name", "redact"],
                             env).stdout)
    pool_id = created["UserPool"]["Id"]
    client = json.loads(run([
        "cognito-idp", "create-user-pool-client", "--user-pool-id", pool_id, "--client-name", "c",
        "--explicit-auth-flows", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH",
        "ALLOW_REFRESH_TOKEN_AUTH"], env).stdout)["UserPoolClient"]["ClientId"]
    assert run(["cognito-idp", "admin-create-user", "--user-pool-id", pool_id,
                "--username", "jane"], env).exit_code == 0
    return pool_id, client


def debug_env(moto, **extra) -> dict[str, str]:
    env = moto.environ()
    env.update(AWS_SECRET_ACCESS_KEY=SECRET_KEY, **extra)
    return env


def assert_hidden(stderr: str, *secrets: str) -> None:
    assert "botocore.endpoint" in stderr  # it is a --debug log
    for secret in secrets:
        for form in {secret, json.dumps(secret)[1:-1], repr(secret)[1:-1]}:
            assert form not in stderr, f"{secret!r} leaked"


def assert_useful(stderr: str) -> None:
    for phrase in ("CLI version: shapecli/", "Arguments entered to CLI:", "CanonicalRequest:",
                   "StringToSign:", "Endpoint provider result:", "Response headers:",
                   "Response body:", '" 200 ', "Credential=testing/", "SignedHeaders=",
                   "Signature=***"):
        assert phrase in stderr, phrase


def test_password_and_signature_hidden_in_a_real_process(moto, pool):
    pool_id, _ = pool
    result = run_process(["cognito-idp", "admin-set-user-password", "--user-pool-id", pool_id,
                          "--username", "jane", "--password", PASSWORD, "--permanent",
                          "--debug"], debug_env(moto))
    assert result.exit_code == 0, result.stderr[-2000:]
    assert_hidden(result.stderr, PASSWORD, SECRET_KEY)
    assert_useful(result.stderr)
    assert "***(Password)" in result.stderr


@pytest.mark.parametrize("how", ["shorthand", "json", "cli-input-json", "cli-input-inline"])
def test_auth_parameters_and_returned_tokens_hidden(moto, pool, how, tmp_path):
    pool_id, client = pool
    # Shorthand reads quotes as quoting: its password has none.
    password = "Sup3r!Secret-Pass" if how == "shorthand" else PASSWORD
    assert run(["cognito-idp", "admin-set-user-password", "--user-pool-id", pool_id,
                "--username", "jane", "--password", password, "--permanent"],
               moto.environ()).exit_code == 0
    auth = {"USERNAME": "jane", "PASSWORD": password}
    argv = ["cognito-idp", "initiate-auth", "--client-id", client,
            "--auth-flow", "USER_PASSWORD_AUTH"]
    if how == "shorthand":
        argv += ["--auth-parameters", f"USERNAME=jane,PASSWORD={password}"]
    elif how == "json":
        argv += ["--auth-parameters", json.dumps(auth)]
    elif how == "cli-input-inline":
        argv += ["--cli-input-json", json.dumps({"AuthParameters": auth})]
    else:
        (tmp_path / "in.json").write_text(json.dumps({"AuthParameters": auth}))
        argv += ["--cli-input-json", f"file://{tmp_path / 'in.json'}"]
    result = run([*argv, "--debug"], debug_env(moto))
    assert result.exit_code == 0, result.stderr[-2000:]
    tokens = json.loads(result.stdout)["AuthenticationResult"]
    assert_hidden(result.stderr, password, SECRET_KEY, tokens["AccessToken"],
                  tokens["IdToken"], tokens["RefreshToken"], client)
    assert "***(AuthenticationResult.AccessToken)" in result.stderr
    assert "***(AuthParameters.PASSWORD)" in result.stderr


def test_session_token_hidden(moto):
    result = run(["cognito-idp", "list-user-pools", "--max-results", "1", "--debug"],
                 debug_env(moto, AWS_SESSION_TOKEN=SESSION_TOKEN))
    assert result.exit_code == 0
    assert_hidden(result.stderr, SESSION_TOKEN, SECRET_KEY)
    assert "x-amz-security-token:***" in result.stderr


def test_credentials_in_a_query_protocol_response_hidden(moto):
    result = run(["sts", "get-session-token", "--debug"], debug_env(moto))
    assert result.exit_code == 0
    credentials = json.loads(result.stdout)["Credentials"]
    assert_hidden(result.stderr, credentials["SecretAccessKey"], credentials["SessionToken"],
                  SECRET_KEY)


def test_assumed_role_credentials_hidden(moto, tmp_path):
    # The credential provider calls STS itself, then signs with what it got back.
    (tmp_path / ".aws").mkdir()
    (tmp_path / ".aws" / "config").write_text(
        "[profile base]\naws_access_key_id = AKIDBASE\n"
        f"aws_secret_access_key = {SECRET_KEY}\n"
        "[profile role]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = base\n")
    env = moto.environ()
    env.update(HOME=str(tmp_path), AWS_PROFILE="role")
    del env["AWS_ACCESS_KEY_ID"], env["AWS_SECRET_ACCESS_KEY"]
    result = run(["cognito-idp", "list-user-pools", "--max-results", "1", "--debug"], env)
    assert result.exit_code == 0, result.stderr[-2000:]
    assert "AssumeRole" in result.stderr
    body = [line for line in result.stderr.splitlines() if "AssumeRoleResult" in line]
    assert body and "<SessionToken>***</SessionToken>" in body[0]
    assert "<SecretAccessKey>***</SecretAccessKey>" in body[0]
    assert_hidden(result.stderr, SECRET_KEY)
    assert result.stderr.count("x-amz-security-token:***") >= 1


def test_imds_credentials_hidden(moto, tmp_path):
    credentials = {"Code": "Success", "Type": "AWS-HMAC", "AccessKeyId": "ASIAIMDS",
                   "SecretAccessKey": "imdsSecretAccessKey0123456789", "Token": SESSION_TOKEN,
                   "Expiration": "2099-01-01T00:00:00Z"}
    routes = {"/latest/api/token": b"imds-api-token-0123456789",
              "/latest/meta-data/iam/security-credentials/": b"role",
              "/latest/meta-data/iam/security-credentials/role": json.dumps(credentials).encode()}
    with FaultServer(routes=routes, content_type="text/plain") as imds:
        env = moto.environ()
        del env["AWS_ACCESS_KEY_ID"], env["AWS_SECRET_ACCESS_KEY"]
        env.update(HOME=str(tmp_path), AWS_EC2_METADATA_SERVICE_ENDPOINT=imds.endpoint + "/")
        result = run_process(["cognito-idp", "list-user-pools", "--max-results", "1",
                              "--debug"], env)
    assert result.exit_code == 0, result.stderr[-2000:]
    assert "IMDS ENDPOINT" in result.stderr
    assert_hidden(result.stderr, "imdsSecretAccessKey0123456789", SESSION_TOKEN,
                  "imds-api-token-0123456789")


def test_sensitive_blob_hidden(moto):
    env = debug_env(moto)
    key = json.loads(run(["kms", "create-key"], env).stdout)["KeyMetadata"]["KeyId"]
    result = run(["kms", "encrypt", "--key-id", key, "--plaintext", "dG9wIHNlY3JldCBwbGFpbnRleHQ=",
                  "--debug"], env)
    assert result.exit_code == 0, result.stderr[-2000:]
    assert_hidden(result.stderr, "dG9wIHNlY3JldCBwbGFpbnRleHQ=", "top secret plaintext")
    assert "***(Plaintext)" in result.stderr


def test_secret_of_a_shortcut_hidden(moto, recorder):
    """ec2 bundle-instance --owner-sak signs a policy and is never sent: argv still hides it."""
    owner_secret = "ownerSecretAccessKey0123456789"
    result = run(["ec2", "bundle-instance", "--instance-id", "i-1", "--bucket", "b", "--prefix",
                  "p", "--owner-akid", "AKIDOWNER", "--owner-sak", owner_secret, "--debug"],
                 debug_env(moto, AWS_ENDPOINT_URL=recorder.endpoint))
    assert result.exit_code == 0, result.stderr[-2000:]
    assert_hidden(result.stderr, owner_secret, SECRET_KEY)
    assert "'--owner-sak', '***(owner-sak)'" in result.stderr


def test_error_line_under_debug_is_redacted_too(moto, pool):
    pool_id, _ = pool
    result = run(["cognito-idp", "admin-set-user-password", "--user-pool-id", pool_id + "x",
                  "--username", "nobody", "--password", PASSWORD, "--debug"], debug_env(moto))
    assert result.exit_code == 254
    assert_hidden(result.stderr, PASSWORD, SECRET_KEY)


def test_no_debug_no_log(moto):
    result = run(["cognito-idp", "list-user-pools", "--max-results", "1"], debug_env(moto))
    assert result.exit_code == 0 and result.stderr == ""
    assert os.environ.get("AWS_SECRET_ACCESS_KEY") != SECRET_KEY


def test_presigned_url_in_a_response_hidden(tmp_path):
    signature = "9f" * 32
    token = "IQoJb3JpZ2luX2VjEXAMPLEtoken%2F%2Babc"
    url = ("https://awslambda-us-west-2-tasks.s3.us-west-2.amazonaws.com/snapshots/f?"
           f"X-Amz-Security-Token={token}&X-Amz-Algorithm=AWS4-HMAC-SHA256"
           f"&X-Amz-Credential=ASIAEXAMPLE%2F20260101%2Fus-west-2%2Fs3%2Faws4_request"
           f"&X-Amz-Signature={signature}")
    body = json.dumps({"Configuration": {"FunctionName": "f"},
                       "Code": {"RepositoryType": "S3", "Location": url}}).encode()
    env = {"HOME": str(tmp_path), "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
           "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
           "AWS_DEFAULT_REGION": "us-west-2", "AWS_PAGER": ""}
    with FaultServer(body=body, content_type="application/json") as server:
        result = run(["lambda", "get-function", "--function-name", "f", "--debug",
                      "--endpoint-url", server.endpoint], env)
    assert result.exit_code == 0, result.stderr[-2000:]
    assert signature in result.stdout  # the output is the user's; the log is not
    assert_hidden(result.stderr, signature, token, SECRET_KEY)
    assert "X-Amz-Signature=***" in result.stderr
