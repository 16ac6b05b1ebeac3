"""The resident command server with real processes: commands served with their own state.

(tests/server_helpers.py: each test's own server in a private runtime directory.)
"""

from __future__ import annotations

import concurrent.futures

from tests.runner import run
from tests.server_helpers import STARTER, aws, served, write_config  # noqa: F401 (a fixture)


# -- served commands ----------------------------------------------------------------------------

def test_twenty_commands_in_parallel_each_with_its_own_environment(served, tmp_path):
    environ, server = served
    run(["cognito-idp", "create-user-pool", "--pool-name", "parallel-west",
         "--region", "us-west-2"], environ)
    run(["cognito-idp", "create-user-pool", "--pool-name", "parallel-east",
         "--region", "eu-central-1"], environ)
    config = tmp_path / "config"
    write_config(config, "[profile west]\nregion = us-west-2\n"
                         "[profile east]\nregion = eu-central-1\n")
    credentials = tmp_path / "credentials"
    write_config(credentials, "".join(f"[{name}]\naws_access_key_id = {name}-key\n"
                                      f"aws_secret_access_key = {name}-secret\n"
                                      for name in ("west", "east")))
    environ = {**environ, "AWS_SHARED_CREDENTIALS_FILE": str(credentials)}
    server.start()
    query = "UserPools[?starts_with(Name, 'parallel')].Name"
    cases = []
    for i in range(20):
        kind = i % 4
        env = {**environ, "AWS_CONFIG_FILE": str(config), "PARALLEL_CASE": str(i)}
        env.pop("AWS_DEFAULT_REGION")
        if kind == 0:
            cases.append((["cognito-idp", "list-user-pools", "--max-results", "60",
                           "--query", query, "--output", "text"],
                          {**env, "AWS_PROFILE": "west"}, 0, "parallel-west"))
        elif kind == 1:
            cases.append((["cognito-idp", "list-user-pools", "--max-results", "60",
                           "--query", query, "--output", "text", "--profile", "east"],
                          env, 0, "parallel-east"))
        elif kind == 2:
            cases.append((["cognito-idp", "admin-confirm-sign-up", "--user-pool-id", "p"],
                          env, 252, "--username"))
        else:
            cases.append((["cognito-idp", "list-user-pools", "--max-results", "60",
                           "--profile", "nowhere"], env, 253, "nowhere"))
    with concurrent.futures.ThreadPoolExecutor(20) as pool:
        done = list(pool.map(lambda case: aws(case[0], case[1]), cases))
    for (argv, env, code, text), result in zip(cases, done):
        assert (result.exit_code, text in result.stdout + result.stderr) == (code, True), \
            (argv, result.stdout, result.stderr)
    assert server.served_count() == 20


def test_a_config_file_changed_between_two_commands_is_read_afresh(served, tmp_path):
    environ, server = served
    run(["cognito-idp", "create-user-pool", "--pool-name", "changed-west", "--region",
         "us-west-2"], environ)
    config = tmp_path / "config"
    environ = {**environ, "AWS_CONFIG_FILE": str(config)}
    environ.pop("AWS_DEFAULT_REGION")
    server.start()
    argv = ["cognito-idp", "list-user-pools", "--max-results", "60", "--output", "text",
            "--query", "UserPools[?Name=='changed-west'].Name"]
    write_config(config, "[default]\nregion = us-west-2\n")
    assert aws(argv, environ).stdout.strip() == "changed-west"
    write_config(config, "[default]\nregion = ap-south-1\n")
    assert aws(argv, environ).stdout.strip() == ""
    write_config(config, "[default]\n")
    no_region = aws(argv, environ)
    assert no_region.exit_code == 253 and "region" in no_region.stderr
    assert server.served_count() == 3


def test_the_config_file_can_turn_the_server_on_and_the_environment_off(served, tmp_path):
    environ, server = served
    config = tmp_path / "config"
    write_config(config, "[profile quick]\ncli_server = on\n")
    environ = {**environ, "AWS_CONFIG_FILE": str(config)}
    del environ["SHAPECLI_SERVER"]
    server.environ = {**environ, "AWS_PROFILE": "quick"}
    server.start()
    assert aws(STARTER, {**environ, "AWS_PROFILE": "quick"}).exit_code == 252
    assert aws(["--profile", "quick", *STARTER], environ).exit_code == 252
    assert aws(["--profile=quick", *STARTER], environ).exit_code == 252
    assert aws(STARTER, environ).exit_code == 252  # the default profile: not served
    assert aws(STARTER, {**environ, "AWS_PROFILE": "quick",
                         "SHAPECLI_SERVER": "off"}).exit_code == 252
    assert server.served_count() == 3


def test_the_caller_s_directory_umask_and_stdin_are_the_command_s(served, tmp_path):
    environ, server = served
    server.start()
    (tmp_path / "params.json").write_text('{"UserPoolId": "p", "Username": "u"}')
    skeleton = aws(["cognito-idp", "admin-confirm-sign-up", "--cli-input-json",
                    "file://params.json", "--generate-cli-skeleton", "input"],
                   environ, cwd=tmp_path)
    assert skeleton.exit_code == 0 and '"UserPoolId": ""' in skeleton.stdout
    from_file = aws(["cognito-idp", "admin-confirm-sign-up", "--cli-input-json",
                     "file://params.json", "--endpoint-url", "http://127.0.0.1:9"],
                    {**environ, "AWS_MAX_ATTEMPTS": "1"}, cwd=tmp_path)
    assert "Could not connect" in from_file.stderr  # it read params.json from the caller's cwd
    assert server.served_count() == 2
