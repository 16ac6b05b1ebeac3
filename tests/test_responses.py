"""Responses that cannot be read: a loopback server cuts bodies short, answers HTML, hangs, resets.

Every fault is one line on stderr, exit 255, nothing on stdout, no traceback; a
success with an empty body stays a success.
"""

from __future__ import annotations

import copy
import os

import pytest

from tests.fault_server import FaultServer
from tests.runner import run, run_process

POOLS = ["cognito-idp", "list-user-pools", "--max-results", "10"]
CALLER = ["sts", "get-caller-identity"]
JSON = (b'{"UserPools": [{"Id": "us-west-2_abc", "Name": "pool-one"}, '
        b'{"Id": "us-west-2_def", "Name": "pool-two"}]}')
XML = (b'<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">'
       b'<GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/x</Arn><UserId>AID</UserId>'
       b'<Account>123456789012</Account></GetCallerIdentityResult>'
       b'<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetCallerIdentityResponse>')
HTML = b"<!DOCTYPE html>\n<html><body><h1>Welcome to the hotel network</h1></body></html>"


def environ(tmp_path) -> dict[str, str]:
    return {"HOME": str(tmp_path), "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
            "AWS_DEFAULT_REGION": "us-west-2", "AWS_PAGER": "", "AWS_MAX_ATTEMPTS": "1"}


def assert_one_line(result, *phrases):
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.exit_code == 255, result
    assert result.stdout == ""
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for phrase in phrases:
        assert phrase in lines[0], lines[0]


UNREADABLE = [
    # (id, server, argv, phrases the line must hold)
    ("json-cut-short", dict(fault="short", body=JSON, cut=30), POOLS,
     ["could not be read", "HTTP 200", "application/x-amz-json-1.1", "after 30 of 105 bytes",
      '{"UserPools": [{"Id": "us-west']),
    ("json-cut-after-headers", dict(fault="short", body=JSON, cut=0), POOLS,
     ["could not be read", "after 0 of 105 bytes"]),
    ("json-html-page", dict(body=HTML, content_type="text/html"), POOLS,
     ["could not be read", "HTTP 200", "text/html", "HTML", "<!DOCTYPE html>"]),
    ("json-html-claiming-json", dict(body=HTML), POOLS,
     ["could not be read", "application/x-amz-json-1.1", "HTML"]),
    ("json-truncated", dict(body=JSON[:-3]), POOLS,
     ["could not be read", "not valid JSON", '{"UserPools"']),
    ("json-closing-brace-lost", dict(body=b'{"UserPools": [{"Id": "a"}]'), POOLS,
     ["not valid JSON"]),
    ("json-not-an-object", dict(body=b'["a", "b"]'), POOLS,
     ["could not be read", "does not fit"]),
    ("xml-cut-short", dict(fault="short", body=XML, cut=40, content_type="text/xml"), CALLER,
     ["could not be read", "text/xml", "after 40 of"]),
    ("xml-html-page", dict(body=HTML, content_type="text/html"), CALLER,
     ["could not be read", "text/html", "HTML"]),
    ("xml-truncated", dict(body=XML[:-30], content_type="text/xml"), CALLER,
     ["could not be read", "not valid XML"]),
    ("xml-empty", dict(body=b"", content_type="text/xml"), CALLER,
     ["could not be read", "not valid XML"]),
    ("xml-other-document", dict(body=b"<html><body>Portal</body></html>",
                                content_type="text/xml"), CALLER,
     ["could not be read", "HTML"]),
    ("rest-json-cut-short", dict(fault="short", body=b'{"functions": []}', cut=5,
                                 content_type="application/json"),
     ["lambda", "get-function", "--function-name", "f"], ["could not be read", "after 5 of 17"]),
]


@pytest.mark.parametrize("server,argv,phrases", [c[1:] for c in UNREADABLE],
                         ids=[c[0] for c in UNREADABLE])
def test_unreadable_response_is_one_line_exit_255(tmp_path, server, argv, phrases):
    with FaultServer(**server) as fault:
        result = run([*argv, "--endpoint-url", fault.endpoint], environ(tmp_path))
    assert_one_line(result, *phrases)


@pytest.mark.parametrize("argv,body", [
    (["cognito-idp", "admin-confirm-sign-up", "--user-pool-id", "p", "--username", "u"], b""),
    (["cognito-idp", "admin-confirm-sign-up", "--user-pool-id", "p", "--username", "u"], b"{}"),
    (POOLS, b""),
], ids=["empty-body", "empty-object", "empty-body-no-required-output"])
def test_empty_success_stays_a_success(tmp_path, argv, body):
    with FaultServer(body=body) as fault:
        result = run([*argv, "--endpoint-url", fault.endpoint], environ(tmp_path))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


def test_empty_body_where_the_output_requires_members_is_unreadable(tmp_path):
    # kinesis describe-stream's output requires StreamDescription.
    with FaultServer(body=b"") as fault:
        result = run(["kinesis", "describe-stream", "--stream-name", "s",
                      "--endpoint-url", fault.endpoint], environ(tmp_path))
    assert_one_line(result, "could not be read", "empty body", "StreamDescription")


ERROR_PAGES = [
    # (id, server, argv, the one line after "An error occurred ")
    ("json-502-html", dict(status=502, body=b"<html><body>Bad Gateway</body></html>",
                           content_type="text/html"), POOLS,
     "(502) when calling the ListUserPools operation: Bad Gateway"),
    ("json-403-proxy-page", dict(status=403, body=HTML, content_type="text/html"), POOLS,
     "(403) when calling the ListUserPools operation: Forbidden"),
    ("xml-404-html", dict(status=404, body=HTML, content_type="text/html"), CALLER,
     "(404) when calling the GetCallerIdentity operation: Not Found"),
    ("xml-400-not-xml", dict(status=400, body=b'{"message": "no"}'), CALLER,
     "(400) when calling the GetCallerIdentity operation: Bad Request"),
    ("json-400-modeled", dict(status=400, body=b'{"__type": "ResourceNotFoundException", '
                                                b'"message": "no pool"}'), POOLS,
     "(ResourceNotFoundException) when calling the ListUserPools operation: no pool"),
]


