"""How the exhaustive explorer counts states: two states are one when nothing that chooses a path can tell them apart.

That is the same scene, act and ending, and for every name that a choice's or an outcome's condition reads (or that
feeds one), the same boolean or string, or the same side of every constant the story compares it with (`trust >= 7`
splits trust at 7). Text conditions only change what is shown, not where the story can go. Counting every exact value
instead multiplies the states past any useful limit (millions for the shipped story, through counters in loops and the
traits each page sets). A number compared with another name or used in arithmetic is kept exactly.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from functools import cached_property

from game.engine import State
from game.records import prefab
from game.story.expressions import Binary, Constant, Expr, Name, Unary, count_subject, names_in
from game.story.model import Effect, Story, Value

COMPARISONS = frozenset({"<", "<=", ">", ">=", "==", "!="})

StateKey = tuple[object, ...]


@prefab(frozen=True)
class Abstraction:
    """Which values of a state the walk tells apart; `key` is the state as the walk counts it."""

    thresholds: dict[str, tuple[float, ...]]
    exact: frozenset[str]
    everything: bool = False
    """Every value exactly, visit counts included: the search that confirms a trap merges no two states."""
    counts: frozenset[str] = frozenset()
    """Counts the engine keeps (`visits(hall)`) that a condition compares: each grows by one at a time, so every value
    up to one past the largest constant it is compared with is kept apart (`visits(hall) >= 3` needs 1, 2 and 3)."""

    @cached_property
    def order(self) -> tuple[str, ...]:
        """The names the key reads, in the order it lists their values: the key is made for every state the walk meets,
        and sorting all of a state's values to keep a few of them was most of its cost."""
        return tuple(sorted(self.exact | self.thresholds.keys()))

    def key(self, state: State) -> StateKey:
        variables, traits, counts = state.variables, state.traits, state.counts
        if self.everything:
            named = sorted({**variables, **traits, **counts}.items())
            return (state.scene, state.act, state.ending, state.page_about_ruby, state.stack, tuple(named))
        values: list[object] = []
        value: Value
        for name in self.order:
            if name in counts:
                value = counts[name]
            elif name in traits:
                value = traits[name]
            elif name in variables:
                value = variables[name]
            else:
                continue
            if name in self.exact or (name in self.thresholds and isinstance(value, (bool, str))):
                values.append(value)
            elif name in self.thresholds:
                limits = self.thresholds[name]
                if name in self.counts:
                    values.append(min(value, limits[-1] + 1))
                else:
                    values.append((bisect_left(limits, value), value in limits))
        return (state.scene, state.act, state.ending, state.page_about_ruby, state.stack, tuple(values))


def abstraction(story: Story) -> Abstraction:
    """Only the names that decide where the story goes (choice and outcome conditions, and what feeds them)."""
    thresholds: dict[str, set[float]] = {}
    exact: set[str] = set()
    for expr in _conditions(story):
        _collect(expr, thresholds, exact)
    effects = list(_effects(story))
    changed = True
    while changed:
        changed = False
        for effect in effects:
            if effect.assignment.target in thresholds or effect.assignment.target in exact:
                feeding = {name.name for name in names_in(effect.assignment.value)} - exact
                exact |= feeding
                changed = changed or bool(feeding)
    counts = frozenset(name for name in thresholds if count_subject(name) is not None)
    return Abstraction({name: tuple(sorted(values)) for name, values in thresholds.items()}, frozenset(exact), counts=counts)


def _collect(expr: Expr, thresholds: dict[str, set[float]], exact: set[str]) -> None:
    if isinstance(expr, Binary) and expr.op in COMPARISONS:
        for name, other in ((expr.left, expr.right), (expr.right, expr.left)):
            if isinstance(name, Name) and isinstance(other, Constant) and not isinstance(other.value, (bool, str)):
                thresholds.setdefault(name.name, set()).add(float(other.value))
                return
        exact.update(name.name for name in names_in(expr))
        return
    if isinstance(expr, Binary):
        _collect(expr.left, thresholds, exact)
        _collect(expr.right, thresholds, exact)
    elif isinstance(expr, Unary):
        _collect(expr.operand, thresholds, exact)
    elif isinstance(expr, Name):
        thresholds.setdefault(expr.name, set()).add(0.0)


def _conditions(story: Story) -> Iterator[Expr]:
    """Conditions that choose a path. Text conditions only change what is shown, so they do not split states."""
    for scene in story.scenes.values():
        yield from (choice.condition.expr for choice in scene.choices if choice.condition)
        if scene.typewriter:
            yield from (o.condition.expr for o in scene.typewriter.outcomes if o.condition)


def _effects(story: Story) -> Iterator[Effect]:
    for scene in story.scenes.values():
        yield from scene.effects
        for choice in scene.choices:
            yield from choice.effects
        if scene.typewriter:
            for outcome in scene.typewriter.outcomes:
                yield from outcome.effects
    if story.lexicon:
        yield from story.lexicon.on_page
        for trait in story.lexicon.traits:
            yield from (*trait.effects, *trait.negated)
