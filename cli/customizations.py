"""Where AWS CLI v2 departs from the plain model, as data.

Generic code asks these tables; nothing else in shapecli names a service.
Each entry restates a behaviour of v2 (its command names, argument names
and defaults), so that scripts written for v2 keep working.
"""

from __future__ import annotations


# botocore service name -> the command v2 calls it.
COMMAND_RENAMES = {
    "s3": "s3api",
    "config": "configservice",
    "codedeploy": "deploy",
}

# -- the command table: which operations a service offers, under which names --

# (command, the name botocore's kebab-casing gives an operation) -> v2's name.
# botocore special-cases a few newer names that v2's own copy of botocore
# splits word by word; v2 renames a few more itself.
OPERATION_RENAMES = {
    ("cloudwatch", "update-otel-enrichment"): "update-o-tel-enrichment",
    **{("socialmessaging", name.replace("whats-app", "whatsapp")): name for name in (
        "create-whats-app-dataset", "get-whats-app-business-public-key",
        "get-whats-app-call-permission", "put-whats-app-business-public-key",
        "send-whats-app-call-event", "send-whats-app-conversion-event",
        "update-linked-whats-app-business-account-phone-number")},
}

# (command, operation) -> older names v2 still accepts without listing them.
OPERATION_ALIASES = {
    ("cloudwatch", "get-otel-enrichment"): ("get-o-tel-enrichment",),
    ("cloudwatch", "start-otel-enrichment"): ("start-o-tel-enrichment",),
    ("cloudwatch", "stop-otel-enrichment"): ("stop-o-tel-enrichment",),
    ("signin", "create-oauth2-token"): ("create-o-auth2-token",),
}

# Operations v2 does not offer (deprecated, or event streams it cannot print).
REMOVED_OPERATIONS = {
    "ses": ("delete-verified-email-address", "list-verified-email-addresses",
            "verify-email-address"),
    "ec2": ("import-instance", "import-volume"),
    "emr": ("run-job-flow", "describe-job-flows", "add-job-flow-steps", "terminate-job-flows",
            "list-bootstrap-actions", "list-instance-groups", "set-termination-protection",
            "set-keep-job-flow-alive-when-no-steps", "set-visible-to-all-users",
            "set-unhealthy-node-replacement"),
    "kinesis": ("subscribe-to-shard",),
    "lexv2-runtime": ("start-conversation",),
    "lambda": ("invoke-with-response-stream",),
    "sagemaker-runtime": ("invoke-endpoint-with-response-stream",),
    "bedrock-runtime": ("invoke-model-with-bidirectional-stream",
                        "invoke-model-with-response-stream", "converse-stream"),
    "bedrock-agent-runtime": ("agentic-retrieve-stream", "invoke-agent", "invoke-flow",
                              "invoke-inline-agent", "optimize-prompt",
                              "retrieve-and-generate-stream"),
    "bedrock-agentcore": ("invoke-code-interpreter", "invoke-agent-runtime-command",
                          "invoke-harness"),
    "qbusiness": ("chat",),
    "iotsitewise": ("invoke-assistant",),
    "logs": ("get-log-object",),
    "polly": ("start-speech-synthesis-stream",),
    "connecthealth": ("start-medical-scribe-listening-session",),
    "devops-agent": ("send-message",),
}

# (command, operation) -> the commands v2 offers in its place, each calling
# the same operation with its own arguments (see ARGUMENT_RENAMES, REMOVED_ARGUMENTS).
SPLIT_OPERATIONS = {
    ("rds", "modify-option-group"): ("add-option-to-option-group",
                                     "remove-option-from-option-group"),
}


def command_table(command: str, operations: dict[str, str]) -> tuple[dict, dict]:
    """v2's operations of one command: ({name: model key}, {hidden alias: name}).

    `operations` maps the kebab-case name botocore gives each operation to
    the operation's key in the model.
    """
    removed = REMOVED_OPERATIONS.get(command, ())
    table = {}
    for name, key in operations.items():
        if name in removed:
            continue
        for cli_name in SPLIT_OPERATIONS.get((command, name), (name,)):
            table[OPERATION_RENAMES.get((command, cli_name), cli_name)] = key
    aliases = {alias: name for name in table
               for alias in OPERATION_ALIASES.get((command, name), ())}
    return dict(sorted(table.items())), aliases


