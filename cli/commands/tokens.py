"""Registry passwords and database tokens: v2's `ecr get-login-password`,
`ecr-public get-login-password`, `rds generate-db-auth-token` and dsql's two
`generate-db-connect-*-auth-token` commands.

Each prints one secret and a newline, nothing else on stdout, so that it can be
piped (`aws ecr get-login-password | docker login --password-stdin ...`).
The registry passwords come from GetAuthorizationToken; the database tokens
are presigned URLs made here, without a call. `--debug` never shows them
(context.hide).
"""

from __future__ import annotations

from cli.commands import Argument, HandCommand

TYPE_CHECKING = False
if TYPE_CHECKING:
    from cli.commands.room import Context


def _password_of(encoded: str) -> str:
    """The password half of a base64 'user:password' authorization token."""
    import base64

    from cli.errors import CliError

    try:
        _, password = base64.b64decode(encoded).decode().split(":")
    except (ValueError, UnicodeDecodeError):
        raise CliError("The authorization token in the response is not a "
                       "base64 'user:password' pair") from None
    return password


def _print_secret(context: Context, secret: str, label: str) -> int:
    context.hide(secret, label)
    context.env.stdout.write(secret + "\n")
    return 0


def ecr_login_password(values: dict, context: Context) -> int:
    response = context.client("ecr").get_authorization_token()
    # The token itself is a secret as well: a --debug log shows the response.
    encoded = response["authorizationData"][0]["authorizationToken"]
    context.hide(encoded, "authorizationToken")
    return _print_secret(context, _password_of(encoded), "password")


def ecr_public_login_password(values: dict, context: Context) -> int:
    response = context.client("ecr-public").get_authorization_token()
    encoded = response["authorizationData"]["authorizationToken"]
    context.hide(encoded, "authorizationToken")
    return _print_secret(context, _password_of(encoded), "password")


def presign_locally(context: Context, host: str, params: dict, service: str,
                    expires: int) -> str:
    """`host/?params&X-Amz-...`: a SigV4 query-signed GET for `service`, made here with the
    session's credentials and region, without the service's model (as botocore's
    generate_db_auth_token signs it, minus the scheme, which these tokens go without)."""
    from botocore.auth import SigV4QueryAuth
    from botocore.awsrequest import AWSRequest
    from botocore.exceptions import NoCredentialsError, NoRegionError

    from cli.dispatch import translate

    session = context.session()
    region = context.args.region or session.get_config_variable("region")
    if not region:
        raise translate(NoRegionError())
    credentials = session.get_credentials()
    if credentials is None:
        raise translate(NoCredentialsError())
    request = AWSRequest(method="GET", url=f"https://{host}/", data=params)
    SigV4QueryAuth(credentials.get_frozen_credentials(), service, region,
                   expires=expires).add_auth(request)
    return request.prepare().url.removeprefix("https://")


def rds_auth_token(values: dict, context: Context) -> int:
    token = presign_locally(context, f"{values['hostname']}:{values['port']}",
                            {"Action": "connect", "DBUser": values["username"]}, "rds-db", 900)
    return _print_secret(context, token, "token")


def _dsql_token(values: dict, context: Context, action: str) -> int:
    token = presign_locally(context, values["hostname"], {"Action": action}, "dsql",
                            values["expires_in"])
    return _print_secret(context, token, "token")


def dsql_auth_token(values: dict, context: Context) -> int:
    return _dsql_token(values, context, "DbConnect")


def dsql_admin_auth_token(values: dict, context: Context) -> int:
    return _dsql_token(values, context, "DbConnectAdmin")


_PASSWORD_OUTPUT = ("The password alone, followed by a newline: give it to a container "
                    "client on its standard input.")
_TOKEN_OUTPUT = "The token alone, followed by a newline."

_DSQL_ARGUMENTS = (
    Argument("hostname", documentation="The cluster's endpoint, e.g. "
             "abcdefghijklmnopqrst.dsql.us-east-1.on.aws.", required=True),
    Argument("expires-in", "int", "For how many seconds the token is valid (default 900).",
             default=900),
)

