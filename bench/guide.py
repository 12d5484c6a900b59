"""2. Guide assembly and the full guide PDF, for the most demanding answers.

References: scoring alone (for assembly), and WeasyPrint turning the guide's own web page into a PDF (for
the PDF). WeasyPrint only reads files from disk here (static/), never the network.
"""

from __future__ import annotations

import datetime
import mimetypes
from pathlib import Path

from inclusion_audit.config import PROJECT_ROOT
from inclusion_audit.engine import Guide, build_guide, score
from inclusion_audit.extensions import db
from inclusion_audit.guide.pdf import render_guide_pdf
from inclusion_audit.guide.pdf_text import forget_kept_paragraphs
from inclusion_audit.models import Audit, utcnow

from .app import add_member, bench_app, signed_in_client
from .heaviest import heaviest
from .profiling import profile_misses, run_measurement
from .report import Row, timing_row
from .timing import interleaved, time_calls

EMAIL = "guide@bench.example.org"
DAY = datetime.date(2026, 11, 24)
BASE_URL = "https://bench.invalid/"
PDF_LIMIT_MS = 150
WEASYPRINT_SPEEDUP = 5


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

    assembly = interleaved(
        {"guide": lambda: build_guide(content, profile, answers), "score": lambda: score(content, profile, answers)},
        rounds=50 if quick else 300,
    )
    html = guide_page_html(out_dir, guide, profile)

    fetcher = _static_fetcher()

    def weasyprint() -> bytes:
        return HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher).write_pdf()

    def reportlab() -> bytes:
        return render_guide_pdf(guide, generated_on=DAY)

    def reportlab_new_worker() -> bytes:
        forget_kept_paragraphs()  # nothing laid out before: the first guide a worker renders
        return reportlab()

    rounds = 8 if quick else 40
    pdf = interleaved({"warm": reportlab, "new worker": reportlab_new_worker}, rounds=rounds, warmup=2)
    reference = time_calls(weasyprint, rounds=2 if quick else 5, warmup=1)
    (out_dir / "heaviest-guide.pdf").write_bytes(reportlab())
    (out_dir / "heaviest-guide-weasyprint.pdf").write_bytes(weasyprint())

    warm, cold, ref = pdf["warm"], pdf["new worker"], "WeasyPrint, guide page"
    pdf_goal = f"≤ {PDF_LIMIT_MS} ms and ≤ {1 / WEASYPRINT_SPEEDUP:g}× reference ({WEASYPRINT_SPEEDUP}× faster)"

    def pdf_row(label: str, ours: float, theirs: float) -> Row:
        met = ours * 1000 <= PDF_LIMIT_MS and ours * WEASYPRINT_SPEEDUP <= theirs
        return Row(f"Guide PDF p50, {label}", ours * 1000, theirs * 1000, "ms", f"{ref}, {label}", pdf_goal, met)

    rows = [
        timing_row("Guide assembly p50", assembly["guide"].p50, assembly["score"].p50, "scoring", None, note=note),
        pdf_row("CPU time", warm.cpu_p50, reference.cpu_p50),
        pdf_row("wall clock", warm.p50, reference.p50),
        timing_row("Guide PDF p95, wall clock", warm.p95, reference.p95, ref, None),
        timing_row(
            "Guide PDF p50, a worker's first, CPU", cold.cpu_p50, reference.cpu_p50, ref, 1 / WEASYPRINT_SPEEDUP
        ),
    ]
    profile_misses(rows, {"Guide PDF": reportlab}, 10, out_dir)
    return rows


if __name__ == "__main__":
    run_measurement("guide", measure)
