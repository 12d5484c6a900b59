"""Timing helpers: many calls, interleaved with their reference so machine noise hits both alike."""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Timings:
    """Durations of repeated calls, in seconds: wall clock, and this process's CPU time."""

    samples: tuple[float, ...]
    cpu_samples: tuple[float, ...] = ()

    @property
    def cpu_p50(self) -> float:
        return statistics.median(self.cpu_samples)

    @property
    def p50(self) -> float:
        return statistics.median(self.samples)

    @property
    def p95(self) -> float:
        return percentile(self.samples, 95)

    @property
    def mean(self) -> float:
        return statistics.fmean(self.samples)


def percentile(samples: tuple[float, ...] | list[float], pct: float) -> float:
    """Nearest-rank percentile (p95 of 20 samples is the 19th smallest)."""
    ordered = sorted(samples)
    rank = max(1, -(-len(ordered) * pct // 100))
    return ordered[int(rank) - 1]


def interleaved(calls: dict[str, Callable[[], object]], rounds: int, warmup: int = 3) -> dict[str, Timings]:
    """Time each call `rounds` times, taking turns (a, b, a, b, ...) so drift and noise are shared."""
    for _ in range(warmup):
        for call in calls.values():
            call()
    gc.collect()
    samples: dict[str, list[float]] = {name: [] for name in calls}
    cpu: dict[str, list[float]] = {name: [] for name in calls}
    for _ in range(rounds):
        for name, call in calls.items():
            started, cpu_started = time.perf_counter(), time.process_time()
            call()
            samples[name].append(time.perf_counter() - started)
            cpu[name].append(time.process_time() - cpu_started)
    return {name: Timings(tuple(samples[name]), tuple(cpu[name])) for name in calls}


def time_calls(call: Callable[[], object], rounds: int, warmup: int = 1) -> Timings:
    return interleaved({"call": call}, rounds, warmup)["call"]
