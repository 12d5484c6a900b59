"""Disclosure control: the one way a figure about organisations becomes something anyone may see.

Pure Python, no Flask and no database, so the coordinator pages, the downloads and the organisations' own
comparison all import it from below. See docs/privacy.md for the design and what it promises.
"""

from .bands import BAND_LABELS, band_of, bands_of, empty_buckets, middle_band, share
from .cells import RECORD_KEYS, Cell, new_record_key, total
from .perturbation import P_TABLE, Kind, cell_key, noise, perturbed
from .rules import FEWER, SUMMARY_MINIMUM, THRESHOLD, disclose, show

__all__ = [
    "BAND_LABELS",
    "band_of",
    "bands_of",
    "empty_buckets",
    "middle_band",
    "share",
    "total",
    "FEWER",
    "P_TABLE",
    "RECORD_KEYS",
    "SUMMARY_MINIMUM",
    "THRESHOLD",
    "Cell",
    "Kind",
    "cell_key",
    "disclose",
    "new_record_key",
    "noise",
    "perturbed",
    "show",
]
