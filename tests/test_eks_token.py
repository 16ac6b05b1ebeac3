"""`aws eks get-token` (cli/commands/eks.py): the ExecCredential document, the token
decoded back to its presigned STS URL and its signature recomputed independently
(tests/sigv4_check.py), KUBERNETES_EXEC_INFO, --role-arn against moto's STS."""

from __future__ import annotations

import base64
import json
from datetime import datetime, timedelta, timezone
from urllib.parse import urlsplit

import pytest

from cli.commands.eks import V1, V1ALPHA1, V1BETA1, exec_api_version
from tests.runner import run
from tests.sigv4_check import expected_signature, query_of


@pytest.fixture
def environ(moto, tmp_path):
    return {**moto.environ(), "HOME": str(tmp_path)}


def _url_of(token: str) -> str:
    assert token.startswith("k8s-aws-v1.")
    body = token[len("k8s-aws-v1."):]
    assert "=" not in body and "+" not in body and "/" not in body  # base64url, unpadded
    return base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)).decode()


def _document(result):
    assert result.exit_code == 0, result.stderr
    assert result.stdout.endswith("}\n\n")  # v2 prints an empty line after the document
    return json.loads(result.stdout)


def test_the_document_and_its_token(environ, moto):
    before = datetime.now(timezone.utc).replace(microsecond=0)
    document = _document(run(["eks", "get-token", "--cluster-name", "prod"], environ))
    assert list(document) == ["kind", "apiVersion", "spec", "status"]
    assert (document["kind"], document["apiVersion"], document["spec"]) == (
        "ExecCredential", V1BETA1, {})
    expires = datetime.strptime(document["status"]["expirationTimestamp"],
                                "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    assert before + timedelta(minutes=14) <= expires <= before + timedelta(minutes=14, seconds=5)
    url = _url_of(document["status"]["token"])
    assert url.startswith(moto.endpoint + "/?Action=GetCallerIdentity&Version=2011-06-15&")
    query = query_of(url)
    assert query["X-Amz-Expires"] == "60"
    assert query["X-Amz-SignedHeaders"] == "host;x-k8s-aws-id"
    assert query["X-Amz-Credential"].split("/")[2:4] == ["us-west-2", "sts"]
    assert query["X-Amz-Signature"] == expected_signature(url, "testing",
                                                          {"x-k8s-aws-id": "prod"})
    # signed for this cluster only: another cluster's name does not fit the signature
    assert query["X-Amz-Signature"] != expected_signature(url, "testing",
                                                          {"x-k8s-aws-id": "other"})


def test_without_the_endpoint_override_the_regional_sts_endpoint_is_signed(tmp_path):
    environ = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "AWS_ACCESS_KEY_ID": "AKID",
               "AWS_SECRET_ACCESS_KEY": "secret", "AWS_DEFAULT_REGION": "eu-central-1"}
    document = _document(run(["eks", "get-token", "--cluster-name", "c"], environ))
    url = _url_of(document["status"]["token"])
    assert urlsplit(url).netloc == "sts.eu-central-1.amazonaws.com"
    assert query_of(url)["X-Amz-Signature"] == expected_signature(url, "secret",
                                                                  {"x-k8s-aws-id": "c"})


def test_without_a_region_the_global_endpoint_signs_for_us_east_1(tmp_path):
    environ = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "AWS_ACCESS_KEY_ID": "AKID",
               "AWS_SECRET_ACCESS_KEY": "secret"}
    url = _url_of(_document(run(["eks", "get-token", "--cluster-name", "c"], environ))
                  ["status"]["token"])
    assert url.startswith("https://sts.amazonaws.com/?")
    assert query_of(url)["X-Amz-Credential"].split("/")[2] == "us-east-1"
    assert query_of(url)["X-Amz-Signature"] == expected_signature(url, "secret",
                                                                  {"x-k8s-aws-id": "c"})


def test_the_global_endpoint_option_is_eks_s_not_sts_s(environ):
    url = _url_of(_document(run(["eks", "get-token", "--cluster-name", "c", "--endpoint-url",
                                 "https://eks.example.com"],
                                {**environ, "AWS_ENDPOINT_URL": ""}))["status"]["token"])
    assert url.startswith("https://sts.us-west-2.amazonaws.com/?")


