"""One input's worth of work: evaluating, assigning, rendering, and collecting the events.

`Runtime` wraps the state being built by a single call of `step`; it is thrown away when the call returns. It is the
only place that evaluates expressions at run time, so every runtime problem is reported the same way.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable
from typing import Any, Protocol, TypeVar

from game.engine.events import Event, Problem
from game.engine.state import HistoryEntry, State
from game.records import replace
from game.story import expressions as ex
from game.story.inline import Alternatives, Conditional, Hole, Piece
from game.story.model import TRAIT_MAX, TRAIT_MIN, Condition, Effect, Story, Template, TextBlock, Value, Variable

T = TypeVar("T")
_SPACES = re.compile(r"(?<=\S) {2,}")

ConditionWatch = Callable[[Condition, bool], None]
"""Told every condition the engine tests and what it came to: the exhaustive explorer finds dead branches with it,
by seeing each condition tested where the engine really tests it, rather than guessing the moment from outside."""


class Runtime:
    def __init__(self, story: Story, state: State, watch: ConditionWatch | None = None) -> None:
        self.story = story
        self.watch = watch
        self.state = state
        self.scene = state.scene
        self.act = state.act
        self.ending = state.ending
        self.variables = dict(state.variables)
        self.traits = dict(state.traits)
        self.page_about_ruby = state.page_about_ruby
        self.rng_counter = state.rng_counter
        self.history = state.history
        self.turn = state.turn
        self.counts = state.counts
        self.stack = state.stack
        self.glue = ""
        """The last paragraph of a text that ended in `<>`, waiting to start the next paragraph shown."""
        self.events: list[Event] = []
        self.effect_log: list[str] = []

    def finish(self) -> tuple[State, list[Event]]:
        state = State(
            scene=self.scene,
            variables=self.variables,
            traits=self.traits,
            seed=self.state.seed,
            rng_counter=self.rng_counter,
            turn=self.turn,
            act=self.act,
            ending=self.ending,
            page_about_ruby=self.page_about_ruby,
            history=self.history,
            counts=self.counts,
            stack=self.stack,
        )
        return state, self.events

    def emit(self, event: Event) -> None:
        self.events.append(event)

    def turn_taken(self) -> None:
        if self.history:
            self.turn += 1

    def record_action(self, action: str, **page: Any) -> None:
        """What the player did in the scene shown last; for a page, also `page`, `reading` and `written`."""
        if self.history:
            self.history = self.history.with_last(replace(self.history[-1], action=action, **page))

    def record_after(self, paragraphs: tuple[str, ...]) -> None:
        """What the action led to, kept with the scene where it was taken, for the transcript."""
        if self.history:
            self.history = self.history.with_last(replace(self.history[-1], after=paragraphs))

    def add_history(self, entry: HistoryEntry) -> None:
        self.history = self.history.appended(entry)

    def count(self, name: str) -> None:
        self.set_count(name, self.counts.get(name, 0) + 1)

    def set_count(self, name: str, value: int) -> None:
        """Counts are copied before the first change: the state this step started from keeps its own."""
        if self.counts is self.state.counts:
            self.counts = dict(self.counts)
        self.counts[name] = value

    # -- expressions -------------------------------------------------------------------------------------------

    def lookup(self, name: str) -> Value:
        return _look_up(name, self)

    def problem(self, message: str, where: str, span: object) -> None:
        self.emit(Problem(message, f"{span} ({where})" if span else where))

    def holds(self, condition: Condition | None, where: str) -> bool:
        if condition is None:
            return True
        try:
            result = bool(condition.test(self.lookup))
        except ex.EvaluationError as error:
            self.problem(f"`{condition.source}`: {error}; taken as false", where, condition.span)
            result = False
        if self.watch is not None:
            self.watch(condition, result)
        return result

    def apply(self, effects: Iterable[Effect], where: str, log: bool = False) -> None:
        for effect in effects:
            try:
                self.assign(effect)
            except ex.EvaluationError as error:
                self.problem(f"`{effect.source}`: {error}; the effect is skipped", where, effect.span)
                continue
            if log:
                self.effect_log.append(effect.source)

    def assign(self, effect: Effect) -> None:
        assignment = effect.assignment
        value = effect.value(self.lookup)
        target = assignment.target
        if assignment.op != "=":
            current = self.lookup(target)
            if isinstance(current, str) and isinstance(value, str):
                value = ex.joined(current, value)
            else:
                value = ex.arithmetic(assignment.op[0], _number(current), _number(value))
        if target in self.traits:
            self.set_trait(target, _number(value))
            return
        self.variables[target] = _fit(self.story.variables[target], value)

    def set_trait(self, trait_id: str, value: float) -> None:
        self.traits[trait_id] = max(TRAIT_MIN, min(TRAIT_MAX, float(ex.bounded(value))))

    # -- text ------------------------------------------------------------------------------------------------------

    def interpolate(self, template: Template, where: str) -> str:
        parts = template.parts
        if len(parts) == 1:
            return parts[0]
        if not parts:
            return _single_spaced(self.inline(template.pieces, where))
        pieces = []
        for index, part in enumerate(parts):
            pieces.append(_show(self.lookup(part)) if index % 2 else part)
        return "".join(pieces)

    def render(self, blocks: tuple[TextBlock, ...], where: str) -> tuple[str, ...]:
        paragraphs: list[str] = []
        for block in blocks:
            if block.condition is not None and not self.holds(block.condition, f"a text of `{where}`"):
                continue
            template = block.variants[0] if len(block.variants) == 1 else self.pick(block.variants)
            if len(template.parts) == 1:
                paragraphs.extend(_paragraphs(template.parts[0]))
            else:
                paragraphs.extend(_split_paragraphs(self.interpolate(template, where)))
        return tuple(paragraphs)

    def pick(self, variants: tuple[T, ...]) -> T:
        """The game's only randomness: seeded by the state, so a replay picks the same variant."""
        chooser = random.Random(f"{self.state.seed}:{self.rng_counter}")
        self.rng_counter += 1
        return variants[chooser.randrange(len(variants))]

    def inline(self, pieces: tuple[Piece, ...], where: str) -> str:
        """Format 2's text: conditions tested and alternatives advanced as the text is shown."""
        out: list[str] = []
        for piece in pieces:
            if isinstance(piece, str):
                out.append(piece)
            elif isinstance(piece, Hole):
                out.append(_show(self.lookup(piece.name)))
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

    def seems(self) -> str:
        for line in self.story.seems:
            if self.holds(line.condition, "a status line"):
                return self.interpolate(line.text, "a status line")
        return ""


