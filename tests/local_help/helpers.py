"""Shared by the local help tests: a coordinator's entry as the add form posts it."""

NORTH, WEST = "north_northamptonshire", "west_northamptonshire"


def entry_form(**changes) -> dict:
    data = {
        "area": NORTH,
        "title": "Corby Community Larder",
        "publisher": "Corby Community Larder",
        "what": "Free food parcels and **advice on benefits**, every weekday.",
        "kind": "help",
        "url": "https://example.org/larder",
        "contact": "info@example.org",
    }
    data.update(changes)
    return data
