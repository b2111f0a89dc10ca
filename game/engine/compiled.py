"""A story's conditions, effects and texts with holes as Python functions over one mapping of names.

The engine tests about fourteen conditions per input. Run as closures (one per node of the expression, each calling a
lookup that searched variables, traits, the turn, the page flags and the counts in turn), that was most of a step's
cost. Here each expression becomes one function whose body is the whole expression, reading one dict (`Names`) that
holds every name the story can read. The source of that function is made only from identifiers this module chooses
and the operators of the expression language: a story's names and constants are passed in as values (`_k0`, `_k1`),
never written into the code, and the function sees no builtins, so a story from a stranger can still reach nothing.

A `CompiledStory` compiles each thing the first time it is needed and owns the memos of the story it belongs to (its
texts split into paragraphs, its pages as read): the engine keeps one for each of the few stories last played
(`CompiledStories`), so a story edited and reloaded starts afresh and an old one is let go.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import CodeType, FunctionType
from typing import Any, Literal, cast

from game.engine.events import ChoicesOffered
from game.engine.state import Offer, Written
from game.story import expressions as ex
from game.story.model import TRAIT_MAX, TRAIT_MIN, Condition, Effect, Scene, Story, Template, TextBlock, Value, Variable
from game.typewriter import read_page
from game.typewriter.reading import PageReading, TraitReading

Names = dict[str, Value]
"""Every name an expression can read, by name: variables, traits, `turn`, the page flags and the counts."""
Test = Callable[[Names], Value]
Show = Callable[[Names], str]
Fit = Callable[[Value], Value]
Render = Callable[[Names], tuple[str, ...]]
Rendered = tuple[str, ...] | Render | Literal[False]
"""A text as the runtime shows it: its paragraphs when they are fixed, a function of the names when its blocks have
conditions, or False for a text shown block by block (see `CompiledStory.text`)."""
Offered = tuple[Offer, ChoicesOffered]
"""What a scene offers, and the event that shows it: both made once for each set of choices a scene can offer."""
Update = Literal["+=", "-=", "*=", "/="]
"""The operators of an effect that combines with the target's value (`trust += 1`), as opposed to `=`."""
Split = Callable[[str], tuple[str, ...]]
Recipe = tuple[str, tuple[object, ...]]
"""What a function is made from: its body's source and its constants (`_k0`, `_k1`...). A fixed text's recipe is
`("", paragraphs)`: no function at all."""

PAGE_FLAGS = ("page_about_subject", "page_about_ruby")
"""The names under which a condition reads whether the last page was about the subject (the second is format 1's)."""
_NUMBERS = (int, float)
_MEMO_LIMIT = 50_000
"""Entries a memo keeps before it starts afresh: a long explorer run shows each text thousands of times, but a story
generated with unbounded texts must not grow one without end."""


def names_of(variables: Names, traits: dict[str, float], turn: int, about: bool, counts: dict[str, int]) -> Names:
    """The one mapping, built so that a name in two places has the value the engine always gave it: variables first,
    then traits, the turn, the page flags, and the counts last."""
    names: Names = dict(counts)
    names["page_about_subject"] = names["page_about_ruby"] = about
    names["turn"] = turn
    names.update(traits)
    names.update(variables)
    return names


def missing(name: str) -> ex.EvaluationError:
    """The error of a name with no value, worded as it always was."""
    return ex.EvaluationError(f"`{name}` has no value")


TraitChange = tuple[str, float, tuple[Effect, ...], str]
"""What a page does to one trait: the trait, its new value, the effects that follow, and where they are from."""


class PulledOut:
    """A page as the engine uses it: the reading, what it changes (and which traits it wrote, for the outcomes), and
    what the player is shown of it. All decided by the page's text, the story and the scene, so worked out once."""

    __slots__ = ("changes", "feedback", "page", "reading", "sources", "summary", "written")

    def __init__(
        self,
        reading: PageReading,
        changes: tuple[TraitChange, ...],
        written: dict[str, TraitReading],
        feedback: tuple[str, ...],
        summary: str,
        page: str,
        sources: tuple[Written, ...],
    ) -> None:
        self.reading, self.changes, self.written, self.feedback = reading, changes, written, feedback
        self.summary, self.page, self.sources = summary, page, sources


