"""Demo data: one organisation to try the audit with, a coordinator, and a spread of other organisations.

Seeded randomness, so every `make run` shows the same demo. Idempotent: it does nothing if the
demo organisation's user already exists.
"""

from __future__ import annotations

import random

from .engine import Content
from .extensions import db
from .models import Organisation, User, utcnow
from .passwords import hash_password

DEMO_PASSWORD = "try-the-demo-audit"
DEMO_MEMBER = "demo@example.org"
DEMO_COORDINATOR = "coordinator@example.org"
DEMO_ORGANISATIONS = 60

_NAME_PARTS = (
    [
        "Riverside",
        "Hope",
        "Nene Valley",
        "Open Door",
        "Market Square",
        "Harbour",
        "Oak Tree",
        "St Giles",
        "Bridge",
        "Northgate",
        "Lantern",
        "Kingsthorpe",
        "Compass",
        "Welcome",
        "Fairfield",
    ],
    [
        "Community Trust",
        "Support Network",
        "Drop-in",
        "Project",
        "Outreach",
        "Foundation",
        "Centre",
        "Collective",
        "Friends",
        "Partnership",
    ],
)


def load_demo_data(content: Content) -> str:
    if db.session.query(User.id).filter(User.email == DEMO_MEMBER).first():
        return "Demo data is already loaded."
    rng = random.Random(2026)
    lists = content.config.profile
    password_hash = hash_password(DEMO_PASSWORD)

    demo_org = Organisation(name="Demo Community Project")
    db.session.add(User(email=DEMO_MEMBER, password_hash=password_hash, role="member", organisation=demo_org))
    db.session.add(User(email=DEMO_COORDINATOR, password_hash=password_hash, role="coordinator"))

    for index in range(DEMO_ORGANISATIONS):
        name = f"{rng.choice(_NAME_PARTS[0])} {rng.choice(_NAME_PARTS[1])} {index + 1}"
        organisation = Organisation(
            name=name,
            org_type=rng.choice(list(lists.org_types)),
            size_band=rng.choice(list(lists.size_bands)),
            area=rng.choice(list(lists.areas)),
            profile_completed_at=utcnow(),
        )
        organisation.groups = rng.sample(list(lists.groups), k=rng.randint(1, 3))
        db.session.add(organisation)
    db.session.commit()
    return (
        f"Loaded demo data: {DEMO_ORGANISATIONS + 1} organisations.\n"
        f"  Organisation member: {DEMO_MEMBER} / {DEMO_PASSWORD}\n"
        f"  Coordinator:         {DEMO_COORDINATOR} / {DEMO_PASSWORD}"
    )
