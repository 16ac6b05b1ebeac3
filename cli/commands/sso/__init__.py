"""`aws sso login` and `aws sso logout`, beside sso's generated operations (logout replaces
the generated Logout operation, as in v2).

Declarations only; the work is in cli.commands.sso.login (the commands),
.settings (which sso-session or profile to sign in with), .tokens (the OIDC
flows and v2's token cache) and .callback (the loopback redirect listener).
"""

from cli.commands import Argument, HandCommand


def _login(values, context):
    from cli.commands.sso import login

    return login.run_login(values, context)


def _logout(values, context):
    from cli.commands.sso import login

    return login.run_logout(values, context)


LOGIN_ARGUMENTS = (
    Argument("no-browser", "boolean", "Print the sign-in URL instead of opening it in the "
             "default browser."),
    Argument("use-device-code", "boolean", "Sign in with a device code (entered on any "
             "device) instead of the authorization code flow, which needs a browser on "
             "this machine."),
)

COMMANDS = (
    HandCommand(
        ("sso", "login"), _login,
        summary="Sign in to IAM Identity Center and cache the access token.",
        description="Signs in with the sso-session of the profile (or of --sso-session) and "
                    "caches the access token in ~/.aws/sso/cache, where both this CLI and "
                    "AWS CLI v2 find it; commands with any profile of that sso-session then "
                    "get role credentials with it. Each run signs in anew.\n\n"
                    "An sso-session signs in with the authorization code flow: a browser "
                    "opens the sign-in page and returns to a listener on 127.0.0.1. "
                    "--use-device-code shows a code to enter on any device instead; a "
                    "profile with sso_start_url and no sso-session always uses the device "
                    "code.",
        arguments=(*LOGIN_ARGUMENTS,
                   Argument("sso-session", documentation="The sso-session to sign in with, "
                            "instead of the profile's.", completion="sso-sessions")),
        examples=("To sign in with the default profile's sso-session::\n\n"
                  "    aws sso login",
                  "To sign in on a machine without a browser::\n\n"
                  "    aws sso login --profile dev --use-device-code")),
    HandCommand(
        ("sso", "logout"), _logout,
        summary="Sign out: end every cached IAM Identity Center session and remove the tokens.",
        description="Calls the portal's Logout for each access token cached in "
                    "~/.aws/sso/cache, then removes the tokens and the role credentials "
                    "cached from them. Run aws sso login to use the profiles again."),
)
