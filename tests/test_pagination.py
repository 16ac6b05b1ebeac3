"""Pagination against a real moto server: result keys merged, pages printed, tokens resumed.

What v2 does, which these tests pin down:
- json/yaml/table print botocore's merged result (`build_full_result`): every
  result key concatenated (s3 Contents and CommonPrefixes), numeric result keys
  summed (dynamodb Count, ScannedCount), `NextToken` added when --max-items
  cut the result;
- text prints page by page: each page's result keys only (a result key a page
  lacks prints as `None`), then a `NextToken` block when --max-items cut it;
  --query applies to each page and to that block;
- yaml-stream prints each raw page as an item of a top-level list.
Each test makes its own bucket, table or IAM path, as the server is shared.
"""

from __future__ import annotations

import json
import uuid

import pytest

from tests.runner import run_process


def _client(moto, service):
    import botocore.session

    return botocore.session.Session().create_client(
        service, region_name="us-west-2", endpoint_url=moto.endpoint,
        aws_access_key_id="testing", aws_secret_access_key="testing",
    )


def _aws(moto, *argv):
    result = run_process(list(argv), moto.environ())
    assert (result.exit_code, result.stderr) == (0, ""), result
    return result.stdout


@pytest.fixture
def bucket(moto):
    """Keys a/1 a/2 b/1 c d e: with --delimiter / that is 2 prefixes and 3 objects."""
    s3 = _client(moto, "s3")
    name = f"paging-{uuid.uuid4().hex[:12]}"
    s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": "us-west-2"})
    for key in ("a/1", "a/2", "b/1", "c", "d", "e"):
        s3.put_object(Bucket=name, Key=key, Body=b"x")
    return name


@pytest.fixture
def iam_path(moto):
    """Three IAM users u1..u3 under a path of their own."""
    iam = _client(moto, "iam")
    path = f"/p{uuid.uuid4().hex[:10]}/"
    for name in ("u1", "u2", "u3"):
        iam.create_user(UserName=f"{name}-{path.strip('/')}", Path=path)
    return path


@pytest.fixture
def table(moto):
    """Five items, id 0..4."""
    ddb = _client(moto, "dynamodb")
    name = f"paging-{uuid.uuid4().hex[:12]}"
    ddb.create_table(
        TableName=name, BillingMode="PAY_PER_REQUEST",
        KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
    )
    for i in range(5):
        ddb.put_item(TableName=name, Item={"id": {"S": str(i)}})
    return name


def _names(path):
    suffix = path.strip("/")
    return [f"u{i}-{suffix}" for i in (1, 2, 3)]


# -- json: the merged result ---------------------------------------------------


def test_two_result_keys_are_merged_across_pages(moto, bucket):
    out = json.loads(_aws(moto, "s3api", "list-objects-v2", "--bucket", bucket,
                          "--delimiter", "/", "--page-size", "2"))
    assert [p["Prefix"] for p in out["CommonPrefixes"]] == ["a/", "b/"]
    assert [o["Key"] for o in out["Contents"]] == ["c", "d", "e"]
    assert "NextToken" not in out and "NextContinuationToken" not in out


def test_max_items_counts_the_primary_result_key_only(moto, bucket):
    # Contents is the primary key: the first page (two prefixes, no objects)
    # counts for nothing, so three objects still fit in --max-items 2 + 1.
    out = json.loads(_aws(moto, "s3api", "list-objects-v2", "--bucket", bucket,
                          "--delimiter", "/", "--page-size", "2", "--max-items", "2"))
    assert [o["Key"] for o in out["Contents"]] == ["c", "d"]
    assert [p["Prefix"] for p in out["CommonPrefixes"]] == ["a/", "b/"]
    assert "NextToken" in out
    rest = json.loads(_aws(moto, "s3api", "list-objects-v2", "--bucket", bucket,
                           "--delimiter", "/", "--page-size", "2",
                           "--starting-token", out["NextToken"]))
    assert [o["Key"] for o in rest["Contents"]] == ["e"]
    assert "NextToken" not in rest


def test_counts_are_summed_across_pages(moto, table):
    out = json.loads(_aws(moto, "dynamodb", "scan", "--table-name", table,
                          "--page-size", "2", "--query", "[Count, ScannedCount, length(Items)]"))
    assert out == [5, 5, 5]


def test_max_items_then_starting_token_walks_every_user_once(moto, iam_path):
    seen, token = [], None
    for _ in range(4):
        argv = ["iam", "list-users", "--path-prefix", iam_path, "--max-items", "2",
                "--page-size", "1"]
        if token:
            argv += ["--starting-token", token]
        out = json.loads(_aws(moto, *argv))
        seen += [u["UserName"] for u in out["Users"]]
        token = out.get("NextToken")
        if token is None:
            break
    assert seen == _names(iam_path)


