"""Batch mode (--cli-input-jsonl) against a real moto server: records, statuses, exit codes."""

from __future__ import annotations

import json
import time

import pytest

from tests.runner import run

EXISTING = [f"user{i}@example.com" for i in range(40)]


def _cognito(moto):
    import botocore.session

    return botocore.session.Session().create_client(
        "cognito-idp", region_name="us-west-2", endpoint_url=moto.endpoint,
        aws_access_key_id="testing", aws_secret_access_key="testing")


def usernames(moto, pool_id: str) -> list[str]:
    pages = _cognito(moto).get_paginator("list_users").paginate(UserPoolId=pool_id)
    return [u["Username"] for page in pages for u in page["Users"]]


def jsonl(*objects) -> str:
    return "".join((o if isinstance(o, str) else json.dumps(o)) + "\n" for o in objects)


def records(stdout: str) -> list[dict]:
    lines = stdout.splitlines()
    assert all(line.startswith('{"line":') for line in lines), stdout[:500]
    return [json.loads(line) for line in lines]


@pytest.fixture(scope="module")
def pool(moto):
    """A pool with EXISTING users, made by a batch run itself."""
    pool_id = _cognito(moto).create_user_pool(PoolName="batch")["UserPool"]["Id"]
    result = run(["cognito-idp", "admin-create-user", "--user-pool-id", pool_id,
                  "--message-action", "SUPPRESS", "--cli-input-jsonl", "-",
                  "--query", "User.Username"],
                 moto.environ(), stdin=jsonl(*({"Username": u} for u in EXISTING)))
    assert result.exit_code == 0, result.stderr
    assert [r["output"] for r in records(result.stdout)] == EXISTING
    return pool_id


# -- a thousand lines of every kind -------------------------------------------------

# What each kind of line is, and the record it must get.
KINDS = [
    ("ok", lambda i: {"Username": EXISTING[i % len(EXISTING)]}, "ok", None),
    ("unknown user", lambda i: {"Username": f"nobody{i}@example.com"}, "error",
     ("UserNotFoundException", 254)),
    ("not JSON", lambda i: '{"Username": ', "invalid", ("ParamValidation", 252)),
    ("not an object", lambda i: f"[{i}]", "invalid", ("ParamValidation", 252)),
    ("unknown key", lambda i: {"Username": "x", "Colour": "red"}, "invalid",
     ("ParamValidation", 252)),
    ("wrong type", lambda i: {"Username": i}, "invalid", ("ParamValidation", 252)),
    ("blank", lambda i: "   ", None, None),
]
PATTERN = [0, 0, 0, 1, 0, 2, 0, 3, 6, 0, 4, 0, 5, 1]  # indexes into KINDS, repeated


def test_a_thousand_mixed_lines_get_one_record_each_in_order(moto, pool):
    kinds = [PATTERN[i % len(PATTERN)] for i in range(1200)]
    text = jsonl(*(KINDS[k][1](i) for i, k in enumerate(kinds)))
    result = run(["cognito-idp", "admin-get-user", "--user-pool-id", pool,
                  "--cli-input-jsonl", "-", "--query", "Username",
                  "--cli-batch-concurrency", "6"], moto.environ(), stdin=text)
    got = records(result.stdout)
    expected_lines = [i + 1 for i, k in enumerate(kinds) if KINDS[k][2] is not None]
    assert [r["line"] for r in got] == expected_lines  # one each, in input order, no blanks
    for record in got:
        i = record["line"] - 1
        name, make, status, error = KINDS[kinds[i]]
        assert record["status"] == status, (name, record)
        if status == "ok":
            assert record["output"] == make(i)["Username"]
            assert "error" not in record
        else:
            assert (record["error"]["code"], record["error"]["exit_code"]) == error, record
            assert "output" not in record
    # Service errors (254) outrank invalid lines (252).
    assert result.exit_code == 254
    summary = result.stderr.strip().splitlines()
    assert len(summary) == 1 and summary[0].startswith(f"batch: {len(expected_lines)} lines: ")
    assert "UserNotFoundException" in summary[0]


