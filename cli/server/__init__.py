"""The resident command server (opt-in): Mercurial's chg, for `aws`.

A call spends most of its time importing botocore. With the server on
(`SHAPECLI_SERVER=on`, or `cli_server = on` in the profile's config), the
`aws` script is a tiny client (cli.server.client) that hands its command
line, environment, umask, working directory and its own standard streams to
a server that has everything imported already. The server (cli.server.service)
keeps one forked process ready; that process takes the connection, becomes the
command (cli.server.worker: the caller's environment, directory, umask and
terminal) and runs cli.__main__'s command exactly as a fresh process would,
then exits. The server itself never runs a command, never creates a botocore
session, and so keeps nothing of any command.

    client ──argv, environ, umask, fds 0/1/2, cwd fd──▶ spare (forked from server)
    client ◀──"S" pid── spare    client ──"G"──▶ spare (the command runs)
    client ◀──"X" exit code── spare    (client exits with it)

A client falls back to running the command itself whenever the server cannot
take it before the "G": no server (it starts one in the background), a stale
socket, a refusal, a server of another installation (another socket name).
After the "G" the command is the server's: were it to die, the client says so
in one line and exits 255, and never runs the command a second time.
"""
