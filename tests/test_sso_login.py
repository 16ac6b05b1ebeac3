"""aws sso login / logout against a loopback IAM Identity Center (tests/sso_stub.py), real
files in a temporary HOME; then role credentials used by a call to moto's STS."""

import hashlib
import json
import os
import re
import signal
import stat
import subprocess
import sys
import urllib.request

import pytest

from tests.runner import AWS, run, run_process
from tests.sso_stub import IdentityCenterStub

START_URL = "https://d-1234567890.awsapps.com/start"
CONFIG = f"""\
[profile sso-profile]
sso_session = corp
sso_account_id = 111111111111
sso_role_name = ReadOnly
region = us-east-1
[sso-session corp]
sso_start_url = {START_URL}
sso_region = us-east-1
[profile legacy]
sso_start_url = {START_URL}
sso_region = us-east-1
sso_account_id = 222222222222
sso_role_name = Admin
"""
TOKEN_FILE = hashlib.sha1(b"corp").hexdigest() + ".json"


@pytest.fixture
def stub():
    with IdentityCenterStub() as server:
        yield server


@pytest.fixture
def home(tmp_path, stub):
    (tmp_path / ".aws").mkdir()
    (tmp_path / ".aws" / "config").write_text(CONFIG)
    environ = {"HOME": str(tmp_path), "PATH": os.environ.get("PATH", ""), "AWS_PAGER": "",
               **stub.environ()}
    return tmp_path, environ


def _cache(tmp_path):
    folder = tmp_path / ".aws" / "sso" / "cache"
    return {p.name: json.loads(p.read_text()) for p in folder.iterdir()} if folder.exists() else {}


def test_device_code_login_caches_the_token_under_v2s_name(home, stub):
    tmp_path, environ = home
    result = run(["sso", "login", "--profile", "sso-profile", "--use-device-code",
                  "--no-browser"], environ)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        f"Browser will not be automatically opened.\nPlease visit the following URL:\n\n"
        f"{stub.url}/device\n\nThen enter the code:\n\nABCD-EFGH\n\nAlternatively, you may "
        f"visit the following URL which will autofill the code upon loading:\n"
        f"{stub.url}/device?user_code=ABCD-EFGH\n"
        f"Successfully logged into Start URL: {START_URL}\n")
    assert stub.operations() == ["RegisterClient", "StartDeviceAuthorization", "CreateToken",
                                 "CreateToken"]
    cache = _cache(tmp_path)
    token = cache.pop(TOKEN_FILE)
    assert sorted(token) == ["accessToken", "clientId", "clientSecret", "expiresAt",
                             "refreshToken", "region", "registrationExpiresAt", "startUrl"]
    assert token["startUrl"] == START_URL and token["region"] == "us-east-1"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", token["expiresAt"])
    [registration] = cache.values()
    assert registration["clientId"] == token["clientId"] and "grantTypes" not in registration
    for path in (tmp_path / ".aws" / "sso" / "cache").iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_legacy_profile_uses_the_device_code_keyed_by_start_url(home, stub):
    tmp_path, environ = home
    result = run(["sso", "login", "--profile", "legacy"], dict(environ, BROWSER="true"))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Attempting to open your default browser.\nIf the browser "
                                    "does not open or you wish to use a different device")
    assert hashlib.sha1(START_URL.encode()).hexdigest() + ".json" in _cache(tmp_path)