def test_no_paginate_prints_the_first_page_with_the_service_token(moto, bucket):
    out = json.loads(_aws(moto, "s3api", "list-objects-v2", "--bucket", bucket,
                          "--max-keys", "2", "--no-paginate"))
    assert [o["Key"] for o in out["Contents"]] == ["a/1", "a/2"]
    assert out["IsTruncated"] is True and "NextContinuationToken" in out
    assert "NextToken" not in out


def test_a_paging_member_given_by_hand_turns_paging_off(moto, bucket):
    first = json.loads(_aws(moto, "s3api", "list-objects-v2", "--bucket", bucket,
                            "--max-keys", "2", "--no-paginate"))
    out = json.loads(_aws(moto, "s3api", "list-objects-v2", "--bucket", bucket,
                          "--max-keys", "2", "--continuation-token",
                          first["NextContinuationToken"]))
    assert [o["Key"] for o in out["Contents"]] == ["b/1", "c"]
    assert "NextContinuationToken" in out


# -- text: page by page ------------------------------------------------------


def test_text_pages_carry_only_their_own_result_keys(moto, bucket):
    out = _aws(moto, "s3api", "list-objects-v2", "--bucket", bucket, "--delimiter", "/",
               "--page-size", "2", "--output", "text")
    # Page 1 has prefixes and no Contents, pages 2 and 3 objects and no
    # CommonPrefixes: the missing key is a None value, printed as a row first.
    rows = []
    for line in out.splitlines():
        fields = line.split("\t")
        rows.append(fields[0] if fields[0] != "CONTENTS" else f"CONTENTS {fields[2]}")
    assert rows == [
        "None", "COMMONPREFIXES", "COMMONPREFIXES",
        "None", "CONTENTS c", "CHECKSUMALGORITHM", "CONTENTS d", "CHECKSUMALGORITHM",
        "None", "CONTENTS e", "CHECKSUMALGORITHM",
    ]
    assert "COMMONPREFIXES\ta/\n" in out


def test_text_ends_with_the_next_token_when_max_items_cut(moto, iam_path):
    out = _aws(moto, "iam", "list-users", "--path-prefix", iam_path, "--max-items", "1",
               "--output", "text")
    lines = out.splitlines()
    assert lines[0].startswith("USERS\t") and _names(iam_path)[0] in lines[0]
    assert len(lines) == 2 and lines[1].startswith("NEXTTOKEN\t")


# A deliberate divergence (README; aws/aws-cli #7504, #9400): v2 applies --query to
# each page in text output, so a query's answer depends on the page size there.
# shapecli applies it to the whole result, as in every other format.


def test_text_query_applies_to_the_whole_result(moto, bucket):
    out = _aws(moto, "s3api", "list-objects-v2", "--bucket", bucket, "--page-size", "2",
               "--output", "text", "--query", "Contents[].Key")
    assert out == "a/1\ta/2\tb/1\tc\td\te\n"


def test_text_query_of_a_count_is_the_total(moto, table):
    out = _aws(moto, "dynamodb", "scan", "--table-name", table, "--page-size", "2",
               "--output", "text", "--query", "Count")
    assert out == "5\n"


def test_text_query_with_max_items_sees_the_cut_result(moto, bucket):
    out = _aws(moto, "s3api", "list-objects-v2", "--bucket", bucket, "--page-size", "2",
               "--max-items", "3", "--output", "text", "--query", "Contents[].Key")
    assert out == "a/1\ta/2\tb/1\n"


# -- yaml-stream: raw pages ----------------------------------------------------


def test_yaml_stream_prints_each_page_as_a_list_item(moto, bucket):
    import yaml

    out = _aws(moto, "s3api", "list-objects-v2", "--bucket", bucket, "--page-size", "2",
               "--output", "yaml-stream", "--query", "Contents[].Key")
    assert out == "- - a/1\n  - a/2\n- - b/1\n  - c\n- - d\n  - e\n"
    pages = yaml.safe_load(_aws(moto, "s3api", "list-objects-v2", "--bucket", bucket,
                                "--page-size", "2", "--output", "yaml-stream"))
    assert [len(p["Contents"]) for p in pages] == [2, 2, 2]
    assert pages[0]["IsTruncated"] is True and "NextContinuationToken" in pages[0]
    assert "ResponseMetadata" not in pages[0]


def test_yaml_stream_with_max_items_prints_the_cut_page_without_a_next_token(moto, bucket):
    import yaml

    pages = yaml.safe_load(_aws(moto, "s3api", "list-objects-v2", "--bucket", bucket,
                                "--page-size", "2", "--max-items", "3",
                                "--output", "yaml-stream"))
    assert [[o["Key"] for o in p["Contents"]] for p in pages] == [["a/1", "a/2"], ["b/1"]]
    assert all("NextToken" not in p for p in pages)
