"""v2's per-service departures from the model, end to end."""

from __future__ import annotations

import pytest

from tests.moto_server import free_port
from tests.runner import run

CLOSED = f"http://127.0.0.1:{free_port()}"


def closed_environ(tmp_path) -> dict:
    return {"HOME": str(tmp_path), "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": "us-east-1",
            "AWS_MAX_ATTEMPTS": "1", "AWS_PAGER": ""}


@pytest.mark.parametrize("argv", [
    ["cloudsearchdomain", "search", "--search-query", "x"],
    ["ec2", "create-image", "--instance-id", "i-1", "--name", "image", "--reboot"],
    ["mgn", "start-test", "--source-server-i-ds", "s-12345678901234567"],
    ["iotwireless", "create-multicast-group", "--lorawan", "RfRegion=EU868"],
    ["cloudwatch", "get-o-tel-enrichment"],
    ["rds", "add-option-to-option-group", "--option-group-name", "g", "--options",
     "OptionName=x"],
    ["deploy", "list-applications"],
    ["configservice", "describe-config-rules"],
    ["s3api", "list-buckets"],
])
def test_renamed_commands_and_arguments_parse(tmp_path, argv):
    # Parsing succeeds, so the call reaches the (closed) endpoint: exit 255.
    result = run([*argv, "--endpoint-url", CLOSED], closed_environ(tmp_path))
    assert result.exit_code == 255, result.stderr
    assert "Could not connect to the endpoint URL" in result.stderr


@pytest.mark.parametrize("argv,phrase", [
    # Spellings v1 accepted and v2 does not.
    (["storagegateway", "describe-tapes", "--gateway-arn", "arn:" + "g" * 60,
      "--tape-ar-ns", "arn:" + "t" * 60], "Unknown options: --tape-ar-ns"),
    (["iotwireless", "update-multicast-group", "--id", "m", "--lo-ra-wan", "DlClass=ClassB"],
     "Unknown options: --lo-ra-wan"),
    # Operations v2 takes away or offers under other names.
    (["ses", "verify-email-address", "--email-address", "a@b.c"],
     "argument operation: Found invalid choice 'verify-email-address'"),
    (["rds", "modify-option-group", "--option-group-name", "g"],
     "argument operation: Found invalid choice 'modify-option-group'"),
    (["socialmessaging", "create-whatsapp-dataset"],
     "argument operation: Found invalid choice 'create-whatsapp-dataset'"),
    (["rds", "add-option-to-option-group", "--option-group-name", "g",
      "--options-to-remove", "x"], "Unknown options: --options-to-remove"),
])
def test_names_v2_does_not_accept(tmp_path, argv, phrase):
    result = run([*argv, "--endpoint-url", CLOSED], closed_environ(tmp_path))
    assert result.exit_code == 252
    assert phrase in result.stderr


def test_service_help_lists_v2s_operation_names(tmp_path):
    page = run(["socialmessaging", "help"], closed_environ(tmp_path)).stdout
    assert "create-whats-app-dataset" in page and "create-whatsapp-flow" in page
    assert "create-whatsapp-dataset" not in page
    cloudwatch = run(["cloudwatch", "help"], closed_environ(tmp_path)).stdout
    # The renamed operations show once, their old spellings stay hidden.
    assert "get-otel-enrichment" in cloudwatch and "get-o-tel-enrichment" not in cloudwatch
    assert "update-o-tel-enrichment" in cloudwatch


@pytest.mark.parametrize("argv,member", [
    # v2 leaves these to the request validator: a required boolean, and an
    # argument with a hidden second spelling.
    (["importexport", "create-job", "--job-type", "Import", "--manifest", "m"],
     "ValidateOnly"),
    (["mgn", "start-test"], "sourceServerIDs"),
])
def test_required_arguments_checked_by_the_validator(tmp_path, argv, member):
    result = run([*argv, "--endpoint-url", CLOSED], closed_environ(tmp_path))
    assert result.exit_code == 252
    assert f'Missing required parameter in input: "{member}"' in result.stderr


def test_model_names_v2_renamed_are_unknown(tmp_path):
    result = run(["cloudsearchdomain", "search", "--query", "x", "--endpoint-url", CLOSED],
                 closed_environ(tmp_path))
    # --query is the global JMESPath option there, so --search-query is missing.
    assert result.exit_code == 252
    assert "the following arguments are required: --search-query" in result.stderr


