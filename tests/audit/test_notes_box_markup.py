"""The question page's notes box reuses the GOV.UK markup around the organisation's words (CachedCharacterCount):
whatever the words, the page must be byte for byte what the GOV.UK macro itself would give, escaping included,
and a box never carries words from an earlier page."""

from __future__ import annotations

from govuk_frontend_wtf.wtforms_widgets import GovCharacterCount
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict

from inclusion_audit.audit.section_form import CachedCharacterCount, SectionForm

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
