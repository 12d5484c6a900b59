"""No private page is reachable without signing in, and each role stays in its lane.

The list of routes comes from the app itself, so a new route is covered the day it is added.
"""

import re

import pytest

from inclusion_audit.security import PUBLIC_ENDPOINTS as ALWAYS_PUBLIC


def example_url(rule) -> str:
    # Fill every URL variable with a plausible value; access control must act before the object is looked up.
    return re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", lambda m: "1" if "id" in m.group(1) else "commitment", rule.rule)


def private_rules(app):
    return [rule for rule in app.url_map.iter_rules() if rule.endpoint not in ALWAYS_PUBLIC]


def test_there_are_private_routes_to_check(app):
    assert len(private_rules(app)) >= 4


def test_every_private_route_sends_anonymous_visitors_to_sign_in(app, client):
    failures = []
    for rule in private_rules(app):
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            response = client.open(example_url(rule), method=method)
            if response.status_code != 302 or not response.headers["Location"].startswith("/sign-in"):
                failures.append(f"{method} {rule.rule} -> {response.status_code}")
    assert failures == []


@pytest.mark.parametrize("prefix", ["/coordinator"])
def test_members_are_forbidden_from_coordinator_routes(app, member_client, prefix):
    rules = [rule for rule in app.url_map.iter_rules() if rule.rule.startswith(prefix)]
    assert rules
    for rule in rules:
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            assert member_client.open(example_url(rule), method=method).status_code == 403, rule.rule


def test_coordinators_are_forbidden_from_organisation_pages(app, coordinator_client):
    assert coordinator_client.get("/audit/").status_code == 403
    assert coordinator_client.get("/audit/profile").status_code == 403
