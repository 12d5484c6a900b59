"""The question page's notes box reuses the GOV.UK markup around the organisation's words (CachedCharacterCount):
whatever the words, the page must be byte for byte what the GOV.UK macro itself would give, escaping included,
and a box never carries words from an earlier page."""

from __future__ import annotations

from govuk_frontend_wtf.wtforms_widgets import GovCharacterCount
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict

from inclusion_audit.audit.section_form import CachedCharacterCount, SectionForm
from tests.audit.helpers import revision_on_page
from tests.audit.test_notes import post_section
from tests.conftest import get_page, post_page

TRICKY = st.sampled_from(
    [
        "",
        "&amp; <b>bold</b> \"quoted\" 'single'",
        "\nstarts with a line break",
        "{{ params.value }} {% raw %}",
        CachedCharacterCount.MARKER,
        f"{CachedCharacterCount.MARKER} twice {CachedCharacterCount.MARKER}",
        "\\1 \\g<0> $& ",
        "Friday’s outreach — 2 sites\r\nline two",
    ]
)
WORDS = st.one_of(TRICKY, st.text(max_size=60))
PARAMS = {"maxlength": 2000, "label": {"classes": "govuk-label--m"}}


def _boxes(app, words: str, errors: bool) -> tuple[str, str]:
    with app.test_request_context("/", method="POST"):
        form = SectionForm(formdata=MultiDict({"notes": words}), meta={"csrf": False})
        if errors:
            form.notes.errors = ["Notes must be 2,000 characters or fewer"]
        cached = str(CachedCharacterCount()(form.notes, params=dict(PARAMS)))
        plain = str(GovCharacterCount()(form.notes, params=dict(PARAMS)))
        return cached, plain


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=WORDS, errors=st.booleans(), before=WORDS)
def test_the_cached_box_is_the_macros_own_markup_for_any_words(app, words, errors, before):
    _boxes(app, before, errors)  # someone else's page first: it must leave nothing behind
    cached, plain = _boxes(app, words, errors)
    assert cached == plain


def test_refused_or_clashing_notes_stay_in_the_box_as_typed(app, member_client):
    """With the box's markup reused, what the person typed must still be what the page shows back to them."""
    too_long = "<x>" * 350  # 1,050 characters: refused
    data = {"action": "later", "notes": too_long, "revision": revision_on_page(member_client, "commitment")}
    page = post_page(member_client, "/audit/section/commitment", data)
    assert page.errors() == ["Notes must be 1,000 characters or fewer"]
    assert page.soup.find("textarea", attrs={"name": "notes"}).get_text() == too_long

    post_section(member_client, app, "impact", {}, "First version")
    stale = get_page(member_client, "/audit/section/impact")
    post_section(member_client, app, "impact", {}, "A colleague's version")
    data = {"action": "later", "notes": "My <version> & more"}
    data.update(revision=stale.value_of("revision"), original=stale.value_of("original"))
    page = post_page(member_client, "/audit/section/impact", data)
    assert page.soup.find(id="conflict-title") is not None
    assert page.soup.find("textarea", attrs={"name": "notes"}).get_text() == "My <version> & more"
