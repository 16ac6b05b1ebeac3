"""The s3transfer managers of one command, and how Ctrl-C stops them.

s3transfer is imported only when a command runs (Managers.__init__).
"""

from __future__ import annotations

import os

from cli.commands.s3 import settings


class Managers:
    """The s3transfer managers of one command, sharing its client.

    Small objects are bound by round trips, so they go many at a time (the
    concurrency); a file at or above the multipart threshold is bound by bandwidth,
    and its parts go at v2's 10 at a time, which keeps its memory near v2's. When
    the user sets max_concurrent_requests, one manager with that number does all.
    """

    def __init__(self, client, transfer_settings):
        from s3transfer.manager import TransferManager

        self.threshold = transfer_settings.multipart_threshold
        self.small = TransferManager(client, transfer_settings.transfer_config())
        self.large = self.small
        if not transfer_settings.concurrency_was_set and \
                transfer_settings.max_concurrent_requests > settings.V2_CONCURRENCY:
            config = transfer_settings.transfer_config()
            config.max_request_concurrency = settings.V2_CONCURRENCY
            config.max_io_queue_size = settings.IO_QUEUE_CHUNKS
            self._large_config = config
            self._client = client
            self.large = None  # made at the first large file

    def pick(self, size):
        """The manager for an object of `size` bytes (None: unknown, e.g. a stream)."""
        if size is None or size >= self.threshold:
            if self.large is None:
                from s3transfer.manager import TransferManager

                self.large = TransferManager(self._client, self._large_config)
            return self.large
        return self.small

    def _each(self):
        return {id(m): m for m in (self.small, self.large) if m is not None}.values()

    def shutdown(self) -> None:
        """Wait for every transfer, then stop the managers' threads."""
        for manager in self._each():
            manager.shutdown()

    def cancel(self, error: BaseException) -> None:
        """Cancel what has not finished, for `error` (Ctrl-C: the user's cancel).

        Through the managers' context-manager exit: s3transfer 0.19's
        shutdown(cancel=True, cancel_msg=...) passes its arguments to _shutdown in the
        wrong order and fails with "'str' object is not callable"."""
        for manager in self._each():
            manager.__exit__(type(error), error, None)


def catch_ctrl_c():
    """While transfers run, Ctrl-C raises KeyboardInterrupt in this thread (cli.__main__ ends
    the process at once otherwise), so that started multipart uploads are aborted first.
    Returns what puts the previous handler back."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    return lambda: signal.signal(signal.SIGINT, previous)


CANCEL_WAIT = 10.0  # seconds the requests in flight get to end after Ctrl-C


def cancel_all(manager, printer) -> None:
    """Cancel what has not finished; s3transfer aborts the multipart uploads it started once
    their requests in flight end. A request that hangs (a stalled server) is not waited for
    past CANCEL_WAIT: the process then ends at once, as a second Ctrl-C would end it."""
    import threading

    done = threading.Event()

    def shut_down():
        try:
            manager.cancel(KeyboardInterrupt())
        finally:
            done.set()

    threading.Thread(target=shut_down, name="s3-cancel", daemon=True).start()
    if not done.wait(CANCEL_WAIT):
        printer.flush()
        os._exit(130)  # the transfer threads would hold the interpreter's exit
