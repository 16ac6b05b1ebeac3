"""`aws configure` and its subcommands, hand-written on the registry (cli.commands).

Declarations only (words, argument tables, help); each run function imports
the module that does the work: cli.commands.configure.settings (the wizard,
set, get, list, list-profiles), .credentials (export-credentials, import,
add-model), .sso_wizard (configure sso, configure sso-session). Files are
edited by cli.commands.config_file, as v2's writer edits them.
"""

from cli.commands import Argument, HandCommand

DESCRIPTION = "Configure the AWS CLI: credentials, region, output format and sign-in settings."


def _settings(name):
    def run(values, context):
        from cli.commands.configure import settings

        return getattr(settings, name)(values, context)
    return run


def _credentials(name):
    def run(values, context):
        from cli.commands.configure import credentials

        return getattr(credentials, name)(values, context)
    return run


def _mfa(values, context):
    from cli.commands.configure import mfa

    return mfa.run_mfa_login(values, context)


def _sso(name):
    def run(values, context):
        from cli.commands.configure import sso_wizard

        return getattr(sso_wizard, name)(values, context)
    return run


_WIZARD_TEXT = """\
Asks for four settings of a profile and writes them: the access key ID, the secret \
access key, the default region and the default output format. The two keys go to the \
shared credentials file (~/.aws/credentials), the region and output format to the config \
file (~/.aws/config); AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE name other files.

Each prompt shows the value the profile has now in brackets, the keys masked to their \
last four characters; pressing Enter keeps it. An access key ID starting with ASIA (a \
temporary key) also asks for the session token. The answers may come from a pipe, one \
a line.

Without --profile the default profile is configured; with it, that profile (created if \
it does not exist yet). Comments, blank lines and other profiles in both files are left \
as they were."""

_SETTINGS_TEXT = """\
Settings a profile may hold in the config file (some also come from environment \
variables):

- aws_access_key_id, aws_secret_access_key, aws_session_token: credentials (written to \
the shared credentials file)
- region: the region requests go to
- output: json, text, table, yaml or yaml-stream
- sso_session, sso_account_id, sso_role_name: IAM Identity Center sign-in
- role_arn, source_profile, credential_process: other ways to obtain credentials
- s3: a nested block of S3 transfer settings (max_concurrent_requests, ...)"""

_VARNAME_TEXT = """\
The setting's name. A plain name (region) belongs to the profile of --profile or the \
default profile; profile.NAME.key and default.key name the profile; a third part names a \
key of a nested block (default.s3.max_concurrent_requests)."""

_EXPORT_FORMATS = ("process", "env", "env-no-export", "powershell", "windows-cmd", "fish")

