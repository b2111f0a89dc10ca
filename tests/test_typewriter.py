"""The page interpreter, as a player meets it: what a page is read as, through the corpus, properties and the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from game.story.model import Story
from game.typewriter import MAX_PAGE_CHARS, read_page
from tests.conftest import cap_memory, examples

CORPUS = yaml.safe_load((Path(__file__).parent / "data" / "pages.yaml").read_text(encoding="utf-8"))["pages"]


def reading(story: Story, text: str) -> list[dict[str, Any]]:
    assert story.lexicon is not None
    return read_page(story.lexicon, story.characters, text).to_json()["sentences"]


def _expected(sentence: dict[str, Any]) -> dict[str, Any]:
    traits = [{"id": t["id"], "negated": t["negated"], "intensity": float(t["intensity"])} for t in sentence["traits"]]
    return {"about_ruby": sentence["about_ruby"], "traits": traits}


@pytest.mark.parametrize("page", CORPUS, ids=[p["text"][:40] or "(empty)" for p in CORPUS])
def test_the_corpus_reads_as_an_english_reader_would(shipped_story: Story, page: dict[str, Any]) -> None:
    got = [{"about_ruby": s["about_ruby"], "traits": s["traits"]} for s in reading(shipped_story, page["text"])]
    assert got == [_expected(s) for s in page["sentences"]]


def test_the_corpus_is_broad() -> None:
    assert len(CORPUS) >= 100
    named = {t["id"] for p in CORPUS for s in p["sentences"] for t in s["traits"]}
    assert len(named) >= 12


TRAIT_SENTENCES = {
    "speaks_french": "speaks French",
    "joyful": "is happy",
    "sad": "is sad",
    "artist": "paints",
    "independent": "is independent",
    "free": "is free",
}
OTHERS = ["Harry", "Calvin", "Scotty", "Susie", "Lila", "The weather", "It", "He", "My brother", "Mort"]


@settings(max_examples=examples(150), deadline=None)
@given(st.sampled_from(sorted(TRAIT_SENTENCES)), st.sampled_from(OTHERS))
def test_a_sentence_about_anyone_else_changes_nothing_about_her(shipped_story: Story, trait: str, other: str) -> None:
    (sentence,) = reading(shipped_story, f"{other} {TRAIT_SENTENCES[trait]}.")
    assert sentence["about_ruby"] is False and sentence["traits"] == []


@settings(max_examples=examples(150), deadline=None)
@given(
    st.sampled_from(sorted(TRAIT_SENTENCES)),
    st.sampled_from(["Ruby", "She", "RUBY", "she", "Ruby Sparks"]),
    st.sampled_from(["", "!", ".", "..."]),
)
def test_case_and_punctuation_do_not_matter(shipped_story: Story, trait: str, subject: str, end: str) -> None:
    (sentence,) = reading(shipped_story, f"{subject} {TRAIT_SENTENCES[trait]}{end}")
    assert sentence["about_ruby"] is True
    assert sentence["traits"] == [{"id": trait, "negated": False, "intensity": 1.0}]


@settings(max_examples=examples(100), deadline=None)
@given(st.sampled_from(["speaks French", "paints", "loves Calvin", "loves the dog"]), st.integers(0, 3))
def test_each_never_flips_the_meaning(shipped_story: Story, verb_phrase: str, nevers: int) -> None:
    text = "Ruby " + "never " * nevers + verb_phrase + "."
    (sentence,) = reading(shipped_story, text)
    assert [t["negated"] for t in sentence["traits"]] == [nevers % 2 == 1]


@settings(max_examples=examples(300), deadline=None)
@given(st.text(max_size=400))
def test_any_text_reads_without_error_and_deterministically(shipped_story: Story, text: str) -> None:
    first = reading(shipped_story, text)
    assert first == reading(shipped_story, text)
    for sentence in first:
        for trait in sentence["traits"]:
            assert trait["intensity"] in (0.5, 1.0, 2.0)
        assert sentence["about_ruby"] or not sentence["traits"]


@settings(max_examples=examples(50), deadline=None)
@given(st.lists(st.sampled_from(["Ruby is happy.", "Harry is sad.", "She paints.", "Asdf!", "Ruby isn't free."]), max_size=30))
def test_sentences_are_read_independently(shipped_story: Story, parts: list[str]) -> None:
    """A page is its sentences: reading them together gives what reading each alone gives (for full sentences)."""
    together = reading(shipped_story, " ".join(parts))
    alone = [s for part in parts for s in reading(shipped_story, part)]
    assert together == alone


def test_a_huge_paste_is_cut_and_says_so(shipped_story: Story) -> None:
    assert shipped_story.lexicon is not None
    page = read_page(shipped_story.lexicon, shipped_story.characters, "Ruby is happy. " * 100_000)
    assert page.truncated
    assert sum(len(s.text) + 1 for s in page.sentences) <= MAX_PAGE_CHARS + 1


def test_invisible_characters_and_terminal_escapes_leave_the_words_whole(shipped_story: Story) -> None:
    """A zero-width space inside her name, a terminal's escape sequence pasted before a sentence, and an ideographic
    full stop: the sentences read as typed, none lost or split."""
    assert shipped_story.lexicon is not None
    page = read_page(
        shipped_story.lexicon,
        shipped_story.characters,
        "Ru\u200bby is happy\u3002\x1b]52;c;SGVsbG8=\x07She sings. \x1b[31mShe dances.\x1b[0m",
    )
    assert [[trait.id for trait in sentence.traits] for sentence in page.sentences] == [["joyful"], ["sings"], ["dances"]]


def test_a_pasted_word_of_thousands_of_letters_is_read_as_nothing(shipped_story: Story) -> None:
    """Noise such as a pasted key once sent the typo search through millions of spellings of one word."""
    assert shipped_story.lexicon is not None
    noise = "".join("qwertyuiopasdfghjklzxcvbnm"[(i * 7 + i // 26) % 26] for i in range(MAX_PAGE_CHARS - 100))
    page = read_page(shipped_story.lexicon, shipped_story.characters, f"Ruby is {noise}. Ruby is happy.")
    assert [[trait.id for trait in sentence.traits] for sentence in page.sentences] == [[], ["joyful"]]


def run_page(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "game", "page", *args], capture_output=True, text=True, input=stdin, timeout=60)


def test_page_json_is_one_object_in_the_documented_shape() -> None:
    result = run_page("--json", "Ruby is very happy, and Harry is sad. She never forgets.")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"sentences", "effects", "truncated"}
    assert data["truncated"] is False
    assert data["sentences"][0]["traits"] == [{"id": "joyful", "negated": False, "intensity": 2.0}]
    assert data["sentences"][1] == {
        "text": "She never forgets.",
        "about_ruby": True,
        "traits": [{"id": "forgets", "negated": True, "intensity": 1.0}],
    }
    assert "joyful = 2" in data["effects"] and "control += 1" in data["effects"]


def test_page_reads_stdin_and_explains_in_words() -> None:
    result = run_page("-", stdin="Ruby speaks French.\nHarry paints.\n")
    assert result.returncode == 0, result.stderr
    assert "speaks_french: asserted, intensity 1" in result.stdout
    assert "'Harry paints.': not about her" in result.stdout


def test_page_reads_only_a_page_from_an_endless_stream() -> None:
    """Memory is capped at 1 GB, so reading the whole of /dev/zero would fail rather than run out the machine's memory."""

    with open("/dev/zero", "rb") as endless:
        command = [sys.executable, "-m", "game", "page", "-"]
        result = subprocess.run(command, stdin=endless, capture_output=True, text=True, timeout=60, preexec_fn=cap_memory)
    assert result.returncode == 0, result.stderr
    assert "longer than the typewriter takes" in result.stdout


