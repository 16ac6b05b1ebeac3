"""cli.commands.sso.settings: which start URLs are AWS's, and the sign-in region (v2's rules)."""

import pytest

from cli.commands.sso.settings import (SsoConfigError, is_aws_host, parse_scopes,
                                       resolve_start_url)


@pytest.mark.parametrize("host, aws", [
    ("d-1234567890.awsapps.com", True), ("awsapps.com", True), ("x.portal.amazonaws.com", True),
    ("ssoins-1.portal.us-east-1.app.aws", True), ("identitycenter.amazonaws.com", True),
    ("D-1.AWSAPPS.COM.", True), ("example.com", False), ("awsapps.com.evil.example", False),
    ("notawsapps.com", False),
])
def test_aws_hosts(host, aws):
    assert is_aws_host(host) is aws


def test_an_aws_start_url_keeps_the_configured_region():
    url = "https://d-1234567890.awsapps.com/start"
    assert resolve_start_url(url, "eu-west-1") == (url, "eu-west-1")


@pytest.mark.parametrize("url, region, message", [
    ("http://d-1.awsapps.com/start", "us-east-1", "The sso_start_url must use the https scheme."),
    ("https:///start", "us-east-1", "Invalid sso_start_url: 'https:///start'"),
    ("https://d-1.awsapps.com/start", None, "Missing required configuration: sso_region. "
                                            "Please run 'aws configure sso' to set it."),
])
def test_start_url_faults(url, region, message):
    with pytest.raises(SsoConfigError) as caught:
        resolve_start_url(url, region)
    assert caught.value.message == message


@pytest.mark.parametrize("text, scopes", [
    ("sso:account:access", ["sso:account:access"]),
    (" a , b,,c ", ["a", "b", "c"]),
    ("", []),
])
def test_scopes(text, scopes):
    assert parse_scopes(text) == scopes
