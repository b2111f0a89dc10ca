"""The loader's checks of what a story computes and shows: conditions, effects and texts.

Each expression is parsed and type-checked against the symbol tables (`names.SymbolTable`), so a misspelt name or a
number put into a bool is an error at load time, with the column of the mistake. The names each one reads and writes
are noted on the way, for the warnings about unused variables and for the counts the engine keeps.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from game.story.expression_parser import ExpressionError, infer, parse_condition, parse_effect
from game.story.expressions import Expr, count_subject, names_in
from game.story.format2 import DEPRECATED_NAMES
from game.story.lint import divides_by_zero, never_holds, outside_values
from game.story.model import Condition, Effect, Span, Template, TextBlock
from game.story.names import SymbolTable
from game.story.yaml_reader import YamlList, YamlMap, describe_value, short


class ExpressionChecker(SymbolTable):
    if TYPE_CHECKING:  # format 2's part of the builder (format2.Format2Builder)

        def deprecated(self, name: str, span: Span) -> None: ...
        def uses_v2(self, what: str, span: Span) -> None: ...
        def unknown_count(self, name: str) -> str | None: ...
        def template(self, source: str, span: Span, changing: bool = False) -> Template | None: ...

    def report_expression(self, error: ExpressionError, span: Span, source: str) -> None:
        self.failed_sources.append(source)
        column = span.column + error.column - 1 if "\n" not in source else span.column
        message = f"{error.message} in `{short(source)}`"
        if error.message.startswith("unknown name `"):
            name = error.message.split("`")[1]
            if self.declared_where_unreadable(name):
                return
            count = self.unknown_count(name)
            where = f"`{short(source)}`"
            message = f"{count} in {where}" if count else self.unknown_name(name, where, self.names.kinds, hint_first=True)
        code = "unknown-name" if message.startswith(("unknown name", "no scene", "no choice")) else "bad-expression"
        self.error(Span(span.file, span.line, column), code, message)

    def condition(self, source: Any, span: Span) -> Condition | None:
        if not isinstance(source, str):
            self.error(span, "wrong-type", f"a condition must be a string, not {describe_value(source)}")
            return None
        try:
            expr = parse_condition(source)
            kind = infer(expr, self.names.kinds)
        except ExpressionError as error:
            self.report_expression(error, span, source)
            return None
        if kind != "bool":
            self.failed_sources.append(source)
            self.error(span, "bad-expression", f"a condition must be true or false, but `{short(source)}` is a {kind}")
            return None
        self.read_names(expr, span)
        if divides_by_zero(expr):
            self.error(span, "division-by-zero", f"`{short(source)}` divides by zero, which fails each time it is tested")
            return None
        never = never_holds(expr, self.variables, self.trait_ids)
        if never is not None:
            self.warning(span, "never-holds", f"`{short(source)}` can never hold: {never}")
        return Condition(source, expr, span)

    def read_names(self, expr: Expr, span: Span) -> None:
        for name in names_in(expr):
            self.names.read.add(name.name)
            if name.name in DEPRECATED_NAMES:
                self.deprecated(name.name, span)
            elif name.name == "page_about_subject":
                self.uses_v2("`page_about_subject`", span)
            elif count_subject(name.name) is not None:
                counted = name.name.partition("(")[0]  # `seen(x)` is read as a count of visits, and said as either
                self.uses_v2("`seen(...)` or `visits(...)`" if counted == "visits" else f"`{counted}(...)`", span)

    def effects(self, node: Any, span: Span) -> tuple[Effect, ...]:
        if isinstance(node, str):
            sources: list[tuple[Any, Span]] = [(node, span)]
        elif isinstance(node, YamlList):
            sources = list(zip(node.items, node.item_spans, strict=True))
        else:
            self.error(span, "wrong-type", f"effects must be a string or a list of strings, not {describe_value(node)}")
            return ()
        result = []
        for source, item_span in sources:
            effect = self.effect(source, item_span)
            if effect is not None:
                result.append(effect)
        return tuple(result)

    def effect(self, source: Any, span: Span) -> Effect | None:
        if not isinstance(source, str):
            self.error(span, "wrong-type", f"an effect must be a string such as `trust += 1`, not {describe_value(source)}")
            return None
        try:
            assignment = parse_effect(source)
            value_kind = infer(assignment.value, self.names.kinds)
        except ExpressionError as error:
            self.report_expression(error, span, source)
            return None
        target = assignment.target
        self.failed_sources.append(source)  # taken back below when the effect is sound
        if target not in self.names.assignable:
            if target in self.names.kinds:
                self.error(span, "read-only", f"`{target}` is a built-in name and cannot be assigned")
            elif not self.declared_where_unreadable(target):
                self.error(span, "unknown-name", self.unknown_name(target, f"`{short(source)}`", self.names.assignable))
            return None
        target_kind = self.names.kinds[target]
        ok = value_kind == target_kind and (
            assignment.op == "=" or target_kind == "number" or (assignment.op == "+=" and target_kind == "str")
        )
        if not ok:
            self.error(
                span,
                "bad-expression",
                f"`{short(source)}`: `{assignment.op}` cannot put a {value_kind} into the {target_kind} `{target}`",
            )
            return None
        outside = outside_values(assignment, self.variables)
        if outside is not None:
            self.error(span, "bad-value", outside)
            return None
        if divides_by_zero(assignment.value, assignment.op):
            self.error(span, "division-by-zero", f"`{short(source)}` divides by zero, which fails each time it runs")
            return None
        self.failed_sources.pop()
        self.names.written.add(target)
        self.read_names(assignment.value, span)
        return Effect(source, assignment, span)

    def text(self, node: Any, span: Span, what: str) -> tuple[TextBlock, ...]:
        if isinstance(node, str):
            template = self.template(node, span, changing=True)
            return (TextBlock((template,)),) if template else ()
        if isinstance(node, YamlMap):
            self.error(span, "wrong-type", f"{what} must be a text, not a mapping (quote a text that starts with `{{`)")
            return ()
        blocks = []
        for item, item_span in self.items(node, span, what):
            if isinstance(item, str):
                template = self.template(item, item_span, changing=True)
                if template:
                    blocks.append(TextBlock((template,)))
                continue
            if isinstance(item, YamlMap) and len(item.items) == 1 and " " in next(iter(item.items)):
                self.error(
                    item_span,
                    "yaml-syntax",
                    "this text holds `: `, so YAML read it as a key and a value: quote it, or write it as a block with `|`",
                )  # "- The kiln is {if lit: roaring | cold}.": prose, not an unknown key of a text block
                continue
            fields = self.fields(item, "text_block", item_span, "a text block")
            if fields is None:
                continue
            if ("text" in fields) == ("one_of" in fields):
                self.error(item_span, "missing-key", "a text block has either `text` or `one_of`")
                continue
            if "text" in fields:
                variants: list[tuple[str, Span]] = [(fields["text"], item.at("text"))]
            else:
                one_of = self.strings(fields["one_of"], item.at("one_of"), "`one_of`")
                variants = [(variant, item.at("one_of")) for variant in one_of]
            templates = [t for t in (self.template(v, s, changing=True) for v, s in variants) if t is not None]
            condition = self.condition(fields["if"], item.at("if")) if "if" in fields else None
            if templates:
                blocks.append(TextBlock(tuple(templates), condition))
        return tuple(blocks)
