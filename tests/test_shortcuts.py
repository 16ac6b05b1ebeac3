"""v2's extra arguments (cli/shortcuts/): what each puts on the wire, and its errors."""

from __future__ import annotations

import base64
import io
import json
import zipfile

import pytest

from tests.moto_server import free_port
from tests.runner import run, run_process

CLOSED = f"http://127.0.0.1:{free_port()}"


def closed_environ(tmp_path) -> dict:
    return {"HOME": str(tmp_path), "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": "us-east-1",
            "AWS_MAX_ATTEMPTS": "1", "AWS_PAGER": ""}


@pytest.mark.parametrize("count,launched", [(None, 1), ("2", 2), ("3:3", 3)])
def test_run_instances_count(moto, count, launched):
    argv = ["ec2", "run-instances", "--image-id", "ami-12c6146b",
            "--query", "length(Instances)"]
    if count is not None:
        argv += ["--count", count]
    result = run_process(argv, {**moto.environ(), "AWS_DEFAULT_REGION": "us-east-1"})
    assert (result.exit_code, result.stdout, result.stderr) == (0, f"{launched}\n", "")


@pytest.mark.parametrize("argv,code,phrase", [
    (["--count", "2:x"], 252, "count parameter should be of form min[:max]"),
    (["--count", "1:2:3"], 252, "count parameter should be of form min[:max]"),
    (["--min-count", "1"], 252, "Unknown options: --min-count, 1"),
])
def test_run_instances_count_errors(tmp_path, argv, code, phrase):
    result = run(["ec2", "run-instances", "--image-id", "ami-1", *argv,
                  "--endpoint-url", CLOSED], closed_environ(tmp_path))
    assert result.exit_code == code
    assert phrase in result.stderr


def test_help_shows_count_not_min_count(tmp_path):
    result = run(["ec2", "run-instances", "help"], closed_environ(tmp_path))
    assert result.exit_code == 0
    assert "[--count <value>]" in result.stdout
    assert "--min-count" not in result.stdout


def test_security_group_shortcuts_build_one_permission(moto):
    environ = {**moto.environ(), "AWS_DEFAULT_REGION": "us-east-1"}
    created = run_process(["ec2", "create-security-group", "--group-name", "shortcuts",
                           "--description", "d", "--query", "GroupId", "--output", "text"],
                          environ)
    group = created.stdout.strip()
    granted = run_process(["ec2", "authorize-security-group-ingress", "--group-id", group,
                           "--protocol", "tcp", "--port", "22-25", "--cidr", "10.0.0.0/8"],
                          environ)
    assert granted.exit_code == 0, granted.stderr
    listed = run_process(["ec2", "describe-security-groups", "--group-ids", group, "--query",
                          "SecurityGroups[0].IpPermissions[0].[IpProtocol, FromPort, ToPort, "
                          "IpRanges[0].CidrIp]", "--output", "text"], environ)
    assert listed.stdout == "tcp\t22\t25\t10.0.0.0/8\n"


@pytest.mark.parametrize("argv,phrase", [
    (["--protocol", "gre"], "protocol parameter should be one of: tcp|udp|icmp|all"),
    (["--protocol", "300"], "protocol numbers must be in the range 0-255"),
    (["--port", "x-2"], "port parameter should be of the form <from[-to]>"),
    (["--port", "22", "--ip-permissions", "IpProtocol=tcp"],
     "The --port option is not compatible with the --ip-permissions option"),
])
def test_security_group_shortcut_errors(tmp_path, argv, phrase):
    result = run(["ec2", "authorize-security-group-ingress", "--group-id", "sg-1", *argv,
                  "--endpoint-url", CLOSED], closed_environ(tmp_path))
    assert result.exit_code == 252
    assert phrase in result.stderr


def test_security_group_help_documents_the_shortcuts_only(tmp_path):
    page = run(["ec2", "authorize-security-group-ingress", "help"], closed_environ(tmp_path))
    assert "[--protocol <value>]" in page.stdout and "[--cidr <value>]" in page.stdout
    assert "--cidr-ip" not in page.stdout and "--from-port" not in page.stdout


