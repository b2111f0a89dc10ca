"""Is a matched word used as the lexicon means it? An adjective must describe her ("she is blue", not "blue jeans"),
a verb must be a verb ("she dances", not "a dance"), a feeling must be felt. Word-sense rules, one small function
each, so each can be read and tested as the rule it is.
"""

from __future__ import annotations

from game.typewriter.clause_parts import EMOTION, Clause, SentenceShape, agrees_with_her, past_tense
from game.typewriter.closed_class import FUNCTION_WORDS
from game.typewriter.cues import NEGATING_VERBS
from game.typewriter.grammar import (
    AUXILIARIES,
    BE,
    CAUSATIVE_STEMS,
    DETERMINERS,
    IRREALIS_ADJECTIVES,
    IRREALIS_VERB_STEMS,
    LINKING_STEMS,
    POSSESSIVES,
    SIZE_AND_AGE,
    SUBJECT_PRONOUNS,
)
from game.typewriter.lexicon_index import OTHER, LexiconIndex
from game.typewriter.matching import Match
from game.typewriter.nouns import EMOTION_CARRIERS, PEOPLE, PERSON_NOUNS, TIME_NOUNS
from game.typewriter.roles import AFTER_OBJECT
from game.typewriter.words import common_words, stem

COLOURS = frozenset(
    {"blue", "green", "red", "grey", "gray", "brown", "black", "white", "gold", "silver", "pink", "purple", "yellow"}
    | {"orange", "amber", "hazel", "violet", "turquoise", "emerald", "crimson", "scarlet", "copper", "auburn"}
)
"""Colour words: a word that describes one ("sparkling blue") says nothing of her."""

_PLACED = frozenset({"on", "in", "at", "by", "under", "near", "beside", "outside", "inside"})
_BEING_THERE = frozenset({"is", "was", "sits", "sat", "stands", "stood", "lies", "lay", "'s"})


def _somewhere_doing(words: list[str], head: int) -> bool:
    """ "Ruby is on the balcony painting": where she is, then what she does there; not "hangs the balcony painting"."""
    return (
        head >= 4
        and words[head - 2] in ("the", "a", "her", "my")
        and words[head - 3] in _PLACED
        and words[head - 4] in _BEING_THERE
    )


def _marked_noun(index: LexiconIndex, words: list[str], head: int) -> bool:
    """After "a", "the", "my" and up to three describing words, a word is a noun: "plays a sad French waltz"."""
    k = head - 1
    while k > 0 and head - k <= 3 and words[k].isalpha() and words[k] not in FUNCTION_WORDS and not words[k].endswith("ly"):
        if (words[k],) in index.names or words[k] in PERSON_NOUNS:
            return False
        k -= 1
    return k < head - 1 and words[k] in NOUN_MARKERS


