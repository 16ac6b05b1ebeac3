"""v2's `aws emr describe-cluster`: the cluster with its instance groups (or fleets) and
bootstrap actions in one answer, where the API's DescribeCluster gives the cluster alone.

    DescribeCluster                       -> {"Cluster": {...}}
    ListInstanceFleets (a fleet cluster)  -> Cluster.InstanceFleets
    or ListInstanceGroups                 -> Cluster.InstanceGroups
    ListBootstrapActions                  -> Cluster.BootstrapActions (an empty list when none)

Each list is its first page, as in v2. The answer is printed as an operation's
response (--output, --query, the pager). v2's other emr commands are listed as not
provided (cli.commands.UNPROVIDED).
"""

from __future__ import annotations

from cli.commands import Argument, HandCommand

FLEET = "INSTANCE_FLEET"  # InstanceCollectionType of a cluster made of instance fleets


def merged(cluster: dict, instances: dict, bootstrap: dict) -> dict:
    """DescribeCluster's answer with the other three lists put into its Cluster, in v2's
    order: BootstrapActions first (empty until known), then the instances."""
    described = dict(cluster)
    described.pop("ResponseMetadata", None)
    if "Cluster" not in described:
        return described
    inner = described["Cluster"] = dict(described["Cluster"])
    inner["BootstrapActions"] = []
    for key in ("InstanceFleets", "InstanceGroups"):
        if instances.get(key) is not None:
            inner[key] = instances[key]
    if bootstrap.get("BootstrapActions") is not None:
        inner["BootstrapActions"] = bootstrap["BootstrapActions"]
    return described


def run_describe_cluster(values: dict, context) -> int:
    client = context.client("emr")
    request = {"ClusterId": values["cluster_id"]}
    cluster = client.describe_cluster(**request)
    if cluster.get("Cluster", {}).get("InstanceCollectionType") == FLEET:
        instances = client.list_instance_fleets(**request)
    else:
        instances = client.list_instance_groups(**request)
    bootstrap = client.list_bootstrap_actions(**request)
    # v2 titles the table with the API's name of the call it stands for
    return context.print_result(merged(cluster, instances, bootstrap), title="describe_cluster")


COMMANDS = (
    HandCommand(
        ("emr", "describe-cluster"), run_describe_cluster,
        summary="Show a cluster with its instance groups or fleets and bootstrap actions.",
        description=(
            "Shows everything about one EMR cluster in one answer: its state, hardware and "
            "software configuration, network settings, and, beside what DescribeCluster "
            "returns, its instance groups (or instance fleets, for a cluster made of fleets) "
            "and its bootstrap actions. It needs elasticmapreduce:DescribeCluster, "
            "ListInstanceGroups (or ListInstanceFleets) and ListBootstrapActions."),
        arguments=(
            Argument("cluster-id", required=True, documentation=(
                "The cluster's ID (j-...), as create-cluster and list-clusters show it.")),
        ),
        examples=(
            "To show a cluster::\n\n    aws emr describe-cluster --cluster-id j-1ABCDEFGHIJKL",
        ),
        output=("Cluster: DescribeCluster's cluster, with InstanceGroups or InstanceFleets and "
                "BootstrapActions added."),
    ),
)
