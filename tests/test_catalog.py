"""The model cache: built on first use, reused, invalidated by AWS_DATA_PATH changes."""

from __future__ import annotations

import gzip
import json
import os
import shutil

import pytest

from cli.catalog import Catalog, DataPaths
from cli.errors import UnknownCommandError
from tests.runner import run


def botocore_data() -> str:
    return DataPaths.from_environ({"HOME": "/nonexistent"}).search_paths[-1]


def copy_service(src: str, dest_root, name: str) -> None:
    """A copy of a botocore service model under another name, as a user's AWS_DATA_PATH."""
    source_dir = os.path.join(botocore_data(), src)
    version = sorted(os.listdir(source_dir))[-1]
    with gzip.open(os.path.join(source_dir, version, "service-2.json.gz")) as f:
        model = json.load(f)
    target = dest_root / name / version
    target.mkdir(parents=True)
    (target / "service-2.json").write_text(json.dumps(model))


def test_operation_is_cached_and_reused(tmp_path, monkeypatch):
    environ = {"HOME": str(tmp_path)}
    first = Catalog(environ).operation("cognito-idp", "admin-confirm-sign-up")
    cached = os.path.join(Catalog(environ).cache_dir, "cognito-idp", "AdminConfirmSignUp")
    assert os.path.isfile(cached)
    # A cache hit must not read the service model.
    monkeypatch.setattr(DataPaths, "service_model", None)
    again = Catalog(environ).operation("cognito-idp", "admin-confirm-sign-up")
    assert [p.cli_name for p in again.parameters()] == [p.cli_name for p in first.parameters()]
    assert [p.cli_name for p in first.parameters()] == [
        "--user-pool-id", "--username", "--client-metadata"]


def test_aws_data_path_changes_the_cache_key(tmp_path):
    models = tmp_path / "models"
    models.mkdir()
    plain = Catalog({"HOME": str(tmp_path)})
    with_path = Catalog({"HOME": str(tmp_path), "AWS_DATA_PATH": str(models)})
    assert plain.cache_dir != with_path.cache_dir


def test_extra_models_from_aws_data_path(tmp_path):
    models = tmp_path / "models"
    copy_service("sts", models, "mysts")
    environ = {"HOME": str(tmp_path), "AWS_DATA_PATH": str(models)}
    catalog = Catalog(environ)
    assert catalog.service_name("mysts") == "mysts"
    result = run(["mysts", "get-caller-identity", "--generate-cli-skeleton"], environ)
    assert (result.exit_code, result.stdout) == (0, "{}\n")
    with pytest.raises(UnknownCommandError):
        Catalog({"HOME": str(tmp_path)}).service_name("mysts")


def test_botocore_loader_is_the_fallback(tmp_path, monkeypatch):
    catalog = Catalog({"HOME": str(tmp_path)})
    monkeypatch.setattr(type(catalog.paths), "load_json",
                        lambda self, relative: (_ for _ in ()).throw(ValueError("unreadable")))
    operation = catalog.operation("sts", "get-caller-identity")
    assert operation.name == "GetCallerIdentity"


def test_unwritable_cache_only_costs_speed(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    cache = tmp_path / "cache"
    cache.mkdir()
    os.chmod(cache, 0o500)
    try:
        result = run(["cognito-idp", "admin-confirm-sign-up", "--generate-cli-skeleton"],
                     {"HOME": str(home), "SHAPECLI_CACHE_DIR": str(cache / "sub")})
    finally:
        os.chmod(cache, 0o700)
        shutil.rmtree(cache)
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {"UserPoolId": "", "Username": "",
                                         "ClientMetadata": {"KeyName": ""}}


def test_sdk_extras_are_merged_into_the_model(tmp_path):
    # botocore's loader deep-merges service-2.sdk-extras.json; rds adds SourceRegion.
    operation = Catalog({"HOME": str(tmp_path)}).operation("rds", "copy-db-snapshot")
    assert "SourceRegion" in operation.input_shape.members
    expires = Catalog({"HOME": str(tmp_path)}).operation("s3api", "put-object")
    assert expires.input_shape.members["Expires"].type_name == "timestamp"
