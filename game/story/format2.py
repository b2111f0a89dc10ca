"""The loader's part for story format 2: inline text, once-only and fallback choices, `next`, `call` and `return`,
the counts the engine keeps (`seen`, `visits`, `chosen`), and the generic names (`about_subject`).

A mixin of the loader's builder, so that format 2 lives beside format 1 without growing the rest of the loader: the builder
calls these methods where a scene, a choice, a text or an expression is read. Every construct also loads in a story
that says `format: 1`, with a warning that asks for `format: 2` (an older game then refuses the story with a clear
message instead of unknown keys); a story that says nothing new loads exactly as it did.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from game.records import replace
from game.story.diagnostics import did_you_mean
from game.story.expressions import Binary, Constant, Expr, Name, Unary, count_name, count_subject
from game.story.inline import InlineError, excerpt, holes, names_in_pieces, parse_text
from game.story.model import RETURN, Choice, Condition, Scene, Span, Template
from game.story.validation import ID
from game.story.yaml_reader import YamlList, YamlMap

if TYPE_CHECKING:
    from game.story.names import Names

DEPRECATED_NAMES = {"about_ruby": "about_subject", "page_about_ruby": "page_about_subject"}


class Format2Builder:
    """Methods of the loader's builder (`content.ContentBuilder`) for format 2; `format` is the manifest's, `owner`
    the scene or ending being read."""

    if TYPE_CHECKING:
        names: Names
        targets: dict[str, Span]

        failed_sources: list[str]

        def declared_where_unreadable(self, name: str) -> bool: ...
        def present(self, node: YamlMap, name: str, schema: str) -> bool: ...
        def unknown_name(self, name: str, where: str, candidates: Iterable[str]) -> str: ...
        def error(self, span: Span, code: str, message: str) -> None: ...
        def warning(self, span: Span, code: str, message: str) -> None: ...
        def condition(self, source: Any, span: Span) -> Condition | None: ...
        def check_target(self, target: str, span: Span, scenes_only: bool = False) -> None: ...

    format = 1
    owner = ""
    alternatives_made = 0
    first_v2_use: tuple[str, Span] | None = None
    choice_ids: dict[str, Span]

    def uses_v2(self, what: str, span: Span) -> None:
        if self.first_v2_use is None:
            self.first_v2_use = (what, span)

    def report_format(self) -> None:
        """A format 1 story that uses a format 2 construct: it plays here, but should say so."""
        if self.format == 1 and self.first_v2_use is not None:
            what, span = self.first_v2_use
            self.warning(
                span,
                "needs-format-2",
                f"{what} is format 2: set `format: 2` in story.yaml, so that an older game refuses the story clearly",
            )

    def deprecated(self, name: str, span: Span) -> None:
        if self.format >= 2:
            self.warning(span, "deprecated", f"`{name}` is now called `{DEPRECATED_NAMES[name]}`; the old name still works")

    # -- names the engine counts ----------------------------------------------------------------------------------

    def declare_counts(self, scene_nodes: list[tuple[YamlMap, Span]]) -> None:
        """Pass 1: `visits(scene)` for every scene, `chosen(id)` for every choice with an `id`, so that an expression
        anywhere may name them."""
        for node, _span in scene_nodes:
            scene_id = node.items.get("id")
            if isinstance(scene_id, str):
                self.names.kinds[count_name("visits", scene_id)] = "number"
            choices = node.items.get("choices")
            for item in choices.items if isinstance(choices, YamlList) else ():
                choice_id = item.items.get("id") if isinstance(item, YamlMap) else None
                if not isinstance(choice_id, str) or not ID.match(choice_id):
                    continue
                if choice_id in self.choice_ids:
                    first = self.choice_ids[choice_id]
                    self.error(item.at("id"), "duplicate-id", f"the choice id `{choice_id}` is used twice (first at {first})")
                    continue
                self.choice_ids[choice_id] = item.at("id")
                self.names.kinds[count_name("chosen", choice_id)] = "number"

    def unknown_count(self, name: str) -> str | None:
        """The message for `visits(x)` or `chosen(x)` naming nothing; None for an ordinary name."""
        found = count_subject(name)
        if found is None:
            return None
        kind, subject = found
        if kind == "visits":
            scenes = {target for target in self.targets if count_name("visits", target) in self.names.kinds}
            return f"no scene has the id `{subject}`{did_you_mean(subject, scenes)}"
        return f"no choice has the id `{subject}`{did_you_mean(subject, self.choice_ids)}"

    def counted(self, scenes: dict[str, Scene]) -> dict[str, Scene]:
        """The scenes with their counters set: only visits and choices some expression reads are counted, so a story
        that reads none keeps an empty `counts` and the engine does no counting at all."""
        read = self.names.read
        result = {}
        for scene_id, scene in scenes.items():
            counter = count_name("visits", scene_id)
            choices = tuple(self.choice_counted(choice) for choice in scene.choices)
            fallbacks = tuple(self.choice_counted(choice) for choice in scene.fallbacks)
            if counter in read or choices != scene.choices or fallbacks != scene.fallbacks:
                scene = replace(scene, counter=counter if counter in read else None, choices=choices, fallbacks=fallbacks)
            result[scene_id] = scene
        return result

    def choice_counted(self, choice: Choice) -> Choice:
        if choice.counter is None or choice.counter in self.names.read:
            return choice
        return replace(choice, counter=None)

    # -- text -------------------------------------------------------------------------------------------------------

    def template(self, source: str, span: Span, changing: bool = False) -> Template | None:
        """A text with holes; with `changing`, alternatives too (not in a label or a status line, which are shown
        again and again without the player moving)."""
        if "{" not in source and "}" not in source:
            return Template(source, (source,), span)
        ok = True
        parts = holes(source)
        if parts is not None:  # the usual text: only `{name}` holes, read as format 1 read them
            return self.holes_template(source, parts, span)

        def make_condition(text: str, offset: int) -> Condition | None:
            self.uses_v2("an inline `{if ...}`", span)
            return self.condition(text, _shifted(span, source, offset))

        def make_key(kind: str) -> str | None:
            if not changing:
                return None
            self.uses_v2(f"an inline `{{{kind}: ...}}`", span)
            self.alternatives_made += 1
            return f"{self.owner}#{self.alternatives_made}"

        try:
            pieces, ok = parse_text(source, make_condition, make_key)
        except InlineError as error:
            self.failed_sources.append(source)
            where = _shifted(span, source, error.offset)
            self.error(where, "bad-template", f"{error.message}: `{excerpt(source, error.offset)}`")
            return None
        if not self.names_known(names_in_pieces(pieces), span) or not ok:
            return None
        return Template(source, (), span, pieces)

    def holes_template(self, source: str, parts: tuple[str, ...], span: Span) -> Template | None:
        return Template(source, parts, span) if self.names_known(parts[1::2], span) else None

    def names_known(self, names: Iterable[str], span: Span) -> bool:
        """Whether every name a text reads is declared; each one that is not is reported (a name already broken at
        its declaration is not reported again)."""
        known = True
        for name in names:
            self.names.read.add(name)
            if count_subject(name) is not None:
                self.uses_v2("`{visits(...)}`", span)
            if name not in self.names.kinds:
                known = False
                if not self.declared_where_unreadable(name):
                    message = self.unknown_count(name) or self.unknown_name(name, "text", self.names.kinds)
                    self.error(span, "unknown-name", message)
        return known

    # -- choices, outcomes, scenes ----------------------------------------------------------------------------------

    def choice_move(
        self, fields: dict[str, Any], node: YamlMap, span: Span, scene_id: str, what: str = "a choice", schema: str = "choice"
    ) -> tuple[str, str | None] | None:
        """Where a choice (or an outcome) leads: its `to`, and the scene it `call`s first. A call with no `to` comes
        back to the scene it was made from."""
        call = fields.get("call")
        if call is not None:
            self.uses_v2("`call`", node.at("call"))
            self.check_target(call, node.at("call"), scenes_only=True)
        if "to" in fields:
            self.check_target(fields["to"], node.at("to"))
            return fields["to"], call
        if call is not None:
            return scene_id, call
        if not self.present(node, "to", schema):  # `ot:`: its unknown key, with the did-you-mean, says it
            self.error(span, "missing-key", f"{what} has no `to` (a scene or ending id, or `return`)")
        return None

    def choice_extras(self, choice: Choice, fields: dict[str, Any], node: YamlMap, scene_id: str, index: int) -> Choice:
        """`id`, `once` and `fallback`: a counted choice, and a once-only one that holds only until it is taken."""
        choice_id = fields.get("id")
        if choice_id is not None:
            self.uses_v2("a choice's `id`", node.at("id"))
        if fields.get("fallback"):
            self.uses_v2("`fallback`", node.at("fallback"))
            if "label" in fields:
                self.warning(node.at("label"), "unused-label", "a fallback choice is never offered: its label is never shown")
        if not fields.get("once"):
            return replace(choice, counter=count_name("chosen", choice_id)) if choice_id else choice
        self.uses_v2("`once`", node.at("once"))
        counter = count_name("chosen", choice_id or f"{scene_id}.{index}")
        self.names.read.add(counter)  # the engine itself reads it
        taken = Binary(">", Name(counter, 1), Constant(0), 1)
        not_taken: Expr = Unary("not", taken)
        if choice.condition is None:
            condition = Condition("once", not_taken, node.at("once"))
        else:
            condition = Condition(
                f"{choice.condition.source} (once)", Binary("and", choice.condition.expr, not_taken, 1), choice.condition.span
            )
        return replace(choice, condition=condition, counter=counter, once=True)

    def scene_flow(self, fields: dict[str, Any], node: YamlMap, what: str) -> tuple[str | None, str | None]:
        """A scene's `next` and `call`: it goes on with no choice, after calling a subroutine scene if it names one."""
        following, call = fields.get("next"), fields.get("call")
        if following is None and call is None:
            return None, None
        if following is None:
            self.uses_v2("`call`", node.at("call"))
            self.error(node.key_spans["call"], "missing-key", f"{what} has `call` but no `next`: say where to go on after it")
            return None, None
        self.uses_v2("`next`", node.at("next"))
        for other in ("choices", "typewriter"):
            if other in fields:
                self.error(node.key_spans["next"], f"next-and-{other}", f"{what} has both `next` and `{other}`; give it one")
                return None, None
        self.check_target(following, node.at("next"))
        if call is not None:
            self.check_target(call, node.at("call"), scenes_only=True)
        return following, call

    def about_subject(self, fields: dict[str, Any], node: YamlMap) -> bool | None:
        if "about_ruby" in fields and "about_subject" in fields:
            self.error(node.key_spans["about_ruby"], "duplicate-key", "`about_ruby` is the old name of `about_subject`: keep one")
        if "about_ruby" in fields:
            self.deprecated("about_ruby", node.key_spans["about_ruby"])
            value: bool = fields["about_ruby"]
            return value
        if "about_subject" in fields:
            self.uses_v2("`about_subject`", node.key_spans["about_subject"])
            subject: bool = fields["about_subject"]
            return subject
        return None

    def return_target(self, target: str, span: Span) -> bool:
        """Is `target` a `return` (format 2), which names no scene? A format 1 story may still have a scene of that name."""
        if target != RETURN or (self.format == 1 and RETURN in self.targets):
            return False
        self.uses_v2("`return`", span)
        return True

    def reserved_id(self, target: str, span: Span) -> None:
        if target == RETURN and self.format >= 2:
            self.error(span, "bad-id", "`return` is a word of format 2 (the end of a subroutine scene), not an id")


def _shifted(span: Span, source: str, offset: int) -> Span:
    """The span of a character of a one-line value; a value over several lines keeps its own span."""
    if "\n" in source:
        return span
    return Span(span.file, span.line, span.column + offset)
