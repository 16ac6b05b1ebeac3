"""--generate-cli-skeleton json-schema: valid draft 2020-12 schemas that accept real inputs."""

from __future__ import annotations

import os

import pytest
from jsonschema import Draft202012Validator

import skeleton
from cli.catalog import Catalog


@pytest.fixture(scope="module")
def catalog():
    return Catalog(os.environ)


def schema_of(catalog, command, cli_name):
    return skeleton.generate(catalog.operation(command, cli_name), "json-schema")


def test_every_cognito_idp_schema_is_a_valid_schema(catalog):
    service = catalog.service_name("cognito-idp")
    for cli_name in catalog.operation_names(service):
        Draft202012Validator.check_schema(schema_of(catalog, "cognito-idp", cli_name))


@pytest.mark.parametrize("command,cli_name", [
    ("dynamodb", "put-item"),  # recursive AttributeValue
    ("wafv2", "create-rule-group"),  # deeply recursive statements
    ("ec2", "run-instances"),
    ("lambda", "update-function-configuration"),
    ("sts", "get-caller-identity"),  # no input members
    ("s3api", "put-object"),  # blob body, headers
    ("cloudtrail", "lookup-events"),  # timestamps
])
def test_schemas_of_other_services_are_valid(catalog, command, cli_name):
    Draft202012Validator.check_schema(schema_of(catalog, command, cli_name))


def test_schema_shape(catalog):
    schema = schema_of(catalog, "cognito-idp", "admin-create-user")
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"] == "cognito-idp admin-create-user"
    assert schema["type"] == "object"
    assert schema["required"] == ["UserPoolId", "Username"]
    assert schema["additionalProperties"] is False
    pool = schema["properties"]["UserPoolId"]
    assert pool["type"] == "string"
    assert pool["minLength"] == 1 and pool["maxLength"] == 55
    assert "pattern" in pool
    assert pool["description"].startswith("The ID of the user pool")
    assert "<" not in pool["description"]
    assert schema["properties"]["MessageAction"]["enum"] == ["RESEND", "SUPPRESS"]
    attributes = schema["properties"]["UserAttributes"]
    assert attributes["type"] == "array"
    assert attributes["items"]["$ref"] == "#/$defs/AttributeType"
    assert schema["$defs"]["AttributeType"]["required"] == ["Name"]
    metadata = schema["properties"]["ClientMetadata"]
    assert metadata["type"] == "object"
    assert metadata["additionalProperties"]["type"] == "string"


def test_recursive_shapes_go_through_defs(catalog):
    schema = schema_of(catalog, "dynamodb", "put-item")
    value = schema["$defs"]["AttributeValue"]
    assert value["properties"]["M"]["additionalProperties"]["$ref"] == "#/$defs/AttributeValue"
    assert value["properties"]["L"]["items"]["$ref"] == "#/$defs/AttributeValue"


def test_numbers_have_their_ranges(catalog):
    schema = schema_of(catalog, "cognito-idp", "list-users")
    assert schema["properties"]["Limit"] == {
        "type": "integer", "minimum": 0, "maximum": 60,
        "description": schema["properties"]["Limit"]["description"],
    }


VALID = [
    ("cognito-idp", "admin-confirm-sign-up",
     {"UserPoolId": "us-west-2_bbbbbbbbb", "Username": "from-json", "ClientMetadata": {"k": "v"}}),
    ("cognito-idp", "admin-create-user",
     {"UserPoolId": "p_1", "Username": "u", "UserAttributes": [{"Name": "email", "Value": "e@x"}],
      "DesiredDeliveryMediums": ["EMAIL"], "MessageAction": "SUPPRESS"}),
    ("iam", "create-user", {"UserName": "bob", "Path": "/x/", "Tags": [{"Key": "a", "Value": "b"}]}),
    ("cloudtrail", "lookup-events", {"StartTime": "2024-01-02T03:04:05Z", "EndTime": 1700000000}),
    ("dynamodb", "put-item",
     {"TableName": "tbl", "Item": {"a": {"S": "x"}, "b": {"M": {"c": {"N": "1"}}},
                                   "l": {"L": [{"BOOL": True}, {"NULL": True}]}}}),
    ("kms", "encrypt", {"KeyId": "alias/k", "Plaintext": "aGk="}),
    ("sts", "get-caller-identity", {}),
]


@pytest.mark.parametrize("command,cli_name,instance", VALID)
def test_real_inputs_are_valid(catalog, command, cli_name, instance):
    Draft202012Validator(schema_of(catalog, command, cli_name)).validate(instance)


INVALID = [
    ("cognito-idp", "admin-confirm-sign-up", {"UserPoolId": "p_1", "Username": "u", "Bogus": 1},
     "Additional properties are not allowed"),
    ("cognito-idp", "admin-confirm-sign-up", {"UserPoolId": "p_1"}, "'Username' is a required property"),
    ("cognito-idp", "admin-confirm-sign-up", {"UserPoolId": "p_1", "Username": 123}, "is not of type 'string'"),
    ("cognito-idp", "admin-confirm-sign-up", {"UserPoolId": "p_1", "Username": "u", "ClientMetadata": None},
     "is not of type 'object'"),
    ("cognito-idp", "admin-create-user", {"UserPoolId": "p_1", "Username": "u", "MessageAction": "LOUD"},
     "is not one of"),
    ("cognito-idp", "admin-confirm-sign-up", {"UserPoolId": "", "Username": "u"}, "should be non-empty"),
    ("cognito-idp", "list-users", {"UserPoolId": "p_1", "Limit": 61}, "is greater than the maximum"),
    ("dynamodb", "put-item", {"TableName": "tbl", "Item": {"a": {"SS": "x"}}}, "is not of type 'array'"),
    ("dynamodb", "put-item", {"TableName": "tbl", "Item": {"a": {"M": {"b": {"Q": 1}}}}},
     "Additional properties are not allowed"),
]


@pytest.mark.parametrize("command,cli_name,instance,message", INVALID)
def test_bad_inputs_are_invalid(catalog, command, cli_name, instance, message):
    import re

    errors = list(Draft202012Validator(schema_of(catalog, command, cli_name)).iter_errors(instance))
    assert errors
    assert any(re.search(message, error.message) for error in errors), [e.message for e in errors]


def test_a_union_takes_exactly_one_member(catalog):
    schema = schema_of(catalog, "accessanalyzer", "create-access-preview")
    configuration = schema["$defs"]["Configuration"]
    assert configuration["minProperties"] == 1 and configuration["maxProperties"] == 1
    validator = Draft202012Validator(schema)
    base = {"analyzerArn": "arn:aws:access-analyzer:us-west-2:123456789012:analyzer/a"}
    one = {"c": {"kmsKey": {}}}
    two = {"c": {"kmsKey": {}, "iamRole": {}}}
    assert validator.is_valid({**base, "configurations": one})
    assert not validator.is_valid({**base, "configurations": two})