# -- arguments ---------------------------------------------------------------

# (command, operation or "*", argument name) -> the name v2 gives it. The
# argument name may be the negative spelling of a flag ("no-no-reboot").
# Most exist because the model's name collides with a global option
# (--query, --output, --version, --region) or reads badly.
ARGUMENT_RENAMES = {
    ("ec2", "create-image", "no-no-reboot"): "reboot",
    ("ec2", "*", "no-egress"): "ingress",
    ("ec2", "*", "no-disable-api-termination"): "enable-api-termination",
    ("swf", "register-activity-type", "version"): "activity-version",
    ("swf", "register-workflow-type", "version"): "workflow-version",
    ("datapipeline", "*", "query"): "objects-query",
    ("datapipeline", "get-pipeline-definition", "version"): "pipeline-version",
    ("emr", "*", "job-flow-ids"): "cluster-ids",
    ("emr", "*", "job-flow-id"): "cluster-id",
    ("ses", "send-email", "source"): "from",
    ("cloudsearchdomain", "search", "query"): "search-query",
    ("cloudsearchdomain", "suggest", "query"): "suggest-query",
    ("sns", "subscribe", "endpoint"): "notification-endpoint",
    ("deploy", "*", "s-3-location"): "s3-location",
    ("deploy", "*", "ec-2-tag-filters"): "ec2-tag-filters",
    ("codepipeline", "get-pipeline", "version"): "pipeline-version",
    ("codepipeline", "create-custom-action-type", "version"): "action-version",
    ("codepipeline", "delete-custom-action-type", "version"): "action-version",
    ("kinesisanalytics", "add-application-output", "output"): "application-output",
    ("kinesisanalyticsv2", "add-application-output", "output"): "application-output",
    ("route53", "delete-traffic-policy", "version"): "traffic-policy-version",
    ("route53", "get-traffic-policy", "version"): "traffic-policy-version",
    ("route53", "update-traffic-policy-comment", "version"): "traffic-policy-version",
    ("gamelift", "create-build", "version"): "build-version",
    ("gamelift", "update-build", "version"): "build-version",
    ("gamelift", "create-script", "version"): "script-version",
    ("gamelift", "update-script", "version"): "script-version",
    ("route53domains", "view-billing", "start"): "start-time",
    ("route53domains", "view-billing", "end"): "end-time",
    ("apigateway", "create-rest-api", "version"): "api-version",
    ("apigatewayv2", "create-api", "version"): "api-version",
    ("apigatewayv2", "update-api", "version"): "api-version",
    ("pinpoint", "get-campaign-version", "version"): "campaign-version",
    ("pinpoint", "get-segment-version", "version"): "segment-version",
    ("stepfunctions", "send-task-success", "output"): "task-output",
    ("clouddirectory", "publish-schema", "version"): "schema-version",
    ("mturk", "list-qualification-types", "query"): "types-query",
    ("workdocs", "create-notification-subscription", "endpoint"): "notification-endpoint",
    ("workdocs", "describe-users", "query"): "user-query",
    ("lex-models", "delete-bot", "version"): "bot-version",
    ("lex-models", "delete-intent", "version"): "intent-version",
    ("lex-models", "delete-slot-type", "version"): "slot-type-version",
    ("lex-models", "get-intent", "version"): "intent-version",
    ("lex-models", "get-slot-type", "version"): "slot-type-version",
    ("lex-models", "delete-bot-version", "version"): "bot-version",
    ("lex-models", "delete-intent-version", "version"): "intent-version",
    ("lex-models", "delete-slot-type-version", "version"): "slot-type-version",
    ("lex-models", "get-export", "version"): "resource-version",
    ("rekognition", "create-stream-processor", "output"): "stream-processor-output",
    ("eks", "create-cluster", "version"): "kubernetes-version",
    ("eks", "update-cluster-version", "version"): "kubernetes-version",
    ("eks", "create-nodegroup", "version"): "kubernetes-version",
    ("eks", "update-nodegroup-version", "version"): "kubernetes-version",
    ("schemas", "*", "version"): "schema-version",
    **{("pinpoint", f"{verb}-{kind}-template", "version"): "template-version"
       for verb in ("delete", "get", "update")
       for kind in ("email", "in-app", "push", "sms", "voice")},
    ("license-manager", "get-grant", "version"): "grant-version",
    ("license-manager", "delete-grant", "version"): "grant-version",
    ("license-manager", "get-license", "version"): "license-version",
    ("eks", "update-cluster-components-version", "version"): "kubernetes-version",
    **{("sagemaker", operation, "version"): "version-number" for operation in (
        "delete-image-version", "describe-image-version", "list-aliases",
        "update-image-version")},
    ("iotwireless", "*", "lo-ra-wan"): "lorawan",
    ("codepipeline", "get-action-type", "version"): "action-version",
    ("ecs", "*", "no-enable-execute-command"): "disable-execute-command",
    ("ecs", "execute-command", "no-interactive"): "non-interactive",
    ("controltower", "create-landing-zone", "version"): "landing-zone-version",
    ("controltower", "update-landing-zone", "version"): "landing-zone-version",
    **{("glue", operation, "region"): "resource-region" for operation in (
        "get-unfiltered-partition-metadata", "get-unfiltered-partitions-metadata",
        "get-unfiltered-table-metadata")},
    ("rds", "add-option-to-option-group", "options-to-include"): "options",
    ("rds", "remove-option-from-option-group", "options-to-remove"): "options",
}

