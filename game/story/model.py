"""The format-neutral story model: what a story folder means once it has been read and validated.

Everything is frozen: a `Story` is loaded once and shared by every playthrough, save, replay and explorer run, so
nothing may change it at run time. Its mappings are read-only views of dicts no one else holds, and it holds no
memo: what is worked out for playing it (compiled conditions, the typewriter's index) is owned by the engine and the
typewriter. Nothing past the loader knows the story was YAML; `Span` is all that remains of the source, kept so that
a runtime problem can still point at the line that caused it.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Literal

from game.records import attribute, prefab
from game.story.expressions import Assignment, Expr
from game.story.expressions import Value as Value  # one definition, still importable from the model
from game.story.span import Span as Span  # likewise
from game.story.vocabulary import OBJECT_PRONOUNS, Finish, Pronoun, VarType

TRAIT_MIN = -3.0
TRAIT_MAX = 3.0
RETURN = "return"
"""The target that ends a subroutine scene (format 2): the story goes on where the `call` said it would."""


@prefab(frozen=True)
class Variable:
    name: str
    type: VarType
    default: Value
    minimum: float | None = None
    maximum: float | None = None
    values: tuple[str, ...] = ()
    description: str = ""
    span: Span | None = None


@prefab(frozen=True)
class Character:
    id: str
    name: str
    names: tuple[str, ...]
    pronoun: Pronoun
    description: str = ""


@prefab(frozen=True)
class Act:
    id: str
    title: str


@prefab(frozen=True)
class Effect:
    """One assignment with the source text kept for `page --json` and for runtime problem reports."""

    source: str
    assignment: Assignment
    span: Span | None = None


@prefab(frozen=True)
class Condition:
    source: str
    expr: Expr
    span: Span | None = None


AltKind = Literal["sequence", "cycle", "shuffle", "once"]


@prefab(frozen=True)
class Hole:
    """`{name}`: the value of a variable, a trait or a built-in name."""

    name: str


@prefab(frozen=True)
class Conditional:
    condition: Condition
    then: tuple[Piece, ...]
    otherwise: tuple[Piece, ...] = ()


@prefab(frozen=True)
class Alternatives:
    """`key` names the counter the engine keeps for it in the state (sequence, cycle, once); shuffle keeps none."""

    kind: AltKind
    key: str
    options: tuple[tuple[Piece, ...], ...]


Piece = str | Hole | Conditional | Alternatives
"""One piece of a format 2 text's tree (`game/story/inline.py` parses them). Defined here, beside `Template` that
holds them, so the model imports nothing from the parser."""


@prefab(frozen=True)
class Template:
    """A string with `{name}` holes; `parts` alternates literal text and names, starting with text.

    Text with format 2's inline conditions and alternatives keeps its tree in `pieces` and has no `parts`, so the
    engine's path for the usual text stays as it was (see `game/story/inline.py`)."""

    source: str
    parts: tuple[str, ...]
    span: Span | None = None
    pieces: tuple[Piece, ...] = ()


@prefab(frozen=True)
class TextBlock:
    """One paragraph (or a set of variants, `one_of`) that is shown when its condition holds."""

    variants: tuple[Template, ...]
    condition: Condition | None = None


@prefab(frozen=True)
class Choice:
    label: Template
    target: str
    condition: Condition | None = None
    """For a once-only choice, this also holds "not chosen yet" (so the engine and the explorers need no rule of their
    own for `once`)."""
    effects: tuple[Effect, ...] = ()
    text: tuple[TextBlock, ...] = ()
    span: Span | None = None
    call: str | None = None
    """A subroutine scene entered first; its `return` goes on to `target`."""
    counter: str | None = None
    """The name under which the engine counts this choice being taken (`chosen(id)`, `once`), or None: not counted."""
    once: bool = False


@prefab(frozen=True)
class TraitTest:
    """One entry of an outcome's `wrote:`: the page asserted (or, with `negated`, negated) the trait."""

    trait: str
    negated: bool = False


@prefab(frozen=True)
class Outcome:
    target: str
    wrote: tuple[TraitTest, ...] = ()
    about_ruby: bool | None = None
    condition: Condition | None = None
    text: tuple[TextBlock, ...] = ()
    effects: tuple[Effect, ...] = ()
    span: Span | None = None
    call: str | None = None

    @property
    def is_fallback(self) -> bool:
        return not self.wrote and self.about_ruby is None and self.condition is None


@prefab(frozen=True)
class Typewriter:
    prompt: tuple[TextBlock, ...]
    outcomes: tuple[Outcome, ...]


@prefab(frozen=True)
class Scene:
    id: str
    title: str = ""
    beat: str | None = None
    act: str | None = None
    text: tuple[TextBlock, ...] = ()
    effects: tuple[Effect, ...] = ()
    choices: tuple[Choice, ...] = ()
    typewriter: Typewriter | None = None
    span: Span | None = None
    fallbacks: tuple[Choice, ...] = ()
    """Choices never offered: the first that holds is taken when no choice can be offered."""
    next: str | None = None
    """Where the story goes on after the text, with no choice (after `call`, when there is one)."""
    call: str | None = None
    counter: str | None = None
    """The name under which the engine counts visits (`visits(id)`, `seen(id)`), or None when nothing reads them."""

    @property
    def moves(self) -> tuple[Choice | Outcome, ...]:
        """The choices (fallbacks too) or the typewriter's outcomes: what leads out of the scene, besides `next`."""
        return self.typewriter.outcomes if self.typewriter is not None else self.choices + self.fallbacks

    @property
    def targets(self) -> tuple[str, ...]:
        """Every scene or ending this scene can lead to, in the order written (`return` included, as written)."""
        found = tuple(target for move in self.moves for target in ((move.call, move.target) if move.call else (move.target,)))
        if self.next is not None:
            found += (self.call, self.next) if self.call else (self.next,)
        return found