COMMANDS = (
    HandCommand(
        ("ecr", "get-login-password"), ecr_login_password,
        summary="Print a password for container clients (such as Docker) to log in to "
                "Amazon ECR registries.",
        description=(
            "Prints the password half of an Amazon ECR authorization token "
            "(GetAuthorizationToken). With the user name AWS it logs a container client in to "
            "any registry of the account and region the credentials can reach, for 12 hours.\n\n"
            "Nothing but the password goes to standard output, so it can be piped:\n\n"
            "    aws ecr get-login-password --region us-east-1 | docker login --username AWS "
            "--password-stdin 123456789012.dkr.ecr.us-east-1.amazonaws.com"),
        examples=(
            "Log Docker in to the account's registry in eu-west-1::\n\n"
            "    aws ecr get-login-password --region eu-west-1 | docker login --username AWS "
            "--password-stdin 123456789012.dkr.ecr.eu-west-1.amazonaws.com",),
        output=_PASSWORD_OUTPUT),
    HandCommand(
        ("ecr-public", "get-login-password"), ecr_public_login_password,
        summary="Print a password for container clients to log in to Amazon ECR Public.",
        description=(
            "Prints the password half of an Amazon ECR Public authorization token "
            "(GetAuthorizationToken; the service answers in us-east-1 only). With the user "
            "name AWS it logs a container client in to public.ecr.aws.\n\n"
            "    aws ecr-public get-login-password --region us-east-1 | docker login "
            "--username AWS --password-stdin public.ecr.aws"),
        examples=(
            "Log Docker in to Amazon ECR Public::\n\n"
            "    aws ecr-public get-login-password --region us-east-1 | docker login "
            "--username AWS --password-stdin public.ecr.aws",),
        output=_PASSWORD_OUTPUT),
    HandCommand(
        ("rds", "generate-db-auth-token"), rds_auth_token,
        summary="Make an IAM authentication token for connecting to an RDS database.",
        description=(
            "Makes, without calling AWS, the token a database client sends as its password "
            "when the database uses IAM authentication: a URL presigned with the current "
            "credentials for the rds-db service, valid for 15 minutes. The region is the "
            "database's (--region or the configured one)."),
        arguments=(
            Argument("hostname", documentation="The database's host name.", required=True),
            Argument("port", "int", "The port the database listens on.", required=True),
            Argument("username", documentation="The database user to connect as.",
                     required=True),
        ),
        examples=(
            "A token for user app on a PostgreSQL instance::\n\n"
            "    aws rds generate-db-auth-token --hostname mydb.abc123.us-east-1.rds."
            "amazonaws.com --port 5432 --username app --region us-east-1",),
        output=_TOKEN_OUTPUT),
    HandCommand(
        ("dsql", "generate-db-connect-auth-token"), dsql_auth_token,
        summary="Make a token for connecting to an Aurora DSQL cluster with a custom role.",
        description=(
            "Makes, without calling AWS, the password a PostgreSQL client sends to an Aurora "
            "DSQL cluster for a database role other than admin: a URL presigned (DbConnect) "
            "with the current credentials for the dsql service."),
        arguments=_DSQL_ARGUMENTS,
        examples=(
            "A token valid for an hour::\n\n"
            "    aws dsql generate-db-connect-auth-token --hostname abcdefghijklmnopqrst.dsql."
            "us-east-1.on.aws --region us-east-1 --expires-in 3600",),
        output=_TOKEN_OUTPUT),
    HandCommand(
        ("dsql", "generate-db-connect-admin-auth-token"), dsql_admin_auth_token,
        summary="Make a token for connecting to an Aurora DSQL cluster as admin.",
        description=(
            "Makes, without calling AWS, the password a PostgreSQL client sends to an Aurora "
            "DSQL cluster for the admin role: a URL presigned (DbConnectAdmin) with the "
            "current credentials for the dsql service."),
        arguments=_DSQL_ARGUMENTS,
        examples=(
            "A token for the admin role::\n\n"
            "    aws dsql generate-db-connect-admin-auth-token --hostname abcdefghijklmnopqrst"
            ".dsql.us-east-1.on.aws --region us-east-1",),
        output=_TOKEN_OUTPUT),
)
