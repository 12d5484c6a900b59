"""1. A question page: GET and the save POST, server time through the Flask test client.

Reference: a bench-only page that renders just the base layout, requested by the same signed-in client.
"""

from __future__ import annotations

from pathlib import Path

from flask.testing import FlaskClient

from inclusion_audit.audit.section_form import SAVE_AND_CONTINUE, SAVE_FOR_LATER, encode_answers
from inclusion_audit.engine import SectionDef
from inclusion_audit.extensions import db

from .app import REFERENCE_PATH, add_member, bench_app, hidden_value, signed_in_client
from .profiling import profile_misses, run_measurement
from .report import Row, timing_row
from .timing import interleaved

EMAIL = "pages@bench.example.org"
ROUNDS = 400
GET_GOAL, POST_GOAL = 2, 3


def _expect(client: FlaskClient, method: str, url: str, status: int, **kwargs):
    response = client.open(url, method=method, **kwargs)
    if response.status_code != status:
        raise RuntimeError(f"{method} {url} gave {response.status_code}, expected {status}")
    return response


class Saver:
    """Posts 'Save and continue' with alternating answers, so every save really changes rows."""

    def __init__(self, client: FlaskClient, section: SectionDef) -> None:
        self.client = client
        self.url = f"/audit/section/{section.id}"
        self.choices = [{q.id: value for q in section.questions} for value in ("partly", "embedded")]
        html = _expect(client, "GET", self.url, 200).get_data(as_text=True)
        self.revision = int(hidden_value(html, "revision"))
        self.turn = 0

    def save(self) -> None:
        mine, before = self.choices[self.turn % 2], self.choices[(self.turn + 1) % 2]
        form = {**mine, "action": SAVE_AND_CONTINUE, "revision": str(self.revision), "original": encode_answers(before)}
        response = _expect(self.client, "POST", self.url, 302, data=form)
        if "/audit/section/" not in response.headers["Location"]:
            raise RuntimeError(f"save went to {response.headers['Location']}, not the next question page")
        self.revision += 1
        self.turn += 1


def measure(out_dir: Path, quick: bool = False) -> list[Row]:
    app = bench_app(f"sqlite:///{out_dir / 'pages.db'}")
    with app.app_context():
        db.drop_all()
        db.create_all()
    add_member(app, EMAIL)
    client = signed_in_client(app, EMAIL)
    sections = app.extensions["audit_content"].sections
    # Mid-way through an audit: every part answered but the last, which is still to do.
    for section in sections[:-1]:
        answers = {q.id: "partly" for q in section.questions}
        _expect(client, "POST", f"/audit/section/{section.id}", 302, data={**answers, "action": SAVE_FOR_LATER})
    section = sections[1]
    saver = Saver(client, section)
    calls = {
        "Question page GET": lambda: _expect(client, "GET", f"/audit/section/{section.id}", 200),
        "Question page save POST": saver.save,
        "reference": lambda: _expect(client, "GET", REFERENCE_PATH, 200),
    }
    rounds = 60 if quick else ROUNDS
    timings = interleaved(calls, rounds, warmup=10)
    ref = timings.pop("reference")
    rows = []
    for (name, ours), goal in zip(timings.items(), (GET_GOAL, POST_GOAL), strict=True):
        for label, value, ref_value in (("p50", ours.p50, ref.p50), ("p95", ours.p95, ref.p95)):
            rows.append(timing_row(f"{name} {label}", value, ref_value, f"bare layout {label}", goal))
    profile_misses(rows, {name: call for name, call in calls.items() if name != "reference"}, rounds // 2, out_dir)
    return rows


if __name__ == "__main__":
    run_measurement("pages", measure)
