"""Local training offers by training topic: the training entries of an area's local help that name the topic."""

from __future__ import annotations

from dataclasses import dataclass

from .. import queries
from ..engine import Content

TRAINING = "training"


@dataclass(frozen=True)
class Offer:
    title: str
    publisher: str
    url: str | None
    areas: tuple[str, ...]  # the labels of the areas whose local help lists it


def training_offers(content: Content, areas: list[str]) -> dict[str, list[Offer]]:
    """Topic id -> the training entries in these areas' local help (as guides would list it today) that cover it.
    The same training listed in several areas is one offer naming them all."""
    found: dict[str, dict[tuple, list[str]]] = {}
    labels = content.config.profile.areas
    for area in areas:
        for entry in queries.content_for_area(content, area).help:
            if entry.area == area and entry.meta.kind == TRAINING:
                meta = entry.meta
                for topic in meta.topics:
                    found.setdefault(topic, {}).setdefault((meta.title, meta.publisher, meta.url), []).append(
                        labels.get(area, area)
                    )
    return {topic: [Offer(*key, tuple(where)) for key, where in offers.items()] for topic, offers in found.items()}
