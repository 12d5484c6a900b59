"""Tables and summary lists for the organisation page a coordinator sees for an organisation sharing by name.

Built from the organisation's own records: these describe one organisation that agreed to be named, so they are
not counts across organisations and do not go through disclosure control.
"""

from __future__ import annotations

from collections.abc import Sequence

from flask import url_for
from markupsafe import Markup

from ..dates import format_date
from ..engine import Content
from ..engine.scoring import band_for
from ..govuk import DASH, FIGURES, SMALL_TEXT, Item, cell, numeric, summary_list, table
from ..models import Audit, Organisation, SectionScore, User
from ..queries import PlanRow

NOT_ENOUGH = "Not enough answers"
HISTORY_COLUMNS = 3  # submitted audits side by side in the stages table, newest first


def _link(href: str, text: str, hidden: str) -> Markup:
    return Markup('<a class="govuk-link" href="{}">{}<span class="govuk-visually-hidden"> {}</span></a>').format(
        href, text, hidden
    )


def _stage(percent: int | None, label: str | None) -> str:
    return f"{label} ({percent}%)" if percent is not None and label else NOT_ENOUGH


def contact_value(organisation: Organisation, admins: Sequence[User]) -> Markup | str:
    if not organisation.share_contact:
        return "Not shared: the organisation has not agreed to show its admins' email addresses."
    links = [Markup('<a class="govuk-link" href="mailto:{0}">{0}</a>').format(admin.email) for admin in admins]
    return Markup("<br>").join(links) if links else "The organisation has no admins at the moment."


def profile_list(organisation: Organisation, content: Content, admins: Sequence[User]) -> Item:
    lists = content.config.profile
    area = organisation.area or ""
    groups = [lists.groups.get(group, group) for group in organisation.groups]
    if organisation.other_groups:
        groups.append(f"Also, in their words: {organisation.other_groups}")
    pairs: list[tuple[str, object]] = [("Area", lists.areas.get(area, "Not given"))]
    if organisation.local_area:
        local = lists.local_areas.get(area, {}).get(organisation.local_area, organisation.local_area)
        pairs.append(("Mainly works in", local))
    pairs += [
        ("Type", lists.org_types.get(organisation.org_type or "", "Not given")),
        ("Size", lists.size_bands.get(organisation.size_band or "", "Not given")),
        ("Groups served", Markup("<br>").join(groups) if groups else "Not given"),
        ("Contact", contact_value(organisation, admins)),
    ]
    if organisation.sharing_changed_at:
        pairs.append(("Sharing by name since", format_date(organisation.sharing_changed_at)))
    return summary_list(pairs)


def _overall(audit: Audit, content: Content) -> str:
    band = band_for(content.config.stages, audit.overall_percent)
    return _stage(audit.overall_percent, band.label if band else None)


def audits_table(audits: Sequence[Audit], content: Content) -> Item:
    """Every audit, newest first, with links to the results and guide of each submitted one."""
    rows = []
    for audit in audits:
        started = format_date(audit.started_at)
        if audit.is_submitted and audit.guide_snapshot:
            hidden = f"of the audit submitted on {format_date(audit.submitted_at)}"
            links = Markup("{}<br>{}").format(
                _link(url_for("coordinator.shared_results", audit_id=audit.id), "Results", hidden),
                _link(url_for("coordinator.shared_guide", audit_id=audit.id), "Guide", hidden),
            )
            rows.append(
                [cell(started), cell(format_date(audit.submitted_at)), cell(_overall(audit, content)), cell(links)]
            )
        else:
            rows.append([cell(started), cell("Not submitted yet"), cell(DASH), cell(DASH)])
    return table(
        "Audits, newest first",
        [cell("Started"), cell("Submitted"), cell("Stage overall"), cell("See")],
        rows,
        caption_size="m",
        label_id="audits-caption",
    )


def stages_table(submitted: Sequence[Audit], content: Content) -> Item | None:
    """The stage in each section for the latest submitted audits side by side, so a coordinator sees the change.
    From the stored scores, as in the shared-results download."""
    shown = submitted[:HISTORY_COLUMNS]
    if not shown:
        return None
    labels = {stage.id: stage.label for stage in content.config.stages}
    # A section renamed since an earlier audit is still the same section: its scores may be stored under any id it had.
    part_of = {old: section.id for section in content.sections for old in (section.id, *section.renamed_from)}
    scores = [
        {part_of.get(score.section_id, score.section_id): score for score in audit.section_scores} for audit in shown
    ]

    def stage(score: SectionScore | None) -> str:
        return DASH if score is None else _stage(score.percent, labels.get(score.band or "", score.band))

    rows = [
        [cell(section.title), *(cell(stage(by_part.get(section.id))) for by_part in scores)]
        for section in content.sections
    ]
    rows.append([cell("All sections together"), *(cell(_overall(audit, content)) for audit in shown)])
    head = [cell("Section"), *(cell(f"Submitted {format_date(audit.submitted_at)}") for audit in shown)]
    return table(
        "Stage and score in each section, latest audit first",
        head,
        rows,
        caption_size="m",
        label_id="stages-caption",
        classes=FIGURES,
    )


def plan_table(rows: Sequence[PlanRow]) -> Item:
    """The latest plan's actions with their status and due date (not who is responsible: that names people)."""
    body = [[cell(row.text), cell(row.section or DASH), cell(row.status), numeric(row.due or DASH)] for row in rows]
    return table(
        "Actions in the latest plan",
        [cell("Action"), cell("Section"), cell("Status"), numeric("Due")],
        body,
        label_id="plan-caption",
        classes=SMALL_TEXT,
    )
