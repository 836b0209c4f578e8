"""A round-robin TCP balancer: each connection goes to the next worker that accepts it."""

from __future__ import annotations

import asyncio
import contextlib
import itertools

from tests.tcp_proxy import Streams, TcpProxy


class Balancer(TcpProxy):
    """Listen on 127.0.0.1:<port>; spread connections over the upstreams, skipping dead ones."""

    def __init__(self, upstreams: list[tuple[str, int]]) -> None:
        super().__init__(*upstreams[0])
        self.upstreams = upstreams
        self.chosen: list[int] = []  # which upstream each connection went to
        self._turn = itertools.cycle(range(len(upstreams)))

    async def _upstream(self) -> Streams | None:
        # Like a proxy with health checks: a worker that refuses the connection is skipped.
        for _ in self.upstreams:
            index = next(self._turn)
            with contextlib.suppress(OSError):
                connection = await asyncio.open_connection(*self.upstreams[index])
                self.chosen.append(index)
                return connection
        return None
