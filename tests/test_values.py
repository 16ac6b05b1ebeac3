"""cli.values.parameter_value on real parameters from the catalog.

Expected values are what AWS CLI v2 sent in the conformance goldens
(golden/public/{shorthand,paramfile,scalars}.jsonl).
"""

import os

import pytest

from cli.catalog import Catalog
from cli.errors import ParamError, UsageError
from cli.values import encode_blobs, parameter_value

_catalog = None


def param(command, operation, name):
    global _catalog
    if _catalog is None:
        _catalog = Catalog(os.environ)
    for p in _catalog.operation(command, operation).parameters():
        if p.name == name:
            return p
    raise KeyError(name)


META = ("cognito-idp", "admin-confirm-sign-up", "client-metadata")
ATTRS = ("cognito-idp", "admin-create-user", "user-attributes")
ITEM = ("dynamodb", "put-item", "item")
PLAINTEXT = ("kms", "encrypt", "plaintext")
NAMES = ("ssm", "get-parameters", "names")
CAPACITY = ("glue", "start-job-run", "max-capacity")
SSM_PARAMS = ("ssm", "send-command", "parameters")
OBJECT_CONFIG = ("appintegrations", "create-data-integration-association", "object-configuration")

VALUE_CASES = [
    (META, "foo=bar,baz=qux", {}, {"foo": "bar", "baz": "qux"}),
    (META, "foo=a,b=with trailing space  ", {}, {"foo": "a", "b": "with trailing space"}),
    (META, '{"a": "1", "b": "x=y"}', {}, {"a": "1", "b": "x=y"}),
    (META, '   {"a": "1"}', {}, {"a": "1"}),
    (META, '{"a": "1", "a": "2"}', {}, {"a": "2"}),
    (SSM_PARAMS, "foo=a,b,bar=[c,d]", {}, {"foo": ["a", "b"], "bar": ["c", "d"]}),
    (SSM_PARAMS, "foo=bar", {}, {"foo": ["bar"]}),
    (OBJECT_CONFIG, "Name={foo=bar,baz=qux}", {}, {"Name": {"foo": ["bar"], "baz": ["qux"]}}),
    (ATTRS, ["Name=email,Value=jane@example.com", "Name=name,Value=Jane Doe"], {},
     [{"Name": "email", "Value": "jane@example.com"}, {"Name": "name", "Value": "Jane Doe"}]),
    (ATTRS, ["Name=name,Value='Doe, Jane'"], {}, [{"Name": "name", "Value": "Doe, Jane"}]),
    (ATTRS, ['[{"Name": "email", "Value": "a@b.c"}]'], {}, [{"Name": "email", "Value": "a@b.c"}]),
    (ATTRS, ['{"Name": "a", "Value": "1"}', '{"Name": "b", "Value": "2"}'], {},
     [{"Name": "a", "Value": "1"}, {"Name": "b", "Value": "2"}]),
    (ITEM, "Artist={S=Acme},Year={N=2015}", {}, {"Artist": {"S": "Acme"}, "Year": {"N": "2015"}}),
    (ITEM, "a={BOOL=true},b={NULL=true},c={BOOL=False}", {},
     {"a": {"BOOL": True}, "b": {"NULL": True}, "c": {"BOOL": False}}),
    (ITEM, "a={B=aGVsbG8=}", {}, {"a": {"B": b"hello"}}),
    (ITEM, "a={B=hello}", {"binary_format": "raw-in-base64-out"}, {"a": {"B": b"hello"}}),
    (PLAINTEXT, "aGVsbG8gd29ybGQ=", {}, b"hello world"),
    (PLAINTEXT, "hello world", {"binary_format": "raw-in-base64-out"}, b"hello world"),
    (NAMES, ["/a", "/b", "/c"], {}, ["/a", "/b", "/c"]),
    (NAMES, ["a,b"], {}, ["a,b"]),
    (NAMES, ['["a", "b"]'], {}, ["a", "b"]),
    (CAPACITY, "2.5", {}, 2.5),
    (CAPACITY, "3", {}, 3.0),
    (("cognito-idp", "list-users", "limit"), "+007", {}, 7),
    (("cognito-idp", "list-users", "limit"), "99999999999999999999", {}, 99999999999999999999),
    (("logs", "get-log-events", "start-time"), "1700000000000", {}, 1700000000000),
    (("cloudwatch", "get-metric-statistics", "start-time"), "2024-01-02T03:04:05Z", {},
     "2024-01-02T03:04:05Z"),
    (("cognito-idp", "admin-get-device", "username"), "j\u00f6rg\u2713\U0001F600", {},
     "j\u00f6rg\u2713\U0001F600"),
    (("ec2", "modify-instance-attribute", "instance-initiated-shutdown-behavior"), "stop", {},
     {"Value": "stop"}),
    (("elb", "register-instances-with-load-balancer", "instances"), ["i-1", "i-2"],
     {"command": ("elb", "register-instances-with-load-balancer")},
     [{"InstanceId": "i-1"}, {"InstanceId": "i-2"}]),
    (("ec2", "run-instances", "block-device-mappings"),
     ["DeviceName=/dev/sda1,Ebs={VolumeSize=20,DeleteOnTermination=true,VolumeType=gp3}"], {},
     [{"DeviceName": "/dev/sda1",
       "Ebs": {"VolumeSize": 20, "DeleteOnTermination": True, "VolumeType": "gp3"}}]),
    (("ec2", "describe-instances", "filters"),
     ["Name=tag:Env,Values=prod,dev", "Name=instance-state-name,Values=running"], {},
     [{"Name": "tag:Env", "Values": ["prod", "dev"]},
      {"Name": "instance-state-name", "Values": ["running"]}]),
    (("application-autoscaling", "put-scaling-policy",
      "target-tracking-scaling-policy-configuration"),
     "TargetValue=75.5,ScaleInCooldown=60,DisableScaleIn=false", {},
     {"TargetValue": 75.5, "ScaleInCooldown": 60, "DisableScaleIn": False}),
    # strings are never JSON
    (("cognito-idp", "admin-confirm-sign-up", "user-pool-id"), "{x}", {}, "{x}"),
    (("route53", "change-tags-for-resource", "resource-id"), "[a]", {}, "[a]"),
]


