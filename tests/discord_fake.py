"""A local fake Discord: the gateway WebSocket and the REST API, on 127.0.0.1, for tests.

It speaks just enough of Discord's protocol for discord.py 2.7 to log in, connect, receive
messages and interactions, and send, edit and upload. Every REST call and gateway frame is
recorded for assertions; ``fail_next`` makes the next matching REST call answer 429 or 500.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

TOKEN = "fake-token"
APP_ID = 1100000000000000001  # the application and its bot user share the id, as on Discord
BOT_ID = APP_ID
GUILD_ID = 1200000000000000001
GUILD_CHANNEL_ID = 1200000000000000002
USER_ID = 1300000000000000001
OTHER_USER_ID = 1300000000000000002
OTHER_BOT_ID = 1300000000000000099
TIMESTAMP = "2025-01-01T00:00:00.000000+00:00"
API_PREFIX = "/api/v10"
JSON = "application/json"
# Intent bits discord.py sends in IDENTIFY.
INTENT_GUILDS = 1 << 0
INTENT_DM_MESSAGES = 1 << 12
INTENT_MESSAGE_CONTENT = 1 << 15


@dataclass
class FilePart:
    """One uploaded file of a multipart body."""

    field: str
    filename: str
    data: bytes


@dataclass
class RestCall:
    """One REST request as the fake saw it, and the status it answered."""

    method: str
    path: str
    query: dict[str, str]
    json: Any
    files: list[FilePart]
    headers: dict[str, str]
    at: float
    status: int = 200
    response: Any = None

    @property
    def payload(self) -> dict[str, Any]:
        """The message part of the body (an interaction callback nests it under ``data``)."""
        body = self.json if isinstance(self.json, dict) else {}
        if self.path.endswith("/callback"):
            data = body.get("data")
            return data if isinstance(data, dict) else {}
        return body

    @property
    def content(self) -> str:
        """The message text the call carried ('' when none)."""
        return str(self.payload.get("content") or "")

    @property
    def custom_ids(self) -> list[str]:
        """The custom ids of every button in the call's components."""
        return [
            c["custom_id"] for c in _walk(self.payload.get("components") or []) if "custom_id" in c
        ]

    @property
    def buttons(self) -> list[tuple[str, str]]:
        """Every button of the call's components as (label, custom id)."""
        return [
            (str(c.get("label") or c.get("emoji", {}).get("name") or ""), c["custom_id"])
            for c in _walk(self.payload.get("components") or [])
            if c.get("type") == 2 and "custom_id" in c
        ]

    @property
    def ok(self) -> bool:
        """Whether the fake answered 2xx."""
        return 200 <= self.status < 300


@dataclass
class Frame:
    """One gateway frame: ``recv`` came from the bot, ``send`` went to it."""

    direction: str
    op: int
    t: str | None
    s: int | None
    d: Any
    at: float


@dataclass
class _Failure:
    status: int
    path_contains: str
    retry_after: float
    body: dict[str, Any] | None


@dataclass
class _Connection:
    ws: web.WebSocketResponse
    seq: int = 0
    identified: bool = False
    shard: list[int] | None = None
    intents: int = 0


