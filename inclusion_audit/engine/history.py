"""Stored audits against today's content: every id they use must still lead somewhere.

Audits keep the question and section ids they were answered with. If the content renames an id without
saying so (`renamed_from`) or drops one without retiring it, old answers and scores would silently vanish
from exports and comparisons; `flask content check` uses this to refuse such a change.
"""

from __future__ import annotations

from collections.abc import Iterable

from .content import Content


def forgotten_ids(content: Content, stored_questions: Iterable[str], stored_sections: Iterable[str]) -> list[str]:
    """One line per id that stored audits use and the content neither has, renamed nor retired."""
    lines = []
    retired_questions, retired_sections = set(content.config.retired_questions), set(content.config.retired_sections)
    for question_id in sorted(set(stored_questions) - set(content.question_ids) - retired_questions):
        lines.append(
            f'question "{question_id}" is used by stored audits but is not in the content: add it to the '
            "`renamed_from` list of the question that replaced it, or to `retired_questions` in config.yml"
        )
    for section_id in sorted(set(stored_sections) - set(content.section_ids) - retired_sections):
        lines.append(
            f'section "{section_id}" is used by stored audits but is not in the content: add it to the '
            "`renamed_from` list of the section that replaced it, or to `retired_sections` in config.yml"
        )
    return lines
