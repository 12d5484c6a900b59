"""Every route against every kind of visitor, with objects belonging to organisation A.

The routes come from the app's URL map, so a new route without a line in MATRIX fails this test.
Wherever a visitor may not see A's results, the response must not contain A's name or email.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest
from sqlalchemy import select, update

from inclusion_audit import queries
from inclusion_audit.content_store import get_content
from inclusion_audit.extensions import db, limiter
from inclusion_audit.local_help_models import LocalHelpEntry
from inclusion_audit.models import Invitation, Organisation, User, Verification
from inclusion_audit.plan_models import PlanAction
from inclusion_audit.queries import StaffScope
from inclusion_audit.queries.stored_figures import figure_differences
from inclusion_audit.system_models import Area, StaffInvitation, System
from tests.audit.helpers import complete_audit, section_ids
from tests.conftest import PASSWORD, Accounts

A_NAME = "Alpha Unique Trust"
A_EMAIL = "alpha.member@example.org"
ROLES = ("anonymous", "member_a", "member_b", "coordinator", "admin")
# A's first member registered it, so is its team's admin; colleague_a is a plain member of A's team. Unless a line
# says otherwise, the colleague gets what member_a gets.
COLLEAGUE = "colleague_a"


@dataclass
class World:
    clients: dict
    first_section: str
    audit: int  # A's second submitted audit (it has a previous one to compare with)
    invitation: int  # an invitation A has sent and nobody has answered
    action: int  # an action in A's current plan
    own_action: int  # an action A added to its plan itself
    spare: int  # a third member of A's team, for the admin to promote and remove
    local_help: int  # a local help entry (North Northamptonshire); the coordinator here is for the whole system
    staff: int  # a spare coordinator, for the admin pages
    staff_invitation: int  # an invitation to be a coordinator, waiting for an answer


@dataclass(frozen=True)
class Expect:
    url: str
    statuses: tuple[int, int, int, int, int]  # in ROLES order
    data: dict = field(default_factory=dict)
    # Views where A's own members legitimately see A's name; everyone else must never see it.
    shows_a: tuple[str, ...] = ("member_a", COLLEAGUE)
    colleague: int | None = None  # None: the same as member_a

    def wanted(self) -> list[tuple[str, int]]:
        colleague = self.statuses[1] if self.colleague is None else self.colleague
        return [*zip(ROLES, self.statuses, strict=True), (COLLEAGUE, colleague)]


PUBLIC = (200, 200, 200, 200, 200)
SIGNED_OUT_ONLY = (200, 302, 302, 302, 302)
ANY_SIGNED_IN = (302, 200, 200, 200, 200)
MEMBERS = (302, 200, 200, 403, 403)
A_ONLY = (302, 200, 404, 403, 403)
STAFF = (302, 403, 403, 200, 200)
ADMIN = (302, 403, 403, 403, 200)
HIDDEN_FROM_STAFF = (302, 403, 403, 404, 404)  # A has not agreed to share by name
NOT_FOUND = (404, 404, 404, 404, 404)
STAFF_SEE_A = ("member_a", COLLEAGUE, "coordinator", "admin")
A_ONLY_POST = (302, 302, 404, 403, 403)

# (endpoint, method) -> what each kind of visitor gets. Requests run in this order; ones that change
# state come last. "{audit}" and "{section}" are filled from the world.
MATRIX: dict[tuple[str, str], Expect] = {
    ("static", "GET"): Expect("/static/images/favicon.svg", PUBLIC),
    ("main.start", "GET"): Expect("/", PUBLIC),
    ("main.accessibility", "GET"): Expect("/accessibility", PUBLIC),
    ("main.privacy", "GET"): Expect("/privacy", PUBLIC),
    ("main.cookies", "GET"): Expect("/cookies", PUBLIC),
    ("main.healthz", "GET"): Expect("/healthz", PUBLIC),
    ("main.feedback", "GET"): Expect("/feedback", PUBLIC),
    ("auth.sign_in", "GET"): Expect("/sign-in", SIGNED_OUT_ONLY),
    ("auth.sign_in", "POST"): Expect("/sign-in", SIGNED_OUT_ONLY),
    ("auth.create_account", "GET"): Expect("/account/create", SIGNED_OUT_ONLY),
    ("auth.create_account", "POST"): Expect("/account/create", SIGNED_OUT_ONLY),
    ("auth.forgot_password", "GET"): Expect("/password/forgot", PUBLIC),
    ("auth.forgot_password", "POST"): Expect("/password/forgot", PUBLIC),
    ("auth.reset_password", "GET"): Expect("/password/reset/not-a-token", NOT_FOUND),
    ("auth.reset_password", "POST"): Expect("/password/reset/not-a-token", NOT_FOUND),
    ("auth.confirm_account", "GET"): Expect("/account/confirm/not-a-token", NOT_FOUND),
    ("auth.confirm_account", "POST"): Expect("/account/confirm/not-a-token", NOT_FOUND),
    ("auth.accept_invitation", "GET"): Expect("/invitation/not-a-token", NOT_FOUND),
    ("auth.accept_invitation", "POST"): Expect("/invitation/not-a-token", NOT_FOUND),
    ("auth.accept_staff_invitation", "GET"): Expect("/invitation/staff/not-a-token", NOT_FOUND),
    ("auth.accept_staff_invitation", "POST"): Expect("/invitation/staff/not-a-token", NOT_FOUND),
    ("auth.change_password", "GET"): Expect("/account/password", ANY_SIGNED_IN),
    ("auth.change_password", "POST"): Expect("/account/password", ANY_SIGNED_IN),
    ("auth.account", "GET"): Expect("/account", ANY_SIGNED_IN),
    ("auth.account", "POST"): Expect("/account", (302, 302, 302, 200, 200)),  # members save their choices
    ("certificate.check_form", "GET"): Expect("/certificate", PUBLIC),
    ("certificate.check", "GET"): Expect("/certificate/not-a-code", NOT_FOUND),
    ("session_extend", "POST"): Expect("/session/extend", ANY_SIGNED_IN),
    ("audit.task_list", "GET"): Expect("/audit/", MEMBERS),
    ("audit.profile", "GET"): Expect("/audit/profile", MEMBERS),
    ("audit.profile", "POST"): Expect("/audit/profile", MEMBERS),
    ("audit.section", "GET"): Expect("/audit/section/{section}", MEMBERS),
    ("audit.check_answers", "GET"): Expect("/audit/check", (302, 200, 302, 403, 403)),
    ("audit.team", "GET"): Expect("/audit/team", MEMBERS),
    ("audit.team", "POST"): Expect("/audit/team", MEMBERS, colleague=403),  # inviting is for admins
    ("audit.sharing", "GET"): Expect("/audit/sharing", MEMBERS),
    ("audit.your_data", "GET"): Expect("/audit/your-data", MEMBERS),
    ("audit.download_data", "GET"): Expect("/audit/your-data/download", MEMBERS),
    ("audit.delete_organisation", "GET"): Expect("/audit/delete", MEMBERS, colleague=403),
    ("audit.delete_organisation", "POST"): Expect("/audit/delete", MEMBERS, colleague=403),
    ("audit.leave_team", "GET"): Expect("/audit/team/leave", MEMBERS),
    ("audit.remove_member", "GET"): Expect("/audit/team/members/{spare}/remove", A_ONLY, colleague=403),
    ("audit.change_role", "GET"): Expect("/audit/team/members/{spare}/role", A_ONLY, colleague=403),
    # B has submitted nothing, so it has no plan: the page says when one starts, and nothing else exists yet.
    ("audit.plan", "GET"): Expect("/audit/plan", MEMBERS),
    ("audit.change_action", "GET"): Expect("/audit/plan/actions/{action}", A_ONLY),
    ("audit.add_from_guide", "GET"): Expect("/audit/plan/add-from-guide", A_ONLY),
    ("audit.add_from_guide", "POST"): Expect("/audit/plan/add-from-guide", A_ONLY),  # nothing chosen: errors
    ("audit.add_own_action", "GET"): Expect("/audit/plan/add", A_ONLY),
    ("audit.add_own_action", "POST"): Expect("/audit/plan/add", A_ONLY),  # nothing typed: errors
    ("audit.plan_word", "GET"): Expect("/audit/plan/action-plan.docx", A_ONLY),
    ("audit.plan_spreadsheet", "GET"): Expect("/audit/plan/action-plan.csv", A_ONLY),
    ("certificate.download", "GET"): Expect("/audit/plan/certificate.pdf", A_ONLY),
    ("guide.results", "GET"): Expect("/audits/{audit}/results", A_ONLY),
    ("guide.guide_page", "GET"): Expect("/audits/{audit}/guide", A_ONLY),
    ("guide.guide_pdf", "GET"): Expect("/audits/{audit}/guide.pdf", A_ONLY),
    ("guide.guide_docx", "GET"): Expect("/audits/{audit}/guide.docx", A_ONLY),
    ("guide.compare", "GET"): Expect("/audits/{audit}/compare", A_ONLY),
    ("coordinator.dashboard", "GET"): Expect("/coordinator/", STAFF),
    ("coordinator.needs", "GET"): Expect("/coordinator/needs", STAFF),
    ("coordinator.side_by_side", "GET"): Expect("/coordinator/side-by-side", STAFF),
    ("coordinator.organisations", "GET"): Expect("/coordinator/organisations", STAFF),
    # Organisation A is the first one made (id 1, as the world fixture relies on too).
    ("coordinator.organisation", "GET"): Expect("/coordinator/organisations/1", HIDDEN_FROM_STAFF),
    ("coordinator.shared_results", "GET"): Expect("/coordinator/audits/{audit}/results", HIDDEN_FROM_STAFF),
    ("coordinator.shared_guide", "GET"): Expect("/coordinator/audits/{audit}/guide", HIDDEN_FROM_STAFF),
    ("coordinator.export_audits", "GET"): Expect("/coordinator/export/audits.csv", STAFF),
    ("coordinator.export_summary", "GET"): Expect("/coordinator/export/summary.csv", STAFF),
    ("coordinator.access_log", "GET"): Expect("/coordinator/access-log", ADMIN),
    ("coordinator.pipeline", "GET"): Expect("/coordinator/pipeline", STAFF),
    ("coordinator.report", "GET"): Expect("/coordinator/report.pdf", STAFF),
    # A does not share by name: no reminder from a coordinator, and its name is never on the pipeline page.
    ("coordinator.send_reminder", "POST"): Expect("/coordinator/pipeline/1/reminder", HIDDEN_FROM_STAFF),
    # A is not verified yet: staff see its name in the queue, as they must to decide about it (A's id is 1).
    ("coordinator.verification_queue", "GET"): Expect("/coordinator/verify", STAFF, shows_a=(*STAFF_SEE_A,)),
    ("coordinator.verify_organisation", "GET"): Expect("/coordinator/verify/1", STAFF, shows_a=(*STAFF_SEE_A,)),
    # Rejecting without a reason: the error page, nothing changed.
    ("coordinator.verify_organisation", "POST"): Expect(
        "/coordinator/verify/1", STAFF, {"decision": "rejected"}, shows_a=(*STAFF_SEE_A,)
    ),
    ("coordinator.feedback_list", "GET"): Expect("/coordinator/feedback", ADMIN),
    ("admin.users", "GET"): Expect("/admin/", ADMIN),
    ("admin.invite", "GET"): Expect("/admin/invite", ADMIN),
    ("admin.invite", "POST"): Expect("/admin/invite", ADMIN),  # nothing typed: errors
    ("admin.user", "GET"): Expect("/admin/users/{staff}", ADMIN),
    ("admin.user", "POST"): Expect("/admin/users/{staff}", ADMIN),  # nothing chosen: errors
    ("admin.systems", "GET"): Expect("/admin/systems", ADMIN),
    ("admin.add_system", "GET"): Expect("/admin/systems/add", ADMIN),
    ("admin.add_system", "POST"): Expect("/admin/systems/add", ADMIN),  # nothing typed: errors
    ("admin.rename_system", "GET"): Expect("/admin/systems/1/rename", ADMIN),
    ("admin.rename_system", "POST"): Expect("/admin/systems/1/rename", ADMIN),  # nothing typed: errors
    ("admin.add_area", "GET"): Expect("/admin/systems/1/areas/add", ADMIN),
    ("admin.add_area", "POST"): Expect("/admin/systems/1/areas/add", ADMIN),  # nothing typed: errors
    ("admin.rename_area", "GET"): Expect("/admin/areas/west_northamptonshire/rename", ADMIN),
    ("admin.rename_area", "POST"): Expect("/admin/areas/west_northamptonshire/rename", ADMIN),  # errors
    ("admin.retire_area", "GET"): Expect("/admin/areas/west_northamptonshire/retire", ADMIN),
    ("admin.retire_area", "POST"): Expect("/admin/areas/west_northamptonshire/retire", ADMIN),  # nothing chosen
    ("local_help.entries", "GET"): Expect("/coordinator/local-help/", STAFF),
    ("local_help.add", "GET"): Expect("/coordinator/local-help/add", STAFF),
    ("local_help.add", "POST"): Expect("/coordinator/local-help/add", STAFF),  # nothing typed: errors
    ("local_help.edit", "GET"): Expect("/coordinator/local-help/{local_help}", STAFF),
    ("local_help.edit", "POST"): Expect("/coordinator/local-help/{local_help}", STAFF),  # nothing typed: errors
    ("local_help.history", "GET"): Expect("/coordinator/local-help/{local_help}/history", STAFF),
    ("local_help.preview", "GET"): Expect("/coordinator/local-help/{local_help}/preview", STAFF),
    ("local_help.retire", "POST"): Expect("/coordinator/local-help/{local_help}/retire", (302, 403, 403, 302, 302)),
    ("local_help.restore", "POST"): Expect("/coordinator/local-help/{local_help}/restore", (302, 403, 403, 302, 302)),
    ("admin.cancel_invitation", "POST"): Expect(
        "/admin/invitations/{staff_invitation}/cancel", (302, 403, 403, 403, 302)
    ),
    ("admin.deactivate", "POST"): Expect("/admin/users/{staff}/deactivate", (302, 403, 403, 403, 302)),
    ("admin.reactivate", "POST"): Expect("/admin/users/{staff}/reactivate", (302, 403, 403, 403, 302)),
    # These change state, so they run last. Plan changes come before A's third audit is submitted (below),
    # which starts a new plan.
    ("audit.change_action", "POST"): Expect(
        "/audit/plan/actions/{action}", A_ONLY_POST, {"owner": "nobody", "status": "in_progress"}
    ),
    # Removed by member_a a moment before the colleague tries.
    ("audit.remove_action", "POST"): Expect("/audit/plan/actions/{own_action}/remove", A_ONLY_POST, colleague=404),
    ("audit.sharing", "POST"): Expect(
        "/audit/sharing", (302, 302, 302, 403, 403), {"sharing": "aggregate"}, colleague=403
    ),
    ("main.feedback", "POST"): Expect("/feedback", PUBLIC, {"text": "Fine."}),
    ("audit.section", "POST"): Expect("/audit/section/{section}", (302, 302, 302, 403, 403), {"action": "later"}),
    # B's only audit was started by the section POST above and is incomplete: sent back to check answers.
    ("audit.submit", "POST"): Expect("/audit/submit", (302, 302, 302, 403, 403)),
    ("audit.start_new", "POST"): Expect("/audit/new", (302, 302, 302, 403, 403)),
    # Only A's own members can send A's invitation again or cancel it; to B it does not exist.
    ("audit.resend_invitation", "POST"): Expect(
        "/audit/team/invitations/{invitation}/resend", A_ONLY_POST, colleague=403
    ),
    ("audit.cancel_invitation", "POST"): Expect(
        "/audit/team/invitations/{invitation}/cancel", A_ONLY_POST, colleague=403
    ),
    # Only A's admin changes A's team; to B (the admin of its own team) A's members do not exist.
    ("audit.change_role", "POST"): Expect(
        "/audit/team/members/{spare}/role", A_ONLY_POST, {"role": "admin"}, colleague=403
    ),
    ("audit.remove_member", "POST"): Expect("/audit/team/members/{spare}/remove", A_ONLY_POST, colleague=403),
    # A's and B's admins are their teams' only admins, so they cannot leave (the page says why); the colleague
    # leaves, which deletes their account.
    ("audit.leave_team", "POST"): Expect(
        "/audit/team/leave", (302, 200, 200, 403, 403), {"confirm": "y", "password": PASSWORD}
    ),
    ("auth.sign_out", "POST"): Expect("/sign-out", (302, 302, 302, 302, 302)),
}


@pytest.fixture
def world(app, accounts) -> World:
    accounts.member(email=A_EMAIL, organisation=A_NAME)
    accounts.colleague("colleague.a@example.org", of=A_EMAIL)
    spare = accounts.colleague("spare.a@example.org", of=A_EMAIL)
    accounts.member(email="bravo@example.org", organisation="Bravo Project")
    accounts.staff(email="coordinator@example.org", role="coordinator")
    admin = accounts.staff(email="admin@example.org", role="admin")
    staff = accounts.staff(email="spare.coordinator@example.org")
    member_a = app.test_client()
    Accounts(app, member_a).sign_in(A_EMAIL)
    complete_audit(member_a, app, "starting-out")
    assert member_a.post("/audit/new").status_code == 302
    audit = complete_audit(member_a, app, "well-advanced")
    assert member_a.post("/audit/new").status_code == 302  # a third audit, in progress
    assert member_a.post("/audit/team", data={"email": "invited@example.org"}).status_code == 302
    assert member_a.post("/audit/plan/add", data={"text": "Our own action", "section": "none"}).status_code == 302
    with app.app_context():
        # The example answers file renames the organisation; put A's distinctive name back.
        db.session.execute(update(Organisation).where(Organisation.id == 1).values(name=A_NAME))
        db.session.commit()
    clients = {"anonymous": app.test_client(), "member_a": member_a}
    for role, email in [("member_b", "bravo@example.org"), ("coordinator", "coordinator@example.org")]:
        clients[role] = app.test_client()
        clients[role].post("/sign-in", data={"email": email, "password": PASSWORD})
    clients[COLLEAGUE] = app.test_client()
    clients[COLLEAGUE].post("/sign-in", data={"email": "colleague.a@example.org", "password": PASSWORD})
    clients["admin"] = app.test_client()
    clients["admin"].post("/sign-in", data={"email": "admin@example.org", "password": PASSWORD})
    with app.app_context():
        invitation = db.session.scalar(select(Invitation.id))
        action = db.session.scalar(
            select(PlanAction.id).where(PlanAction.audit_id == audit, PlanAction.origin == "top")
        )
        own_action = db.session.scalar(select(PlanAction.id).where(PlanAction.origin == "own"))
        queries.import_local_packs(get_content())
        local_help = db.session.scalar(select(LocalHelpEntry.id).where(LocalHelpEntry.area == "north_northamptonshire"))
        queries.create_staff_invitation(
            "new.lead@example.org", "coordinator", StaffScope(1), db.session.get(User, admin)
        )
        staff_invitation = db.session.scalar(select(StaffInvitation.id))
    return World(
        clients=clients,
        first_section=section_ids(app)[0],
        audit=audit,
        invitation=invitation,
        action=action,
        own_action=own_action,
        spare=spare,
        local_help=local_help,
        staff=staff,
        staff_invitation=staff_invitation,
    )


def test_every_route_has_a_line_in_the_matrix(app):
    routes = {
        (rule.endpoint, method) for rule in app.url_map.iter_rules() for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    assert routes - set(MATRIX) == set(), "new routes need a line in MATRIX"
    assert set(MATRIX) - routes == set(), "MATRIX lists routes that no longer exist"


def test_each_visitor_gets_what_the_matrix_says_and_never_sees_a_by_name(app, world):
    failures = []
    for (_endpoint, method), expect in MATRIX.items():
        url = expect.url.format(
            audit=world.audit,
            section=world.first_section,
            invitation=world.invitation,
            action=world.action,
            own_action=world.own_action,
            spare=world.spare,
            local_help=world.local_help,
            staff=world.staff,
            staff_invitation=world.staff_invitation,
        )
        for role, wanted in expect.wanted():
            with app.app_context():
                limiter.reset()  # six kinds of visitor from one address would meet the per-address limits
            response = world.clients[role].open(url, method=method, data=expect.data)
            if response.status_code != wanted:
                failures.append(f"{method} {url} as {role}: {response.status_code}, expected {wanted}")
            # Downloads (PDF, Word) are binary: only A's own members get one, as the statuses show.
            readable = response.mimetype.startswith("text/") or response.mimetype == "application/json"
            body = response.get_data(as_text=True) if readable else ""
            response.close()
            if role not in expect.shows_a and (A_NAME in body or A_EMAIL in body):
                failures.append(f"{method} {url} as {role} shows organisation A's name or email")
    assert failures == [], "\n".join(failures)


def test_matrix_size(app):
    # The closing note quotes this: routes x methods x visitor kinds.
    assert len(MATRIX) * len(ROLES) >= 200


def test_once_a_shares_by_name_coordinators_can_see_its_results(app, world):
    member_a = world.clients["member_a"]
    assert member_a.post("/audit/sharing", data={"sharing": "named"}).status_code == 302
    for role in ("coordinator", "admin"):
        client = world.clients[role]
        assert client.get(f"/coordinator/audits/{world.audit}/results").status_code == 200
        assert A_NAME in client.get("/coordinator/organisations").get_data(as_text=True)
        assert A_NAME in client.get("/coordinator/organisations/1").get_data(as_text=True)
    # Other organisations still cannot.
    assert world.clients["member_b"].get(f"/audits/{world.audit}/results").status_code == 404


def test_every_route_tried_with_out_of_range_and_odd_values_never_errors(app, accounts):
    """Every URL rule with a variable part, for each kind of visitor, with values that are too big, negative,
    empty-looking or not numbers at all."""
    accounts.member()
    accounts.staff(email="admin@example.org", role="admin")
    member = app.test_client()
    Accounts(app, member).sign_in("member@example.org")
    complete_audit(member, app, "starting-out")
    admin = app.test_client()
    admin.post("/sign-in", data={"email": "admin@example.org", "password": PASSWORD})
    clients = {"anonymous": app.test_client(), "member": member, "admin": admin}
    HUGE = "99999999999999999999"
    odd = ["0", "-1", "2147483648", HUGE, "1e3", "²", "%00", "x" * 300, "..%2f..", "%E2%80%AE"]
    failures = []
    rules = [rule for rule in app.url_map.iter_rules() if rule.arguments and rule.endpoint != "static"]
    assert len(rules) >= 8
    for rule in rules:
        for value in odd:
            url = re.sub(r"<(?:[^:<>]+:)?[^<>]+>", value, rule.rule)
            for role, client in clients.items():
                for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                    status = client.open(url, method=method).status_code
                    if status >= 500:
                        failures.append(f"{method} {url} as {role}: {status}")
    assert failures == []


def test_a_coordinator_for_one_area_cannot_reach_another_areas_local_help(app, accounts):
    """The matrix's coordinator is for the whole system; one tied to West sees North's entries as not there."""
    accounts.staff(email="west.coordinator@example.org")
    with app.app_context():
        db.session.execute(
            update(User).where(User.email == "west.coordinator@example.org").values(area="west_northamptonshire")
        )
        queries.import_local_packs(get_content())
        north = db.session.scalar(select(LocalHelpEntry.id).where(LocalHelpEntry.area == "north_northamptonshire"))
        west = db.session.scalar(select(LocalHelpEntry.id).where(LocalHelpEntry.area == "west_northamptonshire"))
    client = app.test_client()
    client.post("/sign-in", data={"email": "west.coordinator@example.org", "password": PASSWORD})
    for path in ("", "/history", "/preview"):
        assert client.get(f"/coordinator/local-help/{north}{path}").status_code == 404
        assert client.get(f"/coordinator/local-help/{west}{path}").status_code == 200
    for path in ("/retire", "/restore", ""):
        assert client.post(f"/coordinator/local-help/{north}{path}").status_code == 404
    assert "North Northamptonshire Council" not in client.get("/coordinator/local-help/").get_data(as_text=True)


# Two systems side by side: each kind of staff member of one must never meet the other system's organisations.
SYSTEMS = {
    "north": ("northamptonshire", "north_northamptonshire", "Northern Unique Trust", "Northern Waiting Group"),
    "vale": ("vale", "vale_east", "Valley Unique Trust", "Valley Waiting Group"),
}


def _two_systems(app, accounts) -> dict:
    """In each system: an organisation sharing by name with a submitted audit (verified), one waiting to be
    verified, a coordinator and a system admin, and a local help entry."""
    with app.app_context():
        db.session.add(System(code="vale", name="Vale Test System", areas=[Area(code="vale_east", name="Vale East")]))
        db.session.commit()
    made: dict = {}
    for key, (system, area, _name, waiting) in SYSTEMS.items():
        member = app.test_client()
        accounts.member(email=f"{key}@example.org", organisation="Renamed below")
        Accounts(app, member).sign_in(f"{key}@example.org")
        audit = complete_audit(member, app, "starting-out", area=area)
        assert member.post("/audit/sharing", data={"sharing": "named"}).status_code == 302
        accounts.member(email=f"{key}.waiting@example.org", organisation=waiting, area=area)
        staff = {}
        for role in ("coordinator", "admin"):
            accounts.staff(email=f"{key}.{role}@example.org", role=role, system=system)
            staff[role] = app.test_client()
            Accounts(app, staff[role]).sign_in(f"{key}.{role}@example.org")
        made[key] = {"audit": audit, "staff": staff, "area": area}
    with app.app_context():
        for key, (_, area, name, waiting) in SYSTEMS.items():
            author = db.session.scalar(select(User).where(User.email == f"{key}.admin@example.org"))
            shared = db.session.scalar(select(Organisation).where(Organisation.area == area, Organisation.share_named))
            shared.name = name  # the example answers file renames it
            db.session.commit()
            queries.decide_verification(shared.id, author, Verification.VERIFIED, "")
            made[key]["organisation"] = shared.id
            made[key]["waiting"] = db.session.scalar(select(Organisation.id).where(Organisation.name == waiting))
            fields = {"title": f"{key.title()} only help", "publisher": "Test", "what": "A local service.",
                      "kind": "help", "groups": [], "sections": []}  # fmt: skip
            made[key]["entry"] = queries.add_local_help(author, area, fields, get_content()).id
    return made


def test_no_figure_name_export_queue_entry_help_or_log_row_crosses_systems(app, accounts):
    made = _two_systems(app, accounts)
    for own, other in (("north", "vale"), ("vale", "north")):
        theirs, foreign_names = made[other], SYSTEMS[other][2:]
        for role, client in made[own]["staff"].items():
            # Its own system's organisation is there to see, so an empty page would not pass for a safe one.
            shared = client.get("/coordinator/organisations").get_data(as_text=True)
            assert SYSTEMS[own][2] in shared, f"{own} {role} does not see its own organisation"
            for url in (
                f"/coordinator/organisations/{theirs['organisation']}",
                f"/coordinator/audits/{theirs['audit']}/results",
                f"/coordinator/audits/{theirs['audit']}/guide",
                f"/coordinator/verify/{theirs['waiting']}",
                f"/coordinator/local-help/{theirs['entry']}",
                f"/coordinator/local-help/{theirs['entry']}/preview",
            ):
                assert client.get(url).status_code == 404, f"{own} {role} reached {url}"
            pages = [
                "/coordinator/",
                f"/coordinator/?area={theirs['area']}",
                "/coordinator/organisations",
                "/coordinator/export/audits.csv",
                "/coordinator/export/summary.csv",
                "/coordinator/verify",
                "/coordinator/local-help/",
                "/coordinator/needs",
                "/coordinator/side-by-side",
                "/coordinator/pipeline",
                *(["/coordinator/access-log"] if role == "admin" else []),
            ]
            for url in pages:
                body = client.get(url).get_data(as_text=True)
                area_name = {"north": "North Northamptonshire", "vale": "Vale East"}[other]
                for name in (*foreign_names, f"{other.title()} only help", theirs["area"], area_name):
                    assert name not in body, f"{url} as the {own} {role} shows {name!r}"
    with app.app_context():
        # Each system's figures count its own organisations only, from stored "system=..." rows that agree
        # with a fresh count; the whole service's count both.
        for key, (system, *_rest) in SYSTEMS.items():
            counted = queries.headline(queries.Filters(system=system)).organisations_with_results.count
            assert counted == 1, f"{key}: {counted}"
        assert queries.headline(queries.Filters()).organisations_with_results.count == 2
        assert figure_differences() == []
