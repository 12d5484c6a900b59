"""The local help pages: scope by area, GOV.UK errors with what was typed kept, history, preview and the log."""

from pathlib import Path

from sqlalchemy import select, update

from inclusion_audit.content_store import get_content
from inclusion_audit.engine import build_guide
from inclusion_audit.engine.answers_file import load_example
from inclusion_audit.extensions import db
from inclusion_audit.local_help_models import LocalHelpEntry, LocalHelpVersion
from inclusion_audit.models import AccessLog, User
from tests.conftest import PASSWORD, get_page, post_page

from .helpers import NORTH, WEST, entry_form

BASE = "/coordinator/local-help"


def _sign_in(app, accounts, email="coordinator@example.org", area=None, role="coordinator"):
    accounts.staff(email=email, role=role)
    if area:
        with app.app_context():
            db.session.execute(update(User).where(User.email == email).values(area=area))
            db.session.commit()
    client = app.test_client()
    assert client.post("/sign-in", data={"email": email, "password": PASSWORD}).status_code == 302
    return client


def _entry_id(app, title: str) -> int:
    with app.app_context():
        return db.session.scalar(select(LocalHelpEntry.id).where(LocalHelpEntry.title == title))


def test_a_coordinator_for_one_area_sees_and_adds_only_that_areas_help(app, accounts):
    west = _sign_in(app, accounts, "west.coordinator@example.org", area=WEST)
    page = get_page(west, f"{BASE}/add")
    assert page.h1() == "Add a local help entry"
    assert "Local help in West Northamptonshire" in page.text
    assert not page.soup.find("input", attrs={"name": "area"})  # no choice of area: it is their own
    assert post_page(west, f"{BASE}/add", entry_form(area=NORTH, title="West larder"), status=302)
    with app.app_context():
        assert db.session.scalar(select(LocalHelpEntry.area).where(LocalHelpEntry.title == "West larder")) == WEST
    listing = get_page(west, f"{BASE}/")
    assert "West larder" in listing.text and "West Northamptonshire Council" in listing.text  # the pack came too
    assert "North Northamptonshire Council" not in listing.text

    everyone = _sign_in(app, accounts)
    assert post_page(everyone, f"{BASE}/add", entry_form(title="North larder"), status=302)
    north_entry = _entry_id(app, "North larder")
    for url in (f"{BASE}/{north_entry}", f"{BASE}/{north_entry}/history", f"{BASE}/{north_entry}/preview"):
        assert west.get(url).status_code == 404
    assert west.post(f"{BASE}/{north_entry}/retire").status_code == 404
    assert west.post(f"{BASE}/{north_entry}", data=entry_form(title="Taken over")).status_code == 404
    listing = get_page(everyone, f"{BASE}/")
    assert "North larder" in listing.text and "West larder" in listing.text


def test_a_bad_entry_is_refused_with_gov_uk_errors_and_what_was_typed_is_kept(app, accounts):
    client = _sign_in(app, accounts)
    typed = entry_form(
        title="Larder",
        what="Two paragraphs.\n\nA second one with <b>HTML</b>.",
        url="http://example.org/larder",
        contact="call Sam",
        groups=["homelessness"],
    )
    page = post_page(client, f"{BASE}/add", typed)
    assert page.errors() == [
        "The description must not include HTML; use Markdown, such as **bold** or [a link](https://example.org)",
        "The link must start with https://",
        "Enter the contact as an email address, like info@example.org, or a phone number, like 01632 960 001",
    ]
    assert page.soup.title.get_text().startswith("Error: ")
    assert page.value_of("title") == "Larder"
    assert page.value_of("url") == "http://example.org/larder"
    assert page.soup.find("textarea", attrs={"name": "what"}).get_text().strip().startswith("Two paragraphs.")
    assert page.checked("groups") == ["homelessness"]
    with app.app_context():
        assert db.session.scalar(select(LocalHelpEntry.id)) is None  # nothing stored, not even the pack

    page = post_page(client, f"{BASE}/add", entry_form(area="", title="", kind="", what=""))
    assert page.errors() == [
        "Select the area this help is for",
        "Enter a title",
        "Enter a description",
        "Select what kind of help it is",
    ]


def test_a_persons_address_is_warned_about_once_and_kept_if_saved_again(app, accounts):
    client = _sign_in(app, accounts)
    typed = entry_form(contact="jane.smith@example.org")
    page = post_page(client, f"{BASE}/add", typed)
    assert page.errors() == [
        "The contact looks like a person's email address. A role mailbox such as info@ is better than a person's "
        "address, as it still works when people change jobs. Change it, or save again to keep it"
    ]
    assert page.value_of("contact") == "jane.smith@example.org"
    again = typed | {"contact_kept": page.value_of("contact_kept")}
    assert post_page(client, f"{BASE}/add", again, status=302)
    with app.app_context():
        assert db.session.scalar(select(LocalHelpEntry.contact).where(LocalHelpEntry.title == typed["title"])) == (
            "jane.smith@example.org"
        )


