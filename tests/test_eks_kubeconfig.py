"""`aws eks update-kubeconfig` against moto's EKS (cli/commands/eks.py), and the kubeconfig
rules underneath (cli/commands/kubeconfig.py): which file, v2's checks, merging by name."""

from __future__ import annotations

import os
import stat
import uuid

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from cli.commands import kubeconfig
from tests.runner import run

OTHER = """\
apiVersion: v1
clusters:
- cluster:
    server: https://other.example.com
  name: other
contexts:
- context:
    cluster: other
    user: other-user
  name: other-context
current-context: other-context
kind: Config
preferences: {}
users:
- name: other-user
  user:
    token: abc
"""


@pytest.fixture
def environ(moto, tmp_path):
    return {**moto.environ(), "HOME": str(tmp_path)}


@pytest.fixture
def cluster(environ):
    """A new ACTIVE cluster in moto: (name, description)."""
    name = "c" + uuid.uuid4().hex[:8]
    created = run(["eks", "create-cluster", "--name", name, "--role-arn",
                   "arn:aws:iam::123456789012:role/eks", "--resources-vpc-config",
                   "subnetIds=subnet-1"], environ)
    assert created.exit_code == 0, created.stderr
    described = run(["eks", "describe-cluster", "--name", name, "--query", "cluster"], environ)
    return name, yaml.safe_load(described.stdout)


def _load(path) -> dict:
    with open(path) as f:
        return yaml.safe_load(f)


def test_a_new_kubeconfig_as_v2_writes_it(environ, cluster, tmp_path):
    name, described = cluster
    result = run(["eks", "update-kubeconfig", "--name", name], environ)
    path = tmp_path / ".kube" / "config"
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == f"Added new context {described['arn']} to {path}\n"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    text = path.read_text()
    assert text.startswith("apiVersion: v1\nclusters:\n- cluster:\n"
                           "    certificate-authority-data: ")
    assert "\npreferences: {}\n" in text and "\ncurrent-context: arn:aws:eks:" in text
    content = _load(path)
    assert list(content) == ["apiVersion", "clusters", "contexts", "current-context", "kind",
                             "preferences", "users"]
    assert content["clusters"] == [{"cluster": {
        "certificate-authority-data": described["certificateAuthority"]["data"],
        "server": described["endpoint"]}, "name": described["arn"]}]
    assert content["contexts"] == [{"context": {"cluster": described["arn"],
                                                "user": described["arn"]},
                                    "name": described["arn"]}]
    assert content["users"] == [{"name": described["arn"], "user": {"exec": {
        "apiVersion": "client.authentication.k8s.io/v1beta1",
        "args": ["--region", "us-west-2", "eks", "get-token", "--cluster-name", name,
                 "--output", "json"],
        "command": "aws"}}}]


def test_merging_keeps_other_entries_and_updates_in_place(environ, cluster, tmp_path):
    name, described = cluster
    path = tmp_path / "kube.yaml"
    path.write_text(OTHER)
    os.chmod(path, 0o640)
    argv = ["eks", "update-kubeconfig", "--name", name, "--kubeconfig", str(path),
            "--alias", "short", "--user-alias", "me",
            "--role-arn", "arn:aws:iam::123456789012:role/admin"]
    first = run(argv, environ)
    assert first.stdout == f"Added new context short to {path}\n"
    again = run(argv, environ)
    assert again.stdout == f"Updated context short in {path}\n"
    content = _load(path)
    assert [c["name"] for c in content["clusters"]] == ["other", described["arn"]]
    assert [c["name"] for c in content["contexts"]] == ["other-context", "short"]
    assert [u["name"] for u in content["users"]] == ["other-user", "me"]
    assert content["users"][0] == {"name": "other-user", "user": {"token": "abc"}}
    assert content["current-context"] == "short"
    assert content["users"][1]["user"]["exec"]["args"][-2:] == [
        "--role", "arn:aws:iam::123456789012:role/admin"]
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640  # an existing file keeps its mode


def test_kubeconfig_variable_with_several_files(environ, cluster, tmp_path):
    name, described = cluster
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    variable = os.pathsep.join([str(first), "", str(second)])
    result = run(["eks", "update-kubeconfig", "--name", name], {**environ, "KUBECONFIG": variable})
    assert result.stdout == f"Added new context {described['arn']} to {first}\n"
    # Once the cluster is in the second file, that file is the one updated.
    second.write_text(first.read_text())
    first.write_text(OTHER)
    result = run(["eks", "update-kubeconfig", "--name", name, "--alias", "x"],
                 {**environ, "KUBECONFIG": variable})
    assert result.stdout == f"Updated context x in {second}\n"
    assert _load(first) == yaml.safe_load(OTHER)


def test_dry_run_prints_the_merged_file_and_writes_nothing(environ, cluster, tmp_path):
    name, _ = cluster
    path = tmp_path / "kube.yaml"
    path.write_text(OTHER)
    result = run(["eks", "update-kubeconfig", "--name", name, "--kubeconfig", str(path),
                  "--dry-run"], environ)
    assert result.exit_code == 0
    assert path.read_text() == OTHER
    printed = yaml.safe_load(result.stdout)
    assert [c["name"] for c in printed["contexts"]][0] == "other-context"
    assert len(printed["contexts"]) == 2


