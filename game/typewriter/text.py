"""From a raw page to sentences, and from a sentence to the plain lower-case tokens the reader works on."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import cache


def lazy_pattern(pattern: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A regular expression compiled when first asked for: compiling the typewriter's rarer ones (contractions,
    repeated letters, a cry beside a quotation) at import was a few million instructions of every process that reads
    a page, most of which never need them."""
    return cache(lambda: re.compile(pattern, flags))


ABBREVIATIONS = frozenset({"dr", "mr", "mrs", "ms", "st", "jr", "sr", "mt", "prof"})
_SENTENCE_END = re.compile(r"[.!?;:\n](?:(?<=\n)|[.!?;:]*[\"')\]]*)")
"""A run of . ! ? ; : with any closing quotes or brackets after it, or a line break. Written to start with one set of
characters (rather than as two alternatives), so the search skips from one such character to the next instead of
trying the whole pattern at every character of the page."""
_TOKEN = re.compile(r"[^\W_]+|,|'s\b")
POSSESSIVE = "'s"
"""Kept as a token of its own, so "Ruby's mother is sad" can be told from "Ruby's happy"."""
_APOSTROPHES = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u201c": '"', "\u201d": '"', "\u3002": ".", "\uff61": "."}
)

IRREGULAR_NEGATIONS = {"won't": "will not", "can't": "can not", "cannot": "can not", "shan't": "shall not", "ain't": "is not"}
MISSING_APOSTROPHE = {
    "isnt": "is not",
    "doesnt": "does not",
    "dont": "do not",
    "didnt": "did not",
    "wasnt": "was not",
    "werent": "were not",
    "arent": "are not",
    "cant": "can not",
    "couldnt": "could not",
    "wouldnt": "would not",
    "shouldnt": "should not",
    "hasnt": "has not",
    "havent": "have not",
    "hadnt": "had not",
    "wont": "will not",
    "dosent": "does not",
    "aint": "is not",
    "dosnt": "does not",
    "doesnot": "does not",
    "cannt": "can not",
    "shes": "she is",
    "hes": "he is",
    "im": "i am",
    "ive": "i have",
    "youre": "you are",
    "theyre": "they are",
    "thats": "that is",
    "whats": "what is",
    "theres": "there is",
}
CHAT = {
    "everytime": "every time",
    "evrytime": "every time",
    "luv": "love",
    "mins": "minutes",
    "min": "minutes",  # "every 5 min"
    "hrs": "hours",
    "wen": "when",
    "nevr": "never",
    "nvr": "never",
    "bout": "about",
    "lol": "",
    "lmao": "",
    "haha": "",
    "hahaha": "",
    "omg": "",
    "idk": "",
    "tbh": "",
    "ngl": "",
    "imo": "",
    "imho": "",
    "btw": "",
    "smh": "",
    "xoxo": "",
    "ugh": "",
    "ughh": "",
    "meh": "",
    "welp": "",
    "aww": "",
    "lols": "laughs",
    "lafs": "laughs",
    "laffs": "laughs",
    "laff": "laugh",
    "luvs": "loves",
    "luvd": "loved",
    "u": "you",
    "2": "to",
    "4": "for",
    "4ever": "forever",
    "4eva": "forever",
    "4got": "forgot",
    "4get": "forget",
    "4gets": "forgets",
    "v": "very",
    "lil": "little",
    "ur": "your",
    "r": "are",
    "n": "and",
    "gonna": "going to",
    "wanna": "want to",
    "gotta": "got to",
    "cuz": "because",
    "coz": "because",
    "cos": "because",
    "bc": "because",
    "b4": "before",
    "rly": "really",
    "rlly": "really",
    "pls": "please",
    "thx": "thanks",
    "ppl": "people",
    "bf": "boyfriend",
    "gf": "girlfriend",
    "w": "with",
    "wo": "without",
    "w/o": "without",
    "tho": "though",
    "thru": "through",
    "nite": "night",
    "2day": "today",
    "2nite": "tonight",
    "sum1": "someone",
    "any1": "anyone",
    "ne1": "anyone",
    "every1": "everyone",
    "no1": "nobody",
    "alwys": "always",
    "abt": "about",
    "ya": "you",
    "dunno": "do not know",
    "kinda": "kind of",
    "sorta": "sort of",
    "lotsa": "lots of",
    "outta": "out of",
    "til": "until",
    "till": "until",
    "tonite": "tonight",
    "oughta": "ought to",
    "hafta": "have to",
    "laffing": "laughing",
    "laffed": "laughed",
    "sez": "says",
    "gr8": "great",
    "rn": "right now",
    "iz": "is",
    "alot": "a lot",
    "wuz": "was",
    "becuz": "because",
}
"""Chat spellings players type, read as the words they stand for."""
IS_AFTER = frozenset({
    "away", "gone", "out", "back", "here", "there", "not", "never", "always", "so", "very", "really", "too", "been",
    "going", "a", "an", "the", "just", "still", "in", "at", "on", "off", "asleep", "awake", "alone", "upstairs",
    "downstairs", "outside", "inside", "late", "already", "also", "being", "getting",
    "afraid", "sure", "certain", "convinced", "glad", "sorry", "worried", "scared", "jealous", "furious", "upset",
    "aware", "ashamed", "terrified", "thrilled", "positive",
})  # fmt: skip
"""After a name, "'s" before these is "is" ("Calvin's away", "Harry's not coming", "Harry's afraid she'll go"): no
possession comes before them."""
IS_CONTRACTIONS = frozenset({"she", "he", "it", "that", "there", "what", "who", "here", "where", "everyone", "nobody"})
# Both start only where a run of letters starts: that is where their first match always began anyway, and without it
# the engine retried from every letter of a long run, so one pasted 19,000-letter word took two seconds.
_CONTRACTION = lazy_pattern(r"(?<![a-z])([a-z]+)'(s|re|m|ll|ve|d)\b")
_NT = lazy_pattern(r"(?<![a-z])([a-z]+)n't\b")
_MISPLACED_NT = lazy_pattern(r"(?<![a-z])(does|did|do|is|was|are|were|has|have|had|could|would|should|must)'nt\b")


