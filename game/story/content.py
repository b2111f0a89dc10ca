"""The loader's last layer: the story's content built into the model, once every name is known.

Each `build_*` reads one kind of mapping (checked by `validation`, its expressions and texts by `expression_checks`,
format 2's constructs by `format2`) and returns the frozen model object, or None when it is too broken to build;
what it reports, it reports once, so the story fails with every mistake listed.
"""

from __future__ import annotations

import re
from typing import Any

from game.story.diagnostics import did_you_mean
from game.story.expression_checks import ExpressionChecker
from game.story.format2 import Format2Builder
from game.story.lint import shared_phrases
from game.story.model import (
    Character,
    Choice,
    Ending,
    Frame,
    Lexicon,
    Outcome,
    Scene,
    Span,
    StatusLine,
    Template,
    Trait,
    TraitTest,
    Typewriter,
)
from game.story.schema import keys_of
from game.story.vocabulary import CUES
from game.story.yaml_reader import YamlList, YamlMap, describe_value, short


class ContentBuilder(ExpressionChecker, Format2Builder):
    """Builds scenes, endings, the lexicon and the status lines; `owner` is the scene or ending being read."""

    def build_lexicon(
        self, node: Any, span: Span, characters: dict[str, Character], wordnet: tuple[Any, Span] | None = None
    ) -> Lexicon | None:
        fields = self.fields(node, "lexicon", span, "the lexicon")
        if fields is None or "subject" not in fields or "traits" not in fields:
            return None
        subject = fields["subject"]
        for key in ("subject", "narrator"):
            if key in fields and fields[key] not in characters and fields[key] not in self.broken_characters:
                self.error(
                    node.at(key),
                    "unknown-character",
                    f"no character has the id `{fields[key]}`{did_you_mean(fields[key], characters)}",
                )
        roles = self.word_lists(fields["roles"], node.at("roles"), "`roles`") if "roles" in fields else ()
        role_names = set(characters) | self.broken_characters | {name for name, _ in roles}
        on_page = self.effects(fields["on_page"], node.at("on_page")) if "on_page" in fields else ()
        traits: list[Trait] = []
        seen: set[str] = set()
        for item, item_span in self.items(fields["traits"], node.at("traits"), "`traits`"):
            trait = self.build_trait(item, item_span, role_names)
            if trait is None:
                continue
            if trait.id in seen:
                self.error(item.at("id"), "duplicate-id", f"the trait `{trait.id}` is defined twice")
                continue
            seen.add(trait.id)
            traits.append(trait)
        for trait in traits:
            for implied in trait.implies:
                if implied == trait.id:
                    self.error(trait.span or span, "bad-implies", f"`{trait.id}` implies itself")
                elif implied not in seen:
                    where = trait.span or span
                    self.error(
                        where,
                        "unknown-trait",
                        f"`{trait.id}` implies `{implied}`, which is not a trait{did_you_mean(implied, seen)}",
                    )
        synonyms: tuple[tuple[str, tuple[str, ...]], ...] = ()
        if wordnet is not None:
            wordnet_fields = self.fields(wordnet[0], "wordnet", wordnet[1], "the WordNet synonyms")
            if wordnet_fields is not None:
                synonyms = tuple(
                    pair
                    for key in ("is", "does")
                    if key in wordnet_fields
                    for pair in self.word_lists(wordnet_fields[key], wordnet[0].at(key), f"`{key}`")
                )
        if self.format >= 2:  # format 1 stories (the shipped one among them) share phrases on purpose
            for at, message in shared_phrases(tuple(traits)):
                self.warning(at or span, "shared-phrase", message)
        return Lexicon(subject, tuple(traits), on_page, fields.get("narrator"), roles, synonyms)

    def build_frame(self, fields: dict[str, Any], node: YamlMap, role_names: set[str]) -> Frame:
        lists = {
            key: tuple(self.strings(fields[key], node.at(key), f"`{key}`")) if key in fields else ()
            for key in ("is", "does", "feels", "idioms", "with", "except", "objects")
        }
        for key in ("is", "does", "feels", "idioms", "with", "except"):
            listed = fields.get(key)
            for text, at in zip(listed.items, listed.item_spans, strict=True) if isinstance(listed, YamlList) else ():
                if isinstance(text, str) and text.strip() and not _says_something(text):
                    self.error(
                        at,  # the phrase's own place, not its list's
                        "empty-phrase",
                        f"`{short(text)}` in `{key}` has no word to read (a negation or `*` alone matches every page or none)",
                    )
        role = fields.get("object")
        if role is not None and role not in role_names:
            self.error(
                node.at("object"), "unknown-role", f"no character or role is called `{role}`{did_you_mean(role, role_names)}"
            )
        when = fields.get("when")
        if when is not None and when not in CUES:
            *others, last = (f"`{cue}`" for cue in sorted(CUES))
            cues = f"{', '.join(others)} or {last}" if others else last
            self.error(node.at("when"), "unknown-cue", f"the cues are {cues}, not `{when}`{did_you_mean(when, CUES)}")
        return Frame(
            lists["is"],
            lists["does"],
            lists["feels"],
            lists["idioms"],
            role,
            when,
            lists["with"],
            bool(fields.get("opposite", False)),
            lists["except"],
            lists["objects"],
        )

    def build_trait(self, node: Any, span: Span, role_names: set[str]) -> Trait | None:
        fields = self.fields(node, "trait", span, "a trait")
        if fields is None or "id" not in fields:
            return None
        frames: list[Frame] = []
        if any(key in fields for key in keys_of("frame")):
            frames.append(self.build_frame(fields, node, role_names))
        for item, item_span in self.items(fields["frames"], node.at("frames"), "`frames`") if "frames" in fields else ():
            frame_fields = self.fields(item, "frame", item_span, "a frame")
            if frame_fields is not None:
                frames.append(self.build_frame(frame_fields, item, role_names))
        phrases = self.strings(fields["phrases"], node.at("phrases"), "`phrases`") if "phrases" in fields else ()
        if not phrases and not any(f.is_ or f.does or f.feels or f.idioms for f in frames):
            self.error(
                span,
                "missing-key",
                f"the trait `{fields['id']}` has no words: give it `is`, `does`, `feels`, `idioms` or `phrases`",
            )
        synonyms = self.word_lists(fields["synonyms"], node.at("synonyms"), "`synonyms`") if "synonyms" in fields else ()
        implies = self.strings(fields["implies"], node.at("implies"), "`implies`") if "implies" in fields else ()
        effects = self.effects(fields["effects"], node.at("effects")) if "effects" in fields else ()
        negated = self.effects(fields["negated"], node.at("negated")) if "negated" in fields else ()
        return Trait(
            fields["id"], fields.get("description", ""), tuple(frames), implies, phrases, synonyms, effects, negated, span
        )

    def build_scene(self, node: YamlMap, span: Span, has_lexicon: bool) -> Scene | None:
        fields = self.fields(node, "scene", span, "a scene")
        if fields is None or "id" not in fields:
            return None
        scene_id = self.owner = fields["id"]
        what = f"scene `{scene_id}`"
        if "act" in fields and fields["act"] not in self.act_ids:
            self.error(
                node.at("act"), "unknown-act", f"no act has the id `{fields['act']}`{did_you_mean(fields['act'], self.act_ids)}"
            )
        effects = self.effects(fields["do"], node.at("do")) if "do" in fields else ()
        text = self.text(fields["text"], node.at("text"), "`text`") if "text" in fields else ()
        choices: list[Choice] = []
        fallbacks: list[Choice] = []
        typewriter = None
        following, call = self.scene_flow(fields, node, what)
        if "choices" in fields and "typewriter" in fields:
            self.error(
                node.key_spans["typewriter"],
                "choices-and-typewriter",
                f"{what} has both `choices` and a `typewriter`; give it one",
            )
        elif "choices" in fields:
            for index, (item, item_span) in enumerate(self.items(fields["choices"], node.at("choices"), "`choices`"), 1):
                choice = self.build_choice(item, item_span, scene_id, index)
                if choice is not None:
                    fallback = isinstance(item, YamlMap) and item.items.get("fallback") is True
                    (fallbacks if fallback else choices).append(choice)
            if not choices and isinstance(fields["choices"], YamlList) and not fields["choices"].items:
                self.error(node.at("choices"), "empty-choices", f"{what} has an empty list of choices")
        elif "typewriter" in fields:
            if not has_lexicon and not self.in_broken_file(r"(?m)^lexicon:"):
                self.error(node.key_spans["typewriter"], "no-lexicon", f"{what} has a typewriter, but the story has no lexicon")
            typewriter = self.build_typewriter(fields["typewriter"], node.at("typewriter"))
        return Scene(
            scene_id,
            fields.get("title", ""),
            fields.get("beat"),
            fields.get("act"),
            text,
            effects,
            tuple(choices),
            typewriter,
            span,
            tuple(fallbacks),
            following,
            call,
        )

    def build_choice(self, node: Any, span: Span, scene_id: str, index: int) -> Choice | None:
        fields = self.fields(node, "choice", span, "a choice")
        if fields is None:
            return None
        if not self.present(node, "label", "choice") and not fields.get("fallback"):
            self.error(span, "missing-key", "a choice has no `label` (what the player picks)")
            return None
        move = self.choice_move(fields, node, span, scene_id)
        label = self.template(fields["label"], node.at("label")) if "label" in fields else Template("", ("",), span)
        condition = self.condition(fields["if"], node.at("if")) if "if" in fields else None
        effects = self.effects(fields["do"], node.at("do")) if "do" in fields else ()
        text = self.text(fields["text"], node.at("text"), "`text`") if "text" in fields else ()
        if label is None or move is None or ("label" not in fields and not fields.get("fallback")):
            return None
        choice = Choice(label, move[0], condition, effects, text, span, move[1])
        return self.choice_extras(choice, fields, node, scene_id, index)

    def build_typewriter(self, node: Any, span: Span) -> Typewriter | None:
        fields = self.fields(node, "typewriter", span, "a typewriter")
        if fields is None or "prompt" not in fields or "outcomes" not in fields:
            return None
        prompt = self.text(fields["prompt"], node.at("prompt"), "`prompt`")
        errors_before = len(self.diagnostics.errors)
        outcomes: list[Outcome] = []
        last_refused = False
        for item, item_span in self.items(fields["outcomes"], node.at("outcomes"), "`outcomes`"):
            outcome = self.build_outcome(item, item_span)
            if outcome is not None:
                outcomes.append(outcome)
            last_refused = outcome is None
        if outcomes and not outcomes[-1].is_fallback and not last_refused:  # a last outcome refused for its own
            # mistake (no `to`) was meant as the fallback: the one before it is not told it should be
            self.error(
                outcomes[-1].span or node.at("outcomes"),
                "no-fallback",
                "the last outcome must have no `wrote`, `about_subject` or `if`, so that every page leads somewhere",
            )
        if len(self.diagnostics.errors) > errors_before:
            return Typewriter(prompt, tuple(outcomes))  # an outcome that failed to build would look like a fallback
        for outcome in outcomes[:-1]:
            if outcome.is_fallback:
                self.warning(
                    outcome.span or span,
                    "shadowed-outcome",
                    "an outcome with no condition before the last one: the outcomes after it are never used",
                )
                break
        return Typewriter(prompt, tuple(outcomes))

    def build_outcome(self, node: Any, span: Span) -> Outcome | None:
        fields = self.fields(node, "outcome", span, "an outcome")
        move = self.choice_move(fields, node, span, self.owner, "an outcome", "outcome") if fields is not None else None
        if fields is None or move is None:
            return None
        wrote: list[TraitTest] = []
        entries: list[tuple[Any, Span]] = []
        if "wrote" in fields:
            raw = fields["wrote"]
            entries = [(raw, node.at("wrote"))] if isinstance(raw, str) else list(self.items(raw, node.at("wrote"), "`wrote`"))
            for entry, entry_span in entries:
                test = self.trait_test(entry, entry_span)
                if test is not None:
                    wrote.append(test)
        condition = self.condition(fields["if"], node.at("if")) if "if" in fields else None
        text = self.text(fields["text"], node.at("text"), "`text`") if "text" in fields else ()
        effects = self.effects(fields["do"], node.at("do")) if "do" in fields else ()
        about = self.about_subject(fields, node)
        if len(wrote) < len(entries) or ("if" in fields and condition is None):
            return None  # a test that could not be read (perhaps kept quiet for a broken file) is no fallback
        return Outcome(move[0], tuple(wrote), about, condition, text, effects, span, move[1])

    def trait_test(self, entry: Any, span: Span) -> TraitTest | None:
        if not isinstance(entry, str):
            self.error(span, "wrong-type", f"`wrote` takes trait ids, not {describe_value(entry)}")
            return None
        words = entry.split()
        negated = len(words) == 2 and words[0] == "not"
        trait = words[-1] if words else ""
        if len(words) not in (1, 2) or (len(words) == 2 and not negated):
            self.error(span, "bad-expression", f"`wrote` takes `TRAIT` or `not TRAIT`, not `{short(entry)}`")
            return None
        if trait not in self.trait_ids:
            if not self.declared_where_unreadable(trait) and not self.id_in_broken_file(trait):
                self.error(span, "unknown-trait", f"the lexicon has no trait `{trait}`{did_you_mean(trait, self.trait_ids)}")
            return None
        self.names.read.add(trait)
        return TraitTest(trait, negated)

    def build_ending(self, node: YamlMap, span: Span) -> Ending | None:
        fields = self.fields(node, "ending", span, "an ending")
        if fields is None or not {"id", "title", "text"} <= fields.keys():
            return None
        self.owner = fields["id"]
        text = self.text(fields["text"], node.at("text"), "`text`")
        return Ending(fields["id"], fields["title"], text, span, fields.get("hint", ""))

    def build_seems(self, manifest: YamlMap) -> tuple[StatusLine, ...]:
        lines = []
        if manifest.items.get("seems") is None:
            return ()
        for node, span in self.entries(manifest, "seems"):
            fields = self.fields(node, "seems", span, "a status line")
            if fields is None or "text" not in fields:
                continue
            template = self.template(fields["text"], node.at("text"))
            condition = self.condition(fields["if"], node.at("if")) if "if" in fields else None
            if template is not None:
                lines.append(StatusLine(template, condition))
        return tuple(lines)


_WORD = re.compile(r"[^\W_]+")


def _says_something(text: str) -> bool:
    """Has a phrase a word the reader can find, besides negations and wildcards? ("not" alone would take every denial.)"""
    return any(word not in ("not", "never", "no", "longer", "more") for word in _WORD.findall(text.lower()))