@pytest.mark.parametrize("where, raw, kwargs, expected", VALUE_CASES,
                         ids=[f"{c[0][2]}:{c[1]}" for c in VALUE_CASES])
def test_parameter_value(where, raw, kwargs, expected):
    assert parameter_value(param(*where), raw, **kwargs) == expected


USAGE = "usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]"

ERROR_CASES = [
    (CAPACITY, "lots", UsageError, "argument --max-capacity: invalid float value: 'lots'"),
    (("cognito-idp", "list-users", "limit"), "abc", UsageError,
     "argument --limit: invalid int value: 'abc'"),
    (CAPACITY, "1.2.3", UsageError,
     "argument --max-capacity: invalid float value: '1.2.3'"),
    (PLAINTEXT, "hello", ParamError, "Error parsing parameter '--plaintext': Invalid base64: \"hello\""),
    (META, '{"a": }', ParamError,
     "Error parsing parameter '--client-metadata': Invalid JSON: Expecting value: line 1 column 7 "
     "(char 6)\nJSON received: {\"a\": }"),
    (META, "{foo=bar}", ParamError,
     "Error parsing parameter '--client-metadata': Invalid JSON: Expecting property name enclosed "
     "in double quotes: line 1 column 2 (char 1)\nJSON received: {foo=bar}"),
    (META, "foo", ParamError,
     "Error parsing parameter '--client-metadata': Expected: '=', received: 'EOF' for input:\n"
     " foo\n   ^"),
    (META, "foo=bar,foo=qux", ParamError,
     "Error parsing parameter '--client-metadata': Second instance of key \"foo\" encountered for "
     "input:\nfoo=bar,foo=qux\n        ^\nThis is often because there is a preceding \",\" "
     "instead of a space."),
    (SSM_PARAMS, "commands=[ls,pwd", ParamError,
     "Error parsing parameter '--parameters': Expected: ',', received: 'EOF' for input:\n"
     " commands=[ls,pwd\n                ^"),
    (META, "file://nope.json", ParamError,
     "Error parsing parameter '--client-metadata': Unable to load paramfile file://nope.json: "
     "[Errno 2] No such file or directory: 'nope.json'"),
    (META, "foo@=file://missing.txt", ParamError,
     "Error parsing parameter '--client-metadata': Unable to load paramfile file://missing.txt: "
     "[Errno 2] No such file or directory: 'missing.txt'"),
    (("ec2", "run-instances", "block-device-mappings"), ["DeviceName=/dev/sda1,Ebs={VolumeSize=abc}"],
     ParamError,
     "Error parsing parameter '--block-device-mappings': Invalid value for parameter "
     "BlockDeviceMappings[0].Ebs.VolumeSize, value: 'abc', expected: integer"),
]


