"""`aws cloudformation deploy`: against moto (create, update, nothing to change, no-execute, a
missing template, large templates), and against a recording server for what moto cannot
show (a change set that comes back empty or failed, the whole CreateChangeSet request).
Messages and exit codes are v2's, seen side by side on the same state."""

from __future__ import annotations

import json
import os
from urllib.parse import parse_qs

import pytest

from cli.commands.cloudformation import deploy
from tests.recording_server import Response
from tests.runner import run

TEMPLATE = """\
AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  QueueName:
    Type: String
  Retention:
    Type: Number
    Default: 60
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Ref QueueName
      MessageRetentionPeriod: !Ref Retention
"""

CREATED = ("\nWaiting for changeset to be created..\n"
           "Waiting for stack create/update to complete\n"
           "Successfully created/updated stack - {}\n")


@pytest.fixture
def template(tmp_path):
    path = tmp_path / "template.yaml"
    path.write_text(TEMPLATE)
    return str(path)


def _deploy(env, *args):
    return run(["cloudformation", "deploy", *args], env)


def test_create_then_nothing_to_change_then_update(moto, template):
    env = moto.environ()
    created = _deploy(env, "--template-file", template, "--stack-name", "dq1",
                      "--parameter-overrides", "QueueName=deploy-q1")
    assert created == (CREATED.format("dq1"), "", 0)
    stack = json.loads(run(["cloudformation", "describe-stacks", "--stack-name", "dq1"],
                           env).stdout)["Stacks"][0]
    assert stack["StackStatus"] == "CREATE_COMPLETE"
    assert {p["ParameterKey"]: p["ParameterValue"] for p in stack["Parameters"]} == {
        "QueueName": "deploy-q1", "Retention": "60"}
    # moto refuses an empty change set at once (real CloudFormation fails it later: below)
    same = _deploy(env, "--template-file", template, "--stack-name", "dq1",
                   "--parameter-overrides", "QueueName=deploy-q1")
    assert same == ("", "\naws: [ERROR]: An error occurred (ValidationError) when calling the "
                    "CreateChangeSet operation: No updates are to be performed.\n", 254)
    updated = _deploy(env, "--template-file", template, "--stack-name", "dq1",
                      "--parameter-overrides", "Retention=120")
    assert updated == (CREATED.format("dq1"), "", 0)
    stack = json.loads(run(["cloudformation", "describe-stacks", "--stack-name", "dq1"],
                           env).stdout)["Stacks"][0]
    assert stack["StackStatus"] == "UPDATE_COMPLETE"


def test_no_execute_changeset_prints_how_to_review(moto, template):
    env = moto.environ()
    result = _deploy(env, "--template-file", template, "--stack-name", "dq2",
                     "--parameter-overrides", "QueueName=deploy-q2", "--no-execute-changeset")
    assert result.exit_code == 0, result.stderr
    head, command = result.stdout.rsplit("\n", 2)[:2]
    assert head == ("\nWaiting for changeset to be created..\nChangeset created successfully. "
                    "Run the following command to review changes:")
    assert command.startswith("aws cloudformation describe-change-set --change-set-name arn:")
    status = run(["cloudformation", "describe-stacks", "--stack-name", "dq2"], env)
    assert "REVIEW_IN_PROGRESS" in status.stdout


def test_missing_template_is_v2s_error(moto):
    result = _deploy(moto.environ(), "--template-file", "no/such.yaml", "--stack-name", "x")
    assert result == ("", "\naws: [ERROR]: Invalid template path no/such.yaml\n", 255)


def test_large_template_needs_a_bucket(moto, tmp_path):
    path = tmp_path / "big.yaml"
    path.write_text(TEMPLATE + "".join(f"# padding line {i:05d} {'x' * 60}\n"
                                       for i in range(700)))
    assert os.path.getsize(path) > deploy.LARGE_TEMPLATE
    result = _deploy(moto.environ(), "--template-file", str(path), "--stack-name", "big")
    assert result.exit_code == 255
    assert result.stderr == (
        "\naws: [ERROR]: Templates with a size greater than 51,200 bytes must be deployed via "
        "an S3 Bucket. Please add the --s3-bucket parameter to your command. The local "
        "template will be copied to that S3 bucket and then deployed.\n")


