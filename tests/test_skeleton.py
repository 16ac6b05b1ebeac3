"""--generate-cli-skeleton: v2's goldens byte for byte, samples, the YAML and JSON forms."""

from __future__ import annotations

import datetime
import json
import os

import pytest

import skeleton
from cli.catalog import Catalog

from tests.paths import CONFORMANCE, require_shared

require_shared()
CONFORMANCE = str(CONFORMANCE)
COGNITO_GOLDENS = os.path.join(CONFORMANCE, "skeletons", "cognito-idp.json")


@pytest.fixture(scope="module")
def catalog():
    return Catalog(os.environ)


def as_json(data) -> str:
    """How the engine prints a JSON skeleton: v2's 4-space JSON and a newline."""
    return json.dumps(data, indent=4) + "\n"


def printed(operation, kind: str) -> str:
    result = skeleton.generate(operation, kind)
    return result if kind == "yaml-input" else as_json(result)


# -- cognito-idp: all 153 operations, input and yaml-input, byte for byte ---


def _cognito_goldens():
    if not os.path.exists(COGNITO_GOLDENS):
        return []
    with open(COGNITO_GOLDENS) as f:
        goldens = json.load(f)
    return sorted((key, value["stdout"]) for key, value in goldens.items() if value["rc"] == 0)


@pytest.mark.skipif(not os.path.exists(COGNITO_GOLDENS), reason="conformance goldens not present")
def test_cognito_idp_skeletons_match_v2_byte_for_byte(catalog):
    mismatches = []
    goldens = _cognito_goldens()
    for key, expected in goldens:
        service, cli_name, kind = key.split(" ")
        if printed(catalog.operation(service, cli_name), kind) != expected:
            mismatches.append(key)
    assert len(goldens) == 306
    assert mismatches == []


# -- the public skeleton goldens of other services --------------------------

# Goldens recorded with AWS CLI v2's bundled models, which predate a few members
# of the installed botocore's: there the golden must be an ordered subset of ours.
MODEL_DRIFT = {
    "skeleton.lambda.update-function-configuration.input",
    "skeleton.wafv2.create-rule-group.input",
}


def _public_skeleton_cases():
    cases_path = os.path.join(CONFORMANCE, "cases", "public", "skeleton.jsonl")
    golden_path = os.path.join(CONFORMANCE, "golden", "public", "skeleton.jsonl")
    if not os.path.exists(golden_path):
        return []
    with open(cases_path) as f:
        cases = {case["id"]: case for case in map(json.loads, f)}
    result = []
    with open(golden_path) as f:
        for golden in map(json.loads, f):
            argv = cases[golden["id"]]["argv"]
            if golden["exit_code"] != 0 or "output" in argv:
                continue
            i = argv.index("--generate-cli-skeleton")
            kind = argv[i + 1] if i + 1 < len(argv) and not argv[i + 1].startswith("--") else "input"
            result.append(pytest.param(argv[0], argv[1], kind, golden["stdout"], id=golden["id"]))
    return result


def ordered_subset(small, big) -> bool:
    """Whether `small` is `big` with some structure members left out."""
    if isinstance(small, dict) and isinstance(big, dict):
        keys = iter(big)
        return all(key in keys for key in small) and all(
            ordered_subset(small[k], big[k]) for k in small
        )
    if isinstance(small, list) and isinstance(big, list):
        return len(small) == len(big) and all(map(ordered_subset, small, big))
    return small == big


@pytest.mark.parametrize("command,cli_name,kind,expected", _public_skeleton_cases())
def test_public_skeleton_goldens(catalog, request, command, cli_name, kind, expected):
    actual = printed(catalog.operation(command, cli_name), kind)
    if request.node.callspec.id in MODEL_DRIFT:
        assert ordered_subset(json.loads(expected), json.loads(actual))
    else:
        assert actual == expected


# -- output samples -----------------------------------------------------------


