"""Global options, errors and --cli-input-* with inputs the conformance cases do not use.

Each row restates a behaviour of AWS CLI v2 (argparse order of checks,
`clidriver.py`, `globalargs.py`, `cliinput.py`): argv -> exit code and a
phrase of stderr (or stdout).
"""

from __future__ import annotations

import http.server
import os
import threading

import pytest

from tests.runner import run_process

BASE_ENV = {
    "HOME": os.environ.get("HOME", "/nonexistent-home"),  # keeps the model cache warm
    "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
    "AWS_CONFIG_FILE": "/nonexistent-config",
    "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent-credentials",
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_DEFAULT_REGION": "us-west-2",
    "AWS_PAGER": "",
}

GET_USER = ["cognito-idp", "admin-get-user"]
CONFIRM = ["cognito-idp", "admin-confirm-sign-up"]
GET_OBJECT = ["s3api", "get-object", "--bucket", "b", "--key", "k"]

# argv, exit code, a phrase of stderr ("" = stderr empty), a phrase of stdout
LOCAL_CASES = [
    # required arguments are checked before leftovers are reported
    (GET_USER + ["--bogus", "x"], 252,
     "the following arguments are required: --user-pool-id, --username", ""),
    (GET_USER + ["--user-pool-id", "p", "--bogus", "x"], 252,
     "the following arguments are required: --username", ""),
    # the one positional word joins the leftovers last
    (GET_USER + ["--user-pool-id", "p", "--username", "u", "foo", "--bogus"], 252,
     "Unknown options: --bogus, foo", ""),
    (["sts", "get-caller-identity", "foo"], 252, "Unknown options: foo", ""),
    # an empty first word is dropped, as v2 drops it; a later one is left over
    (GET_USER + ["--user-pool-id", "p", "--username", "u", "foo", ""], 252,
     "Unknown options: , foo", ""),
    (["sts", "get-caller-identity", "", ""], 252, "Unknown options: \n", ""),
    # `help` as the positional word, anywhere after the arguments
    (GET_USER + ["--user-pool-id", "p", "--username", "u", "help"], 0, "", "admin-get-user"),
    (GET_USER + ["--username", "u", "help"], 252,
     "the following arguments are required: --user-pool-id", ""),
    (["sts", "get-caller-identity", "--output", "text", "help"], 0, "", "get-caller-identity"),
    # --version: the command word before it is checked, options after it are not
    (["--version", "--output", "bogus"], 0, "", "Python/"),
    (["sts", "get-caller-identity", "--version"], 0, "", "Python/"),
    (["sts", "--vers"], 0, "", "Python/"),
    (["nosuchservice", "--version"], 252, "argument command: Found invalid choice", ""),
    (["--output", "bogus", "--version"], 252, "argument --output: Found invalid choice 'bogus'",
     ""),
    # an invalid choice is reported before a later malformed option
    (["sts", "get-caller-identity", "--output", "bogus", "--region"], 252,
     "argument --output: Found invalid choice 'bogus'", ""),
    (["sts", "get-caller-identity", "--out", "bogus"], 252,
     "argument --output: Found invalid choice 'bogus'", ""),
    (["sts", "get-caller-identity", "--output=bogus"], 252,
     "argument --output: Found invalid choice 'bogus'", ""),
    (GET_USER + ["--user", "u", "--user-pool-id", "p"], 252,
     "ambiguous option: --user could match --user-pool-id, --username", ""),
    # --endpoint-url: v2 asks only for a scheme, urllib's way
    (["sts", "get-caller-identity", "--endpoint-url", "//127.0.0.1:1/"], 252,
     'Bad value for --endpoint-url "//127.0.0.1:1/": scheme is missing', ""),
    (["sts", "get-caller-identity", "--endpoint-url", "localhost:4566"], 255,
     "Invalid endpoint: localhost:4566", ""),
    # streaming output: no --cli-input-* and no --generate-cli-skeleton
    (["s3api", "get-object", "--generate-cli-skeleton"], 252,
     "the following arguments are required: --bucket, --key, outfile", ""),
    (GET_OBJECT + ["--cli-input-json", "{}", "out"], 252,
     "Unknown options: --cli-input-json, out", ""),
    (GET_OBJECT + ["out", "help"], 0, "", "get-object"),
    # --cli-input-*
    (CONFIRM + ["--cli-input-json", "{}", "--cli-input-yaml", "a: 1"], 252,
     "Only one --cli-input- parameter may be specified.", ""),
    (CONFIRM + ["--cli-input-json", "[1, 2]"], 252,
     "Error parsing parameter '--cli-input-json': Invalid type: expecting map, "
     "received <class 'list'>", ""),
    (CONFIRM + ["--cli-input-yaml", "just text"], 252,
     "Error parsing parameter '--cli-input-yaml': Invalid type: expecting map, "
     "received <class 'str'>", ""),
    (CONFIRM + ["--cli-input-json", ""], 252,
     "Error parsing parameter 'cli-input-json': Invalid JSON received.", ""),
    (CONFIRM + ["--cli-input-json", '{"UserPoolId": "p", "Username": null}'], 252,
     "Invalid type for parameter Username, value: None", ""),
    # `output` validates the input: v2 keeps argparse's required-argument check.
    (CONFIRM + ["--generate-cli-skeleton", "output"], 252,
     "the following arguments are required: --user-pool-id, --username", ""),
]


