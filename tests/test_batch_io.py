"""Batch mode's files and options: input lines, earlier results, records, usage errors."""

from __future__ import annotations

import io
import json

import pytest

from cli import batch_io
from cli.batch_report import Tally
from cli.errors import ParamError
from tests.runner import run

# -- reading input lines --------------------------------------------------------------


def lines_of(data: bytes, limit: int | None = None, monkeypatch=None):
    if limit is not None:
        monkeypatch.setattr(batch_io, "MAX_LINE_BYTES", limit)
    return [(l.number, l.text, l.problem is not None)
            for l in batch_io.read_lines(io.BytesIO(data))]


def test_lines_are_numbered_stripped_and_blank_ones_kept_empty():
    assert lines_of(b'{"a": 1}\r\n\n  \n{"b": 2}') == [
        (1, '{"a": 1}', False), (2, "", False), (3, "", False), (4, '{"b": 2}', False)]


def test_an_overlong_line_is_dropped_without_being_held_and_reading_goes_on(monkeypatch):
    data = b'{"a": 1}\n' + b"x" * 100 + b"\n" + b'{"b": 2}\n' + b"y" * 40
    got = lines_of(data, 16, monkeypatch)
    assert got == [(1, '{"a": 1}', False), (2, None, True), (3, '{"b": 2}', False),
                   (4, None, True)]


def test_a_line_that_is_not_utf8_is_a_problem_of_that_line_only():
    got = lines_of(b'{"a": 1}\n\xff\xfe\n{"b": 2}\n')
    assert got == [(1, '{"a": 1}', False), (2, None, True), (3, '{"b": 2}', False)]


def test_text_streams_read_as_well():
    got = [(l.number, l.text) for l in batch_io.read_lines(io.StringIO('{"a": "é"}\n'))]
    assert got == [(1, '{"a": "é"}')]


def test_the_digest_ignores_surrounding_whitespace_only():
    digests = [l.digest for l in batch_io.read_lines(io.BytesIO(b'{"a":1}\n  {"a":1}\r\n{"a":2}'))]
    assert digests[0] == digests[1] != digests[2]


# -- an earlier run's results ------------------------------------------------------------


def earlier(tmp_path, text: str) -> batch_io.EarlierResults:
    path = tmp_path / "results.jsonl"
    path.write_text(text)
    return batch_io.EarlierResults(str(path))


def rec(line: int, status: str, **fields) -> str:
    return json.dumps({"line": line, "status": status, **fields}) + "\n"


def test_earlier_records_are_found_by_line_number_in_step(tmp_path):
    results = earlier(tmp_path, rec(1, "ok", digest="d1") + rec(3, "error", error={
        "code": "E"}) + "\n" + rec(7, "skipped", digest="d7"))
    results.check()
    found = [results.record_for(n) for n in range(1, 9)]
    assert [f and f[:3] for f in found] == [
        ("ok", "d1", None), None, ("error", None, "E"), None, None, None,
        ("skipped", "d7", None), None]


def test_a_record_cut_short_at_the_end_is_not_a_record(tmp_path):
    results = earlier(tmp_path, rec(1, "ok") + '{"line": 2, "sta')
    results.check()
    assert results.record_for(1)[0] == "ok"
    assert results.record_for(2) is None


@pytest.mark.parametrize("text,message", [
    ("not json\n" + rec(2, "ok"), "line 1 is not a JSON object"),
    (rec(1, "ok") + "[1]\n", 'line 2 is not a record (no "line" number or "status")'),
    (rec(1, "ok") + json.dumps({"line": "2", "status": "ok"}) + "\n", "line 2 is not a record"),
    (rec(2, "ok") + rec(1, "ok"), "records line 1 after line 2"),
    (rec(2, "ok") + rec(2, "ok"), "records line 2 after line 2"),
])
def test_a_malformed_results_file_fails_before_anything_runs(tmp_path, text, message):
    with pytest.raises(ParamError) as e:
        earlier(tmp_path, text).check()
    assert message in e.value.message
    assert "cli-batch-resume" in e.value.message


# -- records, tallies, exit codes -------------------------------------------------------------


def test_a_record_is_one_compact_line_with_its_fields_in_a_fixed_order():
    text = batch_io.record_text(3, "ok", "ab", {"output": {"Name": "é"}})
    assert text == '{"line":3,"status":"ok","output":{"Name":"é"},"digest":"ab"}'


@pytest.mark.parametrize("lines,interrupted,code", [
    ([("ok", None, 0), ("skipped", "E", 254)], False, 0),
    ([("ok", None, 0), ("invalid", "ParamValidation", 252)], False, 252),
    ([("invalid", "P", 252), ("error", "E", 254), ("invalid", "P", 252)], False, 254),
    ([("error", "E", 254), ("error", "ConnectionFailure", 255)], False, 255),
    ([("error", "NoCredentials", 253), ("error", "E", 254)], False, 254),
    ([("ok", None, 0), ("not-run", None, 0)], True, 130),
    ([], False, 0),
])
def test_exit_code_is_the_worst_line_or_130(lines, interrupted, code):
    tally = Tally()
    for line in lines:
        tally.add(*line)
    assert tally.exit_code(interrupted) == code