@pytest.mark.parametrize("server,argv,line", [c[1:] for c in ERROR_PAGES],
                         ids=[c[0] for c in ERROR_PAGES])
def test_error_pages_are_one_service_error_line(tmp_path, server, argv, line):
    with FaultServer(**server) as fault:
        result = run([*argv, "--endpoint-url", fault.endpoint], environ(tmp_path))
    lines = [text for text in result.stderr.splitlines() if text.strip()]
    assert result.exit_code == 254
    assert [text.replace(" (reached max retries: 0)", "") for text in lines] == [
        "aws: [ERROR]: An error occurred " + line]


@pytest.mark.parametrize("fault,phrase", [
    ("reset", "Connection was closed"),
    ("close", "Connection was closed"),
    ("chunked-short", "Connection was closed"),
    ("garbage", "Connection was closed"),
    ("hang", "Read timeout"),
    ("stall", "Read timeout"),
])
def test_connection_faults_are_one_line(tmp_path, fault, phrase):
    with FaultServer(fault, body=JSON, cut=20) as server:
        result = run([*POOLS, "--cli-read-timeout", "1", "--endpoint-url", server.endpoint],
                     environ(tmp_path))
    assert_one_line(result, phrase)


def test_real_process_cut_short(tmp_path):
    with FaultServer("short", body=JSON, cut=30) as fault:
        result = run_process([*POOLS, "--endpoint-url", fault.endpoint], environ(tmp_path))
    assert_one_line(result, "could not be read", "after 30 of 105 bytes")


def test_debug_log_still_shows_the_unreadable_body(tmp_path):
    with FaultServer("short", body=JSON, cut=30) as fault:
        result = run([*POOLS, "--debug", "--endpoint-url", fault.endpoint], environ(tmp_path))
    assert result.exit_code == 255
    assert "Response body:" in result.stderr
    assert result.stderr.rstrip().splitlines()[-1].startswith("aws: [ERROR]: The response")


# -- the checked JSON parser gives botocore's result ---------------------------------------

MODEL = {
    "metadata": {"protocol": "json", "apiVersion": "2020-01-01", "jsonVersion": "1.1",
                 "targetPrefix": "T", "serviceId": "T", "endpointPrefix": "t"},
    "operations": {"Op": {"name": "Op", "http": {"method": "POST", "requestUri": "/"},
                          "output": {"shape": "Out"}}},
    "shapes": {
        "Out": {"type": "structure", "members": {
            "Items": {"shape": "ItemList"}, "Renamed": {"shape": "S", "locationName": "wire"},
            "Tags": {"shape": "TagMap"}, "When": {"shape": "T"}, "Data": {"shape": "B"},
            "Doc": {"shape": "D"}, "Choice": {"shape": "U"}, "Nested": {"shape": "Grid"}}},
        "ItemList": {"type": "list", "member": {"shape": "Item"}},
        "Item": {"type": "structure", "members": {"Name": {"shape": "S"}, "N": {"shape": "I"}}},
        "TagMap": {"type": "map", "key": {"shape": "S"}, "value": {"shape": "Item"}},
        "Grid": {"type": "list", "member": {"shape": "Row"}},
        "Row": {"type": "list", "member": {"shape": "I"}},
        "U": {"type": "structure", "union": True,
              "members": {"A": {"shape": "S"}, "B": {"shape": "I"}}},
        "S": {"type": "string"}, "I": {"type": "integer"}, "T": {"type": "timestamp"},
        "B": {"type": "blob"}, "D": {"type": "structure", "members": {}, "document": True},
    },
}

BODIES = [
    b'{"Items": [{"Name": "a", "N": 1, "Extra": 2}, null, {"Name": "b"}], "wire": "r",'
    b' "Renamed": "ignored", "Tags": {"z": {"Name": "z"}, "a": {"N": 3}}, "When": 1700000000.5,'
    b' "Data": "aGVsbG8=", "Doc": {"any": [1, {"x": null}]}, "Choice": {"B": 2},'
    b' "Nested": [[1, 2], [], [3]], "Unknown": {"deep": [1]}}',
    b'{"Choice": {"NewMember": 1}}',
    b'{"Items": null, "Tags": {}, "Nested": [null, [null]]}',
]


@pytest.mark.parametrize("body", BODIES)
def test_checked_json_parser_matches_botocore(body):
    from botocore.model import ServiceModel
    from botocore.parsers import JSONParser

    from cli.responses import parser_class

    shape = ServiceModel(copy.deepcopy(MODEL)).operation_model("Op").output_shape
    response = {"status_code": 200, "headers": {"content-length": str(len(body))}, "body": body,
                "context": {"operation_name": "Op"}}
    expected = JSONParser().parse(dict(response), shape)
    assert parser_class("json")().parse(dict(response), shape) == expected


def test_streamed_body_cut_short(tmp_path):
    with FaultServer("short", body=b"0123456789" * 100, cut=50,
                     content_type="application/octet-stream") as fault:
        result = run(["s3api", "get-object", "--bucket", "b", "--key", "k",
                      str(tmp_path / "out.bin"), "--endpoint-url", fault.endpoint],
                     environ(tmp_path))
    assert_one_line(result, "could not be read", "after 50 of 1000 bytes")
