"""The printed walk (``python -m tests.transcript``) on both platforms' fakes: the words kept."""

from __future__ import annotations

import pytest

from tests.transcript import walk


@pytest.mark.parametrize("platform", ["telegram", "discord"])
async def test_the_walk_shows_what_the_person_wrote(platform: str) -> None:
    lines: list[str] = []
    await walk(platform, lines.append)
    shown = "\n".join(lines)
    assert "Deleted “Support Engineer, Shoply, 2023”." in shown
    draft = shown[shown.rindex(">>> /draft") :]
    assert "Zoë Nguyen" in draft and "Parcelly" in draft
    assert "catching 6 regressions before release" in draft
    # The deleted job, the skipped title and the replaced bullet are not in the draft.
    assert "Shoply" not in draft and "Backend Developer" not in draft
    assert "Wrote 40 integration tests with pytest\n" not in draft
