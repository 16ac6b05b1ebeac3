"""Unknown options: v2's error and exit code, plus one `Did you mean` line when a close match exists.

Also where unknown options before the command words go (to the operation, as in v2), and
that prefix abbreviations keep working. The expected errors were checked against v2 2.36.7.
"""

from __future__ import annotations

import pytest

from tests.runner import run

GET_USER = ["cognito-idp", "admin-get-user", "--user-pool-id", "p"]
LIST_USERS = ["cognito-idp", "list-users", "--user-pool-id", "p"]
REQUIRED = "An error occurred (ParamValidation): the following arguments are required: "

CASES = [
    # (argv, v2's error line (after "aws: [ERROR]: "), shapecli's hint line or None)
    (GET_USER + ["--usrname", "x"], REQUIRED + "--username", "Did you mean --username?"),
    (["cognito-idp", "list-users", "--user-pool-idd", "p"], REQUIRED + "--user-pool-id",
     "Did you mean --user-pool-id?"),
    (LIST_USERS + ["--usrname", "x"], "Unknown options: --usrname, x", None),
    (LIST_USERS + ["--regin", "us-east-1"], "Unknown options: --regin, us-east-1",
     "Did you mean --region?"),
    (LIST_USERS + ["--max-itms", "3"], "Unknown options: --max-itms, 3",
     "Did you mean --max-items?"),
    (LIST_USERS + ["--limt=3"], "Unknown options: --limt=3", "Did you mean --limit?"),
    (LIST_USERS + ["--zzz"], "Unknown options: --zzz", None),
    (LIST_USERS + ["-x"], "Unknown options: -x", None),
    # options before the command words are the operation's, as in v2
    (["--no-such-global", *LIST_USERS], "Unknown options: --no-such-global", None),
    (["cognito-idp", "--foo", "list-users", "--user-pool-id", "p"], "Unknown options: --foo",
     None),
    (["--no-such-global"], REQUIRED + "command", None),
    (["--foo", "cognito-idp"], REQUIRED + "operation", None),
    (["cognito-idp", "--foo"], REQUIRED + "operation", None),
    (["--usrname", "x", "cognito-idp", "list-users"],
     "An error occurred (ParamValidation): argument command: Found invalid choice 'x'", None),
    # an abbreviation that fits two options stays argparse's error
    (GET_USER + ["--user", "x"], "An error occurred (ParamValidation): ambiguous option: "
     "--user could match --user-pool-id, --username", None),
    # --generate-cli-skeleton output keeps the required-argument check
    (["cognito-idp", "admin-get-user", "--generate-cli-skeleton", "output"],
     REQUIRED + "--user-pool-id, --username", None),
    (["cognito-idp", "admin-get-user", "--generate-cli-skeleton=output"],
     REQUIRED + "--user-pool-id, --username", None),
]


@pytest.mark.parametrize("argv,error,hint", CASES, ids=[" ".join(c[0]) for c in CASES])
def test_unknown_option_errors(tmp_path, argv, error, hint):
    result = run(argv, {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert result.exit_code == 252
    lines = result.stderr.splitlines()
    at = lines.index("aws: [ERROR]: " + error)
    following = lines[at + 1] if at + 1 < len(lines) else ""
    if hint is None:
        assert not following.startswith("Did you mean")
        assert "Did you mean" not in result.stderr
    else:
        assert following == hint
        assert result.stderr.count("Did you mean") == 1


@pytest.mark.parametrize("argv", [
    ["cognito-idp", "admin-get-user", "--user-pool", "p", "--userna", "x",
     "--generate-cli-skeleton", "output"],
    ["cognito-idp", "admin-get-user", "--generate-cli-skeleton", "input"],
    ["cognito-idp", "admin-get-user", "--generate-cli-skeleton"],
    ["cognito-idp", "admin-get-user", "--cli-input-json", '{"UserPoolId": "p", "Username": "u"}',
     "--generate-cli-skeleton", "output"],
])
def test_abbreviations_and_skeletons_still_work(tmp_path, argv):
    result = run(argv, {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("{")