def test_line_errors_read_as_the_single_commands_errors(moto, pool):
    """The same merge and the same messages as --cli-input-json, line by line."""
    line = {"Username": "x", "Colour": "red"}
    single = run(["cognito-idp", "admin-get-user", "--user-pool-id", pool,
                  "--cli-input-json", json.dumps(line)], moto.environ())
    batch = run(["cognito-idp", "admin-get-user", "--user-pool-id", pool,
                 "--cli-input-jsonl", "-"], moto.environ(), stdin=jsonl(line))
    (record,) = records(batch.stdout)
    assert record["error"]["exit_code"] == single.exit_code == batch.exit_code == 252
    assert record["error"]["message"] in single.stderr
    # The command line wins over a line's keys, as over --cli-input-json's.
    batch = run(["cognito-idp", "admin-get-user", "--user-pool-id", pool, "--username",
                 EXISTING[1], "--cli-input-jsonl", "-", "--query", "Username"],
                moto.environ(), stdin=jsonl({"Username": "nobody"}, {}))
    assert [r["output"] for r in records(batch.stdout)] == [EXISTING[1]] * 2


def test_each_line_pages_and_queries_as_the_single_command(moto, pool):
    other = _cognito(moto).create_user_pool(PoolName="batch-empty")["UserPool"]["Id"]
    result = run(["cognito-idp", "list-users", "--page-size", "7", "--query", "length(Users)",
                  "--cli-input-jsonl", "-"], moto.environ(),
                 stdin=jsonl({"UserPoolId": pool}, {"UserPoolId": other}, {"UserPoolId": pool}))
    assert result.exit_code == 0, result.stderr
    assert [r["output"] for r in records(result.stdout)] == [len(EXISTING), 0, len(EXISTING)]


# -- accepted errors --------------------------------------------------------------------


def test_accepted_errors_are_skipped_and_the_run_succeeds(moto, pool):
    lines = [{"Username": EXISTING[0]}, {"Username": "ghost1"}, {"Username": EXISTING[1]},
             {"Username": "ghost2"}]
    argv = ["cognito-idp", "admin-confirm-sign-up", "--user-pool-id", pool,
            "--cli-input-jsonl", "-"]
    result = run(argv + ["--cli-batch-accept-error", "UserNotFoundException"],
                 moto.environ(), stdin=jsonl(*lines))
    assert result.exit_code == 0, result.stderr
    got = records(result.stdout)
    assert [r["status"] for r in got] == ["ok", "skipped", "ok", "skipped"]
    assert got[1]["error"]["code"] == "UserNotFoundException"
    assert "2 ok, 2 skipped" in result.stderr
    # CODE:REGEX accepts only the messages the expression finds; others stay errors.
    result = run(argv + ["--cli-batch-accept-error", "UserNotFoundException:^no such",
                         "--cli-batch-accept-error", "SomeOtherException"],
                 moto.environ(), stdin=jsonl(*lines))
    assert [r["status"] for r in records(result.stdout)] == ["ok", "error", "ok", "error"]
    assert result.exit_code == 254
    result = run(argv + ["--cli-batch-accept-error", "UserNotFoundException:does not exist"],
                 moto.environ(), stdin=jsonl(*lines))
    assert (result.exit_code, result.stdout.count('"skipped"')) == (0, 2)


# -- input sources and resume ---------------------------------------------------------------


