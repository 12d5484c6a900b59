"""Typed text as clusters, and the Unicode bidirectional algorithm over them (for `pdf_script`).

A cluster is what must stay together on the page: a character with its combining marks, an emoji sequence
joined by U+200D, a flag's pair of regional indicators. Levels come from python-bidi's implementation of the
Unicode bidirectional algorithm (rules P2 to I2), run over the clusters; lines are reordered here (L1, L2).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from bidi import algorithm as bidi
from bidi.mirror import MIRRORED

from .pdf_fonts import CHINESE, DIRECTION_MARKS, JAPANESE, KOREAN

ZWJ = "\u200d"
_EXPLICIT = {"LRI": "LRE", "RLI": "RLE", "PDI": "PDF"}  # isolates, treated as embeddings by python-bidi
_STRONG = frozenset({"L", "R", "AL"})


@dataclass(frozen=True)
class Cluster:
    text: str
    font: str
    bidi_class: str
    mark: bool = False  # a direction mark: steers the order, never drawn

    @property
    def space(self) -> bool:
        return self.text.isspace()

    @property
    def ideograph(self) -> bool:  # Chinese and Japanese break between any two characters
        return 0x2E80 <= ord(self.text[0]) <= 0x9FFF or 0xF900 <= ord(self.text[0]) <= 0xFAFF


def pieces(text: str) -> Iterator[str]:
    """Clusters as strings: a base character with what attaches to it (marks, joiners, selectors, the flag pair)."""
    text = unicodedata.normalize("NFC", text)
    piece = ""
    for char in text:
        if unicodedata.category(char) == "Cc":
            if not char.isspace():
                continue
            char = " "
        if piece and _attaches(piece, char):
            piece += char
            continue
        if piece:
            yield piece
        piece = char
    if piece:
        yield piece


def _attaches(piece: str, char: str) -> bool:
    code = ord(char)
    if piece[-1] in DIRECTION_MARKS or char in DIRECTION_MARKS or piece.isspace():
        return False
    if piece[-1] == ZWJ or char in (ZWJ, "\u200c"):
        return True
    if unicodedata.category(char) in ("Mn", "Mc", "Me"):
        return True
    if 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF or 0xE0020 <= code <= 0xE007F:
        return True  # variation selectors and the tags of subdivision flags
    if 0x1F3FB <= code <= 0x1F3FF:
        return True  # skin tone
    regional = 0x1F1E6 <= code <= 0x1F1FF
    return regional and len(piece) == 1 and 0x1F1E6 <= ord(piece) <= 0x1F1FF


def emoji_sequence(piece: str) -> bool:
    return len(piece) > 1 and any(char == ZWJ or ord(char) == 0xFE0F or ord(char) >= 0x1F000 for char in piece[1:])


def cjk_font(text: str) -> str:
    """Han characters are drawn in the Japanese or Korean design when the text has kana or hangul."""
    if any(0x3040 <= ord(char) <= 0x30FF for char in text):
        return JAPANESE
    if any(0xAC00 <= ord(char) <= 0xD7AF or 0x1100 <= ord(char) <= 0x11FF for char in text):
        return KOREAN
    return CHINESE


def levels(clusters: list[Cluster]) -> list[int]:
    """Resolved bidirectional levels (rules P2 to I2), one per cluster; marks get their neighbours' level."""
    text = "".join(cluster.text[0] for cluster in clusters if not cluster.mark or cluster.bidi_class in _STRONG)
    base = bidi.get_base_level(text) if text else 0
    storage = bidi.get_empty_storage()
    storage["base_level"], storage["base_dir"] = base, ("L", "R")[base]
    for index, cluster in enumerate(clusters):
        kind = _EXPLICIT.get(cluster.bidi_class, cluster.bidi_class)
        if kind == "FSI":  # first strong isolate: the direction of what follows
            following = "".join(other.text[0] for other in clusters[index + 1 :] if not other.mark)
            kind = "RLE" if following and bidi.get_base_level(following) else "LRE"
        if kind == "BN":
            kind = "ON"
        storage["chars"].append({"ch": index, "level": base, "type": kind, "orig": kind})
    bidi.explicit_embed_and_overrides(storage, False)
    bidi.resolve_weak_types(storage, False)
    bidi.resolve_neutral_types(storage, False)
    bidi.resolve_implicit_levels(storage, False)
    levels = dict.fromkeys(range(len(clusters)), base)
    levels.update({char["ch"]: char["level"] for char in storage["chars"]})
    return [levels[index] for index in range(len(clusters))]


def visual_order(clusters: list[tuple[Cluster, int]]) -> list[tuple[Cluster, int]]:
    """Rules L1 (trailing spaces take the base level) and L2 (reverse from the highest level down) for one line."""
    if not clusters:
        return []
    base = min(level for _, level in clusters) if clusters else 0
    base = base if base in (0, 1) else 0
    items = list(clusters)
    end = len(items)
    while end and items[end - 1][0].space:
        end -= 1
        items[end] = (items[end][0], base)
    highest = max(level for _, level in items)
    lowest_odd = min((level for _, level in items if level % 2), default=highest + 1)
    for level in range(highest, lowest_odd - 1, -1):
        index = 0
        while index < len(items):
            if items[index][1] >= level:
                start = index
                while index < len(items) and items[index][1] >= level:
                    index += 1
                items[start:index] = reversed(items[start:index])
            else:
                index += 1
    return items


def words(clusters: list[tuple[Cluster, int]]) -> Iterator[list[tuple[Cluster, int]]]:
    """Pieces a line may break after: a word with its following spaces, or one Chinese or Japanese character."""
    word: list[tuple[Cluster, int]] = []
    for item in clusters:
        cluster = item[0]
        if word and ((word[-1][0].space and not cluster.space) or cluster.ideograph or word[-1][0].ideograph):
            yield word
            word = []
        word.append(item)
    if word:
        yield word


def trimmed(clusters: list[tuple[Cluster, int]]) -> list[tuple[Cluster, int]]:
    end = len(clusters)
    while end and (clusters[end - 1][0].space or clusters[end - 1][0].mark):
        end -= 1
    return clusters[:end]


def mirrored(text: str) -> str:
    return "".join(MIRRORED.get(char, char) for char in text)
