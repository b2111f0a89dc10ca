"""Ruby Sparks' engine beside inkle's ink runtime (inkjs), per input, each on a public story of its own (issue 15's
side-by-side: the goal is >= 5x less CPU per input than ink).

Each side plays random playthroughs the way its own explorer would: ink chooses a random choice and continues the
story to the next choice, collecting every line of text as a player would see it; Ruby Sparks plays the shipped
story through `explore_random` (random choices, random pages typed at the typewriter and read, text rendered). Both
are warmed by 50 runs first (ink's JIT, our compiled code), then timed in CPU time over the same number of runs. The
two sides run in turn, `--rounds` times, so a busy neighbour weighs on both; medians are printed, and the ratio of
the medians. Inputs are counted exactly on both sides: one choice (or one page) is one input.

Needs Node.js and inkjs 2 (not a dependency of the game; nothing is downloaded by this script):

    mkdir -p /tmp/inkbench && npm install --prefix /tmp/inkbench inkjs@2
    git clone https://github.com/inkle/the-intercept /tmp/the-intercept
    python benchmarks/side_by_side_ink.py --inkjs /tmp/inkbench --ink /tmp/the-intercept/Assets/Ink/TheIntercept.ink

`--ink` takes an `.ink` source (compiled once by inkjs' own compiler, not timed) or a compiled `.json`.
"""

from __future__ import annotations

import argparse
import json
import pickle
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from timing import compile_bytecode

import game.explorer.random_explore as random_explore
from game.engine import step
from game.paths import shipped_story_dir
from game.story.loader import load_story_or_raise
from game.story.model import Story

DRIVER = r"""
const fs = require("fs");
const [path, runs, seed] = [process.argv[2], +process.argv[3], +process.argv[4]];
const inkjs = require("inkjs/full");
const json = path.endsWith(".ink")
  ? new inkjs.Compiler(fs.readFileSync(path, "utf8")).Compile().ToJson()
  : fs.readFileSync(path, "utf8").replace(/^\uFEFF/, "");
function random(s) { return () => { s = (s * 1103515245 + 12345) & 0x7fffffff; return s / 0x80000000; }; }
function play(story, next) {
  story.ResetState();
  let inputs = 0;
  const lines = [];
  for (let i = 0; i < 500; i++) {
    while (story.canContinue) lines.push(story.Continue());
    const choices = story.currentChoices;
    if (choices.length === 0) break;
    story.ChooseChoiceIndex(Math.floor(next() * choices.length));
    inputs++;
  }
  return inputs;
}
const story = new inkjs.Story(json);
for (let s = 0; s < 50; s++) play(story, random(1000000 + s));
const start = process.cpuUsage();
let inputs = 0;
for (let s = 0; s < runs; s++) inputs += play(story, random(seed * 100000 + s));
const used = process.cpuUsage(start);
console.log(JSON.stringify({ inputs, cpu: (used.user + used.system) / 1e6 }));
"""


def ink_per_input(node: str, driver: Path, inkjs: Path, story: Path, runs: int, seed: int) -> float:
    """CPU microseconds per input of `runs` random inkjs playthroughs, measured inside node (start-up excluded)."""
    done = subprocess.run(
        [node, str(driver), str(story), str(runs), str(seed)],
        capture_output=True,
        text=True,
        cwd=inkjs,
        env={"NODE_PATH": str(inkjs / "node_modules"), "PATH": "/usr/bin:/bin"},
    )
    if done.returncode != 0:
        raise SystemExit(f"inkjs failed: {done.stderr.strip().splitlines()[-1] if done.stderr.strip() else done.returncode}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return float(result["cpu"]) * 1e6 / int(result["inputs"])


def ours_per_input(loaded: Story, runs: int, seed: int) -> float:
    """CPU microseconds per input of `runs` random playthroughs of the shipped story, pages included, on a copy of the
    story (so nothing an earlier round compiled or remembered is there), warmed by 50 runs as ink is."""
    story = pickle.loads(pickle.dumps(loaded))
    random_explore.explore_random(story, 50, seed=1_000_000)
    counted = 0

    def counting_step(*args: Any, **kwargs: Any) -> Any:
        nonlocal counted
        counted += 1
        return step(*args, **kwargs)

    random_explore.step = counting_step  # type: ignore[attr-defined]  # the explorer's own call, counted
    try:
        start = time.process_time()
        random_explore.explore_random(story, runs, seed=seed * 100_000)
        used = time.process_time() - start
    finally:
        random_explore.step = step  # type: ignore[attr-defined]
    return used * 1e6 / counted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inkjs", type=Path, required=True, help="a folder where `npm install inkjs@2` was run")
    parser.add_argument("--ink", type=Path, required=True, help="an ink story: .ink source or compiled .json")
    parser.add_argument("--runs", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    node = shutil.which("node")
    if node is None:
        parser.error("Node.js (`node`) is not on PATH")
    if not (args.inkjs / "node_modules" / "inkjs").is_dir():
        parser.error(f"{args.inkjs}: no node_modules/inkjs there (run `npm install --prefix {args.inkjs} inkjs@2`)")
    if not args.ink.is_file():
        parser.error(f"{args.ink}: no such ink story")
    compile_bytecode()
    story = load_story_or_raise(shipped_story_dir())
    ink: list[float] = []
    ours: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        driver = Path(folder) / "drive.js"
        driver.write_text(DRIVER, encoding="utf-8")
        for round_number in range(1, args.rounds + 1):
            ink.append(ink_per_input(node, driver, args.inkjs.resolve(), args.ink.resolve(), args.runs, round_number))
            ours.append(ours_per_input(story, args.runs, round_number))
    ink_median, ours_median = statistics.median(ink), statistics.median(ours)
    print(f"inkjs ({args.ink.name}): median {ink_median:.1f} µs per input over {args.rounds} rounds of {args.runs} runs")
    print(f"ruby-sparks (shipped story, pages included): median {ours_median:.1f} µs per input")
    ratio = ink_median / ours_median
    print(f"ink / ruby-sparks: {ratio:.2f}x (goal >= 5x: {'ok' if ratio >= 5 else 'UNDER GOAL'})")


if __name__ == "__main__":
    main()
