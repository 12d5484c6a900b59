"""Imports only point down: no module of the service imports one that (directly or not) imports it back, and no
import hides inside a function to dodge such a cycle. Read from the source with `ast`, so nothing is run."""

from __future__ import annotations

import ast
import pathlib

ROOT = pathlib.Path(__file__).parent.parent
PACKAGE = ROOT / "inclusion_audit"


def _module_name(path: pathlib.Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _sources() -> dict[str, pathlib.Path]:
    return {_module_name(path): path for path in PACKAGE.rglob("*.py") if "migrations" not in path.parts}


def _target(module: str, path: pathlib.Path, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def _imports(module: str, path: pathlib.Path, modules: set[str]) -> tuple[set[str], list[str]]:
    """The service's modules this one imports at its top level, and any it imports inside a function."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top: set[str] = set()
    late: list[str] = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            target = _target(module, path, node)
            # `from . import queries` names a module; `from .models import User` names something in one.
            names = [
                f"{target}.{alias.name}" if f"{target}.{alias.name}" in modules else target for alias in node.names
            ]
        found = {name for name in names if name in modules and name != module}
        if not found:
            continue
        if node in tree.body or _under_type_checking(tree, node):
            top |= found
        else:
            late.extend(sorted(found))
    return top, late


def _under_type_checking(tree: ast.Module, node: ast.AST) -> bool:
    for statement in tree.body:
        checking = isinstance(statement, ast.If) and "TYPE_CHECKING" in ast.unparse(statement.test)
        if checking and any(child is node for child in ast.walk(statement)):
            return True
        if isinstance(statement, ast.Try) and any(child is node for child in statement.body):
            return True
    return False


def _graph() -> tuple[dict[str, set[str]], dict[str, list[str]]]:
    sources = _sources()
    modules = set(sources)
    edges, late = {}, {}
    for module, path in sources.items():
        edges[module], hidden = _imports(module, path, modules)
        if hidden:
            late[module] = hidden
    return edges, late


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, iter(sorted(edges[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        found.append(sorted(group))
            elif child not in index:
                index[child] = low[child] = counter
                counter += 1
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(edges.get(child, ())))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return found


def _package_edges(edges: dict[str, set[str]]) -> dict[str, set[str]]:
    """The same graph one level up: inclusion_audit.guide.pdf -> inclusion_audit.guide."""

    def package(module: str) -> str:
        return ".".join(module.split(".")[:2])

    grouped: dict[str, set[str]] = {}
    for module, targets in edges.items():
        grouped.setdefault(package(module), set()).update(
            package(target) for target in targets if package(target) != package(module)
        )
    return grouped


def test_no_module_imports_one_that_imports_it_back():
    edges, _ = _graph()
    assert _cycles(edges) == []


def test_no_package_imports_one_that_imports_it_back():
    # Only the application factory (inclusion_audit/__init__.py) sits above everything: it wires the blueprints.
    edges = _package_edges(_graph()[0])
    edges.pop("inclusion_audit", None)
    for targets in edges.values():
        targets.discard("inclusion_audit")
    assert _cycles(edges) == []


def test_no_import_hides_inside_a_function():
    assert _graph()[1] == {}


def test_the_check_sees_a_cycle_when_there_is_one():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []
