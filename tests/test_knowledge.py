"""The knowledge base loads, holds what the issues ask for, and reports broken files precisely."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bot.knowledge import KnowledgeError, RoleKnowledge, load_knowledge
from tests.conftest import ROOT

SEED = ROOT.parent / "shared" / "seed"


def test_backend_role_has_the_required_content(role: RoleKnowledge) -> None:
    assert role.role.id == "backend-developer"
    assert len(role.faq) >= 20
    assert len(role.skills) >= 150
    assert set(role.keywords) == {
        "core",
        "languages_and_technologies",
        "processes_and_methodologies",
        "soft_skills",
    }
    assert all(role.keywords.values())
    for level in ("junior", "mid", "senior"):
        assert role.examples.summaries[level]
    assert len(role.language.strong_verbs) >= 5
    categories = {skill.category for skill in role.skills}
    assert categories == set(role.categories)


def test_faq_answers_keep_the_guide_figures(role: RoleKnowledge) -> None:
    answers = {entry.id: entry.answer for entry in role.faq}
    assert "3" in answers["bullets-per-role"] and "5" in answers["bullets-per-role"]
    assert "2" in answers["languages-count"] and "4" in answers["languages-count"]
    assert "2" in answers["summary-length"] and "4" in answers["summary-length"]


SHINGLE = 8


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9%+#.]+", text.casefold())
    words = [w.strip(".") for w in words if w.strip(".")]
    return {tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


@pytest.mark.skipif(not SEED.is_dir(), reason="the guide lives outside the repository")
def test_no_run_of_eight_words_is_copied_from_the_guide(role: RoleKnowledge) -> None:
    guide = " ".join(path.read_text() for path in sorted(SEED.iterdir()))
    guide_runs = _shingles(guide)
    for path in sorted(role.folder.glob("*.yaml")):
        copied = _shingles(path.read_text()) & guide_runs
        assert not copied, f"{path.name} repeats the guide: {' '.join(sorted(copied)[0])}"


@pytest.fixture()
def knowledge_copy(tmp_path: Path) -> Path:
    target = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", target)
    return target


def _edit(path: Path, change: object) -> None:
    data = yaml.safe_load(path.read_text())
    change(data)  # type: ignore[operator]
    path.write_text(yaml.safe_dump(data, allow_unicode=True))


def test_empty_answer_names_file_entry_and_field(knowledge_copy: Path) -> None:
    faq = knowledge_copy / "roles" / "backend-developer" / "faq.yaml"

    def blank(data: dict) -> None:
        data["entries"][0]["answer"] = ""

    _edit(faq, blank)
    first_id = yaml.safe_load(faq.read_text())["entries"][0]["id"]
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(knowledge_copy)
    error = caught.value
    assert error.file == str(faq)
    assert error.entry == first_id
    assert error.field == "answer"
    assert "faq.yaml" in str(error) and first_id in str(error) and "answer" in str(error)


def test_unknown_category_names_the_skill(knowledge_copy: Path) -> None:
    skills = knowledge_copy / "roles" / "backend-developer" / "skills.yaml"

    def break_category(data: dict) -> None:
        data["skills"][3]["category"] = "wizardry"

    _edit(skills, break_category)
    name = yaml.safe_load(skills.read_text())["skills"][3]["name"]
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(knowledge_copy)
    assert (caught.value.entry, caught.value.field) == (name, "category")


def test_alias_used_twice_is_refused(knowledge_copy: Path) -> None:
    skills = knowledge_copy / "roles" / "backend-developer" / "skills.yaml"

    def steal_alias(data: dict) -> None:
        data["skills"][1]["aliases"].append(data["skills"][0]["name"].lower())

    _edit(skills, steal_alias)
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(knowledge_copy)
    assert caught.value.field == "aliases"


def test_related_must_exist(knowledge_copy: Path) -> None:
    faq = knowledge_copy / "roles" / "backend-developer" / "faq.yaml"

    def dangling(data: dict) -> None:
        data["entries"][2]["related"] = ["no-such-topic"]

    _edit(faq, dangling)
    with pytest.raises(KnowledgeError, match="no-such-topic") as caught:
        load_knowledge(knowledge_copy)
    assert caught.value.field == "related"


def test_a_topic_marked_not_covered_may_not_hide_an_entry(knowledge_copy: Path) -> None:
    faq = knowledge_copy / "roles" / "backend-developer" / "faq.yaml"

    def hide(data: dict) -> None:
        data["entries"][0]["phrasings"].append("should a two-page resume mention my publications?")

    _edit(faq, hide)
    with pytest.raises(KnowledgeError, match="not covered") as caught:
        load_knowledge(knowledge_copy)
    assert caught.value.field == "phrasings"


def test_invalid_yaml_names_the_line(knowledge_copy: Path) -> None:
    guidance = knowledge_copy / "roles" / "backend-developer" / "guidance.yaml"
    guidance.write_text("summary: [unclosed\n")
    with pytest.raises(KnowledgeError, match=r"guidance\.yaml.*line"):
        load_knowledge(knowledge_copy)


def test_missing_threshold_is_named(knowledge_copy: Path) -> None:
    guidance = knowledge_copy / "roles" / "backend-developer" / "guidance.yaml"

    def drop(data: dict) -> None:
        del data["bullets"]["rules"]["max_per_role"]

    _edit(guidance, drop)
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(knowledge_copy)
    assert "guidance.yaml" in str(caught.value)
    assert caught.value.field is not None and "max_per_role" in caught.value.field


def test_a_new_role_is_a_new_folder(knowledge_copy: Path) -> None:
    source = knowledge_copy / "roles" / "backend-developer"
    target = knowledge_copy / "roles" / "data-engineer"
    shutil.copytree(source, target)

    def rename(data: dict) -> None:
        data["id"] = "data-engineer"
        data["title"] = "Data Engineer"

    _edit(target / "role.yaml", rename)
    knowledge = load_knowledge(knowledge_copy)
    assert set(knowledge.roles) == {"backend-developer", "data-engineer"}


def test_broken_knowledge_stops_the_cli_with_one_line(knowledge_copy: Path) -> None:
    faq = knowledge_copy / "roles" / "backend-developer" / "faq.yaml"

    def blank(data: dict) -> None:
        data["entries"][1]["question"] = ""

    _edit(faq, blank)
    result = subprocess.run(
        [sys.executable, "-m", "bot", "faq"],
        capture_output=True,
        text=True,
        env={"RESUME_COACH_KNOWLEDGE": str(knowledge_copy), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "faq.yaml" in lines[0] and "question" in lines[0]
