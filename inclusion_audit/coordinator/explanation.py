"""What the dashboard and its downloads say about their figures. Each sentence is checked by the tests in
tests/coordinator/test_explanation.py against what the disclosure code does (docs/privacy.md has the design)."""

from __future__ import annotations

WHO_COUNTS = "These figures only count organisations that a coordinator for their area has verified as real."
NOISE = (
    "To make it hard to pick out any one organisation, every count has been changed by up to 2, up or down: about "
    "4 in 10 counts are exact. The same selection always shows the same figures, on the page and in downloads, so "
    "looking again does not wear the change away. Totals may not add up exactly."
)
FEWER_THAN_5 = "A count below 5, including none at all, is shown as “fewer than 5”."
SUMMARIES = (
    "There are no medians or quartiles. The middle band and the share scoring 60% or more are worked out from "
    "the changed counts, and only shown for 10 or more organisations. A share is not shown when fewer than 5 of "
    "them score 60% or more."
)
EXPLANATION = (WHO_COUNTS, NOISE, FEWER_THAN_5, SUMMARIES)
ABOUT_FIGURES = (
    ("Who is counted", WHO_COUNTS),
    ("Counts", NOISE),
    ("Small numbers", FEWER_THAN_5),
    ("Summaries", SUMMARIES),
)