@pytest.mark.parametrize("argv,code,err,out", LOCAL_CASES,
                         ids=[" ".join(c[0])[:70] for c in LOCAL_CASES])
def test_local(argv, code, err, out):
    result = run_process(argv, dict(BASE_ENV))
    assert result.exit_code == code, result.stderr
    if err:
        assert err in result.stderr
    else:
        assert result.stderr == ""
    assert out in result.stdout


class _Recorder(http.server.BaseHTTPRequestHandler):
    """Answers every request with the canned response; remembers the Authorization headers."""

    status = 200
    body = b""
    seen: list[str] = []

    def _answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        type(self).seen.append(self.headers.get("Authorization") or "")
        self.send_response(self.status)
        self.send_header("Content-Type", "text/xml")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    do_POST = do_GET = _answer

    def log_message(self, *args):
        pass


@pytest.fixture()
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    _Recorder.seen = []
    yield httpd
    httpd.shutdown()
    httpd.server_close()


STS_OK = (b'<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">'
          b"<GetCallerIdentityResult><Account>123456789012</Account></GetCallerIdentityResult>"
          b"</GetCallerIdentityResponse>")

# extra environment, argv after `sts get-caller-identity`, the region the request is signed for
REGION_CASES = [
    ({}, ["--region", ""], "us-west-2"),  # an empty --region is no --region
    ({}, ["--profile", "", "--region", "eu-west-1"], "eu-west-1"),
    ({"AWS_REGION": "eu-west-3"}, [], "eu-west-3"),  # AWS_REGION beats AWS_DEFAULT_REGION
    ({"AWS_REGION": "eu-west-3"}, ["--reg", "sa-east-1"], "sa-east-1"),
]


@pytest.mark.parametrize("extra,argv,region", REGION_CASES)
def test_region_precedence(server, extra, argv, region):
    _Recorder.status, _Recorder.body = 200, STS_OK
    endpoint = f"http://127.0.0.1:{server.server_address[1]}"
    result = run_process(["sts", "get-caller-identity", "--endpoint-url", endpoint, *argv],
                 {**BASE_ENV, **extra})
    assert result.exit_code == 0, result.stderr
    assert f"/{region}/sts/" in _Recorder.seen[0]


def test_query_error_keeps_the_error_elements_type_out_of_the_details(server):
    # v2 lists only modelled fields under "Additional error details"; the
    # <Type>Sender</Type> of a query-protocol error is not one.
    _Recorder.status = 404
    _Recorder.body = (b'<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error>'
                      b"<Type>Sender</Type><Code>NoSuchEntity</Code><Message>no bob</Message>"
                      b"</Error><RequestId>r</RequestId></ErrorResponse>")
    endpoint = f"http://127.0.0.1:{server.server_address[1]}"
    result = run_process(["iam", "get-user", "--user-name", "bob", "--endpoint-url", endpoint],
                 dict(BASE_ENV))
    assert result.exit_code == 254
    assert result.stderr == ("\naws: [ERROR]: An error occurred (NoSuchEntity) when calling "
                             "the GetUser operation: no bob\n")
