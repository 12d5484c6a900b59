"""Local help is copied into a guide when its audit is submitted: later edits never change an old guide."""

import io

from docx import Document
from sqlalchemy import select

from inclusion_audit.engine import Guide
from inclusion_audit.extensions import db
from inclusion_audit.local_help_models import LocalHelpEntry
from inclusion_audit.models import Audit
from tests.audit.helpers import complete_audit, confirm_every_section
from tests.conftest import PASSWORD, Accounts
from tests.guide.test_routes import pdf_text

from .helpers import NORTH, entry_form


def _help_part(html: str) -> str:
    return html[html.index('id="help"') : html.index("Guide content version")]


def _word_text(response) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(response.data)).paragraphs)


def _guide(app, audit_id: int) -> Guide:
    with app.app_context():
        return Guide.from_dict(db.session.get(Audit, audit_id).guide_snapshot)


def _local_titles(guide: Guide) -> list[str]:
    return [entry.title for entry in guide.help if entry.local]


def _coordinator(app, accounts):
    accounts.staff(email="coordinator@example.org")
    client = app.test_client()
    assert client.post("/sign-in", data={"email": "coordinator@example.org", "password": PASSWORD}).status_code == 302
    return client


def test_an_edit_after_submitting_leaves_the_old_guide_as_it_was_and_shows_in_the_next(app, accounts, client):
    accounts.member()
    accounts.sign_in("member@example.org")
    old_audit = complete_audit(client, app, "starting-out")  # an organisation in North Northamptonshire
    old_page = _help_part(client.get(f"/audits/{old_audit}/guide").get_data(as_text=True))
    old_pdf = pdf_text(client.get(f"/audits/{old_audit}/guide.pdf"))
    old_word = _word_text(client.get(f"/audits/{old_audit}/guide.docx"))
    assert "Voluntary Impact Northamptonshire" in old_page  # from the content pack: nothing in the database yet

    coordinator = _coordinator(app, accounts)
    assert coordinator.post("/coordinator/local-help/add", data=entry_form()).status_code == 302
    with app.app_context():
        voluntary = db.session.scalar(
            select(LocalHelpEntry.id).where(
                LocalHelpEntry.area == NORTH, LocalHelpEntry.title == "Voluntary Impact Northamptonshire"
            )
        )
    changed = entry_form(
        title="Voluntary Impact Northamptonshire",
        publisher="Voluntary Impact Northamptonshire",
        what="Changed words: *training* for trustees.",
        url="https://voluntaryimpact.org.uk/",
        contact="",
    )
    assert coordinator.post(f"/coordinator/local-help/{voluntary}", data=changed).status_code == 302

    assert _help_part(client.get(f"/audits/{old_audit}/guide").get_data(as_text=True)) == old_page
    assert pdf_text(client.get(f"/audits/{old_audit}/guide.pdf")) == old_pdf
    assert _word_text(client.get(f"/audits/{old_audit}/guide.docx")) == old_word
    assert "Corby Community Larder" not in old_page + old_pdf + old_word

    assert client.post("/audit/new").status_code == 302
    confirm_every_section(client, app)
    new_audit = int(client.post("/audit/submit").headers["Location"].split("/")[2])
    assert new_audit != old_audit
    page = _help_part(client.get(f"/audits/{new_audit}/guide").get_data(as_text=True))
    assert "Changed words: <em>training</em> for trustees." in page
    assert (
        "Free food parcels and <strong>advice on benefits</strong>, every weekday. Contact: info@example.org." in page
    )
    pdf = pdf_text(client.get(f"/audits/{new_audit}/guide.pdf"))
    assert "Changed words: training for trustees." in pdf and "Corby Community Larder" in pdf
    word = _word_text(client.get(f"/audits/{new_audit}/guide.docx"))
    assert "Changed words: training for trustees." in word
    assert "every weekday. Contact: info@example.org." in word
    # The rest of the pack came across with the first entry added, so nothing the guide listed was lost.
    assert set(_local_titles(_guide(app, old_audit))) < set(_local_titles(_guide(app, new_audit)))


def test_a_new_entry_reaches_guides_in_its_area_and_not_in_another(app, accounts, client):
    coordinator = _coordinator(app, accounts)
    assert coordinator.post("/coordinator/local-help/add", data=entry_form()).status_code == 302
    accounts.member()
    accounts.sign_in("member@example.org")
    north = complete_audit(client, app, "starting-out")
    accounts.member(email="west@example.org", organisation="West Trust")
    west_client = app.test_client()
    Accounts(app, west_client).sign_in("west@example.org")
    west = complete_audit(west_client, app, "volunteer-food-bank")  # in West Northamptonshire
    assert "Corby Community Larder" in _local_titles(_guide(app, north))
    assert "Corby Community Larder" not in _local_titles(_guide(app, west))
    assert "West Northamptonshire Council" in _local_titles(_guide(app, west))  # West's pack, untouched


def test_retired_entries_leave_new_guides_and_groups_and_parts_narrow_who_gets_them(app, accounts, client):
    coordinator = _coordinator(app, accounts)
    for title, extra in [
        ("Larder for everyone", {}),
        ("Sex work outreach", {"groups": ["sex_workers"]}),
        ("Homelessness outreach", {"groups": ["homelessness", "sex_workers"]}),
        ("Retired larder", {}),
    ]:
        assert coordinator.post("/coordinator/local-help/add", data=entry_form(title=title, **extra)).status_code == 302
    with app.app_context():
        retired = db.session.scalar(select(LocalHelpEntry.id).where(LocalHelpEntry.title == "Retired larder"))
    assert coordinator.post(f"/coordinator/local-help/{retired}/retire").status_code == 302
    accounts.member()
    accounts.sign_in("member@example.org")
    titles = _local_titles(_guide(app, complete_audit(client, app, "starting-out")))  # homelessness, migrants
    assert "Larder for everyone" in titles and "Homelessness outreach" in titles
    assert "Sex work outreach" not in titles and "Retired larder" not in titles
