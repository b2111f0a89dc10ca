"""What Calvin sees of a reading: after the page is pulled out, and in the margin while he is still typing it.

Each sentence gets one line in the story's own voice: what it made true ("She is joyful."), or why it made nothing
true (it was about someone else, a wish, a question, somebody's words), and, for a sentence about her that the
typewriter could not read, a hint naming what this page can change. The same lines serve the game, plain mode and
`ruby-sparks page`, so a player hears one explanation everywhere.
"""

from __future__ import annotations

from typing import Literal

from game.records import prefab
from game.story.model import Lexicon, Scene, Story, Trait
from game.typewriter import read_page
from game.typewriter.cues import negation_spans
from game.typewriter.examples import base_form
from game.typewriter.reading import PageReading, SentenceReading, TraitReading
from game.typewriter.text import clean, split_sentences, tokens

MARGIN_CONTEXT = 6
"""How many finished sentences the margin reads: the ones shown, and a few before them for the subject they carry."""
PRONOUNS = frozenset({"she", "he", "they", "it", "we", "you"})
"""A description's first word that is lowered inside a sentence; any other is a name ("Ruby paints") and stays."""
HINTED = 3
"""How many of the things a page can change a hint names: enough to steer, too few to be a menu."""

WHY_NOTHING = {
    "question": "A question changes nothing; the page wants answers.",
    "wish": "A wish, a hope or a maybe: the page makes nothing true that it only wants.",
    "condition": "An if is not a fact: nothing changes.",
    "reported": "Someone's words or beliefs, not yours: nothing changes.",
    "quoted": "Words in quotation marks are somebody's speech, not the page's: nothing changes.",
}
WRITERS_OWN = "What you believe or say is not a page: nothing changes."
"""Why "I think she sings" changes nothing: the writer's own belief or words, where another's are `reported`."""


def page_feedback(reading: PageReading, story: Story, scene: Scene | None = None) -> tuple[str, ...]:
    """What took and what did not, as Calvin sees it when he pulls the page out."""
    if not reading.sentences or not any(s.text.strip() for s in reading.sentences):
        return ("The page is blank.",)
    lines: list[str] = []
    if reading.truncated:
        lines.append("The page ran out before you did: only its first part went through the typewriter.")
    if not reading.about_ruby and all(s.mood == "asserts" for s in reading.sentences):
        lines.append(f"Nothing you wrote was about {story.subject_name}.")
        return tuple(lines)
    lines.extend(f"{quote(s.text)} {sentence_note(s, story, scene)}" for s in reading.sentences)
    return tuple(lines)


def sentence_note(sentence: SentenceReading, story: Story, scene: Scene | None = None, hint: bool = True) -> str:
    """One sentence's reading in words: "She is joyful.", or why nothing took, with a hint when it was about her (left
    out of the margin, where two lines must hold it)."""
    lexicon = story.lexicon
    if sentence.traits and lexicon is not None:
        return " ".join(said(trait, lexicon) for trait in sentence.traits)
    if sentence.mood in WHY_NOTHING:
        return WRITERS_OWN if writers_own(sentence, story) else WHY_NOTHING[sentence.mood]
    subject = story.subject_name  # only now: most sentences took something, and the name is worked out at each call
    if not sentence.about_ruby:
        return f"Not about {subject}: nothing changes."
    return f"About {subject}, but the typewriter finds nothing in it to make true.{near_miss(story, scene) if hint else ''}"


def writers_own(sentence: SentenceReading, story: Story) -> bool:
    """Whether a sentence reports the writer's own belief or words ("I think she sings"), not someone else's."""
    writer = story.lexicon.narrator if story.lexicon is not None else None
    return sentence.mood == "reported" and writer is not None and sentence.subject == writer


def near_miss(story: Story, scene: Scene | None) -> str:
    """ " This page could make her joyful, sad or free.": up to three things this scene's page can change."""
    lexicon = story.lexicon
    if lexicon is None:
        return ""
    wanted: list[str] = []
    if scene is not None and scene.typewriter is not None:
        for outcome in scene.typewriter.outcomes:
            wanted.extend(test.trait for test in outcome.wrote if test.trait not in wanted)
    for trait in lexicon.traits:
        if len(wanted) >= HINTED:
            break
        if trait.id not in wanted:
            wanted.append(trait.id)
    ideas = [_idea(lexicon, trait_id) for trait_id in wanted[:HINTED]]
    return f" Pages here take things like: {_series(ideas)}."


def said(trait: TraitReading, lexicon: Lexicon) -> str:
    """A trait as a sentence that has come true: "She is joyful.", "She will never be sad."."""
    description = _description(lexicon, trait.id)
    if trait.negated:
        return _denied(description)
    if trait.intensity > 1:
        return _strong(description)
    if trait.intensity < 1:
        return _weak(description)
    return f"{description}."


