"""A coach adapter run as a real process (``python -m bot <platform>``) for the process tests."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from tests.conftest import ROOT


class BotProcess:
    """``python -m bot <platform>`` with its output in files (a full pipe would stall it)."""

    def __init__(self, platform: str, tmp_path: Path, env: dict[str, str]) -> None:
        self.platform = platform
        self.tmp_path = tmp_path
        self.env = env
        self.process: asyncio.subprocess.Process | None = None

    async def start(self) -> None:
        with (
            (self.tmp_path / "stdout.txt").open("wb") as out,
            (self.tmp_path / "stderr.txt").open("wb") as err,
        ):
            self.process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "bot",
                self.platform,
                cwd=ROOT,
                env=self.env,
                stdin=asyncio.subprocess.DEVNULL,
                stdout=out,
                stderr=err,
            )

    async def wait(self, timeout: float = 30) -> int:
        assert self.process is not None
        return await asyncio.wait_for(self.process.wait(), timeout)

    async def wait_for_log(self, text: str, timeout: float = 20) -> None:
        """Wait until the process has logged ``text`` (it polls the log file)."""
        async with asyncio.timeout(timeout):
            while text not in self.stderr:
                assert self.process is not None and self.process.returncode is None, self.output
                await asyncio.sleep(0.02)

    def kill(self) -> None:
        if self.process is not None and self.process.returncode is None:
            self.process.kill()

    @property
    def stderr(self) -> str:
        return (self.tmp_path / "stderr.txt").read_text(errors="replace")

    @property
    def output(self) -> str:
        return "".join(
            (self.tmp_path / name).read_text(errors="replace")
            for name in ("stdout.txt", "stderr.txt")
        )
