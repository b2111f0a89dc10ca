"""Two checkouts of the game side by side, as whole processes: does a change make start-up or reading slower?

    git worktree add /tmp/before <commit> && python benchmarks/compare_trees.py /tmp/before . [--runs 15]

Each command runs with the tree on PYTHONPATH, after its bytecode is written and its story cache filled, and the runs
of both trees are interleaved, so load on a shared machine falls on both. Printed: medians and the ratio new/old for
`--version`, `replay --verify` of the film replay, `page` of one sentence, the Textual game until its story is loaded,
and the CPU median of reading a fresh 200-word page (`benchmarks/bench_page.py`'s pages) in process.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TUI = """
from game.tui.app import RubySparksApp
class Probe(RubySparksApp):
    def on_mount(self):
        super().on_mount()
        self.set_interval(0.01, self._check)
    def _check(self):
        if self.story is not None:
            self.exit()
Probe(animate=False).run(headless=True)
"""
PAGE_CPU = """
import random, statistics, sys, time
sys.path.insert(0, "benchmarks")
from bench_page import page
from game.paths import shipped_story_dir
from game.story.loader import load_story_or_raise
from game.typewriter import read_page
story = load_story_or_raise(shipped_story_dir())
read_page(story.lexicon, story.characters, "Ruby is happy.")
rng, times = random.Random(7), []
for _ in range(41):
    text = page(200, rng)
    start = time.process_time()
    read_page(story.lexicon, story.characters, text)
    times.append(time.process_time() - start)
print(statistics.median(times))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    trees = {"old": args.old.resolve(), "new": args.new.resolve()}
    homes = {name: tempfile.mkdtemp() for name in trees}
    cases = {
        "--version": [sys.executable, "-m", "game", "--version"],
        "replay --verify film": [sys.executable, "-m", "game", "replay", "--verify", "assets/replays/film.json"],
        "page (one sentence)": [sys.executable, "-m", "game", "page", "Ruby is happy."],
        "TUI to story loaded": [sys.executable, "-c", TUI],
    }

    def run(name: str, command: list[str]) -> float:
        env = {**os.environ, "PYTHONPATH": str(trees[name]), "RUBY_SPARKS_HOME": homes[name]}
        start = time.perf_counter()
        subprocess.run(command, cwd=trees[name], env=env, capture_output=True, check=True)
        return time.perf_counter() - start

    for name, tree in trees.items():
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree / "game")], capture_output=True, check=False)
        for command in cases.values():
            run(name, command)  # bytecode and story cache, as after the first play
    results: dict[str, dict[str, list[float]]] = {name: {case: [] for case in cases} for name in trees}
    for _ in range(args.runs):
        for name in trees:
            for case, command in cases.items():
                results[name][case].append(run(name, command))
    for case in cases:
        old, new = (statistics.median(results[name][case]) for name in trees)
        print(f"{case:<24} old {old * 1000:7.1f} ms   new {new * 1000:7.1f} ms   new/old {new / old:.2f}")
    cpu = {}
    for name, tree in trees.items():
        env = {**os.environ, "PYTHONPATH": str(tree), "RUBY_SPARKS_HOME": homes[name]}
        out = subprocess.run([sys.executable, "-c", PAGE_CPU], cwd=tree, env=env, capture_output=True, text=True, check=True)
        cpu[name] = float(out.stdout.strip())
    old, new = cpu["old"], cpu["new"]
    print(f"{'200-word page (CPU)':<24} old {old * 1000:7.2f} ms   new {new * 1000:7.2f} ms   new/old {new / old:.2f}")


if __name__ == "__main__":
    main()
