"""`aws eks get-token` and `aws eks update-kubeconfig`, as AWS CLI v2 has them.

get-token prints a Kubernetes ExecCredential whose token is `k8s-aws-v1.`
and the unpadded base64url of an STS GetCallerIdentity URL presigned for 60
seconds with the `x-k8s-aws-id: <cluster>` header signed; the cluster's
authenticator replays that URL to learn who is calling. Nothing is sent to
STS (unless --role-arn asks for a role's credentials first).

update-kubeconfig describes the cluster and writes a cluster, a user whose
exec plugin runs get-token, and a context joining them into a kubeconfig
(cli.commands.kubeconfig), keeping whatever else the file holds.
"""

from __future__ import annotations

from cli.commands import Argument, HandCommand

TYPE_CHECKING = False
if TYPE_CHECKING:
    from cli.commands.room import Context

TOKEN_PREFIX = "k8s-aws-v1."
CLUSTER_ID_HEADER = "x-k8s-aws-id"
URL_EXPIRES = 60  # seconds the presigned URL is valid
TOKEN_MINUTES = 14  # the expiry announced to the client: just before STS's 15 minutes

V1 = "client.authentication.k8s.io/v1"
V1BETA1 = "client.authentication.k8s.io/v1beta1"
V1ALPHA1 = "client.authentication.k8s.io/v1alpha1"
KUBECONFIG_API_VERSION = V1BETA1  # what update-kubeconfig writes in the user's exec entry


def exec_api_version(exec_info: str, warn) -> str:
    """The ExecCredential apiVersion for KUBERNETES_EXEC_INFO (v2's rules and warnings)."""
    import json

    if not exec_info:
        return V1BETA1  # clients before Kubernetes 1.20 did not always set it
    try:
        version = json.loads(exec_info).get("apiVersion")
    except (ValueError, AttributeError):
        warn(f"Error parsing KUBERNETES_EXEC_INFO, defaulting to {V1BETA1}. This is likely "
             "a bug in your Kubernetes client. Please update your Kubernetes client.")
        return V1BETA1
    if version in (V1, V1BETA1):
        return version
    if version == V1ALPHA1:
        warn(f"Kubeconfig user entry is using deprecated API version {V1ALPHA1}. Run "
             "'aws eks update-kubeconfig' to update.")
        return version
    warn(f"Unrecognized API version in KUBERNETES_EXEC_INFO, defaulting to {V1BETA1}. This "
         "is likely due to an outdated AWS CLI. Please update your AWS CLI.")
    return V1BETA1


def presigned_identity_url(sts, cluster: str) -> str:
    """An STS GetCallerIdentity URL presigned by `sts` (an STS client) for URL_EXPIRES
    seconds, with the `x-k8s-aws-id: <cluster>` header among the signed headers.

    botocore's own presigner resolves the endpoint and the signing region (the global
    endpoint signs for us-east-1); the header has no parameter in STS's model, so it is
    added just before signing, for this one request of this one client.
    """
    def add_header(request, **_):
        request.headers[CLUSTER_ID_HEADER] = cluster

    sts.meta.events.register("before-sign.sts.GetCallerIdentity", add_header)
    return sts.generate_presigned_url("get_caller_identity", ExpiresIn=URL_EXPIRES,
                                      HttpMethod="GET")


def token_of(url: str) -> str:
    import base64

    return TOKEN_PREFIX + base64.urlsafe_b64encode(url.encode()).decode().rstrip("=")


def _assume(context: Context, role_arn: str, session_name: str) -> None:
    """Use the role's credentials from now on in this command (its session only)."""
    # STS, not EKS: the global --endpoint-url stays out of it (as in v2).
    sts = context.session().create_client("sts", region_name=context.args.region)
    response = sts.assume_role(RoleArn=role_arn, RoleSessionName=session_name)
    credentials = response["Credentials"]
    context.hide(credentials["SecretAccessKey"], "SecretAccessKey")
    context.hide(credentials["SessionToken"], "SessionToken")
    context.session().set_credentials(credentials["AccessKeyId"],
                                      credentials["SecretAccessKey"],
                                      credentials["SessionToken"])