@prefab(frozen=True)
class Ending:
    id: str
    title: str
    text: tuple[TextBlock, ...]
    span: Span | None = None
    hint: str = ""
    """The gallery's nudge towards this ending before it is found, in the story's words ("" for none)."""


@prefab(frozen=True)
class Category:
    """A speed-run category as the story's manifest defines it, so runners race by the author's rules, not the game's.

    `finish` "any": the run is over at the first of `endings` reached; "all": when every one of them has been
    reached (with restarts between). `seed`: what every run starts from, so no runner picks one: the manifest's, or
    one the loader derives from the story's hash and the category's name."""

    name: str
    endings: tuple[str, ...]
    finish: Finish = "any"
    description: str = ""
    seed: int = 0
    paste: bool = False
    """Whether a page may be pasted; a pasted page is then not held to the typing-speed rule."""


@prefab(frozen=True)
class StatusLine:
    text: Template
    condition: Condition | None = None


@prefab(frozen=True)
class Frame:
    """One way a trait is said: its head words, and the roles they need (loves + Calvin as object; miserable + his absence).

    An author lists an idea once; its word forms, its synonyms and where in the sentence each role stands are the
    typewriter's business, so "she can't live without me" and "every time he goes out she falls apart" need no phrase
    of their own.
    """

    is_: tuple[str, ...] = ()
    does: tuple[str, ...] = ()
    feels: tuple[str, ...] = ()
    idioms: tuple[str, ...] = ()
    object: str | None = None
    when: str | None = None
    with_: tuple[str, ...] = ()
    opposite: bool = False
    except_: tuple[str, ...] = ()
    objects: tuple[str, ...] = ()


@prefab(frozen=True)
class Trait:
    id: str
    description: str = ""
    frames: tuple[Frame, ...] = ()
    implies: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    synonyms: tuple[tuple[str, tuple[str, ...]], ...] = ()
    effects: tuple[Effect, ...] = ()
    negated: tuple[Effect, ...] = ()
    span: Span | None = None


@prefab(frozen=True)
class Lexicon:
    subject: str
    traits: tuple[Trait, ...]
    on_page: tuple[Effect, ...] = ()
    narrator: str | None = None
    roles: tuple[tuple[str, tuple[str, ...]], ...] = ()
    wordnet: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """Synonyms of head words from WordNet, made at build time by scripts/expand_lexicon.py: word -> synonyms."""

    def trait(self, trait_id: str) -> Trait | None:
        return next((trait for trait in self.traits if trait.id == trait_id), None)


@prefab(frozen=True)
class Story:
    """A whole story folder, validated. `content_hash` identifies the exact files, for saves and replays."""

    id: str
    title: str
    version: str
    start: str
    scenes: Mapping[str, Scene]
    endings: Mapping[str, Ending]
    variables: Mapping[str, Variable] = attribute(default_factory=dict)
    characters: Mapping[str, Character] = attribute(default_factory=dict)
    acts: tuple[Act, ...] = ()
    seems: tuple[StatusLine, ...] = ()
    lexicon: Lexicon | None = None
    author: str = ""
    content_note: str = ""
    content_hash: str = ""
    root: str = ""
    categories: tuple[Category, ...] = ()
    format: int = 1

    def __prefab_post_init__(self) -> None:
        """Each mapping becomes a read-only view of a copy that only the story holds: frozen means frozen."""
        for name in _MAPPINGS:
            object.__setattr__(self, name, _read_only(getattr(self, name)))

    def __getstate__(self) -> dict[str, object]:
        """A view cannot be pickled: the story cache stores the dicts behind them."""
        return {name: dict(value) if name in _MAPPINGS else value for name, value in self.__dict__.items()}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self.__prefab_post_init__()

    def category(self, name: str) -> Category | None:
        return next((category for category in self.categories if category.name == name), None)

    @property
    def subject(self) -> Character | None:
        """The character whose pages take: the one the lexicon names."""
        if self.lexicon is None:
            return None
        return self.characters.get(self.lexicon.subject)

    @property
    def subject_name(self) -> str:
        """What a player calls the subject: the first of the names a page may use ("Ruby"), else "her"."""
        subject = self.subject
        if subject is None:
            return self.lexicon.subject.capitalize() if self.lexicon else "her"
        return (subject.names[0] if subject.names else subject.name).title()

    def own_credits(self) -> str:
        """Markdown: the title, "By AUTHOR." and each character with a `description` (docs/story-format.md: they are
        "shown in the credits")."""
        lines = [f"# {self.title}", ""]
        if self.author:
            lines += [f"By {self.author}.", ""]
        people = [f"- **{c.name}**: {c.description}" for c in self.characters.values() if c.description]
        return "\n".join([*lines, *people, ""] if people else lines)

    @property
    def subject_object(self) -> str:
        """The subject as the object of a sentence, for what the game says around the story ("type a line about her")."""
        subject = self.subject
        return OBJECT_PRONOUNS[subject.pronoun] if subject is not None else "her"

    def act_title(self, act_id: str | None) -> str:
        return next((act.title for act in self.acts if act.id == act_id), "")


_MAPPINGS = ("scenes", "endings", "variables", "characters")


def _read_only(mapping: Mapping[str, Any]) -> Mapping[str, Any]:
    return mapping if isinstance(mapping, MappingProxyType) else MappingProxyType(dict(mapping))
