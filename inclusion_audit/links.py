"""Absolute links for emails, always on the configured BASE_URL.

A request's Host (or X-Forwarded-Host) header is chosen by whoever sends the request, so a link built from
it could point a password reset at an attacker's site. Emailed links never use it, and they can be built
outside a request too (for example by a command that sends reminders).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from flask import current_app


def emailed_link(endpoint: str, **values: Any) -> str:
    base = urlsplit(current_app.config["BASE_URL"])
    adapter = current_app.url_map.bind(base.netloc, url_scheme=base.scheme)
    return adapter.build(endpoint, values, force_external=True)