class Effect_:
    """An effect ready to run: where it writes, and its new value from the names, already made to fit the target; with
    the effect it was made from, for the problem it may report."""

    __slots__ = ("effect", "is_trait", "target", "value")

    def __init__(self, target: str, value: Test, is_trait: bool, effect: Effect) -> None:
        self.target, self.value, self.is_trait, self.effect = target, value, is_trait, effect


class CompiledStory:
    """The compiled forms of one story's expressions, and its memos; made by `CompiledStories.of`."""

    def __init__(self, story: Story, premade: Premade | None = None) -> None:
        self.story = story
        premade = premade or Premade()
        self._premade: Mapping[int, Recipe] = premade.recipes
        """The recipes of this story's conditions, effects, texts and offers that the story cache saved with it, by the
        id of the object each is for: making them was a tenth of a cached `replay --verify`."""
        self._premade_split = premade.split
        self.trait_ids = frozenset(trait.id for trait in story.lexicon.traits) if story.lexicon else frozenset()
        # Keyed by identity: the story this object holds keeps every condition, effect and template alive, so an id
        # here can never be reused by another object while the entry exists.
        self._tests: dict[int, Test] = {}
        self._effects: dict[int, Effect_] = {}
        self._effect_lists: dict[int, tuple[Effect_, ...]] = {}
        self._templates: dict[int, Show] = {}
        self._seems: Show | None = None
        self._seems_inline = any(not line.text.parts for line in story.seems)
        self._seems_infallible: bool | None = None
        self._seems_later: tuple[Show | None] | None = None
        self.texts: dict[int, Rendered] = {}
        """Each text made so far, by the identity of its blocks: the runtime looks here first, a text being shown
        twice an input (see `text`)."""
        self._offers: dict[int, Callable[[Names], Offered] | None] = {}
        self.act_titles = {act.id: act.title for act in story.acts}
        self._paragraphs: dict[str, tuple[str, ...]] = {}
        self._pages: dict[str, PageReading] = {}
        self._pulled: dict[tuple[str, str], PulledOut] = {}

    def test(self, condition: Condition) -> Test:
        found = self._tests.get(id(condition))
        if found is None:
            recipe = self._premade.get(id(condition)) or self.test_recipe(condition)
            found = self._tests[id(condition)] = _define_body(*recipe)
        return found

    def test_recipe(self, condition: Condition) -> Recipe:
        constants: list[object] = []
        return f"    return {_value_source(condition.expr, None, constants)}", tuple(constants)

    def effect(self, effect: Effect) -> Effect_:
        found = self._effects.get(id(effect))
        if found is None:
            target = effect.assignment.target
            function = _define_body(*(self._premade.get(id(effect)) or self.effect_recipe(effect)))
            found = self._effects[id(effect)] = Effect_(target, function, target in self.trait_ids, effect)
        return found

    def effect_recipe(self, effect: Effect) -> Recipe:
        assignment = effect.assignment
        target = assignment.target
        update = None if assignment.op == "=" else (cast(Update, assignment.op), target)
        constants: list[object] = []
        value = _value_source(assignment.value, update, constants)
        fit = _fit_source(None if target in self.trait_ids else self.story.variables[target], constants)
        return f"    v = {value}\n{fit}", tuple(constants)

    def effects(self, effects: tuple[Effect, ...]) -> tuple[Effect_, ...]:
        """A tuple of effects (a choice's, a scene's, a trait's) ready to run, found with one lookup for all of them."""
        try:
            return self._effect_lists[id(effects)]
        except KeyError:
            found = self._effect_lists[id(effects)] = tuple(self.effect(effect) for effect in effects)
            return found

    def template(self, template: Template) -> Show:
        """A text with holes (`parts` alternates text and names) as one function."""
        found = self._templates.get(id(template))
        if found is None:
            constants: list[object] = []
            found = self._templates[id(template)] = _define(_text_source(template.parts, constants), constants)
        return found

    def seems(self) -> Show | None:
        """Every status line in one function: the first whose condition holds gives the line ("" when none does).
        None when a line has format 2's inline text, which the runtime shows piece by piece."""
        if self._seems_inline:
            return None
        if self._seems is None:
            constants: list[object] = []
            lines = []
            for line in self.story.seems:
                text = _text_source(line.text.parts, constants)
                if line.condition is None:
                    lines.append(f"    return {text}")
                    break
                lines.append(f"    if {_source(line.condition.expr, constants)}:\n        return {text}")
            self._seems = _define_body("\n".join([*lines, "    return ''"]), constants)
        return self._seems

    def seems_infallible(self) -> bool:
        """Whether the status lines' function can never fail (see `infallible`; each hole names a value every state
        has), so it can wait for a front end to ask."""
        if self._seems_infallible is None:
            story, traits = self.story, self.trait_ids
            self._seems_infallible = not self._seems_inline and all(
                (line.condition is None or infallible(line.condition.expr, story, traits))
                and all(infallible(ex.Name(hole, 0), story, traits) for hole in line.text.parts[1::2])
                for line in story.seems
            )
        return self._seems_infallible

    def seems_later(self) -> Show | None:
        """The status lines' function when it can wait for a front end to ask (it can never fail), else None: asked
        for every scene shown, so found once."""
        later = self._seems_later
        if later is None:
            later = self._seems_later = (self.seems() if self.seems_infallible() else None,)
        return later[0]

    def text(self, blocks: tuple[TextBlock, ...], split: Callable[[str], tuple[str, ...]]) -> Rendered:
        """A text with no holes, no `one_of` and nothing inline: its paragraphs when every block is shown (most texts:
        the same paragraphs every time, made once), else one function giving the paragraphs of the blocks whose
        conditions hold. False for any other text, which the runtime renders block by block."""
        key = id(blocks)
        found = self.texts.get(key)
        if found is not None:
            return found
        recipe = (self._premade.get(key) if split is self._premade_split else None) or self.text_recipe(blocks, split)
        if recipe is None:
            found = False
        elif not recipe[0]:
            found = cast("tuple[str, ...]", recipe[1])
        else:
            found = _define_body(*recipe, tuple=tuple)
        self.texts[key] = found
        return found

    def text_recipe(self, blocks: tuple[TextBlock, ...], split: Callable[[str], tuple[str, ...]]) -> Recipe | None:
        """A fixed text's paragraphs (`("", paragraphs)`), or the recipe of the function of a text whose blocks have
        conditions; None for a text `text` renders block by block."""
        if all(block.condition is None and len(block.variants) == 1 and len(block.variants[0].parts) == 1 for block in blocks):
            return "", tuple(paragraph for block in blocks for paragraph in split(block.variants[0].parts[0]))
        if not all(len(block.variants) == 1 and len(block.variants[0].parts) == 1 for block in blocks):
            return None
        constants: list[object] = []
        lines = ["    out = []"]
        for block in blocks:
            paragraphs = _constant(split(block.variants[0].parts[0]), constants)
            if block.condition is None:
                lines.append(f"    out += {paragraphs}")
            else:
                lines.append(f"    if {_source(block.condition.expr, constants)}:\n        out += {paragraphs}")
        return "\n".join([*lines, "    return tuple(out)"]), tuple(constants)

    def offer(self, scene: Scene) -> Callable[[Names], Offered] | None:
        """What a scene offers, as one function, when every label is fixed text: the conditions that hold make a
        number, one bit a choice, and each number's offer (and its event) is made once. None for a scene with a label
        that has holes or inline text (worked out choice by choice)."""
        key = id(scene)
        try:
            return self._offers[key]
        except KeyError:
            pass
        found: Callable[[Names], Offered] | None = None
        recipe = self._premade.get(key) or self.offer_recipe(scene)
        if recipe is not None:
            held = _define_body(*recipe)
            offers: dict[int, Offered] = {}

            def offered(names: Names) -> Offered:
                mask = held(names)
                offer = offers.get(mask)
                if offer is None:
                    chosen = tuple(choice for index, choice in enumerate(scene.choices) if mask >> index & 1)
                    labels = tuple(choice.label.parts[0] for choice in chosen)
                    offer = offers[mask] = (Offer(scene, chosen, labels), ChoicesOffered(labels))
                return offer

            found = offered
        self._offers[key] = found
        return found

    def offer_recipe(self, scene: Scene) -> Recipe | None:
        """The recipe of the function whose bits are the choices offered, or None for a scene `offer` leaves to the
        runtime."""
        if not scene.choices or not all(len(choice.label.parts) == 1 for choice in scene.choices):
            return None
        constants: list[object] = []
        bits = [
            str(1 << index)
            if choice.condition is None
            else f"({1 << index} if {_source(choice.condition.expr, constants)} else 0)"
            for index, choice in enumerate(scene.choices)
        ]
        return f"    return {' | '.join(bits)}", tuple(constants)

    def paragraphs(self, text: str, split: Callable[[str], tuple[str, ...]]) -> tuple[str, ...]:
        """Text without holes splits the same way every time: the explorer shows each scene thousands of times."""
        found = self._paragraphs.get(text)
        if found is None:
            if len(self._paragraphs) > _MEMO_LIMIT:
                self._paragraphs.clear()
            found = self._paragraphs[text] = split(text)
        return found

    def read(self, text: str) -> PageReading:
        """A page as read against this story's lexicon and characters: the same text always reads the same, and the
        explorer's pages (and a player's retries) come back often."""
        found = self._pages.get(text)
        if found is None:
            assert self.story.lexicon is not None
            if len(self._pages) > _MEMO_LIMIT // 10:
                self._pages.clear()
            found = self._pages[text] = read_page(self.story.lexicon, self.story.characters, text)
        return found

    def page(self, text: str, scene: Scene, make: Callable[[Story, Scene, str, PageReading], PulledOut]) -> PulledOut:
        """A page pulled out in a scene, made by `make` from its reading the first time: what the player is shown of it
        (the lines in the scene's voice, the transcript's quote) costs as much again as a remembered reading."""
        key = (scene.id, text)
        found = self._pulled.get(key)
        if found is None:
            if len(self._pulled) > _MEMO_LIMIT // 10:
                self._pulled.clear()
            found = self._pulled[key] = make(self.story, scene, text, self.read(text))
        return found


