"""`aws cloudformation deploy` and `package`: declarations for the registry (cli.commands).

The work is in the modules beside this one, imported when a command runs:
templates (reading and writing templates), uploader (artifacts to S3 by
content hash), exporter (package's template walk), package, deploy.
"""

from cli.commands import Argument, HandCommand


def _run_deploy(values, context):
    from cli.commands.cloudformation.deploy import run_deploy

    return run_deploy(values, context)


def _run_package(values, context):
    from cli.commands.cloudformation.package import run_package

    return run_package(values, context)


_TEMPLATE_FILE = Argument("template-file", required=True, completion="files",
                          documentation="The path of the template file.")
_S3_PREFIX = Argument("s3-prefix", documentation=(
    "A folder (key prefix) in the bucket for the uploaded objects."))
_KMS_KEY_ID = Argument("kms-key-id", documentation=(
    "The KMS key that encrypts the uploaded objects at rest (aws:kms); without it they are "
    "encrypted with AES256."))
_FORCE_UPLOAD = Argument("force-upload", "boolean", default=False, documentation=(
    "Upload even when an object with the same content is already in the bucket."))

DEPLOY = HandCommand(
    ("cloudformation", "deploy"), _run_deploy,
    summary="Create or update a stack from a template, through a change set.",
    description=(
        "Deploys a template to a stack: creates a change set (a CREATE change set when the "
        "stack does not exist yet, else an UPDATE), waits until it is ready, executes it "
        "and waits until the stack is created or updated.\n\n"
        "Every parameter of the template is sent: the ones given in --parameter-overrides "
        "with their new value, the others keep the stack's current value. A template "
        "larger than 51,200 bytes must go through an S3 bucket (--s3-bucket).\n\n"
        "When the change set has no changes the command says so and exits with 0, or "
        "with 255 under --fail-on-empty-changeset."
    ),
    arguments=(
        _TEMPLATE_FILE,
        Argument("stack-name", required=True, documentation=(
            "The stack to create or update.")),
        Argument("s3-bucket", documentation=(
            "A bucket to upload the template to (as MD5.template); needed for templates "
            "larger than 51,200 bytes.")),
        _FORCE_UPLOAD,
        _S3_PREFIX,
        _KMS_KEY_ID,
        Argument("parameter-overrides", nargs="+", default=[], documentation=(
            "New values of template parameters, as Key=Value words, or JSON (inline or "
            "file://path): [\"Key=Value\", ...], [{\"ParameterKey\": ..., \"ParameterValue\": "
            "...}, ...] or {\"Parameters\": {\"Key\": \"Value\"}}.")),
        Argument("capabilities", nargs="+", default=[], documentation=(
            "Capabilities the stack needs to be acknowledged, e.g. CAPABILITY_IAM, "
            "CAPABILITY_NAMED_IAM.")),
        Argument("no-execute-changeset", "boolean", dest="execute_changeset", const=False,
                 default=True, documentation=(
                     "Create the change set and stop, printing the command that shows it.")),
        Argument("disable-rollback", "boolean", default=False, group="disable-rollback",
                 documentation="Keep what was created when executing the change set fails."),
        Argument("no-disable-rollback", "boolean", dest="disable_rollback", const=False,
                 group="disable-rollback",
                 documentation="Roll everything back when executing the change set fails."),
        Argument("role-arn", documentation=(
            "An IAM role CloudFormation assumes to execute the change set.")),
        Argument("notification-arns", nargs="+", documentation=(
            "SNS topics the stack's events are sent to.")),
        Argument("fail-on-empty-changeset", "boolean", default=False,
                 group="fail-on-empty-changeset", documentation=(
                     "Exit with an error (255) when there is nothing to change.")),
        Argument("no-fail-on-empty-changeset", "boolean", dest="fail_on_empty_changeset",
                 const=False, group="fail-on-empty-changeset", documentation=(
                     "Exit with 0 when there is nothing to change (the default).")),
        Argument("tags", nargs="+", default=[], documentation=(
            "Tags for the stack (and its resources), as Key=Value words.")),
    ),
    examples=(
        "To deploy a template with two parameters::\n\n"
        "    aws cloudformation deploy --template-file packaged.yaml --stack-name my-app "
        "--parameter-overrides Stage=prod InstanceType=t3.small",
        "To deploy with parameters from a JSON file::\n\n"
        "    aws cloudformation deploy --template-file packaged.yaml --stack-name my-app "
        "--parameter-overrides file://parameters.json",
    ),
)

PACKAGE = HandCommand(
    ("cloudformation", "package"), _run_package,
    summary="Upload a template's local artifacts to S3 and print the template that uses them.",
    description=(
        "Uploads the local files and folders a template refers to (Lambda and Serverless "
        "function code and layers, API definitions, AppSync templates, Glue scripts, state "
        "machine definitions, nested stack templates, AWS::Include files, ...) to an S3 "
        "bucket, each under the MD5 of its content (folders zipped), and writes the "
        "template with their S3 locations in place of the paths. Nested stack templates "
        "are packaged in turn and uploaded as MD5.template.\n\n"
        "The result is YAML (or JSON with --use-json), printed or written to "
        "--output-template-file; short-form tags (!Ref, !Sub, ...) come out in their long "
        "form (Ref, Fn::Sub, ...)."
    ),
    arguments=(
        _TEMPLATE_FILE,
        Argument("s3-bucket", required=True, documentation=(
            "The bucket to upload the artifacts to.")),
        _S3_PREFIX,
        _KMS_KEY_ID,
        Argument("output-template-file", completion="files", documentation=(
            "Write the packaged template to this file instead of printing it.")),
        Argument("use-json", "boolean", default=False, documentation=(
            "Write the template as JSON instead of YAML.")),
        _FORCE_UPLOAD,
        Argument("metadata", documentation=(
            "Metadata for every uploaded object, as key=value,key2=value2 or a JSON object.")),
    ),
    examples=(
        "To package a template's artifacts into a bucket::\n\n"
        "    aws cloudformation package --template-file template.yaml --s3-bucket my-bucket "
        "--output-template-file packaged.yaml",
    ),
)

COMMANDS = (DEPLOY, PACKAGE)
