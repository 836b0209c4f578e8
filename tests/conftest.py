"""Shared fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge import RoleKnowledge, shared_knowledge

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def role() -> RoleKnowledge:
    return shared_knowledge().role()
