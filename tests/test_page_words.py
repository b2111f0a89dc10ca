"""What the writer is told about a page, in the story's own voice: when it comes out of the typewriter (`PageRead`),
in the margin while it is typed (`draft_notes`), and from `ruby-sparks page` (`explain_page`).

The story here has one trait for each way a description is said back: `is` (will never be, utterly, a little),
`has` (will never have), `cannot` (can ... after all), another verb (will never ..., more than ever), a verb with no
rule and a description that is itself a negation (It will never be true that ...), and a trait with no description.
A denial never says "again" or "no longer": a page may deny what was never true.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine import PageInput, PageRead, new_game, step
from game.engine.explain import explain_page
from game.engine.feedback import draft_notes
from game.story.loader import load_story_or_raise
from game.story.model import Story
from game.typewriter import MAX_PAGE_CHARS
from tests.conftest import DATA

FILES = {
    "story.yaml": """\
format: 2
id: voice
title: Voice
version: "1.0"
start: desk
author: Tests
characters:
  ruby: {name: Ruby Sparks, names: [ruby], pronoun: she}
  harry: {name: Harry, pronoun: he}
endings:
  - id: done
    title: Done
    text: Done.
""",
    "scenes.yaml": """\
scenes:
  - id: desk
    typewriter:
      prompt: Write.
      outcomes:
        - wrote: sea
          to: done
        - to: desk
""",
    "lexicon.yaml": """\
lexicon:
  subject: ruby
  traits:
    - {id: happy, description: She is happy, phrases: [happy]}
    - {id: cat, description: She has a cat, phrases: [has a cat]}
    - {id: sea, description: She loves the sea, phrases: [loves the sea]}
    - {id: swim, description: She cannot swim, phrases: [cannot swim]}
    - {id: here, description: She was here, phrases: [was here]}
    - {id: bold, phrases: [bold]}
    - {id: fearless, description: She fears nothing, phrases: [fearless]}
