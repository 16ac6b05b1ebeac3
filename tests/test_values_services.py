"""cli.values.parameter_value for services and shapes the public goldens do not cover.

Each expected value is what AWS CLI v2 (awscli/argprocess.py, shorthand.py's
BackCompatVisitor, paramfile.py, customizations/binaryformat.py) hands to
botocore for the same argv; where v2 hands botocore something its validator
rejects, the same value is expected here so the same validation error follows.
"""

import pytest

from cli.errors import ParamError
from cli.values import parameter_value
from tests.test_values import param

METRIC_DATA = ("cloudwatch", "put-metric-data", "metric-data")
TAG_SPECS = ("ec2", "run-instances", "tag-specifications")
EAV = ("dynamodb", "query", "expression-attribute-values")
KEY = ("dynamodb", "get-item", "key")
SQS_ATTRS = ("sqs", "set-queue-attributes", "attributes")
SNS_ATTRS = ("sns", "publish", "message-attributes")
LAMBDA_ENV = ("lambda", "update-function-configuration", "environment")
PATCH = ("apigateway", "update-rest-api", "patch-operations")
CHANGE_BATCH = ("route53", "change-resource-record-sets", "change-batch")
ECS_NET = ("ecs", "run-task", "network-configuration")
ECS_OVERRIDES = ("ecs", "run-task", "overrides")
ENTRIES = ("events", "put-events", "entries")
TAGGING = ("s3api", "put-bucket-tagging", "tagging")
BUCKET_CONFIG = ("s3api", "create-bucket", "create-bucket-configuration")
ACTIONS = ("elbv2", "create-listener", "default-actions")
NEPTUNE_PARAMS = ("neptune-graph", "execute-query", "parameters")
MODEL_FIELDS = ("bedrock-runtime", "converse", "additional-model-request-fields")
TOOL_CONFIG = ("bedrock-runtime", "converse", "tool-config")
VERSIONS = ("pinpoint-sms-voice-v2", "describe-registration-versions", "version-numbers")
POSITION = ("location", "calculate-route", "departure-position")
POLICY_DOC = ("iam", "create-policy", "policy-document")

