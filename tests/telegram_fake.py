"""A fake Telegram Bot API server for tests: real HTTP on 127.0.0.1, real long polling.

It answers the methods the adapter and python-telegram-bot use, checks what Telegram checks
(HTML markup, text length in UTF-16 units, callback data size), records every call, and lets a
test inject updates, wait for calls and make the next call of a method fail.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import re
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from aiohttp import web

from adapters.telegram_bot import App, build_application, start
from adapters.telegram_delivery import Dispatcher, Poller
from adapters.telegram_render import utf16_len
from bot.engine import Engine
from tests.telegram_webhook import WebhookSender

TOKEN = "123456:TEST-fake-token-Zq8wXy1"
BOT_ID = 123456
BOT_USERNAME = "ResumeCoachTestBot"
USER_ID = 5550001
GROUP_ID = -1001234567
ALLOWED_TAGS = frozenset({"b", "i", "u", "s", "code", "pre", "a"})
# Fields python-telegram-bot sends as JSON text inside form or multipart bodies.
JSON_FIELDS = frozenset(
    {
        "reply_markup",
        "commands",
        "scope",
        "allowed_updates",
        "entities",
        "caption_entities",
        "reply_parameters",
        "link_preview_options",
    }
)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z-]+=\"[^\"<>]*\")*\s*/?>")
_ENTITY = re.compile(r"&(?:lt|gt|amp|quot|#[0-9]+|#x[0-9A-Fa-f]+);")


class HtmlError(ValueError):
    """Markup Telegram would refuse with "can't parse entities"."""


class _TelegramHtml(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.text: list[str] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.problems.append(f'unsupported start tag "{tag}"')
        if tag == "a" and not any(name == "href" for name, _ in attrs):
            self.problems.append("a link without href")
        self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.problems.append(f'self-closing tag "{tag}"')

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.problems.append(f'unmatched end tag "{tag}"')
        else:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.problems.append("a comment")

    def handle_decl(self, decl: str) -> None:
        self.problems.append("a declaration")


def parse_telegram_html(markup: str) -> str:
    """The visible text of Telegram HTML; ``HtmlError`` when Telegram would refuse it."""
    # Every <, > and & outside a tag or an entity must have been escaped.
    stray = _ENTITY.sub("", _TAG.sub("", markup))
    for char in "<>&":
        if char in stray:
            raise HtmlError(f"unescaped {char!r}")
    parser = _TelegramHtml()
    parser.feed(markup)
    parser.close()
    if parser.open:
        parser.problems.append(f"unclosed tags {parser.open}")
    if parser.problems:
        raise HtmlError("; ".join(parser.problems))
    return "".join(parser.text)


@dataclass
class Call:
    """One request to the fake: the method, its decoded parameters, its files, the answer."""

    method: str
    params: dict[str, Any]
    files: dict[str, tuple[str, bytes]]
    at: float
    status: int | None = None
    result: Any = None

    @property
    def done(self) -> bool:
        """Whether the fake has answered it."""
        return self.status is not None

    @property
    def ok(self) -> bool:
        """Whether the answer was a success."""
        return self.status == 200

    @property
    def text(self) -> str:
        """The message text or caption, as sent (with markup)."""
        return str(self.params.get("text") or self.params.get("caption") or "")

    @property
    def visible(self) -> str:
        """The text a person would see."""
        if str(self.params.get("parse_mode", "")).upper() == "HTML":
            return parse_telegram_html(self.text)
        return self.text

    @property
    def buttons(self) -> list[tuple[str, str]]:
        """(label, callback data or URL) of every inline button."""
        markup = self.params.get("reply_markup") or {}
        return [
            (b["text"], b.get("callback_data") or b.get("url", ""))
            for row in markup.get("inline_keyboard", [])
            for b in row
        ]

    def button(self, label: str) -> str:
        """The callback data of the button whose label starts with ``label``."""
        for text, data in self.buttons:
            if text.casefold().startswith(label.casefold()):
                return data
        raise AssertionError(f"no button {label!r} in {self.buttons}")


@dataclass
class _Failure:
    status: int
    description: str
    retry_after: int | None


@dataclass
class FakeBotApi:
    """The fake server; ``await start()``, then ``base_url`` is what the bot talks to."""

    token: str = TOKEN
    calls: list[Call] = field(default_factory=list)
    messages: dict[tuple[int, int], dict[str, Any]] = field(default_factory=dict)
    port: int = 0

    def __post_init__(self) -> None:
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self.last_update_id = 0
        self._message_ids = itertools.count(100)
        self._query_ids = itertools.count(1)
        self._files: dict[str, tuple[str, bytes]] = {}
        self._failures: dict[str, list[_Failure]] = {}
        self._holds: dict[str, list[asyncio.Event]] = {}
        self._paused: dict[str, asyncio.Event] = {}
        self._runner: web.AppRunner | None = None
        self._closing = False
        self._tick = asyncio.Event()
        # Set by setWebhook: pending updates are then posted to the bot instead of polled.
        self.webhook = WebhookSender(self._updates, self._changed)
        self.webhook_set = False
        # Called with every call once it is answered (a test may kill the bot right then).
        self.on_answer: Callable[[Call], None] | None = None

    # ---- server ------------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """The Bot API URL in python-telegram-bot's form (the token is appended)."""
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        """Where files are downloaded from."""
        return f"http://127.0.0.1:{self.port}/file/bot"

    async def start(self) -> None:
        """Listen on 127.0.0.1 (a free port the first time, the same one after a restart)."""
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._api)
        app.router.add_get("/file/bot{token}/{path:.+}", self._download)
        # handler_cancellation: a long poll whose client went away stops waiting at once.
        self._runner = web.AppRunner(
            app, handler_cancellation=True, access_log=None, shutdown_timeout=1.0
        )
        self._closing = False
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", self.port)
        await site.start()
        self.port = self._runner.addresses[0][1]

    async def stop(self) -> None:
        """Close the port and every open connection."""
        # Long polls in progress return at once instead of holding the shutdown up.
        self._closing = True
        self._changed()
        await self.webhook.stop()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    def _changed(self) -> None:
        self._tick.set()
        self._tick = asyncio.Event()

    # ---- failures and waiting ----------------------------------------------------------------

    def fail_next(
        self,
        method: str,
        status: int = 400,
        description: str = "Bad Request: can't parse entities: unsupported start tag",
        retry_after: int | None = None,
    ) -> None:
        """Make the next call of ``method`` fail with this status (429: give retry_after)."""
        self._failures.setdefault(method, []).append(_Failure(status, description, retry_after))

    def hold_next(self, method: str) -> asyncio.Event:
        """Keep the next call of ``method`` waiting for an answer until the event is set."""
        release = asyncio.Event()
        self._holds.setdefault(method, []).append(release)
        return release

    def pause(self, method: str) -> asyncio.Event:
        """Keep every call of ``method`` waiting from now on, until the event is set."""
        release = self._paused.get(method)
        if release is None or release.is_set():
            release = self._paused[method] = asyncio.Event()
        return release

    def waiting(self, method: str) -> list[Call]:
        """The calls of ``method`` that have not been answered yet."""
        return [c for c in self.calls if c.method == method and not c.done]

    @property
    def pending_updates(self) -> int:
        """Updates not confirmed (polling) or not answered 2xx (webhook) yet."""
        return len(self._updates)

    def mark(self) -> int:
        """A position in the call list: pass it as ``since`` to wait only for later calls."""
        return len(self.calls)

    async def wait_for(
        self,
        predicate: Callable[[Call], bool],
        since: int = 0,
        timeout: float = 15.0,
        answered: bool = True,
    ) -> Call:
        """The first call from ``since`` on that matches (and is answered, unless told)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            tick = self._tick
            for call in self.calls[since:]:
                if (call.done or not answered) and predicate(call):
                    return call
            remaining = deadline - loop.time()
            if remaining <= 0:
                seen = [f"{c.method} {c.status} {c.text[:60]!r}" for c in self.calls[since:]]
                raise AssertionError(f"no matching call within {timeout}s; calls: {seen}")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(tick.wait(), remaining)

    async def wait_until(self, condition: Callable[[], bool], timeout: float = 15.0) -> None:
        """Wait, up to ``timeout``, until ``condition()`` holds; checked after every call."""
        await self.wait_for(lambda _call: condition(), 0, timeout)

    async def wait_call(
        self, method: str, contains: str = "", since: int = 0, timeout: float = 15.0
    ) -> Call:
        """The first successful ``method`` call whose visible text contains ``contains``."""
        return await self.wait_for(
            lambda c: c.method == method and c.ok and contains in c.visible, since, timeout
        )

    def sent(self, since: int = 0) -> list[Call]:
        """The successful sendMessage and sendDocument calls."""
        return [
            c
            for c in self.calls[since:]
            if c.ok and c.method in {"sendMessage", "sendDocument", "editMessageText"}
        ]

    def transcript(self, since: int = 0) -> list[str]:
        """One line per call except the polls: method, status and text."""
        lines = []
        for call in self.calls[since:]:
            if call.method == "getUpdates":
                continue
            detail = call.visible if call.text else ""
            extra = [f"[{label}]" for label, _ in call.buttons]
            if call.files:
                extra += [f"<file {name}>" for name, _ in call.files.values()]
            if call.method == "answerCallbackQuery" and call.params.get("text"):
                extra.append(f"note: {call.params['text']}")
            line = f"{call.method} {call.status} {detail[:70]!r} {' '.join(extra)}".rstrip()
            lines.append(line.replace("\n", "⏎"))
        return lines

    # ---- updates a test injects --------------------------------------------------------------

    @staticmethod
    def user(user_id: int = USER_ID, is_bot: bool = False) -> dict[str, Any]:
        """A Telegram user object."""
        return {"id": user_id, "is_bot": is_bot, "first_name": f"User{user_id}"}

    @staticmethod
    def private_chat(user_id: int = USER_ID) -> dict[str, Any]:
        """The private chat with a user."""
        return {"id": user_id, "type": "private", "first_name": f"User{user_id}"}

    @staticmethod
    def group_chat(chat_id: int = GROUP_ID) -> dict[str, Any]:
        """A supergroup."""
        return {"id": chat_id, "type": "supergroup", "title": "Backend devs"}

    def push(self, **update: Any) -> int:
        """Queue an update for getUpdates; its update_id."""
        update_id = self.last_update_id = next(self._update_ids)
        self._updates.append({"update_id": update_id, **update})
        self._changed()
        if self.webhook_set:
            self.webhook.notify()
        return update_id

    def _message(
        self, chat: dict[str, Any], sender: dict[str, Any], **content: Any
    ) -> dict[str, Any]:
        message = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": chat,
            "from": sender,
            **content,
        }
        self.messages[(chat["id"], message["message_id"])] = message
        return message

    @staticmethod
    def _entities(text: str, bot_username: str = BOT_USERNAME) -> list[dict[str, Any]]:
        entities = []
        command = re.match(r"/[A-Za-z0-9_]+(?:@[A-Za-z0-9_]+)?", text)
        if command:
            entities.append({"type": "bot_command", "offset": 0, "length": command.end()})
        for mention in re.finditer(r"@[A-Za-z0-9_]{5,}", text):
            if command and mention.start() < command.end():
                continue
            entities.append(
                {
                    "type": "mention",
                    "offset": utf16_len(text[: mention.start()]),
                    "length": utf16_len(mention.group()),
                }
            )
        return entities

    def send_text(
        self, text: str, user_id: int = USER_ID, *, edited: bool = False, from_bot: bool = False
    ) -> dict[str, Any]:
        """A text message (a command when it starts with /) in a private chat."""
        message = self._message(
            self.private_chat(user_id),
            self.user(user_id, is_bot=from_bot),
            text=text,
            entities=self._entities(text),
        )
        if edited:
            message["edit_date"] = int(time.time())
            self.push(edited_message=message)
        else:
            self.push(message=message)
        return message

    def send_group_text(
        self, text: str, user_id: int = USER_ID, *, reply_to_bot: bool = False
    ) -> dict[str, Any]:
        """A text message in a group; ``reply_to_bot`` makes it a reply to one of the bot's."""
        content: dict[str, Any] = {"text": text, "entities": self._entities(text)}
        if reply_to_bot:
            content["reply_to_message"] = {
                "message_id": 1,
                "date": int(time.time()),
                "chat": self.group_chat(),
                "from": {"id": BOT_ID, "is_bot": True, "first_name": "Coach"},
                "text": "an earlier message",
            }
        message = self._message(self.group_chat(), self.user(user_id), **content)
        self.push(message=message)
        return message

    def send_sticker(self, user_id: int = USER_ID) -> dict[str, Any]:
        """A sticker in a private chat."""
        sticker = {
            "file_id": "sticker-1",
            "file_unique_id": "s1",
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
        }
        message = self._message(self.private_chat(user_id), self.user(user_id), sticker=sticker)
        self.push(message=message)
        return message

    def send_location(self, user_id: int = USER_ID) -> dict[str, Any]:
        """A shared location in a private chat."""
        message = self._message(
            self.private_chat(user_id),
            self.user(user_id),
            location={"latitude": 52.52, "longitude": 13.4},
        )
        self.push(message=message)
        return message

    def send_document(
        self,
        filename: str,
        data: bytes,
        mime: str = "text/plain",
        user_id: int = USER_ID,
        declared_size: int | None = None,
    ) -> dict[str, Any]:
        """A file in a private chat; getFile and the download then serve ``data``."""
        file_id = f"doc-{len(self._files) + 1}"
        self._files[file_id] = (f"documents/{file_id}-{filename}", data)
        document = {
            "file_id": file_id,
            "file_unique_id": f"u{file_id}",
            "file_name": filename,
            "mime_type": mime,
            "file_size": len(data) if declared_size is None else declared_size,
        }
        message = self._message(self.private_chat(user_id), self.user(user_id), document=document)
        self.push(message=message)
        return message

    def press(self, sent: Call | dict[str, Any], data: str, user_id: int = USER_ID) -> str:
        """Press a button on a message the bot sent; the callback query's id."""
        message = sent.result if isinstance(sent, Call) else sent
        query_id = str(next(self._query_ids))
        self.push(
            callback_query={
                "id": query_id,
                "from": self.user(user_id),
                "chat_instance": "ci-1",
                "data": data,
                # The message as it is now, keyboard included (or already removed).
                "message": dict(self.messages[(message["chat"]["id"], message["message_id"])]),
            }
        )
        return query_id

    # ---- the Bot API -------------------------------------------------------------------------

    async def _params(self, request: web.Request) -> tuple[dict[str, Any], dict[str, Any]]:
        params: dict[str, Any] = dict(request.query)
        files: dict[str, Any] = {}
        if request.content_type == "application/json":
            body = await request.json()
            params.update(body if isinstance(body, dict) else {})
        elif request.content_type in {"application/x-www-form-urlencoded", "multipart/form-data"}:
            for name, value in (await request.post()).items():
                if isinstance(value, web.FileField):
                    files[name] = (value.filename, value.file.read())
                elif name in JSON_FIELDS and isinstance(value, str):
                    params[name] = json.loads(value)
                else:
                    params[name] = value
        return params, files

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params, files = await self._params(request)
        call = Call(method, params, files, time.monotonic())
        self.calls.append(call)
        self._changed()
        try:
            status, payload = await self._answer(request.match_info["token"], call)
        except asyncio.CancelledError:
            call.status = 499  # the client went away (a long poll that was stopped)
            self._changed()
            raise
        call.status = status
        call.result = payload.get("result")
        self._changed()
        if self.on_answer is not None:
            self.on_answer(call)
        return web.json_response(payload, status=status)

    async def _answer(self, token: str, call: Call) -> tuple[int, dict[str, Any]]:
        if token != self.token:
            return _error(401, "Unauthorized")
        holds = self._holds.get(call.method)
        if holds:
            await holds.pop(0).wait()
        paused = self._paused.get(call.method)
        if paused is not None:
            await paused.wait()
        if call.method == "getUpdates" and self.webhook_set:
            return _error(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        failures = self._failures.get(call.method)
        if failures:
            failure = failures.pop(0)
            return _error(failure.status, failure.description, failure.retry_after)
        handler = getattr(self, f"_api_{call.method}", None)
        if handler is None:
            return _error(404, "Not Found")
        try:
            result = await handler(call.params, call.files)
        except _ApiError as exc:
            return _error(400, f"Bad Request: {exc}")
        return 200, {"ok": True, "result": result}

    async def _api_getMe(self, _params: dict[str, Any], _files: dict[str, Any]) -> Any:
        return {
            "id": BOT_ID,
            "is_bot": True,
            "first_name": "Resume Coach",
            "username": BOT_USERNAME,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }

    async def _api_getUpdates(self, params: dict[str, Any], _files: dict[str, Any]) -> Any:
        offset = int(params.get("offset") or 0)
        limit = int(params.get("limit") or 100)
        deadline = asyncio.get_running_loop().time() + float(params.get("timeout") or 0)
        # Telegram forgets the updates before the offset: they are confirmed.
        self._updates[:] = [u for u in self._updates if u["update_id"] >= offset]
        while True:
            tick = self._tick
            if self._updates or self._closing:
                return self._updates[:limit]
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                return []
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(tick.wait(), remaining)

    def _check_text(self, params: dict[str, Any], key: str, limit: int) -> None:
        text = str(params.get(key) or "")
        visible = text
        if str(params.get("parse_mode", "")).upper() == "HTML":
            try:
                visible = parse_telegram_html(text)
            except HtmlError as exc:
                raise _ApiError(f"can't parse entities: {exc}") from None
        elif params.get("parse_mode"):
            raise _ApiError("unsupported parse_mode")
        if key == "text" and not visible.strip():
            raise _ApiError("message text is empty")
        if utf16_len(visible) > limit:
            raise _ApiError(
                "message is too long" if key == "text" else "message caption is too long"
            )
        for row in (params.get("reply_markup") or {}).get("inline_keyboard", []):
            for button in row:
                if len(button.get("callback_data", "").encode()) > 64:
                    raise _ApiError("BUTTON_DATA_INVALID")

    def _chat(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = int(params["chat_id"])
        for (chat, _), message in self.messages.items():
            if chat == chat_id:
                return dict(message["chat"])
        raise _ApiError("chat not found")

    def _bot_message(self, params: dict[str, Any], **content: Any) -> dict[str, Any]:
        bot = {"id": BOT_ID, "is_bot": True, "first_name": "Resume Coach"}
        if params.get("reply_markup"):
            content["reply_markup"] = params["reply_markup"]
        return self._message(self._chat(params), bot, **content)

    async def _api_sendMessage(self, params: dict[str, Any], _files: dict[str, Any]) -> Any:
        self._check_text(params, "text", 4096)
        return self._bot_message(params, text=params["text"])

    async def _api_sendDocument(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        self._check_text(params, "caption", 1024)
        if "document" not in files:
            raise _ApiError("there is no document in the request")
        filename, data = files["document"]
        document = {
            "file_id": f"sent-{filename}",
            "file_unique_id": f"sent-{filename}",
            "file_name": filename,
            "file_size": len(data),
        }
        return self._bot_message(params, document=document, caption=params.get("caption", ""))

    def _stored(self, params: dict[str, Any]) -> dict[str, Any]:
        key = (int(params["chat_id"]), int(params["message_id"]))
        if key not in self.messages:
            raise _ApiError("message to edit not found")
        return self.messages[key]

    async def _api_editMessageText(self, params: dict[str, Any], _files: dict[str, Any]) -> Any:
        message = self._stored(params)
        self._check_text(params, "text", 4096)
        message["text"] = params["text"]
        message["reply_markup"] = params.get("reply_markup")
        if not message["reply_markup"]:
            del message["reply_markup"]
        return message

    async def _api_editMessageReplyMarkup(
        self, params: dict[str, Any], _files: dict[str, Any]
    ) -> Any:
        message = self._stored(params)
        markup = params.get("reply_markup")
        if markup == message.get("reply_markup") or (not markup and "reply_markup" not in message):
            raise _ApiError("message is not modified")
        if markup:
            message["reply_markup"] = markup
        else:
            del message["reply_markup"]
        return message

    async def _api_answerCallbackQuery(self, params: dict[str, Any], _files: dict[str, Any]) -> Any:
        if len(str(params.get("text", ""))) > 200:
            raise _ApiError("MESSAGE_TOO_LONG")
        return True

    async def _api_getFile(self, params: dict[str, Any], _files: dict[str, Any]) -> Any:
        file_id = str(params.get("file_id"))
        if file_id not in self._files:
            raise _ApiError("invalid file_id")
        path, data = self._files[file_id]
        return {
            "file_id": file_id,
            "file_unique_id": f"u{file_id}",
            "file_size": len(data),
            "file_path": path,
        }

    async def _download(self, request: web.Request) -> web.Response:
        self.calls.append(
            Call("download", {"path": request.match_info["path"]}, {}, time.monotonic())
        )
        call = self.calls[-1]
        if request.match_info["token"] != self.token:
            call.status = 401
            self._changed()
            return web.Response(status=401)
        for path, data in self._files.values():
            if path == request.match_info["path"]:
                call.status = 200
                self._changed()
                return web.Response(body=data)
        call.status = 404
        self._changed()
        return web.Response(status=404)

    async def _true(self, _params: dict[str, Any], _files: dict[str, Any]) -> Any:
        return True

    _api_setMyCommands = _true
    _api_deleteMyCommands = _true

    async def _api_setWebhook(self, params: dict[str, Any], _files: dict[str, Any]) -> Any:
        if params.get("drop_pending_updates") in {True, "true", "True"}:
            self._updates.clear()
        self.webhook_set = True
        self.webhook.start(str(params["url"]), params.get("secret_token"))
        return True

    async def _api_deleteWebhook(self, params: dict[str, Any], _files: dict[str, Any]) -> Any:
        if params.get("drop_pending_updates") in {True, "true", "True"}:
            self._updates.clear()
        self.webhook_set = False
        await self.webhook.stop()
        return True

    _api_sendChatAction = _true
    _api_close = _true
    _api_logOut = _true

    async def _api_getWebhookInfo(self, _params: dict[str, Any], _files: dict[str, Any]) -> Any:
        return {
            "url": self.webhook.url if self.webhook_set else "",
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }


class _ApiError(Exception):
    """A 400 answer; the message follows "Bad Request: "."""


def _error(status: int, description: str, retry_after: int | None = None) -> tuple[int, Any]:
    payload: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
    if retry_after is not None:
        payload["parameters"] = {"retry_after": retry_after}
    return status, payload


@contextlib.asynccontextmanager
async def fake_bot_api() -> AsyncIterator[FakeBotApi]:
    """A started fake server, stopped afterwards."""
    fake = FakeBotApi()
    await fake.start()
    try:
        yield fake
    finally:
        await fake.stop()


@dataclass
class RunningBot:
    """The real application polling the fake; ``errors`` holds what its handlers raised."""

    app: App
    errors: list[BaseException]


@contextlib.asynccontextmanager
async def running_bot(fake: FakeBotApi, engine: Engine) -> AsyncIterator[RunningBot]:
    """Start the application the way ``resume-coach telegram`` does, without its signals."""
    app = build_application(
        fake.token, engine, base_url=fake.base_url, base_file_url=fake.base_file_url
    )
    errors: list[BaseException] = []

    async def collect(_update: object, context: Any) -> None:
        errors.append(context.error)

    app.add_error_handler(collect)
    await app.initialize()
    await start(app)
    stop = asyncio.Event()
    polling = asyncio.create_task(Poller(app, Dispatcher(app)).run(stop))
    # Polling has begun (the webhook is deleted) once the first getUpdates comes in.
    await fake.wait_for(lambda c: c.method == "getUpdates", answered=False)
    try:
        yield RunningBot(app, errors)
    finally:
        stop.set()
        await polling
        await app.shutdown()
