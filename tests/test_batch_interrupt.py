"""Ctrl-C and resume, with real SIGINTs to a real `aws` process and the server's state checked."""

from __future__ import annotations

import signal
import subprocess
import time

from tests.runner import AWS
from tests.test_batch import _cognito, jsonl, records


def start(argv: list[str], environ: dict, out_path) -> subprocess.Popen:
    with open(out_path, "w") as out:
        return subprocess.Popen([AWS, *argv], stdout=out, stderr=subprocess.PIPE, text=True,
                                env=environ)


def wait_for_records(path, count: int, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with open(path) as f:
            if sum(1 for _ in f) >= count:
                return
        assert proc.poll() is None, proc.stderr.read()
        time.sleep(0.02)
    raise AssertionError(f"fewer than {count} records after {timeout} s")


def statuses(cognito, pool_id: str) -> dict[str, str]:
    """Every user of the pool and its status, as the server has them."""
    pages = cognito.get_paginator("list_users").paginate(UserPoolId=pool_id)
    return {u["Username"]: u["UserStatus"] for page in pages for u in page["Users"]}


def test_interrupt_then_resume_confirms_every_user_exactly_once(moto, tmp_path):
    cognito = _cognito(moto)
    pool_id = cognito.create_user_pool(PoolName="interrupt")["UserPool"]["Id"]
    names = [f"signup{i}@example.com" for i in range(120)]
    users = tmp_path / "users.jsonl"
    users.write_text(jsonl(*({"Username": n} for n in names)))
    create = ["cognito-idp", "admin-create-user", "--user-pool-id", pool_id,
              "--message-action", "SUPPRESS", "--cli-input-jsonl", f"file://{users}"]
    confirm = ["cognito-idp", "admin-confirm-sign-up", "--user-pool-id", pool_id,
               "--cli-input-jsonl", f"file://{users}"]
    environ = moto.environ()

    for argv, done_status in ((create, "FORCE_CHANGE_PASSWORD"), (confirm, "CONFIRMED")):
        first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
        proc = start([*argv, "--cli-batch-max-rate", "40"], environ, first)
        wait_for_records(first, 10, proc)
        proc.send_signal(signal.SIGINT)
        assert proc.wait(60) == 130, proc.stderr.read()
        assert "batch: 120 lines: " in proc.stderr.read()
        got = records(first.read_text())
        assert [r["line"] for r in got] == list(range(1, 121))
        done = {names[r["line"] - 1] for r in got if r["status"] == "ok"}
        assert {r["status"] for r in got} == {"ok", "not-run"}  # drained: nothing unknown
        assert 10 <= len(done) < 120
        # The records tell the truth: exactly the lines recorded ok happened.
        state = statuses(cognito, pool_id)
        if argv is create:
            assert set(state) == done
        else:
            assert {n for n, s in state.items() if s == "CONFIRMED"} == done

        proc = start([*argv, "--cli-batch-resume", str(first)], environ, second)
        assert proc.wait(60) == 0, proc.stderr.read()
        again = records(second.read_text())
        assert [r["status"] for r in again] == ["ok"] * 120
        # Lines finished before are copied, not run again (for creation, a second run
        # would be a UsernameExistsException).
        before = first.read_text().splitlines()
        after = second.read_text().splitlines()
        assert all(after[i] == before[i] for i, r in enumerate(got) if r["status"] == "ok")
        state = statuses(cognito, pool_id)
        assert sorted(state) == sorted(names)
        assert set(state.values()) == {done_status}


def test_a_second_interrupt_stops_at_once_and_marks_lines_in_flight_unknown(moto, tmp_path):
    pool_id = _cognito(moto).create_user_pool(PoolName="stop")["UserPool"]["Id"]
    out, users = tmp_path / "out.jsonl", tmp_path / "users.jsonl"
    users.write_text(jsonl(*({"Username": f"stop{i}"} for i in range(50))))
    # Two requests a second, four lines at a time: lines wait in flight for their turn.
    proc = start(["cognito-idp", "admin-create-user", "--user-pool-id", pool_id,
                  "--message-action", "SUPPRESS", "--cli-input-jsonl", f"file://{users}",
                  "--cli-batch-max-rate", "2", "--cli-batch-concurrency", "4"],
                 moto.environ(), out)
    wait_for_records(out, 1, proc)
    started = time.monotonic()
    proc.send_signal(signal.SIGINT)
    time.sleep(0.2)
    proc.send_signal(signal.SIGINT)
    assert proc.wait(30) == 130
    assert time.monotonic() - started < 5  # not the ~2 s per line in flight
    got = records(out.read_text())
    assert [r["line"] for r in got] == list(range(1, len(got) + 1))
    assert "unknown" in {r["status"] for r in got}
    assert got[0]["status"] == "ok"


def test_interrupt_and_resume_send_every_line_exactly_once(moto, recorder, tmp_path):
    """What the service saw, counted: one request per line over both runs."""
    import collections
    import json

    users = tmp_path / "users.jsonl"
    users.write_text(jsonl(*({"Username": f"once{i}"} for i in range(100))))
    environ = {**moto.environ(), "AWS_ENDPOINT_URL": recorder.endpoint}
    argv = ["cognito-idp", "admin-confirm-sign-up", "--user-pool-id", "p",
            "--cli-input-jsonl", f"file://{users}"]
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    proc = start([*argv, "--cli-batch-max-rate", "50"], environ, first)
    wait_for_records(first, 10, proc)
    proc.send_signal(signal.SIGINT)
    assert proc.wait(60) == 130
    sent_first = len(recorder.requests)
    assert 10 <= sent_first < 100
    proc = start([*argv, "--cli-batch-resume", str(first)], environ, second)
    assert proc.wait(60) == 0, proc.stderr.read()
    assert [r["status"] for r in records(second.read_text())] == ["ok"] * 100
    sent = collections.Counter(json.loads(r.body)["Username"] for r in recorder.requests)
    assert sent == {f"once{i}": 1 for i in range(100)}