def get_token(values: dict, context: Context) -> int:
    from datetime import datetime, timedelta, timezone

    from cli.errors import ValidationError

    if values["role_arn"]:
        _assume(context, values["role_arn"], "EKSGetTokenAuth")
    if values["cluster_name"] and values["cluster_id"]:
        raise ValidationError('The key "cluster_id" cannot be specified when one of the '
                              "following keys are also specified: cluster_name")
    cluster = values["cluster_id"] or values["cluster_name"]
    if not cluster:
        # v2 hands this message back as its exit status: printed bare, exit 1.
        context.env.stderr.write(
            "Either parameter --cluster-name or --cluster-id must be specified.\n")
        return 1
    # The URL is STS's: the global --endpoint-url (meant for EKS) does not apply, as in v2;
    # AWS_ENDPOINT_URL_STS and the configuration's endpoints do.
    sts = context.session().create_client("sts", region_name=context.args.region)
    token = token_of(presigned_identity_url(sts, cluster))
    context.hide(token, "token")
    expires = datetime.now(timezone.utc) + timedelta(minutes=TOKEN_MINUTES)
    document = {
        "kind": "ExecCredential",
        "apiVersion": exec_api_version(context.env.environ.get("KUBERNETES_EXEC_INFO", ""),
                                       lambda line: context.env.stderr.write(line + "\n")),
        "spec": {},
        "status": {"expirationTimestamp": expires.strftime("%Y-%m-%dT%H:%M:%SZ"),
                   "token": token},
    }
    code = context.print_result(document)
    context.env.stdout.write("\n")  # v2 adds an empty line after the document
    return code


def update_kubeconfig(values: dict, context: Context) -> int:
    import logging
    import os

    from cli.commands import kubeconfig

    cluster = _describe(values, context)
    cluster_entry = _cluster_entry(cluster, values["proxy_url"])
    user_entry = _user_entry(cluster, values, context.session().profile)
    environ = context.env.environ
    home = environ.get("HOME") or os.path.expanduser("~")
    candidates = kubeconfig.paths(values["kubeconfig"], environ.get("KUBECONFIG", ""), home)
    # A candidate that cannot be read is passed over; v2 says so in its --debug log only.
    path, content = kubeconfig.choose(candidates, cluster_entry["name"],
                                      logging.getLogger("shapecli").debug)
    updating = kubeconfig.has_cluster(content, cluster_entry["name"])
    context_entry = kubeconfig.merge(content, cluster_entry, user_entry, values["alias"])
    out = context.env.stdout
    if values["dry_run"]:
        out.write(kubeconfig.dump(content))
        return 0
    kubeconfig.save(path, content)
    if updating:
        out.write(f"Updated context {context_entry['name']} in {path}\n")
    else:
        out.write(f"Added new context {context_entry['name']} to {path}\n")
    if values["verbose"]:
        out.write("Entries:\n\n")
        for entry in (context_entry, user_entry, cluster_entry):
            out.write(kubeconfig.dump(entry) + "\n")
    return 0


def _describe(values: dict, context: Context) -> dict:
    from cli.commands.kubeconfig import KubeconfigError

    if values["assume_role_arn"]:
        _assume(context, values["assume_role_arn"], "EKSDescribeClusterSession")
    cluster = context.client("eks").describe_cluster(name=values["name"]).get("cluster")
    if not cluster or "status" not in cluster:
        raise KubeconfigError("Cluster not found")
    if cluster["status"] not in ("ACTIVE", "UPDATING"):
        raise KubeconfigError(f"Cluster status is {cluster['status']}")
    return cluster


def _cluster_entry(cluster: dict, proxy_url: str | None) -> dict:
    entry = {"cluster": {"certificate-authority-data":
                         cluster.get("certificateAuthority", {}).get("data", ""),
                         "server": cluster.get("endpoint")},
             "name": cluster.get("arn")}
    if proxy_url is not None:
        entry["cluster"]["proxy-url"] = proxy_url
    return entry


def _user_entry(cluster: dict, values: dict, profile: str | None) -> dict:
    region = cluster["arn"].split(":")[3]
    outpost = cluster.get("outpostConfig")
    # A local cluster on Outposts (no etcd instance type) is known by its id only.
    if outpost is None or outpost.get("etcdInstanceType") is not None:
        identity = ["--cluster-name", values["name"]]
    else:
        identity = ["--cluster-id", cluster.get("id")]
    args = ["--region", region, "eks", "get-token", *identity, "--output", "json"]
    if values["role_arn"] is not None:
        args += ["--role", values["role_arn"]]
    exec_entry: dict = {"apiVersion": KUBECONFIG_API_VERSION, "args": args, "command": "aws"}
    if profile:
        exec_entry["env"] = [{"name": "AWS_PROFILE", "value": profile}]
    return {"name": values["user_alias"] or cluster.get("arn", ""), "user": {"exec": exec_entry}}