@pytest.mark.parametrize("where, raw, error, message", ERROR_CASES,
                         ids=[f"{c[0][2]}:{c[1]}" for c in ERROR_CASES])
def test_parameter_value_errors(where, raw, error, message, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(error) as info:
        parameter_value(param(*where), raw)
    assert info.value.exit_code == 252
    assert info.value.message == message
    assert ("\n" + USAGE in info.value.render()) == (error is UsageError)


FILES = {
    "meta.json": '{"source": "harness", "nested": "x=y,z"}',
    "meta.txt": "foo=bar,baz=qux",
    "user.txt": "jane\n",
    "val.txt": "contents",
    "nl.txt": "line1\nline2\n",
    "names.json": '["/a", "/b"]',
    "bad.json": '{"a": }',
}
BINARY = {"data.bin": b"\x00\x01\x02\xfe\xff", "latin1.txt": b"caf\xe9\xff"}

FILE_CASES = [
    (META, "file://meta.json", {}, {"source": "harness", "nested": "x=y,z"}),
    (META, "file://./meta.json", {}, {"source": "harness", "nested": "x=y,z"}),
    (META, "file://meta.txt", {}, {"foo": "bar", "baz": "qux"}),
    (META, "foo@=file://val.txt", {}, {"foo": "contents"}),
    (META, "foo@=file://nl.txt,bar=x", {}, {"foo": "line1\nline2\n", "bar": "x"}),
    (META, "foo=file://val.txt", {}, {"foo": "file://val.txt"}),
    (OBJECT_CONFIG, "Bar={Baz@=file://val.txt}", {}, {"Bar": {"Baz": ["contents"]}}),
    (OBJECT_CONFIG, "Bar@={Baz=file://val.txt}", {}, {"Bar": {"Baz": ["file://val.txt"]}}),
    (("cognito-idp", "admin-get-user", "username"), "file://user.txt", {}, "jane\n"),
    (("cognito-idp", "admin-get-user", "username"), "fileb://user.txt", {}, b"jane\n"),
    (PLAINTEXT, "fileb://data.bin", {}, b"\x00\x01\x02\xfe\xff"),
    (PLAINTEXT, "file://user.txt", {"binary_format": "raw-in-base64-out"}, b"jane\n"),
    (NAMES, ["file://names.json"], {}, ["/a", "/b"]),
    (NAMES, ["file://val.txt", "b"], {}, ["file://val.txt", "b"]),
    (("sqs", "send-message", "queue-url"), "file://val.txt",
     {"command": ("sqs", "send-message")}, "file://val.txt"),
]


@pytest.fixture
def files(tmp_path, monkeypatch):
    for name, text in FILES.items():
        (tmp_path / name).write_text(text)
    for name, data in BINARY.items():
        (tmp_path / name).write_bytes(data)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("where, raw, kwargs, expected", FILE_CASES,
                         ids=[f"{c[0][2]}:{c[1]}" for c in FILE_CASES])
def test_parameter_value_from_files(files, where, raw, kwargs, expected):
    assert parameter_value(param(*where), raw, **kwargs) == expected


def test_absolute_path(files):
    assert parameter_value(param(*META), f"file://{files}/meta.json")["source"] == "harness"


@pytest.mark.parametrize("where, raw, message", [
    (("cognito-idp", "admin-get-user", "username"), "file://latin1.txt",
     "Unable to load paramfile (latin1.txt), text contents could not be decoded.  If this is a "
     "binary file, please use the fileb:// prefix instead of the file:// prefix."),
    (META, "file://bad.json", 'Invalid JSON: Expecting value: line 1 column 7 (char 6)\n'
     'JSON received: {"a": }'),
])
def test_file_errors(files, where, raw, message):
    with pytest.raises(ParamError) as info:
        parameter_value(param(*where), raw)
    assert info.value.detail == message


def test_encode_blobs_for_cli_input():
    shape = param(*ITEM).shape
    value = {"a": {"B": "aGk=", "L": [{"B": "aGk="}], "S": "aGk="}}
    assert encode_blobs(value, shape, "base64") == {
        "a": {"B": b"hi", "L": [{"B": b"hi"}], "S": "aGk="}}
    assert encode_blobs(value, shape, "raw-in-base64-out")["a"]["B"] == b"aGk="
