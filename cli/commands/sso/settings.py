"""Which IAM Identity Center to sign in to: the sso-session or legacy profile settings, and
the start URL's region (v2's rules, v2's messages).
"""

from __future__ import annotations

import re
import urllib.parse
from typing import NamedTuple

from cli.errors import ConfigError

REQUIRED = ("sso_start_url", "sso_region")

# Hosts of AWS-run start URLs: their region comes from the configuration; any
# other host is a vanity URL, followed (one redirect) to an AWS-run one.
AWS_SUFFIXES = (".app.aws", ".portal.amazonaws.com", ".portal.amazonaws.com.cn",
                ".app.amazonwebservices.com.cn", ".portal.amazonaws.eu",
                ".api.amazonwebservices.eu", ".awsapps.com", ".awsapps.cn")
AWS_HOSTS = ("identitycenter.amazonaws.com", "identitycenter.amazonaws.com.cn",
             "identitycenter.amazonaws.eu", "identitycenter.us-gov.amazonaws.com")
REGION_IN_HOST = tuple(re.compile(p, re.IGNORECASE) for p in (
    r"^[^.]+\.portal\.(?P<region>[a-z0-9-]+)\.app\.aws$",
    r"^[^.]+\.(?P<region>[a-z0-9-]+)\.portal\.amazonaws\.com$",
    r"^[^.]+\.(?P<region>[a-z0-9-]+)\.portal\.amazonaws\.com\.cn$",
    r"^[^.]+\.portal\.(?P<region>[a-z0-9-]+)\.app\.amazonwebservices\.com\.cn$",
    r"^[^.]+\.(?P<region>[a-z0-9-]+)\.portal\.amazonaws\.eu$",
    r"^[^.]+\.portal\.(?P<region>[a-z0-9-]+)\.api\.amazonwebservices\.eu$",
))


class SsoConfigError(ConfigError):
    """The sign-in settings are missing or wrong (v2: exit 253, code Configuration)."""

    code = "Configuration"


class SignIn(NamedTuple):
    """What one sign-in needs."""

    start_url: str
    region: str | None
    session_name: str | None  # None: a legacy profile (sso_start_url in the profile)
    scopes: list[str] | None


def sign_in_settings(botocore_session, sso_session: str | None = None) -> SignIn:
    """The sso-session (given, or the profile's) or the profile's own sso_ settings."""
    from cli.commands.configure.settings import scoped_config

    profile = scoped_config(botocore_session)
    name = sso_session or profile.get("sso_session")
    if not name:
        found, missing = _required(profile)
        if missing:
            raise SsoConfigError(
                f"Missing the following required SSO configuration values: "
                f"{', '.join(missing)}. To make sure this profile is properly configured "
                "to use SSO, please run: aws configure sso")
        return SignIn(found["sso_start_url"], found["sso_region"], None, None)
    sessions = botocore_session.full_config.get("sso_sessions", {})
    if name not in sessions:
        raise SsoConfigError(f'The specified sso-session does not exist: "{name}"')
    section = sessions[name]
    found, missing = _required(section)
    if missing:
        raise SsoConfigError("Missing the following required SSO configuration values: "
                             f"{', '.join(missing)}.")
    scopes = None
    if "sso_registration_scopes" in section:
        scopes = parse_scopes(section["sso_registration_scopes"])
    return SignIn(found["sso_start_url"], found["sso_region"], name, scopes)


def _required(section: dict) -> tuple[dict, list[str]]:
    return ({k: section[k] for k in REQUIRED if k in section},
            [k for k in REQUIRED if k not in section])


def parse_scopes(text: str) -> list[str]:
    """`sso_registration_scopes`: comma-separated, blanks around each dropped."""
    return [scope.strip() for scope in text.split(",") if scope.strip()]


# -- the start URL's region -------------------------------------------------------------


def is_aws_host(host: str) -> bool:
    host = host.lower().rstrip(".")
    return host in AWS_HOSTS or any(host == s[1:] or host.endswith(s) for s in AWS_SUFFIXES)


def resolve_start_url(start_url: str, configured_region: str | None, *,
                      timeout: float | None = None, verify=True) -> tuple[str, str]:
    """(the start URL to authorize with, the region of IAM Identity Center)."""
    parsed = urllib.parse.urlparse(start_url)
    if parsed.scheme != "https":
        raise SsoConfigError("The sso_start_url must use the https scheme.")
    if not parsed.hostname:
        raise SsoConfigError(f"Invalid sso_start_url: '{start_url}'")
    if is_aws_host(parsed.hostname):
        if not configured_region:
            raise SsoConfigError("Missing required configuration: sso_region. "
                                 "Please run 'aws configure sso' to set it.")
        return start_url, configured_region
    resolved = _normalized(_follow_one_redirect(start_url, timeout or 10, verify))
    host = urllib.parse.urlparse(resolved).hostname
    if not host or not is_aws_host(host):
        raise SsoConfigError(f"Could not resolve start URL '{start_url}' to an AWS-owned "
                             f"endpoint. Final URL: '{resolved}'")
    if urllib.parse.urlparse(resolved).scheme != "https":
        raise SsoConfigError(f"Resolved URL must use https. Got: '{resolved}'")
    for pattern in REGION_IN_HOST:
        match = pattern.match(host.lower().rstrip("."))
        if match:
            return resolved, match.group("region")
    if configured_region:
        return resolved, configured_region
    raise SsoConfigError(f"Cannot determine region from start URL '{start_url}'. "
                         "Please provide sso_region in your configuration.")


def _normalized(url: str) -> str:
    parsed = urllib.parse.urlparse(url)
    netloc = parsed.hostname or ""
    if parsed.port and parsed.port != {"https": 443, "http": 80}.get(parsed.scheme):
        netloc = f"{netloc}:{parsed.port}"
    return urllib.parse.urlunparse((parsed.scheme, netloc, parsed.path.rstrip("/"), "", "",
                                    ""))


def _follow_one_redirect(url: str, timeout: float, verify) -> str:
    """Where `url` redirects to (HEAD, or GET when HEAD is refused), or `url` itself."""
    import ssl
    import urllib.error
    import urllib.request

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args):
            return None

    context = ssl.create_default_context()
    if verify is False:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    elif isinstance(verify, str):
        context.load_verify_locations(cafile=verify)
    opener = urllib.request.build_opener(NoRedirect,
                                         urllib.request.HTTPSHandler(context=context))
    for method in ("HEAD", "GET"):
        try:
            opener.open(urllib.request.Request(url, method=method), timeout=timeout).close()
            return url
        except urllib.error.HTTPError as e:
            if e.code in (405, 501) and method == "HEAD":
                continue
            if e.code in (301, 302, 303, 307, 308):
                location = e.headers.get("Location")
                if not location:
                    raise SsoConfigError("Redirect response missing Location header.")
                return urllib.parse.urljoin(url, location)
            raise SsoConfigError(f"Failed to resolve start URL: HTTP {e.code}") from None
        except urllib.error.URLError as e:
            raise SsoConfigError(f"Failed to resolve start URL: {e.reason}") from None
    return url