def test_required_arguments():
    result = run(["cloudformation", "deploy", "--stack-name", "x"], {})
    assert result.exit_code == 252
    assert "the following arguments are required: --template-file" in result.stderr


# -- what moto cannot show: a recording server answers as CloudFormation would ----------

NS = 'xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"'


def xml(action: str, inner: str) -> Response:
    body = f"<{action}Response {NS}><{action}Result>{inner}</{action}Result></{action}Response>"
    return Response(body=body.encode(), headers={"Content-Type": "text/xml"})


NO_STACK = Response(status=400, headers={"Content-Type": "text/xml"}, body=(
    f"<ErrorResponse {NS}><Error><Type>Sender</Type><Code>ValidationError</Code>"
    "<Message>Stack with id s does not exist</Message></Error></ErrorResponse>").encode())
STACK = ("<Stacks><member><StackName>s</StackName><StackId>id1</StackId><StackStatus>{}"
         "</StackStatus><CreationTime>2024-01-01T00:00:00Z</CreationTime></member></Stacks>")


def _recorded_deploy(recorder, responses, template, *args):
    recorder.responses += responses
    env = {**os.environ, "AWS_ENDPOINT_URL": recorder.endpoint, "AWS_ACCESS_KEY_ID": "t",
           "AWS_SECRET_ACCESS_KEY": "t", "AWS_DEFAULT_REGION": "us-east-1"}
    result = _deploy(env, "--template-file", template, "--stack-name", "s", *args)
    calls = [{k: v[0] for k, v in parse_qs(r.body.decode()).items()} if r.method == "POST"
             else {"Method": r.method, "Path": r.path} for r in recorder.requests]
    return result, calls


def _update_until_changeset(status: str, reason: str) -> list[Response]:
    return [xml("DescribeStacks", STACK.format("CREATE_COMPLETE")),
            xml("GetTemplateSummary", "<Parameters><member><ParameterKey>QueueName"
                "</ParameterKey></member></Parameters>"),
            xml("CreateChangeSet", "<Id>arn:cs1</Id>"),
            xml("DescribeChangeSet", f"<Status>{status}</Status><StatusReason>{reason}"
                "</StatusReason><ChangeSetName>c</ChangeSetName>")]


EMPTY = "The submitted information didn't contain changes. Submit different information."


def test_empty_changeset_is_a_message_and_0(recorder, template):
    result, calls = _recorded_deploy(recorder, _update_until_changeset("FAILED", EMPTY),
                                     template)
    assert result == ("\nWaiting for changeset to be created..\n\nNo changes to deploy. "
                      "Stack s is up to date\n", "", 0)
    # an update keeps the stack's value of a parameter it has, and leaves out one it has not
    create = calls[2]
    assert (create["Action"], create["ChangeSetType"]) == ("CreateChangeSet", "UPDATE")
    assert create["Parameters.member.1.ParameterKey"] == "QueueName"
    assert create["Parameters.member.1.UsePreviousValue"] == "true"
    assert "Parameters.member.2.ParameterKey" not in create
    assert [c["Action"] for c in calls] == ["DescribeStacks", "GetTemplateSummary",
                                            "CreateChangeSet", "DescribeChangeSet"]


def test_empty_changeset_fails_when_asked(recorder, template):
    result, _ = _recorded_deploy(recorder, _update_until_changeset("FAILED", EMPTY), template,
                                 "--fail-on-empty-changeset")
    assert result == ("\nWaiting for changeset to be created..\n",
                      "\naws: [ERROR]: No changes to deploy. Stack s is up to date\n", 255)


def test_failed_changeset_is_v2s_error(recorder, template):
    result, _ = _recorded_deploy(recorder, _update_until_changeset("FAILED", "Template error"),
                                 template)
    assert result.exit_code == 255
    assert result.stderr == (
        "\naws: [ERROR]: Failed to create the changeset: Waiter ChangeSetCreateComplete "
        "failed: Waiter encountered a terminal failure state: For expression \"Status\" we "
        "matched expected path: \"FAILED\" Status: FAILED. Reason: Template error\n")