# (command, operation or "*", argument name) -> a second spelling v2 accepts
# without documenting it. Neither spelling is then required on the command
# line (the help page still says required; the request validator checks).
HIDDEN_ALIASES = {
    ("mgn", "*", "replication-servers-security-groups-ids"):
        "replication-servers-security-groups-i-ds",
    ("mgn", "*", "source-server-ids"): "source-server-i-ds",
    ("mgn", "*", "replication-configuration-template-ids"):
        "replication-configuration-template-i-ds",
    ("elasticache", "create-replication-group", "preferred-cache-cluster-azs"):
        "preferred-cache-cluster-a-zs",
}

# Commands whose structures of one boolean `Value` v2 also takes as flags
# (`--source-dest-check`, `--no-source-dest-check`).
FLAG_STRUCTURE_COMMANDS = frozenset({"ec2"})

# Members that, given by hand, turn automatic paging off beyond the
# paginator's own tokens (kinesis list-streams' older way to page).
MANUAL_PAGING_MEMBERS = {
    ("kinesis", "list-streams"): {"ExclusiveStartStreamName"},
}

# (command, operation) -> (page size, the members besides NextToken and
# DryRun that may be given): v2 asks for pages of this size when a call
# pages automatically with no --page-size and no other filter.
DEFAULT_PAGE_SIZES = {
    ("ec2", "describe-volumes"): (1000, ()),
    ("ec2", "describe-snapshots"): (1000, ("OwnerIds", "RestorableByUserIds")),
}


def default_page_size(command: str, operation: str, params: dict) -> int | None:
    size, allowed = DEFAULT_PAGE_SIZES.get((command, operation), (None, ()))
    if size is None or any(k not in allowed and k not in ("NextToken", "DryRun")
                           for k in params):
        return None
    return size


# Request values v2 fills in when the command line leaves them out.
OPERATION_DEFAULTS = {
    ("ec2", "run-instances"): {"MinCount": 1, "MaxCount": 1},
}


# Lists of one-member structures that v2 fills from bare words
# (`--instances i-1 i-2` -> [{"InstanceId": "i-1"}, ...]); data, not code.
OLD_LIST_CASES = frozenset({
    ("firehose", "put-record-batch", "records"),
    ("workspaces", "reboot-workspaces", "reboot-workspace-requests"),
    ("workspaces", "rebuild-workspaces", "rebuild-workspace-requests"),
    ("workspaces", "terminate-workspaces", "terminate-workspace-requests"),
    ("elb", "remove-tags", "tags"),
    ("elb", "describe-instance-health", "instances"),
    ("elb", "deregister-instances-from-load-balancer", "instances"),
    ("elb", "register-instances-with-load-balancer", "instances"),
})