def used_as_meant(index: LexiconIndex, form: SentenceShape, clause: Clause, match: Match) -> bool:
    """Is the word used as the lexicon means it? An adjective must describe her ("she is blue", not "blue jeans"); a
    verb must be a verb ("she dances", not "a dance"); what follows "wants to" has not happened."""
    words, keys = form.words, form.keys
    head = match.start
    part = match.pattern.part
    before = words[head - 1] if head > 0 else ""
    if before == "to" and head >= 2 and (keys[head - 2] in IRREALIS_VERB_STEMS or words[head - 2] in IRREALIS_ADJECTIVES):
        return False
    if part == "idiom" and _wanted(words, keys, head):
        return False  # "she wants a life of her own", "she longs for a life of her own": not hers yet
    if part == "is":
        if _attributive(words, match, index.name_words):
            return False
        surface = words[head]
        if (
            surface == match.pattern.text
            and match.end < len(words)
            and (words[match.end] == "her" or words[match.end] in index.subject_names)
            and her_as_experiencer(words, match, index.subject_names)
        ):
            return True  # "neither the coyotes nor the dark frightened her": the feeling's verb, her its object
        if (
            _participle(match.pattern.text)
            and surface != match.pattern.text
            and (surface.endswith(("s", "ing")) or surface in common_words())
        ):
            return her_as_experiencer(words, match, index.subject_names)  # "goes" is not "gone", "scares her" is "scared"
        described = any(clause.predicate <= j < head and _describes(form, j, head) for j in clause.linking)
        right_after = head <= clause.predicate or (head == clause.predicate + 1 and before in BETWEEN_VERB_AND_ADJECTIVE)
        if right_after and clause.own_subject and _in_a_place_before(words, clause, head):
            return False  # "On the drive down she hung...": "down" is where, before her
        if described or right_after:  # "ruby so happy", typed in a hurry; not "she climbs down"
            return True
        if not clause.own_subject and not clause.linking:
            return True  # a fragment: "Not happy, not sad."
        if _after_a_comma(words, head) and form.who[head] == index.subject:
            return True  # "She hides under the bed, terrified.", "She sits in the corner, quietly happy."
        return _after_object_her(words, head, index.subject_names) or (
            not clause.own_subject and head <= after_adverbs(words, clause.predicate)
        )
    if part == "does":
        if before in DETERMINERS and before not in ("that", "all"):
            return False
        if keys[head] in NEGATING_VERBS and match.end < len(words) and words[match.end].endswith("ing"):
            return False  # "she quit painting": quitting ends the painting; she does not quit, as one leaves
        if words[head] == "left" and (before in REMAINING or (head >= 2 and words[head - 2] in REMAINING)):
            return False  # "there's no joy left in her", "nothing left": what remains, not a leaving
        gap = [words[j] for j in range(head + 1, match.end) if j not in match.positions]
        if gap and match.end < len(words) and words[match.end] in PERSON_NOUNS:
            return False  # "talks to the French waiter": the last word describes someone, it is not what she speaks
        named = len(gap) == 1 and gap[0] in index.name_words  # "Harry is sad. She cheers him up": "him" is Harry
        if (
            match.pattern.frame.object is None
            and not match.pattern.objects  # "draws me a pic": a thing she makes, and whom for
            and (named or any(word in ("me", "him", "them", "us", "it", "her") for word in gap))
        ):
            return False  # "she cracks me up", "she tears it up": the verb acts on someone, it is not her laughing or crying
        surface = words[head]
        if match.pattern.forms and surface not in match.pattern.forms and surface in common_words():
            return False  # "pins" is a word, and not a form of "pine", though they share a stem ("leavs" is a typo)
        gerund = words[head].endswith("ing")
        if gerund and _doing_thing(words, head):
            return False  # "scared of the coyotes howling", "by the dogs barking": what they do
        if (
            gerund
            and match.end < len(words)
            and before not in BE
            and (words[match.end] in _GERUND_NOUN_HEADS or _person(words[match.end]))
        ):
            return False  # "after painting class", "her dancing shoes", "crying babies": a kind of thing or person
        if (
            not gerund
            and surface.endswith("s")
            and head - 1 == clause.predicate
            and before.endswith("s")
            and before not in FUNCTION_WORDS
            and before not in BE
        ):
            return False  # "she rakes leaves", "paints leaves all afternoon": right after her verb, a plural is its object
        if gerund and match.end < len(words) and words[match.end] in COLOURS:
            return False  # "a deep, sparkling blue", "glowing red": a shade, not what she does
        adjective = (
            before not in FUNCTION_WORDS
            and not before.endswith("ly")
            and (before,) not in index.names
            and before not in PERSON_NOUNS  # "the waiter speaks French": a person, then the verb
            and not (gerund and keys[head - 1] in NEGATING_VERBS)  # "make her stop singing" is no "her new painting"
        )
        participle = gerund and (before.endswith("s") or _somewhere_doing(words, head) or _time_spent(words, head))
        # "splits her sides laughing", "comes down the stairs humming", "is on the balcony painting", "spent the
        # morning painting"
        marked = head >= 2 and words[head - 2] in NOUN_MARKERS
        if (before == "of" and not gerund) or (
            adjective and not participle and (marked or (not gerund and _marked_noun(index, words, head)))
        ):
            return False  # "a fresh coat of paint", "a can of blue paint", "my old painting", "a sad French waltz": a noun
        if before in _OTHER_POSSESSIVES or (before == "'s" and head >= 2 and words[head - 2] not in index.subject_names):
            return False  # "my painting", "his drawings", "my mother's sculptures": someone else's work ("rubys
            # dancing" is her doing it)
        if before == "her" and words[head].endswith("s") and not words[head].endswith("ss"):
            return False  # "packs up her paints": after "her" a verb is bare ("watch her paint"), so this is a noun
        if before == "her" and head >= 2 and clause.own_subject and clause.subject == index.subject:
            verb = words[head - 2]
            if (
                (past_tense(verb) or agrees_with_her(verb))
                and keys[head - 2] not in _BARE_VERB_BEFORE
                and keys[head - 2] not in CAUSATIVE_STEMS
            ):
                return False  # "she hung her head out the window": her own head, after a verb that takes no bare verb
        # "like" after a noun or a verb is a preposition ("barks like a dog"), not liking
        return not (words[head] == "like" and before not in _LIKE_AS_VERB_BEFORE and not _asked_of(index, words, head))
    return True


