"""What every command that may call AWS shares: the global options, the environment,
and a botocore session made only when first needed.

`cli.request.Command` (one generated operation) and `cli.commands.room.Context`
(a hand-written command) are both an `Invocation`; the settings of a call
(profile, region, endpoint, TLS, timeouts, signing, debug) are read from the
global options here and nowhere else.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing costs milliseconds at every keystroke
if TYPE_CHECKING:
    from typing import Any

    from cli.arguments import GlobalArgs
    from cli.env import Env


class Invocation:
    """The global options and the environment of one command; the session on demand."""

    __slots__ = ("args", "env", "_session")

    def __init__(self, args: GlobalArgs, env: Env):
        self.args = args  # the global options
        self.env = env
        self._session = None

    @property
    def has_session(self) -> bool:
        return self._session is not None

    def session(self, *, check_profile: bool = True):
        """The botocore session, made on first use. `check_profile=False` leaves an unknown
        --profile alone (configure's wizard and `set` create profiles)."""
        if self._session is None:
            from cli import dispatch

            session = dispatch.make_session(self.settings(), self.env.environ)
            if check_profile:
                dispatch.check_profile(session)
            self._session = session
        return self._session

    @staticmethod
    def collector_back_on() -> None:
        """Once a client exists: the cyclic collector back on (cli.__main__ imports without
        it), with everything alive so far set aside (frozen) so its passes stay short. What
        runs from here on makes garbage of its own (a wait polls, a batch or a sync runs long).
        """
        import gc

        if not gc.isenabled():
            gc.freeze()
            gc.enable()

    def config(self, name: str) -> Any:
        """A setting through botocore's config chain (starts the session)."""
        from cli.dispatch import config_value

        return config_value(self.session(), name)

    def settings(self):
        from cli.dispatch import CallSettings

        args = self.args
        return CallSettings(
            profile=args.profile,
            region=args.region,
            endpoint_url=args.endpoint_url,
            verify_ssl=args.verify_ssl is not False,
            ca_bundle=args.ca_bundle,
            sign_request=args.sign_request is not False,
            read_timeout=args.cli_read_timeout,
            connect_timeout=args.cli_connect_timeout,
            debug=bool(args.debug),
        )

    def output_format(self) -> str:
        return self.args.output or self.config("output")
