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
