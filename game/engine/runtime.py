"""One input's worth of work: evaluating, assigning, rendering, and collecting the events.

`Runtime` wraps the state being built by a single call of `step`; it is thrown away when the call returns. It is the
only place that evaluates expressions at run time, so every runtime problem is reported the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TypeVar

from game.engine.compiled import CompiledStories, Effect_, Names, Offered, missing, names_of, show
from game.engine.events import Event, Later, Problem
from game.engine.history import History
from game.engine.state import HistoryEntry, Offer, State, Written
from game.story import expressions as ex
from game.story.model import (  # the tree of a text, from the model: its parser (story.inline) is only the loader's
    TRAIT_MAX,
    TRAIT_MIN,
    Alternatives,
    Condition,
    Conditional,
    Effect,
    Hole,
    Piece,
    Scene,
    Span,
    Story,
    Template,
    TextBlock,
    Value,
)

T = TypeVar("T")
_SPACES = re.compile(r"(?<=\S) {2,}")

ConditionWatch = Callable[[Condition, bool], None]
"""Told every condition the engine tests and what it came to: the exhaustive explorer finds dead branches with it,
by seeing each condition tested where the engine really tests it, rather than guessing the moment from outside."""


class Runtime:
    """The state being built by one call of `step`: its parts are shared with the state it started from until the
    first write to each (copy on first write), so a step that changes one variable copies one mapping, not the game."""

    __slots__ = (
        "act",
        "acted",
        "after",
        "compiled",
        "counts",
        "effect_log",
        "emit",
        "ending",
        "events",
        "fields",
        "glue",
        "history",
        "names",
        "offered",
        "owned",
        "page_about_ruby",
        "rng_counter",
        "scene",
        "stack",
        "story",
        "traits",
        "turn",
        "variables",
        "watch",
    )

    def __init__(self, story: Story, state: State, watch: ConditionWatch | None = None) -> None:
        self.story = story
        self.compiled = COMPILED.of(story)
        self.watch = watch
        fields: dict[str, Any] = state.__dict__
        self.fields = fields
        """The state's fields by name: a frozen record's attribute is a full lookup at each read on Python 3.11 (its
        fields are set through its `__dict__`), a key of its dict is not. Read here, and for copy on first write."""
        self.scene: str = fields["scene"]
        self.act: str | None = fields["act"]
        self.ending: str | None = fields["ending"]
        self.variables: dict[str, Value] = fields["variables"]
        self.traits: dict[str, float] = fields["traits"]
        self.page_about_ruby: bool = fields["page_about_ruby"]
        self.rng_counter: int = fields["rng_counter"]
        self.history: History[HistoryEntry] = fields["history"]
        self.turn: int = fields["turn"]
        self.counts: dict[str, int] = fields["counts"]
        self.stack: tuple[str, ...] = fields["stack"]
        names: Names | None = fields["names"]
        self.names = names if names is not None else _names(state)
        self.owned = False
        """Whether `names` is this step's own copy yet (the state's is shared until the first write)."""
        self.offered: Offer | None = None
        """What the scene the step stopped at offered, for the next step (see `State.offered`)."""
        self.glue = ""
        """The last paragraph of a text that ended in `<>`, waiting to start the next paragraph shown."""
        events: list[Event] = []
        self.events = events
        self.emit: Callable[[Event], None] = events.append
        """Add an event: the list's own method, so the three or so events of a step cost no call of ours."""
        self.effect_log: list[str] = []
        self.acted: tuple[str, str, tuple[str, ...], tuple[Written, ...]] | None = None
        self.after: tuple[str, ...] | None = None
        """What this step recorded of the last scene shown (see `record_action`), not yet in `history`."""

    def finish(self) -> tuple[State, list[Event]]:
        if self.acted is not None or self.after is not None:  # most steps settled when they added the next scene
            self.settle()
        state = State(
            self.scene,
            self.variables,
            self.traits,
            self.fields["seed"],
            self.rng_counter,
            self.turn,
            self.act,
            self.ending,
            self.page_about_ruby,
            self.history,
            self.counts,
            self.stack,
        )
        self.owned = False  # from here the names belong to the new state: nothing may write them again
        kept = state.__dict__  # what the step worked out, kept with the state it made (not compared, not saved)
        kept["names"] = self.names
        kept["offered"] = self.offered
        return state, self.events

    def write(self, name: str, value: Value) -> None:
        """Set a name in the mapping conditions read, copying the state's mapping first if this step has not yet."""
        if not self.owned:
            self.names = dict(self.names)
            self.owned = True
        self.names[name] = value

    def about_subject(self, about: bool) -> None:
        self.page_about_ruby = about
        self.write("page_about_subject", about)
        self.write("page_about_ruby", about)

    def record_action(
        self, action: str, page: str = "", reading: tuple[str, ...] = (), written: tuple[Written, ...] = ()
    ) -> None:
        """What the player did in the scene shown last; for a page, also `page`, `reading` and `written`."""
        if self.history.length:
            self.acted = (action, page, reading, written)

    def record_after(self, paragraphs: tuple[str, ...]) -> None:
        """What the action led to, kept with the scene where it was taken, for the transcript."""
        if self.history.length:
            self.after = paragraphs

    def settle(self) -> None:
        """The last entry of the history rewritten once with what the step recorded of it: a step records both an
        action and what it led to, and one new entry (and one node) costs half of two. Called only when the step
        recorded something (its callers test that, saving most steps a call)."""
        acted, after = self.acted, self.after
        history = self.history
        last = history.later()  # the entry's fields, when it is not made yet (see `add_history`)
        if last is None:
            made = history.last
            last = (made.scene, made.title, made.paragraphs, made.action, made.after, made.page, made.reading, made.written)
        action, page, reading, written = (last[3], last[5], last[6], last[7]) if acted is None else acted
        if after is None:
            after = last[4]
        self.history = history.with_last_later(HistoryEntry, (last[0], last[1], last[2], action, after, page, reading, written))
        self.acted = self.after = None

    def add_history(self, scene: str, title: str, paragraphs: tuple[str, ...]) -> None:
        """A scene (or an ending) as shown, the entry made when first read: the next step rewrites it with what the
        player did there, and a random playthrough reads no entry at all."""
        if self.acted is not None or self.after is not None:
            self.settle()
        self.history = self.history.appended_later(HistoryEntry, (scene, title, paragraphs, "", (), "", (), ()))

    def count(self, name: str) -> None:
        self.set_count(name, self.counts.get(name, 0) + 1)

    def set_count(self, name: str, value: int) -> None:
        """Counts are copied before the first change: the state this step started from keeps its own."""
        if self.counts is self.fields["counts"]:
            self.counts = dict(self.counts)
        self.counts[name] = value
        self.write(name, value)

    # -- expressions -------------------------------------------------------------------------------------------

    def lookup(self, name: str) -> Value:
        try:
            return self.names[name]
        except KeyError:
            if ex.count_subject(name) is not None:
                return 0
            raise missing(name) from None

    def problem(self, message: str, where: str, span: Span | None) -> None:
        self.emit(Problem(message, where, span))

    def holds(self, condition: Condition | None, where: str) -> bool:
        if condition is None:
            return True
        try:
            result = bool(self.compiled.test(condition)(self.names))
        except ex.EvaluationError as error:
            self.problem(f"`{condition.source}`: {error}; taken as false", where, condition.span)
            result = False
        except KeyError as error:
            self.problem(f"`{condition.source}`: {missing(error.args[0])}; taken as false", where, condition.span)
            result = False
        if self.watch is not None:
            self.watch(condition, result)
        return result

    def apply(self, effects: tuple[Effect, ...], where: str, log: bool = False) -> None:
        for ready in self.compiled.effects(effects):
            try:
                self.assign(ready)
            except ex.EvaluationError as error:
                effect = ready.effect
                self.problem(f"`{effect.source}`: {error}; the effect is skipped", where, effect.span)
                continue
            except KeyError as error:
                effect = ready.effect
                self.problem(f"`{effect.source}`: {missing(error.args[0])}; the effect is skipped", where, effect.span)
                continue
            if log:
                self.effect_log.append(ready.effect.source)

    def assign(self, effect: Effect_) -> None:
        names = self.names
        value = effect.value(names)
        target = effect.target
        if effect.is_trait:
            if self.traits is self.fields["traits"]:
                self.traits = dict(self.traits)
            self.traits[target] = value  # type: ignore[assignment]  # a trait's fit makes a float
        else:
            if self.variables is self.fields["variables"]:
                self.variables = dict(self.variables)
            self.variables[target] = value
        if not self.owned:  # `write`, in line: one effect and more an input
            names = self.names = dict(names)
            self.owned = True
        names[target] = value

    def set_trait(self, trait_id: str, value: float) -> None:
        if self.traits is self.fields["traits"]:
            self.traits = dict(self.traits)
        self.traits[trait_id] = fitted = max(TRAIT_MIN, min(TRAIT_MAX, float(ex.bounded(value))))
        self.write(trait_id, fitted)

    # -- text ------------------------------------------------------------------------------------------------------

    def interpolate(self, template: Template, where: str) -> str:
        parts = template.parts
        if len(parts) == 1:
            return parts[0]
        if not parts:
            return _single_spaced(self.inline(template.pieces, where))
        try:
            return self.compiled.template(template)(self.names)
        except KeyError as error:
            raise missing(error.args[0]) from None

    def render(self, blocks: tuple[TextBlock, ...], where: str) -> tuple[str, ...]:
        if self.watch is None:
            compiled = self.compiled
            text = compiled.texts.get(id(blocks)) or compiled.text(blocks, split_paragraphs)
            if type(text) is tuple:  # a test, not a call to `isinstance`: most texts, shown twice an input
                return text
            if text is not False:
                try:
                    return text(self.names)  # type: ignore[operator]  # a Render: not a tuple, not False
                except (ex.EvaluationError, KeyError):
                    pass  # shown block by block below, which reports the problem where it is
        paragraphs: list[str] = []
        for block in blocks:
            if block.condition is not None and not self.holds(block.condition, f"a text of `{where}`"):
                continue
            template = block.variants[0] if len(block.variants) == 1 else self.pick(block.variants)
            if len(template.parts) == 1:
                paragraphs.extend(self.compiled.paragraphs(template.parts[0], split_paragraphs))
            else:
                paragraphs.extend(split_paragraphs(self.interpolate(template, where)))
        return tuple(paragraphs)

    def pick(self, variants: tuple[T, ...]) -> T:
        """The game's only randomness: seeded by the state, so a replay picks the same variant. `random` (with the
        hashing it seeds by) is imported at the first pick: a story's `one_of` texts are few, and a run may have none."""
        import random

        chooser = random.Random(f"{self.fields['seed']}:{self.rng_counter}")
        self.rng_counter += 1
        return variants[chooser.randrange(len(variants))]

    def inline(self, pieces: tuple[Piece, ...], where: str) -> str:
        """Format 2's text: conditions tested and alternatives advanced as the text is shown."""
        out: list[str] = []
        for piece in pieces:
            if isinstance(piece, str):
                out.append(piece)
            elif isinstance(piece, Hole):
                out.append(show(self.lookup(piece.name)))
            elif isinstance(piece, Conditional):
                held = self.holds(piece.condition, f"a text of `{where}`")
                out.append(self.inline(piece.then if held else piece.otherwise, where))
            else:
                out.append(self.inline(self.alternative(piece), where))
        return "".join(out)

    def alternative(self, piece: Alternatives) -> tuple[Piece, ...]:
        options = piece.options
        if piece.kind == "shuffle":
            return self.pick(options)
        shown = self.counts.get(piece.key, 0)
        if piece.kind == "cycle":
            self.set_count(piece.key, (shown + 1) % len(options))
            return options[shown % len(options)]
        if shown < len(options):  # a sequence stops at its last, a once-only text after it: the count stops too
            self.set_count(piece.key, shown + 1)
        if piece.kind == "once":
            return options[shown] if shown < len(options) else ()
        return options[min(shown, len(options) - 1)]

    def offer(self, scene: Scene) -> Offered | None:
        """What the scene offers and the event that shows it, worked out at once when that can be done (see
        `CompiledStory.offer`); None when its choices must be tested one by one (a watch, a label with holes, or a
        condition that fails)."""
        if self.watch is not None:
            return None
        offered = self.compiled.offer(scene)
        if offered is None:
            return None
        try:
            return offered(self.names)
        except (ex.EvaluationError, KeyError):
            return None

    def status(self) -> Later:
        """The status line as the scene just shown will show it, worked out when first read: its compiled function
        over the names as they are now (kept: this step's later writes copy them first). At once, as `seems`, when
        working it out could fail (a problem is an event of this step), or a watch must see its conditions."""
        compiled = self.compiled.seems_later() if self.watch is None else None
        if compiled is None:
            return Later(self.seems())
        names = self.names
        self.owned = False
        return Later(None, compiled, names)

    def seems(self) -> str:
        """The status line. Worked out by one function, unless a watch must be told of each condition or a condition
        fails: then line by line, so the failure is reported where it is, as a problem of this step."""
        compiled = self.compiled.seems() if self.watch is None else None
        if compiled is not None:
            try:
                return compiled(self.names)
            except (ex.EvaluationError, KeyError):
                pass
        for line in self.story.seems:
            if self.holds(line.condition, "a status line"):
                return self.interpolate(line.text, "a status line")
        return ""


def holds_in(state: State, condition: Condition | None, story: Story) -> bool:
    """A condition tested on a state as it stands, with no step under way: a condition that cannot be evaluated is
    false here too (the step that showed the scene reported it)."""
    if condition is None:
        return True
    try:
        return bool(COMPILED.of(story).test(condition)(_names(state)))
    except (ex.EvaluationError, KeyError):
        return False


def _names(state: State) -> Names:
    """The state's one mapping of names, built the first time it is asked for and kept with the state."""
    names = state.names
    if names is None:
        names = names_of(state.variables, state.traits, state.turn, state.page_about_ruby, state.counts)
        object.__setattr__(state, "names", names)  # a cache of what the state holds, not a change to it
    return names


def _single_spaced(text: str) -> str:
    """A branch left out leaves two spaces where it stood ("She  looks up"): one is kept, and line breaks stay."""
    return _SPACES.sub(" ", text) if "  " in text else text


def split_paragraphs(text: str) -> tuple[str, ...]:
    """Blank lines separate paragraphs; line breaks inside one are only the author's wrapping."""
    return tuple(" ".join(p.split()) for p in text.split("\n\n") if p.strip())


COMPILED = CompiledStories()
"""The engine's compiled stories: every step finds its story's conditions, effects and memos here."""
