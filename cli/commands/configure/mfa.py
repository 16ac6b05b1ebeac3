"""`aws configure mfa-login`: temporary credentials from STS GetSessionToken with an MFA code,
written to a profile of the credentials file, as v2 does."""

from __future__ import annotations

from cli.commands.configure.settings import (file_path, read_answer, scoped_config, session,
                                             warn_if_permissive, write)

QUESTIONS = (
    ("aws_access_key_id", "AWS Access Key ID"),
    ("aws_secret_access_key", "AWS Secret Access Key"),
    ("mfa_serial", "MFA serial number or ARN"),
    ("mfa_token", "MFA token code"),
)


def _refuse(context, message: str) -> int:
    """v2's way out of this command: one error line, exit 1."""
    context.env.stderr.write(f"\naws: [ERROR]: {message.strip()}\n")
    return 1


def run_mfa_login(values, context) -> int:
    botocore_session = session(context)
    scoped_config(botocore_session)  # an unknown --profile: v2's one line
    credentials = botocore_session.get_credentials()
    if credentials is None:
        context.env.stdout.write("Please provide your AWS credentials:\n")
        answers = {}
        for key, text in QUESTIONS:
            if key == "mfa_serial" and values["serial_number"]:
                answers[key] = values["serial_number"]
                continue
            answer = read_answer(context, f"{text}: ")
            if not answer or answer == "None":
                return _refuse(context, f"{text} is required")
            if key in ("aws_secret_access_key", "mfa_token"):
                context.hide(answer, key)
            answers[key] = answer
        serial, code = answers["mfa_serial"], answers["mfa_token"]
        botocore_session.set_credentials(answers["aws_access_key_id"],
                                         answers["aws_secret_access_key"])
    else:
        serial = values["serial_number"] or scoped_config(botocore_session).get("mfa_serial")
        if not serial:
            serial = read_answer(context, "MFA serial number or ARN: ")
            if not serial:
                return _refuse(context, "MFA serial number or MFA device ARN is required")
        code = read_answer(context, "MFA token code: ")
        if not code:
            return _refuse(context, "MFA token code is required")
    target = values["update_profile"]
    if not target:
        suggested = profile_name_for(serial)
        target = read_answer(context, f"Profile to update [{suggested}]: ") or suggested
    from botocore.exceptions import ClientError

    try:
        response = context.client("sts").get_session_token(
            DurationSeconds=values["duration_seconds"], SerialNumber=serial, TokenCode=code)
    except ClientError as e:
        return _refuse(context, f"An error occurred: {e}")
    issued = response["Credentials"]
    context.hide(issued["SecretAccessKey"], "SecretAccessKey")
    context.hide(issued["SessionToken"], "SessionToken")
    path = file_path(botocore_session, "credentials_file")
    write(path, target, {"aws_access_key_id": issued["AccessKeyId"],
                         "aws_secret_access_key": issued["SecretAccessKey"],
                         "aws_session_token": issued["SessionToken"]})
    warn_if_permissive(path, context.env.stderr)
    expires = issued["Expiration"]
    expires = (expires.strftime("%Y-%m-%d %H:%M:%S UTC") if hasattr(expires, "strftime")
               else str(expires))
    context.env.stdout.write(
        f"Temporary credentials written to profile '{target}'\n"
        f"Credentials will expire at {expires}\n"
        f"To use these credentials, specify --profile {target} when running AWS CLI "
        "commands\n")
    return 0


def profile_name_for(serial: str) -> str:
    """v2's suggested profile: ACCOUNT-DEVICE for an MFA device ARN, else session-SERIAL."""
    if serial.startswith("arn:aws:iam::"):
        parts = serial.split(":")
        if len(parts) >= 6:
            return f"{parts[4]}-{parts[5].split('/')[-1]}"
    return f"session-{serial}"