def test_changing_retiring_and_restoring_are_each_a_version_with_who_and_what(app, accounts):
    client = _sign_in(app, accounts)
    assert post_page(client, f"{BASE}/add", entry_form(), status=302)
    entry = _entry_id(app, "Corby Community Larder")
    form = get_page(client, f"{BASE}/{entry}")
    assert form.value_of("title") == "Corby Community Larder" and form.checked("kind") == ["help"]
    assert post_page(client, f"{BASE}/{entry}", entry_form(kind="training", contact="01632 960 001"), status=302)
    assert "Nothing was changed" in client.post(
        f"{BASE}/{entry}", data=entry_form(kind="training", contact="01632 960 001"), follow_redirects=True
    ).get_data(as_text=True)
    assert client.post(f"{BASE}/{entry}/retire").status_code == 302
    listing = get_page(client, f"{BASE}/")
    assert "Retired" in listing.text
    assert client.post(f"{BASE}/{entry}/restore").status_code == 302
    history = get_page(client, f"{BASE}/{entry}/history")
    rows = [
        [" ".join(td.get_text().split()) for td in tr.find_all(["th", "td"])] for tr in history.soup.select("tbody tr")
    ]
    assert [row[3] for row in rows] == ["Added", "Changed", "Retired", "Restored"]
    assert all(row[2] == "coordinator@example.org" for row in rows)
    assert rows[1][4] == "Kind of help: Training; Contact: 01632 960 001"
    assert rows[2][4] == "Retired: Yes" and rows[3][4] == "Retired: No"
    with app.app_context():
        assert db.session.scalar(select(LocalHelpVersion.number).order_by(LocalHelpVersion.id.desc())) == 4
        logged = list(db.session.scalars(select(AccessLog.action).order_by(AccessLog.id)))
    assert logged == ["local_help_added", "local_help_edited", "local_help_retired", "local_help_restored"]


def test_the_preview_shows_the_entry_in_an_example_guides_help(app, accounts):
    client = _sign_in(app, accounts)
    assert post_page(client, f"{BASE}/add", entry_form(groups=["sex_workers"], sections=["access"]), status=302)
    entry = _entry_id(app, "Corby Community Larder")
    page = get_page(client, f"{BASE}/{entry}/preview")
    text = " ".join(page.soup.select_one("main").get_text(" ").split())
    assert "The entry is in this example's guide, under “Local help in North Northamptonshire”." in text
    assert (
        "an example organisation in North Northamptonshire: Market Street Drop-in (example), which works with "
        "People experiencing homelessness, Vulnerable migrants, refugees and people seeking asylum and Sex workers "
        "and is at the start in every part of the audit." in text
    )
    item = next(li for li in page.soup.select("li") if "Corby Community Larder" in li.get_text())
    assert " ".join(item.get_text().split()) == (
        "Corby Community Larder: Free food parcels and advice on benefits, every weekday. Contact: info@example.org."
    )
    assert "North Northamptonshire Council" in page.text  # the rest of the area's help, as a guide lists it


def test_the_dashboard_links_to_local_help(app, accounts):
    client = _sign_in(app, accounts)
    page = get_page(client, "/coordinator/")
    assert page.soup.find("a", href="/coordinator/local-help/")


def test_the_preview_example_is_at_the_start_in_every_part_as_the_page_says(app):
    with app.app_context():
        content = get_content()
        example = load_example(content, Path(app.config["CONTENT_DIR"]) / "examples/starting-out.yml")
        guide = build_guide(content, example.profile, example.answers, first_audit=example.first_audit)
    assert {section.result.band for section in guide.sections} == {content.config.stages[0].id}


def test_training_topics_are_chosen_from_the_content_and_kept_in_the_history(app, accounts):
    client = _sign_in(app, accounts)
    page = get_page(client, f"{BASE}/add")
    with app.app_context():
        topics = get_content().config.training_topics
    assert page.checked("topics") == []
    assert [i["value"] for i in page.soup.select('input[name="topics"]')] == list(topics)
    refused = post_page(client, f"{BASE}/add", entry_form(kind="training", topics=["using_data", "juggling"]))
    assert refused.errors()  # a topic the content does not list
    assert refused.checked("topics") == ["using_data"]  # what was chosen is kept
    form = entry_form(title="Data training", kind="training", topics=["using_data", "evaluation"])
    assert post_page(client, f"{BASE}/add", form, status=302)
    entry_id = _entry_id(app, "Data training")
    with app.app_context():
        entry = db.session.get(LocalHelpEntry, entry_id)
        assert entry.topics == ["using_data", "evaluation"]
    assert get_page(client, f"{BASE}/{entry_id}").checked("topics") == ["using_data", "evaluation"]
    history = get_page(client, f"{BASE}/{entry_id}/history")
    assert topics["using_data"] in history.text