# Parameters whose values are URIs in their own right: v2 never reads
# file:// for them. Keyed by CLI command name. v2 keys its list by endpoint
# prefix, so an entry reaches every command that shares one (rds: docdb and
# neptune; email: ses and sesv2; apigateway: apigatewayv2).
PARAMFILE_DISABLED = frozenset(
    tuple(entry.split(".")) for entry in (
        "apigateway.put-integration.uri",
        "apigatewayv2.create-integration.integration-uri",
        "apigatewayv2.update-integration.integration-uri",
        "apigatewayv2.create-api.target",
        "apigatewayv2.update-api.target",
        "appstream.create-stack.redirect-url",
        "appstream.create-stack.feedback-url",
        "appstream.update-stack.redirect-url",
        "appstream.update-stack.feedback-url",
        "cloudformation.create-stack.template-url",
        "cloudformation.update-stack.template-url",
        "cloudformation.create-stack-set.template-url",
        "cloudformation.update-stack-set.template-url",
        "cloudformation.create-change-set.template-url",
        "cloudformation.validate-template.template-url",
        "cloudformation.estimate-template-cost.template-url",
        "cloudformation.get-template-summary.template-url",
        "cloudformation.create-stack.stack-policy-url",
        "cloudformation.update-stack.stack-policy-url",
        "cloudformation.set-stack-policy.stack-policy-url",
        "cloudformation.update-stack.stack-policy-during-update-url",
        "cloudformation.register-type.schema-handler-package",
        "emr.create-studio.idp-auth-url",
        "guardduty.create-ip-set.location",
        "guardduty.update-ip-set.location",
        "guardduty.create-threat-intel-set.location",
        "guardduty.update-threat-intel-set.location",
        "comprehend.detect-dominant-language.text",
        "comprehend.batch-detect-dominant-language.text-list",
        "comprehend.detect-entities.text",
        "comprehend.batch-detect-entities.text-list",
        "comprehend.detect-key-phrases.text",
        "comprehend.batch-detect-key-phrases.text-list",
        "comprehend.detect-sentiment.text",
        "comprehend.batch-detect-sentiment.text-list",
        "iam.create-open-id-connect-provider.url",
        "machinelearning.predict.predict-endpoint",
        "mediatailor.put-playback-configuration.ad-decision-server-url",
        "mediatailor.put-playback-configuration.slate-ad-url",
        "mediatailor.put-playback-configuration.video-content-source-url",
        "rds.copy-db-cluster-snapshot.pre-signed-url",
        "rds.create-db-cluster.pre-signed-url",
        "rds.copy-db-snapshot.pre-signed-url",
        "rds.create-db-instance-read-replica.pre-signed-url",
        "docdb.copy-db-cluster-snapshot.pre-signed-url",
        "docdb.create-db-cluster.pre-signed-url",
        "neptune.copy-db-cluster-snapshot.pre-signed-url",
        "neptune.create-db-cluster.pre-signed-url",
        "sagemaker.create-notebook-instance.default-code-repository",
        "sagemaker.create-notebook-instance.additional-code-repositories",
        "sagemaker.update-notebook-instance.default-code-repository",
        "sagemaker.update-notebook-instance.additional-code-repositories",
        "serverlessrepo.create-application.home-page-url",
        "serverlessrepo.create-application.license-url",
        "serverlessrepo.create-application.readme-url",
        "serverlessrepo.create-application.source-code-url",
        "serverlessrepo.create-application.template-url",
        "serverlessrepo.create-application-version.source-code-url",
        "serverlessrepo.create-application-version.template-url",
        "serverlessrepo.update-application.home-page-url",
        "serverlessrepo.update-application.readme-url",
        "ses.create-custom-verification-email-template.failure-redirection-url",
        "ses.create-custom-verification-email-template.success-redirection-url",
        "ses.update-custom-verification-email-template.failure-redirection-url",
        "ses.update-custom-verification-email-template.success-redirection-url",
        "sesv2.create-custom-verification-email-template.failure-redirection-url",
        "sesv2.create-custom-verification-email-template.success-redirection-url",
        "sesv2.update-custom-verification-email-template.failure-redirection-url",
        "sesv2.update-custom-verification-email-template.success-redirection-url",
        "sesv2.put-account-details.website-url",
        "servicecatalog.create-product.support-url",
        "servicecatalog.update-product.support-url",
        "s3api.copy-object.website-redirect-location",
        "s3api.create-multipart-upload.website-redirect-location",
        "s3api.put-object.website-redirect-location",
        "sns.subscribe.notification-endpoint",
        "iot.create-job.document-source",
        "translate.translate-text.text",
        "workdocs.create-notification-subscription.notification-endpoint",
    )
) | frozenset(
    ("sqs", op, "queue-url") for op in (
        "add-permission", "change-message-visibility", "change-message-visibility-batch",
        "delete-message", "delete-message-batch", "delete-queue", "get-queue-attributes",
        "list-dead-letter-source-queues", "receive-message", "remove-permission",
        "send-message", "send-message-batch", "set-queue-attributes", "purge-queue",
        "list-queue-tags", "tag-queue", "untag-queue",
    )
)


