"""What the benchmarks ran on: CPU, cores, memory, versions, and how busy the machine was."""

from __future__ import annotations

import os
import platform
import sqlite3
import sys
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import psutil

LIBRARIES = ("Flask", "SQLAlchemy", "Jinja2", "reportlab", "weasyprint", "gunicorn", "locust", "psycopg")


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "not installed"


def describe(postgres: str | None, load_before: tuple[float, ...], load_after: tuple[float, ...]) -> list[str]:
    memory = psutil.virtual_memory().total / 2**30
    libraries = ", ".join(f"{name} {_version(name)}" for name in LIBRARIES)
    return [
        f"- Date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        f"- CPU: {cpu_model()}, {os.cpu_count()} cores; memory {memory:.0f} GiB",
        f"- OS: {platform.platform()}",
        f"- Python {sys.version.split()[0]}; SQLite {sqlite3.sqlite_version}; PostgreSQL {postgres or 'not available'}",
        f"- Libraries: {libraries}",
        f"- Load average (1, 5, 15 min) before: {_loads(load_before)}; after: {_loads(load_after)}",
    ]


def _loads(values: tuple[float, ...]) -> str:
    return ", ".join(f"{value:.2f}" for value in values)
