"""A loopback TCP proxy that delays every chunk a client sends by a fixed time (bench/s3sync.py).

    client ──chunk──▶ [held DELAY s] ──▶ upstream (moto)
    client ◀──────── at once ─────────── upstream

It stands for a region's round trip in front of a local server: each request's
bytes reach the server DELAY seconds after they were sent, as over a long
link, without limiting throughput (chunks are queued with the time they are
due, not sent one delay after another), so a large upload pays the latency
once per request, not once per chunk.

A network's latency costs the client's machine no CPU, so the proxy spends as
little as it can: one asyncio event loop on one thread for every connection
(no thread per connection; moto closes the connection after each answer, so a
sync of 1,000 objects opens 1,000 of them). Flow control is the transports'
own: a side that cannot take more bytes pauses the reading of the other.

Only 127.0.0.1, both sides. A connection ends when both directions have ended,
or on an error, or after IDLE seconds without bytes.
"""

from __future__ import annotations

import asyncio
import collections
import threading

LOOPBACK = "127.0.0.1"
IDLE = 300.0  # seconds a connection may sit silent before the proxy drops it


class LatencyProxy:
    """`with LatencyProxy(upstream_port, delay=0.02) as proxy: proxy.endpoint`."""

    def __init__(self, upstream_port: int, delay: float = 0.020) -> None:
        self.upstream_port = upstream_port
        self.delay = delay
        self.connections = 0  # accepted so far: how many a CLI opened
        self.open = 0  # connections not yet ended
        self._loop = asyncio.new_event_loop()
        self._server = self._loop.run_until_complete(
            self._loop.create_server(lambda: _ClientSide(self), LOOPBACK, 0))
        self.port = self._server.sockets[0].getsockname()[1]
        self.endpoint = f"http://{LOOPBACK}:{self.port}"
        self._thread = threading.Thread(target=self._loop.run_forever, name="latency-proxy",
                                        daemon=True)
        self._sides: set[_ClientSide] = set()

    def __enter__(self) -> LatencyProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        def stop() -> None:
            self._server.close()
            for side in list(self._sides):
                side.end()
            self._loop.stop()

        self._loop.call_soon_threadsafe(stop)
        self._thread.join(10)
        self._loop.close()


class _ClientSide(asyncio.Protocol):
    """One client connection: its chunks held until due, then written upstream."""

    def __init__(self, proxy: LatencyProxy) -> None:
        self.proxy = proxy
        self.loop = proxy._loop
        self.held: collections.deque[tuple[float, bytes | None]] = collections.deque()
        self.timer: asyncio.TimerHandle | None = None
        self.transport: asyncio.Transport | None = None
        self.upstream: _UpstreamSide | None = None
        self.idle: asyncio.TimerHandle | None = None
        self.ended = False

    # -- the client's side --------------------------------------------------------------------

    def connection_made(self, transport) -> None:
        self.transport = transport
        self.proxy.connections += 1
        self.proxy.open += 1
        self.proxy._sides.add(self)
        self._touch()
        self.loop.create_task(self._connect())

    async def _connect(self) -> None:
        try:
            _, self.upstream = await self.loop.create_connection(
                lambda: _UpstreamSide(self), LOOPBACK, self.proxy.upstream_port)
        except OSError:
            self.end()
            return
        self._arm()

    def data_received(self, data: bytes) -> None:
        self.held.append((self.loop.time() + self.proxy.delay, data))
        self._touch()
        self._arm()

    def eof_received(self) -> bool:
        self.held.append((self.loop.time() + self.proxy.delay, None))
        self._arm()
        return True  # keep the write side open for the answer

    def connection_lost(self, exc) -> None:
        self.end()

    def pause_writing(self) -> None:  # the client is slow to read: stop reading upstream
        if self.upstream is not None and self.upstream.transport is not None:
            self.upstream.transport.pause_reading()

    def resume_writing(self) -> None:
        if self.upstream is not None and self.upstream.transport is not None:
            self.upstream.transport.resume_reading()

    # -- the held chunks ----------------------------------------------------------------------

    def _arm(self) -> None:
        if self.timer is None and self.held and self.upstream is not None and not self.ended:
            self.timer = self.loop.call_at(self.held[0][0], self._release)

    def _release(self) -> None:
        """Every chunk now due goes upstream, in arrival order; end of stream half-closes."""
        self.timer = None
        now = self.loop.time()
        upstream = self.upstream.transport
        while self.held and self.held[0][0] <= now:
            _, data = self.held.popleft()
            if upstream.is_closing():
                self.held.clear()
                return
            if data is None:
                if upstream.can_write_eof():
                    upstream.write_eof()
            else:
                upstream.write(data)
        self._arm()

    def _touch(self) -> None:
        if self.idle is not None:
            self.idle.cancel()
        self.idle = self.loop.call_later(IDLE, self.end)

    def end(self) -> None:
        """Close both sides, once."""
        if self.ended:
            return
        self.ended = True
        self.proxy.open -= 1
        self.proxy._sides.discard(self)
        for handle in (self.timer, self.idle):
            if handle is not None:
                handle.cancel()
        self.held.clear()
        self.transport.close()
        if self.upstream is not None and self.upstream.transport is not None:
            self.upstream.transport.close()


class _UpstreamSide(asyncio.Protocol):
    """The server's answers, straight back to the client."""

    def __init__(self, client: _ClientSide) -> None:
        self.client = client
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport) -> None:
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.client._touch()
        self.client.transport.write(data)

    def eof_received(self) -> bool:
        if self.client.transport.can_write_eof() and not self.client.transport.is_closing():
            self.client.transport.write_eof()
        return False  # the server is done: close this side

    def connection_lost(self, exc) -> None:
        # The server has answered and closed (moto closes after each answer): once the
        # answer is flushed to the client the connection has nothing more to carry.
        self.client.end()

    def pause_writing(self) -> None:  # the server is slow to read: stop reading the client
        self.client.transport.pause_reading()

    def resume_writing(self) -> None:
        self.client.transport.resume_reading()
