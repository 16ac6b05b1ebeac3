"""`aws cloudformation deploy`: a stack created or updated through a change set, as v2 does it.

    create the change set (CREATE when the stack does not exist or is only
    REVIEW_IN_PROGRESS, else UPDATE) -> wait for it -> execute it -> wait for
    the stack -> "Successfully created/updated stack - NAME"

Every template parameter is sent: the overridden ones with their new value,
the others as UsePreviousValue (left out on a CREATE, and on an UPDATE for
parameters the stack does not have yet). A change set with nothing in it
is "No changes to deploy" on stdout and exit 0, or an error with
--fail-on-empty-changeset.
"""

from __future__ import annotations

import json
import os

from cli.errors import CliError, ExitCode

LARGE_TEMPLATE = 51200  # bytes: larger templates must go through S3 (TemplateURL)
CHANGESET_PREFIX = "awscli-cloudformation-package-deploy-"
CHANGESET_DELAY = 5  # seconds between polls of the change set (v2's)
STACK_DELAY, STACK_ATTEMPTS = 30, 120  # polls of the stack (v2's)


class DeployError(CliError):
    """v2's deploy errors are its own exceptions: exit 255."""


class ChangeSetEmpty(DeployError):
    def __init__(self, stack_name: str):
        super().__init__(f"No changes to deploy. Stack {stack_name} is up to date")


class ParameterOverridesError(CliError):
    exit_code = ExitCode.USAGE
    code = "ParamValidation"


# -- parameters and tags ----------------------------------------------------------


def key_value_pairs(words: list[str], cli_word: str) -> dict[str, str]:
    """Key=Value words as a dict (split at the first "=")."""
    pairs = {}
    for word in words:
        parts = word.split("=", 1)
        if len(parts) != 2:
            raise DeployError(f"{parts} value passed to --{cli_word} must be of format "
                              "Key=Value")
        pairs[parts[0]] = parts[1]
    return pairs


def _cloudformation_like(data) -> bool:
    return isinstance(data, list) and all(
        isinstance(pair, dict) and "ParameterKey" in pair and "ParameterValue" in pair
        and len(pair) <= 2 for pair in data)


def parse_parameter_overrides(words: list[str]) -> dict[str, str]:
    """--parameter-overrides: Key=Value words, or JSON (inline or from file://) in one of
    three forms: ["K=V", ...], [{"ParameterKey": K, "ParameterValue": V}, ...] or
    CodePipeline's {"Parameters": {K: V}}."""
    if not words:
        return {}
    try:
        data = json.loads(words[0])
    except ValueError:
        return key_value_pairs(words, "parameter-overrides")
    if _cloudformation_like(data):
        return {pair["ParameterKey"]: pair["ParameterValue"] for pair in data}
    if isinstance(data, dict) and "Parameters" in data:
        return data["Parameters"]
    if isinstance(data, list) and all(isinstance(w, str) and "=" in w for w in data):
        return key_value_pairs(data, "parameter-overrides")
    raise ParameterOverridesError(
        'JSON passed to --parameter-overrides must be one of the formats: '
        '["Key1=Value1","Key2=Value2", ...] , '
        '[{"ParameterKey": "Key1", "ParameterValue": "Value1"}, ...] , '
        '["Parameters": {"Key1": "Value1", "Key2": "Value2", ...}]')


def merge_parameters(template: dict, overrides: dict) -> list[dict]:
    """Every parameter the template declares: its override, or UsePreviousValue."""
    declared = template.get("Parameters") if isinstance(template, dict) else None
    if not isinstance(declared, dict):
        return []
    return [{"ParameterKey": key, "ParameterValue": overrides[key]} if key in overrides
            else {"ParameterKey": key, "UsePreviousValue": True} for key in declared]


def _read_words_file(words: list[str] | None, cli_name: str) -> list[str]:
    """A single file:// word stands for the file's text (v2 reads JSON overrides so)."""
    if words and len(words) == 1 and words[0].startswith(("file://", "fileb://")):
        from cli.values import load_file

        text = load_file(words[0], cli_name)
        return [text.decode("utf-8") if isinstance(text, bytes) else text]
    return list(words or [])


def string_list(words: list[str] | None, cli_name: str) -> list[str] | None:
    """A list argument (--capabilities, --tags, --notification-arns): words, or one word that
    is a JSON list (inline or file://), as v2 reads arguments with a list schema."""
    if words is None:
        return None
    words = _read_words_file(words, cli_name)
    if len(words) == 1 and words[0].strip()[:1] == "[":
        from cli.values import json_argument

        return json_argument(words[0], cli_name)
    return words


# -- the command ------------------------------------------------------------------


