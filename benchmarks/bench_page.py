"""The typewriter's speed: a page must read instantly, and a huge paste must not stall the game.

Targets (issue 4): a 200-word page <= 2 ms median; a 10,000-word page <= 200 ms median (such a page is longer than the
20,000-character page limit, so it is cut there, as in the game). Also reported: 1k, 10k and 20k characters (growth
should be linear) and 100k characters (cut to the limit). Every page is fresh text, so the typo cache cannot flatter
the figures: the words are drawn from the lexicon, common English and misspellings. Last, what the typewriter costs a
fresh process (issue 17): its import (`python -X importtime`, median of 11, with the game's bytecode written), which
every `replay --verify` pays. Run: `python benchmarks/bench_page.py`.

The first two figures are also given in CPU time, which a busy neighbour on a shared machine disturbs less. For A/B
comparisons there, count instructions instead: run a script that reads N fresh `page(200, ...)` pages under
`valgrind --tool=callgrind`, once with N=21 and once with N=0, and divide the difference by 21.
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from timing import compile_bytecode, median_seconds, verdict

from game.paths import shipped_story_dir
from game.story.loader import load_story_or_raise
from game.typewriter import read_page

WORDS = [
    "Ruby",
    "she",
    "her",
    "is",
    "very",
    "not",
    "never",
    "happy",
    "sad",
    "speaks",
    "French",
    "loves",
    "Calvin",
    "the",
    "dog",
    "Harry",
    "paints",
    "and",
    "but",
    "a",
    "little",
    "no",
    "longer",
    "independent",
    "free",
    "forgets",
    "herself",
    "again",
    "clingy",
    "miserable",
    "without",
    "him",
    "weather",
    "rain",
    "kitchen",
    "morning",
    "coffee",
    "window",
]


def page(words: int, rng: random.Random) -> str:
    out = []
    for i in range(words):
        word = rng.choice(WORDS)
        if rng.random() < 0.15:
            spot = rng.randrange(len(word))
            word = word[:spot] + rng.choice("aeioustrn") + word[spot + 1 :]
        out.append(word)
        if i % 9 == 8:
            out[-1] += "."
    return " ".join(out)


def main() -> None:
    story = load_story_or_raise(shipped_story_dir())
    assert story.lexicon is not None
    lexicon, characters = story.lexicon, story.characters
    rng = random.Random(4)
    read_page(lexicon, characters, "Ruby is happy.")

    def timed(text_for_run: list[str]) -> float:
        texts = iter(text_for_run)
        return median_seconds(lambda: read_page(lexicon, characters, next(texts)), repeat=len(text_for_run))

    small, cpu = wall_and_cpu(lambda text: read_page(lexicon, characters, text), [page(200, rng) for _ in range(21)])
    print(f"200-word page: median {small * 1000:.2f} ms, CPU {cpu * 1000:.2f} ms (target <= 2 ms: {verdict(small, 0.002)})")
    large, cpu = wall_and_cpu(lambda text: read_page(lexicon, characters, text), [page(10_000, rng) for _ in range(7)])
    print(f"10,000-word page: median {large * 1000:.1f} ms, CPU {cpu * 1000:.1f} ms (target <= 200 ms: {verdict(large, 0.2)})")
    for chars in (1_000, 10_000, 20_000, 100_000):
        texts = [page(chars // 5, rng)[:chars] for _ in range(7)]
        cost = timed(texts)
        print(f"{chars:>7,} characters: median {cost * 1000:.2f} ms ({cost * 1_000_000 / min(chars, 20_000):.1f} ms per 1k read)")
    letters = "qwertyuiopasdfghjklzxcvbnm"
    noise = timed(["Ruby is " + "".join(rng.choice(letters) for _ in range(19_000)) + "." for _ in range(7)])
    print(f"one pasted 19,000-letter word: median {noise * 1000:.2f} ms (it is never searched for typos)")
    # one sentence as long as a page: clauses and readings are looked up, never compared all against all
    sentence = timed([" ".join(page(3_000, rng).replace(".", ",").split())[:20_000] + "." for _ in range(7)])
    print(f"one 20,000-character sentence: median {sentence * 1000:.1f} ms (linear: no more than the page above)")
    print(f"import of the typewriter (fresh process, -X importtime): median {import_cost() * 1000:.1f} ms")


def wall_and_cpu(read: Callable[[str], object], texts: list[str]) -> tuple[float, float]:
    """Median wall and CPU seconds of reading each text once, both taken around the same reads."""
    walls, cpus = [], []
    for text in texts:
        wall, cpu = time.perf_counter(), time.process_time()
        read(text)
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
    return statistics.median(walls), statistics.median(cpus)


def import_cost(repeat: int = 11) -> float:
    """Seconds to import the typewriter in a fresh process, after the story model it reads (which the loader imports
    anyway): the cumulative figure `-X importtime` gives it."""
    compile_bytecode()
    times = []
    for _ in range(repeat):
        command = [sys.executable, "-X", "importtime", "-c", "import game.story.model; import game.typewriter"]
        report = subprocess.run(command, capture_output=True, text=True, check=True).stderr
        line = next(line for line in report.splitlines() if line.rstrip().endswith("| game.typewriter"))
        times.append(int(line.split("|")[1]) / 1_000_000)
    return statistics.median(times)


if __name__ == "__main__":
    main()