def clean(text: str) -> str:
    """One spelling for every quote mark, no control characters, any case: the page as the reader sees it. A terminal
    escape sequence goes whole (its printable tail is no sentence), an invisible format character ("H\u200boa")
    goes without a trace, and an ideographic full stop ends a sentence as "." does."""
    if "\x1b" in text:
        text = _ESCAPE().sub(" ", text)
    if text.isascii():
        return _ASCII_CONTROL.sub(" ", text.translate(_APOSTROPHES))
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES)
    return "".join(
        ch if ch in "\n\t" or (kind := unicodedata.category(ch))[0] != "C" else "" if kind == "Cf" else " " for ch in text
    )


_ESCAPE = lazy_pattern(r"\x1b(?:\][^\x07\x1b]*(?:\x07|\x1b\\)?|\[[0-?]*[ -/]*[@-~]|[@-Z\\-_])")
"""ECMA-48: an operating-system command (ESC ] ... BEL or ST), a control sequence (ESC [ ... final), or a two-character
escape."""


_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def split_sentences(text: str) -> Iterator[str]:
    """Sentences as the writer typed them (for showing back), split at . ! ? ; and line breaks."""
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.group() == ".":  # only a lone full stop can end an abbreviation ("Dr. Rosenthal")
            before = text[start : match.start()].rsplit(None, 1)
            if before and before[-1].lower() in ABBREVIATIONS:
                continue
        yield from _nonblank(text[start : match.end()])
        start = match.end()
    yield from _nonblank(text[start:])


def _nonblank(sentence: str) -> Iterator[str]:
    sentence = " ".join(sentence.split())
    if _ALNUM.search(sentence) is not None:
        yield sentence


_ALNUM = re.compile(r"[^\W_]")
"""A letter or digit (what `str.isalnum` holds): a sentence without one is only punctuation."""


_DASH = lazy_pattern(r"\s+-{1,2}\s+|-{2,}|\s*[\u2013\u2014]\s*")
"""A dash between words (not the hyphen inside "light-hearted")."""


def tokens(sentence: str) -> list[str]:
    """Lower-case words (and commas) with contractions opened up: "She isn't" -> she, is, not; "Ruby's" -> ruby."""
    text = _fold_accents(sentence.lower())
    if "-" in text or "\u2014" in text or "\u2013" in text:
        text = _DASH().sub(" , ", text)  # "can't sit still — so she boogies": a dash sets a clause apart, as a comma does
    if "/" in text:
        text = text.replace("w/o", "without").replace("b/c", "because")
    if "her self" in text:
        text = text.replace("her self", "herself")
    if "'" in text or "cannot" in text:
        for short, long in IRREGULAR_NEGATIONS.items():
            text = text.replace(short, long)
        if "'nt" in text:
            text = _MISPLACED_NT().sub(r"\1n't", text)  # "does'nt", "is'nt": the apostrophe one letter late
        if "n't" in text:
            text = _NT().sub(r"\1 not", text)
        if "'" in text:
            text = _CONTRACTION().sub(_open_contraction, text)
    repeats = _has_run(text)
    chunks = text.split()
    plain = len(chunks) - 1
    # the chunks before the last (which carries the full stop) are most often plain words, none a chat spelling: they
    # are the tokens as they are, asked of all of them at once in C
    if repeats or plain < 1 or not "".join(chunks[:plain]).isalnum() or not _SPELLED.keys().isdisjoint(chunks[:plain]):
        plain = 0
    out: list[str] = chunks[:plain]
    for chunk in chunks[plain:]:
        # no token spans a space, and most words are letters only: the token pattern runs only on what is not
        for word in (chunk,) if chunk.isalnum() else _TOKEN.findall(chunk):
            if repeats:
                word = _squeeze(word)
            spelled = _SPELLED.get(word)
            if spelled is None:
                out.append(word)
            else:
                out.extend(spelled)
    return _without_out_of_intensifier(out) if "out" in out else out


