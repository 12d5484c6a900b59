"""A small, self-contained content folder for engine tests, built fresh in tmp_path.

Tests change the dicts (or write raw text) before calling `write()`, so each broken-content test
states exactly what it breaks and does not depend on the real content files.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from inclusion_audit.engine import Content, load_content

SOURCE = [{"title": "Example public guidance", "url": "https://www.example.org/guidance"}]
BODY = "Some guidance in **Markdown**.\n\n- First step\n- Second step\n"

CONFIG: dict[str, Any] = {
    "answer_scale": [
        {"value": "not_started", "label": "Not started", "score": 0},
        {"value": "early", "label": "Early steps", "score": 1},
        {"value": "partly", "label": "Partly", "score": 2},
        {"value": "embedded", "label": "Embedded", "score": 3},
        {"value": "dont_know", "label": "Not sure", "score": None},
    ],
    "scales": {
        "knowledge": [
            {"value": "not_started", "label": "None of us", "score": 0},
            {"value": "early", "label": "A few of us", "score": 1},
            {"value": "partly", "label": "Most of us", "score": 2},
            {"value": "embedded", "label": "All of us", "score": 3},
            {"value": "dont_know", "label": "Not sure", "score": None},
        ]
    },
    # Low, so that tests about one or two answers still see a percentage; test_scoring raises it.
    "scoring": {"min_scored_share": 0.3},
    "stages": [
        {"id": "emerging", "label": "Emerging", "below": 40, "meaning": "Starting out."},
        {"id": "developing", "label": "Developing", "below": 75, "meaning": "Foundations in place."},
        {"id": "established", "label": "Established", "meaning": "How you work."},
    ],
    "principles": {1: "Commit", 2: "Understand"},
    "core20plus5": {"plus_groups": "PLUS groups", "smoking_cessation": "Stopping smoking"},
    "profile": {
        "org_types": {"charity": "Charity", "community_group": "Community group"},
        "size_bands": {"volunteer_only": "Volunteers only", "under_10": "Under 10 staff"},
        "areas": {"north": "North", "west": "West"},
        "local_areas": {"north": {"corby": "Corby"}, "west": {"daventry": "Daventry"}},
        "groups": {"homelessness": "Homelessness", "migrants_refugees": "Migrants"},
    },
    "retired_questions": {"old_question": "Merged into named_lead."},
    "themes": {"leadership": "Leadership", "data_insight": "Data and insight"},
    "training_topics": {"planning": "Planning for inclusion", "using_data": "Using data"},
}

SECTIONS: dict[str, dict[str, Any]] = {
    "01-commitment": {
        "id": "commitment",
        "title": "Commitment",
        "principle": 1,
        "intro": "About leadership.",
        "questions": [
            {"id": "named_lead", "text": "Does someone lead?", "labels": {"not_started": "No one yet"}},
            {"id": "trustees_discuss", "text": "Do trustees discuss it?", "does_not_apply": "We have no trustees"},
            {"id": "budget", "text": "Is there a budget?", "show_when": 'size_band != "volunteer_only"'},
        ],
    },
    "02-communities": {
        "id": "communities",
        "title": "Communities",
        "principle": 2,
        "intro": "About knowing who you serve.",
        "questions": [
            {"id": "know_groups", "text": "How many of you know which groups use you?", "scale": "knowledge"},
            {
                "id": "monitoring",
                "text": "Do you ask optional monitoring questions?",
                "options": [
                    {"value": "no", "label": "No", "score": 0},
                    {"value": "yes", "label": "Yes", "score": 3},
                    {"value": "unsure", "label": "Unsure", "score": None},
                ],
            },
            {
                "id": "missing_people",
                "text": "Do you ask who is missing?",
                "show_when": 'know_groups != null and know_groups != "not_started"',
            },
        ],
    },
}

# Every question carries tags; the ones here are all valid, so a test about tags changes one on purpose.
for _section in SECTIONS.values():
    for _question in _section["questions"]:
        _question["tags"] = (
            {"principle": 1, "theme": "leadership", "training": "planning", "core20plus5": []}
            if _section["principle"] == 1
            else {"principle": 2, "theme": "data_insight", "training": "using_data", "core20plus5": ["plus_groups"]}
        )

LOW, MIDDLE, TOP = ["not_started", "early"], ["partly"], ["embedded"]


def snippet(sid: str, kind: str, when: str, section: str | None = None, **fields: Any) -> dict[str, Any]:
    meta: dict[str, Any] = {"id": sid, "title": f"Title of {sid}", "kind": kind, "priority": 3, "effort": "quick-win"}
    if section:
        meta["section"] = section
    if kind in ("get-started", "strengthen", "find-out"):
        meta["action"] = f"Do the {sid} thing."
        meta["first_step"] = f"Start the {sid} thing."
    meta.update({"sources": SOURCE, "when": when, **fields})
    return meta


SNIPPETS: list[dict[str, Any]] = [
    snippet(
        "lead-get-started",
        "get-started",
        'named_lead in ["not_started", "early"]',
        "commitment",
        questions=["named_lead"],
        claims={"named_lead": LOW},
        priority=2,
        facts=["gp-rights"],
    ),
    snippet(
        "lead-strengthen",
        "strengthen",
        'named_lead == "partly"',
        "commitment",
        questions=["named_lead"],
        claims={"named_lead": MIDDLE},
    ),
    snippet(
        "commitment-sustain",
        "sustain",
        'named_lead == "embedded" and trustees_discuss == "embedded"',
        "commitment",
        questions=["named_lead", "trustees_discuss"],
        claims={"named_lead": TOP, "trustees_discuss": TOP},
    ),
    snippet(
        "trustees-get-started",
        "get-started",
        'trustees_discuss in ["not_started", "early"]',
        "commitment",
        questions=["trustees_discuss"],
        claims={"trustees_discuss": LOW},
        effort="longer-term",
    ),
    snippet(
        "budget-get-started",
        "get-started",
        'budget in ["not_started", "early"]',
        "commitment",
        questions=["budget"],
        claims={"budget": LOW},
    ),
    snippet(
        "commitment-find-out",
        "find-out",
        'named_lead == "dont_know" or trustees_discuss == "dont_know"',
        "commitment",
        questions=["named_lead", "trustees_discuss"],
        priority=1,
    ),
    snippet(
        "groups-get-started",
        "get-started",
        'know_groups in ["not_started", "early"]',
        "communities",
        questions=["know_groups"],
        claims={"know_groups": LOW},
        core20plus5=["plus_groups"],
    ),
    snippet(
        "monitoring-get-started",
        "get-started",
        'monitoring == "no"',
        "communities",
        questions=["monitoring"],
        claims={"monitoring": ["no"]},
        priority=1,
    ),
    snippet(
        "communities-low",
        "find-out",
        "communities_percent != null and communities_percent < 40",
        "communities",
        questions=["know_groups", "monitoring"],
        priority=5,
        effort="longer-term",
    ),
    snippet(
        "homelessness-module",
        "group-module",
        '"homelessness" in groups',
        group="homelessness",
        principles=[1, 2],
        action="Do the homelessness thing.",
        first_step="Start the homelessness thing.",
    ),
    snippet("migrants-module", "group-module", '"migrants_refugees" in groups', group="migrants_refugees"),
]

SNIPPET_FOLDERS = {"group-module": "groups"}

FACTS: list[dict[str, Any]] = [
    {"id": "gp-rights", "title": "Registering with a GP", "sources": SOURCE},
    {"id": "definition", "title": "What health inequalities are", "sources": SOURCE, "always": True},
]

NATIONAL_HELP: dict[str, Any] = {
    "entries": [
        {
            "title": "Healthwatch",
            "publisher": "Healthwatch England",
            "what": "Shares people's experiences of care.",
            "kind": "help",
            "url": "https://www.healthwatch.co.uk/",
            "source": "Healthwatch England website, checked 2026",
        },
        {
            "title": "NHS charging",
            "publisher": "Department of Health and Social Care",
            "what": "Who pays for NHS care.",
            "kind": "guidance",
            "when": '"migrants_refugees" in groups',
            "source": "GOV.UK, checked 2026",
        },
    ]
}

LOCAL_PACKS: dict[str, dict[str, Any]] = {
    "north": {
        "area": "north",
        "entries": [
            {
                "title": "Local health reports",
                "publisher": "Public Health North",
                "what": "Data about local people.",
                "kind": "data",
                "section": "communities",
                "source": "Local resource page, 2026",
            }
        ],
    }
}


class ContentBuilder:
    """Editable copies of the fixture content; `write()` puts them on disk and returns the root."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.config = copy.deepcopy(CONFIG)
        self.sections = copy.deepcopy(SECTIONS)
        self.snippets = copy.deepcopy(SNIPPETS)
        self.facts = copy.deepcopy(FACTS)
        self.national_help = copy.deepcopy(NATIONAL_HELP)
        self.local_packs = copy.deepcopy(LOCAL_PACKS)
        self.raw: dict[str, str] = {}

    def snippet(self, sid: str) -> dict[str, Any]:
        return next(s for s in self.snippets if s["id"] == sid)

    def write(self) -> Path:
        self._dump("config.yml", yaml.safe_dump(self.config, sort_keys=False))
        for name, section in self.sections.items():
            self._dump(f"sections/{name}.yml", yaml.safe_dump(section, sort_keys=False))
        for meta in self.snippets:
            folder = meta.get("section") or SNIPPET_FOLDERS.get(meta["kind"], "misc")
            front = yaml.safe_dump(meta, sort_keys=False)
            self._dump(f"snippets/{folder}/{meta['id']}.md", f"---\n{front}---\n{BODY}")
        for meta in self.facts:
            front = yaml.safe_dump(meta, sort_keys=False)
            self._dump(f"facts/{meta['id']}.md", f"---\n{front}---\nA fact in **Markdown**.\n")
        self._dump("help/national.yml", yaml.safe_dump(self.national_help, sort_keys=False))
        for area, pack in self.local_packs.items():
            self._dump(f"local/{area}.yml", yaml.safe_dump(pack, sort_keys=False))
        for rel, text in self.raw.items():
            self._dump(rel, text)
        return self.root

    def load(self) -> Content:
        return load_content(self.write())

    def _dump(self, rel: str, text: str) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
