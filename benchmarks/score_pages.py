"""Score the typewriter against a set of pages labelled from docs/typewriter.md: how many read right, by kind.

    python benchmarks/score_pages.py tests/data/pages_heldout.yaml [--story DIR] [--show KIND|all]

A page reads right when the traits it ends up asserting or denying (each trait's last reading on the page, as the
engine applies them) are exactly the labelled ones; intensity is not scored. A false reading is a trait the page
does not assert (or denies the other way) showing up. The held-out files are never tuned on: see the README.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.paths import shipped_story_dir
from game.story.loader import load_story_or_raise
from game.typewriter import read_page


def final_traits(reading: Any) -> dict[str, bool]:
    out: dict[str, bool] = {}
    for sentence in reading.sentences:
        if not sentence.about_ruby:
            continue
        for trait in sentence.traits:
            out.pop(trait.id, None)
            out[trait.id] = trait.negated
    return out


def labelled(page: dict[str, Any]) -> dict[str, bool]:
    """The traits a page is labelled with: a flat `traits` list, or (tests/data/pages.yaml) one per sentence."""
    if "sentences" in page:
        out: dict[str, bool] = {}
        for sentence in page["sentences"]:
            for trait in sentence.get("traits", []) if sentence.get("about_ruby") else []:
                out.pop(trait["id"], None)
                out[trait["id"]] = bool(trait.get("negated", False))
        return out
    return {t["id"]: bool(t.get("negated", False)) for t in page.get("traits", [])}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="+", type=Path)
    parser.add_argument("--story", type=Path, default=None)
    parser.add_argument("--show", default="", help="print the failures of one kind, or all")
    args = parser.parse_args()
    story = load_story_or_raise(args.story or shipped_story_dir())
    assert story.lexicon is not None
    total: Counter[str] = Counter()
    right: Counter[str] = Counter()
    false_pages = 0
    pages = [page for path in args.pages for page in yaml.safe_load(path.read_text(encoding="utf-8"))["pages"]]
    for page in pages:
        kind = page.get("kind", "?")
        expected = labelled(page)
        got = final_traits(read_page(story.lexicon, story.characters, page["text"]))
        total[kind] += 1
        if got == expected:
            right[kind] += 1
        elif args.show in (kind, "all"):
            print(f"[{kind}] {page['text']!r}\n    expected {expected}\n    got      {got}")
        if any(expected.get(trait) != negated for trait, negated in got.items()):
            false_pages += 1
    print(f"{'kind':<16} {'right':>6} {'pages':>6} {'share':>7}")
    for kind in sorted(total):
        print(f"{kind:<16} {right[kind]:>6} {total[kind]:>6} {right[kind] / total[kind]:>7.1%}")
    overall = sum(right.values()) / max(1, sum(total.values()))
    print(f"{'overall':<16} {sum(right.values()):>6} {sum(total.values()):>6} {overall:>7.1%}")
    print(f"false readings: {false_pages} pages ({false_pages / max(1, len(pages)):.1%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