_GERUND_NOUN_HEADS = frozenset(
    {"class", "classes", "lesson", "lessons", "teacher", "teachers", "instructor", "school", "course", "courses"}
    | {"studio", "shoes", "shoe", "supplies", "kit", "practice", "session", "sessions", "competition", "contest"}
    | {"partner", "club", "group", "workshop", "camp", "room", "gear", "clothes", "dress", "books", "book", "video"}
)
"""Nouns that a gerund before them names a kind of ("painting class", "dancing shoes", "singing lessons")."""


_DESIRE_STEMS = frozenset(stem(word) for word in ("want", "wish", "long", "yearn", "dream", "crave", "hope", "covet"))
"""Verbs of wanting what one lacks ("needs her own space" is having it, as writers read it)."""


_BARE_VERB_BEFORE = frozenset(stem(word) for word in ("watch", "see", "hear", "feel", "notice", "help", "bid", "saw"))
"""Verbs after which "her" and a bare verb say what she does ("I watch her head out")."""


def _in_a_place_before(words: list[str], clause: Clause, head: int) -> bool:
    """The word stands in a phrase of place or time that opens the clause, before its subject, with no comma after it
    ("On the drive down she...", "By the blue door Ruby..."): not a word said of her ("Happy, she sings" is)."""
    start = clause.start + len(clause.lead)
    if head <= start or words[start] not in _OPENS_A_PLACE:
        return False
    subject = next((k for k in range(head + 1, clause.predicate) if words[k] == clause.subject_word), None)
    return subject is not None and "," not in words[head:subject]


_OPENS_A_PLACE = frozenset({"on", "in", "at", "by", "from", "near", "under", "over", "behind", "through", "after", "during"})


def _doing_thing(words: list[str], head: int) -> bool:
    """ "afraid of the coyotes howling", "by the dogs barking": after a preposition's plural object, an -ing word is
    what those things do, not hers (unlike "splits her sides laughing", where the noun is her verb's object, or "sits
    by the window sobbing", where the window is where she is)."""
    before = words[head - 1]
    return (
        head >= 3
        and before.endswith("s")
        and not before.endswith("ss")
        and words[head - 2] in _THING_DETERMINERS
        and words[head - 3] in _BEFORE_A_DOER
    )


_THING_DETERMINERS = frozenset({"the", "a", "an", "some", "those", "these", "two", "three", "all"})
_BEFORE_A_DOER = frozenset({"of", "by", "at", "about", "from", "to", "with", "over", "for"})


def _person(word: str) -> bool:
    singular = word[:-3] + "y" if word.endswith("ies") else word[:-1] if word.endswith("s") else word
    return word in PERSON_NOUNS or singular in PERSON_NOUNS  # "crying babies", "laughing girls"


def _wanted(words: list[str], keys: list[str], head: int) -> bool:
    """A thing she wants, longs for, dreams of: "a life of her own", "friends of her own" after them is not hers yet.
    Between the verb and the idiom only articles, "for", "of" and a word or two of the thing itself."""
    content = 0
    for k in range(head - 1, max(-1, head - 6), -1):
        if keys[k] in _DESIRE_STEMS and (k == 0 or words[k - 1] not in ("a", "an", "the", "so", "very")):
            return True  # a verb, not "a long stroke of paint"
        if words[k] in ("a", "an", "the", "some", "for", "of"):
            continue
        content += 1
        if content > 2 or words[k] in FUNCTION_WORDS or words[k] == ",":
            return False
    return False


def _time_spent(words: list[str], head: int) -> bool:
    """ "spent the morning painting": what she spent the time doing, not a painting of the morning."""
    return words[head - 1] in TIME_NOUNS and not _SPENDING.isdisjoint(words[max(0, head - 4) : head])


_SPENDING = frozenset({"spend", "spends", "spent", "spending"})


def _asked_of(index: LexiconIndex, words: list[str], head: int) -> bool:
    """ "Does Ruby like Scotty?": a name between an auxiliary and "like" is its subject, so "like" is the verb."""
    return head >= 2 and (words[head - 1],) in index.names and words[head - 2] in AUXILIARIES