def _login_playing_the_browser(environ, extra=()):
    """Run `sso login` (PKCE) as a process; follow the authorize URL it prints, as a browser
    would, through the stub's redirect to the CLI's loopback listener."""
    proc = subprocess.Popen([AWS, "sso", "login", "--profile", "sso-profile", "--no-browser",
                             *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=environ)
    printed = ""
    for line in proc.stdout:
        printed += line
        if "/authorize?" in line:
            page = urllib.request.urlopen(line.strip(), timeout=10).read()
            assert b"Request approved" in page
            break
    out, err = proc.communicate(timeout=30)
    return proc.returncode, printed + out, err


def test_authorization_code_flow_with_pkce(home, stub):
    tmp_path, environ = home
    code, out, err = _login_playing_the_browser(environ)
    assert code == 0, err
    url = re.search(r"(http://\S+/authorize\?\S+)", out).group(1)
    assert re.search(r"redirect_uri=http%3A%2F%2F127\.0\.0\.1%3A\d+%2Foauth%2Fcallback", url)
    assert "code_challenge_method=S256" in url and "scopes=sso%3Aaccount%3Aaccess" in url
    assert out.endswith(f"Successfully logged into Start URL: {START_URL}\n")
    cache = _cache(tmp_path)
    token = cache.pop(TOKEN_FILE)
    [registration] = cache.values()
    assert registration["grantTypes"] == ["authorization_code", "refresh_token"]
    assert registration["scopes"] == ["sso:account:access"]
    assert token["refreshToken"].startswith("refresh-")
    assert stub.operations()[-1] == "CreateToken"


def test_calls_use_role_credentials_before_login_after_and_after_logout(home, stub, moto):
    tmp_path, environ = home
    # Real processes: botocore fixes the token folder from HOME when it is imported.
    environ = dict(environ, AWS_ENDPOINT_URL=moto.endpoint)
    call = ["sts", "get-caller-identity", "--profile", "sso-profile"]
    before = run_process(call, environ)
    assert before.exit_code == 255 and "Token for corp does not exist" in before.stderr
    run(["sso", "login", "--profile", "sso-profile", "--use-device-code", "--no-browser"],
        environ)
    after = run_process(call, environ)
    assert after.exit_code == 0, after.stderr
    assert json.loads(after.stdout)["Account"]
    assert "GetRoleCredentials" in stub.operations()
    exported = run_process(["configure", "export-credentials", "--profile", "sso-profile"],
                           environ)
    assert json.loads(exported.stdout)["AccessKeyId"] == "ASIA111111111111"
    token = _cache(tmp_path)[TOKEN_FILE]["accessToken"]
    logout = run(["sso", "logout"], environ)
    assert (logout.exit_code, logout.stdout, logout.stderr) == (0, "", "")
    assert stub.logged_out == [token]
    assert TOKEN_FILE not in _cache(tmp_path) and len(_cache(tmp_path)) == 1  # registration
    again = run_process(call, environ)
    assert again.exit_code == 255


def test_logout_removes_sso_role_credentials_and_keeps_others(home, stub):
    tmp_path, environ = home
    folder = tmp_path / ".aws" / "cli" / "cache"
    folder.mkdir(parents=True)
    (folder / "a.json").write_text('{"ProviderType": "sso", "Credentials": {}}')
    (folder / "b.json").write_text('{"ProviderType": "assume-role", "Credentials": {}}')
    (tmp_path / ".aws" / "sso" / "cache").mkdir(parents=True)
    (tmp_path / ".aws" / "sso" / "cache" / "x.json").write_text(
        '{"accessToken": "stale", "region": "us-east-1"}')
    assert run(["sso", "logout"], environ).exit_code == 0
    assert sorted(os.listdir(folder)) == ["b.json"]
    assert _cache(tmp_path) == {} and stub.operations() == ["Logout"]


FAULTS = [
    (["--profile", "zz"], 255, "\naws: [ERROR]: The config profile (zz) could not be found\n"),
    ([], 253, "\naws: [ERROR]: An error occurred (Configuration): Missing the following "
              "required SSO configuration values: sso_start_url, sso_region. To make sure this "
              "profile is properly configured to use SSO, please run: aws configure sso\n"),
    (["--sso-session", "nope"], 253, '\naws: [ERROR]: An error occurred (Configuration): The '
                                     'specified sso-session does not exist: "nope"\n'),
]


@pytest.mark.parametrize("argv, code, stderr", FAULTS)
def test_configuration_faults(home, argv, code, stderr):
    result = run(["sso", "login", *argv], home[1])
    assert (result.exit_code, result.stderr) == (code, stderr)


@pytest.mark.parametrize("outcome, code, message", [
    ("deny", 254, "An error occurred (AccessDeniedException) when calling the CreateToken "
                  "operation: The user denied the request"),
    ("expire", 255, "The pending authorization to retrieve an SSO token has expired."),
])
def test_denied_or_expired_device_authorization(home, stub, outcome, code, message):
    tmp_path, environ = home
    stub.device_outcome = outcome
    result = run(["sso", "login", "--use-device-code", "--no-browser", "--profile",
                  "sso-profile"], environ)
    assert result.exit_code == code
    assert message in result.stderr
    assert TOKEN_FILE not in _cache(tmp_path)


def test_unreachable_oidc_endpoint(home):
    tmp_path, environ = home
    environ = dict(environ, AWS_ENDPOINT_URL_SSO_OIDC="http://127.0.0.1:9")
    result = run(["sso", "login", "--use-device-code", "--profile", "sso-profile",
                  "--cli-connect-timeout", "2"], environ)
    assert result.exit_code == 255
    assert result.stderr == ('\naws: [ERROR]: Could not connect to the endpoint URL: '
                             '"http://127.0.0.1:9/client/register"\n')
    assert _cache(tmp_path) == {}


def test_ctrl_c_while_waiting_for_the_browser(home):
    tmp_path, environ = home
    proc = subprocess.Popen([AWS, "sso", "login", "--profile", "sso-profile", "--no-browser"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=environ)
    for line in proc.stdout:
        if "/authorize?" in line:
            break
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert "Traceback" not in err and len(err.strip().splitlines()) <= 1
    assert TOKEN_FILE not in _cache(tmp_path)
    assert not [n for n in os.listdir(tmp_path / ".aws" / "sso" / "cache") if n.endswith(".tmp")]


def test_debug_never_prints_tokens_or_client_secret(home):
    tmp_path, environ = home
    result = run(["sso", "login", "--profile", "sso-profile", "--use-device-code",
                  "--no-browser", "--debug"], environ)
    assert result.exit_code == 0
    token = _cache(tmp_path)[TOKEN_FILE]
    assert "CreateToken" in result.stderr  # the log is there
    for secret in (token["accessToken"], token["refreshToken"], token["clientSecret"]):
        assert secret not in result.stderr


def test_token_cache_in_the_way_is_one_line(home):
    tmp_path, environ = home
    (tmp_path / ".aws" / "sso").mkdir()
    (tmp_path / ".aws" / "sso" / "cache").write_text("not a folder")
    result = run(["sso", "login", "--profile", "sso-profile", "--use-device-code",
                  "--no-browser"], environ)
    assert result.exit_code == 255
    assert result.stderr.startswith("\naws: [ERROR]: Could not write the token cache: [Errno")
    assert len(result.stderr.strip().splitlines()) == 1


def test_an_expiring_token_is_refreshed_as_botocore_does(home, stub, moto):
    tmp_path, environ = home
    environ = dict(environ, AWS_ENDPOINT_URL=moto.endpoint)
    run(["sso", "login", "--profile", "sso-profile", "--use-device-code", "--no-browser"],
        environ)
    path = tmp_path / ".aws" / "sso" / "cache" / TOKEN_FILE
    token = json.loads(path.read_text())
    token["expiresAt"] = "2000-01-01T00:00:00Z"  # past: botocore must refresh first
    path.write_text(json.dumps(token))
    result = run_process(["sts", "get-caller-identity", "--profile", "sso-profile"], environ)
    assert result.exit_code == 0, result.stderr
    refreshed = json.loads(path.read_text())
    assert refreshed["accessToken"] != token["accessToken"]
    assert refreshed["expiresAt"] > "2001"
    assert stub.operations().count("CreateToken") == 3  # pending, approved, the refresh


def test_the_browser_is_opened_with_webbrowser(home, tmp_path):
    _, environ = home
    browser = os.path.join(os.path.dirname(__file__), "fake_browser.py")
    log = tmp_path / "browser.log"
    environ = dict(environ, BROWSER=f"{sys.executable} {browser} %s", FAKE_BROWSER_LOG=str(log))
    result = run_process(["sso", "login", "--profile", "sso-profile"], environ)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Attempting to open your default browser. If the browser "
                                    "does not open, open the following URL.\n")
    [opened] = log.read_text().splitlines()
    assert opened in result.stdout and "/authorize?" in opened
    assert TOKEN_FILE in _cache(tmp_path)