def _sent(recorder, tmp_path, argv):
    result = run([*argv, "--endpoint-url", recorder.endpoint], closed_environ(tmp_path))
    return result, recorder.requests


@pytest.mark.parametrize("argv,body", [
    # A paging member given by hand turns paging off; a member named like a
    # paging option then gets its value (acm's MaxItems).
    (["acm", "list-certificates", "--next-token", "X", "--max-items", "10"],
     {"NextToken": "X", "MaxItems": 10}),
    (["acm", "list-certificates", "--max-items", "10", "--no-paginate"], {"MaxItems": 10}),
    (["kinesis", "list-streams", "--exclusive-start-stream-name", "s"],
     {"ExclusiveStartStreamName": "s"}),
])
def test_paging_turned_off_by_hand(recorder, tmp_path, argv, body):
    result, sent = _sent(recorder, tmp_path, argv)
    assert result.exit_code == 0, result.stderr
    assert [r.json() for r in sent] == [body]


@pytest.mark.parametrize("argv", [
    ["cognito-idp", "list-users", "--user-pool-id", "p", "--pagination-token", "X",
     "--max-items", "5"],
    ["cognito-idp", "list-users", "--user-pool-id", "p", "--no-paginate", "--max-items", "5"],
])
def test_paging_options_without_paging_are_errors(recorder, tmp_path, argv):
    result, sent = _sent(recorder, tmp_path, argv)
    assert result.exit_code == 252 and sent == []
    assert ("Cannot specify --no-paginate along with pagination arguments: --max-items"
            in result.stderr)


@pytest.mark.parametrize("argv,page_size", [
    (["ec2", "describe-volumes"], "1000"),
    (["ec2", "describe-snapshots", "--owner-ids", "self"], "1000"),
    (["ec2", "describe-volumes", "--page-size", "5"], "5"),
    (["ec2", "describe-snapshots", "--snapshot-ids", "snap-1"], None),  # a filter: no default
])
def test_ec2_default_page_size(recorder, tmp_path, argv, page_size):
    result, sent = _sent(recorder, tmp_path, argv)
    assert result.exit_code == 0, result.stderr
    assert sent[0].form().get("MaxResults") == page_size


def test_page_size_only_where_the_paginator_has_a_limit(tmp_path):
    # cloudformation describe-stacks pages by token alone.
    page = run(["cloudformation", "describe-stacks", "help"], closed_environ(tmp_path)).stdout
    assert "[--max-items <value>]" in page and "--page-size" not in page
    result = run(["cloudformation", "describe-stacks", "--page-size", "5",
                  "--endpoint-url", CLOSED], closed_environ(tmp_path))
    assert result.exit_code == 252 and "Unknown options: --page-size" in result.stderr


def test_select_object_content_writes_its_records_to_the_outfile(moto, tmp_path):
    """As v2: S3 Select's event stream goes to a positional outfile; nothing is printed."""
    environ = {**moto.environ(), "HOME": str(tmp_path), "AWS_DEFAULT_REGION": "us-east-1"}
    data = tmp_path / "data.csv"
    data.write_text("a,b\n1,2\n3,4\n")
    for argv in (["create-bucket", "--bucket", "select-records"],
                 ["put-object", "--bucket", "select-records", "--key", "data.csv",
                  "--body", str(data)]):
        assert run(["s3api", *argv], environ).exit_code == 0
    select = ["s3api", "select-object-content", "--bucket", "select-records", "--key",
              "data.csv", "--expression", "select * from s3object", "--expression-type", "SQL",
              "--input-serialization", '{"CSV": {}, "CompressionType": "NONE"}',
              "--output-serialization", '{"CSV": {}}']
    target = tmp_path / "records.csv"
    result = run([*select, str(target)], environ)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert target.read_text().rstrip("\n") == "a,b\n1,2\n3,4"  # moto ends with a blank line
    missing = run(select, environ)
    assert missing.exit_code == 252
    assert "the following arguments are required: outfile" in missing.stderr
    page = run(["s3api", "select-object-content", "help"], environ).stdout
    assert "<outfile>" in page and "--cli-input-json" not in page