SAY_HOW_SHE_IS = frozenset(
    {"person", "one", "woman", "lady", "thing", "creature", "soul", "mess", "wreck", "state", "place", "way", "spell"}
    | {"mood", "frame", "streak", "phase", "sort", "kind", "type", "camper", "trooper", "bunny", "puppy", "child"}
)
"""Nouns an adjective can be said of her through: "a happy person", "in a sad mood", "a lonely soul"."""


def _after_an_article(words: list[str], head: int) -> bool:
    """ "a sad...", and "a deep, sparkling...": other describing words, with a comma, may stand after the article."""
    k = head - 1
    while k > 0 and head - k <= 3 and words[k] not in ("a", "an") and (words[k] == "," or words[k] not in FUNCTION_WORDS):
        k -= 1
    return words[k] in ("a", "an") and (k == head - 1 or "," in words[k:head])


_BEFORE_A_THING = frozenset({"at", "to", "about", "during", "through", "over", "from", "of"})


def _attributive(words: list[str], match: Match, names: frozenset[str]) -> bool:
    """ "a blue Fiat", "a sad little cactus": an adjective after "a" and before a thing describes the thing, not her.
    Before a person, a time or a part of her it is still hers: "a sad girl", "a happy day", "a sad smile"."""
    head = match.start
    if " " in match.pattern.text:
        return False
    following = words[match.end] if match.end < len(words) else ""
    if following in COLOURS:
        return True  # "the happiest yellow", "a sad grey": a shade
    if head == 0:
        # "Free pizza!": a sentence of a thing and what it is like, with no verb and no one in it
        return len(words) <= 3 and _a_thing(following) and _SOMEONE.isdisjoint(words) and names.isdisjoint(words)
    if not _after_an_article(words, head):
        # "not even at sad movies", "to happy songs": a plural thing after a preposition has no article to need
        return (
            words[head - 1] in _BEFORE_A_THING
            and len(following) > 3
            and following.endswith("s")
            and following.isalpha()
            and following not in FUNCTION_WORDS
            and following not in _NOT_ATTRIBUTED
            and following[:-1] not in _NOT_ATTRIBUTED
        )
    if head >= 2 and words[head - 2] in BE and words[head - 1] in ("a", "an"):
        return False  # "she is a clingy little shadow": what she is called, said of her
    j = match.end
    while j < len(words) and words[j] in SIZE_AND_AGE:
        j += 1
    if j >= len(words):
        return False
    noun = words[j]
    if not noun.isalpha() or noun in FUNCTION_WORDS or noun.endswith("ly"):
        return False
    return noun not in _NOT_ATTRIBUTED


def _a_thing(word: str) -> bool:
    return len(word) > 2 and word.isalpha() and word not in FUNCTION_WORDS and word not in _NOT_ATTRIBUTED


_SOMEONE = frozenset({"she", "her", "i", "me", "he", "him", "they"})


FEELING_CONTEXT = frozenset(
    {"with", "of", "in", "her", "no", "into", "by", "any", "felt", "feel", "feels", "feeling", "from", "for"}
)


FEELING_ADJECTIVES = frozenset(
    {
        "great",
        "pure",
        "sheer",
        "deep",
        "sudden",
        "overwhelming",
        "quiet",
        "wild",
        "such",
        "a",
        "some",
        "little",
        "new",
        "strange",
        "warm",
        "cold",
        "real",
        "true",
        "utter",
        "total",
        "complete",
        "fresh",
    }
)


def own_before_a_noun(text: str, words: list[str], end: int) -> bool:
    """ "A life of her own" ends with "own"; in "the name of her own street" the same words are only how a noun is
    owned. (Idioms that say what she owns, "has her own", are meant for the noun that follows, and keep it.)"""
    if not (text.startswith(("of ", "all ")) and text.endswith(" own")) or end >= len(words):
        return False
    following = words[end]
    return following not in FUNCTION_WORDS and following not in (",", "'s") and not following.endswith("ly")


def acts_on_her(text: str) -> bool:
    """An idiom whose verb acts on her ("cheer her up", "make her day"), not one about her own ("of her own")."""
    words = text.split()
    return len(words) > 1 and words[1] == "her" and words[0] not in FUNCTION_WORDS


