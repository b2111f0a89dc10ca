"""Small timing helpers shared by the benchmarks: medians of repeated runs, never a single time."""

from __future__ import annotations

import compileall
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import game


def median_seconds(action: Callable[[], object], repeat: int = 7, clock: Callable[[], float] = time.perf_counter) -> float:
    """Wall time by default; `clock=time.process_time` gives CPU time, which a busy neighbour disturbs less."""
    times = []
    for _ in range(repeat):
        start = clock()
        action()
        times.append(clock() - start)
    return statistics.median(times)


def median_process_seconds(command: Sequence[str], repeat: int = 9, env: Mapping[str, str] | None = None) -> float:
    """Whole-process wall time, including interpreter start-up, as a user would feel it."""
    return median_seconds(lambda: subprocess.run(command, capture_output=True, check=True, env=env), repeat)


def median_process_pair(
    first: Sequence[str], second: Sequence[str], repeat: int = 15, env: Mapping[str, str] | None = None
) -> tuple[float, float]:
    """Whole-process medians of two commands run in turn, so that a busy neighbour (CI shares two cores) weighs on
    both alike and their ratio holds even when their absolute times do not."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for command, kept in zip((first, second), times, strict=True):
            start = time.perf_counter()
            subprocess.run(command, capture_output=True, check=True, env=env)
            kept.append(time.perf_counter() - start)
    return statistics.median(times[0]), statistics.median(times[1])


def verdict(value: float, target: float) -> str:
    return "ok" if value <= target else "OVER TARGET"


def compile_bytecode() -> None:
    """Write the game's bytecode first, as `pip install` does. An editable install run with PYTHONDONTWRITEBYTECODE=1
    never writes it, and then every process also compiles each module it imports: that measures the environment,
    not the game (the no-bytecode figure is printed as well, with `without_bytecode`)."""
    compileall.compile_dir(str(Path(game.__file__).parent), quiet=1)


def without_bytecode(env: Mapping[str, str]) -> dict[str, str]:
    """`env` for a process that finds no bytecode of the game and writes none, as in a fresh editable install under
    PYTHONDONTWRITEBYTECODE=1: the game's sources (and its story, beside them) are copied to a new folder first."""
    root = Path(tempfile.mkdtemp(prefix="no-bytecode-"))
    source = Path(game.__file__).parent
    shutil.copytree(source, root / "game", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("scenes", "seeds", "assets"):
        if (source.parent / name).is_dir():
            shutil.copytree(source.parent / name, root / name)
    return {**env, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": str(root)}


def ruby_sparks() -> list[str]:
    """The installed `ruby-sparks` command beside this Python (what a player runs), else `python -m game`."""
    script = Path(sys.executable).with_name("ruby-sparks")
    return [str(script)] if script.exists() else [sys.executable, "-m", "game"]