# Model arguments v2 takes away (it offers its own in their place: cli/shortcuts.py).
REMOVED_ARGUMENTS = {
    ("ec2", "run-instances"): frozenset({"min-count", "max-count"}),
    ("rds", "add-option-to-option-group"): frozenset({"options-to-remove"}),
    ("rds", "remove-option-from-option-group"): frozenset({"options-to-include"}),
}


# Required model arguments v2 makes optional (extra arguments can stand for them).
OPTIONAL_ARGUMENTS = {
    ("ec2", "bundle-instance"): frozenset({"storage"}),
    ("cloudwatch", "put-metric-data"): frozenset({"metric-data"}),
    ("cloudfront", "create-invalidation"): frozenset({"invalidation-batch"}),
    ("cloudfront", "create-distribution"): frozenset({"distribution-config"}),
    ("cloudfront", "update-distribution"): frozenset({"distribution-config"}),
    ("ses", "send-email"): frozenset({"destination", "message"}),
    ("deploy", "get-application-revision"): frozenset({"revision"}),
    ("deploy", "register-application-revision"): frozenset({"revision"}),
}


# Model arguments v2 keeps working but leaves out of the help page, because
# an extra argument above stands for them.
UNDOCUMENTED_ARGUMENTS = {
    ("kinesis", "list-streams"): frozenset({"exclusive-start-stream-name"}),
    **{("ec2", operation): frozenset({"ip-protocol", "from-port", "to-port", "cidr-ip",
                                      "source-security-group-name",
                                      "source-security-group-owner-id"})
       for operation in ("authorize-security-group-ingress", "authorize-security-group-egress",
                         "revoke-security-group-ingress", "revoke-security-group-egress")},
}


class Hoist:
    """A member of a structure argument that v2 also offers as an argument of its own.

    `--zip-file fileb://f.zip` fills Code.ZipFile, `--image-bytes fileb://i.png`
    Image.Bytes: blobs are read from files far more easily that way.
    """

    __slots__ = ("argument", "member", "name", "required", "argument_required",
                 "keeps_member", "refusal", "documentation")

    def __init__(self, argument: str, member: str, name: str, documentation: str, *,
                 required: bool = False, argument_required: bool = False,
                 keeps_member: bool = False, refusal: str | None = None):
        self.argument = argument  # code
        self.member = member  # ZipFile
        self.name = name  # zip-file
        self.documentation = documentation
        self.required = required  # whether the new argument is required
        self.argument_required = argument_required  # whether the old one still is
        # Whether the old argument still takes the member; when it does not,
        # giving it there is refused with `refusal` (v2's message).
        self.keeps_member = keeps_member
        self.refusal = refusal


