"""A slow link on loopback: a TCP proxy that limits each direction to a bandwidth and delays every
byte by half a round trip, so a benchmark measures what a laptop on a poor school link sees.

    with throttled(server_port, kbit=256, rtt_ms=600) as link:
        ...  # talk to 127.0.0.1:link.port; link.up, link.down count the bytes carried

Each direction is modelled as one serial link: a chunk goes onto the wire when the chunk before it
has finished (bandwidth), then lands half a round trip later (latency). Chunks in flight overlap,
so delays do not add up per chunk. A new connection also pays one round trip for the TCP handshake
before its first byte leaves. Not modelled: TCP slow start, loss, the sender's window.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

SEGMENT = 1460  # read one TCP segment's worth at a time, so pacing is smooth even for large writes


@dataclass
class Link:
    port: int = 0
    up: int = 0  # bytes carried client -> server
    down: int = 0  # bytes carried server -> client
    connections: int = 0


async def _pump(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, rate: float, delay: float,
                free_at: float, count: Callable[[int], None]) -> None:
    """Carry one direction until end of stream, in order. ``free_at``: when the link may first send."""
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue = asyncio.Queue()

    async def deliver() -> None:
        # Due times never decrease, so sleeping until each one keeps order without compounding.
        while (item := await queue.get()) is not None:
            due, data = item
            await asyncio.sleep(max(0.0, due - loop.time()))
            writer.write(data)
            await writer.drain()
        if writer.can_write_eof():
            writer.write_eof()  # pass the half-close on, as the far end would see it

    delivering = asyncio.create_task(deliver())
    try:
        while data := await reader.read(SEGMENT):
            count(len(data))
            start = max(loop.time(), free_at)  # wait for the bytes ahead of these to leave
            free_at = start + len(data) / rate  # the link is busy sending these
            queue.put_nowait((free_at + delay, data))  # and they land one way's latency later
    finally:
        queue.put_nowait(None)
        await delivering


@contextmanager
def throttled(target_port: int, kbit: float = 256, rtt_ms: float = 600,
              host: str = "127.0.0.1") -> Iterator[Link]:
    """A proxy to ``host:target_port`` on a free local port, run by an event loop in a background thread."""
    link = Link()
    rate, delay = kbit * 1000 / 8, rtt_ms / 2000  # bytes per second each way; one-way seconds
    loop = asyncio.new_event_loop()

    def up(n: int) -> None:
        link.up += n

    def down(n: int) -> None:
        link.down += n

    async def handle(client_r: asyncio.StreamReader, client_w: asyncio.StreamWriter) -> None:
        accepted = loop.time()
        link.connections += 1
        try:
            server_r, server_w = await asyncio.open_connection(host, target_port)
        except OSError:
            client_w.close()
            return
        try:
            # SYN out and SYN-ACK back: the client's first byte leaves one round trip after connecting.
            await asyncio.gather(_pump(client_r, server_w, rate, delay, accepted + 2 * delay, up),
                                 _pump(server_r, client_w, rate, delay, accepted, down))
        except (OSError, asyncio.CancelledError):
            pass  # one end went away (or the proxy is stopping); close both below
        finally:
            client_w.close()
            server_w.close()

    async def stop() -> None:
        server.close()
        tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    thread = threading.Thread(target=loop.run_forever, name="throttle", daemon=True)
    thread.start()
    server = asyncio.run_coroutine_threadsafe(asyncio.start_server(handle, "127.0.0.1", 0), loop).result()
    link.port = server.sockets[0].getsockname()[1]
    try:
        yield link
    finally:
        asyncio.run_coroutine_threadsafe(stop(), loop).result(timeout=10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)
        loop.close()