COMMANDS = (
    HandCommand(
        ("configure",), _settings("run_wizard"),
        summary="Ask for credentials, region and output format and write them.",
        description=_WIZARD_TEXT,
        synopsis=("aws configure [--profile profile-name]",),
        sections=(("CONFIGURATION VARIABLES", _SETTINGS_TEXT),),
        examples=("To configure the default profile, answering each prompt::\n\n"
                  "    aws configure",
                  "To change only the region of the dev profile, pressing Enter at the "
                  "other prompts::\n\n    aws configure --profile dev")),
    HandCommand(
        ("configure", "set"), _settings("run_set"),
        summary="Set one setting in the config or credentials file.",
        description="Writes one setting. Credential keys go to the shared credentials "
                    "file, every other key to the config file; the file and its folder are "
                    "created when missing.",
        # v2 leaves --sso-session / --services out of its synopsis; they are here.
        synopsis=("aws configure set varname value [--profile profile-name]",
                  "  [--sso-session <value> | --services <value>]"),
        arguments=(
            Argument("varname", positional=True, documentation=_VARNAME_TEXT,
                     completion="config-keys", required=True),
            Argument("value", positional=True, documentation="The value to write.",
                     required=True, no_paramfile=True),
            Argument("sso-session", documentation="Write to this [sso-session NAME] "
                     "section instead of a profile.", completion="sso-sessions",
                     group="subsection"),
            Argument("services", documentation="Write to this [services NAME] section "
                     "instead of a profile.", group="subsection"),
        ),
        examples=("To set the default region::\n\n    aws configure set region us-west-2",
                  "To set a nested S3 setting of the default profile::\n\n"
                  "    aws configure set default.s3.max_concurrent_requests 20",
                  "To set the region of an sso-session::\n\n"
                  "    aws configure set sso_region us-east-1 --sso-session corp")),
    HandCommand(
        ("configure", "get"), _settings("run_get"),
        summary="Print one setting (exit 1, printing nothing, when it is not set).",
        description="Prints a setting as the config and credentials files hold it. A "
                    "setting that is not there prints nothing and exits with 1; environment "
                    "variables are not consulted.",
        # v2 leaves --sso-session / --services out of its synopsis; they are here.
        synopsis=("aws configure get varname [--profile profile-name]",
                  "  [--sso-session <value> | --services <value>]"),
        arguments=(
            Argument("varname", positional=True, documentation=_VARNAME_TEXT,
                     completion="config-keys", required=True),
            Argument("sso-session", documentation="Read from this [sso-session NAME] "
                     "section.", completion="sso-sessions"),
            Argument("services", documentation="Read from this [services NAME] section."),
        ),
        examples=("To print the region of the dev profile::\n\n"
                  "    aws configure get region --profile dev",
                  "To print a nested setting::\n\n"
                  "    aws configure get default.s3.max_concurrent_requests")),
    HandCommand(
        ("configure", "list"), _settings("run_list"),
        summary="Show the profile, keys and region in use and where each comes from.",
        description="Shows the profile, access key, secret key and region the CLI would "
                    "use, each with its source (environment, config file, --profile, a "
                    "credential provider). Keys are masked to their last four characters.",
        synopsis=("aws configure list [--profile profile-name]",),
        examples=("To show the settings in use::\n\n    aws configure list",)),
    HandCommand(
        ("configure", "list-profiles"), _settings("run_list_profiles"),
        summary="List the profiles of the config and credentials files.",
        description="Prints the name of every profile of the config and credentials "
                    "files, one a line.",
        examples=("To list the profiles::\n\n    aws configure list-profiles",)),
    HandCommand(
        ("configure", "export-credentials"), _credentials("run_export"),
        summary="Print the credentials the CLI resolves, as JSON or shell variables.",
        description="Resolves credentials as any command would (environment, credentials "
                    "and config files, IAM Identity Center, assumed roles, "
                    "credential_process, instance metadata) and prints them in the chosen "
                    "format. The process format is what credential_process expects, so "
                    "other tools can use the CLI's resolution. --query and --output do not "
                    "apply.",
        synopsis=("aws configure export-credentials [--profile profile-name] "
                  "[--format <value>]",),
        arguments=(
            Argument("format", documentation="How to print the credentials: process (JSON "
                     "for credential_process, the default), env (export lines), "
                     "env-no-export, powershell ($Env: lines), windows-cmd (set lines), "
                     "fish (set -gx lines).", choices=_EXPORT_FORMATS, default="process"),
        ),
        examples=("To set shell variables from a profile's credentials::\n\n"
                  "    eval \"$(aws configure export-credentials --profile dev --format env)\"",)),
    HandCommand(
        ("configure", "import"), _credentials("run_import"),
        summary="Import access keys from the CSV file the IAM console downloads.",
        description="Reads the CSV file of access keys the IAM console offers for download "
                    "and writes one profile per row to the shared credentials file, named "
                    "after the row's user name. The columns User Name, Access Key ID and "
                    "Secret Access key are required (any order, any case).",
        arguments=(
            Argument("csv", documentation="The CSV text, or file://PATH to read it from a "
                     "file.", required=True, completion="files"),
            Argument("skip-invalid", "boolean", "Skip rows that lack a user name or a key "
                     "instead of failing."),
            Argument("profile-prefix", documentation="Put this before each profile name.",
                     default=""),
        ),
        examples=("To import a downloaded key file::\n\n"
                  "    aws configure import --csv file://credentials.csv",)),
    HandCommand(
        ("configure", "add-model"), _credentials("run_add_model"),
        summary="Add a service model (JSON) to ~/.aws/models.",
        description="Stores a service's JSON model under ~/.aws/models/SERVICE/API-VERSION/, "
                    "where botocore finds it: its operations then become commands.",
        arguments=(
            Argument("service-model", documentation="The model's JSON text, or file://PATH.",
                     required=True, completion="files"),
            Argument("service-name", documentation="The command name to use instead of the "
                     "one derived from the model's endpoint prefix."),
        ),
        examples=("To add a model from a file::\n\n"
                  "    aws configure add-model --service-model file://service-2.json",)),
    HandCommand(
        ("configure", "mfa-login"), _mfa,
        summary="Get temporary credentials with an MFA code and write them to a profile.",
        description="Calls STS GetSessionToken with the MFA device (--serial-number, the "
                    "profile's mfa_serial, or asked for) and the code you type, and writes "
                    "the temporary key, secret and session token to a profile of the shared "
                    "credentials file. Without credentials to call STS with, it asks for an "
                    "access key first.",
        synopsis=("aws configure mfa-login [--profile profile-name] [--update-profile "
                  "profile-to-update] [--duration-seconds seconds] [--serial-number "
                  "mfa-serial-number]",),
        arguments=(
            Argument("update-profile", documentation="The profile to write the temporary "
                     "credentials to (asked for when not given).", completion="profiles"),
            Argument("duration-seconds", "int", "How long the credentials last, 900 to "
                     "129600 seconds.", default=43200),
            Argument("serial-number", documentation="The MFA device's ARN or serial number."),
        ),
        examples=("To write credentials for the dev profile's MFA device::\n\n"
                  "    aws configure mfa-login --profile dev --update-profile dev-mfa",)),
    HandCommand(
        ("configure", "sso"), _sso("run_configure_sso"),
        summary="Set up a profile that signs in with IAM Identity Center.",
        description="Asks for an sso-session (start URL, region, registration scopes), "
                    "signs in, then lets you choose an account and a role from the lists "
                    "the portal returns, and writes the profile and the sso-session to the "
                    "config file. Choosing needs a terminal.",
        arguments=(
            Argument("no-browser", "boolean", "Print the sign-in URL instead of opening a "
                     "browser."),
            Argument("use-device-code", "boolean", "Sign in with a device code instead of "
                     "the authorization code flow."),
        ),
        examples=("To set up a profile::\n\n    aws configure sso",)),
    HandCommand(
        ("configure", "sso-session"), _sso("run_configure_sso_session"),
        summary="Write an [sso-session] section of the config file.",
        description="Asks for an sso-session's name, start URL, region and registration "
                    "scopes and writes them to the config file. It does not sign in.",
        examples=("To write an sso-session::\n\n    aws configure sso-session",)),
)
