"""Random conversations through the engine: nothing raises, state stays valid, users stay apart."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from bot.engine import Engine
from bot.flow import COMMANDS
from bot.progress import Progress
from bot.store import UserKey
from bot.types import IncomingMessage, Reply
from tests.render_limits import check_rendering

USERS = [("telegram", "7"), ("discord", "7"), ("console", "alice")]
TEXTS = st.one_of(
    st.text(max_size=300),
    # Lone surrogates too: a platform's JSON may carry "\ud83d" alone, and invalid bytes piped
    # to the console arrive as surrogate escapes.
    st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=300),
    st.sampled_from(
        [
            "",
            " ",
            "x" * 100_000,
            "\x00\x01\x02\x1b[2J",
            "🙂" * 2000,
            "שלום עולם, מפתח צד שרת",
            "<b>bold</b> & <i>",
            "*star* _under_ `tick` ~~strike~~ ||spoiler|| @everyone <@&123>",
            "how long should my resume be?",
            "Backend developer \ud83d with 5 years \udcff of Go",
            "Backend developer with 5 years of Go building payment APIs for 2M users.",
            "Python, Go, postgres, kubernets, asdfgh",
            "Backend Developer, Acme, 2020–now",
            "- Built a Go API for 3 teams\n- Worked on bugs\n- Cut latency 40% with Redis",
            "junior",
            "senior",
            "yes",
            "/draft",
            "Backend developer <b>&</b> building APIs in Go. " * 80,
            "/review EXPERIENCE\nDev, Acme, 2020\n" + "- Built a Go API for 3 teams & <i>\n" * 600,
        ]
    ),
    st.sampled_from([f"/{name}" for name in COMMANDS] + ["/nope", "/start@OtherBot", "/"]),
)
FORGED = st.one_of(
    st.text(max_size=80),
    st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=80),
    st.sampled_from(["level:senior:0", "next::1", "faq:resume-length:0", "confirm:yes:2", ":"]),
)


class Conversations(RuleBasedStateMachine):
    """Three users, one of them on two platforms with the same id, poking at one engine."""

    def __init__(self) -> None:
        super().__init__()
        self.loop = asyncio.new_event_loop()
        self.folder = tempfile.TemporaryDirectory()
        self.engine: Engine = self.loop.run_until_complete(
            Engine.open(str(Path(self.folder.name) / "fuzz.db"))
        )
        self.engine.throttle.rate = 1e9  # pacing is tested elsewhere; here it only slows down
        self.buttons: dict[tuple[str, str], list[str]] = {user: [] for user in USERS}

    def _send(self, user: tuple[str, str], text: str = "", button: str | None = None) -> None:
        message = IncomingMessage(user[0], user[1], text=text, button=button)
        replies: list[Reply] = self.loop.run_until_complete(self.engine.handle(message))
        for item in replies:
            check_rendering(item)
        seen = [b.value for r in replies for b in r.buttons]
        if seen:
            self.buttons[user] = seen

    def _stored(self, user: tuple[str, str]) -> dict[str, Any] | None:
        stored = self.loop.run_until_complete(self.engine.store.load(UserKey(*user)))
        return stored.data if stored else None

    @rule(user=st.sampled_from(USERS), text=TEXTS)
    def send_text(self, user: tuple[str, str], text: str) -> None:
        self._send(user, text=text)

    @rule(user=st.sampled_from(USERS), data=st.data())
    def press_own_button(self, user: tuple[str, str], data: st.DataObject) -> None:
        if self.buttons[user]:
            self._send(user, button=data.draw(st.sampled_from(self.buttons[user])))

    @rule(user=st.sampled_from(USERS), other=st.sampled_from(USERS), data=st.data())
    def press_another_users_button(
        self, user: tuple[str, str], other: tuple[str, str], data: st.DataObject
    ) -> None:
        if user == other or not self.buttons[other]:
            return
        before = self._stored(other)
        self._send(user, button=data.draw(st.sampled_from(self.buttons[other])))
        assert self._stored(other) == before

    @rule(user=st.sampled_from(USERS), value=FORGED)
    def press_forged_button(self, user: tuple[str, str], value: str) -> None:
        others = {u: self._stored(u) for u in USERS if u != user}
        self._send(user, button=value)
        assert {u: self._stored(u) for u in others} == others

    @invariant()
    def stored_state_is_valid(self) -> None:
        for user in USERS:
            data = self._stored(user)
            if data is not None:
                Progress.load(data)

    def teardown(self) -> None:
        self.loop.run_until_complete(self.engine.close())
        self.loop.close()
        self.folder.cleanup()


Conversations.TestCase.settings = settings(
    max_examples=25,
    stateful_step_count=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
TestConversations = Conversations.TestCase
