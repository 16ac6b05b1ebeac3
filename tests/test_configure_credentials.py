"""configure export-credentials, import --csv and add-model on real files in a temp HOME;
messages and exit codes as AWS CLI v2 2.36.7 gave them for the same input."""

import json
import os
import stat
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cli.commands.configure.credentials import (CsvError, format_credentials,
                                                parse_credentials_csv)
from tests.runner import run


@pytest.fixture
def home(tmp_path):
    (tmp_path / ".aws").mkdir()
    environ = {"HOME": str(tmp_path), "PATH": os.environ.get("PATH", ""), "AWS_PAGER": ""}
    return tmp_path, environ


FORMATS = [
    ("process", '{\n  "Version": 1,\n  "AccessKeyId": "AKID",\n  "SecretAccessKey": "SAK",\n'
                '  "SessionToken": "TOK",\n  "Expiration": "2030-01-01T00:00:00+00:00"\n}\n'),
    ("env", "export AWS_ACCESS_KEY_ID=AKID\nexport AWS_SECRET_ACCESS_KEY=SAK\n"
            "export AWS_SESSION_TOKEN=TOK\nexport AWS_CREDENTIAL_EXPIRATION=2030-01-01T00:00:00+00:00\n"),
    ("env-no-export", "AWS_ACCESS_KEY_ID=AKID\nAWS_SECRET_ACCESS_KEY=SAK\nAWS_SESSION_TOKEN=TOK\n"
                      "AWS_CREDENTIAL_EXPIRATION=2030-01-01T00:00:00+00:00\n"),
    ("powershell", '$Env:AWS_ACCESS_KEY_ID="AKID"\n$Env:AWS_SECRET_ACCESS_KEY="SAK"\n'
                   '$Env:AWS_SESSION_TOKEN="TOK"\n'
                   '$Env:AWS_CREDENTIAL_EXPIRATION="2030-01-01T00:00:00+00:00"\n'),
    ("windows-cmd", "set AWS_ACCESS_KEY_ID=AKID\nset AWS_SECRET_ACCESS_KEY=SAK\n"
                    "set AWS_SESSION_TOKEN=TOK\nset AWS_CREDENTIAL_EXPIRATION=2030-01-01T00:00:00+00:00\n"),
]


@pytest.mark.parametrize("kind, expected", FORMATS)
def test_formats(kind, expected):
    assert format_credentials(kind, "AKID", "SAK", "TOK", "2030-01-01T00:00:00+00:00") == expected


def test_export_static_and_environment_credentials(home):
    tmp_path, environ = home
    (tmp_path / ".aws" / "credentials").write_text(
        "[dev]\naws_access_key_id = AKIADEV\naws_secret_access_key = devsecret\n")
    result = run(["configure", "export-credentials", "--profile", "dev"], environ)
    assert json.loads(result.stdout) == {"Version": 1, "AccessKeyId": "AKIADEV",
                                         "SecretAccessKey": "devsecret"}
    environ = dict(environ, AWS_ACCESS_KEY_ID="AKIAE", AWS_SECRET_ACCESS_KEY="s",
                   AWS_SESSION_TOKEN="t")
    result = run(["configure", "export-credentials", "--format", "windows-cmd"], environ)
    assert result.stdout == ("set AWS_ACCESS_KEY_ID=AKIAE\nset AWS_SECRET_ACCESS_KEY=s\n"
                             "set AWS_SESSION_TOKEN=t\n")


def test_export_through_credential_process(home):
    tmp_path, environ = home
    script = tmp_path / "creds.py"
    script.write_text('import json\nprint(json.dumps({"Version": 1, "AccessKeyId": "AKIAPROC", '
                      '"SecretAccessKey": "procsecret", "SessionToken": "proctoken", '
                      '"Expiration": "2030-01-01T00:00:00Z"}))\n')
    (tmp_path / ".aws" / "config").write_text(
        f"[profile proc]\ncredential_process = {sys.executable} {script}\n")
    result = run(["configure", "export-credentials", "--profile", "proc", "--format", "env"],
                 environ)
    assert result.stdout == ("export AWS_ACCESS_KEY_ID=AKIAPROC\n"
                             "export AWS_SECRET_ACCESS_KEY=procsecret\n"
                             "export AWS_SESSION_TOKEN=proctoken\n"
                             "export AWS_CREDENTIAL_EXPIRATION=2030-01-01T00:00:00+00:00\n")


def test_export_through_assume_role(home, moto):
    tmp_path, environ = home
    (tmp_path / ".aws" / "config").write_text(
        "[profile base]\nregion = us-east-1\n"
        "[profile role]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = base\n"
        "region = us-east-1\n")
    (tmp_path / ".aws" / "credentials").write_text(
        "[base]\naws_access_key_id = AKIABASE\naws_secret_access_key = basesecret\n")
    environ = dict(environ, AWS_ENDPOINT_URL=moto.endpoint)
    result = run(["configure", "export-credentials", "--profile", "role"], environ)
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["AccessKeyId"] != "AKIABASE" and document["SessionToken"]
    assert document["Expiration"]


