"""Rule expressions (`when`, `show_when`): symbol types, compiling and safe evaluation.

Rules use the rule-engine library's own small language; nothing here ever calls Python's eval.
Every symbol a rule may name is declared up front with its type, so a misspelt question id is
caught when the content loads rather than silently never matching.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import rule_engine
from rule_engine import DataType, Rule
from rule_engine.parser import Parser

from .model import Overall, Profile, SectionResult

PROFILE_SYMBOLS = ("org_type", "size_band", "area", "local_area")
GROUPS_SYMBOL = "groups"
FAMILIES_SYMBOL = "works_with_families"
FIRST_AUDIT_SYMBOL = "first_audit"
OVERALL_PERCENT = "overall_percent"
# Names a question id may not take, because rules already use them for something else.
RESERVED_SYMBOLS = frozenset({*PROFILE_SYMBOLS, GROUPS_SYMBOL, FAMILIES_SYMBOL, FIRST_AUDIT_SYMBOL, OVERALL_PERCENT})

# Words the rule language gives a meaning of its own; a question id may not be one of them.
RULE_KEYWORDS = frozenset(Parser.reserved_words) | {"elif", "else", "while"}


class RuleProblem(ValueError):
    """A rule that cannot be compiled; the message is written for content editors."""


def percent_symbol(section_id: str) -> str:
    return f"{section_id}_percent"


def band_symbol(section_id: str) -> str:
    return f"{section_id}_band"


def symbol_types(question_ids: Iterable[str], section_ids: Iterable[str]) -> dict[str, Any]:
    """The type of every symbol a rule may use (see the table in docs/content-guide.md)."""
    types: dict[str, Any] = {qid: DataType.STRING for qid in question_ids}
    types.update({name: DataType.STRING for name in PROFILE_SYMBOLS})
    types[GROUPS_SYMBOL] = DataType.ARRAY(DataType.STRING)
    types[FAMILIES_SYMBOL] = DataType.BOOLEAN
    types[FIRST_AUDIT_SYMBOL] = DataType.BOOLEAN
    for section_id in section_ids:
        types[percent_symbol(section_id)] = DataType.FLOAT
        types[band_symbol(section_id)] = DataType.STRING
    types[OVERALL_PERCENT] = DataType.FLOAT
    return types


def make_context(types: Mapping[str, Any]) -> rule_engine.Context:
    # default_value=None: a symbol missing from the values at evaluation time reads as null.
    return rule_engine.Context(type_resolver=rule_engine.type_resolver_from_dict(dict(types)), default_value=None)


def compile_rule(text: str, context: rule_engine.Context) -> Rule:
    """Parse and type-check a rule once, translating library errors into editor-friendly ones."""
    try:
        return Rule(text, context=context)
    except rule_engine.errors.RuleSyntaxError as error:
        where = f' near "{error.token.value}"' if error.token is not None else " (it ends too early)"
        raise RuleProblem(f"rule does not parse{where}: {text}") from error
    except rule_engine.errors.SymbolResolutionError as error:
        hint = f' (did you mean "{error.suggestion}"?)' if error.suggestion else ""
        raise RuleProblem(f'rule names unknown symbol "{error.symbol_name}"{hint}: {text}') from error
    except rule_engine.errors.EngineError as error:
        raise RuleProblem(f"rule does not make sense ({error.message}): {text}") from error


def matches(rule: Rule, values: Mapping[str, Any]) -> bool:
    """True if the rule holds. Any evaluation error (such as `null < 40`) counts as not matched."""
    try:
        return bool(rule.matches(values))
    except (rule_engine.errors.EngineError, TypeError, ValueError):
        # TypeError/ValueError: belt and braces for values of an unexpected Python type.
        return False


def _text_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None


def profile_values(profile: Profile) -> dict[str, Any]:
    """Rule values for the profile. Junk (non-strings) reads as null rather than breaking evaluation."""
    values: dict[str, Any] = {name: _text_or_none(getattr(profile, name, None)) for name in PROFILE_SYMBOLS}
    values[GROUPS_SYMBOL] = tuple(group for group in profile.groups or () if isinstance(group, str))
    families = getattr(profile, FAMILIES_SYMBOL, None)
    values[FAMILIES_SYMBOL] = families if isinstance(families, bool) else None
    return values


def result_values(results: Iterable[SectionResult], overall: Overall) -> dict[str, Any]:
    """Rule values for the scores: `<section>_percent`, `<section>_band` and `overall_percent`."""
    values: dict[str, Any] = {OVERALL_PERCENT: overall.percent}
    for result in results:
        values[percent_symbol(result.section_id)] = result.percent
        values[band_symbol(result.section_id)] = result.band
    return values