def test_put_metric_data_shortcuts(moto):
    environ = moto.environ()
    sent = run_process(["cloudwatch", "put-metric-data", "--namespace", "shortcuts",
                        "--metric-name", "latency", "--value", "1.5", "--unit", "Seconds",
                        "--dimensions", "Host=a,Tier=web"], environ)
    assert (sent.exit_code, sent.stderr) == (0, "")
    listed = run_process(["cloudwatch", "list-metrics", "--namespace", "shortcuts", "--query",
                          "Metrics[0].[MetricName, Dimensions[].Name]"], environ)
    import json

    assert json.loads(listed.stdout) == ["latency", ["Host", "Tier"]]


@pytest.mark.parametrize("argv,phrase", [
    (["--metric-name", "m", "--metric-data", "MetricName=x,Value=1"],
     "The --metric-name option is not compatible with the --metric-data option"),
    (["--metric-name", "m", "--value", "lots"], "argument --value: invalid float value"),
    (["--metric-name", "m", "--dimensions", "a=b,"], "Error parsing parameter '--dimensions'"),
])
def test_put_metric_data_shortcut_errors(tmp_path, argv, phrase):
    result = run(["cloudwatch", "put-metric-data", "--namespace", "n", *argv,
                  "--endpoint-url", CLOSED], closed_environ(tmp_path))
    assert result.exit_code == 252
    assert phrase in result.stderr


def _sent(recorder, tmp_path, argv, files=None):
    for name, content in (files or {}).items():
        (tmp_path / name).write_bytes(content)
    result = run([*argv, "--endpoint-url", recorder.endpoint], closed_environ(tmp_path))
    assert result.exit_code == 0, result.stderr
    (request,) = recorder.requests
    return request


def _zip() -> bytes:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr("index.py", "def handler(event, context): pass\n")
    return data.getvalue()


ZIP = _zip()


# (argv, files, expected JSON body): the request the shortcut builds, as v2 builds it.
JSON_REQUESTS = [
    (["emr", "list-clusters", "--active"], {},
     {"ClusterStates": ["STARTING", "BOOTSTRAPPING", "RUNNING", "WAITING", "TERMINATING"]}),
    (["emr", "list-clusters", "--failed"], {}, {"ClusterStates": ["TERMINATED_WITH_ERRORS"]}),
    (["emr", "add-tags", "--resource-id", "j-1", "--tags", "team=data", "scratch"], {},
     {"ResourceId": "j-1", "Tags": [{"Key": "team", "Value": "data"},
                                    {"Key": "scratch", "Value": ""}]}),
    (["deploy", "create-deployment", "--application-name", "app", "--s3-location",
      "bucket=b,key=app.zip,bundleType=zip,eTag=e"], {},
     {"applicationName": "app", "revision": {"revisionType": "S3", "s3Location": {
         "bucket": "b", "key": "app.zip", "bundleType": "zip", "eTag": "e"}}}),
    (["deploy", "register-application-revision", "--application-name", "app",
      "--github-location", "repository=me/app,commitId=abc"], {},
     {"applicationName": "app", "revision": {"revisionType": "GitHub", "gitHubLocation": {
         "repository": "me/app", "commitId": "abc"}}}),
    (["lambda", "create-function", "--function-name", "f", "--role", "r", "--runtime",
      "python3.12", "--handler", "index.handler", "--zip-file", "fileb://f.zip"],
     {"f.zip": ZIP},
     {"FunctionName": "f", "Role": "r", "Runtime": "python3.12", "Handler": "index.handler",
      "Code": {"ZipFile": base64.b64encode(ZIP).decode()}}),
    (["lambda", "publish-layer-version", "--layer-name", "l", "--zip-file", "fileb://l.zip",
      "--content", "S3ObjectVersion=1"], {"l.zip": ZIP},
     {"Content": {"S3ObjectVersion": "1",
                                    "ZipFile": base64.b64encode(ZIP).decode()}}),
    (["rekognition", "detect-labels", "--image-bytes", "fileb://i.png"], {"i.png": b"\x89PNG"},
     {"Image": {"Bytes": base64.b64encode(b"\x89PNG").decode()}}),
    (["rekognition", "detect-labels", "--image-bytes", "aGVsbG8="], {},
     {"Image": {"Bytes": "aGVsbG8="}}),
    (["translate", "import-terminology", "--name", "n", "--merge-strategy", "OVERWRITE",
      "--data-file", "fileb://t.csv", "--terminology-data", "Format=CSV"], {"t.csv": b"en,fr\n"},
     {"Name": "n", "MergeStrategy": "OVERWRITE",
      "TerminologyData": {"Format": "CSV", "File": base64.b64encode(b"en,fr\n").decode()}}),
    (["configservice", "put-configuration-recorder", "--configuration-recorder",
      "name=default,roleARN=arn:aws:iam::123456789012:role/r", "--recording-group",
      "allSupported=true"], {},
     {"ConfigurationRecorder": {"name": "default",
                                "roleARN": "arn:aws:iam::123456789012:role/r",
                                "recordingGroup": {"allSupported": True}}}),
]