@dataclass
class FakeDiscord:
    """The fake server; ``async with fake_discord() as fake`` runs one."""

    token: str = TOKEN
    heartbeat_interval_ms: int = 41_250
    shards: int = 1
    calls: list[RestCall] = field(default_factory=list)
    frames: list[Frame] = field(default_factory=list)
    dispatched: dict[int, float] = field(default_factory=dict)  # interaction id → sent at
    messages: dict[int, dict[str, Any]] = field(default_factory=dict)
    commands: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    port: int = 0

    def __post_init__(self) -> None:
        self._ids = _Snowflakes()
        self._failures: list[_Failure] = []
        self._holds: list[tuple[str, asyncio.Event]] = []
        self._connections: list[_Connection] = []
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        # Per interaction token: its channel, its type, the message pressed, the original response.
        self._token_channels: dict[str, int] = {}
        self._interaction_types: dict[str, int] = {}
        self._pressed: dict[str, int] = {}
        self._originals: dict[str, int] = {}
        # Files people attached, served as Discord's CDN serves them; every download counted.
        self.files: dict[str, bytes] = {}
        self.downloads: list[str] = []

    # ---- lifecycle ---------------------------------------------------------------------------

    async def start(self) -> None:
        """Listen on 127.0.0.1 on a free port."""
        app = web.Application(client_max_size=50 * 1024 * 1024)
        app.router.add_get("/gateway", self._gateway)
        app.router.add_get("/cdn/{name}", self._cdn)
        app.router.add_route("*", API_PREFIX + "/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[attr-defined]

    async def close(self) -> None:
        """Close every gateway connection and stop listening."""
        for connection in list(self._connections):
            await connection.ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_url(self) -> str:
        """What DISCORD_API_BASE_URL is set to."""
        return f"http://127.0.0.1:{self.port}{API_PREFIX}"

    @property
    def gateway_url(self) -> str:
        """What DISCORD_GATEWAY_URL is set to."""
        return f"ws://127.0.0.1:{self.port}/gateway"

    # ---- controls ----------------------------------------------------------------------------

    def fail_next(
        self,
        status: int,
        path_contains: str = "",
        *,
        retry_after: float = 0.05,
        body: dict[str, Any] | None = None,
    ) -> None:
        """Make the next REST call whose path contains ``path_contains`` answer ``status``."""
        self._failures.append(_Failure(status, path_contains, retry_after, body))

    def hold_next(self, path_contains: str, method: str = "POST") -> asyncio.Event:
        """Keep the next such REST call waiting for its answer until the event is set."""
        release = asyncio.Event()
        self._holds.append((f"{method} {path_contains}", release))
        return release

    def mark(self) -> int:
        """A position in the call log, for ``since=``."""
        return len(self.calls)

    def calls_since(self, since: int) -> list[RestCall]:
        """The calls recorded after a mark."""
        return self.calls[since:]

    async def wait_for(
        self,
        predicate: Callable[[RestCall], bool],
        *,
        since: int = 0,
        timeout: float = 10.0,
    ) -> RestCall:
        """The first call after ``since`` that matches; fails the test after ``timeout``."""

        def found() -> RestCall | None:
            return next((c for c in self.calls[since:] if predicate(c)), None)

        async def wait() -> RestCall:
            async with self._changed:
                await self._changed.wait_for(lambda: found() is not None)
            call = found()
            assert call is not None
            return call

        try:
            return await asyncio.wait_for(wait(), timeout)
        except TimeoutError:
            seen = "\n".join(describe(c) for c in self.calls[since:])
            raise AssertionError(f"no matching REST call within {timeout}s; saw:\n{seen}") from None

    async def wait_for_message(
        self, containing: str, *, since: int = 0, timeout: float = 10.0
    ) -> RestCall:
        """The first message the bot sent (any way) after ``since`` whose text contains it."""
        return await self.wait_for(
            lambda c: c.ok and is_message_send(c) and containing in c.content,
            since=since,
            timeout=timeout,
        )

    async def wait_identified(self, timeout: float = 10.0) -> None:
        """Wait until a bot has identified on the gateway."""
        async with asyncio.timeout(timeout), self._changed:
            await self._changed.wait_for(lambda: any(c.identified for c in self._connections))

    def sent_messages(self, since: int = 0) -> list[RestCall]:
        """Every successful call after ``since`` that put a message in front of someone."""
        return [c for c in self.calls[since:] if c.ok and is_message_send(c)]

    # ---- gateway -----------------------------------------------------------------------------

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        """Send one dispatch (op 0) to the shard that owns it, with its next sequence."""
        if event == "INTERACTION_CREATE":
            self.dispatched[int(data["id"])] = time.monotonic()
        guild_id = int(data["guild_id"]) if data.get("guild_id") else None
        for connection in self._connections:
            if connection.identified and _owns(connection.shard, guild_id):
                connection.seq += 1
                shown = _as_seen(event, data, connection.intents)
                await self._send(connection, {"op": 0, "t": event, "s": connection.seq, "d": shown})

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        connection = _Connection(ws)
        self._connections.append(connection)
        try:
            await self._send(
                connection, {"op": 10, "d": {"heartbeat_interval": self.heartbeat_interval_ms}}
            )
            async for message in ws:
                if message.type != WSMsgType.TEXT:
                    continue
                payload = json.loads(message.data)
                op, d = payload.get("op"), payload.get("d")
                self.frames.append(Frame("recv", op, None, None, d, time.monotonic()))
                if op == 1:  # heartbeat
                    await self._send(connection, {"op": 11})
                elif op == 2:  # identify
                    await self._identify(connection, d)
                elif op == 6:  # resume: nothing was missed, as far as this fake knows
                    connection.identified = True
                    connection.seq += 1
                    await self._send(
                        connection, {"op": 0, "t": "RESUMED", "s": connection.seq, "d": {}}
                    )
        finally:
            self._connections.remove(connection)
        return ws

    async def _identify(self, connection: _Connection, d: dict[str, Any]) -> None:
        if d.get("token") != self.token:
            await connection.ws.close(code=4004, message=b"Authentication failed.")
            return
        connection.intents = int(d.get("intents", 0))
        connection.shard = d.get("shard")
        owner = _owns(connection.shard, GUILD_ID)
        ready: dict[str, Any] = {
            "v": 10,
            "user": user_payload(BOT_ID, "ResumeCoach", bot=True),
            "guilds": [{"id": str(GUILD_ID), "unavailable": True}] if owner else [],
            "session_id": f"session-{next(self._ids)}",
            "resume_gateway_url": self.gateway_url,
            "application": {"id": str(APP_ID), "flags": 0},
            "private_channels": [],
            "relationships": [],
        }
        if connection.shard is not None:
            ready["shard"] = connection.shard
        connection.seq += 1
        await self._send(connection, {"op": 0, "t": "READY", "s": connection.seq, "d": ready})
        if owner:
            connection.seq += 1
            await self._send(
                connection,
                {"op": 0, "t": "GUILD_CREATE", "s": connection.seq, "d": guild_payload()},
            )
        connection.identified = True
        await self._notify()

    async def _send(self, connection: _Connection, payload: dict[str, Any]) -> None:
        self.frames.append(
            Frame(
                "send",
                payload["op"],
                payload.get("t"),
                payload.get("s"),
                payload.get("d"),
                time.monotonic(),
            )
        )
        if not connection.ws.closed:
            await connection.ws.send_str(json.dumps(payload))

    # ---- REST --------------------------------------------------------------------------------

    async def _rest(self, request: web.Request) -> web.StreamResponse:
        path = "/" + request.match_info["tail"]
        body, files = await _read_body(request)
        call = RestCall(
            request.method,
            path,
            dict(request.query),
            body,
            files,
            dict(request.headers),
            time.monotonic(),
        )
        self.calls.append(call)
        hold = next(
            (
                h
                for h in self._holds
                if h[0].partition(" ")[2] in path and h[0].startswith(request.method)
            ),
            None,
        )
        if hold is not None:
            self._holds.remove(hold)
            call.status = 0  # not answered yet
            await self._notify()
            await hold[1].wait()
            if request.transport is None or request.transport.is_closing():
                # The bot went away while waiting: taken as never sent, nothing is stored.
                call.status = 499
                await self._notify()
                return web.Response(status=499)
        try:
            failure = next(
                (f for f in self._failures if f.path_contains in path),
                None,
            )
            if failure is not None:
                self._failures.remove(failure)
                call.status = failure.status
                return _failure_response(failure)
            if (
                not _token_free(path)
                and request.headers.get("Authorization") != f"Bot {self.token}"
            ):
                call.status = 401
                return _json({"message": "401: Unauthorized", "code": 0}, 401)
            status, answer = self._route(request.method, path, body, files, dict(request.query))
            call.status, call.response = status, answer
            if status == 204:
                return web.Response(status=204)
            return _json(answer, status)
        finally:
            await self._notify()

    def _route(
        self,
        method: str,
        path: str,
        body: Any,
        files: list[FilePart],
        query: dict[str, str] | None = None,
    ) -> tuple[int, Any]:
        parts = path.strip("/").split("/")
        raw, body = body, body if isinstance(body, dict) else {}
        if path == "/users/@me" and method == "GET":
            return 200, user_payload(BOT_ID, "ResumeCoach", bot=True)
        if path == "/oauth2/applications/@me" and method == "GET":
            return 200, application_payload()
        if path == "/gateway/bot" and method == "GET":
            return 200, {
                "url": self.gateway_url,
                "shards": self.shards,
                "session_start_limit": {
                    "total": 1000,
                    "remaining": 999,
                    "reset_after": 0,
                    "max_concurrency": 1,
                },
            }
        if path == "/gateway" and method == "GET":
            return 200, {"url": self.gateway_url}
        if parts[0] == "applications" and parts[-1] == "commands":
            key = "global" if len(parts) == 3 else parts[3]
            if method == "PUT":
                self.commands[key] = [
                    command_payload(c, next(self._ids), None if key == "global" else key)
                    for c in (raw if isinstance(raw, list) else [])
                ]
            return 200, self.commands.get(key, [])
        if path == "/users/@me/channels" and method == "POST":
            recipient = int(body["recipient_id"])
            return 200, dm_channel_payload(recipient)
        if parts[0] == "channels" and parts[-1] == "messages" and method == "POST":
            return 200, self._store_message(int(parts[1]), body, files)
        if parts[0] == "channels" and parts[-1] == "messages" and method == "GET":
            return 200, self._history(int(parts[1]), query)
        if parts[0] == "channels" and len(parts) == 4 and method == "PATCH":
            return 200, self._edit_message(int(parts[3]), body)
        if parts[0] == "interactions" and parts[-1] == "callback" and method == "POST":
            return 200, self._callback(int(parts[1]), parts[2], body, files)
        if parts[0] == "webhooks" and len(parts) == 3 and method == "POST":
            channel = self._channel_of_token(parts[2])
            return 200, self._store_message(channel, body, files, webhook=True)
        if parts[0] == "webhooks" and len(parts) == 5:
            message_id = (
                self._originals.get(parts[2], 0) if parts[4] == "@original" else int(parts[4])
            )
            if message_id not in self.messages:
                return 404, {"message": "Unknown Message", "code": 10008}
            if method == "PATCH":
                return 200, self._edit_message(message_id, body, files)
            if method == "DELETE":
                self.messages.pop(message_id, None)
                return 204, None
            return 200, self.messages[message_id]
        return 404, {"message": "404: Not Found", "code": 0}

    def _store_message(
        self,
        channel_id: int,
        body: dict[str, Any],
        files: list[FilePart],
        *,
        webhook: bool = False,
        flags: int = 0,
    ) -> dict[str, Any]:
        message_id = next(self._ids)
        message = message_payload(
            message_id,
            channel_id,
            BOT_ID,
            str(body.get("content") or ""),
            bot=True,
            components=body.get("components") or [],
            flags=int(body.get("flags") or flags),
            attachments=[
                {
                    "id": str(next(self._ids)),
                    "filename": f.filename,
                    "size": len(f.data),
                    "url": f"https://cdn.invalid/{f.filename}",
                    "proxy_url": f"https://cdn.invalid/{f.filename}",
                }
                for f in files
            ],
        )
        if webhook:
            message["webhook_id"] = str(APP_ID)
        self.messages[message_id] = message
        return message

    def _history(self, channel_id: int, query: dict[str, str] | None) -> list[dict[str, Any]]:
        """A channel's messages as Discord answers: newest first, after/before an id."""
        query = query or {}
        limit = int(query.get("limit", 50))
        found = sorted(
            (m for m in self.messages.values() if int(m["channel_id"]) == channel_id),
            key=lambda m: int(m["id"]),
        )
        if "after" in query:
            # The oldest ``limit`` after the id, newest first.
            found = [m for m in found if int(m["id"]) > int(query["after"])][:limit]
        else:
            if "before" in query:
                found = [m for m in found if int(m["id"]) < int(query["before"])]
            found = found[-limit:]
        return list(reversed(found))

    def _edit_message(
        self, message_id: int, body: dict[str, Any], files: list[FilePart] | None = None
    ) -> dict[str, Any]:
        message = self.messages[message_id]
        for key in ("content", "components", "flags"):
            if key in body:
                message[key] = body[key] if body[key] is not None else ""
        message["edited_timestamp"] = TIMESTAMP
        return message

    def _callback(
        self, interaction_id: int, token: str, body: dict[str, Any], files: list[FilePart]
    ) -> dict[str, Any]:
        kind = int(body.get("type", 0))
        data = body.get("data") or {}
        channel = self._channel_of_token(token)
        answer: dict[str, Any] = {
            "interaction": {
                "id": str(interaction_id),
                "type": self._interaction_types.get(token, 2),
                "response_message_loading": kind == 5,
                "response_message_ephemeral": bool(int(data.get("flags") or 0) & 64),
            }
        }
        if kind in {4, 5}:
            message = self._store_message(channel, data, files, webhook=True)
            self._originals[token] = int(message["id"])
            answer["interaction"]["response_message_id"] = message["id"]
            answer["resource"] = {"type": kind, "message": message}
        elif kind == 7:
            message_id = self._pressed.get(token)
            if message_id in self.messages:
                message = self._edit_message(message_id, data)
                answer["resource"] = {"type": kind, "message": message}
        else:
            answer["resource"] = {"type": kind}
        return answer

    # ---- what tests send ---------------------------------------------------------------------

    def _channel_of_token(self, token: str) -> int:
        return self._token_channels.get(token, GUILD_CHANNEL_ID)

    async def send_dm(self, text: str, *, user_id: int = USER_ID, bot: bool = False) -> int:
        """A person (or a bot) writes in their DM with the bot; the message id."""
        message_id = next(self._ids)
        payload = message_payload(message_id, dm_channel_id(user_id), user_id, text, bot=bot)
        # Kept in the channel's history even when no bot is connected to be told about it.
        self.messages[message_id] = payload
        await self.dispatch("MESSAGE_CREATE", payload)
        return message_id

    def attachment(
        self, filename: str, data: bytes, declared_size: int | None = None
    ) -> dict[str, Any]:
        """An attachment's payload, its bytes served at a local CDN address."""
        attachment_id = next(self._ids)
        name = f"{attachment_id}-{filename}"
        self.files[name] = data
        url = f"http://127.0.0.1:{self.port}/cdn/{name}"
        return {
            "id": str(attachment_id),
            "filename": filename,
            "size": len(data) if declared_size is None else declared_size,
            "url": url,
            "proxy_url": url,
        }

    async def send_dm_file(
        self,
        filename: str,
        data: bytes,
        *,
        declared_size: int | None = None,
        user_id: int = USER_ID,
    ) -> int:
        """A person sends a file (and no text) in their DM with the bot; the message id."""
        message_id = next(self._ids)
        payload = message_payload(message_id, dm_channel_id(user_id), user_id, "")
        payload["attachments"] = [self.attachment(filename, data, declared_size)]
        self.messages[message_id] = payload
        await self.dispatch("MESSAGE_CREATE", payload)
        return message_id

    async def slash_with_file(
        self, name: str, filename: str, data: bytes, *, guild: bool = False, user_id: int = USER_ID
    ) -> int:
        """A person runs a slash command whose ``file`` option is an attachment."""
        attachment = self.attachment(filename, data)
        command = {
            "id": str(next(self._ids)),
            "name": name,
            "type": 1,
            "options": [{"name": "file", "type": 11, "value": attachment["id"]}],
            "resolved": {"attachments": {attachment["id"]: attachment}},
        }
        return await self._interact(2, command, guild=guild, user_id=user_id)

    async def _cdn(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        if name not in self.files:
            return web.Response(status=404)
        self.downloads.append(name)
        return web.Response(body=self.files[name], content_type="application/octet-stream")

    async def send_guild_message(self, text: str, *, user_id: int = USER_ID) -> int:
        """A person writes in the server's text channel."""
        message_id = next(self._ids)
        payload = message_payload(message_id, GUILD_CHANNEL_ID, user_id, text)
        payload["guild_id"] = str(GUILD_ID)
        payload["member"] = member_payload(user_id)
        await self.dispatch("MESSAGE_CREATE", payload)
        return message_id

    async def slash(
        self,
        name: str,
        options: dict[str, str] | None = None,
        *,
        guild: bool = True,
        user_id: int = USER_ID,
        guild_command: bool = False,
    ) -> int:
        """A person runs a slash command, in the server or in the DM; the interaction id."""
        data: dict[str, Any] = {"id": str(next(self._ids)), "name": name, "type": 1}
        if options:
            data["options"] = [{"name": k, "type": 3, "value": v} for k, v in options.items()]
        if guild_command:
            data["guild_id"] = str(GUILD_ID)
        return await self._interact(2, data, guild=guild, user_id=user_id)

    async def press(
        self, message: dict[str, Any] | RestCall, custom_id: str, *, user_id: int = USER_ID
    ) -> int:
        """A person presses a button of a message the bot sent; the interaction id."""
        stored = self._message_of(message)
        channel = int(stored["channel_id"])
        return await self._interact(
            3,
            {"custom_id": custom_id, "component_type": 2},
            guild=channel == GUILD_CHANNEL_ID,
            user_id=user_id,
            message=stored,
        )

    async def submit_modal(
        self,
        custom_id: str,
        values: dict[str, str],
        *,
        guild: bool = False,
        user_id: int = USER_ID,
    ) -> int:
        """A person submits a modal (type 5) with these text input values."""
        rows = [
            {"type": 1, "components": [{"type": 4, "custom_id": k, "value": v}]}
            for k, v in values.items()
        ]
        return await self._interact(
            5, {"custom_id": custom_id, "components": rows}, guild=guild, user_id=user_id
        )

    def _message_of(self, message: dict[str, Any] | RestCall) -> dict[str, Any]:
        """The message as stored now (edits included), from a send call or a message."""
        if isinstance(message, RestCall):
            answer = message.response if isinstance(message.response, dict) else {}
            message = (answer.get("resource") or {}).get("message") or answer
        return self.messages[int(message["id"])]

    async def _interact(
        self,
        kind: int,
        data: dict[str, Any],
        *,
        guild: bool,
        user_id: int,
        message: dict[str, Any] | None = None,
    ) -> int:
        interaction_id = next(self._ids)
        token = f"interaction-token-{interaction_id}"
        user = user_payload(user_id, f"user{user_id % 1000}")
        payload: dict[str, Any] = {
            "id": str(interaction_id),
            "application_id": str(APP_ID),
            "type": kind,
            "data": data,
            "token": token,
            "version": 1,
            "locale": "en-US",
            "app_permissions": "562949953421311",
            "entitlements": [],
            "attachment_size_limit": 10 * 1024 * 1024,
        }
        if guild:
            channel_id = GUILD_CHANNEL_ID
            payload.update(
                guild_id=str(GUILD_ID),
                guild_locale="en-US",
                channel_id=str(channel_id),
                channel=guild_channel_payload(),
                member=member_payload(user_id),
                authorizing_integration_owners={"0": str(GUILD_ID)},
                context=0,
            )
        else:
            channel_id = dm_channel_id(user_id)
            payload.update(
                channel_id=str(channel_id),
                channel=dm_channel_payload(user_id),
                user=user,
                authorizing_integration_owners={"0": str(user_id)},
                context=1,
            )
        if message is not None:
            payload["message"] = dict(message)
            self._pressed[token] = int(message["id"])
        self._token_channels[token] = channel_id
        self._interaction_types[token] = kind
        await self.dispatch("INTERACTION_CREATE", payload)
        return interaction_id

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    # ---- transcript --------------------------------------------------------------------------

    def transcript(self) -> list[str]:
        """Gateway frames and REST calls in the order they happened, one line each."""
        lines: list[tuple[float, str]] = []
        names = {
            0: "DISPATCH",
            1: "HEARTBEAT",
            2: "IDENTIFY",
            6: "RESUME",
            10: "HELLO",
            11: "HEARTBEAT_ACK",
        }
        for frame in self.frames:
            arrow = "gateway ← bot" if frame.direction == "recv" else "gateway → bot"
            what = frame.t if frame.op == 0 else names.get(frame.op, f"op {frame.op}")
            extra = ""
            if frame.op == 2 and isinstance(frame.d, dict):
                extra = f" intents={frame.d.get('intents')} shard={frame.d.get('shard')}"
            elif frame.op == 0 and frame.t == "INTERACTION_CREATE":
                d = frame.d
                extra = f" type={d['type']} " + str(
                    d["data"].get("name") or d["data"].get("custom_id")
                )
            elif frame.op == 0 and frame.t == "MESSAGE_CREATE":
                extra = f" ({len(frame.d.get('content', ''))} chars)"
            seq = f" s={frame.s}" if frame.s is not None else ""
            lines.append((frame.at, f"{arrow}: {what}{seq}{extra}"))
        for call in self.calls:
            lines.append((call.at, "REST " + describe(call)))
        return [text for _, text in sorted(lines, key=lambda pair: pair[0])]


# ---- payloads ----------------------------------------------------------------------------


def user_payload(user_id: int, name: str, *, bot: bool = False) -> dict[str, Any]:
    """A Discord user object."""
    return {
        "id": str(user_id),
        "username": name,
        "global_name": None,
        "discriminator": "0",
        "avatar": None,
        "bot": bot,
        "public_flags": 0,
    }


def member_payload(user_id: int) -> dict[str, Any]:
    """A guild member object for a person in the test server."""
    return {
        "user": user_payload(user_id, f"user{user_id % 1000}"),
        "roles": [],
        "joined_at": TIMESTAMP,
        "deaf": False,
        "mute": False,
        "flags": 0,
        "pending": False,
        "permissions": "562949953421311",
    }


def application_payload() -> dict[str, Any]:
    """The application behind the bot."""
    return {
        "id": str(APP_ID),
        "name": "Resume Coach",
        "icon": None,
        "description": "",
        "summary": "",
        "bot_public": True,
        "bot_require_code_grant": False,
        "verify_key": "0" * 64,
        "flags": 0,
        "team": None,
        "owner": user_payload(OTHER_USER_ID, "owner"),
        "bot": user_payload(BOT_ID, "ResumeCoach", bot=True),
    }


def guild_channel_payload() -> dict[str, Any]:
    """The server's text channel."""
    return {
        "id": str(GUILD_CHANNEL_ID),
        "type": 0,
        "guild_id": str(GUILD_ID),
        "name": "general",
        "position": 0,
        "permission_overwrites": [],
        "nsfw": False,
        "parent_id": None,
        "topic": None,
        "last_message_id": None,
        "rate_limit_per_user": 0,
    }


def guild_payload() -> dict[str, Any]:
    """The test server, as GUILD_CREATE carries it."""
    return {
        "id": str(GUILD_ID),
        "name": "Test Server",
        "icon": None,
        "owner_id": str(OTHER_USER_ID),
        "unavailable": False,
        "member_count": 3,
        "large": False,
        "joined_at": TIMESTAMP,
        "features": [],
        "channels": [guild_channel_payload()],
        "threads": [],
        "roles": [
            {
                "id": str(GUILD_ID),
                "name": "@everyone",
                "permissions": "1024",
                "position": 0,
                "color": 0,
                "hoist": False,
                "managed": False,
                "mentionable": False,
                "flags": 0,
            }
        ],
        "members": [],
        "emojis": [],
        "stickers": [],
        "presences": [],
        "voice_states": [],
        "stage_instances": [],
        "guild_scheduled_events": [],
        "soundboard_sounds": [],
        "premium_tier": 0,
        "preferred_locale": "en-US",
        "verification_level": 0,
        "nsfw_level": 0,
        "mfa_level": 0,
        "explicit_content_filter": 0,
        "default_message_notifications": 0,
        "system_channel_flags": 0,
    }


def _as_seen(event: str, data: dict[str, Any], intents: int) -> dict[str, Any]:
    """A message as a bot without the message content intent sees it, as Discord sends it.

    The text of a server message that does not mention the bot is blanked; DMs arrive whole.
    """
    if event != "MESSAGE_CREATE" or not data.get("guild_id") or intents & INTENT_MESSAGE_CONTENT:
        return data
    if any(int(user["id"]) == BOT_ID for user in data.get("mentions", [])):
        return data
    return {**data, "content": "", "embeds": [], "attachments": [], "components": []}


def dm_channel_id(user_id: int) -> int:
    """The id of a person's DM channel with the bot (stable, as on Discord)."""
    return user_id + 10_000_000


def dm_channel_payload(user_id: int) -> dict[str, Any]:
    """A person's DM channel with the bot."""
    return {
        "id": str(dm_channel_id(user_id)),
        "type": 1,
        "last_message_id": None,
        "recipients": [user_payload(user_id, f"user{user_id % 1000}")],
    }


def message_payload(
    message_id: int,
    channel_id: int,
    author_id: int,
    content: str,
    *,
    bot: bool = False,
    components: list[Any] | None = None,
    flags: int = 0,
    attachments: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """A message object."""
    name = "ResumeCoach" if author_id == BOT_ID else f"user{author_id % 1000}"
    return {
        "id": str(message_id),
        "channel_id": str(channel_id),
        "author": user_payload(author_id, name, bot=bot),
        "content": content,
        "timestamp": TIMESTAMP,
        "edited_timestamp": None,
        "tts": False,
        "mention_everyone": False,
        "mentions": [],
        "mention_roles": [],
        "attachments": attachments or [],
        "embeds": [],
        "pinned": False,
        "type": 0,
        "flags": flags,
        "components": components or [],
    }


def command_payload(command: dict[str, Any], command_id: int, guild: str | None) -> dict[str, Any]:
    """A stored application command, as Discord answers a PUT or GET."""
    stored = {
        "id": str(command_id),
        "application_id": str(APP_ID),
        "version": str(command_id),
        "type": 1,
        "default_member_permissions": None,
        "nsfw": False,
        "options": [],
        **command,
    }
    if guild is not None:
        stored["guild_id"] = guild
    return stored


# ---- helpers -----------------------------------------------------------------------------


DISCORD_EPOCH_MS = 1_420_070_400_000


class _Snowflakes:
    """Ids as Discord makes them: the time in their high bits, so they grow with the clock."""

    def __init__(self) -> None:
        self._last = 0

    def __iter__(self) -> _Snowflakes:
        return self

    def __next__(self) -> int:
        now = (int(time.time() * 1000) - DISCORD_EPOCH_MS) << 22
        self._last = max(self._last + 1, now)
        return self._last


def is_message_send(call: RestCall) -> bool:
    """Whether a call creates or edits a message someone sees (content or components)."""
    parts = call.path.strip("/").split("/")
    if call.method == "POST" and parts[0] == "channels" and parts[-1] == "messages":
        return True
    if call.method in {"POST", "PATCH"} and parts[0] == "webhooks":
        return True
    if call.method == "PATCH" and parts[0] == "channels":
        return True
    if call.path.endswith("/callback"):
        return int((call.json or {}).get("type", 0)) in {4, 7}
    return False


def describe(call: RestCall) -> str:
    """One line about a call: method, path (tokens shortened), status, what it carried."""
    path = call.path
    for marker in ("interaction-token-",):
        if marker in path:
            head, _, tail = path.partition(marker)
            number, _, rest = tail.partition("/")
            path = f"{head}<token {number[-4:]}>" + (f"/{rest}" if rest else "")
    query = "?" + "&".join(f"{k}={v}" for k, v in call.query.items()) if call.query else ""
    bits = [f"{call.method} {path}{query} → {call.status}"]
    body = call.json
    if call.path.endswith("/callback") and isinstance(body, dict):
        bits.append(f"type={body.get('type')}")
        flags = (body.get("data") or {}).get("flags")
        if flags:
            bits.append(f"flags={flags}")
    if isinstance(body, list):
        bits.append("names=" + ",".join(str(c.get("name")) for c in body))
    if call.content:
        text = call.content.replace("\n", " ")
        bits.append(repr(text[:50] + ("…" if len(text) > 50 else "")))
    if call.custom_ids:
        bits.append("buttons=" + ",".join(call.custom_ids))
    if call.files:
        bits.append("files=" + ",".join(f.filename for f in call.files))
    return " ".join(bits)


def _walk(components: list[Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for component in components:
        if isinstance(component, dict):
            found.append(component)
            found.extend(_walk(component.get("components") or []))
    return found


def _owns(shard: list[int] | None, guild_id: int | None) -> bool:
    """Whether a connection gets a server's events: Discord's rule; DMs go to shard 0."""
    if shard is None:
        return True
    shard_id, count = shard
    return shard_id == ((guild_id >> 22) % count if guild_id is not None else 0)


def _token_free(path: str) -> bool:
    # Interaction callbacks and follow-ups are authorised by the interaction token in the path.
    return path.startswith(("/interactions/", "/webhooks/"))


def _json(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    # Exactly "application/json": discord.py reads anything else (even with a charset) as text.
    return web.Response(
        body=json.dumps(data).encode(), status=status, content_type=JSON, headers=headers
    )


def _failure_response(failure: _Failure) -> web.Response:
    if failure.status == 429:
        body = failure.body or {
            "message": "You are being rate limited.",
            "retry_after": failure.retry_after,
            "global": False,
        }
        return _json(
            body,
            429,
            {
                # discord.py takes a 429 without Via for a Cloudflare ban and gives up.
                "Via": "1.1 google",
                "Retry-After": str(max(1, round(failure.retry_after))),
                "X-RateLimit-Limit": "5",
                "X-RateLimit-Remaining": "0",
                "X-RateLimit-Reset-After": str(failure.retry_after),
                "X-RateLimit-Bucket": "fake-bucket",
                "X-RateLimit-Scope": "user",
            },
        )
    body = failure.body or {"message": f"{failure.status}: fake failure", "code": 0}
    return _json(body, failure.status)


async def _read_body(request: web.Request) -> tuple[Any, list[FilePart]]:
    """The JSON body, or a multipart body's payload_json and files."""
    if not request.can_read_body:
        return None, []
    kind = request.content_type
    if kind.startswith("multipart/"):
        payload: Any = None
        files: list[FilePart] = []
        reader = await request.multipart()
        while True:
            part = await reader.next()
            if part is None:
                break
            data = await part.read()  # type: ignore[union-attr]
            name = part.name or ""
            if name == "payload_json":
                payload = json.loads(data)
            elif part.filename is not None:
                files.append(FilePart(name, part.filename, bytes(data)))
        return payload, files
    raw = await request.read()
    if not raw:
        return None, []
    return json.loads(raw), []


@asynccontextmanager
async def fake_discord(**options: Any) -> AsyncIterator[FakeDiscord]:
    """A running fake Discord, closed afterwards."""
    fake = FakeDiscord(**options)
    await fake.start()
    try:
        yield fake
    finally:
        await fake.close()
