"""Write game/typewriter/common_words.txt: the English words the typewriter never reads as a typo.

A typed word that is a real word ("point", "buys", "then") is what the player meant, however close it is to a word of
the lexicon ("paint", "bubbly", "the"); only a word found nowhere is repaired. The list is WordNet 3.0's single-word
lemmas (Debian's `wordnet-base`, read at build time, never at run time) with their irregular forms, together with the
wordfreq list the file held before and the closed-class words of game/typewriter/closed_class.py.

    apt-get install wordnet-base && python scripts/make_word_list.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.typewriter.closed_class import CLOSED_CLASS  # noqa: E402

WORDNET = Path("/usr/share/wordnet")
TARGET = ROOT / "game" / "typewriter" / "common_words.txt"
HEADER = """# English words the typo corrector must never change ("point" is not "paint"), made by scripts/make_word_list.py.
# From WordNet 3.0 (Princeton University, WordNet 3.0 licence; see assets/credits.md), the wordfreq word list (Robyn
# Speer et al., CC-BY-SA 4.0: https://github.com/rspeer/wordfreq) and the reader's own closed classes.
"""
_WORD = re.compile(r"[a-z]+")


def main() -> int:
    if not (WORDNET / "index.noun").is_file():
        print("make_word_list: WordNet is not installed: apt-get install wordnet-base", file=sys.stderr)
        return 2
    words: set[str] = set()
    for pos in ("noun", "verb", "adj", "adv"):
        for line in (WORDNET / f"index.{pos}").read_text(encoding="latin-1").splitlines():
            if not line.startswith(" "):
                words.add(line.split(" ", 1)[0])
        for line in (WORDNET / f"{pos}.exc").read_text(encoding="latin-1").splitlines():
            words.update(line.split())
    old = TARGET.read_text(encoding="utf-8").splitlines() if TARGET.exists() else []
    words.update(line for line in old if line and not line.startswith("#"))
    words.update(word for phrase in CLOSED_CLASS for word in phrase.split())
    kept = sorted(w for w in words if _WORD.fullmatch(w))
    TARGET.write_text(HEADER + "\n".join(kept) + "\n", encoding="utf-8")
    print(f"{len(kept)} words written to {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
