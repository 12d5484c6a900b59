"""Static checks on compiled rules: which symbols they use and which literal values they compare to.

rule-engine already rejects unknown symbols and type mismatches. What it cannot know is that
`named_lead == "embeded"` can never be true because no such answer exists; walking the parsed
expression tree lets us catch those typos when the content loads.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from rule_engine import Rule, ast

from .rules import GROUPS_SYMBOL

# Node attributes that hold the evaluation context or cached results, not child expressions.
_NOT_CHILDREN = frozenset({"context", "result_type"})


def _attribute_names(node: object) -> list[str]:
    # rule-engine nodes mix __slots__ (declared on various base classes) with a normal __dict__.
    names = [name for cls in type(node).__mro__ for name in cls.__dict__.get("__slots__", ())]
    return names + list(getattr(node, "__dict__", {}))


def _children(node: object) -> Iterator[ast.ASTNodeBase]:
    for name in _attribute_names(node):
        if name in _NOT_CHILDREN:
            continue
        value = getattr(node, name, None)
        if isinstance(value, ast.ASTNodeBase):
            yield value
        elif isinstance(value, list | tuple):
            yield from (item for item in value if isinstance(item, ast.ASTNodeBase))


def walk(node: object) -> Iterator[ast.ASTNodeBase]:
    for child in _children(node):
        yield child
        yield from walk(child)


def symbols_used(rule: Rule) -> list[str]:
    """Symbol names in the order they first appear in the rule."""
    names = [node.name for node in walk(rule.statement) if isinstance(node, ast.SymbolExpression)]
    return list(dict.fromkeys(names))


def _string_literals(node: ast.ASTNodeBase) -> list[str] | None:
    """The strings of a string literal or an array/set of them; None for anything else."""
    if isinstance(node, ast.StringExpression):
        return [node.value]
    if isinstance(node, ast.ArrayExpression | ast.SetExpression):
        items = [item.value if isinstance(item, ast.LiteralExpressionBase) else item for item in node.value]
        return [item for item in items if isinstance(item, str)]
    return None


def _compared_pairs(node: ast.ASTNodeBase) -> Iterator[tuple[str, list[str]]]:
    """(symbol, literal strings) for `symbol == "x"`, `"x" != symbol`, `symbol in ["x", "y"]`, `"x" in groups`."""
    if isinstance(node, ast.ComparisonExpression) and node.type in ("eq", "ne"):
        for symbol, other in ((node.left, node.right), (node.right, node.left)):
            literals = _string_literals(other)
            if isinstance(symbol, ast.SymbolExpression) and literals is not None:
                yield symbol.name, literals
    elif isinstance(node, ast.ContainsExpression):
        member, container = node.member, node.container
        if isinstance(member, ast.SymbolExpression):
            literals = _string_literals(container)
            if literals is not None:
                yield member.name, literals
        elif isinstance(container, ast.SymbolExpression) and container.name == GROUPS_SYMBOL:
            literals = _string_literals(member)
            if literals is not None:
                yield GROUPS_SYMBOL, literals


def unknown_values(rule: Rule, allowed: Mapping[str, frozenset[str]]) -> list[str]:
    """One message per literal compared with a symbol that can never hold that value."""
    problems = []
    for node in walk(rule.statement):
        for symbol, literals in _compared_pairs(node):
            known = allowed.get(symbol)
            if known is None:
                continue
            choices = ", ".join(f'"{value}"' for value in sorted(known))
            for literal in literals:
                if literal in known:
                    continue
                if symbol == GROUPS_SYMBOL:
                    problems.append(
                        f'rule checks for group "{literal}", which is not a group in config.yml ({choices})'
                    )
                else:
                    problems.append(f'rule compares {symbol} with "{literal}", which it can never be ({choices})')
    return problems


def unguarded_comparisons(rule: Rule) -> list[str]:
    """Symbols compared with `<`, `>` etc. that the rule never checks with `!= null`.

    Such a comparison errors when the value is null (a section with nothing scored), which the
    engine treats as "not matched"; usually the editor meant to write the guard.
    """
    nodes = list(walk(rule.statement))
    ordered = [
        side.name
        for node in nodes
        if isinstance(node, ast.ArithmeticComparisonExpression)
        for side in (node.left, node.right)
        if isinstance(side, ast.SymbolExpression)
    ]
    guarded = {
        side.name
        for node in nodes
        if isinstance(node, ast.ComparisonExpression) and node.type == "ne"
        for side, other in ((node.left, node.right), (node.right, node.left))
        if isinstance(side, ast.SymbolExpression) and isinstance(other, ast.NullExpression)
    }
    return [name for name in dict.fromkeys(ordered) if name not in guarded]