@prefab(frozen=True)
class MarginNote:
    """How one finished sentence of a draft will be read: `takes` (something comes true), `about` (about her, but
    nothing the typewriter knows) or `nothing` (about someone else, a wish, a question...)."""

    sentence: str
    note: str
    kind: Literal["takes", "about", "nothing"]


def draft_notes(story: Story, scene: Scene | None, text: str) -> tuple[MarginNote, ...]:
    """A note for each finished sentence of a page still in the typewriter: the margin as he types.

    The sentence being typed is left alone until its full stop, as a spelling checker waits for the end of a word."""
    if story.lexicon is None:
        return ()
    page = clean(text)
    end = max(page.rfind(mark) for mark in ".!?;:\n")
    if end < 0:
        return ()
    finished = list(split_sentences(page[: end + 1]))[-MARGIN_CONTEXT:]  # a long paste costs no more than a short page
    reading = read_page(story.lexicon, story.characters, " ".join(finished))
    return tuple(
        MarginNote(sentence.text, sentence_note(sentence, story, scene, hint=False), _kind(sentence))
        for sentence in reading.sentences
    )


def _kind(sentence: SentenceReading) -> Literal["takes", "about", "nothing"]:
    if sentence.traits:
        return "takes"
    return "about" if sentence.about_ruby and sentence.mood == "asserts" else "nothing"


def _description(lexicon: Lexicon, trait_id: str) -> str:
    trait = traits_by_id(lexicon).get(trait_id)
    text = (trait.description if trait else "").strip().rstrip(".")
    return text or f"She is {trait_id.replace('_', ' ')}"


_by_id: tuple[tuple[Trait, ...], dict[str, Trait]] | None = None


def traits_by_id(lexicon: Lexicon) -> dict[str, Trait]:
    """The lexicon's traits by id, for the lexicon read last: a page pulled out looks each of its traits up (for what
    it changes, and for its lines here), and a search of the lexicon each time, or the map made again, was about a
    sixth of pulling a new page out. Kept with the traits themselves, so their identity cannot be reused; an id names
    one trait (the loader refuses a trait defined twice)."""
    global _by_id
    if _by_id is None or _by_id[0] is not lexicon.traits:
        _by_id = (lexicon.traits, {trait.id: trait for trait in lexicon.traits})
    return _by_id[1]


def _idea(lexicon: Lexicon, trait_id: str) -> str:
    """ "She is joyful" -> "she is joyful": for a list inside a sentence."""
    return _in_a_sentence(_description(lexicon, trait_id))


def _in_a_sentence(description: str) -> str:
    """ "She is joyful" -> "she is joyful", inside a sentence; a name stays a name ("Ruby paints")."""
    first, _, rest = description.partition(" ")
    return f"{first.lower()} {rest}".strip() if first.lower() in PRONOUNS else description


def _split(description: str) -> tuple[str, str, str]:
    """ "She is sad" -> ("She", "is", "sad"); "She loves the dog" -> ("She", "loves", "the dog")."""
    words = description.split(" ", 2)
    while len(words) < 3:
        words.append("")
    return words[0], words[1], words[2]


def _denied(description: str) -> str:
    """A denial said so that it reads right whatever the description and whatever was true before: "again" or "no
    longer" would say she was so, and a page may deny a thing on its first line. A description that is itself a
    negation ("She fears nothing") cannot be turned round word by word, so it is said whole."""
    who, verb, rest = _split(description)
    if verb in ("cannot", "can't"):
        return f"{who} can {rest} after all."
    if any(words != ("without",) for _, words in negation_spans(tokens(description)).values()):
        return f"It will never be true that {_in_a_sentence(description)}."
    if verb == "is":
        return f"{who} will never be {rest}."
    if verb == "has":
        return f"{who} will never have {rest}."
    if verb.endswith("s") and verb not in ("was",):
        return f"{who} will never {base_form(verb)} {rest}.".replace("  ", " ")
    return f"It will never be true that {_in_a_sentence(description)}."


def _strong(description: str) -> str:
    who, verb, rest = _split(description)
    if verb == "is":
        return f"{who} is utterly, completely {rest}."
    return f"{description}, more than ever."


def _weak(description: str) -> str:
    who, verb, rest = _split(description)
    if verb == "is":
        return f"{who} is a little {rest}."
    return f"{description}, a little."


def _series(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " or " + items[-1]


def quote(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return f"“{flat if len(flat) <= limit else flat[: limit - 1] + '…'}”"
