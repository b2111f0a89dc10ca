"""Carrying a player's place onto an edited version of the story, by scene id and variable name.

Used when a save made before an edit is loaded, and by `play --watch` when the author saves a file. A variable keeps
its value when it still exists and the value still fits its type, range and values; a new variable starts at its
default; a trait likewise (new traits at 0). What changed is said in one line ("2 variables new, defaults used"), so
the player knows why a value may differ from what they left. Where the player stands (the scene, or the ending) is
the caller's to decide: a save refuses a scene that is gone and offers the nearest earlier one, `--watch` moves the
author to the act's first scene.
"""

from __future__ import annotations

from game.engine.state import State
from game.records import prefab, replace
from game.story.expressions import within_magnitude
from game.story.model import RETURN, Story, Value, Variable


@prefab(frozen=True)
class Carried:
    state: State
    new: tuple[str, ...] = ()
    gone: tuple[str, ...] = ()
    reset: tuple[str, ...] = ()
    """Variables whose saved value no longer fits (a narrower range, a value no longer allowed): at their defaults."""
    traits_new: int = 0
    traits_gone: int = 0
    returns_gone: int = 0
    """Scenes a `return` would have gone to that are no longer in the story: those calls end where they stand."""

    def summary(self) -> str:
        """One line of what the edit changed in the player's state, or "" when nothing did."""
        parts = []
        if self.new:
            parts.append(f"{_count(len(self.new), 'variable')} new, {'default' if len(self.new) == 1 else 'defaults'} used")
        if self.gone:
            parts.append(f"{_count(len(self.gone), 'variable')} gone")
        if self.reset:
            names = ", ".join(f"`{name}`" for name in self.reset)
            parts.append(f"{names} no longer {'fits' if len(self.reset) == 1 else 'fit'}, back to the default")
        if self.traits_new:
            parts.append(f"{_count(self.traits_new, 'trait')} new")
        if self.traits_gone:
            parts.append(f"{_count(self.traits_gone, 'trait')} gone")
        if self.returns_gone:
            parts.append(f"{_count(self.returns_gone, 'scene')} to return to gone")
        return "; ".join(parts)


def carry_over(state: State, story: Story) -> Carried:
    """The state's values on `story`'s variables, traits and subroutine stack; its place is left as it is."""
    variables: dict[str, Value] = {}
    new, reset = [], []
    for name, variable in story.variables.items():
        if name not in state.variables:
            new.append(name)
            variables[name] = variable.default
            continue
        kept = kept_value(state.variables[name], variable)
        if kept is None:
            reset.append(name)
        variables[name] = variable.default if kept is None else kept
    gone = tuple(name for name in state.variables if name not in story.variables)
    trait_ids = [trait.id for trait in story.lexicon.traits] if story.lexicon else []
    traits = {trait: state.traits.get(trait, 0.0) for trait in trait_ids}
    stack = tuple(target for target in state.stack if target in story.scenes or target in story.endings or target == RETURN)
    moved = replace(state, variables=variables, traits=traits, stack=stack)
    return Carried(
        moved,
        tuple(new),
        gone,
        tuple(reset),
        traits_new=sum(1 for trait in trait_ids if trait not in state.traits),
        traits_gone=sum(1 for trait in state.traits if trait not in traits),
        returns_gone=len(state.stack) - len(stack),
    )


def nearest_earlier(state: State, story: Story) -> str | None:
    """The last scene of the state's history that is still in the story: where a save can go on when its own is gone."""
    for entry in reversed(state.history):
        if entry.scene in story.scenes:
            return entry.scene
    return None


def kept_value(value: object, variable: Variable) -> Value | None:
    """A value as the variable now declares it (clamped into its range), or None when it no longer fits at all."""
    if variable.type == "bool":
        return value if isinstance(value, bool) else None
    if variable.type == "str":
        if not isinstance(value, str):
            return None
        return value if not variable.values or value in variable.values else None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not within_magnitude(value):
        return None  # NaN, which JSON as Python reads it allows, and numbers past ±2^53 among them
    number = float(value)
    if variable.minimum is not None:
        number = max(number, variable.minimum)
    if variable.maximum is not None:
        number = min(number, variable.maximum)
    return int(number) if variable.type == "int" else number


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
