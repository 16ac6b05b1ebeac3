"""`aws configure sso` and `aws configure sso-session`: v2's questions, sign-in, the account
and role from the portal's lists, and the sections written as v2 writes them."""

from __future__ import annotations

import urllib.parse

from cli.commands import config_file
from cli.commands.configure import asking
from cli.commands.configure.settings import (ConfigureError, file_path, scoped_config,
                                             session, write)
from cli.commands.sso import settings as sso_settings

DEFAULT_SCOPE = "sso:account:access"
OUTPUT_FORMATS = ("json", "text", "table", "yaml", "yaml-stream")
LEGACY_WARNING = ("WARNING: Configuring using legacy format (e.g. without an SSO session).\n"
                  'Consider re-running "configure sso" command and providing a session name.\n')


class SessionQuestions:
    """The questions about an sso-session, and the answers so far (`values`)."""

    def __init__(self, asker: asking.Asker, full_config: dict):
        self.asker = asker
        self.sessions = full_config.get("sso_sessions", {})
        self.profiles = full_config.get("profiles", {})
        self.name: str | None = None
        self.values: dict = {}

    def use(self, name: str | None) -> None:
        self.name = name
        self.values = dict(self.sessions.get(name, {})) if name else {}

    def ask_name(self, *, required: bool) -> str | None:
        text = "SSO session name"
        layout = None
        if not self.name:
            layout = f"{text}: " if required else f"{text} (Recommended): "
        answer = self.asker.ask(text, self.name, completions=sorted(self.sessions),
                                check=asking.required if required else None, layout=layout)
        self.use(answer)
        return answer

    def _ask(self, key: str, text: str, completions, check) -> str | None:
        answer = self.asker.ask(text, self.values.get(key), completions=completions,
                                check=check)
        if answer:
            self.values[key] = answer
        return answer

    def ask_start_url(self) -> str:
        known = {c["sso_start_url"] for c in [*self.profiles.values(), *self.sessions.values()]
                 if "sso_start_url" in c}
        return self._ask("sso_start_url", "SSO start URL", sorted(known), asking.start_url)

    def ask_region(self, botocore_session) -> str:
        regions = botocore_session.get_available_regions("sso-oidc")
        return self._ask("sso_region", "SSO region", regions, asking.required)

    def ask_start_url_and_region(self, botocore_session, verify) -> tuple[str, str, str | None]:
        """(start URL, region, the URL a vanity start URL resolves to, or None)."""
        url = self.ask_start_url()
        host = urllib.parse.urlparse(url).hostname
        if host and not sso_settings.is_aws_host(host):
            try:
                resolved, region = sso_settings.resolve_start_url(url, None, verify=verify)
            except sso_settings.SsoConfigError:
                pass  # as v2: ask for the region instead
            else:
                self.values["sso_region"] = region
                return url, region, resolved
        return url, self.ask_region(botocore_session), None

    def ask_scopes(self) -> list[str]:
        self.values.setdefault("sso_registration_scopes", DEFAULT_SCOPE)
        known = {DEFAULT_SCOPE}
        for section in self.sessions.values():
            known.update(sso_settings.parse_scopes(section.get("sso_registration_scopes", "")))
        raw = self._ask("sso_registration_scopes", "SSO registration scopes", sorted(known),
                        asking.scopes)
        return sso_settings.parse_scopes(raw or "")


def run_configure_sso_session(values, context) -> int:
    botocore_session = session(context)
    asker = asking.Asker(context)
    questions = SessionQuestions(asker, botocore_session.full_config)
    questions.ask_name(required=True)
    questions.ask_start_url_and_region(botocore_session, _verify(context))
    questions.ask_scopes()
    _write_session(botocore_session, questions)
    context.env.stdout.write(
        f"\nCompleted configuring SSO session: {questions.name}\n"
        "Run the following to login and refresh access token for this session:\n\n"
        f"aws sso login --sso-session {questions.name}\n")
    return 0


def _write_session(botocore_session, questions: SessionQuestions) -> None:
    write(file_path(botocore_session, "config_file"),
          config_file.section_header("sso-session", questions.name), dict(questions.values))


def _verify(context):
    if context.args.verify_ssl is False:
        return False
    return context.args.ca_bundle or True


# -- configure sso ---------------------------------------------------------------------