def test_input_from_a_file_and_resume_runs_only_what_is_not_done(moto, pool, tmp_path):
    names = [f"resume{i}@example.com" for i in range(6)]
    source = tmp_path / "users.jsonl"
    source.write_text(jsonl(*({"Username": n} for n in names)))
    # An earlier run that finished lines 1, 2 and 4 (line 3 failed, the rest never ran).
    earlier = tmp_path / "earlier.jsonl"
    first = run(["cognito-idp", "admin-create-user", "--user-pool-id", pool,
                 "--message-action", "SUPPRESS", "--cli-input-jsonl", "-"],
                moto.environ(), stdin=jsonl({"Username": names[0]}, {"Username": names[1]},
                                            {"Username": 3}, {"Username": names[3]}))
    assert first.exit_code == 252
    earlier.write_text(first.stdout)
    result = run(["cognito-idp", "admin-create-user", "--user-pool-id", pool,
                  "--message-action", "SUPPRESS", "--cli-input-jsonl", f"file://{source}",
                  "--cli-batch-resume", str(earlier), "--query", "User.Username"],
                 moto.environ())
    assert result.exit_code == 0, result.stderr  # a line run twice: UsernameExistsException
    got = records(result.stdout)
    assert [r["status"] for r in got] == ["ok"] * 6
    earlier_lines = first.stdout.splitlines()
    # Lines done before are copied as they were recorded, not run again.
    assert result.stdout.splitlines()[0] == earlier_lines[0]
    assert result.stdout.splitlines()[3] == earlier_lines[3]
    assert [r["output"] for r in got[2:3] + got[4:]] == [names[2], names[4], names[5]]
    assert sorted(u for u in usernames(moto, pool) if u.startswith("resume")) == sorted(names)


def test_resume_refuses_a_changed_line(moto, pool, tmp_path):
    earlier = tmp_path / "earlier.jsonl"
    first = run(["cognito-idp", "admin-get-user", "--user-pool-id", pool,
                 "--cli-input-jsonl", "-"], moto.environ(),
                stdin=jsonl({"Username": EXISTING[0]}, {"Username": EXISTING[1]}))
    earlier.write_text(first.stdout)
    result = run(["cognito-idp", "admin-get-user", "--user-pool-id", pool,
                  "--cli-input-jsonl", "-", "--cli-batch-resume", str(earlier)],
                 moto.environ(), stdin=jsonl({"Username": EXISTING[0]},
                                             {"Username": EXISTING[2]}))
    got = records(result.stdout)
    assert [r["status"] for r in got] == ["ok", "invalid"]
    assert got[1]["error"]["code"] == "ResumeMismatch"
    assert result.exit_code == 252


def test_overlong_and_undecodable_lines_are_invalid_and_the_rest_run(moto, pool, tmp_path,
                                                                      monkeypatch):
    from cli import batch_io

    monkeypatch.setattr(batch_io, "MAX_LINE_BYTES", 64)
    path = tmp_path / "input.jsonl"
    path.write_bytes(jsonl({"Username": EXISTING[0]}, {"Username": "x" * 200}).encode()
                     + b'{"Username": "\xff"}\n' + jsonl({"Username": EXISTING[1]}).encode())
    result = run(["cognito-idp", "admin-get-user", "--user-pool-id", pool, "--query",
                  "Username", "--cli-input-jsonl", f"file://{path}"], moto.environ())
    got = records(result.stdout)
    assert [r["status"] for r in got] == ["ok", "invalid", "invalid", "ok"]
    assert "longer than 64 bytes" in got[1]["error"]["message"]
    assert "not UTF-8" in got[2]["error"]["message"]
    assert result.exit_code == 252


# -- throttling and retries -----------------------------------------------------------