@pytest.mark.parametrize("argv, environ_extra, stderr", [
    ([], {}, "\naws: [ERROR]: An error occurred (Configuration): Unable to retrieve "
             "credentials: no credentials found\n"),
    (["--profile", "zz"], {}, "\naws: [ERROR]: Unable to retrieve credentials: The config "
                              "profile (zz) could not be found\n"),
    (["--profile", "dev"], {"_AWS_CLI_PROFILE_CHAIN": "a,dev"},
     "\naws: [ERROR]: An error occurred (Configuration): Credential process resolution "
     "detected an infinite loop, profile cycle: a -> dev -> dev\n"),
])
def test_export_failures(home, argv, environ_extra, stderr):
    result = run(["configure", "export-credentials", *argv], dict(home[1], **environ_extra))
    assert (result.exit_code, result.stdout, result.stderr) == (253, "", stderr)


CSV = ("User name,Password,Access key ID,Secret access key,Console login link\n"
       "alice,pw,AKIAALICE,alicesecret,https://x\nbob,pw,,bobsecret,https://x\n")


@pytest.mark.parametrize("text, strict, expected", [
    (CSV, False, [("alice", "AKIAALICE", "alicesecret")]),
    ("\ufeffUser Name,Secret Access Key,Access Key ID\ncarol,s,AKIAC\n", True,
     [("carol", "AKIAC", "s")]),
    (CSV, True, 'Failed to parse entry #2: Row missing value for header "Access Key ID"'),
    ("a,b\n1,2\n", True, 'Expected header "User Name" not found'),
    ("  \n", True, "Provided CSV contains no contents"),
])
def test_parse_csv(text, strict, expected):
    if isinstance(expected, str):
        with pytest.raises(CsvError) as caught:
            parse_credentials_csv(text, strict=strict)
        assert caught.value.message == expected
    else:
        assert parse_credentials_csv(text, strict=strict) == expected


def test_import_writes_profiles_to_the_credentials_file(home):
    tmp_path, environ = home
    (tmp_path / "c.csv").write_text(CSV)
    failed = run(["configure", "import", "--csv", f"file://{tmp_path}/c.csv"], environ)
    assert failed.exit_code == 255
    assert not (tmp_path / ".aws" / "credentials").exists()
    result = run(["configure", "import", "--csv", f"file://{tmp_path}/c.csv", "--skip-invalid",
                  "--profile-prefix", "t-"], environ)
    assert (result.exit_code, result.stdout) == (0, "Successfully imported 1 profile(s)\n")
    path = tmp_path / ".aws" / "credentials"
    assert path.read_text() == ("[t-alice]\naws_access_key_id = AKIAALICE\n"
                                "aws_secret_access_key = alicesecret\n")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_import_of_a_path_without_file_prefix(home):
    tmp_path, environ = home
    (tmp_path / "c.csv").write_text(CSV)
    result = run(["configure", "import", "--csv", str(tmp_path / "c.csv")], environ)
    assert result.exit_code == 255
    assert "without the 'file://' prefix" in result.stderr


def test_add_model_stores_the_model_where_botocore_finds_it(home):
    tmp_path, environ = home
    model = {"version": "2.0", "metadata": {"apiVersion": "2020-01-01", "endpointPrefix": "sqs",
                                            "protocol": "json", "serviceId": "X"},
             "operations": {}, "shapes": {}}
    (tmp_path / "m.json").write_text(json.dumps(model))
    for extra, name in (([], "sqs"), (["--service-name", "foo"], "foo")):
        result = run(["configure", "add-model", "--service-model", f"file://{tmp_path}/m.json",
                      *extra], environ)
        assert result.exit_code == 0, result.stderr
        stored = tmp_path / ".aws" / "models" / name / "2020-01-01" / "service-2.json"
        assert json.loads(stored.read_text()) == model


def test_mfa_login_writes_session_credentials(home, moto):
    tmp_path, environ = home
    environ = dict(environ, AWS_ENDPOINT_URL=moto.endpoint, AWS_DEFAULT_REGION="us-east-1")
    result = run(["configure", "mfa-login"], environ,
                 stdin="AKIATEST\nsecret\narn:aws:iam::123456789012:mfa/dev\n123456\n\n")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(
        "Please provide your AWS credentials:\nAWS Access Key ID: AWS Secret Access Key: "
        "MFA serial number or ARN: MFA token code: Profile to update [123456789012-dev]: "
        "Temporary credentials written to profile '123456789012-dev'\n")
    text = (tmp_path / ".aws" / "credentials").read_text()
    assert text.startswith("[123456789012-dev]\naws_access_key_id = ")
    assert "aws_session_token = " in text


def test_mfa_login_needs_a_token_code(home):
    tmp_path, environ = home
    (tmp_path / ".aws" / "credentials").write_text(
        "[default]\naws_access_key_id = AKIAX\naws_secret_access_key = s\n")
    result = run(["configure", "mfa-login", "--serial-number", "arn:aws:iam::1:mfa/d"],
                 environ, stdin="\n")
    assert (result.exit_code, result.stderr) == (1, "\naws: [ERROR]: MFA token code is required\n")


def test_agent_toolkit_is_not_provided(home):
    result = run(["configure", "agent-toolkit"], home[1])
    assert result.exit_code == 252
    assert "'aws configure agent-toolkit' is a command of AWS CLI v2" in result.stderr


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300), st.booleans())
def test_any_csv_text_gives_rows_or_csv_error(text, strict):
    try:
        rows = parse_credentials_csv(text, strict=strict)
    except CsvError:
        return
    assert all(len(row) == 3 and all(row) for row in rows)
