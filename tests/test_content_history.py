"""Renaming a section or question in the content never silently blanks stored audits: `content check` refuses
an id that stored audits use unless the content says where it went, and exports, comparisons and re-audits
follow declared renames."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from inclusion_audit.content_store import get_content
from tests.audit.helpers import complete_audit
from tests.conftest import Accounts, get_page
from tests.coordinator.helpers import read_csv

ROOT = Path(__file__).resolve().parent.parent


def renamed_copy(tmp_path: Path, section: str, question: str, declare: bool) -> Path:
    """The real content with `section` renamed to 'voices' and `question` to 'renamed_question'."""
    target = tmp_path / ("declared" if declare else "undeclared")
    shutil.copytree(ROOT / "content", target)
    new_section, new_question = "voices", "renamed_question"
    if (target / "snippets" / section).is_dir():
        (target / "snippets" / section).rename(target / "snippets" / new_section)
    # An id as a whole word: not part of a longer id, a snippet's hyphenated id or an address.
    question_id = re.compile(rf"(?<![\w/.-]){question}(?![\w-])")
    for path in [*target.rglob("*.yml"), *target.rglob("*.md")]:
        text = path.read_text(encoding="utf-8")
        text = re.sub(rf"^(\s*(?:- )?section: ){section}$", rf"\g<1>{new_section}", text, flags=re.M)
        text = re.sub(rf"\b{section}_(band|percent)\b", rf"{new_section}_\1", text)
        text = question_id.sub(new_question, text)
        if path.parent.name == "sections" and text.startswith(f"id: {section}\n"):
            extra = f"\nrenamed_from: [{section}]" if declare else ""
            text = text.replace(f"id: {section}\n", f"id: {new_section}{extra}\n", 1)
            path.unlink()
            path = path.with_name(path.name.split("-", 1)[0] + f"-{new_section}.yml")
        if declare:
            text = re.sub(
                rf"^(\s*)- id: {new_question}$",
                rf"\1- id: {new_question}\n\1  renamed_from: [{question}]",
                text,
                flags=re.M,
            )
        path.write_text(text, encoding="utf-8")
    return target


@pytest.fixture
def history(app, app_config, accounts):
    """An organisation with two submitted audits under today's content, sharing by name."""
    accounts.member()
    member = app.test_client()
    Accounts(app, member).sign_in("member@example.org")
    complete_audit(member, app, "starting-out")
    member.post("/audit/new")
    second = complete_audit(member, app, "well-advanced")
    member.post("/audit/sharing", data={"sharing": "named"})
    with app.app_context():
        content = get_content()
        section = content.sections[-1]
        question = next(q for q in section.questions if not q.renamed_from and not q.review)
    return {"second": second, "section": section, "question": question}


def test_content_check_refuses_an_undeclared_rename_and_accepts_a_declared_one(app_config, make_app, history, tmp_path):
    section, question = history["section"].id, history["question"].id
    undeclared = make_app({**app_config, "CONTENT_DIR": str(renamed_copy(tmp_path, section, question, False))})
    result = undeclared.test_cli_runner().invoke(args=["content", "check"])
    assert result.exit_code == 1
    assert f'section "{section}" is used by stored audits' in result.output
    assert f'question "{question}" is used by stored audits' in result.output

    declared = make_app({**app_config, "CONTENT_DIR": str(renamed_copy(tmp_path, section, question, True))})
    result = declared.test_cli_runner().invoke(args=["content", "check"])
    assert result.exit_code == 0, result.output
    assert "Stored audits:" in result.output


def test_exports_comparisons_and_re_audits_follow_declared_renames(app_config, make_app, history, tmp_path, accounts):
    section, question = history["section"], history["question"]
    renamed = make_app({**app_config, "CONTENT_DIR": str(renamed_copy(tmp_path, section.id, question.id, True))})

    coordinator = renamed.test_client()
    accounts.staff()
    Accounts(renamed, coordinator).sign_in("coordinator@example.org")
    rows = read_csv(coordinator.get("/coordinator/export/audits.csv"))
    column = rows[0].index(f"{section.title} (%)")
    assert all(row[column] != "" for row in rows[1:]) and len(rows) == 3, "old audits keep their scores"

    member = renamed.test_client()
    Accounts(renamed, member).sign_in("member@example.org")
    compare = get_page(member, f"/audits/{history['second']}/compare")
    assert section.title in compare.text
    member.post("/audit/new")
    with renamed.app_context():
        renamed_section = get_content().sections[-1].id
    page = get_page(member, f"/audit/section/{renamed_section}")
    assert page.checked("renamed_question"), "the re-audit starts from the answer given under the old id"
