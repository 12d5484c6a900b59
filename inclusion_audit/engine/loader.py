"""Reading the content folder: YAML files, snippet front matter, per-file validation and the version hash.

`load_content` reads everything, checks each file against `schema.py`, then hands the parts to
`crosscheck.assemble` for the checks that span files. Problems are collected rather than raised one
at a time, so an editor sees every mistake in one go.
"""

from __future__ import annotations

import hashlib
from collections.abc import Hashable
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from . import crosscheck
from .content import Content
from .errors import ContentError, problem
from .guidance_checks import FactFile, HelpSource, SnippetFile
from .schema import QUESTION_ID, SECTION_ID, SNIPPET_ID, Config, FactMeta, HelpFile, LocalPack, Section, SnippetMeta

Model = TypeVar("Model", bound=BaseModel)

PATTERN_HELP = {
    SECTION_ID: "must be lower-case letters and underscores, starting with a letter",
    QUESTION_ID: "must be lower-case letters, digits and underscores, starting with a letter",
    SNIPPET_ID: "must be lower-case letters, digits and hyphens",
}
FRONT_MATTER_FENCE = "---"


def load_content(root: Path) -> Content:
    """Load and validate all content under `root`; raise ContentError listing every problem found."""
    root = Path(root)
    problems: list[str] = []
    files = _content_files(root)
    config = _validated(Config, root / "config.yml", root, problems)
    sections = []
    for path in files["sections"]:
        section = _validated(Section, path, root, problems)
        if section is not None:
            sections.append(crosscheck.SectionFile(_relative(path, root), section))
    sections_ok = not problems
    snippets = []
    for path in files["snippets"]:
        front = _read_front_matter(path, root, SnippetMeta, problems)
        if front is not None:
            snippets.append(SnippetFile(*front))
    facts = []
    for path in files["facts"]:
        front = _read_front_matter(path, root, FactMeta, problems)
        if front is not None:
            facts.append(FactFile(*front))
    if config is None:
        raise ContentError(problems or [problem("config.yml", None, "could not be read")])
    help_sources = _help_sources(root, files, problems)
    content = crosscheck.assemble(
        config, sections, snippets, version_of(root), problems, sections_ok, facts=facts, help_sources=help_sources
    )
    if problems:
        raise ContentError(problems)
    return content


def _content_files(root: Path) -> dict[str, list[Path]]:
    # Sorted by name: section order is the file name order; snippets are sorted for determinism.
    return {
        "sections": sorted((root / "sections").glob("*.yml")),
        "snippets": sorted((root / "snippets").glob("**/*.md"), key=lambda p: p.relative_to(root).as_posix()),
        "facts": sorted((root / "facts").glob("*.md")),
        "help": sorted((root / "help").glob("*.yml")),
        "local": sorted((root / "local").glob("*.yml")),
    }


def _help_sources(root: Path, files: dict[str, list[Path]], problems: list[str]) -> list[HelpSource]:
    sources = []
    for path in files["help"]:
        national = _validated(HelpFile, path, root, problems)
        if national is not None:
            sources.append(HelpSource(_relative(path, root), None, tuple(national.entries)))
    for path in files["local"]:
        pack = _validated(LocalPack, path, root, problems)
        if pack is not None:
            sources.append(HelpSource(_relative(path, root), pack.area, tuple(pack.entries)))
    return sources


def version_of(root: Path) -> str:
    """A short hash of every content file's path and bytes (examples/ excluded: they are not content)."""
    root = Path(root)
    files = [root / "config.yml", *(p for paths in _content_files(root).values() for p in paths)]
    digest = hashlib.sha256()
    for path in sorted(files, key=lambda p: _relative(p, root)):
        data = path.read_bytes() if path.is_file() else b""
        name = _relative(path, root).encode()
        # Length prefixes stop two different file sets from hashing to the same byte stream.
        digest.update(len(name).to_bytes(4, "big") + name + len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()[:12]


def _relative(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses a key given twice; plain PyYAML would silently keep the last one."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if isinstance(key, Hashable) and key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f'the key "{key}" appears twice', key_node.start_mark
                )
            if isinstance(key, Hashable):
                seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _parse_yaml(text: str) -> Any:
    loader = _StrictLoader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def read_yaml(text: str, rel: str, problems: list[str], line_offset: int = 0) -> dict[str, Any] | None:
    try:
        data = _parse_yaml(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1 + line_offset}, column {mark.column + 1}" if mark else ""
        reason = getattr(error, "problem", None) or str(error)
        problems.append(problem(rel, None, f"YAML does not parse{where}: {reason}"))
        return None
    if not isinstance(data, dict):
        problems.append(problem(rel, None, "expected a set of `field: value` lines at the top level"))
        return None
    return data


def _validated(model: type[Model], path: Path, root: Path, problems: list[str]) -> Model | None:
    rel = _relative(path, root)
    if not path.is_file():
        problems.append(problem(rel, None, "file is missing"))
        return None
    text = _read_text(path, rel, problems)
    data = None if text is None else read_yaml(text, rel, problems)
    return None if data is None else validate(model, data, rel, problems)


def _read_text(path: Path, rel: str, problems: list[str]) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        problems.append(problem(rel, None, "is not saved as UTF-8 text (re-save it as UTF-8)"))
        return None


def validate(model: type[Model], data: dict[str, Any], rel: str, problems: list[str]) -> Model | None:
    """Validate `data`; on failure add one readable line per pydantic error and return None."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        problems.extend(problem(rel, field_path(e["loc"]), friendly_message(e)) for e in error.errors())
        return None


def field_path(loc: tuple[str | int, ...]) -> str | None:
    """('questions', 3, 'id') -> 'questions[3].id' (list positions count from 0)."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or None


def friendly_message(error: Any) -> str:
    kind, message = error["type"], error["msg"]
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return "unknown field (check the spelling against docs/content-guide.md)"
    if kind == "string_pattern_mismatch":
        pattern = error.get("ctx", {}).get("pattern", "")
        help_text = PATTERN_HELP.get(pattern, "must start with https:" if "https" in pattern else message)
        return f'{help_text}, not "{error["input"]}"'
    if kind == "value_error":
        return message.removeprefix("Value error, ")
    shown = repr(error["input"])
    return f"{message} (found {shown[:60]})" if "input" in error else message


def _read_front_matter(
    path: Path, root: Path, model: type[Model], problems: list[str]
) -> tuple[str, Model, str] | None:
    """(relative path, validated front matter, Markdown body) of a `---` fenced file, or None after reporting."""
    rel = _relative(path, root)
    text = _read_text(path, rel, problems)
    if text is None:
        return None
    lines = text.splitlines()
    if not lines or lines[0].strip() != FRONT_MATTER_FENCE:
        problems.append(problem(rel, None, "must start with a `---` line, then the fields, then another `---` line"))
        return None
    closing = next((i for i, line in enumerate(lines[1:], start=1) if line.strip() == FRONT_MATTER_FENCE), None)
    if closing is None:
        problems.append(problem(rel, None, "the fields at the top are not closed by a second `---` line"))
        return None
    data = read_yaml("\n".join(lines[1:closing]), rel, problems, line_offset=1)
    meta = None if data is None else validate(model, data, rel, problems)
    if meta is None:
        return None
    return rel, meta, "\n".join(lines[closing + 1 :]).strip() + "\n"
