"""`aws sso login` and `aws sso logout` (see cli.commands.sso)."""

from __future__ import annotations

import json
import os

from cli.commands.configure.settings import file_path, session, write
from cli.commands.sso import settings as sso_settings
from cli.commands.sso.tokens import SignInFlow, TokenCache, token_folder

NO_BROWSER = ("Browser will not be automatically opened.\n"
              "Please visit the following URL:\n\n{uri}\n")
NO_BROWSER_CODE = ("\nThen enter the code:\n\n{code}\n\nAlternatively, you may visit the "
                   "following URL which will autofill the code upon loading:\n{complete}\n")
BROWSER_DEVICE = ("Attempting to open your default browser.\nIf the browser does not open "
                  "or you wish to use a different device to authorize this request, open "
                  "the following URL:\n\n{uri}\n")
BROWSER_CODE = "\nThen enter the code:\n\n{code}\n"
BROWSER_PKCE = ("Attempting to open your default browser. If the browser does not open, "
                "open the following URL.\nIf you are unable to open the URL on this device, "
                "run this command again with the '--use-device-code' option.\n\n{uri}\n\n")
# Role credentials the CLI caches for a profile (v2's ~/.aws/cli/cache); logout removes
# the ones obtained through IAM Identity Center.
CREDENTIALS_FOLDER = os.path.join(".aws", "cli", "cache")


def run_login(values, context) -> int:
    botocore_session = session(context)
    wanted = sso_settings.sign_in_settings(botocore_session, values["sso_session"])
    resolved_url, region = sso_settings.resolve_start_url(
        wanted.start_url, wanted.region, timeout=context.args.cli_connect_timeout,
        verify=_verify(context))
    sign_in(context, wanted, resolved_url, region, no_browser=values["no_browser"],
            device_code=values["use_device_code"])
    out = context.env.stdout
    if region != wanted.region:  # only after a successful sign-in, as v2
        if wanted.session_name:
            section = f"sso-session {wanted.session_name}"
        else:
            section = f"profile {botocore_session.get_config_variable('profile') or 'default'}"
        write(file_path(botocore_session, "config_file"), section, {"sso_region": region})
        out.write(f"SSO region updated to {region}\n")
    out.write(f"Successfully logged into Start URL: {wanted.start_url}\n")
    return 0


def sign_in(context, wanted: sso_settings.SignIn, resolved_url: str, region: str, *,
            no_browser: bool, device_code: bool, force: bool = True) -> dict:
    """Sign in (either flow) and cache the token; the token document."""
    from botocore import UNSIGNED

    from cli.commands.sso.callback import CallbackListener

    client = context.client("sso-oidc", region=region, signature_version=UNSIGNED)
    flow = SignInFlow(client, TokenCache(token_folder(context.env.environ)), region,
                      show=_shower(context, no_browser), hide=context.hide,
                      listener=CallbackListener)
    return flow.sign_in(wanted.start_url, wanted.session_name, wanted.scopes,
                        resolved_start_url=resolved_url, device_code=device_code,
                        force=force)


def _verify(context):
    if context.args.verify_ssl is False:
        return False
    return context.args.ca_bundle or True


def _shower(context, no_browser: bool):
    out = context.env.stdout

    def show(uri: str, complete: str, user_code: str | None) -> None:
        if no_browser:
            out.write(NO_BROWSER.format(uri=uri))
            if user_code:
                out.write(NO_BROWSER_CODE.format(code=user_code, complete=complete))
            out.flush()
            return
        out.write(BROWSER_DEVICE.format(uri=uri) if user_code else BROWSER_PKCE.format(uri=uri))
        if user_code:
            out.write(BROWSER_CODE.format(code=user_code))
        out.flush()
        _open_browser(complete)

    return show


def _open_browser(url: str) -> None:
    import logging
    import webbrowser

    try:
        webbrowser.open_new_tab(url)
    except Exception:  # no browser: the URL is on the screen already
        logging.getLogger(__name__).debug("Failed to open browser:", exc_info=True)


# -- logout ----------------------------------------------------------------------------


def run_logout(values, context) -> int:
    from botocore import UNSIGNED
    from botocore.exceptions import ClientError

    home = context.env.environ.get("HOME") or os.path.expanduser("~")
    for path, document in _cached_documents(token_folder(context.env.environ)):
        if "accessToken" not in document:
            continue  # a client registration: kept, as v2 keeps it
        context.hide(document["accessToken"], "accessToken")
        region = document.get("region")
        if region:
            client = context.client("sso", region=region, signature_version=UNSIGNED)
            try:
                client.logout(accessToken=document["accessToken"])
            except ClientError:
                pass  # already expired or revoked: removing it is all that is left
        _remove(path)
    for path, document in _cached_documents(os.path.join(home, CREDENTIALS_FOLDER)):
        if document.get("ProviderType") == "sso":
            _remove(path)
    return 0


def _cached_documents(folder: str):
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return
    for name in names:
        path = os.path.join(folder, name)
        try:
            with open(path, encoding="utf-8") as f:
                document = json.load(f)
        except (OSError, ValueError):
            continue
        if isinstance(document, dict):
            yield path, document


def _remove(path: str) -> None:
    try:
        os.remove(path)
    except FileNotFoundError:
        pass