class Premade:
    """The recipes a story cache saved with a story, by the id of the story's object each is for (all of them made
    from this story), and the split its fixed texts' paragraphs were made with: a text asked for with another split
    is made afresh. A recipe holds only values (see `portable`), never a function of the story's."""

    def __init__(
        self, recipes: Mapping[int, Recipe] | None = None, split: Callable[[str], tuple[str, ...]] | None = None
    ) -> None:
        self.recipes: Mapping[int, Recipe] = recipes or {}
        self.split = split


def portable(recipe: Recipe | None) -> bool:
    """Whether a recipe can be saved and read back as the same recipe: its constants are the story's values, texts'
    paragraphs and the builtins and helpers named here (a closure such as `_choice_fit`'s is made afresh)."""
    return recipe is not None and all(
        constant.__class__ in _PLAIN
        or constant is float
        or constant is int
        or constant is ex.bounded
        or (constant.__class__ is tuple and all(part.__class__ is str for part in cast("tuple[object, ...]", constant)))
        for constant in recipe[1]
    )


_PLAIN = (str, int, float, bool, type(None))


class CompiledStories:
    """The compiled form of each of the few stories played last, so every step of a game finds its story's at once.

    An author who edits a story while playing it (`--watch`) makes a new story at each save: only the last few are
    kept, so the old ones are let go."""

    def __init__(self, keep: int = 4) -> None:
        self.keep = keep
        self._last: CompiledStory | None = None
        self._stories: list[CompiledStory] = []
        self._promised: dict[int, tuple[Story, Callable[[], Premade | None]]] = {}

    def promise(self, story: Story, premade: Callable[[], Premade | None]) -> None:
        """The story cache saved recipes with this story: `premade` gives them when the story is first played."""
        if len(self._promised) >= self.keep:
            self._promised.clear()
        self._promised[id(story)] = (story, premade)

    def of(self, story: Story) -> CompiledStory:
        last = self._last
        if last is not None and last.story is story:
            return last
        found = next((compiled for compiled in self._stories if compiled.story is story), None)
        if found is None:
            promised = self._promised.pop(id(story), None)
            found = CompiledStory(story, promised[1]() if promised is not None and promised[0] is story else None)
            self._stories = [found, *self._stories[: self.keep - 1]]
        self._last = found
        return found


