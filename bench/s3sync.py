"""The s3 scenario of bench/run.py: `aws s3 sync` of many small files, and one large file,
through a loopback latency proxy in front of moto, shapecli beside the reference.

    many small   1,000 files of 0.2-0.7 KB (deterministic), `aws s3 sync DIR s3://B/` up,
                 then `aws s3 sync s3://B/ DIR2` down, default settings; every chunk a client
                 sends is held 20 ms by bench/latency_proxy.py (a region's round trip)
                 targets: wall time <= 0.5 of the reference's each way, peak RSS <= 0.8
    one large    a 200 MB file, `aws s3 cp FILE s3://B/big` (multipart) and back
                 targets: no slower than the reference, peak RSS no more than the reference's
    floor        bench/s3floor.py downloads the reference's bucket each run: a client of next
                 to no CPU doing only what a correct download must (no target: it shows how
                 much of the budget the server, the proxy and the disk leave to a client)

moto runs as its own process (`moto_server`), so that neither the proxy's loop nor
the benchmark compete with it for one interpreter lock. Each run of each CLI gets a fresh
bucket and a fresh download folder; the CLIs alternate, which goes first flipping every
run. Every run is checked: exit 0, every object on the server with its size, every file
downloaded with its bytes. Wall time and peak RSS come from bench.batch's launcher
(os.wait4's ru_maxrss of the CLI process alone).
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

SMALL_FILES = 1000
SMALL_SIZES = (200, 700)
DELAY = 0.020
LARGE_BYTES = 200 * 1024 * 1024
SMALL_WALL_TARGET = 0.5
SMALL_MEMORY_TARGET = 0.8
LARGE_WALL_TARGET = 1.0
LARGE_MEMORY_TARGET = 1.0


# -- moto, as its own process -----------------------------------------------------------------


class MotoProcess:
    """`moto_server` on a free loopback port, stopped (by its pid) on exit."""

    def __init__(self) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self._proc: subprocess.Popen | None = None

    def __enter__(self) -> MotoProcess:
        server = os.path.join(os.path.dirname(sys.executable), "moto_server")
        self._proc = subprocess.Popen([server, "-H", "127.0.0.1", "-p", str(self.port)],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return self
            except OSError:
                time.sleep(0.1)
        self.__exit__()
        raise RuntimeError("moto_server did not start within 30 s")

    def __exit__(self, *exc) -> None:
        if self._proc is not None:
            self._proc.terminate()
            try:
                self._proc.wait(10)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()


def _s3(endpoint: str):
    import boto3  # moto's own dependency; only the benchmark process imports it

    return boto3.client("s3", endpoint_url=endpoint, region_name="us-west-2",
                        aws_access_key_id="testing", aws_secret_access_key="testing")


# -- the files ----------------------------------------------------------------------------------


def make_small_files(folder: str, count: int | None = None) -> dict[str, int]:
    """`count` (SMALL_FILES) files of 200-700 bytes in ten subfolders: {relative path: size}."""
    count = SMALL_FILES if count is None else count
    rng = random.Random(21)
    sizes = {}
    for i in range(count):
        relative = f"d{i % 10}/f{i:04d}.txt"
        size = rng.randint(*SMALL_SIZES)
        path = os.path.join(folder, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(rng.randbytes(size))
        sizes[relative] = size
    return sizes


def make_large_file(path: str, size: int = LARGE_BYTES) -> str:
    """A file of `size` pseudo-random bytes; its sha256."""
    rng = random.Random(200)
    digest = hashlib.sha256()
    with open(path, "wb") as f:
        left = size
        while left:
            block = rng.randbytes(min(left, 8 * 1024 * 1024))
            digest.update(block)
            f.write(block)
            left -= len(block)
    return digest.hexdigest()


def _sha256(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(8 * 1024 * 1024):
            digest.update(block)
    return digest.hexdigest()


def _local_sizes(folder: str) -> dict[str, int]:
    found = {}
    for root, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(root, name)
            found[os.path.relpath(path, folder)] = os.path.getsize(path)
    return found


def _remote_sizes(s3, bucket: str) -> dict[str, int]:
    pages = s3.get_paginator("list_objects_v2").paginate(Bucket=bucket)
    return {o["Key"]: o["Size"] for page in pages for o in page.get("Contents", ())}


# -- one measured run ---------------------------------------------------------------------------


def _timed(side, argv: list[str], environ: dict, timeout: float, work: str):
    from bench.batch import run_reaped

    try:
        return run_reaped([side.executable, *argv], environ, os.path.join(work, "stdout"),
                          timeout)
    except subprocess.TimeoutExpired:
        return None


def _record(run, problem: str | None) -> dict:
    if run is None:
        return {"seconds": None, "peak_mb": None, "error": "timed out"}
    if run.exit_code != 0:
        last = run.stderr.strip().splitlines()[-1:] or ["(no stderr)"]
        problem = f"exit {run.exit_code}: {last[0]}"
    return {"seconds": None if problem else run.seconds,
            "peak_mb": None if problem else run.peak_rss_mb, "error": problem}


def _small_round(side, environ, proxy: str, s3, source: str, sizes: dict, bucket: str,
                 work: str, timeout: float) -> tuple[dict, dict]:
    s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "us-west-2"})
    up = _timed(side, ["s3", "sync", source, f"s3://{bucket}/", "--endpoint-url", proxy],
                environ, timeout, work)
    stored = _remote_sizes(s3, bucket) if up is not None else {}
    up_record = _record(up, None if stored == {k.replace(os.sep, "/"): v
                                               for k, v in sizes.items()}
                        else f"{len(stored)} of {len(sizes)} objects stored whole")
    target = os.path.join(work, f"down-{bucket}")
    os.makedirs(target)
    down = _timed(side, ["s3", "sync", f"s3://{bucket}/", target, "--endpoint-url", proxy],
                  environ, timeout, work)
    got = _local_sizes(target)
    down_record = _record(down, None if got == sizes
                          else f"{len(got)} of {len(sizes)} files downloaded whole")
    shutil.rmtree(target, ignore_errors=True)
    return up_record, down_record


def _floor_round(proxy_port: int, bucket: str, sizes: dict, work: str,
                 timeout: float) -> dict:
    """One run of bench/s3floor.py: the least a download of the bucket can cost here."""
    from bench.batch import run_reaped

    target = os.path.join(work, f"floor-{bucket}")
    os.makedirs(target)
    keys = [k.replace(os.sep, "/") for k in sizes]
    try:
        run = run_reaped([sys.executable, os.path.join(os.path.dirname(__file__), "s3floor.py"),
                          str(proxy_port), bucket, target, *keys], dict(os.environ),
                         os.path.join(work, "stdout"), timeout)
    except subprocess.TimeoutExpired:
        run = None
    got = _local_sizes(target)
    shutil.rmtree(target, ignore_errors=True)
    return _record(run, None if got == sizes else f"{len(got)} of {len(sizes)} files")


def _large_round(side, environ, proxy: str, s3, source: str, digest: str, bucket: str,
                 work: str, timeout: float) -> tuple[dict, dict]:
    s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "us-west-2"})
    up = _timed(side, ["s3", "cp", source, f"s3://{bucket}/big", "--endpoint-url", proxy],
                environ, timeout, work)
    stored = _remote_sizes(s3, bucket).get("big")
    up_record = _record(up, None if stored == LARGE_BYTES else f"stored size {stored}")
    target = os.path.join(work, f"big-{bucket}")
    down = _timed(side, ["s3", "cp", f"s3://{bucket}/big", target, "--endpoint-url", proxy],
                  environ, timeout, work)
    whole = os.path.exists(target) and _sha256(target) == digest
    down_record = _record(down, None if whole else "the downloaded file differs")
    if os.path.exists(target):
        os.remove(target)
    s3.delete_object(Bucket=bucket, Key="big")  # moto holds objects in memory
    return up_record, down_record


# -- the scenario -------------------------------------------------------------------------------


def scenario(shapecli, reference, *, runs: int, timeout: float, large: bool = True,
             reference_environ: dict | None = None) -> dict:
    """Run it; `shapecli` and `reference` are bench/run.py Sides. `reference_environ`: more
    variables for the reference alone (AWS_DATA_PATH for a v2 built from source)."""
    from bench.latency_proxy import LatencyProxy

    sides = [shapecli, reference]
    environs = {shapecli.label: dict(shapecli.environ),
                reference.label: {**reference.environ, **(reference_environ or {})}}
    work = tempfile.mkdtemp(prefix="shapecli-bench-s3-")
    results: dict = {"runs": runs, "delay_s": DELAY, "files": SMALL_FILES,
                     "large_bytes": LARGE_BYTES if large else None, "rows": {}}
    records: dict = {(row, label): [] for row in ("sync-up", "sync-down", "large-up",
                                                  "large-down") for label in environs}
    floor: list[dict] = []  # bench/s3floor.py's download of the reference's bucket
    try:
        source = os.path.join(work, "small")
        sizes = make_small_files(source)
        with MotoProcess() as moto, LatencyProxy(moto.port, DELAY) as proxy:
            s3 = _s3(moto.endpoint)
            for i in range(runs):
                for side in (sides if i % 2 == 0 else sides[::-1]):
                    up, down = _small_round(side, environs[side.label], proxy.endpoint, s3,
                                            source, sizes, f"small-{side.label}-{i}", work,
                                            timeout)
                    records["sync-up", side.label].append(up)
                    records["sync-down", side.label].append(down)
                floor.append(_floor_round(proxy.port, f"small-{reference.label}-{i}", sizes,
                                          work, timeout))
            if large:
                big = os.path.join(work, "big.bin")
                digest = make_large_file(big)
                for side in sides:
                    up, down = _large_round(side, environs[side.label], proxy.endpoint, s3,
                                            big, digest, f"large-{side.label}", work, timeout)
                    records["large-up", side.label].append(up)
                    records["large-down", side.label].append(down)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    targets = {"sync-up": (SMALL_WALL_TARGET, SMALL_MEMORY_TARGET),
               "sync-down": (SMALL_WALL_TARGET, SMALL_MEMORY_TARGET),
               "large-up": (LARGE_WALL_TARGET, LARGE_MEMORY_TARGET),
               "large-down": (LARGE_WALL_TARGET, LARGE_MEMORY_TARGET)}
    for row, (wall_target, memory_target) in targets.items():
        if not records[row, shapecli.label] and not records[row, reference.label]:
            continue
        results["rows"][row] = _summarise(records[row, shapecli.label],
                                          records[row, reference.label],
                                          wall_target, memory_target)
    if records["sync-down", reference.label]:
        row = _summarise(floor, records["sync-down", reference.label], SMALL_WALL_TARGET, 1.0)
        results["floor"] = {"seconds": row["shapecli"]["median_s"], "error": row["shapecli"]["error"],
                            "ratio": row["wall_ratio"]}
    verdicts = [r["verdict"] for r in results["rows"].values()]
    results["verdict"] = "PASS" if verdicts and all(v == "PASS" for v in verdicts) else "FAIL"
    return results


def _summarise(ours: list[dict], theirs: list[dict], wall_target: float,
               memory_target: float) -> dict:
    def side(records):
        errors = [r["error"] for r in records if r["error"]]
        seconds = [r["seconds"] for r in records if r["seconds"] is not None]
        peaks = [r["peak_mb"] for r in records if r["peak_mb"] is not None]
        return {"median_s": statistics.median(seconds) if seconds and not errors else None,
                "peak_mb": max(peaks) if peaks and not errors else None,
                "times": seconds, "error": errors[0] if errors else None}

    row = {"shapecli": side(ours), "reference": side(theirs),
           "wall_target": wall_target, "memory_target": memory_target}
    s, r = row["shapecli"], row["reference"]
    row["wall_ratio"] = s["median_s"] / r["median_s"] if s["median_s"] and r["median_s"] else None
    row["memory_ratio"] = s["peak_mb"] / r["peak_mb"] if s["peak_mb"] and r["peak_mb"] else None
    row["verdict"] = ("PASS" if row["wall_ratio"] is not None and row["memory_ratio"] is not None
                      and row["wall_ratio"] <= wall_target
                      and row["memory_ratio"] <= memory_target else "FAIL")
    return row


def print_scenario(result: dict) -> None:
    large = f", one {result['large_bytes'] // 2 ** 20} MB file" if result["large_bytes"] else ""
    print(f"\ns3: aws s3 sync of {result['files']} files of 0.2-0.7 KB up and down{large}, "
          f"every client chunk held {result['delay_s'] * 1000:.0f} ms; median of "
          f"{result['runs']} run(s)")
    print(f"  {'row':<11} {'cli':<10} {'wall s':>8} {'peak MB':>8}")
    for name, row in result["rows"].items():
        for label in ("shapecli", "reference"):
            side = row[label]
            if side["error"]:
                print(f"  {name:<11} {label:<10} {label} failed: {side['error']}")
            else:
                print(f"  {name:<11} {label:<10} {side['median_s']:>8.2f} {side['peak_mb']:>8.1f}")
        wall = f"{row['wall_ratio']:.3f}" if row["wall_ratio"] is not None else "-"
        memory = f"{row['memory_ratio']:.3f}" if row["memory_ratio"] is not None else "-"
        print(f"  {name:<11} ratio wall {wall} (<= {row['wall_target']:.2f}), peak memory "
              f"{memory} (<= {row['memory_target']:.2f})  {row['verdict']}")
    floor = result.get("floor")
    if floor:
        if floor["error"] or floor["ratio"] is None:
            print(f"  floor       bench/s3floor.py failed: {floor['error']}")
        else:
            print(f"  floor       sync-down by a client of next to no CPU (bench/s3floor.py): "
                  f"{floor['seconds']:.2f} s, {floor['ratio']:.3f} of the reference's")