class _Values(Protocol):
    """Where a name's value is: a state, or the runtime building the next one."""

    @property
    def variables(self) -> dict[str, Value]: ...
    @property
    def traits(self) -> dict[str, float]: ...
    @property
    def turn(self) -> int: ...
    @property
    def page_about_ruby(self) -> bool: ...
    @property
    def counts(self) -> dict[str, int]: ...


def _look_up(name: str, values: _Values) -> Value:
    """The value of a name. Conditions look names up all the time: each part of the state is fetched only when the
    ones before it did not hold the name (most names are variables or traits)."""
    variables = values.variables
    if name in variables:
        return variables[name]
    traits = values.traits
    if name in traits:
        return traits[name]
    if name == "turn":
        return values.turn
    if name == "page_about_subject" or name == "page_about_ruby":
        return values.page_about_ruby
    counts = values.counts
    if name in counts:
        return counts[name]
    if ex.count_subject(name) is not None:
        return 0
    raise ex.EvaluationError(f"`{name}` has no value")


def holds_in(state: State, condition: Condition | None) -> bool:
    """A condition tested on a state as it stands, with no step under way: a condition that cannot be evaluated is
    false here too (the step that showed the scene reported it)."""
    if condition is None:
        return True
    try:
        return bool(condition.test(lambda name: _look_up(name, state)))
    except ex.EvaluationError:
        return False


def _number(value: Value) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ex.EvaluationError(f"expected a number, got {value!r}")
    return value


def _fit(variable: Variable, value: Value) -> Value:
    """Clamp into the declared range; an `int` keeps whole numbers, rounded half away from zero."""
    if variable.type in ("int", "number"):
        number = ex.bounded(_number(value))
        if variable.minimum is not None:
            number = max(variable.minimum, number)
        if variable.maximum is not None:
            number = min(variable.maximum, number)
        if variable.type == "int":
            return int(number + 0.5) if number >= 0 else -int(-number + 0.5)
        return float(number)
    if variable.type == "str" and variable.values and value not in variable.values:
        raise ex.EvaluationError(f"`{value}` is not one of the values of `{variable.name}`")
    return value


def _show(value: Value) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.2f}".rstrip("0")
    return str(value)


def _single_spaced(text: str) -> str:
    """A branch left out leaves two spaces where it stood ("She  looks up"): one is kept, and line breaks stay."""
    return _SPACES.sub(" ", text) if "  " in text else text


def _split_paragraphs(text: str) -> tuple[str, ...]:
    """Blank lines separate paragraphs; line breaks inside one are only the author's wrapping."""
    return tuple(" ".join(p.split()) for p in text.split("\n\n") if p.strip())


_STATIC: dict[str, tuple[str, ...]] = {}


def _paragraphs(text: str) -> tuple[str, ...]:
    """Text without holes splits the same way every time: remember it (the explorer shows each scene thousands of times)."""
    found = _STATIC.get(text)
    if found is None:
        if len(_STATIC) > 50_000:
            _STATIC.clear()
        found = _STATIC[text] = _split_paragraphs(text)
    return found
