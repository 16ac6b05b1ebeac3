"""`shapecli server status|stop` (and `serve PATH`, how the client starts the server).

    shapecli server status   where this installation's server listens and logs; running?
    shapecli server stop     ask it to stop (commands running carry on); exit 0 either way

Exit codes: 0 done, 252 unknown words, 255 the server directory is not usable.
"""

from __future__ import annotations

import os
import sys

USAGE = "usage: shapecli server status | stop\n"


def main(argv: list[str]) -> int:
    if argv[:1] == ["serve"] and len(argv) == 2:
        from cli.server.service import serve

        return serve(argv[1])
    if argv not in (["status"], ["stop"]):
        sys.stderr.write(USAGE)
        return 252
    from cli.server.client import ENVIRONMENT_VARIABLE, socket_path, stop_server
    from cli.server.service import paths

    path = socket_path(os.environ)
    if path is None:
        sys.stderr.write("shapecli server: the socket directory is not private to this user; "
                         "the server is not used\n")
        return 255
    where = paths(path)
    if argv == ["stop"]:
        stopped = stop_server(path)
        sys.stdout.write("stopped\n" if stopped else "not running\n")
        return 0
    running = os.path.exists(path) and _answers(path)
    setting = os.environ.get(ENVIRONMENT_VARIABLE, "(unset: the profile's cli_server decides)")
    sys.stdout.write(f"server:  {'running' if running else 'not running'}\n"
                     f"socket:  {where['socket']}\nlog:     {where['log']}\n"
                     f"{ENVIRONMENT_VARIABLE}={setting}\n")
    return 0


def _answers(path: str) -> bool:
    import socket

    with socket.socket(socket.AF_UNIX) as probe:
        try:
            probe.connect(path)
            return True
        except OSError:
            return False


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
