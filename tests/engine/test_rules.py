"""Rule compiling and evaluation: symbol types, null handling, and static value checks."""

from __future__ import annotations

import pytest
from rule_engine import DataType

from inclusion_audit.engine import Profile
from inclusion_audit.engine.rule_checks import symbols_used, unguarded_comparisons, unknown_values
from inclusion_audit.engine.rules import (
    RuleProblem,
    compile_rule,
    make_context,
    matches,
    profile_values,
    symbol_types,
)

CONTEXT = make_context(symbol_types(["named_lead", "budget"], ["commitment"]))


def test_symbol_table_matches_the_spec() -> None:
    types = symbol_types(["named_lead"], ["commitment", "access"])
    assert types["named_lead"] == DataType.STRING
    assert types["org_type"] == types["size_band"] == types["area"] == DataType.STRING
    assert types["groups"] == DataType.ARRAY(DataType.STRING)
    assert types["commitment_percent"] == types["access_percent"] == types["overall_percent"] == DataType.FLOAT
    assert types["commitment_band"] == DataType.STRING


@pytest.mark.parametrize(
    ("rule", "values", "expected"),
    [
        ('named_lead in ["not_started", "early"]', {"named_lead": "early"}, True),
        ('named_lead in ["not_started", "early"]', {"named_lead": None}, False),
        ('named_lead == "dont_know"', {}, False),
        ('"homelessness" in groups', {"groups": ("homelessness",)}, True),
        ('"homelessness" in groups', {"groups": ()}, False),
        ("commitment_percent != null and commitment_percent < 40", {"commitment_percent": 33}, True),
        ("commitment_percent != null and commitment_percent < 40", {"commitment_percent": None}, False),
        ('commitment_band == "emerging"', {"commitment_band": "emerging"}, True),
        ("overall_percent >= 75", {"overall_percent": 80}, True),
    ],
)
def test_rules_evaluate(rule: str, values: dict, expected: bool) -> None:
    assert matches(compile_rule(rule, CONTEXT), values) is expected


def test_comparing_null_counts_as_not_matched() -> None:
    unguarded = compile_rule("commitment_percent < 40", CONTEXT)
    assert matches(unguarded, {"commitment_percent": None}) is False
    assert matches(unguarded, {}) is False


def test_value_of_the_wrong_type_counts_as_not_matched() -> None:
    assert matches(compile_rule('named_lead == "early"', CONTEXT), {"named_lead": 3}) is False


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        ("named_lead ==", "does not parse"),
        ('named_lead = "early"', "does not parse"),
        ('__import__("os")', "unknown symbol"),
        ("named_lead < 3", "does not make sense"),
    ],
)
def test_bad_rules_raise_rule_problem(rule: str, expected: str) -> None:
    with pytest.raises(RuleProblem, match=expected):
        compile_rule(rule, CONTEXT)


def test_symbols_used_in_order_of_appearance() -> None:
    rule = compile_rule('budget == "early" or ("homelessness" in groups and named_lead != budget)', CONTEXT)
    assert symbols_used(rule) == ["budget", "groups", "named_lead"]


def test_unknown_values_finds_literals_on_either_side() -> None:
    rule = compile_rule('"embeded" == named_lead or budget in ["early", "sometimes"] or "x" in groups', CONTEXT)
    allowed = {"named_lead": frozenset({"embedded"}), "budget": frozenset({"early"}), "groups": frozenset({"y"})}
    problems = unknown_values(rule, allowed)
    assert len(problems) == 3
    assert 'named_lead with "embeded"' in problems[0]
    assert 'budget with "sometimes"' in problems[1]
    assert 'group "x"' in problems[2]


@pytest.mark.parametrize(
    ("rule", "unguarded"),
    [
        ("commitment_percent < 40", ["commitment_percent"]),
        ("commitment_percent != null and commitment_percent < 40", []),
        ("null != overall_percent and 75 <= overall_percent and commitment_percent > 10", ["commitment_percent"]),
        ('named_lead == "early"', []),
    ],
)
def test_unguarded_comparisons_are_found(rule: str, unguarded: list[str]) -> None:
    assert unguarded_comparisons(compile_rule(rule, CONTEXT)) == unguarded


def test_profile_values_turn_junk_into_null() -> None:
    profile = Profile(name="x", org_type=5, groups=("homelessness", 7), works_with_families="yes")  # type: ignore[arg-type]
    values = profile_values(profile)
    assert values == {
        "org_type": None,
        "size_band": None,
        "area": None,
        "local_area": None,
        "groups": ("homelessness",),
        "works_with_families": None,
    }
