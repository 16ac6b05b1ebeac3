"""Commands that hand an interactive session to AWS's session-manager-plugin.

`ecs execute-command` and `ssm start-session` open a session on the service
and then, as v2 does, run `session-manager-plugin` with the session's details
so that the user gets a shell: the plugin owns the terminal (Ctrl-C, Ctrl-\\
and Ctrl-Z go to it) until it exits, and nothing is printed here.

- ecs execute-command checks that the plugin is installed before calling
  ExecuteCommand, then reads the container's runtime id (DescribeTasks) to
  name the SSM target `ecs:<cluster>_<task>_<runtime id>`;
- ssm start-session calls StartSession, and if the plugin is missing ends the
  session again (TerminateSession) so that none is left open on the agent.

The request is made the one way every command makes it (cli.request.Command);
`--generate-cli-skeleton` works as for any operation.
"""

from __future__ import annotations

import json

from cli.errors import CliError

PLUGIN = "session-manager-plugin"
PLUGIN_NOT_FOUND = ("SessionManagerPlugin is not found. Please refer to SessionManager "
                    "Documentation here: http://docs.aws.amazon.com/console/systems-manager/"
                    "session-manager-plugin-not-found")
# Plugins after this version read StartSession's answer from an environment variable
# (kept out of the process list); older ones take it as their first argument.
LAST_PLUGIN_WITHOUT_ENVIRONMENT = (1, 2, 497, 0)
RESPONSE_VARIABLE = "AWS_SSM_START_SESSION_RESPONSE"


def run_session(command, query) -> int:
    """The session command: the call, then the plugin in the foreground."""
    if command.options.get("generate_cli_skeleton"):
        from cli.operation_room import run_operation

        return run_operation(command, query)
    params = command.params(command.read_cli_input())
    if command.operation.cli_name == "execute-command":
        return _execute_command(command, params)
    return _start_session(command, params)


def _execute_command(command, params: dict) -> int:
    from cli import dispatch

    if _plugin_version(command) is None:
        raise CliError(PLUGIN_NOT_FOUND)
    client = command.make_client()
    response = dispatch.result(client, command.operation, params, paginate=False,
                               pagination={})
    answered = _reader(command, response)
    cluster, task, container = (answered("clusterArn").split("/")[-1],
                                answered("taskArn").split("/")[-1], answered("containerName"))
    tasks = command.fetch("describe-tasks", {"cluster": cluster, "tasks": [task]}).get("tasks")
    if not tasks:
        raise CliError("The task provided in the request was not found.")
    runtime_id = next((c.get("runtimeId") for c in tasks[0].get("containers", ())
                       if c.get("name") == container), None)
    target = {"Target": f"ecs:{cluster}_{task}_{runtime_id}"}
    return _hand_over(command, client, json.dumps(answered("session")),
                      command.session().profile or "", target, {})


def _start_session(command, params: dict) -> int:
    from cli import dispatch

    client = command.make_client()
    response = dispatch.result(client, command.operation, params, paginate=False,
                               pagination={})
    answered = _reader(command, response)
    session = {name: answered(name) for name in ("SessionId", "TokenValue", "StreamUrl")}
    version = _plugin_version(command)
    if version is None:
        # The session is open on the agent: end it rather than leave it waiting.
        command.fetch("terminate-session", {"SessionId": session["SessionId"]})
        raise CliError(PLUGIN_NOT_FOUND)
    answer, environ = json.dumps(session), {}
    if version > LAST_PLUGIN_WITHOUT_ENVIRONMENT:
        environ[RESPONSE_VARIABLE], answer = answer, RESPONSE_VARIABLE
    return _hand_over(command, client, answer, command.args.profile or "", params, environ)


def _reader(command, response: dict):
    """The members of the response the session needs, each an error if missing."""
    def answered(name: str):
        if name not in response:
            raise CliError(f"{command.operation.name} answered without '{name}', which the "
                           "session needs")
        return response[name]
    return answered


def _plugin_version(command) -> tuple[int, ...] | None:
    """The installed plugin's version ((0,) when it prints none that reads); None if absent."""
    import subprocess

    try:
        printed = subprocess.run([PLUGIN, "--version"], capture_output=True, text=True,
                                 env=command.env.environ, check=False).stdout
    except OSError:
        return None
    words = "".join(printed.split()).split(".")
    if not (1 <= len(words) <= 4 and all(w.isdigit() for w in words)):
        return (0,)
    return tuple(int(w) for w in words) + (0,) * (4 - len(words))


def _hand_over(command, client, answer: str, profile: str, target: dict,
               environ: dict[str, str]) -> int:
    """Run the plugin in the foreground with the terminal's signals left to it.

    `environ`: variables the plugin gets beside the command's environment.
    """
    import signal
    import subprocess

    argv = [PLUGIN, answer, client.meta.region_name, "StartSession", profile,
            json.dumps(target), client.meta.endpoint_url]
    handed = (signal.SIGINT, signal.SIGQUIT, signal.SIGTSTP)
    previous = [signal.signal(s, signal.SIG_IGN) for s in handed]
    try:
        command.env.stdout.flush()
        status = subprocess.run(argv, env={**command.env.environ, **environ},
                                check=False).returncode
    except OSError as e:
        raise CliError(f"{PLUGIN} could not be started: {e.strerror}") from None
    finally:
        for s, handler in zip(handed, previous):
            signal.signal(s, handler)
    if status != 0:
        raise CliError(f"{PLUGIN} ended with exit status {status}")
    return 0