def test_page_json_says_when_a_page_was_cut() -> None:
    result = run_page("--json", "-", stdin="Ruby is happy. " * 70_000)  # about a megabyte
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["truncated"] is True
    assert sum(len(s["text"]) + 1 for s in data["sentences"]) <= MAX_PAGE_CHARS + 1


def test_page_with_another_story(mini_story: Story, tmp_path: Path) -> None:
    from tests.conftest import MINI

    result = run_page("--story", str(MINI), "--json", "Ruby is cheerful.")
    assert json.loads(result.stdout)["sentences"][0]["traits"][0]["id"] == "happy"
    broken = tmp_path / "broken"
    broken.mkdir()
    result = run_page("--story", str(broken), "Ruby is cheerful.")
    assert result.returncode == 1 and "Traceback" not in result.stderr + result.stdout


def _edit_distance(a: str, b: str) -> int:
    """The textbook table (a swap of neighbours is one edit), as the oracle for the typo search's shortcuts."""
    table = [[i + j if not i or not j else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
    return table[-1][-1]


@st.composite
def _typed(draw: st.DrawFn) -> tuple[str, str]:
    """A word and the same word typed with a few slips: letters changed, added, left out or swapped."""
    word = draw(st.text("abcd", max_size=9))
    typed = list(word)
    for slip, at, letter in draw(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 9), st.sampled_from("abcd")), max_size=3)):
        if slip == 0 and typed:
            typed[at % len(typed)] = letter
        elif slip == 1:
            typed.insert(at % (len(typed) + 1), letter)
        elif slip == 2 and typed:
            typed.pop(at % len(typed))
        elif slip == 3 and len(typed) > 1:
            k = at % (len(typed) - 1)
            typed[k], typed[k + 1] = typed[k + 1], typed[k]
    return word, "".join(typed)


@settings(max_examples=examples(400), deadline=None)
@given(_typed(), st.integers(0, 3))
def test_typo_distance_is_exact_within_its_limit(pair: tuple[str, str], limit: int) -> None:
    """The typo search decides "within one edit" without the table and skips what two words share at either end:
    within the limit the distance is exact, beyond it only "too far"."""
    from game.typewriter.typos import damerau

    a, b = pair
    exact = _edit_distance(a, b)
    assert damerau(a, b, limit) == exact if exact <= limit else damerau(a, b, limit) > limit
