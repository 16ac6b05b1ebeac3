"""The headline job, end to end, against an embedded moto endpoint.

    python -m tests.demo

Starts moto on 127.0.0.1, creates a user pool, signs jane@example.com up
(UNCONFIRMED), then runs the real `aws cognito-idp admin-confirm-sign-up`
and shows the user's status before and after.
"""

from __future__ import annotations

import shlex
import sys

from tests.moto_server import MotoServer
from tests.runner import run_process


def aws(argv: list[str], environ: dict[str, str]) -> str:
    print("$ aws " + shlex.join(argv))
    result = run_process(argv, environ)
    sys.stdout.write(result.stdout)
    sys.stderr.write(result.stderr)
    print(f"(exit code {result.exit_code})\n")
    if result.exit_code != 0:
        raise SystemExit(result.exit_code)
    return result.stdout


def main() -> int:
    with MotoServer() as moto:
        environ = moto.environ()
        print(f"moto is listening on {moto.endpoint}\n")
        pool_id = aws(["cognito-idp", "create-user-pool", "--pool-name", "demo",
                       "--query", "UserPool.Id", "--output", "text"], environ).strip()
        client_id = aws(["cognito-idp", "create-user-pool-client", "--user-pool-id", pool_id,
                         "--client-name", "demo-app", "--query", "UserPoolClient.ClientId",
                         "--output", "text"], environ).strip()
        aws(["cognito-idp", "sign-up", "--client-id", client_id, "--username",
             "jane@example.com", "--password", "Passw0rd!x", "--query", "UserConfirmed"],
            environ)
        aws(["cognito-idp", "admin-get-user", "--user-pool-id", pool_id, "--username",
             "jane@example.com", "--query", "UserStatus"], environ)
        aws(["cognito-idp", "admin-confirm-sign-up", "--user-pool-id", pool_id,
             "--username", "jane@example.com"], environ)
        status = aws(["cognito-idp", "admin-get-user", "--user-pool-id", pool_id,
                      "--username", "jane@example.com", "--query", "UserStatus"], environ)
    return 0 if status.strip() == '"CONFIRMED"' else 1


if __name__ == "__main__":
    sys.exit(main())
