"""2. Guide assembly and the full guide PDF, for the most demanding answers.

References: scoring alone (for assembly), and WeasyPrint turning the guide's own web page into a PDF (for
the PDF). WeasyPrint only reads files from disk here (static/), never the network.
"""

from __future__ import annotations

import dataclasses
import datetime
import mimetypes
from pathlib import Path

from inclusion_audit.config import PROJECT_ROOT
from inclusion_audit.engine import Guide, build_guide, score
from inclusion_audit.engine.answers_file import load_answers_file
from inclusion_audit.extensions import db
from inclusion_audit.guide.pdf import render_guide_pdf
from inclusion_audit.models import Audit, utcnow

from .app import add_member, bench_app, signed_in_client
from .heaviest import heaviest
from .profiling import profile_misses, run_measurement
from .report import Row, timing_row
from .timing import Timings, interleaved, time_calls

EMAIL = "guide@bench.example.org"
DAY = datetime.date(2026, 11, 24)
BASE_URL = "https://bench.invalid/"
STARTING_OUT = PROJECT_ROOT / "content" / "examples" / "starting-out.yml"
# The goals: the starting-out example's PDF within 100 ms of CPU, and every guide's PDF at least 10 times
# faster than WeasyPrint making a PDF of the same guide's web page.
PDF_LIMIT_MS = 100
WEASYPRINT_SPEEDUP = 10
# The starting-out example again, for an organisation whose name mixes scripts: it is on the cover and in the
# header of every page, so each page shapes Arabic, Devanagari and emoji and the document embeds five more fonts.
MIXED_NAME = "Market Street Drop-in · سوق الشارع · 市场街 · बाज़ार केंद्र · 🏳️\u200d🌈"


def _static_fetcher():
    """Serves /static/... from disk and refuses anything else, so WeasyPrint never touches the network."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            target = (PROJECT_ROOT / url.removeprefix(BASE_URL)).resolve()
            if not url.startswith(BASE_URL) or not target.is_relative_to(PROJECT_ROOT / "static"):
                raise ValueError(f"bench fetcher refuses {url}")
            content_type = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, target.read_bytes(), {"Content-Type": content_type})

    return StaticFetcher(allowed_protocols=["https"])


def guide_page_html(out_dir: Path, guide: Guide, profile) -> str:
    """The guide as its web page, through the real route, for a submitted audit holding this guide."""
    app = bench_app(f"sqlite:///{out_dir / 'guide.db'}")
    with app.app_context():
        db.drop_all()
        db.create_all()
    fields = {name: getattr(profile, name) for name in ("org_type", "size_band", "area")}
    organisation_id = add_member(app, EMAIL, profile={**fields, "groups": list(profile.groups)})
    with app.app_context():
        now = utcnow()
        audit = Audit(organisation_id=organisation_id, status="submitted", submitted_at=now, updated_at=now)
        audit.guide_snapshot, audit.overall_percent = guide.to_dict(), guide.overall.percent
        db.session.add(audit)
        db.session.commit()
        audit_id = audit.id
    response = signed_in_client(app, EMAIL).get(f"/audits/{audit_id}/guide")
    if response.status_code != 200:
        raise RuntimeError(f"guide page gave {response.status_code}")
    return response.get_data(as_text=True)


def measure(out_dir: Path, quick: bool = False) -> list[Row]:
    from weasyprint import HTML

    app = bench_app("sqlite://")
    content = app.extensions["audit_content"]
    profile, answers, (matched, characters) = heaviest(content)
    guide = build_guide(content, profile, answers)
    note = f"{matched} snippets, {characters:,} characters"
    starting_profile, starting_answers = load_answers_file(content, STARTING_OUT)
    starting = build_guide(content, starting_profile, starting_answers)
    mixed_profile = dataclasses.replace(starting_profile, name=MIXED_NAME)
    mixed = build_guide(content, mixed_profile, starting_answers)

    assembly = interleaved(
        {"guide": lambda: build_guide(content, profile, answers), "score": lambda: score(content, profile, answers)},
        rounds=50 if quick else 300,
    )
    fetcher = _static_fetcher()
    pages = {
        "starting-out": guide_page_html(out_dir, starting, starting_profile),
        "mixed-script": guide_page_html(out_dir, mixed, mixed_profile),
        "heaviest": guide_page_html(out_dir, guide, profile),
    }
    guides = {"starting-out": starting, "mixed-script": mixed, "heaviest": guide}

    def weasyprint(name: str):
        return lambda: HTML(string=pages[name], base_url=BASE_URL, url_fetcher=fetcher).write_pdf()

    def reportlab(name: str):
        return lambda: render_guide_pdf(guides[name], generated_on=DAY)

    rounds = 8 if quick else 40
    ours = interleaved({name: reportlab(name) for name in guides}, rounds=rounds, warmup=2)
    theirs = {name: time_calls(weasyprint(name), rounds=2 if quick else 5, warmup=1) for name in guides}
    for name in guides:
        (out_dir / f"{name}-guide.pdf").write_bytes(reportlab(name)())
        (out_dir / f"{name}-guide-weasyprint.pdf").write_bytes(weasyprint(name)())

    rows = [
        timing_row("Guide assembly p50", assembly["guide"].p50, assembly["score"].p50, "scoring", None, note=note),
        *_pdf_rows("starting-out example", ours["starting-out"], theirs["starting-out"], limit_ms=PDF_LIMIT_MS),
        *_pdf_rows("starting-out, mixed-script name", ours["mixed-script"], theirs["mixed-script"], limit_ms=None),
        timing_row(
            "Guide PDF p50, mixed-script name against Latin, CPU",
            ours["mixed-script"].cpu_p50,
            ours["starting-out"].cpu_p50,
            "ours, Latin-only name, same run",
            None,
        ),
        *_pdf_rows("heaviest guide", ours["heaviest"], theirs["heaviest"], limit_ms=None, note=note),
    ]
    profile_misses(rows, {"Guide PDF": reportlab("starting-out")}, 10, out_dir)
    return rows


def _pdf_rows(label: str, ours: Timings, theirs: Timings, *, limit_ms: float | None, note: str = "") -> list[Row]:
    """CPU and wall-clock rows for one guide's PDF against WeasyPrint on the same guide's page."""
    ref = "WeasyPrint, same guide's page, {}"
    speedup = f"≤ {1 / WEASYPRINT_SPEEDUP:g}× reference ({WEASYPRINT_SPEEDUP}× faster)"
    goal = f"≤ {limit_ms:g} ms and {speedup}" if limit_ms else speedup

    def row(kind: str, ours_s: float, theirs_s: float) -> Row:
        met = ours_s * WEASYPRINT_SPEEDUP <= theirs_s and (limit_ms is None or ours_s * 1000 <= limit_ms)
        return Row(
            f"Guide PDF p50, {label}, {kind}",
            ours_s * 1000,
            theirs_s * 1000,
            "ms",
            ref.format(kind),
            goal,
            met,
            note=note,
        )

    return [
        row("CPU time", ours.cpu_p50, theirs.cpu_p50),
        row("wall clock", ours.p50, theirs.p50),
        timing_row(f"Guide PDF p95, {label}, wall clock", ours.p95, theirs.p95, ref.format("wall clock"), None),
    ]


if __name__ == "__main__":
    run_measurement("guide", measure)
