"""aws s3 cp / mv / rm / sync against the moto server: lines, exit codes, objects and files left."""

from __future__ import annotations

import itertools
import os

import pytest

from tests.runner import AWS, run

_names = itertools.count()


@pytest.fixture
def env(moto):
    return moto.environ()


@pytest.fixture
def bucket(env):
    name = f"xfer-{os.getpid()}-{next(_names)}"
    assert run(["s3api", "create-bucket", "--bucket", name, "--create-bucket-configuration",
                "LocationConstraint=us-west-2"], env).exit_code == 0
    return name


@pytest.fixture
def tree(tmp_path, monkeypatch):
    """src/a.txt, src/sub/b.log, src/deep/er/c.txt; the working folder is tmp_path."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "src" / "sub").mkdir(parents=True)
    (tmp_path / "src" / "deep" / "er").mkdir(parents=True)
    (tmp_path / "src" / "a.txt").write_text("one\n")
    (tmp_path / "src" / "sub" / "b.log").write_text("twotwo\n")
    (tmp_path / "src" / "deep" / "er" / "c.txt").write_text("3\n")
    for name in ("a.txt", "sub/b.log", "deep/er/c.txt"):
        # older than any upload: S3 keeps whole seconds, and a file written in the same
        # second as its upload would count as newer than its object (v2's rule as well)
        os.utime(tmp_path / "src" / name, (1_600_000_000, 1_600_000_000))
    return tmp_path


def keys(env, bucket) -> dict[str, int]:
    import json

    result = run(["s3api", "list-objects-v2", "--bucket", bucket, "--output", "json"], env)
    return {o["Key"]: o["Size"] for o in json.loads(result.stdout or "{}").get("Contents", [])}


def lines(text: str) -> list[str]:
    return sorted(line for line in text.splitlines() if line)


def test_recursive_upload_lines_and_objects(env, bucket, tree):
    result = run(["s3", "cp", "src", f"s3://{bucket}/p", "--recursive"], env)
    assert result.exit_code == 0, result.stderr
    assert lines(result.stdout) == [
        f"upload: src/a.txt to s3://{bucket}/p/a.txt",
        f"upload: src/deep/er/c.txt to s3://{bucket}/p/deep/er/c.txt",
        f"upload: src/sub/b.log to s3://{bucket}/p/sub/b.log"]
    assert keys(env, bucket) == {"p/a.txt": 4, "p/deep/er/c.txt": 2, "p/sub/b.log": 7}


def test_filters_are_order_sensitive(env, bucket, tree):
    result = run(["s3", "cp", "src", f"s3://{bucket}/", "--recursive", "--exclude", "*",
                  "--include", "*.txt", "--exclude", "deep/*"], env)
    assert result.exit_code == 0
    assert lines(result.stdout) == [f"upload: src/a.txt to s3://{bucket}/a.txt"]


def test_single_file_here_shows_dot_slash(env, bucket, tree):
    os.chdir("src")
    result = run(["s3", "cp", "a.txt", f"s3://{bucket}/"], env)
    assert result.stdout == f"upload: ./a.txt to s3://{bucket}/a.txt\n"
    down = run(["s3", "cp", f"s3://{bucket}/a.txt", "got.txt"], env)
    assert down.stdout == f"download: s3://{bucket}/a.txt to ./got.txt\n"
    assert open("got.txt").read() == "one\n"


def test_sync_round_trip_then_nothing_to_do(env, bucket, tree):
    up = run(["s3", "sync", "src", f"s3://{bucket}/s"], env)
    assert up.exit_code == 0 and len(lines(up.stdout)) == 3
    down = run(["s3", "sync", f"s3://{bucket}/s", "copy"], env)
    assert down.exit_code == 0 and len(lines(down.stdout)) == 3
    for name in ("a.txt", "sub/b.log", "deep/er/c.txt"):
        assert (tree / "copy" / name).read_bytes() == (tree / "src" / name).read_bytes()
    # downloaded files carry the object's time, so a second sync has nothing to do
    again = run(["s3", "sync", f"s3://{bucket}/s", "copy"], env)
    assert (again.exit_code, again.stdout) == (0, "")
    assert [n for n in os.listdir(tree / "copy") if not n[0].isalnum()] == []  # no temp files


def test_sync_delete_both_ways(env, bucket, tree):
    run(["s3", "sync", "src", f"s3://{bucket}/d"], env)
    os.remove("src/a.txt")
    up = run(["s3", "sync", "src", f"s3://{bucket}/d", "--delete"], env)
    assert up.stdout == f"delete: s3://{bucket}/d/a.txt\n"
    assert "d/a.txt" not in keys(env, bucket)
    (tree / "src" / "extra.txt").write_text("x")
    down = run(["s3", "sync", f"s3://{bucket}/d", "src", "--delete", "--exclude", "sub/*"], env)
    assert down.stdout == "delete: src/extra.txt\n"
    assert not (tree / "src" / "extra.txt").exists()


def test_size_only_and_changed_files(env, bucket, tree):
    run(["s3", "sync", "src", f"s3://{bucket}/z"], env)
    (tree / "src" / "a.txt").write_text("longer now\n")
    result = run(["s3", "sync", "src", f"s3://{bucket}/z", "--size-only"], env)
    assert result.stdout == f"upload: src/a.txt to s3://{bucket}/z/a.txt\n"


def test_dryrun_changes_nothing(env, bucket, tree):
    result = run(["s3", "sync", "src", f"s3://{bucket}/", "--dryrun"], env)
    assert result.exit_code == 0
    assert f"(dryrun) upload: src/a.txt to s3://{bucket}/a.txt" in result.stdout.splitlines()
    assert keys(env, bucket) == {}


def test_mv_deletes_sources_after_copy(env, bucket, tree):
    result = run(["s3", "mv", "src", f"s3://{bucket}/m", "--recursive"], env)
    assert result.exit_code == 0
    assert f"move: src/a.txt to s3://{bucket}/m/a.txt" in result.stdout.splitlines()
    assert not (tree / "src" / "a.txt").exists()
    moved = run(["s3", "mv", f"s3://{bucket}/m", f"s3://{bucket}/n", "--recursive"], env)
    assert moved.exit_code == 0
    assert set(keys(env, bucket)) == {"n/a.txt", "n/sub/b.log", "n/deep/er/c.txt"}


def test_mv_onto_itself_is_refused(env, bucket):
    result = run(["s3", "mv", f"s3://{bucket}/k", f"s3://{bucket}/k"], env)
    assert result.exit_code == 252
    assert f"Cannot mv a file onto itself: s3://{bucket}/k - s3://{bucket}/k" in result.stderr


def test_rm_single_and_recursive(env, bucket, tree):
    run(["s3", "cp", "src", f"s3://{bucket}/r", "--recursive"], env)
    single = run(["s3", "rm", f"s3://{bucket}/r/a.txt"], env)
    assert single.stdout == f"delete: s3://{bucket}/r/a.txt\n"
    rest = run(["s3", "rm", f"s3://{bucket}/r", "--recursive", "--exclude", "*.log"], env)
    assert rest.stdout == f"delete: s3://{bucket}/r/deep/er/c.txt\n"
    assert keys(env, bucket) == {"r/sub/b.log": 7}


def test_s3_to_s3_copy_with_metadata(env, bucket, tree):
    run(["s3", "cp", "src/a.txt", f"s3://{bucket}/a.txt"], env)
    result = run(["s3", "cp", f"s3://{bucket}/a.txt", f"s3://{bucket}/c/", "--metadata",
                  "k=v", "--content-type", "text/x-test"], env)
    assert result.stdout == f"copy: s3://{bucket}/a.txt to s3://{bucket}/c/a.txt\n"
    head = run(["s3api", "head-object", "--bucket", bucket, "--key", "c/a.txt",
                "--query", "[ContentType, Metadata.k]", "--output", "text"], env)
    assert head.stdout.split() == ["text/x-test", "v"]


def test_stream_upload_and_download(env, bucket):
    up = run(["s3", "cp", "-", f"s3://{bucket}/stdin.txt"], env, stdin="from stdin\n")
    assert (up.exit_code, up.stdout) == (0, "")
    down = run(["s3", "cp", f"s3://{bucket}/stdin.txt", "-"], env)
    assert (down.exit_code, down.stdout) == (0, "from stdin\n")


@pytest.mark.parametrize("argv, code, text", [
    (["s3", "cp", "only-one"], 252, "the following arguments are required: paths"),
    (["s3", "rm"], 252, "the following arguments are required: paths"),
    (["s3", "cp", "src", "dest"], 252,
     "usage: aws s3 cp <LocalPath> <S3Uri> or <S3Uri> <LocalPath> or <S3Uri> <S3Uri>\n"
     "Error: Invalid argument type"),
    (["s3", "rm", "local"], 252, "usage: aws s3 rm <S3Uri>\nError: Invalid argument type"),
    (["s3", "cp", "missing.txt", "s3://b/k"], 255,
     "The user-provided path missing.txt does not exist."),
    (["s3", "sync", "-", "s3://b/k"], 252,
     "Streaming currently is only compatible with non-recursive cp commands"),
    (["s3", "cp", "s3://b/k", "x", "--checksum-algorithm", "CRC32"], 252,
     "Expected checksum-algorithm parameter to be used with one of following path formats: "
     "<LocalPath> <S3Uri>, <S3Uri> <S3Uri>. Instead, received <S3Uri> <LocalPath>."),
    (["s3", "cp", "s3://b/k", "x", "--sse-c", "AES256"], 252,
     "If --sse-c is specified, --sse-c-key must be specified as well."),
    (["s3", "cp", "s3://b/k", "x", "--sse-c-copy-source", "--sse-c-copy-source-key", "k" * 32],
     252, "--sse-c-copy-source is only supported for copy operations."),
])
def test_argument_errors(env, tmp_path, monkeypatch, argv, code, text):
    monkeypatch.chdir(tmp_path)
    result = run(argv, env)
    assert result.exit_code == code
    assert text in result.stderr


def test_failures_and_fatal_errors(env, bucket, tree):
    missing_key = run(["s3", "cp", f"s3://{bucket}/nokey", "x"], env)
    assert missing_key.exit_code == 1
    assert missing_key.stderr == ("fatal error: An error occurred (404) when calling the "
                                  'HeadObject operation: Key "nokey" does not exist\n')
    no_bucket = run(["s3", "cp", "src/a.txt", "s3://no-such-bucket-xfer/x"], env)
    assert no_bucket.exit_code == 1
    assert no_bucket.stderr.startswith(
        "upload failed: src/a.txt to s3://no-such-bucket-xfer/x An error occurred "
        "(NoSuchBucket) when calling the PutObject operation")
    listing = run(["s3", "rm", "s3://no-such-bucket-xfer/", "--recursive"], env)
    assert listing.exit_code == 1
    assert listing.stderr.startswith("fatal error: An error occurred (NoSuchBucket) when "
                                     "calling the ListObjectsV2 operation")


def test_special_files_and_loops_are_skipped_with_exit_2(env, bucket, tree):
    os.mkfifo(tree / "src" / "pipe")
    os.symlink("..", tree / "src" / "sub" / "loop")
    result = run(["s3", "sync", "src", f"s3://{bucket}/w"], env)
    assert result.exit_code == 2
    errors = result.stderr.splitlines()
    assert (f"warning: Skipping file {tree / 'src' / 'pipe'}. File is character special "
            "device, block special device, FIFO, or socket.") in errors
    assert any(line.startswith(f"warning: Skipping file {tree / 'src' / 'sub' / 'loop'}")
               for line in errors)
    assert "w/a.txt" in keys(env, bucket)


def test_no_overwrite_skips_existing(env, bucket, tree):
    run(["s3", "cp", "src/a.txt", f"s3://{bucket}/a.txt"], env)
    (tree / "src" / "a.txt").write_text("changed content\n")
    result = run(["s3", "cp", "src/a.txt", f"s3://{bucket}/a.txt", "--no-overwrite"], env)
    assert (result.exit_code, result.stdout) == (0, "")
    assert keys(env, bucket) == {"a.txt": 4}


def test_multipart_upload_and_download(env, bucket, tree):
    config = tree / "config"
    config.write_text("[default]\ns3 =\n  multipart_threshold = 5MB\n"
                      "  multipart_chunksize = 5MB\n  max_concurrent_requests = 4\n")
    env = {**env, "AWS_CONFIG_FILE": str(config)}
    data = os.urandom(11 * 1024 * 1024)
    (tree / "big.bin").write_bytes(data)
    up = run(["s3", "cp", "big.bin", f"s3://{bucket}/big.bin"], env)
    assert (up.exit_code, up.stdout) == (0, f"upload: ./big.bin to s3://{bucket}/big.bin\n")
    down = run(["s3", "cp", f"s3://{bucket}/big.bin", "back.bin"], env)
    assert down.exit_code == 0
    assert (tree / "back.bin").read_bytes() == data


def test_bad_s3_setting_is_exit_255(env, bucket, tree):
    config = tree / "config"
    config.write_text("[default]\ns3 =\n  max_concurrent_requests = abc\n")
    result = run(["s3", "cp", "src/a.txt", f"s3://{bucket}/"], {**env,
                                                                  "AWS_CONFIG_FILE": str(config)})
    assert result.exit_code == 255
    assert "Value for max_concurrent_requests must be a positive integer: abc" in result.stderr


def test_stream_through_a_real_process(env, bucket, tmp_path):
    from tests.runner import run_process

    up = run_process(["s3", "cp", "-", f"s3://{bucket}/p.bin", "--expected-size", "6"], env,
                     stdin="piped\n")
    assert (up.exit_code, up.stdout, up.stderr) == (0, "", "")
    down = run_process(["s3", "cp", f"s3://{bucket}/p.bin", "-"], env)
    assert (down.exit_code, down.stdout) == (0, "piped\n")


def test_progress_line_only_on_a_terminal(env, bucket, tree):
    import pexpect

    piped = run(["s3", "cp", "src", f"s3://{bucket}/t", "--recursive"], env)
    assert "Completed" not in piped.stdout
    child = pexpect.spawn(AWS, ["s3", "cp", "src", f"s3://{bucket}/t", "--recursive"],
                          env=env, cwd=str(tree), encoding="utf-8", timeout=30)
    child.expect(pexpect.EOF)
    child.close()
    shown = child.before.replace("\r\n", "\n")
    assert child.exitstatus == 0
    assert "Completed " in shown and "file(s) remaining" in shown
    assert f"upload: src/a.txt to s3://{bucket}/t/a.txt" in shown



@pytest.mark.parametrize("choice, code, downloaded, message", [
    ("skip", 0, {"A.txt", "a.txt"} - {"a.txt"},
     "warning: Skipping {b}/c/a.txt -> {d}/a.txt because a file whose name differs only by "
     "case either exists or is being downloaded."),
    ("warn", 0, {"A.txt", "a.txt"}, "warning: Downloading {b}/c/a.txt -> {d}/a.txt despite"),
    ("error", 1, set(), "fatal error: Failed to download {b}/c/a.txt -> {d}/a.txt because"),
])
def test_case_conflict(env, bucket, tree, choice, code, downloaded, message):
    run(["s3", "cp", "src/a.txt", f"s3://{bucket}/c/A.txt"], env)
    run(["s3", "cp", "src/a.txt", f"s3://{bucket}/c/a.txt"], env)
    result = run(["s3", "cp", f"s3://{bucket}/c", "dl", "--recursive", "--case-conflict",
                  choice], env)
    assert result.exit_code == code
    assert message.format(b=bucket, d=tree / "dl") in result.stderr
    if choice != "error":
        assert set(os.listdir(tree / "dl")) == downloaded


def test_copy_props_on_a_multipart_copy(env, bucket, tree):
    config = tree / "config"
    config.write_text("[default]\ns3 =\n  multipart_threshold = 5MB\n  multipart_chunksize = 5MB\n")
    env = {**env, "AWS_CONFIG_FILE": str(config)}
    (tree / "big.bin").write_bytes(b"q" * (6 * 1024 * 1024))
    run(["s3", "cp", "big.bin", f"s3://{bucket}/big", "--content-type", "text/x-big",
         "--metadata", "m=1"], env)
    run(["s3api", "put-object-tagging", "--bucket", bucket, "--key", "big", "--tagging",
         "TagSet=[{Key=t,Value=1}]"], env)
    for props, target in (("default", "kept"), ("none", "bare")):
        result = run(["s3", "cp", f"s3://{bucket}/big", f"s3://{bucket}/{target}",
                      "--copy-props", props], env)
        assert result.exit_code == 0, result.stderr
    kept = run(["s3api", "head-object", "--bucket", bucket, "--key", "kept", "--query",
                "[ContentType, Metadata.m]", "--output", "text"], env)
    assert kept.stdout.split() == ["text/x-big", "1"]
    tags = run(["s3api", "get-object-tagging", "--bucket", bucket, "--key", "kept", "--query",
                "TagSet[0].Value", "--output", "text"], env)
    assert tags.stdout.strip() == "1"
    bare = run(["s3api", "head-object", "--bucket", bucket, "--key", "bare", "--query",
                "Metadata.m", "--output", "text"], env)
    assert bare.stdout.strip() == "None"


def test_content_type_alone_replaces_on_a_copy(env, bucket, tree):
    run(["s3", "cp", "src/a.txt", f"s3://{bucket}/a.txt", "--metadata", "k=v"], env)
    run(["s3", "cp", f"s3://{bucket}/a.txt", f"s3://{bucket}/b.txt", "--content-type",
         "text/x-new"], env)
    head = run(["s3api", "head-object", "--bucket", bucket, "--key", "b.txt", "--query",
                "[ContentType, Metadata.k]", "--output", "text"], env)
    assert head.stdout.split() == ["text/x-new", "v"]  # v2: the other properties kept


def test_metadata_values_must_be_strings_as_v2_checks_them(env, bucket, tree):
    result = run(["s3", "cp", "src/a.txt", f"s3://{bucket}/typed.txt", "--metadata",
                  '{"a": 1}'], env)
    assert (result.exit_code, result.stdout) == (252, "")
    assert "Invalid type for parameter a, value: 1, type: <class 'int'>" in result.stderr


def test_source_region_signs_the_source_for_its_region_away_from_endpoint_url(env, bucket):
    """As v2: with --source-region, the source of an S3-to-S3 copy is read by a client of
    that region, which --endpoint-url (the destination's endpoint) does not redirect; the
    copy itself goes to --endpoint-url, signed for the command's region. Here botocore's own
    AWS_ENDPOINT_URL is a recording forwarder to moto, and --endpoint-url is moto itself."""
    from tests.forward_proxy import ForwardProxy

    assert run(["s3", "cp", "-", f"s3://{bucket}/src/k"], env, stdin="data").exit_code == 0
    moto = env["AWS_ENDPOINT_URL"]
    with ForwardProxy(int(moto.rsplit(":", 1)[1])) as forwarder:
        recorded = {**env, "AWS_ENDPOINT_URL": forwarder.url}
        result = run(["s3", "cp", f"s3://{bucket}/src/k", f"s3://{bucket}/dst/k",
                      "--source-region", "eu-west-1", "--endpoint-url", moto], recorded)
        assert result.exit_code == 0, result.stderr
        assert result.stdout == f"copy: s3://{bucket}/src/k to s3://{bucket}/dst/k\n"
        assert forwarder.seen == [("HEAD", "", f"/{bucket}/src/k")]  # the source alone
        assert forwarder.regions == ["eu-west-1"]
        # without --source-region, --endpoint-url serves the source as well
        del forwarder.seen[:]
        result = run(["s3", "cp", f"s3://{bucket}/src/k", f"s3://{bucket}/dst/k2",
                      "--endpoint-url", moto], recorded)
        assert result.exit_code == 0 and forwarder.seen == []
    assert keys(env, bucket) == {"src/k": 4, "dst/k": 4, "dst/k2": 4}