def infallible(expr: ex.Expr, story: Story, traits: frozenset[str]) -> bool:
    """Whether `expr` can be worked out on any state of `story` without an error: only names the state always has,
    comparisons of numbers with numbers, equality, and `not`, `and`, `or` (arithmetic can overflow or divide by zero)."""
    if isinstance(expr, ex.Constant):
        return True
    if isinstance(expr, ex.Name):
        name = expr.name
        return name in story.variables or name in traits or name in ("turn", *PAGE_FLAGS) or ex.count_subject(name) is not None
    if isinstance(expr, ex.Unary):
        return infallible(expr.operand, story, traits) if expr.op == "not" else _numeric_always(expr.operand, story, traits)
    if expr.op in ("and", "or", "==", "!="):
        return infallible(expr.left, story, traits) and infallible(expr.right, story, traits)
    if expr.op in ("<", "<=", ">", ">="):
        return _numeric_always(expr.left, story, traits) and _numeric_always(expr.right, story, traits)
    return False


def _numeric_always(expr: ex.Expr, story: Story, traits: frozenset[str]) -> bool:
    """A number written in the story (or its negative), or a name whose value is always a number (a trait, the turn, a
    count, an `int` or `number` variable: effects fit every value to its type)."""
    if isinstance(expr, ex.Constant):
        return expr.value.__class__ in _NUMBERS
    if isinstance(expr, ex.Unary):
        return expr.op == "-" and _numeric_always(expr.operand, story, traits)
    if not isinstance(expr, ex.Name):
        return False
    name = expr.name
    variable = story.variables.get(name)
    if variable is not None:
        return variable.type in ("int", "number")
    return name in traits or name == "turn" or ex.count_subject(name) is not None


