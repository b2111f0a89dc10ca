"""A feeling that ends: "her sadness is gone", "the fear fades away", "joy leaves her". The feeling's noun is named, but
what the sentence says is that she no longer has it; and "gone", "leaves" there are the feeling's, not her going."""

from __future__ import annotations

from game.typewriter.lexicon_index import LexiconIndex

_BE_OR_HAVE = ("is", "was", "are", "were", "has", "had")
"""What stands before a feeling's "gone": "her fear is gone", "her tears are gone", "her fear has gone"."""

FADING: frozenset[tuple[str, ...]] = frozenset(
    {
        *((be, "gone") for be in _BE_OR_HAVE),
        *((be, "over") for be in ("is", "was")),
        *((have, done) for have in ("has", "had") for done in ("faded", "vanished", "disappeared", "lifted", "passed")),
        *((verb,) for verb in ("fades", "faded", "vanishes", "vanished", "disappears", "disappeared", "lifts")),
        *((verb,) for verb in ("lifted", "passes", "passed", "evaporates", "evaporated", "dissolves", "dissolved")),
        *((verb,) for verb in ("dies", "died", "drains", "drained", "wanes", "waned", "withers", "withered")),
        *((verb,) for verb in ("cools", "cooled")),  # "her love for me cools and dies"
        *((verb, "up") for verb in ("dries", "dried", "dry")),  # "her tears dried up"
        *((verb, "out", "of", "her") for verb in ("goes", "went", "drains", "drained", "seeps", "seeped")),  # "the joy
        # went out of her"
        *((verb,) for verb in ("dries", "dried")),
        *((do, "not", "last") for do in ("does", "did")),  # "her joy doesn't last the night"
        ("never", "lasts"),
        ("never", "lasted"),
        *((verb, "cold") for verb in ("grows", "grew", "goes", "went", "turns", "turned", "runs", "ran")),
        *((have, done) for have in ("has", "had") for done in ("died", "drained", "waned", "withered")),
        *((verb, "away") for verb in ("fades", "faded", "melts", "melted", "ebbs", "ebbed", "dies", "died", "drains")),
        *((verb, "her") for verb in ("leaves", "left", "deserts", "deserted")),
        *((verb, "away") for verb in ("goes", "went", "slips", "slipped", "wears", "wore", "drifts", "drifted")),
        *((have, done, "away") for have in ("has", "had") for done in ("gone", "slipped", "worn", "drifted", "faded")),
        *((have, done, "away") for have in ("has", "had") for done in ("melted", "ebbed", "drained", "died")),
        *((have, "cooled") for have in ("has", "had")),  # "her love for me has cooled to nothing"
        *((be, going) for be in ("is", "was") for going in ("fading", "vanishing", "waning", "dying", "draining", "ebbing")),
        *((have, done, "her") for have in ("has", "had") for done in ("left", "deserted")),
    }
)
"""What a feeling does when it ends, said right after its noun. The cue is a denial read backwards, as "she is sad no
more" is (`cues.AFTERWARD_NEGATIONS`), so it never denies what comes after it."""

_LONGEST = max(len(cue) for cue in FADING)

_ENDINGS = frozenset(cue[-1] if cue[0] in _BE_OR_HAVE else cue[0] for cue in FADING)
"""A word every cue holds ("gone", "fades"): a sentence with none of them has no feeling that ends, and most have none."""

_ALSO_FEELINGS = frozenset(
    {"love", "affection", "devotion", "adoration", "passion", "longing", "anger", "rage", "fury", "smile", "laughter", "tears"}
)
"""Feelings whose word the lexicon reads as a verb ("she loves me"), so it does not list them as a feeling's noun; or
that no trait holds, whose ending is still not her going ("her anger is gone")."""

_WHOM = frozenset({"for", "of", "toward", "towards"})

_ADVERBS_BETWEEN = frozenset(
    {"finally", "slowly", "suddenly", "quickly", "soon", "all", "at", "last", "just", "now", "long", "completely"}
)
"""Words that may stand between the feeling and its ending ("her fear has finally faded", "her sadness is now gone")."""


_NAMING = frozenset({"the", "her", "this", "all", "that", "whatever"})
_CLAUSE_SUBJECTS = frozenset({"she", "he", "i", "we", "they"})
"""A clause said of the feeling with no "that": "whatever sorrow she carried through the winter has lifted"."""


def fading_spans(index: LexiconIndex, words: list[str], keys: list[str]) -> dict[int, tuple[int, tuple[str, ...]]]:
    """Where a feeling's noun is followed by its ending: the position just after the noun -> (the end of the cue, the
    cue); between them may stand the feeling's object ("for me") and adverbs.
    Only right after a noun the lexicon reads as a feeling, so "she is gone" and "she leaves her job" keep their sense."""
    spans: dict[int, tuple[int, tuple[str, ...]]] = {}
    if _ENDINGS.isdisjoint(words):
        return spans
    feelings = index.feeling_keys
    for noun, key in enumerate(keys):
        if (key not in feelings and words[noun] not in _ALSO_FEELINGS and not words[noun].endswith("ness")) or noun + 1 >= len(
            words
        ):
            continue  # "her cheerfulness fades": a quality's noun is a feeling's too
        at = noun + 1
        if words[at] in _WHOM and at + 2 < len(words):
            # "her love for me is gone", "her fear of driving on the freeway fades": the feeling's object, then its ending
            at = next((k for k in range(at + 2, min(at + 8, len(words))) if _ends_here(words, k)), at + 2)
        if (words[at] in ("that", "which") or words[at] in _CLAUSE_SUBJECTS) and noun and words[noun - 1] in _NAMING:
            # "the sadness that hung over her all winter is finally gone" (not "she is sad that the summer is over")
            at = next((k for k in range(at + 2, min(at + 10, len(words))) if words[k] in ("is", "was", "has", "had")), at)
        cue = _cue_at(words, at)
        if cue is None and words[at] in ("has", "had", "is", "was"):
            cue = _cue_at([words[at], *_past_adverbs(words, at + 1)], 0)  # "has finally faded"
        elif cue is None and (words[at] in _ADVERBS_BETWEEN or words[at].endswith("ly")):
            cue = _cue_at(words, at + 1)  # "her love for me slowly fades away"
        if cue is None:
            continue
        end = at
        for word in cue:  # the cue's words, with any adverbs between them
            while words[end] != word:
                end += 1
            end += 1
        spans[noun + 1] = (end, cue)
    return spans


def _ends_here(words: list[str], at: int) -> bool:
    return words[at] in _BE_OR_HAVE or _cue_at(words, at) is not None


def _cue_at(words: list[str], at: int) -> tuple[str, ...] | None:
    for size in range(_LONGEST, 0, -1):
        cue = tuple(words[at : at + size])
        if len(cue) == size and cue in FADING:
            return cue
    return None


def _past_adverbs(words: list[str], at: int) -> list[str]:
    while at < len(words) and (words[at] in _ADVERBS_BETWEEN or words[at].endswith("ly")):  # "has completely vanished"
        at += 1
    return words[at:]
