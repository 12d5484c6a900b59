"""The one exception the engine raises for bad content or bad answer files."""

from __future__ import annotations

from collections.abc import Iterable


class ContentError(Exception):
    """Content (or an answers file) is invalid.

    `problems` holds one line per problem, each starting with the file path (relative to the
    content root for content files), so that an editor can go straight to the file and field
    that needs fixing. All problems found are reported at once, not just the first.
    """

    def __init__(self, problems: Iterable[str], what: str = "the content") -> None:
        self.problems: tuple[str, ...] = tuple(problems)
        count = len(self.problems)
        heading = f"{count} problem{'' if count == 1 else 's'} in {what}:"
        super().__init__("\n".join([heading, *(f"  {line}" for line in self.problems)]))


def problem(path: str, field: str | None, message: str) -> str:
    """One line of a ContentError: `file: field: what is wrong`."""
    return f"{path}: {field}: {message}" if field else f"{path}: {message}"