def test_the_summary_counts_statuses_and_error_codes_on_one_line():
    tally = Tally()
    for line in [("ok", None, 0)] * 3 + [("error", "Throttled", 254), ("skipped", "Gone", 254),
                                         ("error", "Throttled", 254)]:
        tally.add(*line)
    summary = tally.summary()
    assert summary.count("\n") == 1 and summary.endswith("lines/s\n")
    assert summary.startswith("batch: 6 lines: 3 ok, 1 skipped, 2 error "
                              "(by error code: Throttled 2, Gone 1); ")


# -- usage errors: the batch never starts --------------------------------------------------

OP = ["cognito-idp", "admin-confirm-sign-up", "--user-pool-id", "p"]
USAGE = [
    (OP + ["--username", "u", "--cli-batch-concurrency", "4"],
     "--cli-batch-concurrency requires --cli-input-jsonl"),
    (OP + ["--username", "u", "--cli-batch-accept-error", "X"],
     "--cli-batch-accept-error requires --cli-input-jsonl"),
    (OP + ["--cli-input-jsonl", "-", "--cli-input-json", "{}"],
     "Only one --cli-input- parameter may be specified."),
    (OP + ["--cli-input-jsonl", "-", "--generate-cli-skeleton"],
     "--generate-cli-skeleton cannot be used with --cli-input-jsonl"),
    (OP + ["--cli-input-jsonl", "-", "--cli-batch-concurrency", "0"],
     "argument --cli-batch-concurrency: must be from 1 to 1024"),
    (OP + ["--cli-input-jsonl", "-", "--cli-batch-concurrency", "x"],
     "argument --cli-batch-concurrency: invalid int value: 'x'"),
    (OP + ["--cli-input-jsonl", "-", "--cli-batch-max-rate", "-1"],
     "argument --cli-batch-max-rate: invalid positive number: '-1'"),
    (OP + ["--cli-input-jsonl", "-", "--cli-batch-max-rate", "nan"],
     "argument --cli-batch-max-rate: invalid positive number: 'nan'"),
    (OP + ["--cli-input-jsonl", "-", "--cli-batch-accept-error", ":x"],
     "expected CODE or CODE:REGEX, got ':x'"),
    (OP + ["--cli-input-jsonl", "-", "--cli-batch-accept-error", "E:("],
     "Invalid regular expression '('"),
    (OP + ["--cli-input-jsonl", "users.jsonl"],
     "Expected file://PATH or - (standard input), got 'users.jsonl'"),
    (OP + ["--cli-input-jsonl", "file:///no/such/file.jsonl"],
     "Error parsing parameter 'cli-input-jsonl': Unable to load paramfile "
     "file:///no/such/file.jsonl"),
    (OP + ["--cli-input-jsonl", "-", "--cli-batch-resume", "/no/such/results.jsonl"],
     "Error parsing parameter 'cli-batch-resume': Unable to load paramfile"),
    # Required arguments may come from the lines, as from --cli-input-json.
    (["cognito-idp", "admin-confirm-sign-up", "--bogus", "--cli-input-jsonl", "-"],
     "Unknown options: --bogus"),
]


@pytest.mark.parametrize("argv,message", USAGE, ids=[" ".join(a[4:]) for a, _ in USAGE])
def test_usage_errors_stop_the_run_before_it_starts(argv, message):
    result = run(argv, {"HOME": "/nonexistent", "AWS_DEFAULT_REGION": "us-west-2"}, stdin="")
    assert (result.exit_code, result.stdout) == (252, "")
    assert message in result.stderr


def test_streaming_operations_offer_no_batch_input():
    result = run(["s3api", "get-object", "--bucket", "b", "--key", "k", "out",
                  "--cli-input-jsonl", "-"], {"HOME": "/nonexistent"})
    assert result.exit_code == 252 and "Unknown options: --cli-input-jsonl" in result.stderr


def test_help_lists_the_batch_options_in_the_synopsis():
    result = run(["cognito-idp", "admin-confirm-sign-up", "help"], {"HOME": "/nonexistent",
                                                                    "AWS_PAGER": ""})
    assert "[--cli-input-json | --cli-input-yaml | --cli-input-jsonl]" in result.stdout
    assert "--cli-batch-accept-error (list)" in result.stdout


def test_wait_commands_have_no_batch_mode():
    environ = {"HOME": "/nonexistent", "AWS_PAGER": ""}
    result = run(["dynamodb", "wait", "table-exists", "--table-name", "t",
                  "--cli-input-jsonl", "-"], environ)
    assert result.exit_code == 252 and "Unknown options: --cli-input-jsonl" in result.stderr
    page = run(["dynamodb", "wait", "table-exists", "help"], environ).stdout
    assert "[--cli-input-json | --cli-input-yaml]" in page and "--cli-batch-" not in page