def _zip_file(argument: str) -> Hoist:
    return Hoist(argument, "ZipFile", "zip-file",
                 f"The zip file of the {argument} to upload, as fileb://path/to/file.zip. "
                 f"Give either --zip-file or --{argument}, not both.",
                 refusal=f"ZipFile cannot be provided as part of the --{argument} argument.  "
                         "Please use the '--zip-file' option instead to specify a zip file.")


def _bytes(argument: str, name: str, member: str = "Bytes") -> Hoist:
    return Hoist(argument, member, name,
                 "The content to upload; fileb://path/to/file reads a local file.",
                 keeps_member=True)


HOISTED_MEMBERS = {
    ("lambda", "create-function"): (_zip_file("code"),),
    ("lambda", "publish-layer-version"): (_zip_file("content"),),
    ("rekognition", "compare-faces"): (_bytes("source-image", "source-image-bytes"),
                                       _bytes("target-image", "target-image-bytes")),
    **{("rekognition", operation): (_bytes("image", "image-bytes"),) for operation in (
        "detect-custom-labels", "detect-faces", "detect-labels", "detect-moderation-labels",
        "detect-protective-equipment", "detect-text", "index-faces", "recognize-celebrities",
        "search-faces-by-image", "search-users-by-image")},
    ("quicksight", "start-asset-bundle-import-job"): (
        _bytes("asset-bundle-import-source", "asset-bundle-import-source-bytes", "Body"),),
    ("translate", "import-terminology"): (
        Hoist("terminology-data", "File", "data-file",
              "The terminology file to upload, as fileb://path/to/file.", required=True,
              refusal="File cannot be provided as part of the '--terminology-data' argument. "
                      "Please use the '--data-file' option instead to specify a file."),),
    ("translate", "translate-document"): (
        Hoist("document", "Content", "document-content",
              "The document to translate, as fileb://path/to/file.", required=True,
              argument_required=True,
              refusal="Content cannot be provided as a part of the '--document' argument. "
                      "Please use the '--document-content' option instead to specify a file."),),
    ("configservice", "put-configuration-recorder"): (
        Hoist("configuration-recorder", "recordingGroup", "recording-group",
              "Which resource types the recorder records (the recorder's recordingGroup).",
              argument_required=True),),
}

# Event-stream outputs written to a positional outfile, as v2 writes S3 Select's
# records: (command, operation) -> the event whose Payload bytes go to the file, in
# order; nothing is printed.
EVENT_STREAM_OUTFILES = {("s3api", "select-object-content"): "Records"}

# Operations that open a session and hand it to session-manager-plugin (cli/session.py);
# they print nothing.
SESSION_COMMANDS = frozenset({("ecs", "execute-command"), ("ssm", "start-session")})

# Blob arguments that must hold a zip archive (v2 checks before sending).
ZIP_ARGUMENTS = frozenset({
    ("lambda", "create-function", "zip-file"), ("lambda", "publish-layer-version", "zip-file"),
    ("lambda", "update-function-code", "zip-file")})


def optional(command: str, operation: str, name: str) -> bool:
    return name in OPTIONAL_ARGUMENTS.get((command, operation), ())


def undocumented(command: str, operation: str, name: str) -> bool:
    return name in UNDOCUMENTED_ARGUMENTS.get((command, operation), ())


def removed(command: str, operation: str, name: str) -> bool:
    return name in REMOVED_ARGUMENTS.get((command, operation), ())


def argument_name(command: str, operation: str, name: str) -> str:
    """The name v2 gives the argument `name` (kebab-case) of one operation."""
    return ARGUMENT_RENAMES.get(
        (command, operation, name), ARGUMENT_RENAMES.get((command, "*", name), name))


def hidden_alias(command: str, operation: str, name: str) -> str | None:
    return HIDDEN_ALIASES.get((command, operation, name),
                              HIDDEN_ALIASES.get((command, "*", name)))


def operation_defaults(command: str, operation: str) -> dict:
    return dict(OPERATION_DEFAULTS.get((command, operation), {}))
