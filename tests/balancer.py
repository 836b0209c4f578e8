"""A round-robin TCP balancer: each connection goes to the next worker that accepts it."""

from __future__ import annotations

import asyncio
import contextlib
import itertools


class Balancer:
    """Listen on 127.0.0.1:<port>; spread connections over the upstreams, skipping dead ones."""

    def __init__(self, upstreams: list[tuple[str, int]]) -> None:
        self.upstreams = upstreams
        self.port = 0
        self.chosen: list[int] = []  # which upstream each connection went to
        self._turn = itertools.cycle(range(len(upstreams)))
        self._server: asyncio.Server | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    async def start(self) -> None:
        """Listen (on ``port`` if set beforehand, else on a free one)."""
        self._server = await asyncio.start_server(self._client, "127.0.0.1", self.port)
        self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        """Stop listening and drop every connection."""
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None
        for task in list(self._tasks):
            task.cancel()

    async def _connect(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter] | None:
        # Like a proxy with health checks: a worker that refuses the connection is skipped.
        for _ in self.upstreams:
            index = next(self._turn)
            with contextlib.suppress(OSError):
                connection = await asyncio.open_connection(*self.upstreams[index])
                self.chosen.append(index)
                return connection
        return None

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        upstream = await self._connect()
        if upstream is None:
            writer.close()
            return
        up_reader, up_writer = upstream
        pipes = [
            asyncio.create_task(self._pipe(reader, up_writer)),
            asyncio.create_task(self._pipe(up_reader, writer)),
        ]
        self._tasks.update(pipes)
        await asyncio.wait(pipes, return_when=asyncio.FIRST_COMPLETED)
        for pipe in pipes:
            pipe.cancel()
            self._tasks.discard(pipe)
        for end in (writer, up_writer):
            end.close()

    @staticmethod
    async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(OSError, asyncio.CancelledError):
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        # Pass a half-close on, so that an HTTP response ends where the worker ended it.
        with contextlib.suppress(OSError):
            if writer.can_write_eof():
                writer.write_eof()
