"""The speed-run categories of a story's manifest (`categories:`), read and checked like the rest of the story.

A category is the author's rule for a race: which endings finish it, whether it takes one of them or all, the seed
every run starts from, and whether a page may be pasted. A story that names none is raced as `any%` (any ending) and
`all-endings` (every ending), the two categories any story has.

A category without a `seed` gets one derived here from the story's hash and its name: the same for every runner of
these exact files, and kept in the story (and its cache), so verifying a replay never loads a hash library for it.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any, Protocol

from game.story.diagnostics import Diagnostics, did_you_mean
from game.story.model import Category, Span
from game.story.vocabulary import CATEGORY_NAME, FINISHES, MAX_SEED
from game.story.yaml_reader import YamlMap

_NAME = re.compile(CATEGORY_NAME)


class _Builder(Protocol):
    """What of the loader's builder this module uses (the loader passes itself)."""

    diagnostics: Diagnostics
    targets: dict[str, Span]
    ending_ids: set[str]

    def entries(self, node: YamlMap, key: str) -> list[tuple[YamlMap, Span]]: ...

    def fields(self, node: Any, schema: str, span: Span, what: str) -> dict[str, Any] | None: ...

    def strings(self, node: Any, span: Span, what: str) -> tuple[str, ...]: ...

    def id_in_broken_file(self, target: str) -> bool: ...


def derived_seed(story_hash: str, category: str) -> int:
    digest = hashlib.sha256(f"{story_hash}:{category}".encode()).hexdigest()
    return int(digest[:8], 16) % 1_000_000


def build_categories(builder: _Builder, manifest: YamlMap, story_hash: str) -> tuple[Category, ...]:
    every = tuple(target for target in builder.targets if target in builder.ending_ids)
    if "categories" not in manifest.items:
        return (
            Category("any%", every, "any", "reach any ending", derived_seed(story_hash, "any%")),
            Category("all-endings", every, "all", "reach every ending in one run", derived_seed(story_hash, "all-endings")),
        )
    categories: list[Category] = []
    names: set[object] = set()
    for node, span in builder.entries(manifest, "categories"):
        name = node.items.get("name")
        if name in names:
            builder.diagnostics.error(node.at("name"), "duplicate-id", f"the category `{name}` is defined twice")
            continue
        names.add(name)
        category = _category(builder, node, span, every, story_hash)
        if category is not None:
            categories.append(category)
    return tuple(categories)


def _category(builder: _Builder, node: YamlMap, span: Span, every: tuple[str, ...], story_hash: str) -> Category | None:
    fields = builder.fields(node, "category", span, "a category")
    if fields is None or "name" not in fields:
        return None
    name = fields["name"]
    ok = True
    if not _NAME.match(name):
        builder.diagnostics.error(
            node.at("name"), "bad-id", f"`{name}` is not a category name: up to 40 ASCII letters, digits and `%+._-`, no spaces"
        )
        ok = False
    endings = every
    if "endings" in fields:
        endings = builder.strings(fields["endings"], node.at("endings"), "`endings`")
        for ending in endings:
            if ending in builder.ending_ids:
                continue
            ok = False
            if not builder.id_in_broken_file(ending):  # an ending a file that could not be read seems to hold: its
                # absence is that file's error, said once, as it is for the scenes that go to it
                builder.diagnostics.error(
                    node.at("endings"),
                    "unknown-target",
                    f"the category `{name}` names `{ending}`, which is no ending{did_you_mean(ending, builder.ending_ids)}",
                )
        if not endings:
            builder.diagnostics.error(node.at("endings"), "bad-category", f"the category `{name}` lists no ending to finish at")
            ok = False
    finish = fields.get("finish", "any")
    if finish not in FINISHES:
        builder.diagnostics.error(
            node.at("finish"), "bad-category", f"`finish` is `any` (one of the endings) or `all` (every one), not `{finish}`"
        )
        ok = False
    seed = fields.get("seed")
    if seed is not None and not 0 <= seed <= MAX_SEED:
        builder.diagnostics.error(node.at("seed"), "bad-category", f"a category's `seed` is a whole number from 0 to {MAX_SEED}")
        ok = False
    if not ok:
        return None
    if seed is None:
        seed = derived_seed(story_hash, name)
    return Category(name, endings, finish, fields.get("description", ""), seed, fields.get("paste", False))
