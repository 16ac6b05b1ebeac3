"""`aws emr describe-cluster`, v2's hand-written command: DescribeCluster with the cluster's
instance groups (or fleets) and bootstrap actions put into its Cluster, against moto."""

from __future__ import annotations

import json

import pytest

from cli.commands.emr import merged
from tests.runner import run

GROUPS = {"InstanceGroups": [
    {"Name": "m", "InstanceRole": "MASTER", "InstanceType": "m5.xlarge", "InstanceCount": 1},
    {"Name": "c", "InstanceRole": "CORE", "InstanceType": "m5.xlarge", "InstanceCount": 2}],
    "KeepJobFlowAliveWhenNoSteps": True}
FLEETS = {"InstanceFleets": [
    {"Name": "m", "InstanceFleetType": "MASTER", "TargetOnDemandCapacity": 1,
     "InstanceTypeConfigs": [{"InstanceType": "m5.xlarge"}]}],
    "KeepJobFlowAliveWhenNoSteps": True}
BOOTSTRAP = [{"Name": "b1", "ScriptBootstrapAction": {"Path": "s3://x/b.sh", "Args": ["a"]}}]


def _cluster(emr, instances: dict, **more) -> str:
    """A cluster made through boto3: v2 (and so shapecli) has no run-job-flow, and
    create-cluster is one of the emr commands shapecli does not provide."""
    return emr.run_job_flow(Name="c", ReleaseLabel="emr-6.10.0", Instances=instances,
                            JobFlowRole="EMR_EC2_DefaultRole", ServiceRole="EMR_DefaultRole",
                            **more)["JobFlowId"]


@pytest.fixture(scope="module")
def clusters(moto):
    import boto3  # moto's own dependency

    env = moto.environ()
    emr = boto3.client("emr", endpoint_url=env["AWS_ENDPOINT_URL"], region_name="us-west-2",
                       aws_access_key_id="testing", aws_secret_access_key="testing")
    return env, {"groups": _cluster(emr, GROUPS, BootstrapActions=BOOTSTRAP),
                 "fleets": _cluster(emr, FLEETS)}


def test_instance_groups_and_bootstrap_actions_join_the_cluster(clusters):
    env, ids = clusters
    result = run(["emr", "describe-cluster", "--cluster-id", ids["groups"], "--output", "json"],
                 env)
    assert result.exit_code == 0, result.stderr
    cluster = json.loads(result.stdout)["Cluster"]
    assert cluster["Id"] == ids["groups"]
    assert sorted(g["Name"] for g in cluster["InstanceGroups"]) == ["c", "m"]
    assert [a["Name"] for a in cluster["BootstrapActions"]] == ["b1"]
    assert list(cluster)[-2:] == ["BootstrapActions", "InstanceGroups"]  # v2's order
    assert "InstanceFleets" not in cluster and "ResponseMetadata" not in result.stdout


def test_a_fleet_cluster_gets_its_fleets_and_an_empty_bootstrap_list(recorder, clusters):
    """moto knows no instance fleets (ListInstanceFleets answers 500), so the service here is
    the recording server answering as EMR would."""
    from tests.recording_server import Response

    env, _ = clusters
    answers = ({"Cluster": {"Id": "j-F", "InstanceCollectionType": "INSTANCE_FLEET"}},
               {"InstanceFleets": [{"Id": "if-1", "Name": "m"}]}, {})
    del recorder.requests[:]
    recorder.responses[:] = [
        Response(body=json.dumps(a).encode(),
                 headers={"Content-Type": "application/x-amz-json-1.1"}) for a in answers]
    result = run(["emr", "describe-cluster", "--cluster-id", "j-F", "--output", "json"],
                 {**env, "AWS_ENDPOINT_URL": recorder.endpoint})
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == {"Cluster": {
        "Id": "j-F", "InstanceCollectionType": "INSTANCE_FLEET", "BootstrapActions": [],
        "InstanceFleets": [{"Id": "if-1", "Name": "m"}]}}
    calls = [(r.headers["x-amz-target"], r.json()) for r in recorder.requests]
    assert calls == [(f"ElasticMapReduce.{name}", {"ClusterId": "j-F"}) for name in
                     ("DescribeCluster", "ListInstanceFleets", "ListBootstrapActions")]


def test_times_are_iso_in_text_and_the_table_is_titled_as_v2s(clusters):
    env, ids = clusters
    text = run(["emr", "describe-cluster", "--cluster-id", ids["groups"], "--output", "text"],
               env)
    timeline = [line for line in text.stdout.splitlines() if line.startswith("TIMELINE")]
    assert timeline and all("T" in line.split("\t")[1] for line in timeline)
    table = run(["emr", "describe-cluster", "--cluster-id", ids["groups"], "--output", "table"],
                env)
    assert table.stdout.splitlines()[1].strip("| ") == "describe_cluster"


def test_an_unknown_cluster_is_the_services_error(clusters):
    env, _ = clusters
    result = run(["emr", "describe-cluster", "--cluster-id", "j-NOTHERE"], env)
    assert result.exit_code == 254
    assert "when calling the DescribeCluster operation" in result.stderr


def test_the_cluster_id_is_required_and_documented(clusters):
    env, _ = clusters
    missing = run(["emr", "describe-cluster"], env)
    assert missing.exit_code == 252 and "--cluster-id" in missing.stderr
    page = run(["emr", "describe-cluster", "help"], env)
    assert page.exit_code == 0 and "--cluster-id" in page.stdout


@pytest.mark.parametrize("described,instances,bootstrap,expected", [
    ({"Cluster": {"Id": "j-1"}, "ResponseMetadata": {}}, {"InstanceGroups": [1]},
     {"BootstrapActions": [2]},
     {"Cluster": {"Id": "j-1", "BootstrapActions": [2], "InstanceGroups": [1]}}),
    ({"Cluster": {"Id": "j-1"}}, {"InstanceFleets": [1]}, {},
     {"Cluster": {"Id": "j-1", "BootstrapActions": [], "InstanceFleets": [1]}}),
    ({"Cluster": {"Id": "j-1"}}, {"InstanceGroups": None}, {"BootstrapActions": None},
     {"Cluster": {"Id": "j-1", "BootstrapActions": []}}),
    ({"Other": 1}, {"InstanceGroups": [1]}, {}, {"Other": 1}),  # no Cluster: as it came
])
def test_merged(described, instances, bootstrap, expected):
    before = json.dumps(described)
    assert merged(described, instances, bootstrap) == expected
    assert json.dumps(described) == before  # the answers themselves are left alone