def _create_flow() -> list[Response]:
    return [NO_STACK, xml("CreateChangeSet", "<Id>arn:cs1</Id>"),
            xml("DescribeChangeSet", "<Status>CREATE_COMPLETE</Status>"),
            xml("ExecuteChangeSet", ""),
            xml("DescribeStacks", STACK.format("CREATE_COMPLETE"))]


def test_create_request_carries_every_option(recorder, template):
    result, calls = _recorded_deploy(
        recorder, _create_flow(), template, "--parameter-overrides", "QueueName=q", "X=a=b",
        "--tags", "team=core", "env=prod", "--capabilities", "CAPABILITY_IAM",
        "CAPABILITY_NAMED_IAM", "--role-arn", "arn:aws:iam::1:role/r",
        "--notification-arns", "arn:sns:1", "arn:sns:2", "--disable-rollback")
    assert result == (CREATED.format("s"), "", 0)
    create, execute = calls[1], calls[3]
    assert create["ChangeSetName"].startswith("awscli-cloudformation-package-deploy-")
    assert create["Description"].startswith("Created by AWS CLI at ")
    assert create["TemplateBody"] == TEMPLATE
    expected = {
        "ChangeSetType": "CREATE", "StackName": "s",
        # on a create, a parameter without a new value is left to its default
        "Parameters.member.1.ParameterKey": "QueueName",
        "Parameters.member.1.ParameterValue": "q",
        "Capabilities.member.1": "CAPABILITY_IAM", "Capabilities.member.2":
            "CAPABILITY_NAMED_IAM",
        "Tags.member.1.Key": "team", "Tags.member.1.Value": "core",
        "Tags.member.2.Key": "env", "Tags.member.2.Value": "prod",
        "RoleARN": "arn:aws:iam::1:role/r",
        "NotificationARNs.member.1": "arn:sns:1", "NotificationARNs.member.2": "arn:sns:2"}
    assert {k: create[k] for k in expected} == expected
    assert "Parameters.member.2.ParameterKey" not in create
    assert (execute["Action"], execute["ChangeSetName"], execute["DisableRollback"]) == (
        "ExecuteChangeSet", "arn:cs1", "true")


@pytest.mark.parametrize("content", [
    '[{"ParameterKey": "QueueName", "ParameterValue": "from-file"}]',
    '{"Parameters": {"QueueName": "from-file"}}',
    '["QueueName=from-file"]',
])
def test_parameter_overrides_from_a_json_file(recorder, template, tmp_path, content):
    path = tmp_path / "params.json"
    path.write_text(content)
    result, calls = _recorded_deploy(recorder, _create_flow(), template,
                                     "--parameter-overrides", f"file://{path}")
    assert result.exit_code == 0, result.stderr
    assert calls[1]["Parameters.member.1.ParameterValue"] == "from-file"


@pytest.mark.parametrize("args, stderr, code", [
    (["--parameter-overrides", '[{"Key": "x"}]'],
     "\naws: [ERROR]: An error occurred (ParamValidation): JSON passed to "
     "--parameter-overrides must be one of the formats: [\"Key1=Value1\",\"Key2=Value2\", "
     "...] , [{\"ParameterKey\": \"Key1\", \"ParameterValue\": \"Value1\"}, ...] , "
     "[\"Parameters\": {\"Key1\": \"Value1\", \"Key2\": \"Value2\", ...}]\n", 252),
    (["--parameter-overrides", "Name"],
     "\naws: [ERROR]: ['Name'] value passed to --parameter-overrides must be of format "
     "Key=Value\n", 255),
    (["--tags", "novalue"],
     "\naws: [ERROR]: ['novalue'] value passed to --tags must be of format Key=Value\n", 255),
])
def test_bad_overrides_and_tags(recorder, template, args, stderr, code):
    result, calls = _recorded_deploy(recorder, [], template, *args)
    assert (result.stdout, result.stderr, result.exit_code) == ("", stderr, code)
    assert calls == []


