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
    area: str  # the area's label


def training_offers(content: Content, areas: list[str]) -> dict[str, list[Offer]]:
    """Topic id -> the training entries in these areas' local help (as guides would list it today) that cover it."""
    offers: dict[str, list[Offer]] = {}
    labels = content.config.profile.areas
    for area in areas:
        for entry in queries.content_for_area(content, area).help:
            if entry.area == area and entry.meta.kind == TRAINING:
                meta = entry.meta
                for topic in meta.topics:
                    offers.setdefault(topic, []).append(Offer(meta.title, meta.publisher, meta.url, labels[area]))
    return offers
