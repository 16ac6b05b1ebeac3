"""The headline job against a real moto server, through the real `aws` process."""

from __future__ import annotations

import json

import pytest

from tests.runner import run_process

USERNAME = "jane@example.com"


def _cognito(moto):
    import botocore.session

    session = botocore.session.Session()
    return session.create_client(
        "cognito-idp", region_name="us-west-2", endpoint_url=moto.endpoint,
        aws_access_key_id="testing", aws_secret_access_key="testing",
    )


@pytest.fixture
def unconfirmed_user(moto):
    """A fresh pool with jane@example.com signed up and UNCONFIRMED."""
    cognito = _cognito(moto)
    pool_id = cognito.create_user_pool(PoolName="headline")["UserPool"]["Id"]
    client_id = cognito.create_user_pool_client(
        UserPoolId=pool_id, ClientName="app")["UserPoolClient"]["ClientId"]
    cognito.sign_up(ClientId=client_id, Username=USERNAME, Password="Passw0rd!x")
    status = cognito.admin_get_user(UserPoolId=pool_id, Username=USERNAME)["UserStatus"]
    assert status == "UNCONFIRMED"
    return cognito, pool_id


def test_admin_confirm_sign_up_confirms_the_user(moto, unconfirmed_user):
    cognito, pool_id = unconfirmed_user
    result = run_process(
        ["cognito-idp", "admin-confirm-sign-up", "--user-pool-id", pool_id,
         "--username", USERNAME], moto.environ())
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    user = cognito.admin_get_user(UserPoolId=pool_id, Username=USERNAME)
    assert user["UserStatus"] == "CONFIRMED"


def test_client_metadata_as_json_is_accepted(moto, unconfirmed_user):
    cognito, pool_id = unconfirmed_user
    result = run_process(
        ["cognito-idp", "admin-confirm-sign-up", "--user-pool-id", pool_id,
         "--username", USERNAME, "--client-metadata", json.dumps({"source": "test"})],
        moto.environ())
    assert (result.exit_code, result.stderr) == (0, "")
    user = cognito.admin_get_user(UserPoolId=pool_id, Username=USERNAME)
    assert user["UserStatus"] == "CONFIRMED"


def test_unknown_user_is_a_service_error(moto, unconfirmed_user):
    _, pool_id = unconfirmed_user
    result = run_process(
        ["cognito-idp", "admin-confirm-sign-up", "--user-pool-id", pool_id,
         "--username", "nobody@example.com"], moto.environ())
    assert result.exit_code == 254
    assert "An error occurred (UserNotFoundException) when calling the AdminConfirmSignUp " \
        "operation" in result.stderr
    assert result.stdout == ""


def test_missing_username_is_a_usage_error(moto, unconfirmed_user):
    _, pool_id = unconfirmed_user
    result = run_process(
        ["cognito-idp", "admin-confirm-sign-up", "--user-pool-id", pool_id], moto.environ())
    assert result.exit_code == 252
    assert "the following arguments are required: --username" in result.stderr


def test_admin_get_user_prints_v2_json(moto, unconfirmed_user):
    _, pool_id = unconfirmed_user
    result = run_process(
        ["cognito-idp", "admin-get-user", "--user-pool-id", pool_id, "--username", USERNAME,
         "--query", "UserStatus"], moto.environ())
    assert (result.exit_code, result.stdout) == (0, '"UNCONFIRMED"\n')


def _skeleton(kind: str, environ) -> str:
    result = run_process(["cognito-idp", "admin-confirm-sign-up",
                          "--generate-cli-skeleton", kind], environ)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_json_skeleton_filled_in_and_fed_back_on_stdin(moto, unconfirmed_user):
    cognito, pool_id = unconfirmed_user
    document = json.loads(_skeleton("input", moto.environ()))
    assert set(document) == {"UserPoolId", "Username", "ClientMetadata"}
    document.update(UserPoolId=pool_id, Username=USERNAME, ClientMetadata={"via": "stdin"})
    result = run_process(["cognito-idp", "admin-confirm-sign-up", "--cli-input-json", "-"],
                         moto.environ(), stdin=json.dumps(document))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert cognito.admin_get_user(UserPoolId=pool_id, Username=USERNAME)["UserStatus"] \
        == "CONFIRMED"


def test_yaml_skeleton_filled_in_and_fed_back_on_stdin(moto, unconfirmed_user):
    import yaml

    cognito, pool_id = unconfirmed_user
    document = yaml.safe_load(_skeleton("yaml-input", moto.environ()))
    document.update(UserPoolId=pool_id, Username=USERNAME)
    del document["ClientMetadata"]
    result = run_process(["cognito-idp", "admin-confirm-sign-up", "--cli-input-yaml", "-"],
                         moto.environ(), stdin=yaml.safe_dump(document))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert cognito.admin_get_user(UserPoolId=pool_id, Username=USERNAME)["UserStatus"] \
        == "CONFIRMED"


@pytest.fixture(scope="module")
def crowded_pool(moto):
    """A pool with more users than one list-users page holds (60)."""
    cognito = _cognito(moto)
    pool_id = cognito.create_user_pool(PoolName="crowded")["UserPool"]["Id"]
    for n in range(65):
        cognito.admin_create_user(UserPoolId=pool_id, Username=f"user{n:02d}")
    return pool_id


@pytest.mark.parametrize("extra", [[], ["--page-size", "7"]], ids=["auto", "page-size"])
def test_list_users_pages_through_everything(moto, crowded_pool, extra):
    result = run_process(["cognito-idp", "list-users", "--user-pool-id", crowded_pool,
                          "--query", "length(Users)", *extra], moto.environ())
    assert (result.exit_code, result.stdout) == (0, "65\n")


def test_max_items_and_starting_token_resume(moto, crowded_pool):
    first = run_process(["cognito-idp", "list-users", "--user-pool-id", crowded_pool,
                         "--max-items", "50"], moto.environ())
    assert first.exit_code == 0, first.stderr
    page = json.loads(first.stdout)
    assert len(page["Users"]) == 50 and page["NextToken"]
    rest = run_process(["cognito-idp", "list-users", "--user-pool-id", crowded_pool,
                        "--starting-token", page["NextToken"]], moto.environ())
    assert rest.exit_code == 0, rest.stderr
    names = [u["Username"] for u in page["Users"] + json.loads(rest.stdout)["Users"]]
    assert sorted(names) == [f"user{n:02d}" for n in range(65)]


def test_no_paginate_returns_one_page(moto, crowded_pool):
    result = run_process(["cognito-idp", "list-users", "--user-pool-id", crowded_pool,
                          "--no-paginate", "--query", "length(Users)"], moto.environ())
    assert (result.exit_code, result.stdout) == (0, "60\n")
