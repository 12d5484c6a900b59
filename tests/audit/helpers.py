"""Helpers for driving the audit through the Flask test client, using the real content."""

from __future__ import annotations

from pathlib import Path

import yaml

from inclusion_audit.content_store import get_content

EXAMPLES = Path(__file__).resolve().parents[2] / "content" / "examples"


def example(name: str) -> dict:
    return yaml.safe_load((EXAMPLES / f"{name}.yml").read_text(encoding="utf-8"))


def section_ids(app) -> list[str]:
    with app.app_context():
        return [section.id for section in get_content().sections]


def questions_of(app, section_id: str) -> list[str]:
    with app.app_context():
        return [question.id for question in get_content().sections_by_id[section_id].questions]


def revision_on_page(client, section_id: str) -> str:
    from tests.conftest import get_page

    return get_page(client, f"/audit/section/{section_id}").value_of("revision")


def save_section(client, app, section_id: str, answers: dict, action: str = "continue"):
    data = {q: answers[q] for q in questions_of(app, section_id) if q in answers}
    data.update(action=action, revision=revision_on_page(client, section_id))
    return client.post(f"/audit/section/{section_id}", data=data)


def fill_profile(client, profile: dict, url: str = "/audit/profile"):
    data = {key: profile[key] for key in ("name", "org_type", "size_band", "area")}
    data["groups"] = profile.get("groups") or ["none"]
    data["works_with_families"] = "yes" if profile.get("works_with_families") else "no"
    for optional in ("local_area", "other_groups"):
        if profile.get(optional):
            data[optional] = profile[optional]
    response = client.post(url, data=data)
    assert response.status_code == 302
    return response


def complete_audit(
    client, app, example_name: str = "starting-out", submit: bool = True, area: str | None = None
) -> int | None:
    """Fill the profile and every section from an example answers file (in another `area` if given: the whole
    area); submit; return the audit id."""
    data = example(example_name)
    profile = data["profile"] if area is None else {**data["profile"], "area": area, "local_area": None}
    fill_profile(client, profile)
    for section_id in section_ids(app):
        response = save_section(client, app, section_id, data["answers"])
        assert response.status_code == 302, f"section {section_id} did not save"
    if not submit:
        return None
    response = client.post("/audit/submit")
    assert response.status_code == 302
    return int(response.headers["Location"].split("/")[2])


def confirm_every_section(client, app) -> None:
    """Save each section of a re-audit as it stands, as someone checking the answers carried over would."""
    from tests.conftest import get_page

    for section_id in section_ids(app):
        page = get_page(client, f"/audit/section/{section_id}")
        data = {q: page.checked(q)[0] for q in questions_of(app, section_id) if page.checked(q)}
        data.update(action="later", revision=page.value_of("revision"), original=page.value_of("original"))
        response = client.post(f"/audit/section/{section_id}", data=data)
        assert response.status_code == 302, f"section {section_id} did not save"
