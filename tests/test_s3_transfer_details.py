"""Details of aws s3 cp / mv / sync found by the side-by-side sweep with v2
(tests/test_s3_transfer_v2.py), pinned against the moto server."""

from __future__ import annotations

import pytest

from tests.runner import run
from tests.test_s3_transfer import bucket, env  # noqa: F401 (the same fixtures)


def content_type(env, bucket, key) -> str:
    result = run(["s3api", "head-object", "--bucket", bucket, "--key", key, "--query",
                  "ContentType", "--output", "text"], env)
    assert result.exit_code == 0, result.stderr
    return result.stdout.strip()


@pytest.mark.parametrize("name,options,expected", [
    ("page.html", [], "text/html"),
    ("notes.txt", [], "text/plain"),
    ("data.json", [], "application/json"),
    ("archive.tar.gz", [], "application/x-tar"),  # mimetypes: the type, the gzip is an encoding
    ("noextension", [], "binary/octet-stream"),  # no guess: S3's own default
    ("page.html", ["--no-guess-mime-type"], "binary/octet-stream"),
    ("page.html", ["--content-type", "text/x-mine"], "text/x-mine"),
])
def test_an_upload_guesses_content_type_from_the_file_name(env, bucket, tmp_path, name,
                                                           options, expected):
    (tmp_path / name).write_bytes(b"body")
    result = run(["s3", "cp", str(tmp_path / name), f"s3://{bucket}/k", *options], env)
    assert result.exit_code == 0, result.stderr
    assert content_type(env, bucket, "k") == expected


def test_recursive_upload_and_move_guess_each_file(env, bucket, tmp_path):
    (tmp_path / "a.css").write_text("a")
    (tmp_path / "b.png").write_bytes(b"b")
    assert run(["s3", "sync", str(tmp_path), f"s3://{bucket}/s"], env).exit_code == 0
    assert run(["s3", "mv", str(tmp_path), f"s3://{bucket}/m", "--recursive"], env).exit_code == 0
    for prefix in ("s", "m"):
        assert content_type(env, bucket, f"{prefix}/a.css") == "text/css"
        assert content_type(env, bucket, f"{prefix}/b.png") == "image/png"


def test_standard_input_gets_no_guess_and_is_named_dash_in_a_folder(env, bucket):
    result = run(["s3", "cp", "-", f"s3://{bucket}/dir/"], env, stdin="x")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    listing = run(["s3", "ls", f"s3://{bucket}/dir/"], env).stdout
    assert listing.split()[-2:] == ["1", "-"]
    assert run(["s3", "cp", "-", f"s3://{bucket}/in.html"], env, stdin="x").exit_code == 0
    assert content_type(env, bucket, "in.html") == "binary/octet-stream"


def test_downloads_under_a_file_fail_each_with_v2s_reason(env, bucket, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for key in ("a", "a/b", "sub/deep/x"):
        assert run(["s3api", "put-object", "--bucket", bucket, "--key", key], env).exit_code == 0
    target = tmp_path / "f1.txt"
    target.write_text("a file, not a folder")
    result = run(["s3", "sync", f"s3://{bucket}", "f1.txt"], env)
    assert result.exit_code == 1
    errors = sorted(result.stderr.splitlines())
    assert errors[0].startswith(f"download failed: s3://{bucket}/a to ")
    assert errors[0].endswith("'") and "[Errno 20] Not a directory" in errors[0]
    assert errors[1:] == [
        f"download failed: s3://{bucket}/a/b to f1.txt/a/b Could not create directory "
        f"{target}/a: [Errno 20] Not a directory: '{target}/a'",
        f"download failed: s3://{bucket}/sub/deep/x to f1.txt/sub/deep/x Could not create "
        f"directory {target}/sub/deep: [Errno 20] Not a directory: '{target}/sub'",
        # sync lists its destination as a folder: v2 warns that there is none
        f"warning: Skipping file {target}/. File does not exist."]
    assert target.read_text() == "a file, not a folder"


@pytest.mark.parametrize("argv,expected", [
    (["cp", "f.txt", "s3://{b}/x", "--dryrun", "--only-show-errors"],
     "(dryrun) upload: ./f.txt to s3://{b}/x\n"),
    (["rm", "s3://{b}/k", "--dryrun", "--only-show-errors"], "(dryrun) delete: s3://{b}/k\n"),
    (["sync", ".", "s3://{b}/", "--dryrun", "--only-show-errors", "--exclude", "*",
      "--include", "f.txt"], "(dryrun) upload: ./f.txt to s3://{b}/f.txt\n"),
    (["cp", "s3://{b}/k", "-", "--dryrun"], "(dryrun) download: s3://{b}/k to -\n"),
    (["cp", "-", "s3://{b}/s", "--dryrun"], "(dryrun) upload: - to s3://{b}/s\n"),
    (["cp", "f.txt", "s3://{b}/x", "--dryrun", "--quiet"], ""),
    (["cp", "-", "s3://{b}/s", "--dryrun", "--quiet"], ""),
])
def test_a_dry_run_shows_its_lines_unless_quiet(env, bucket, tmp_path, monkeypatch, argv,
                                                 expected):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "f.txt").write_text("f")
    assert run(["s3api", "put-object", "--bucket", bucket, "--key", "k"], env).exit_code == 0
    result = run(["s3", *[word.format(b=bucket) for word in argv]], env, stdin="s")
    assert (result.stdout, result.stderr, result.exit_code) == (expected.format(b=bucket), "", 0)
    listing = run(["s3", "ls", f"s3://{bucket}", "--recursive"], env).stdout
    assert [line.split()[-1] for line in listing.splitlines()] == ["k"]  # nothing written