@pytest.mark.parametrize("argv,files,body", JSON_REQUESTS, ids=lambda v: str(v)[:40])
def test_shortcut_requests_json(recorder, tmp_path, monkeypatch, argv, files, body):
    monkeypatch.chdir(tmp_path)
    assert _sent(recorder, tmp_path, argv, files).json() == body


# (argv, expected form fields): query and ec2 protocol requests.
FORM_REQUESTS = [
    (["ec2", "run-instances", "--image-id", "ami-1", "--associate-public-ip-address",
      "--subnet-id", "subnet-1", "--security-group-ids", "sg-1"],
     {"NetworkInterface.1.DeviceIndex": "0", "NetworkInterface.1.AssociatePublicIpAddress": "true",
      "NetworkInterface.1.SubnetId": "subnet-1", "NetworkInterface.1.SecurityGroupId.1": "sg-1"}),
    (["ec2", "run-instances", "--image-id", "ami-1", "--secondary-private-ip-address-count", "2"],
     {"NetworkInterface.1.DeviceIndex": "0",
      "NetworkInterface.1.SecondaryPrivateIpAddressCount": "2"}),
    (["ec2", "run-instances", "--image-id", "ami-1", "--secondary-private-ip-addresses",
      "10.0.0.5", "10.0.0.6"],
     {"NetworkInterface.1.PrivateIpAddresses.1.PrivateIpAddress": "10.0.0.5",
      "NetworkInterface.1.PrivateIpAddresses.1.Primary": "false",
      "NetworkInterface.1.PrivateIpAddresses.2.PrivateIpAddress": "10.0.0.6"}),
    (["ec2", "create-network-acl-entry", "--network-acl-id", "acl-1", "--rule-number", "100",
      "--protocol", "udp", "--rule-action", "allow", "--ingress", "--cidr-block", "0.0.0.0/0"],
     {"Protocol": "17", "Egress": "false"}),
    (["ec2", "replace-network-acl-entry", "--network-acl-id", "acl-1", "--rule-number", "100",
      "--protocol", "all", "--rule-action", "deny", "--egress", "--cidr-block", "0.0.0.0/0"],
     {"Protocol": "-1", "Egress": "true"}),
    (["ec2", "modify-subnet-attribute", "--subnet-id", "s", "--map-public-ip-on-launch"],
     {"MapPublicIpOnLaunch.Value": "true"}),
    (["ec2", "modify-subnet-attribute", "--subnet-id", "s", "--no-map-public-ip-on-launch"],
     {"MapPublicIpOnLaunch.Value": "false"}),
    (["ec2", "modify-subnet-attribute", "--subnet-id", "s", "--map-public-ip-on-launch",
      "Value=false"], {"MapPublicIpOnLaunch.Value": "false"}),
    (["ec2", "modify-instance-attribute", "--instance-id", "i-1", "--no-source-dest-check"],
     {"SourceDestCheck.Value": "false"}),
    (["ec2", "modify-instance-attribute", "--instance-id", "i-1",
      "--no-disable-api-termination"], {"DisableApiTermination.Value": "false"}),
    (["ses", "send-email", "--from", "a@example.com", "--to", "b@example.com",
      "c@example.com", "--subject", "Hi", "--text", "Body", "--html", "<p>Body</p>"],
     {"Source": "a@example.com", "Destination.ToAddresses.member.1": "b@example.com",
      "Destination.ToAddresses.member.2": "c@example.com", "Message.Subject.Data": "Hi",
      "Message.Body.Text.Data": "Body", "Message.Body.Html.Data": "<p>Body</p>"}),
]