def test_large_template_goes_through_the_bucket(moto, recorder, tmp_path):
    """The template is uploaded to moto's S3 as MD5.template and CreateChangeSet gets its
    path-style URL (moto's CloudFormation cannot read such a URL back, so it is recorded)."""
    import hashlib

    path = tmp_path / "big.yaml"
    path.write_text(TEMPLATE + "".join(f"# padding {i:05d} {'x' * 70}\n" for i in range(700)))
    s3_env = moto.environ()
    assert run(["s3api", "create-bucket", "--bucket", "deploy-templates", "--create-bucket-"
                "configuration", "LocationConstraint=us-west-2"], s3_env).exit_code == 0
    recorder.responses += _create_flow()
    env = {**s3_env, "AWS_ENDPOINT_URL_CLOUDFORMATION": recorder.endpoint}
    result = _deploy(env, "--template-file", str(path), "--stack-name", "s",
                     "--s3-bucket", "deploy-templates", "--s3-prefix", "tpl",
                     "--parameter-overrides", "QueueName=q")
    assert result.exit_code == 0, result.stderr
    key = f"tpl/{hashlib.md5(path.read_bytes()).hexdigest()}.template"
    size = os.path.getsize(path)
    assert result.stderr == f"\rUploading to {key}  {size} / {float(size)}  (100.00%)"
    create = parse_qs(recorder.requests[1].body.decode())
    assert create["TemplateURL"] == [f"{moto.endpoint}/deploy-templates/{key}"]
    assert "TemplateBody" not in create
    head = run(["s3api", "head-object", "--bucket", "deploy-templates", "--key", key], s3_env)
    assert json.loads(head.stdout)["ServerSideEncryption"] == "AES256"


@pytest.mark.parametrize("words, expected", [
    ([], {}),
    (["A=1", "B=x=y", "C="], {"A": "1", "B": "x=y", "C": ""}),
    (['[{"ParameterKey": "A", "ParameterValue": "1"}]'], {"A": "1"}),
    (['{"Parameters": {"A": "1"}}'], {"A": "1"}),
    (['["A=1", "B=2"]'], {"A": "1", "B": "2"}),
    (["[]"], {}),
])
def test_parse_parameter_overrides(words, expected):
    assert deploy.parse_parameter_overrides(words) == expected


def test_merge_parameters():
    template = {"Parameters": {"A": {}, "B": {}}}
    assert deploy.merge_parameters(template, {"B": "2", "Z": "9"}) == [
        {"ParameterKey": "A", "UsePreviousValue": True},
        {"ParameterKey": "B", "ParameterValue": "2"}]
    assert deploy.merge_parameters({"Resources": {}}, {"A": "1"}) == []


def test_list_arguments_take_a_json_list(recorder, template, tmp_path):
    path = tmp_path / "caps.json"
    path.write_text('["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"]')
    result, calls = _recorded_deploy(recorder, _create_flow(), template,
                                     "--capabilities", f"file://{path}",
                                     "--tags", '["a=b"]', "--notification-arns", '["n1"]')
    assert result.exit_code == 0, result.stderr
    create = calls[1]
    assert [create[f"Capabilities.member.{i}"] for i in (1, 2)] == [
        "CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"]
    assert (create["Tags.member.1.Key"], create["Tags.member.1.Value"]) == ("a", "b")
    assert create["NotificationARNs.member.1"] == "n1"


def test_bad_json_list_is_refused_before_any_call(recorder, template):
    result, calls = _recorded_deploy(recorder, [], template, "--capabilities", "[bad")
    assert result == ("", "\naws: [ERROR]: An error occurred (ParamValidation): Error parsing "
                      "parameter '--capabilities': Invalid JSON: Expecting value: line 1 "
                      "column 2 (char 1)\nJSON received: [bad\n", 252)
    assert calls == []


def test_stack_that_rolls_back_is_v2s_error(recorder, template):
    flow = _create_flow()
    flow[-1] = xml("DescribeStacks", STACK.format("ROLLBACK_COMPLETE"))
    result, _ = _recorded_deploy(recorder, flow, template, "--parameter-overrides", "QueueName=q")
    assert result == ("\nWaiting for changeset to be created..\n"
                      "Waiting for stack create/update to complete\n",
                      "\naws: [ERROR]: Failed to create/update the stack. Run the following "
                      "command\nto fetch the list of events leading up to the failure\n"
                      "aws cloudformation describe-stack-events --stack-name s\n", 255)
