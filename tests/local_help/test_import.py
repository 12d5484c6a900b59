"""The content files' local packs become the starting local help entries, and guides stay the same."""

from sqlalchemy import select

from inclusion_audit import queries
from inclusion_audit.content_store import get_content
from inclusion_audit.extensions import db
from inclusion_audit.local_help_models import LocalHelpVersion

from .helpers import NORTH


def test_imported_entries_give_the_same_local_help_as_the_content_pack(app):
    with app.app_context():
        content = get_content()
        from_pack = queries.content_for_area(content, NORTH)
        assert queries.import_local_packs(content) == {NORTH: 8, "west_northamptonshire": 8}
        assert queries.import_local_packs(content) == {}  # again: nothing changes
        from_database = queries.content_for_area(content, NORTH)
    pack = [(e.meta.title, e.meta.what, e.meta.url, e.meta.when) for e in from_pack.help if e.area == NORTH]
    imported = [(e.meta.title, e.meta.what, e.meta.url, e.meta.when) for e in from_database.help if e.area == NORTH]
    assert imported == pack


def test_an_import_is_the_first_version_of_each_entry_and_keeps_the_packs_notes(app, runner):
    result = runner.invoke(args=["local-help", "import"])
    assert "Imported 8 local help entries for north_northamptonshire." in result.output
    assert "Nothing to import" in runner.invoke(args=["local-help", "import"]).output
    with app.app_context():
        first = db.session.scalars(select(LocalHelpVersion).order_by(LocalHelpVersion.id)).first()
        assert (first.number, first.change, first.who) == (1, "imported", "local/north_northamptonshire.yml")
        assert first.data["title"] == "North Northamptonshire Council"
        assert first.data["source"].startswith("Local system brief")


def test_without_an_import_guides_use_the_content_pack(app):
    with app.app_context():
        content = get_content()
        assert queries.area_local_help(NORTH) is None
        assert queries.content_for_area(content, NORTH).help == content.help  # the pack, as it is