@pytest.mark.parametrize("argv,fields", FORM_REQUESTS, ids=lambda v: str(v)[:40])
def test_shortcut_requests_form(recorder, tmp_path, monkeypatch, argv, fields):
    monkeypatch.chdir(tmp_path)
    form = _sent(recorder, tmp_path, argv).form()
    assert {k: form.get(k) for k in fields} == fields


def test_cloudfront_paths_make_an_invalidation_batch(recorder, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    body = _sent(recorder, tmp_path, ["cloudfront", "create-invalidation", "--distribution-id",
                                      "D1", "--paths", "/a", "/b/*"]).body.decode()
    assert "<Quantity>2</Quantity><Items><Path>/a</Path><Path>/b/*</Path></Items>" in body
    import re

    assert re.search(r"<CallerReference>cli-\d+-\d+</CallerReference>", body)


SIMPLE_STORAGE = ["--bucket", "bundles", "--prefix", "winami", "--owner-akid", "AKID",
                  "--owner-sak", "owner-secret"]


@pytest.mark.parametrize("storage,policy", [
    (SIMPLE_STORAGE, None),
    (SIMPLE_STORAGE + ["--policy", '{"expiration": "2030-01-01T00:00:00.000000Z"}'],
     b'{"expiration": "2030-01-01T00:00:00.000000Z"}'),
    # --storage cannot be mixed with --owner-sak: a policy is made, and left unsigned.
    (["--storage", "S3={Bucket=bundles,Prefix=winami,AWSAccessKeyId=AKID}"], None),
])
def test_bundle_instance_storage_and_its_signed_upload_policy(recorder, tmp_path, storage,
                                                              policy):
    import hashlib
    import hmac

    form = _sent(recorder, tmp_path, ["ec2", "bundle-instance", "--instance-id", "i-1",
                                      *storage]).form()
    assert (form["Storage.S3.Bucket"], form["Storage.S3.Prefix"],
            form["Storage.S3.AWSAccessKeyId"]) == ("bundles", "winami", "AKID")
    sent = base64.b64decode(form["Storage.S3.UploadPolicy"])
    if policy is None:  # made for the bucket and prefix, for 24 hours
        made = json.loads(sent)
        assert made["conditions"] == [{"bucket": "bundles"}, {"acl": "ec2-bundle-read"},
                                      ["starts-with", "$key", "winami"]]
        assert made["expiration"].endswith("Z")
    else:
        assert sent == policy
    if "--owner-sak" not in storage:
        assert "Storage.S3.UploadPolicySignature" not in form
        return
    signature = hmac.new(b"owner-secret", base64.b64encode(sent), hashlib.sha1).digest()
    assert form["Storage.S3.UploadPolicySignature"] == base64.b64encode(signature).decode()
    assert not [k for k, v in form.items() if "owner-secret" in v]  # the secret stays here


# (argv, the one line v2 prints) for shortcuts given wrongly: exit 252, nothing sent.
SHORTCUT_ERRORS = [
    (["ec2", "run-instances", "--image-id", "a", "--associate-public-ip-address",
      "--network-interfaces", "DeviceIndex=0"],
     "Mixing the --network-interfaces option with the simple, scalar options is not "
     "supported."),
    (["ec2", "modify-subnet-attribute", "--subnet-id", "s", "--map-public-ip-on-launch",
      "--no-map-public-ip-on-launch"],
     'Cannot specify both the "--map-public-ip-on-launch" option and the '
     '"--no-map-public-ip-on-launch" option.'),
    (["emr", "list-clusters", "--cluster-states", "RUNNING", "--active"],
     "You can specify only one of the cluster state filters: --cluster-states, --active, "
     "--terminated, --failed."),
    (["emr", "add-tags", "--resource-id", "j-1"], "the following arguments are required: --tags"),
    (["ses", "send-email", "--from", "a@b.c", "--to", "x@y.z", "--destination",
      "ToAddresses=q@r.s", "--subject", "s", "--text", "t"],
     'The key "to" cannot be specified when one of the following keys are also specified: '
     'destination'),
    (["cloudfront", "create-invalidation", "--distribution-id", "D", "--paths", "/a",
      "--invalidation-batch", "Paths={Quantity=1,Items=[/x]},CallerReference=c"],
     'The key "paths" cannot be specified when one of the following keys are also specified: '
     'invalidation_batch'),
    (["deploy", "create-deployment", "--application-name", "a", "--s3-location",
      "bucket=b,key=k"], "--s3-location must specify bucket, key and bundleType."),
    (["lambda", "create-function", "--function-name", "f", "--role", "r", "--code",
      "ZipFile=abc"],
     "ZipFile cannot be provided as part of the --code argument.  Please use the '--zip-file' "
     "option instead to specify a zip file."),
    (["lambda", "update-function-code", "--function-name", "f", "--zip-file", "fileb://x.txt"],
     "--zip-file must be a zip file with the fileb:// prefix."),
    (["translate", "import-terminology", "--name", "n", "--merge-strategy", "OVERWRITE",
      "--terminology-data", "Format=CSV"], "the following arguments are required: --data-file"),
    (["ec2", "bundle-instance", "--instance-id", "i-1", "--bucket", "b", "--storage",
      "S3={Bucket=b,Prefix=p}"],
     "Mixing the --storage option with the simple, scalar options is not recommended."),
    # v2 fails with KeyError 'Storage' (exit 255); the validator names what is missing.
    (["ec2", "bundle-instance", "--instance-id", "i-1"],
     'Missing required parameter in input: "Storage"'),
]


@pytest.mark.parametrize("argv,line", SHORTCUT_ERRORS, ids=lambda v: str(v)[:40])
def test_shortcut_errors(recorder, tmp_path, monkeypatch, argv, line):
    (tmp_path / "x.txt").write_text("not a zip")
    monkeypatch.chdir(tmp_path)
    result = run([*argv, "--endpoint-url", recorder.endpoint], closed_environ(tmp_path))
    assert result.exit_code == 252
    assert line in result.stderr
    assert recorder.requests == []


@pytest.mark.parametrize("argv,synopsis", [
    (["ec2", "run-instances"],
     "[--associate-public-ip-address | --no-associate-public-ip-address]"),
    (["emr", "list-clusters"], "[--active | --terminated | --failed]"),
    (["emr", "add-tags"], "--tags <value>"),
    (["lambda", "create-function"], "[--zip-file <value>]"),
    (["ec2", "modify-subnet-attribute"],
     "[--map-public-ip-on-launch | --no-map-public-ip-on-launch]"),
])
def test_help_synopsis_shows_the_shortcuts(tmp_path, argv, synopsis):
    page = run([*argv, "help"], closed_environ(tmp_path)).stdout
    assert synopsis in page


def test_iot_keys_and_certificate_saved_to_files(moto, tmp_path):
    cert, private = tmp_path / "cert.pem", tmp_path / "private.key"
    result = run_process(["iot", "create-keys-and-certificate", "--set-as-active",
                          "--certificate-pem-outfile", str(cert),
                          "--private-key-outfile", str(private)], moto.environ())
    assert result.exit_code == 0, result.stderr
    printed = json.loads(result.stdout)
    assert cert.read_text() == printed["certificatePem"]
    assert private.read_text() == printed["keyPair"]["PrivateKey"]
    assert oct(private.stat().st_mode & 0o777) == "0o600"


def test_cloudfront_end_to_end(moto):
    """A distribution made from one origin, listed, updated with its ETag (rest-xml)."""
    environ = moto.environ()
    created = run_process(["cloudfront", "create-distribution", "--origin-domain-name",
                           "bucket.s3.amazonaws.com", "--default-root-object", "index.html",
                           "--query", "[Distribution.Id, ETag]", "--output", "text"], environ)
    assert created.exit_code == 0, created.stderr
    distribution, etag = created.stdout.split()
    listed = run_process(["cloudfront", "list-distributions", "--query",
                          "DistributionList.Items[].Id", "--output", "text"], environ)
    assert listed.stdout.split() == [distribution]
    config = run_process(["cloudfront", "get-distribution-config", "--id", distribution,
                          "--query", "DistributionConfig"], environ)
    document = json.loads(config.stdout)
    assert document["DefaultRootObject"] == "index.html"
    document["Comment"] = "updated"
    updated = run_process(["cloudfront", "update-distribution", "--id", distribution,
                           "--if-match", etag, "--distribution-config", json.dumps(document),
                           "--query", "Distribution.DistributionConfig.Comment"], environ)
    assert (updated.exit_code, updated.stdout) == (0, '"updated"\n'), updated.stderr
    # --default-root-object reads the distribution first and changes only that.
    rooted = run_process(["cloudfront", "update-distribution", "--id", distribution,
                          "--default-root-object", "home.html", "--query",
                          "Distribution.DistributionConfig.[DefaultRootObject, Comment]"],
                         environ)
    assert (rooted.exit_code, json.loads(rooted.stdout or "null")) == (
        0, ["home.html", "updated"]), rooted.stderr


def test_virtual_mfa_seed_saved_and_left_out(moto, tmp_path):
    seed = tmp_path / "seed.txt"
    result = run_process(["iam", "create-virtual-mfa-device", "--virtual-mfa-device-name",
                          "phone", "--outfile", str(seed), "--bootstrap-method",
                          "Base32StringSeed"], moto.environ())
    assert result.exit_code == 0, result.stderr
    device = json.loads(result.stdout)["VirtualMFADevice"]
    assert "Base32StringSeed" not in device and "QRCodePNG" not in device
    assert device["SerialNumber"].endswith("/phone")
    text = seed.read_bytes().decode()
    assert len(text) >= 16 and text.isalnum()  # a base32 secret
    assert oct(seed.stat().st_mode & 0o777) == "0o600"


def test_get_password_data_decrypted_with_the_launch_key(recorder, tmp_path):
    import base64

    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import padding, rsa

    from tests.recording_server import Response

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = tmp_path / "launch.pem"
    pem.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                      serialization.PrivateFormat.TraditionalOpenSSL,
                                      serialization.NoEncryption()))
    secret = base64.b64encode(key.public_key().encrypt(b"Passw0rd!", padding.PKCS1v15()))
    recorder.responses.append(Response(body=(
        b"<GetPasswordDataResponse><instanceId>i-1</instanceId><timestamp>"
        b"2024-01-01T00:00:00Z</timestamp><passwordData>" + secret +
        b"</passwordData></GetPasswordDataResponse>"), headers={"Content-Type": "text/xml"}))
    argv = ["ec2", "get-password-data", "--instance-id", "i-1", "--endpoint-url",
            recorder.endpoint, "--query", "PasswordData", "--output", "text"]
    result = run([*argv, "--priv-launch-key", str(pem)], closed_environ(tmp_path))
    assert (result.exit_code, result.stdout) == (0, "Passw0rd!\n"), result.stderr
    missing = run([*argv, "--priv-launch-key", str(tmp_path / "none.pem")],
                  closed_environ(tmp_path))
    assert missing.exit_code == 255 and "priv-launch-key should be a path" in missing.stderr
    assert len(recorder.requests) == 1  # nothing sent for a key that is not there


def test_outfile_that_cannot_be_written_is_refused_before_the_call(recorder, tmp_path):
    result = run(["iam", "create-virtual-mfa-device", "--virtual-mfa-device-name", "d",
                  "--outfile", str(tmp_path / "no-such-dir" / "qr.png"), "--bootstrap-method",
                  "QRCodePNG", "--endpoint-url", recorder.endpoint], closed_environ(tmp_path))
    assert result.exit_code == 252 and recorder.requests == []
    assert f"Unable to write to file: {tmp_path}/no-such-dir/qr.png" in result.stderr


def test_an_empty_first_word_is_ignored(recorder, tmp_path):
    result = run(["swf", "deprecate-domain", "--name", "d", "", "--endpoint-url",
                  recorder.endpoint], closed_environ(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert recorder.requests[0].json() == {"name": "d"}
