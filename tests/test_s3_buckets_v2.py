"""aws s3 ls / mb / rb / presign / website side by side with AWS CLI v2 on one moto state:
the same stdout, stderr and exit code. Runs where SHAPECLI_V2_AWS names v2's `aws`
(tests/conftest.py); deselected elsewhere."""

from __future__ import annotations

import re
import subprocess
import uuid

import pytest

from tests.runner import run_process

from tests.conftest import V2_AWS as V2

pytestmark = pytest.mark.v2_reference(needs="aws")


def _v2(argv, environ):
    proc = subprocess.run([V2, *argv], capture_output=True, text=True, env=environ, timeout=120)
    return proc.stdout, proc.stderr, proc.returncode


def _ours(argv, environ):
    result = run_process(argv, environ)
    return result.stdout, result.stderr, result.exit_code


@pytest.fixture(scope="module")
def state(moto):
    """Two buckets, one with a few keys at several depths; both CLIs see them."""
    import botocore.session

    s3 = botocore.session.Session().create_client(
        "s3", region_name="us-west-2", endpoint_url=moto.endpoint,
        aws_access_key_id="testing", aws_secret_access_key="testing")
    full, empty = f"side-{uuid.uuid4().hex[:8]}", f"side-{uuid.uuid4().hex[:8]}"
    for name in (full, empty):
        s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": "us-west-2"})
    for key, size in (("a/1.txt", 5), ("a/b/2.txt", 1500), ("c.bin", 3 * 1024 * 1024), ("d", 1)):
        s3.put_object(Bucket=full, Key=key, Body=b"z" * size)
    return full, empty


# The commands that change nothing: both CLIs run them on the same state.
READS = [
    ["s3", "ls", "s3://{full}"],
    ["s3", "ls", "s3://{full}/a/"],
    ["s3", "ls", "s3://{full}/a"],
    ["s3", "ls", "s3://{full}/zzz"],
    ["s3", "ls", "s3://{full}", "--recursive", "--summarize"],
    ["s3", "ls", "s3://{full}", "--recursive", "--human-readable", "--summarize"],
    ["s3", "ls", "s3://{full}/a/", "--recursive", "--page-size", "1"],
    ["s3", "ls", "s3://{empty}"],
    ["s3", "ls", "s3://{empty}", "--summarize"],
    ["s3", "ls", "s3://{full}-missing"],
    ["s3", "ls", "{full}-missing"],
    ["s3", "ls", "s3://bad!name"],
    ["s3", "ls", "--bucket-name-prefix", "{full}"],
    ["s3", "ls", "s3://", "--summarize", "--bucket-name-prefix", "{full}", "--page-size", "1"],
    ["s3", "rb", "s3://{full}"],
    ["s3", "rb", "s3://{full}/a"],
    ["s3", "rb", "{full}"],
    ["s3", "mb", "{full}"],
    ["s3", "mb", "s3://{full}"],
    ["s3", "mb", "s3://ab"],
    ["s3", "mb", "s3://bad!name"],
    ["s3", "mb"],
    ["s3", "rb"],
    ["s3", "presign"],
    ["s3", "website"],
    ["s3", "ls", "s3://{full}", "--request-payer", "--page-size", "2"],
    ["s3", "ls", "--request-payer", "s3://{full}"],
    ["s3", "ls", "s3://{full}", "--output", "json", "--query", "x"],
    ["s3", "ls", "s3://arn:aws:s3-object-lambda:us-west-2:123456789012:accesspoint/ol"],
    ["s3", "website", "s3://{full}-missing", "--index-document", "i.html"],
]


@pytest.mark.parametrize("argv", READS, ids=lambda a: " ".join(a[1:]))
def test_same_output_and_exit_code_as_v2(moto, state, argv):
    full, empty = state
    argv = [word.format(full=full, empty=empty) for word in argv]
    environ = moto.environ()
    assert _ours(argv, environ) == _v2(argv, environ)


def test_rb_force_and_presign_as_v2(moto, state):
    environ = moto.environ()
    full, _ = state
    ours = _ours(["s3", "presign", f"s3://{full}/d", "--expires-in", "90"], environ)[0]
    theirs = _v2(["s3", "presign", f"s3://{full}/d", "--expires-in", "90"], environ)[0]
    unsigned = re.compile(r"X-Amz-(Date|Signature)=[^&\n]*")  # the clock may tick between
    assert unsigned.sub("", ours) == unsigned.sub("", theirs)
    names = [f"rb-{uuid.uuid4().hex[:8]}" for _ in range(2)]
    outputs = []
    for name, cli in zip(names, (_ours, _v2)):
        assert cli(["s3", "mb", f"s3://{name}"], environ) == (f"make_bucket: {name}\n", "", 0)
        for key in ("k1", "k/2"):
            assert _ours(["s3api", "put-object", "--bucket", name, "--key", key], environ)[2] == 0
        out, err, code = cli(["s3", "rb", f"s3://{name}", "--force"], environ)
        outputs.append((sorted(out.replace(name, "NAME").splitlines()), err, code))
    assert outputs[0] == outputs[1]