class _Endpoint:
    """A JSON-protocol endpoint that answers {} and counts requests; with `throttle`, the
    first attempt of each request body gets a ThrottlingException."""

    def __init__(self, throttle: bool):
        import http.server
        import threading

        outer = self
        self.requests = 0
        self.times: list[float] = []
        self.retry_modes: set[str] = set()  # from the user agent's feature codes
        self.seen: set[bytes] = set()
        self.lock = threading.Lock()

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                features = next((w[2:].split(",") for w in self.headers["User-Agent"].split()
                                 if w.startswith("m/")), [])
                with outer.lock:
                    outer.requests += 1
                    outer.times.append(time.monotonic())
                    outer.retry_modes.update(RETRY_MODES[f] for f in features
                                             if f in RETRY_MODES)
                    first = body not in outer.seen
                    outer.seen.add(body)
                throttled = throttle and first
                answer = (b'{"__type": "ThrottlingException", "message": "Rate exceeded"}'
                          if throttled else b"{}")
                self.send_response(400 if throttled else 200)
                self.send_header("Content-Type", "application/x-amz-json-1.1")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.endpoint = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def run(self, moto, extra_environ: dict, lines: int, *options: str):
        environ = {**moto.environ(), "AWS_ENDPOINT_URL": self.endpoint, **extra_environ}
        try:
            return run(["cognito-idp", "admin-confirm-sign-up", "--user-pool-id", "p",
                        "--cli-input-jsonl", "-", "--cli-batch-concurrency", "2", *options],
                       environ,
                       stdin=jsonl(*({"Username": f"u{i}"} for i in range(lines))))
        finally:
            self.server.shutdown()


RETRY_MODES = {"D": "legacy", "E": "standard", "F": "adaptive"}  # botocore's feature codes


def test_a_batch_retries_in_adaptive_mode_unless_the_user_chose_one(moto):
    server = _Endpoint(throttle=False)
    result = server.run(moto, {}, 3)
    assert (result.exit_code, server.requests, server.retry_modes) == (0, 3, {"adaptive"})
    server = _Endpoint(throttle=False)
    result = server.run(moto, {"AWS_RETRY_MODE": "legacy"}, 3)
    assert (result.exit_code, server.retry_modes) == (0, {"legacy"})


def test_throttling_is_retried_never_recorded_while_retries_remain(moto):
    server = _Endpoint(throttle=True)
    result = server.run(moto, {"AWS_RETRY_MODE": "standard"}, 6)
    assert [r["status"] for r in records(result.stdout)] == ["ok"] * 6, result.stdout
    assert result.exit_code == 0
    assert server.requests == 12  # every line throttled once, then retried


def test_max_rate_spaces_every_request_attempts_included(moto):
    server = _Endpoint(throttle=True)
    result = server.run(moto, {"AWS_RETRY_MODE": "standard"}, 4, "--cli-batch-max-rate", "20")
    assert (result.exit_code, server.requests) == (0, 8)
    # Sent at least 1/20 s apart: the last of 8 at least 0.35 s after the first (less what
    # the first one's trip took).
    assert server.times[-1] - server.times[0] > 0.25


def test_a_terminal_gets_a_progress_bar_and_a_pipe_only_the_summary(moto, pool, tmp_path):
    import io
    import os

    from cli.env import Env
    from cli.main import main

    path = tmp_path / "users.jsonl"
    path.write_text(jsonl(*({"Username": u} for u in EXISTING[:5])))
    argv = ["cognito-idp", "admin-get-user", "--user-pool-id", pool, "--query", "Username",
            "--cli-input-jsonl", f"file://{path}"]
    saved = dict(os.environ)
    os.environ.update(moto.environ())
    try:
        shown = {}
        for tty in (True, False):
            out, err = io.StringIO(), io.StringIO()
            code = main(argv, Env(environ=moto.environ(), stdout=out, stderr=err,
                                  stdin=io.StringIO(), stdout_isatty=False, stderr_isatty=tty))
            assert (code, len(records(out.getvalue()))) == (0, 5)
            shown[tty] = err.getvalue()
    finally:
        os.environ.clear()
        os.environ.update(saved)
    assert "5/5" in shown[True] and "errors" in shown[True]  # done/total for a file
    assert shown[True].rstrip().rpartition("\x1b[2K")[2].startswith("batch: 5 lines: 5 ok; ")
    assert shown[False].count("\n") == 1 and shown[False].startswith("batch: 5 lines: 5 ok; ")