# -- making the functions --------------------------------------------------------------------------------------------


def function_of(expr: ex.Expr, update: tuple[Update, str] | None = None) -> Test:
    """`expr` as a function of the names; with `update` (an operator such as `+=` and its target), the target's value
    combined with it, as an effect such as `trust += 1` means."""
    constants: list[object] = []
    return _define(_value_source(expr, update, constants), constants)


def _value_source(expr: ex.Expr, update: tuple[Update, str] | None, constants: list[object]) -> str:
    body = _source(expr, constants)
    if update is not None:
        op, target = update
        operator = _constant(op[0], constants)
        if isinstance(expr, ex.Constant) and expr.value.__class__ in _NUMBERS:
            # `trust += 1`, the commonest effect: a number added to a number, with no test for two texts
            return _arithmetic_source(op[0], _numeric(ex.Name(target, 0), constants), body, constants)
        body = f"_combine({operator}, {body}, {_name(target, constants)})"
    return body


def _define(expression: str, constants: list[object]) -> Callable[[Names], Any]:
    return _define_body(f"    return {expression}", constants)


def _define_body(body: str, constants: list[object] | tuple[object, ...], **helpers: object) -> Callable[[Names], Any]:
    namespace: dict[str, object] = {f"_k{index}": value for index, value in enumerate(constants)}
    namespace.update(helpers)
    namespace.update(__builtins__={}, _number=_number, _combine=_combine, _arithmetic=ex.arithmetic)
    namespace.update(_plus=_plus, _show=show, _NUMBERS=_NUMBERS)
    code = CODE.get(body)
    if code is None:
        code = CODE.code(body)
    return FunctionType(code, namespace)


