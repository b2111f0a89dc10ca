"""Small timing helpers shared by the benchmarks: medians of repeated runs, never a single time."""

from __future__ import annotations

import statistics
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence


def median_seconds(action: Callable[[], object], repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def median_process_seconds(command: Sequence[str], repeat: int = 9, env: Mapping[str, str] | None = None) -> float:
    """Whole-process wall time, including interpreter start-up, as a user would feel it."""
    return median_seconds(lambda: subprocess.run(command, capture_output=True, check=True, env=env), repeat)


def verdict(value: float, target: float) -> str:
    return "ok" if value <= target else "OVER TARGET"