VALUE_CASES = [
    # A value wrapped into a list ("Values=1" for a list of doubles) stays
    # text, as v2's BackCompatVisitor leaves it; the validator then rejects it.
    (METRIC_DATA, ["MetricName=m,Values=1"], [{"MetricName": "m", "Values": ["1"]}]),
    (METRIC_DATA, ["MetricName=m,Values=1,2.5,Value=3,Timestamp=2024-01-02T03:04:05Z"],
     [{"MetricName": "m", "Values": [1.0, 2.5], "Value": 3.0,
       "Timestamp": "2024-01-02T03:04:05Z"}]),
    (METRIC_DATA, ["MetricName=m,Values=[1]", "MetricName=n,Counts=[2,3]"],
     [{"MetricName": "m", "Values": [1.0]}, {"MetricName": "n", "Counts": [2.0, 3.0]}]),
    (METRIC_DATA, ["MetricName=m,Dimensions=[{Name=a,Value=b}],StorageResolution=1"],
     [{"MetricName": "m", "Dimensions": [{"Name": "a", "Value": "b"}], "StorageResolution": 1}]),
    # ...and so does a hash wrapped into a list: nothing inside it is typed.
    (ACTIONS, ["Type=forward,ForwardConfig={TargetGroups={TargetGroupArn=a,Weight=1}}"],
     [{"Type": "forward", "ForwardConfig": {"TargetGroups": [{"TargetGroupArn": "a",
                                                               "Weight": "1"}]}}]),
    (ACTIONS, ["Type=forward,ForwardConfig={TargetGroups=[{TargetGroupArn=a,Weight=1}]}"],
     [{"Type": "forward", "ForwardConfig": {"TargetGroups": [{"TargetGroupArn": "a",
                                                               "Weight": 1}]}}]),
    (TAG_SPECS, ["ResourceType=instance,Tags=[{Key=a,Value=b},{Key=c,Value=d}]"],
     [{"ResourceType": "instance", "Tags": [{"Key": "a", "Value": "b"},
                                            {"Key": "c", "Value": "d"}]}]),
    (TAG_SPECS, ["ResourceType=volume,Tags={Key=a,Value=b}"],
     [{"ResourceType": "volume", "Tags": [{"Key": "a", "Value": "b"}]}]),
    (EAV, ":v={S=x},:n={N=2},:l={L=[{S=a},{N=1}]},:b={BOOL=false}",
     {":v": {"S": "x"}, ":n": {"N": "2"}, ":l": {"L": [{"S": "a"}, {"N": "1"}]},
      ":b": {"BOOL": False}}),
    (EAV, '{":v": {"S": "x"}}', {":v": {"S": "x"}}),
    (KEY, "id={S=1},sk={N=2}", {"id": {"S": "1"}, "sk": {"N": "2"}}),
    (SQS_ATTRS, "VisibilityTimeout=30,DelaySeconds=0",
     {"VisibilityTimeout": "30", "DelaySeconds": "0"}),
    (SNS_ATTRS, "a={DataType=String,StringValue=x},b={DataType=Binary,BinaryValue=aGk=}",
     {"a": {"DataType": "String", "StringValue": "x"},
      "b": {"DataType": "Binary", "BinaryValue": b"hi"}}),
    (LAMBDA_ENV, "Variables={KEY1=v1,KEY2=v2}", {"Variables": {"KEY1": "v1", "KEY2": "v2"}}),
    (PATCH, ["op=replace,path=/name,value=new"],
     [{"op": "replace", "path": "/name", "value": "new"}]),
    (PATCH, ["op=replace,path=/a,value=1", "op=remove,path=/b"],
     [{"op": "replace", "path": "/a", "value": "1"}, {"op": "remove", "path": "/b"}]),
    (CHANGE_BATCH,
     "Changes=[{Action=UPSERT,ResourceRecordSet={Name=a.example.com,Type=A,TTL=300,"
     "ResourceRecords=[{Value=1.2.3.4}]}}]",
     {"Changes": [{"Action": "UPSERT", "ResourceRecordSet": {
         "Name": "a.example.com", "Type": "A", "TTL": 300,
         "ResourceRecords": [{"Value": "1.2.3.4"}]}}]}),
    (ECS_NET, "awsvpcConfiguration={subnets=[s1,s2],securityGroups=sg1,assignPublicIp=ENABLED}",
     {"awsvpcConfiguration": {"subnets": ["s1", "s2"], "securityGroups": ["sg1"],
                              "assignPublicIp": "ENABLED"}}),
    (ECS_OVERRIDES, "containerOverrides=[{name=c,command=[a,b],memory=512,cpu=256}]",
     {"containerOverrides": [{"name": "c", "command": ["a", "b"], "memory": 512, "cpu": 256}]}),
    (ENTRIES, ["Source=a,DetailType=b,Detail='{\"k\": 1}',Resources=arn:x,arn:y"],
     [{"Source": "a", "DetailType": "b", "Detail": '{"k": 1}', "Resources": ["arn:x", "arn:y"]}]),
    (TAGGING, "TagSet=[{Key=a,Value=b}]", {"TagSet": [{"Key": "a", "Value": "b"}]}),
    (BUCKET_CONFIG, "LocationConstraint=eu-west-1", {"LocationConstraint": "eu-west-1"}),
    # Maps and lists of documents take JSON only, never shorthand.
    (NEPTUNE_PARAMS, '{"a": 1, "b": [true]}', {"a": 1, "b": [True]}),
    (MODEL_FIELDS, '{"top_k": 5}', {"top_k": 5}),
    (MODEL_FIELDS, "5", 5),
    # A document inside a structure given as shorthand keeps the parsed text.
    (TOOL_CONFIG, "tools=[{toolSpec={name=t,inputSchema={json={type=object,n=1}}}}]",
     {"tools": [{"toolSpec": {"name": "t", "inputSchema": {"json": {"type": "object",
                                                                      "n": "1"}}}}]}),
    (VERSIONS, ["1", "2"], [1, 2]),
    (POSITION, ["-123.1", "49.2"], [-123.1, 49.2]),
    (POLICY_DOC, '{"Version": "2012-10-17"}', '{"Version": "2012-10-17"}'),
]