_THING_SUBJECTS = frozenset({"it", "this", "that", "something", "everything", "nothing", "her"})
_NOBODY = frozenset({"nobody", "noone", "no", "someone", "somebody", "everyone", "everybody"})
"""People named by no name: "nobody pulls her strings", "someone breaks her heart" are about what is done to her."""
_SUBJECTS_ACTING_ON_HER = _THING_SUBJECTS | _NOBODY


def subject_roles(index: LexiconIndex, form: SentenceShape, head: int) -> frozenset[str]:
    """The roles the clause's subject fills, other than hers: "I" is the writer, "Scotty" both the character and the
    dog's role; none for her, a thing, or no subject of its own."""
    number = form.clause_at(head)
    clause = form.clauses[number] if number >= 0 else None
    if clause is None or not clause.own_subject:
        return frozenset()
    k = clause.start + len(clause.lead)
    while k < clause.predicate and form.words[k] in _DETERMINERS_OR_POSSESSIVES:
        k += 1
    if k >= clause.predicate:
        return frozenset()
    word, key = form.words[k], form.keys[k]
    if word == "i" and index.narrator is not None:
        return frozenset({index.narrator})
    return frozenset(role for role, words in index.roles.items() if role != index.subject and (word in words or key in words))


def clause_subject_is_thing(form: SentenceShape, head: int) -> bool:
    """ "It slips her mind": an idiom with her in it is about her when its subject is a thing, not a person."""
    number = form.clause_at(head)
    clause = form.clauses[number] if number >= 0 else None
    if clause is None or (clause.predicate > clause.start and form.words[clause.predicate - 1] in PEOPLE):
        return False  # "her sister does her own thing"; but "the dentist appointment slips her mind"
    owned = form.words[clause.start : clause.predicate]
    if clause.subject == OTHER and (
        clause.subject_word in _DETERMINERS_OR_POSSESSIVES or ("'s" in owned and not any(map(_person, owned)))
    ):
        return True  # "the dentist appointment slips her mind", "my birthday slips her mind", "Lila's name slips her mind"
    if clause.subject_word == "i":
        return bool(clause.linking)  # "I am the love of her life", not "I paint her portrait"
    return clause.subject_word in _SUBJECTS_ACTING_ON_HER


def feeling_is_felt(form: SentenceShape, head: int) -> bool:
    """A feeling's noun counts where someone has it ("full of joy", "trembling with fear", "she feels joy", "joy fills
    her"), not where it names a kind of thing ("horror films", "a joy ride")."""
    if form.who[head] == EMOTION:
        return True
    j = head - 1
    while j >= 0 and form.words[j] in FEELING_ADJECTIVES:
        j -= 1
    return j < 0 or form.words[j] in FEELING_CONTEXT or form.keys[j] == "feel"


def _participle(text: str) -> bool:
    return " " not in text and text.endswith(("ed", "en", "one", "set"))


def her_as_experiencer(words: list[str], match: Match, subject_names: frozenset[str]) -> bool:
    """ "Nothing scares her", "the news delights her", "I frighten her", "he scared her": a feeling's verb with her as
    its object is about her. Not "she was scared her mother would call", where "scared" is hers and "her" an owner."""
    if match.end >= len(words) or (words[match.end] != "her" and words[match.end] not in subject_names):
        return False  # asked first: most matches are not followed by her
    if match.pattern.part != "is" or not _participle(match.pattern.text):
        return False
    if words[match.start].endswith("s"):
        return True
    before = words[match.start - 1] if match.start else ""
    after = words[match.end + 1] if match.end + 1 < len(words) else ""
    ends_the_object = (
        not after or after in FUNCTION_WORDS or after in AFTER_OBJECT or after in ("half", "anymore") or after.endswith("ly")
    )
    return before not in BE and before not in ("feel", "feels", "felt", "get", "gets", "got", "look", "looks") and ends_the_object


REMAINING = frozenset({"no", "nothing", "none", "any", "anything", "some", "much", "little", "not", "all", "few", "last", "only"})
"""Words of amount before "left" that make it "remaining": "no joy left", "not much left", "nothing left"."""


NOUN_MARKERS = frozenset({"a", "an", "the", "some", "any", "of", "her", "his", "my", "their", "your", "our", "these", "those"})
"""Words before an adjective and a noun: "a can of *blue paint*", "her *new dance*"."""


LIKE_AS_VERB_AFTER = frozenset({"to", "not", "never", "really", "also", "still", "always", "truly"})


def surface_is(word: str, text: str) -> bool:
    """A feeling is a noun: "sadness", "tears", not the adjective "sad" that shares its stem."""
    first = text.split()[0]
    return word in (first, first + "s", first + "es")


