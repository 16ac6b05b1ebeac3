"""Nothing lost: cut downloads leave no file, failed parts abort the upload, Ctrl-C exits 130."""

from __future__ import annotations

import os
import signal
import subprocess
import time

import pytest

from tests.runner import AWS, run
from tests.s3_fault_server import FaultServer


@pytest.fixture
def fault(moto, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with FaultServer() as server:
        env = {**moto.environ(), "AWS_ENDPOINT_URL": server.endpoint, "AWS_MAX_ATTEMPTS": "2"}
        yield server, env


def test_cut_download_leaves_no_file(fault, tmp_path):
    server, env = fault
    result = run(["s3", "cp", "s3://b/cut", "out.bin"], env)
    assert result.exit_code == 1
    assert result.stderr.startswith("download failed: s3://b/cut to ./out.bin ")
    assert os.listdir(tmp_path) == []  # neither out.bin nor a temporary file
    gets = [r for r in server.requests if r[0] == "GET"]
    assert len(gets) > 1  # s3transfer tried the body again before giving up


def test_failed_part_aborts_the_multipart_upload(fault, tmp_path):
    server, env = fault
    config = tmp_path / "config"
    config.write_text("[default]\ns3 =\n  multipart_threshold = 5MB\n"
                      "  multipart_chunksize = 5MB\n")
    (tmp_path / "big.bin").write_bytes(b"y" * (11 * 1024 * 1024))
    result = run(["s3", "cp", "big.bin", "s3://b/big.bin"], {**env, "AWS_CONFIG_FILE": str(config)})
    assert result.exit_code == 1
    assert result.stderr.startswith("upload failed: ./big.bin to s3://b/big.bin An error "
                                    "occurred (InternalError)")
    assert ("DELETE", "/b/big.bin?uploadId=up-1") in server.requests


def test_one_failure_does_not_stop_the_others(moto, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    env = moto.environ()
    bucket = "faults-mixed"
    run(["s3api", "create-bucket", "--bucket", bucket, "--create-bucket-configuration",
         "LocationConstraint=us-west-2"], env)
    (tmp_path / "good.txt").write_text("fine")
    ok = run(["s3", "cp", "good.txt", f"s3://{bucket}/good.txt"], env)
    missing = run(["s3", "cp", "good.txt", "s3://faults-missing-bucket/good.txt"], env)
    assert (ok.exit_code, missing.exit_code) == (0, 1)
    os.makedirs("tree")
    for i in range(5):
        (tmp_path / "tree" / f"f{i}.txt").write_text(str(i))
    os.chmod(tmp_path / "tree", 0o755)
    both = run(["s3", "cp", "tree", f"s3://{bucket}/tree", "--recursive"], env)
    assert both.exit_code == 0 and len(both.stdout.splitlines()) == 5


def test_ctrl_c_stops_and_exits_130(fault, tmp_path):
    server, env = fault
    proc = subprocess.Popen([AWS, "s3", "cp", "s3://b/stall", "out.bin"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and not any(r[0] == "GET" for r in server.requests):
        time.sleep(0.05)
    assert any(r[0] == "GET" for r in server.requests)
    proc.send_signal(signal.SIGINT)
    try:
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130
    assert "cancelled: ctrl-c received" in err
    assert not (tmp_path / "out.bin").exists()
    assert [n for n in os.listdir(tmp_path) if n.startswith("out.bin")] == []


def test_small_bodies_skip_expect_continue(moto, recorder, tmp_path, monkeypatch):
    # what goes on the wire only: the recorder's canned answer is no S3 response
    monkeypatch.chdir(tmp_path)
    env = {**moto.environ(), "AWS_ENDPOINT_URL": recorder.endpoint, "AWS_MAX_ATTEMPTS": "1"}
    (tmp_path / "small.txt").write_text("tiny")
    (tmp_path / "large.bin").write_bytes(b"z" * (2 * 1024 * 1024))
    run(["s3", "cp", "small.txt", "s3://b/small.txt"], env)
    run(["s3", "cp", "large.bin", "s3://b/large.bin"], env)
    puts = {r.path: r.headers for r in recorder.requests if r.method == "PUT"}
    assert puts["/b/small.txt"]["content-length"] == "4"
    assert "expect" not in puts["/b/small.txt"]
    assert puts["/b/large.bin"].get("expect") == "100-continue"