""",
}
HINT = " Pages here take things like: she loves the sea, she is happy or she has a cat."
"""The outcome's trait first, then the lexicon's in order, three at most."""


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> Story:
    root = tmp_path_factory.mktemp("voice")
    for name, text in FILES.items():
        (root / name).write_text(text, encoding="utf-8")
    return load_story_or_raise(root)


def pulled_out(story: Story, page: str) -> tuple[str, ...]:
    """The lines shown when the page comes out of the typewriter in a real game."""
    state, _ = new_game(story)
    (read,) = [event for event in step(story, state, PageInput(page))[1] if isinstance(event, PageRead)]
    return read.lines


@pytest.mark.parametrize(
    ("page", "line"),
    [
        ("She is happy.", "“She is happy.” She is happy."),
        ("She is not happy.", "“She is not happy.” She will never be happy."),
        ("She is very happy.", "“She is very happy.” She is utterly, completely happy."),
        ("She is slightly happy.", "“She is slightly happy.” She is a little happy."),
        ("She does not have a cat.", "“She does not have a cat.” She will never have a cat."),
        ("She never cannot swim.", "“She never cannot swim.” She can swim after all."),
        ("She does not love the sea.", "“She does not love the sea.” She will never love the sea."),
        ("She really loves the sea.", "“She really loves the sea.” She loves the sea, more than ever."),
        ("She slightly loves the sea.", "“She slightly loves the sea.” She loves the sea, a little."),
        ("She was not here.", "“She was not here.” It will never be true that she was here."),
        ("She is not bold.", "“She is not bold.” She will never be bold."),
        ("She is not fearless.", "“She is not fearless.” It will never be true that she fears nothing."),
        ("She is tall.", f"“She is tall.” About Ruby, but the typewriter finds nothing in it to make true.{HINT}"),
        (
            "I wish she were happy.",
            "“I wish she were happy.” A wish, a hope or a maybe: the page makes nothing true that it only wants.",
        ),
        ("If she is happy, fine.", "“If she is happy, fine.” An if is not a fact: nothing changes."),
        ("Harry says she is happy.", "“Harry says she is happy.” Someone's words or beliefs, not yours: nothing changes."),
    ],
)
def test_each_sentence_is_said_back_in_the_storys_voice(story: Story, page: str, line: str) -> None:
    assert pulled_out(story, page) == (line,)


def test_a_page_about_no_one_or_nothing_says_so_in_one_line(story: Story) -> None:
    assert pulled_out(story, "Harry is happy.") == ("Nothing you wrote was about Ruby.",)
    assert pulled_out(story, "  \n ") == ("The page is blank.",)


def test_a_page_too_long_for_the_typewriter_says_only_its_first_part_went_through(story: Story) -> None:
    sentence = "She is happy. "
    page = sentence * (MAX_PAGE_CHARS // len(sentence) + 10)
    lines = pulled_out(story, page)
    assert lines[0] == "The page ran out before you did: only its first part went through the typewriter."
    assert len(lines) - 1 == -(-MAX_PAGE_CHARS // len(sentence))  # the sentences in the first MAX_PAGE_CHARS, the last cut
    assert set(lines[1:-1]) == {"“She is happy.” She is happy."}
    explained = explain_page(story, page).to_text()
    assert explained.startswith("(The page was longer than the typewriter takes; only its first 20,000 characters were read.)\n")
    assert explain_page(story, page).to_json()["truncated"] is True
    assert explain_page(story, sentence).to_json()["truncated"] is False


def test_the_margin_waits_for_the_end_of_a_sentence(story: Story) -> None:
    assert draft_notes(story, None, "She is happ") == ()
    notes = draft_notes(story, story.scenes["desk"], "She is happy. Harry is bold. She is tall. She lov")
    assert [(note.sentence, note.kind, note.note) for note in notes] == [
        ("She is happy.", "takes", "She is happy."),
        ("Harry is bold.", "nothing", "Not about Ruby: nothing changes."),
        ("She is tall.", "about", "About Ruby, but the typewriter finds nothing in it to make true."),  # no hint there
    ]


def test_ruby_sparks_page_explains_each_sentence_and_the_effects(story: Story) -> None:
    explained = explain_page(story, "Ruby is very happy. Harry loves the sea. Is she happy?")
    assert explained.to_text(explain=True).splitlines() == [
        "1. 'Ruby is very happy.': about her",
        "     subject: Ruby Sparks; it says what is so",
        "     happy: asserted, intensity 2",
        "         frame: idiom: happy; words: happy",
        "2. 'Harry loves the sea.': not about her",
        "     subject: Harry; it says what is so",
        "3. 'Is she happy?': about her",
        "     subject: Ruby Sparks; it asks (a question asserts nothing)",
        "Effects: happy = 2",
        "What the writer sees when the page comes out:",
        "  “Ruby is very happy.” She is utterly, completely happy.",
        "  “Harry loves the sea.” Not about Ruby: nothing changes.",
        "  “Is she happy?” A question changes nothing; the page wants answers.",
    ]
    shown = explained.to_json(explain=True)
    assert shown["effects"] == ["happy = 2"]
    assert [(s["subject"], s["mood"]) for s in shown["sentences"]] == [
        ("Ruby Sparks", "asserts"),
        ("Harry", "asserts"),
        ("Ruby Sparks", "question"),
    ]
    assert shown["sentences"][0]["traits"] == [
        {"id": "happy", "negated": False, "intensity": 2.0, "frame": "idiom: happy", "words": ["happy"]}
    ]
    assert "frame" not in explained.to_json()["sentences"][0]["traits"][0]  # only with --explain
    assert "subject:" not in explained.to_text()


def test_in_a_story_without_a_lexicon_a_page_changes_nothing_and_says_why(tmp_path: Path) -> None:
    story = load_story_or_raise(DATA / "stories" / "format2")
    explained = explain_page(story, "Mara is tired. She sleeps.")
    assert explained.effects == ()
    assert explained.to_text().splitlines()[-3:] == [
        "Effects: none",
        "What the writer sees when the page comes out:",
        "  This story has no lexicon: pages change nothing.",
    ]
    assert draft_notes(story, None, "Mara is tired.") == ()
    assert explain_page(story, "").to_text().splitlines()[0] == "The page is blank."


def test_a_hint_in_a_story_with_one_trait_names_just_that_one(tmp_path: Path) -> None:
    for name, text in FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    lexicon = tmp_path / "lexicon.yaml"
    lexicon.write_text(FILES["lexicon.yaml"].split("    - {id: cat")[0], encoding="utf-8")
    scenes = tmp_path / "scenes.yaml"
    scenes.write_text(FILES["scenes.yaml"].replace("wrote: sea", "wrote: happy"), encoding="utf-8")
    story = load_story_or_raise(tmp_path)
    assert pulled_out(story, "She is tall.") == (
        "“She is tall.” About Ruby, but the typewriter finds nothing in it to make true. Pages here take things like: "
        "she is happy.",
    )


def test_the_writers_own_belief_is_his_and_a_name_of_two_words_is_shown_whole(tmp_path: Path) -> None:
    """ "I think she is happy" is the writer's belief, not someone else's; "Mister Weir" is one name, so `--explain`
    shows both its words."""
    for name, text in FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    manifest = tmp_path / "story.yaml"
    calvin = "  calvin: {name: Calvin Weir-Fields, names: [calvin, mister weir], pronoun: he}\n"
    manifest.write_text(FILES["story.yaml"].replace("  harry:", calvin + "  harry:"), encoding="utf-8")
    lexicon = tmp_path / "lexicon.yaml"
    devoted = "    - {id: devoted, description: She adores him, does: [adore], object: calvin}\n"
    lexicon.write_text(FILES["lexicon.yaml"].replace("  traits:\n", "  narrator: calvin\n  traits:\n") + devoted)
    story = load_story_or_raise(tmp_path)
    assert pulled_out(story, "I think she is happy.") == (
        "“I think she is happy.” What you believe or say is not a page: nothing changes.",
    )
    assert pulled_out(story, "Harry thinks she is happy.") == (
        "“Harry thinks she is happy.” Someone's words or beliefs, not yours: nothing changes.",
    )
    explained = explain_page(story, "I think she is happy. She adores Mister Weir.").to_text(explain=True).splitlines()
    assert explained[1] == "     subject: Calvin Weir-Fields; it reports the writer's own belief or words (asserts nothing)"
    assert "         frame: does: adore, object: calvin; words: adores mister weir" in explained