COMMANDS = (
    HandCommand(
        ("eks", "get-token"), get_token,
        summary="Print a token that authenticates you to an Amazon EKS cluster.",
        description=(
            "Prints a Kubernetes ExecCredential document for the cluster: kubectl and other "
            "Kubernetes clients run this command as the exec plugin of a kubeconfig user "
            "(aws eks update-kubeconfig writes such a user). The token is a presigned STS "
            "GetCallerIdentity request naming the cluster; it is made locally and is valid "
            "for 15 minutes (the document says 14, so that clients renew it in time).\n\n"
            "The document's apiVersion follows KUBERNETES_EXEC_INFO, which Kubernetes "
            "clients set (client.authentication.k8s.io/v1beta1 when it is unset or not "
            "understood). Use it instead of aws-iam-authenticator."),
        arguments=(
            Argument("cluster-name", documentation=(
                "The name of the cluster the token is for (a local cluster on AWS Outposts "
                "takes --cluster-id instead).")),
            Argument("role-arn", documentation=(
                "A role to assume first: the token is signed with that role's session "
                "credentials instead of the current ones.")),
            Argument("cluster-id", documentation=(
                "The id of the cluster the token is for; for local clusters on AWS Outposts.")),
        ),
        examples=(
            "A token for the cluster prod::\n\n    aws eks get-token --cluster-name prod",
            "A token signed as another role::\n\n"
            "    aws eks get-token --cluster-name prod --role-arn "
            "arn:aws:iam::111122223333:role/eks-admins",
        ),
        output=("An ExecCredential document (kind, apiVersion, spec, status with "
                "expirationTimestamp and token), printed in the output format; kubectl "
                "expects json.")),
    HandCommand(
        ("eks", "update-kubeconfig"), update_kubeconfig,
        summary="Write a kubeconfig entry for an Amazon EKS cluster.",
        description=(
            "Describes the cluster and adds it to a kubeconfig file: a cluster entry (its "
            "endpoint and certificate authority), a user entry whose exec plugin runs "
            "aws eks get-token, and a context joining the two, which becomes the current "
            "context. Entries with the same names are replaced; every other cluster, context "
            "and user in the file stays.\n\n"
            "The file is the one given with --kubeconfig; otherwise the first file of the "
            "KUBECONFIG variable that already has the cluster, or else its first file; "
            "otherwise ~/.kube/config. A new file is readable by its owner only.\n\n"
            "The user entry carries the profile in use (AWS_PROFILE) and, with --role-arn, the "
            "role get-token assumes."),
        arguments=(
            Argument("name", documentation="The name of the cluster (in the region of the "
                     "command).", required=True),
            Argument("kubeconfig", documentation="The kubeconfig file to write, instead of "
                     "KUBECONFIG's or ~/.kube/config.", completion="files"),
            Argument("role-arn", documentation="A role the user's get-token assumes to "
                     "authenticate to the cluster."),
            Argument("proxy-url", documentation="A proxy the cluster entry routes its "
                     "traffic through."),
            Argument("dry-run", "boolean", "Print the merged kubeconfig instead of writing "
                     "it.", default=False),
            Argument("verbose", "boolean", "Also print the entries written.", default=False),
            Argument("alias", documentation="The context's name (default: the cluster's "
                     "ARN)."),
            Argument("user-alias", documentation="The user's name (default: the cluster's "
                     "ARN)."),
            Argument("assume-role-arn", documentation="A role to assume for describing the "
                     "cluster, e.g. in the account that owns it."),
        ),
        examples=(
            "Add the cluster prod to ~/.kube/config::\n\n"
            "    aws eks update-kubeconfig --name prod --region eu-west-1",
            "Add it under a short context name, to a file of its own::\n\n"
            "    aws eks update-kubeconfig --name prod --alias prod "
            "--kubeconfig ~/.kube/prod.yaml",
        )),
)
