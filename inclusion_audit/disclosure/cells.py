"""A cell: how many organisations a figure counts, and the sum of their record keys.

Every organisation has a record key, drawn at random once when it registers and stored, never shown. The sum of
the keys of the organisations in a cell says which set of organisations it is without naming any: the same set
always gives the same sum, so its figure gets the same noise wherever it appears.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

RECORD_KEYS = 256  # keys are 0 to 255, as in the ONS cell key method


def new_record_key() -> int:
    return secrets.randbelow(RECORD_KEYS)


@dataclass(frozen=True)
class Cell:
    count: int = 0
    keys: int = 0  # the sum of the organisations' record keys

    def __add__(self, other: Cell) -> Cell:
        return Cell(self.count + other.count, self.keys + other.keys)

    def __sub__(self, other: Cell) -> Cell:
        return Cell(self.count - other.count, self.keys - other.keys)

    def __bool__(self) -> bool:
        return bool(self.count or self.keys)


EMPTY = Cell()


def total(cells) -> Cell:
    result = EMPTY
    for cell in cells:
        result += cell
    return result
