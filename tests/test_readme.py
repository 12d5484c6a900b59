"""The README's promises about demo accounts are true: every account it lists exists after `demo load`."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import select

from inclusion_audit.content_store import get_content
from inclusion_audit.demo import DEMO_PASSWORD, load_demo_data
from inclusion_audit.extensions import db
from inclusion_audit.models import User
from inclusion_audit.passwords import verify_password

README = Path(__file__).resolve().parent.parent / "README.md"


def test_every_demo_account_in_the_readme_is_loaded_with_the_stated_password_and_role(app):
    text = README.read_text(encoding="utf-8")
    section = text[text.index("loads these demo accounts") : text.index("Creating a new account")]
    listed = re.findall(r"\| `([^`]+@example\.org)` \| ([^|]+) \|", section)
    assert len(listed) == 5
    assert f"`{DEMO_PASSWORD}`" in section
    with app.app_context():
        load_demo_data(get_content())
        users = {user.email: user for user in db.session.scalars(select(User))}
        for email, who in listed:
            assert email in users, email
            assert verify_password(users[email].password_hash, DEMO_PASSWORD)
            expected = "admin" if "admin" in who.lower() else "coordinator" if "coordinator" in who else "member"
            assert users[email].role == expected, email