def test_output_sample_uses_member_and_shape_names(catalog):
    sample = skeleton.generate(catalog.operation("cognito-idp", "admin-get-user"), "output",
                               params={"UserPoolId": "p", "Username": "u"})
    assert list(sample) == [
        "Username", "UserAttributes", "UserCreateDate", "UserLastModifiedDate", "Enabled",
        "UserStatus", "MFAOptions", "PreferredMfaSetting", "UserMFASettingList",
    ]
    assert sample["Username"] == "Username"
    assert sample["UserAttributes"] == [{"Name": "Name", "Value": "Value"}]
    assert sample["UserCreateDate"] == datetime.datetime(1970, 1, 1)
    assert sample["Enabled"] is True
    assert sample["UserMFASettingList"] == ["StringType"]  # a list's element shape name


def test_output_sample_is_not_held_to_the_output_constraints(catalog):
    # v2 validates its own sample and rejects "Arn" (min length 20): aws/aws-cli#2337.
    sample = skeleton.generate(catalog.operation("sts", "get-caller-identity"), "output", params={})
    assert sample == {"UserId": "UserId", "Account": "Account", "Arn": "Arn"}


def test_operation_without_output_has_an_empty_sample(catalog):
    assert skeleton.generate(catalog.operation("cognito-idp", "admin-confirm-sign-up"), "output",
                             params={}) == {}


def test_operation_without_input_has_empty_skeletons(catalog):
    operation = catalog.operation("sts", "get-caller-identity")
    assert skeleton.generate(operation, "input") == {}
    assert skeleton.generate(operation, "yaml-input") == "{}\n"


def test_recursive_shapes_stop_at_the_second_visit(catalog):
    item = skeleton.generate(catalog.operation("dynamodb", "put-item"), "input")["Item"]["KeyName"]
    assert item["M"] == {"KeyName": {}}
    assert item["L"] == [{}]


def test_unknown_kind_is_a_programming_error(catalog):
    with pytest.raises(ValueError):
        skeleton.generate(catalog.operation("sts", "get-caller-identity"), "xml")


# (Every kind for every operation: tests/test_every_operation.py, one walk for the surface.)


# -- the YAML skeleton reads back as the JSON one ----------------------------------


@pytest.mark.parametrize("command,cli_name", [
    ("cognito-idp", "admin-create-user"),
    ("cognito-idp", "create-user-pool"),
    ("dynamodb", "query"),
    ("ssm", "send-command"),
    ("ec2", "run-instances"),
    ("wafv2", "create-web-acl"),
])
def test_yaml_input_reads_back_as_the_input_skeleton(catalog, command, cli_name):
    operation = catalog.operation(command, cli_name)
    loaded = skeleton.load_cli_input(skeleton.generate(operation, "yaml-input"), "yaml")
    expected = skeleton.generate(operation, "input")

    def normalise(value):
        # YAML has real binary and timestamp values where JSON has null and text.
        if isinstance(value, dict):
            return {k: normalise(v) for k, v in value.items()}
        if isinstance(value, list):
            return [normalise(v) for v in value]
        if value == b"":
            return None
        if isinstance(value, datetime.datetime):
            return value.isoformat()
        return value

    assert normalise(loaded) == expected


# -- YAML scalars: quoted exactly when YAML 1.2 would misread them ------------------

from skeleton.yaml_input import _string  # noqa: E402

SCALARS = [
    ("RESEND", "RESEND"),
    ("", "''"),
    ("NULL", "'NULL'"),
    ("null", "'null'"),
    ("true", "'true'"),
    ("yes", "yes"),  # a string in YAML 1.2
    ("ON", "ON"),
    ("0.5", "'0.5'"),
    ("118", "'118'"),
    ("1h", "1h"),
    ("2012-10-17", "'2012-10-17'"),
    ("AWS::EC2::Instance", "AWS::EC2::Instance"),
    ("AWS Fargate", "AWS Fargate"),
    ("*Other", "'*Other'"),
    ("key: value", "'key: value'"),
    ("a #b", "'a #b'"),
    ("- x", "'- x'"),
    ("it's", "it's"),
    ("'quoted'", "'''quoted'''"),
    ("line\nbreak", '"line\\nbreak"'),
]


@pytest.mark.parametrize("value,expected", SCALARS)
def test_yaml_string_scalars(value, expected):
    assert _string(value) == expected