def test_an_explicit_metadata_directive_copies_no_properties_itself(env, bucket, tmp_path):
    (tmp_path / "f.txt").write_text("f")
    assert run(["s3", "cp", str(tmp_path / "f.txt"), f"s3://{bucket}/m", "--metadata", "a=1",
                "--cache-control", "max-age=5"], env).exit_code == 0
    replaced = run(["s3", "cp", f"s3://{bucket}/m", f"s3://{bucket}/r", "--metadata", "x=y",
                    "--metadata-directive", "REPLACE"], env)
    assert replaced.exit_code == 0, replaced.stderr
    kept = run(["s3", "cp", f"s3://{bucket}/m", f"s3://{bucket}/k", "--metadata", "x=y"], env)
    assert kept.exit_code == 0, kept.stderr

    def head(key):
        result = run(["s3api", "head-object", "--bucket", bucket, "--key", key, "--query",
                      "[ContentType, CacheControl, Metadata]", "--output", "json"], env)
        import json
        return json.loads(result.stdout)

    # REPLACE given: only what the command names (S3's default type, no cache control)
    assert head("r") == ["binary/octet-stream", None, {"x": "y"}]
    # --metadata alone: v2's copy-props carry the source's other properties over
    assert head("k") == ["text/plain", "max-age=5", {"x": "y"}]


@pytest.mark.parametrize("grant,message", [
    ("bad", "grants should be of the form permission=principal"),
    ("write=id=1", "permission must be one of: read|readacl|writeacl|full"),
])
def test_a_refused_grant_is_fatal_at_the_first_upload_or_copy(env, bucket, tmp_path,
                                                              monkeypatch, grant, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "f.txt").write_text("f")
    (tmp_path / "empty").mkdir()
    for argv in (["cp", "f.txt", f"s3://{bucket}/k"], ["cp", "f.txt", f"s3://{bucket}/k",
                 "--dryrun"], ["sync", ".", f"s3://{bucket}/"]):
        result = run(["s3", *argv, "--grants", grant], env)
        assert (result.stdout, result.stderr, result.exit_code) == (
            "", f"fatal error: {message}\n", 1)
    # nothing to upload, or a download: the grant is never read (v2 reads it per upload/copy)
    assert run(["s3", "sync", "empty", f"s3://{bucket}/e", "--grants", grant], env) == (
        "", "", 0)
    assert run(["s3api", "put-object", "--bucket", bucket, "--key", "d"], env).exit_code == 0
    down = run(["s3", "cp", f"s3://{bucket}/d", "d", "--grants", grant], env)
    assert (down.stdout, down.exit_code) == ("download: s3://{0}/d to ./d\n".format(bucket), 0)


def test_ls_of_a_key_without_a_bucket_lists_the_buckets_and_exits_0(env, bucket):
    result = run(["s3", "ls", "s3:///k", "--bucket-name-prefix", bucket], env)
    assert (result.exit_code, result.stderr) == (0, "")
    assert [line.split()[-1] for line in result.stdout.splitlines()] == [bucket]


def test_a_bad_transfer_setting_stops_transfers_and_rb_force_only(env, bucket, tmp_path):
    (tmp_path / ".aws").mkdir()
    (tmp_path / ".aws" / "config").write_text("[default]\ns3 =\n  multipart_threshold = lots\n")
    bad = {**env, "HOME": str(tmp_path)}
    assert run(["s3api", "put-object", "--bucket", bucket, "--key", "k"], env).exit_code == 0
    refused = ("", "\naws: [ERROR]: Invalid size value: lots\n", 255)
    assert tuple(run(["s3", "cp", f"s3://{bucket}/k", str(tmp_path / "k")], bad)) == refused
    assert tuple(run(["s3", "rb", f"s3://{bucket}", "--force"], bad)) == refused
    listing = run(["s3", "ls", f"s3://{bucket}"], bad)  # v2's ls reads no transfer setting
    assert (listing.exit_code, listing.stdout.split()[-1]) == (0, "k")
    assert run(["s3", "presign", f"s3://{bucket}/k"], bad).exit_code == 0
    assert run(["s3", "website", f"s3://{bucket}", "--index-document", "i.html"],
               bad).exit_code == 0
    assert tuple(run(["s3", "mb", f"s3://{bucket}-more"], bad)) == (
        f"make_bucket: {bucket}-more\n", "", 0)
    assert tuple(run(["s3", "rb", f"s3://{bucket}-more"], bad)) == (
        f"remove_bucket: {bucket}-more\n", "", 0)