@pytest.mark.parametrize("where, raw, expected", VALUE_CASES,
                         ids=[f"{c[0][2]}:{c[1]}" for c in VALUE_CASES])
def test_parameter_value(where, raw, expected):
    assert parameter_value(param(*where), raw) == expected


ERROR_CASES = [
    (NEPTUNE_PARAMS, "a=b", "Invalid JSON:\na=b"),
    (MODEL_FIELDS, "top_k=5",
     "Invalid JSON: Expecting value: line 1 column 1 (char 0)\nJSON received: top_k=5"),
    # v2 names the first argv value, whichever element failed.
    (VERSIONS, ["1", "x"], "1"),
    (VERSIONS, ["x"], "x"),
    (POSITION, ["1.5", "north"], "1.5"),
    # "}" may start a bare value, so "Value=}" eats the brace that should close.
    (TAG_SPECS, ["Tags=[{Key=c,Value=}]"],
     "Expected: ',', received: ']' for input:\n Tags=[{Key=c,Value=}]\n                    ^"),
]


@pytest.mark.parametrize("where, raw, detail", ERROR_CASES,
                         ids=[f"{c[0][2]}:{c[1]}" for c in ERROR_CASES])
def test_parameter_value_errors(where, raw, detail):
    with pytest.raises(ParamError) as info:
        parameter_value(param(*where), raw)
    assert info.value.exit_code == 252
    assert info.value.detail == detail


FILES = {
    "names.txt": "/a",
    "attrs.txt": "Name=email,Value=x",
    "attrs.json": '[{"Name": "email", "Value": "x"}]',
    "attr.json": '{"Name": "email", "Value": "x"}',
    "versions.txt": "12",
    "policy.json": '{"Version": "2012-10-17"}\n',
    "item.json": '{"a": {"M": {"b": {"L": [{"N": "1"}, {"B": "aGk="}]}}}}',
}

ATTRS = ("cognito-idp", "admin-create-user", "user-attributes")
NAMES = ("ssm", "get-parameters", "names")

# A file read for a list parameter is one string, not one argv value: v2
# walks a list of scalars over its characters, and parses shorthand into one
# structure that is not wrapped into a list (the validator then rejects it).
FILE_CASES = [
    (NAMES, ["file://names.txt"], ["/", "a"]),
    (VERSIONS, ["file://versions.txt"], [1, 2]),
    (ATTRS, ["file://attrs.txt"], {"Name": "email", "Value": "x"}),
    (ATTRS, ["file://attrs.json"], [{"Name": "email", "Value": "x"}]),
    (POLICY_DOC, "file://policy.json", '{"Version": "2012-10-17"}\n'),
    (("dynamodb", "put-item", "item"), "file://item.json",
     {"a": {"M": {"b": {"L": [{"N": "1"}, {"B": b"hi"}]}}}}),
]


@pytest.fixture
def files(tmp_path, monkeypatch):
    for name, text in FILES.items():
        (tmp_path / name).write_text(text)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("where, raw, expected", FILE_CASES,
                         ids=[f"{c[0][2]}:{c[1]}" for c in FILE_CASES])
def test_parameter_value_from_files(files, where, raw, expected):
    assert parameter_value(param(*where), raw) == expected


def test_json_object_file_for_a_list_fails_on_its_first_character(files):
    with pytest.raises(ParamError) as info:
        parameter_value(param(*ATTRS), ["file://attr.json"])
    assert info.value.detail == (
        "Invalid JSON: Expecting property name enclosed in double quotes: line 1 column 2 "
        "(char 1)\nJSON received: {")


# v2 keys its no-paramfile list by endpoint prefix: commands sharing one
# (neptune and docdb with rds, sesv2 with ses) keep the file:// text too.
@pytest.mark.parametrize("command, operation, name", [
    ("neptune", "create-db-cluster", "pre-signed-url"),
    ("docdb", "copy-db-cluster-snapshot", "pre-signed-url"),
    ("sesv2", "put-account-details", "website-url"),
    ("apigatewayv2", "update-integration", "integration-uri"),
])
def test_uri_parameters_keep_file_text(files, command, operation, name):
    value = parameter_value(param(command, operation, name), "file://names.txt",
                            command=(command, operation))
    assert value == "file://names.txt"