def test_role_arn_signs_with_the_role_s_session(environ):
    document = _document(run(["eks", "get-token", "--cluster-name", "prod", "--role-arn",
                              "arn:aws:iam::123456789012:role/eks-admin"], environ))
    url = _url_of(document["status"]["token"])
    query = query_of(url)
    assert not query["X-Amz-Credential"].startswith("testing/")  # moto's assumed-role key
    assert "X-Amz-Security-Token" in query


def test_kubeconfigs_written_by_v2_pass_role_as_an_abbreviation(environ):
    document = _document(run(["eks", "get-token", "--cluster-name", "prod", "--role",
                              "arn:aws:iam::123456789012:role/eks-admin"], environ))
    assert "X-Amz-Security-Token" in query_of(_url_of(document["status"]["token"]))


def test_output_and_query_apply(environ):
    result = run(["eks", "get-token", "--cluster-name", "p", "--query", "apiVersion"], environ)
    assert result.stdout == f'"{V1BETA1}"\n\n'
    text = run(["eks", "get-token", "--cluster-name", "p", "--output", "text"], environ)
    assert text.stdout.startswith(f"{V1BETA1}\tExecCredential\nSTATUS\t")


@pytest.mark.parametrize("exec_info, version, warning", [
    ("", V1BETA1, None),
    (json.dumps({"apiVersion": V1}), V1, None),
    (json.dumps({"apiVersion": V1BETA1, "spec": {"interactive": False}}), V1BETA1, None),
    (json.dumps({"apiVersion": V1ALPHA1}), V1ALPHA1, "deprecated API version"),
    (json.dumps({"apiVersion": "client.authentication.k8s.io/v2"}), V1BETA1,
     "Unrecognized API version in KUBERNETES_EXEC_INFO"),
    ("{not json", V1BETA1, "Error parsing KUBERNETES_EXEC_INFO"),
    ("[1]", V1BETA1, "Error parsing KUBERNETES_EXEC_INFO"),
])
def test_kubernetes_exec_info_chooses_the_api_version(exec_info, version, warning):
    said: list[str] = []
    assert exec_api_version(exec_info, said.append) == version
    if warning is None:
        assert said == []
    else:
        assert len(said) == 1 and warning in said[0]


def test_exec_info_warnings_go_to_stderr(environ):
    result = run(["eks", "get-token", "--cluster-name", "p"],
                 {**environ, "KUBERNETES_EXEC_INFO": json.dumps({"apiVersion": V1ALPHA1})})
    assert json.loads(result.stdout)["apiVersion"] == V1ALPHA1
    assert result.stderr.startswith("Kubeconfig user entry is using deprecated API version")


@pytest.mark.parametrize("argv, code, stderr", [
    (["eks", "get-token"], 1,
     "Either parameter --cluster-name or --cluster-id must be specified.\n"),
    (["eks", "get-token", "--cluster-name", "a", "--cluster-id", "b"], 252,
     '\naws: [ERROR]: An error occurred (ParamValidation): The key "cluster_id" cannot be '
     "specified when one of the following keys are also specified: cluster_name\n"),
])
def test_errors_are_v2s(environ, argv, code, stderr):
    result = run(argv, environ)
    assert (result.exit_code, result.stdout, result.stderr) == (code, "", stderr)


def test_no_credentials_is_a_configuration_error(tmp_path):
    result = run(["eks", "get-token", "--cluster-name", "p"],
                 {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "AWS_DEFAULT_REGION": "us-west-2",
                  "AWS_EC2_METADATA_DISABLED": "true"})
    assert result.exit_code == 253
    assert "Unable to locate credentials" in result.stderr


def test_the_token_stays_out_of_the_debug_log(environ):
    result = run(["eks", "get-token", "--cluster-name", "p", "--role-arn",
                  "arn:aws:iam::123456789012:role/r", "--debug"], environ)
    token = json.loads(result.stdout)["status"]["token"]
    assert "AssumeRole" in result.stderr
    assert token not in result.stderr
    assert query_of(_url_of(token))["X-Amz-Signature"] not in result.stderr