BETWEEN_VERB_AND_ADJECTIVE = frozenset(
    {
        "a",
        "an",
        "the",
        "so",
        "this",
        "that",
        "very",
        "really",
        "quite",
        "too",
        "more",
        "most",
        "less",
        "always",
        "never",
        "not",
        "no",
        "longer",
        "still",
        "even",
        "just",
        "kind",
        "of",
        "sort",
        "bit",
        "little",
        "lot",
        "such",
        "as",
        "ever",
        "to",
        "be",
        "been",
        "being",
        "getting",
        "becoming",
        "feeling",
        "pretty",
        "rather",
        "all",
        "at",
        "now",
        "again",
        "suddenly",
        "finally",
        "simply",
        "utterly",
        "totally",
        "completely",
        ",",
        "and",
        "or",
        "but",
        "only",
        "almost",
        "fairly",
        "somewhat",
        "like",
        "anymore",
        "neither",
        "nor",
        "either",
        "already",
        "super",
        "real",
        "extra",
        "hella",
    }
)


NAMING_VERBS = frozenset(stem(word) for word in ("is", "be", "become", "seem", "remain", "stay", "feel", "look", "sound"))
"""Verbs after which a noun phrase names what she is ("she is a gifted painter"), with its adjectives."""


def _describes(form: SentenceShape, verb: int, head: int) -> bool:
    """Does the adjective describe the subject of the verb before it? Only adverbs and a list of other adjectives may
    stand between: "she is so very happy", "she seems tired, lonely and sad", not "she turns the music down"."""
    for j in range(verb + 1, head):
        word = form.words[j]
        listed = j + 1 < len(form.words) and form.words[j + 1] in (",", "and", "or", "nor", "'s")
        # "she is a gifted painter", "my own creation"; but "she turns the music down" is not the music being sad
        after_determiner = form.words[j - 1] in _DETERMINERS_OR_POSSESSIVES and form.keys[verb] in NAMING_VERBS
        if not (
            word in _BETWEEN_OR_POSSESSIVE
            or word.endswith("ly")
            or listed
            or after_determiner
            or word == "'s"
            or form.keys[j] in LINKING_STEMS
        ):
            return False
    return True


def _after_a_comma(words: list[str], head: int) -> bool:
    """ "..., happy", "..., quietly happy", "..., a little scared", "..., bored and a little sad": words set off by a
    comma that describe the subject."""
    j = head - 1
    while (
        j >= 0
        and words[j] != ","
        and ((words[j].endswith("ly") and words[j] not in ("only", "early")) or words[j] in BETWEEN_VERB_AND_ADJECTIVE)
    ):
        j -= 1
    if j >= 1 and words[j] != "," and words[j - 1] == "," and j + 1 < head and words[j + 1] in ("and", "or"):
        j -= 1  # one more adjective before "and"
    return j >= 0 and words[j] == ","


def _after_object_her(words: list[str], head: int, subject_names: frozenset[str]) -> bool:
    j = head - 1
    while j >= 0 and (words[j].endswith("ly") or words[j] in ("so", "very", "really", "too", "quite", "a", "little", "bit")):
        j -= 1
    return j >= 0 and (words[j] in ("her", "herself") or words[j] in subject_names)


def after_adverbs(words: list[str], i: int) -> int:
    while i < len(words) and (
        words[i].endswith("ly")
        or words[i]
        in (
            "no",
            "longer",
            "more",
            "so",
            "very",
            "really",
            "too",
            "quite",
            "not",
            "never",
            "always",
            "still",
            "a",
            "little",
            "bit",
            "kind",
            "of",
            "sort",
            "and",
            "but",
            ",",
        )
    ):
        i += 1
    return i


# Unions of the tables above, made once here rather than again at every word that asks.
_OTHER_POSSESSIVES = POSSESSIVES - {"her"}


_LIKE_AS_VERB_BEFORE = SUBJECT_PRONOUNS | AUXILIARIES | LIKE_AS_VERB_AFTER


_NOT_ATTRIBUTED = PEOPLE | EMOTION_CARRIERS | TIME_NOUNS | SAY_HOW_SHE_IS


_DETERMINERS_OR_POSSESSIVES = DETERMINERS | POSSESSIVES


_BETWEEN_OR_POSSESSIVE = BETWEEN_VERB_AND_ADJECTIVE | POSSESSIVES