def run_deploy(values: dict, context) -> int:
    from cli.commands.cloudformation import templates
    from cli.commands.cloudformation.package import InvalidTemplatePath, s3_uploader

    # the list arguments are read first, as v2 reads them with the command line
    values = {**values, **{py_name: string_list(values[py_name], cli_name) for py_name, cli_name
                           in (("capabilities", "--capabilities"),
                               ("notification_arns", "--notification-arns"),
                               ("tags", "--tags"))}}
    override_words = _read_words_file(values["parameter_overrides"], "--parameter-overrides")
    path = os.path.expanduser(values["template_file"])
    if not os.path.isfile(path):
        raise InvalidTemplatePath(path)
    with open(path, encoding="utf-8") as f:
        template_text = f.read()
    template = templates.parse(template_text)
    overrides = parse_parameter_overrides(override_words)
    tags = [{"Key": k, "Value": v} for k, v in key_value_pairs(values["tags"] or [],
                                                               "tags").items()]
    parameters = merge_parameters(template, overrides)
    if os.path.getsize(path) > LARGE_TEMPLATE and not values["s3_bucket"]:
        raise DeployError("Templates with a size greater than 51,200 bytes must be deployed "
                          "via an S3 Bucket. Please add the --s3-bucket parameter to your "
                          "command. The local template will be copied to that S3 bucket and "
                          "then deployed.")
    client = context.client("cloudformation")
    uploader = s3_uploader(context, values, values["s3_bucket"]) if values["s3_bucket"] \
        else None
    stack_name = values["stack_name"]
    out = context.env.stdout
    request, changeset_type = changeset_request(client, stack_name, template_text, parameters,
                                                values, tags, uploader)
    changeset_id = client.create_change_set(**request)["Id"]
    try:
        wait_for_changeset(client, changeset_id, stack_name, out)
    except ChangeSetEmpty as empty:
        if values["fail_on_empty_changeset"]:
            raise
        out.write(f"\n{empty.message}\n")
        return 0
    if not values["execute_changeset"]:
        out.write("Changeset created successfully. Run the following command to review "
                  f"changes:\naws cloudformation describe-change-set --change-set-name "
                  f"{changeset_id}\n")
        return 0
    client.execute_change_set(ChangeSetName=changeset_id, StackName=stack_name,
                              DisableRollback=bool(values["disable_rollback"]))
    wait_for_stack(client, stack_name, changeset_type, out)
    out.write(f"Successfully created/updated stack - {stack_name}\n")
    return 0


def stack_exists(client, stack_name: str) -> bool:
    """Whether the stack exists as more than a REVIEW_IN_PROGRESS shell."""
    from botocore.exceptions import ClientError

    try:
        stacks = client.describe_stacks(StackName=stack_name)["Stacks"]
    except ClientError as error:
        if f"Stack with id {stack_name} does not exist" in str(error):
            return False
        raise
    return len(stacks) == 1 and stacks[0]["StackStatus"] != "REVIEW_IN_PROGRESS"


def changeset_request(client, stack_name: str, template_text: str, parameters: list[dict],
                      values: dict, tags: list[dict], uploader) -> tuple[dict, str]:
    """CreateChangeSet's parameters and the change set's type (CREATE or UPDATE)."""
    import time
    from datetime import datetime, timezone

    if not stack_exists(client, stack_name):
        changeset_type = "CREATE"
        parameters = [p for p in parameters if not p.get("UsePreviousValue")]
    else:
        changeset_type = "UPDATE"
        summary = client.get_template_summary(StackName=stack_name)
        existing = {p["ParameterKey"] for p in summary["Parameters"]}
        parameters = [p for p in parameters
                      if not (p.get("UsePreviousValue") and p["ParameterKey"] not in existing)]
    now = datetime.now(timezone.utc).replace(tzinfo=None).isoformat()
    request = {
        "ChangeSetName": CHANGESET_PREFIX + str(int(time.time())),
        "StackName": stack_name,
        "TemplateBody": template_text,
        "ChangeSetType": changeset_type,
        "Parameters": parameters,
        "Capabilities": values["capabilities"] or [],
        "Description": f"Created by AWS CLI at {now} UTC",
        "Tags": tags,
    }
    if uploader is not None:
        from cli.commands.cloudformation.exporter import Exporter

        request["TemplateURL"] = Exporter(uploader).upload_template(
            request.pop("TemplateBody"))
    if values["role_arn"] is not None:
        request["RoleARN"] = values["role_arn"]
    if values["notification_arns"] is not None:
        request["NotificationARNs"] = values["notification_arns"]
    return request, changeset_type


def wait_for_changeset(client, changeset_id: str, stack_name: str, out) -> None:
    from botocore.exceptions import WaiterError

    out.write("\nWaiting for changeset to be created..\n")
    out.flush()
    try:
        client.get_waiter("change_set_create_complete").wait(
            ChangeSetName=changeset_id, StackName=stack_name,
            WaiterConfig={"Delay": CHANGESET_DELAY})
    except WaiterError as error:
        response = error.last_response or {}
        status, reason = response.get("Status"), response.get("StatusReason", "")
        # v2's test, precedence and all: FAILED and "didn't contain changes", or any
        # status with "No updates are to be performed"
        if (status == "FAILED" and "The submitted information didn't contain changes."
                in reason or "No updates are to be performed" in reason):
            raise ChangeSetEmpty(stack_name) from None
        raise DeployError(f"Failed to create the changeset: {error} Status: {status}. "
                          f"Reason: {reason}") from None


def wait_for_stack(client, stack_name: str, changeset_type: str, out) -> None:
    from botocore.exceptions import WaiterError

    out.write("Waiting for stack create/update to complete\n")
    out.flush()
    name = "stack_create_complete" if changeset_type == "CREATE" else "stack_update_complete"
    try:
        client.get_waiter(name).wait(
            StackName=stack_name,
            WaiterConfig={"Delay": STACK_DELAY, "MaxAttempts": STACK_ATTEMPTS})
    except WaiterError:
        raise DeployError("Failed to create/update the stack. Run the following command\n"
                          "to fetch the list of events leading up to the failure\n"
                          "aws cloudformation describe-stack-events --stack-name "
                          f"{stack_name}") from None
