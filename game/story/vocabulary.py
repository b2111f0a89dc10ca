"""The closed sets of words of the story format, each written once.

The model types its fields with these, the loader checks values against them and words its messages from them, and
`ruby-sparks schema` lists them as JSON Schema enums, so adding a pronoun or a variable type is a change to this file
alone. Kept apart from `schema.py`'s table of keys because a cached story imports the model, and the model needs
only these few names, not the table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, get_args

if TYPE_CHECKING:
    from game.story.expressions import Kind

Pronoun = Literal["she", "he", "they"]
PRONOUNS: tuple[Pronoun, ...] = get_args(Pronoun)
OBJECT_PRONOUNS: dict[Pronoun, str] = {"she": "her", "he": "him", "they": "them"}
"""Each pronoun as the object of a sentence ("type a line about her")."""
DEFAULT_PRONOUN: Pronoun = "they"

VarType = Literal["int", "number", "bool", "str"]
VARIABLE_TYPES: tuple[VarType, ...] = get_args(VarType)
NUMERIC_TYPES: tuple[VarType, ...] = ("int", "number")
"""The types that may have a `min` and a `max`."""
KIND_OF_TYPE: dict[VarType, Kind] = {"int": "number", "number": "number", "bool": "bool", "str": "str"}
"""The kind an expression sees for a variable of each type: an int is a number to the type checker."""
TYPE_WORDS: dict[VarType, str] = {"int": "a whole number", "number": "a number", "bool": "true or false", "str": "a string"}
"""What a value of each type is called in a message."""
ZERO: dict[VarType, bool | int | float | str] = {"int": 0, "number": 0.0, "bool": False, "str": ""}
"""The value a variable whose default is wrong still has, so its uses are checked against its type."""

CUES = frozenset({"absence", "alone", "denied"})
"""The cues a lexicon frame may ask for with `when`: absence is the narrator gone ("when he leaves", "without me");
alone is the verb with nothing after it in its clause ("she packs and goes", not "she goes to the kitchen"); denied is
the words said only as a denial ("she can't go to the store without me"; "she goes to the store without me" says
nothing of clinging)."""

FORMATS = (1, 2)
"""The story formats this game reads (the manifest's `format`)."""
Finish = Literal["any", "all"]
FINISHES: tuple[Finish, ...] = get_args(Finish)
"""How a speed-run category ends: at the first of its endings, or when all have been reached."""
CATEGORY_NAME = "^[A-Za-z0-9][A-Za-z0-9%+._-]{0,39}$"
"""What a speed-run category may be called (`any%`, `film%`, `all-endings`): the loader and the JSON Schema both match it."""
MAX_SEED = 2**31 - 1
"""The largest seed a category may give (a seed is from 0 to this)."""


def one_of(words: tuple[str, ...]) -> str:
    """`she, he or they`: a set as a message or a schema's description says it."""
    return f"{', '.join(words[:-1])} or {words[-1]}"