def test_verbose_prints_the_entries(environ, cluster, tmp_path):
    name, described = cluster
    result = run(["eks", "update-kubeconfig", "--name", name, "--verbose", "--alias", "v"],
                 environ)
    head, _, entries = result.stdout.partition("Entries:\n\n")
    assert head.startswith("Added new context v to ")
    parts = entries.split("\n\n")
    assert yaml.safe_load(parts[0]) == {"context": {"cluster": described["arn"],
                                                    "user": described["arn"]}, "name": "v"}
    assert yaml.safe_load(parts[1])["name"] == described["arn"]
    assert yaml.safe_load(parts[2])["cluster"]["server"] == described["endpoint"]


def test_a_profile_goes_into_the_user_entry(environ, cluster, tmp_path):
    name, _ = cluster
    (tmp_path / "config").write_text("[profile dev]\nregion = us-west-2\n"
                                     "aws_access_key_id = testing\n"
                                     "aws_secret_access_key = testing\n")
    result = run(["eks", "update-kubeconfig", "--name", name, "--profile", "dev",
                  "--assume-role-arn", "arn:aws:iam::123456789012:role/reader"],
                 {**environ, "AWS_CONFIG_FILE": str(tmp_path / "config")})
    assert result.exit_code == 0, result.stderr
    user = _load(tmp_path / ".kube" / "config")["users"][0]
    assert user["user"]["exec"]["env"] == [{"name": "AWS_PROFILE", "value": "dev"}]


@pytest.mark.parametrize("content, message", [
    ("x: [\n", "YamlError while loading kubeconfig: "),
    ("clusters: 5\n", "clusters is wrong type: <class 'int'> (Should be <class 'list'>)"),
    ("- 1\n", "Content not a <class 'dict'>."),
    ("users:\n- 1\n", "Entry in users not a <class 'dict'>. "),
])
def test_a_broken_kubeconfig_is_refused_and_left_alone(environ, cluster, tmp_path, content,
                                                       message):
    name, _ = cluster
    path = tmp_path / "bad"
    path.write_text(content)
    result = run(["eks", "update-kubeconfig", "--name", name, "--kubeconfig", str(path)],
                 environ)
    assert result.exit_code == 255
    assert result.stderr.startswith("\naws: [ERROR]: " + message)
    assert path.read_text() == content


def test_an_unknown_cluster_is_the_service_s_error(environ, tmp_path):
    result = run(["eks", "update-kubeconfig", "--name", "no-such-cluster"], environ)
    assert result.exit_code == 254
    assert "(ResourceNotFoundException) when calling the DescribeCluster operation" in result.stderr
    assert not (tmp_path / ".kube").exists()


# -- the rules, without a cluster -----------------------------------------------------


@pytest.mark.parametrize("option, variable, expected", [
    (None, "", ["/h/.kube/config"]),
    (None, " ", ["/h/.kube/config"]),
    (None, f"/a{os.pathsep}{os.pathsep}/b", ["/a", "/b"]),
    ("~/k", "/a", ["/h/k"]),
    ("rel", "", [os.path.abspath("rel")]),
])
def test_which_files(option, variable, expected):
    assert kubeconfig.paths(option, variable, "/h") == expected


def test_an_empty_file_is_a_new_kubeconfig(tmp_path):
    (tmp_path / "empty").write_text("")
    assert kubeconfig.load(str(tmp_path / "empty")) == kubeconfig.empty()
    assert kubeconfig.load(str(tmp_path / "missing")) == kubeconfig.empty()


names = st.text(alphabet="abc:/-", min_size=1, max_size=6)
entries = st.lists(names, max_size=4, unique=True)


@given(clusters=entries, users=entries, cluster=names, user=names,
       alias=st.none() | names)
def test_merging_keeps_every_other_entry_and_is_idempotent(clusters, users, cluster, user,
                                                           alias):
    content = kubeconfig.empty()
    content["clusters"] = [{"name": n, "cluster": {"server": n}} for n in clusters]
    content["users"] = [{"name": n, "user": {}} for n in users]
    new_cluster = {"cluster": {"server": "new"}, "name": cluster}
    new_user = {"name": user, "user": {"exec": {}}}
    kubeconfig.merge(content, new_cluster, new_user, alias)
    once = yaml.safe_load(kubeconfig.dump(content))
    kubeconfig.merge(content, new_cluster, new_user, alias)
    assert yaml.safe_load(kubeconfig.dump(content)) == once
    assert [c["name"] for c in once["clusters"]] == clusters + (
        [] if cluster in clusters else [cluster])
    assert [u["name"] for u in once["users"]] == users + ([] if user in users else [user])
    assert once["current-context"] == (alias or user)
    assert {"cluster": {"server": "new"}, "name": cluster} in once["clusters"]