class CodeMemo(dict[str, CodeType]):
    """The code of each function body compiled so far, by its source. A story's constants are values in the
    function's namespace, never in its source, so its conditions share a few dozen shapes (`n[_k0] >= _k1`): a
    `replay --verify` compiled 286 functions of 62 sources. The story cache keeps this memo between processes
    (`game.persistence.story_cache`), as Python keeps a module's bytecode: compiling was a fifth of a verify."""

    def __init__(self) -> None:
        super().__init__()
        self.added = 0
        """How many entries this process compiled (the rest came from the cache): nothing to save when none did."""

    def code(self, body: str) -> CodeType:
        if len(self) >= _CODE_LIMIT:
            self.clear()
        module = compile(f"def _compiled(n):\n{body}\n", "<string>", "exec")  # only this module's identifiers
        code = self[body] = next(value for value in module.co_consts if isinstance(value, CodeType))
        self.added += 1
        return code


_CODE_LIMIT = 2048
"""Sources the memo keeps (and the cache file holds) before it starts afresh: the film replay needs 62 and the shipped
story a few hundred, but generated stories can have endless shapes, and the whole file is read by every verify."""
CODE = CodeMemo()


def _constant(value: object, constants: list[object]) -> str:
    constants.append(value)
    return f"_k{len(constants) - 1}"


def _name(name: str, constants: list[object]) -> str:
    """A name read from the mapping; a count nothing has counted yet is 0, as it always was."""
    key = _constant(name, constants)
    return f"n.get({key}, 0)" if ex.count_subject(name) is not None else f"n[{key}]"


def _text_source(parts: tuple[str, ...], constants: list[object]) -> str:
    terms = [
        _constant(part, constants) if index % 2 == 0 else f"_show({_name(part, constants)})"
        for index, part in enumerate(parts)
        if part or index % 2
    ]
    return " + ".join(terms) or "''"


def _source(expr: ex.Expr, constants: list[object]) -> str:
    """The Python expression that means `expr`, evaluated in the order (and failing with the messages) of
    `expressions.evaluate`."""
    if isinstance(expr, ex.Constant):
        return _constant(expr.value, constants)
    if isinstance(expr, ex.Name):
        return _name(expr.name, constants)
    if isinstance(expr, ex.Unary):
        if expr.op == "not":
            return f"(not {_source(expr.operand, constants)})"
        return f"(-{_numeric(expr.operand, constants)})"
    op = expr.op
    if op in ("and", "or"):
        return f"((not not {_source(expr.left, constants)}) {op} (not not {_source(expr.right, constants)}))"
    if op in ("==", "!=", "<", "<=", ">", ">="):
        if op in ("==", "!="):
            left, right = _source(expr.left, constants), _source(expr.right, constants)
        else:
            left, right = _numeric(expr.left, constants), _numeric(expr.right, constants)
        return f"({left} {op} {right})"
    if op == "+":
        return f"_plus({_source(expr.left, constants)}, {_source(expr.right, constants)})"
    return _arithmetic_source(op, _numeric(expr.left, constants), _numeric(expr.right, constants), constants)