_OUT_OF_INTENSIFIERS = frozenset({"heck", "hell", "life", "daylights", "bejesus", "crap", "stuffing", "wits"})


def _without_out_of_intensifier(words: list[str]) -> list[str]:
    """ "Thunder scares the heck out of her" is "thunder scares her", said louder: the phrase only makes it strong,
    and left in, it hides that she is the one scared."""
    kept: list[str] = []
    i = 0
    while i < len(words):
        if words[i] == "the":
            size = 5 if words[i + 1 : i + 3] == ["living", "daylights"] else 4
            if (
                i + size <= len(words)
                and words[i + size - 3] in _OUT_OF_INTENSIFIERS
                and words[i + size - 2 : i + size] == ["out", "of"]
            ):
                i += size
                continue
        kept.append(words[i])
        i += 1
    return kept


_SPELLED: dict[str, tuple[str, ...]] = {word: tuple(spelled.split()) for word, spelled in (CHAT | MISSING_APOSTROPHE).items()}
"""Both tables as word lists, made once: a missing apostrophe is read before chat, as it always was."""
_REPEATS = lazy_pattern(r"(\w)\1{2,}")
_TRIPLE = lazy_pattern(r"(\w)\1\1")


def _has_run(text: str) -> bool:
    """Whether a text holds a run of three letters ("sooo"), asked of every sentence: a pattern with a back reference
    costs hundreds of steps per character, so an ASCII text is first asked, all at once, whether any character equals
    the two before it (its bytes XOR the same bytes one place on: a run of three is two zero bytes in a row)."""
    if text.isascii():
        data = text.encode("ascii")
        number = int.from_bytes(data, "big")
        if b"\0\0" not in (number ^ (number >> 8)).to_bytes(len(data), "big"):
            return False
    return _TRIPLE().search(text) is not None


def _squeeze(word: str) -> str:
    """ "sooo" and "happyyyy": no English word has one letter three times in a row, so a run of three is emphasis."""
    if len(word) < 3 or len(word) > 64 or not _REPEATS().search(word):
        return word
    return _REPEATS().sub(r"\1\1", word)


_NEXT_WORD = lazy_pattern(r"\s+([a-z]+)")
_NEXT_WORDS = lazy_pattern(r"\s+(?:(?:never|not|just|already|always|once|really)\s+)?([a-z]+)")


def _open_contraction(match: re.Match[str]) -> str:
    word, ending = match.group(1), match.group(2)
    if ending == "s":
        following = _NEXT_WORD().match(match.string, match.end())
        said_of = word in IS_CONTRACTIONS or (following is not None and following.group(1) in IS_AFTER)
        return f"{word} is" if said_of else f"{word} {POSSESSIVE}"  # "Calvin's away" is; "Calvin's dog" owns
    if ending == "d":
        following = _NEXT_WORDS().match(match.string, match.end())
        return f"{word} " + ("had" if following and _past_participle(following.group(1)) else "would")
    return f"{word} " + {"re": "are", "m": "am", "ll": "will", "ve": "have"}[ending]


def _past_participle(word: str) -> bool:
    """ "She'd sold", "she'd gone": the 'd before a past form is "had"; before "love", "feed" it is "would"."""
    return (word.endswith("ed") and not word.endswith("eed") and len(word) > 3) or word in PAST_FORMS


PAST_FORMS = frozenset({
    "been", "gone", "done", "had", "got", "gotten", "seen", "taken", "given", "made", "left", "lost", "sold",
    "drawn", "drew", "spoken", "written", "forgotten", "fallen", "felt", "thought", "known", "found", "heard",
    "told", "said", "begun", "sung", "danced", "cried", "laughed", "stayed", "bought", "brought", "caught", "taught",
    "kept", "slept", "met", "won", "broken", "chosen", "driven", "eaten", "flown", "grown", "hidden", "ridden",
    "risen", "shaken", "stolen", "sworn", "thrown", "worn", "woken"
})  # fmt: skip


def _fold_accents(text: str) -> str:
    """ "français" and "francais" are one word to the reader (the page shown back keeps its accents)."""
    if text.isascii():
        return text
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
