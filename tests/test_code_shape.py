"""Rooms small enough to live in: modules, classes and functions under bot/ and adapters/."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MAX_MODULE_LINES = 450
MAX_CLASS_LINES = 300
MAX_FUNCTION_LINES = 80


def _sources() -> list[Path]:
    return sorted(
        path
        for folder in ("bot", "adapters")
        for path in (ROOT / folder).rglob("*.py")
        if "migrations" not in path.parts
    )


def shape_problems(path: Path, root: Path = ROOT) -> list[str]:
    """Every size limit one file breaks, as readable lines (lines counted as ast spans them)."""
    source = path.read_text(encoding="utf-8")
    name = path.relative_to(root)
    problems = []
    if source.count("\n") > MAX_MODULE_LINES:
        problems.append(f"{name}: {source.count(chr(10))} lines")
    for node in ast.walk(ast.parse(source)):
        end = node.end_lineno if isinstance(node, ast.stmt) else None
        if end is None:
            continue
        size = end - node.lineno + 1
        if isinstance(node, ast.ClassDef) and size > MAX_CLASS_LINES:
            problems.append(f"{name}: class {node.name}, {size} lines")
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and size > MAX_FUNCTION_LINES:
            problems.append(f"{name}: {node.name}(), {size} lines")
    return problems


def test_the_sources_are_found() -> None:
    names = {path.name for path in _sources()}
    assert {"flow.py", "commands.py", "telegram_bot.py", "discord_bot.py"} <= names


@pytest.mark.parametrize("path", _sources(), ids=lambda p: str(p.relative_to(ROOT)))
def test_modules_classes_and_functions_stay_small(path: Path) -> None:
    assert shape_problems(path) == []


def test_the_check_catches_a_long_function(tmp_path: Path) -> None:
    body = "\n".join(f"    x{n} = {n}" for n in range(MAX_FUNCTION_LINES))
    long = tmp_path / "bot" / "long.py"
    long.parent.mkdir()
    long.write_text(f"def long() -> None:\n{body}\n", encoding="utf-8")
    assert shape_problems(long, tmp_path) == [
        f"{Path('bot/long.py')}: long(), {MAX_FUNCTION_LINES + 1} lines"
    ]