def run_configure_sso(values, context) -> int:
    from cli.commands.sso.login import sign_in

    botocore_session = session(context)
    out = context.env.stdout
    profile_name = botocore_session.profile
    profile = scoped_config(botocore_session, missing_ok=True)
    _forget_profile(botocore_session)  # the profile may not exist yet: clients do without
    asker = asking.Asker(context)
    questions = SessionQuestions(asker, botocore_session.full_config)
    if "sso_session" in profile:
        questions.use(profile["sso_session"])
    new_profile: dict = {}
    name = questions.ask_name(required=False)
    force = True
    if name is None:  # legacy: the sign-in settings go into the profile itself
        out.write(LEGACY_WARNING)
        questions.values = new_profile
        _defaults_from_profile(questions, profile)
        url, region, resolved = questions.ask_start_url_and_region(botocore_session,
                                                                   _verify(context))
        wanted = sso_settings.SignIn(url, region, None, None)
    else:
        new_profile["sso_session"] = name
        if name in questions.sessions:
            wanted = sso_settings.sign_in_settings(botocore_session, name)
            resolved, force = wanted.start_url, False
        else:
            _defaults_from_profile(questions, profile)
            url, region, resolved = questions.ask_start_url_and_region(botocore_session,
                                                                       _verify(context))
            wanted = sso_settings.SignIn(url, region, name, questions.ask_scopes())
    token = sign_in(context, wanted, resolved or wanted.start_url, wanted.region,
                    no_browser=values["no_browser"], device_code=values["use_device_code"],
                    force=force)
    account, role = _account_and_role(context, asker, wanted.region, token, new_profile)
    for key, text, completions in (
            ("region", "Default client Region", ()),
            ("output", "CLI default output format (json if not specified)", OUTPUT_FORMATS)):
        answer = asker.ask(text, profile.get(key), completions=completions)
        if answer:
            new_profile[key] = answer
    if not profile_name:
        default = f"{role}-{account}" if account and role else None
        profile_name = asker.ask("Profile name", default, check=asking.required)
    if new_profile:
        write(file_path(botocore_session, "config_file"),
              config_file.section_for_profile(profile_name), new_profile)
    if questions.name:
        _write_session(botocore_session, questions)
    out.write(_conclusion(bool(account and role), profile_name))
    return 0


def _forget_profile(botocore_session) -> None:
    from botocore.configprovider import ConstantProvider

    botocore_session.get_component("config_store").set_config_provider(
        "profile", ConstantProvider(None))


def _defaults_from_profile(questions: SessionQuestions, profile: dict) -> None:
    for key in ("sso_start_url", "sso_region"):
        if key in profile:
            questions.values[key] = profile[key]


def _account_and_role(context, asker, region: str, token: dict, new_profile: dict):
    from botocore import UNSIGNED

    out = context.env.stdout
    portal = context.client("sso", region=region, signature_version=UNSIGNED)
    access = token["accessToken"]
    try:
        accounts = portal.get_paginator("list_accounts").paginate(
            accessToken=access).build_full_result().get("accountList", [])
        if not accounts:
            raise ConfigureError("No AWS accounts are available to you.")
        if len(accounts) == 1:
            account = accounts[0]["accountId"]
            out.write(f"The only AWS account available to you is: {account}\n")
        else:
            out.write(f"There are {len(accounts)} AWS accounts available to you.\n")
            out.flush()
            account = asker.choose(sorted(accounts, key=_account_order), show=_show_account,
                                   what="AWS account")["accountId"]
        out.write(f"Using the account ID {account}\n")
        new_profile["sso_account_id"] = account
        roles = portal.get_paginator("list_account_roles").paginate(
            accountId=account, accessToken=access).build_full_result().get("roleList", [])
        if not roles:
            raise ConfigureError(f"No roles are available for the account {account}")
        if len(roles) == 1:
            role = roles[0]["roleName"]
            out.write(f"The only role available to you is: {role}\n")
        else:
            out.write(f"There are {len(roles)} roles available to you.\n")
            out.flush()
            role = asker.choose(sorted((r["roleName"] for r in roles), key=str.lower),
                                what="IAM role")
        out.write(f'Using the role name "{role}"\n')
        new_profile["sso_role_name"] = role
        return account, role
    except portal.exceptions.UnauthorizedException:
        out.write("Unable to list AWS accounts and/or roles. Skipping configuring AWS "
                  "credential provider for profile.\n")
        return new_profile.get("sso_account_id"), None


def _show_account(account: dict) -> str:
    name, email, number = (account.get("accountName"), account.get("emailAddress"),
                           account["accountId"])
    if name and email:
        return f"{name}, {email} ({number})"
    if name or email:
        return f"{name or email} ({number})"
    return number


def _account_order(account: dict):
    only_id = "accountName" not in account and "emailAddress" not in account
    for key in ("accountName", "emailAddress", "accountId"):
        if account.get(key) is not None:
            return only_id, account[key].lower()
    return only_id, ""


def _conclusion(has_role: bool, profile_name: str) -> str:
    if not has_role:
        return f"Successfully configured SSO for profile: {profile_name}\n"
    if profile_name.lower() == "default":
        return ("The AWS CLI is now configured to use the default profile.\n"
                "Run the following command to verify your configuration:\n\n"
                "aws sts get-caller-identity\n")
    return ("To use this profile, specify the profile name using --profile, as shown:\n\n"
            f"aws sts get-caller-identity --profile {profile_name}\n")
