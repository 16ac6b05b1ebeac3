"""bench/s3floor.py, the s3 scenario's floor: it downloads every object whole, through the
latency proxy from the moto server, each under its key's path with its time set, and
counts what it could not get. No timings (see bench/)."""

from __future__ import annotations

import os

from bench.latency_proxy import LatencyProxy
from bench.s3floor import download
from tests.runner import run


def test_every_object_arrives_whole_and_a_missing_one_is_counted(moto, tmp_path):
    env = moto.environ()
    bucket = f"floor-{os.getpid()}"
    assert run(["s3", "mb", f"s3://{bucket}"], env).exit_code == 0
    objects = {"a.txt": "one", "d1/b.txt": "two two", "d1/d2/c.txt": "x" * 700}
    for key, body in objects.items():
        assert run(["s3", "cp", "-", f"s3://{bucket}/{key}"], env, stdin=body).exit_code == 0
    with LatencyProxy(int(moto.endpoint.rsplit(":", 1)[1]), delay=0.001) as proxy:
        dest = tmp_path / "down"
        assert download(proxy.port, bucket, str(dest), [*objects, "missing.txt"]) == 1
    got = {str(p.relative_to(dest)): p.read_text() for p in dest.rglob("*") if p.is_file()}
    assert got == objects
    assert {int(p.stat().st_mtime) for p in dest.rglob("*.txt")} == {1_600_000_000}