def _arithmetic_source(op: str, left: str, right: str, constants: list[object]) -> str:
    """`left op right` for two numbers, failing as `expressions.arithmetic` does: `+`, `-` and `*` are worked out in
    line (the commonest effect is `trust += 1`), with the call only for a result out of bounds, to raise its error."""
    if op not in ("+", "-", "*"):
        return f"_arithmetic({_constant(op, constants)}, {left}, {right})"
    limit = _constant(ex.MAX_MAGNITUDE, constants)
    slot = f"_v{len(constants)}"  # after the constant: no other slot of this function has its number
    return f"({slot} if -{limit} <= ({slot} := {left} {op} {right}) <= {limit} else {_constant(ex.bounded, constants)}({slot}))"


def _numeric(expr: ex.Expr, constants: list[object]) -> str:
    """`expr`, checked to be a number (a bool is not one): a number written in the story needs no check."""
    if isinstance(expr, ex.Constant) and expr.value.__class__ in _NUMBERS:
        return _constant(expr.value, constants)
    source = _source(expr, constants)
    if isinstance(expr, ex.Name):  # the commonest operand, checked in line rather than by a call
        slot = f"_v{len(constants)}"
        return f"({slot} if ({slot} := {source}).__class__ in _NUMBERS else _number({slot}))"
    return f"_number({source})"


def _number(value: Value) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ex.EvaluationError(f"expected a number, got {value!r}")
    return value


def _plus(left: Value, right: Value) -> Value:
    if isinstance(left, str) and isinstance(right, str):
        return ex.joined(left, right)
    return ex.arithmetic("+", _number(left), _number(right))


def _combine(op: Literal["+", "-", "*", "/"], value: Value, current: Value) -> Value:
    """`target op= value`: texts are joined by `+=`, numbers combined."""
    if isinstance(current, str) and isinstance(value, str):
        return ex.joined(current, value)
    return ex.arithmetic(op, _number(current), _number(value))


def _fit_source(variable: Variable | None, constants: list[object]) -> str:
    """The lines that make `v` fit its target and return it: a trait (`variable` None) is a number within the traits'
    range; an `int` or `number` is clamped into its declared range, an `int` rounded half away from zero; a text with
    `values` must be one of them. In line, as an effect's value is: the fit is part of every effect's cost."""
    if variable is not None and variable.type not in ("int", "number"):
        if variable.type == "str" and variable.values:
            return f"    return {_constant(_choice_fit(variable), constants)}(v)"
        return "    return v"
    limit, bounded = _constant(ex.MAX_MAGNITUDE, constants), _constant(ex.bounded, constants)
    lines = [
        "    if v.__class__ not in _NUMBERS:\n        v = _number(v)",
        f"    if not -{limit} <= v <= {limit}:\n        {bounded}(v)",
    ]
    if variable is None:
        low, high = _constant(TRAIT_MIN, constants), _constant(TRAIT_MAX, constants)
        lines.append(f"    v = {_constant(float, constants)}(v)")
        lines.append(f"    return {low} if v < {low} else {high} if v > {high} else v")
        return "\n".join(lines)
    if variable.minimum is not None:
        low = _constant(variable.minimum, constants)
        lines.append(f"    if v < {low}:\n        v = {low}")
    if variable.maximum is not None:
        high = _constant(variable.maximum, constants)
        lines.append(f"    if v > {high}:\n        v = {high}")
    whole = _constant(int, constants)
    if variable.type == "int":
        lines.append(f"    return {whole}(v + 0.5) if v >= 0 else -{whole}(-v + 0.5)")
    else:
        lines.append(f"    return {_constant(float, constants)}(v)")
    return "\n".join(lines)


def _choice_fit(variable: Variable) -> Fit:
    allowed, name = variable.values, variable.name

    def fit_choice(value: Value) -> Value:
        if value not in allowed:
            raise ex.EvaluationError(f"`{value}` is not one of the values of `{name}`")
        return value

    return fit_choice


def show(value: Value) -> str:
    """A value as a text shows it: yes/no, whole numbers without a point, others to two places."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.2f}".rstrip("0")
    return str(value)
