"""Turns a story folder into a validated `Story`, reporting every mistake at once.

The loader walks the folder (never outside it, `folder`), reads each YAML file, checks every mapping against
`schema.SCHEMAS` (`validation`), declares every name (`names`), checks every expression and text against them
(`expression_checks`) and builds the model (`content`, `format2`). It reports and carries on, so an author sees all
the errors in one run, each with a file, line and column.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from game.story.categories import build_categories
from game.story.collector import without_cycle_collection
from game.story.content import ContentBuilder
from game.story.diagnostics import Diagnostics
from game.story.folder import Source, read_folder, resolved
from game.story.model import Ending, Scene, Span, Story
from game.story.names import BUILTIN_NAMES, MANIFEST
from game.story.vocabulary import FORMATS, one_of
from game.story.yaml_reader import YamlMap

__all__ = ["BUILTIN_NAMES", "MANIFEST", "StoryLoadError", "load_story", "load_story_or_raise"]

STORY_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


class StoryLoadError(Exception):
    """Raised by `load_story_or_raise` so front ends can print the diagnostics instead of a traceback."""

    def __init__(self, diagnostics: Diagnostics) -> None:
        self.diagnostics = diagnostics
        first = diagnostics.errors[0] if diagnostics.errors else None
        super().__init__(str(first) if first else "the story could not be loaded")


def load_story(root: str | os.PathLike[str], overlay: Mapping[Path, bytes] | None = None) -> tuple[Story | None, Diagnostics]:
    """The story and its diagnostics; the story is None when there is any error. `overlay` gives the text of some
    files (by their path below `root`) in place of what is on disk: the buffers an editor has open, unsaved."""
    diagnostics = Diagnostics()
    root_path = Path(root)
    display_root = str(root)
    with without_cycle_collection():
        sources, digest, broken = read_folder(root_path, display_root, diagnostics, overlay or {})
        if diagnostics.errors and not sources and not broken:
            return None, diagnostics  # nothing could be read (a link loop): "there is no story.yaml" would only repeat it
        builder = StoryBuilder(diagnostics, sources, display_root, broken)
        story = builder.build(digest, str(resolved(root_path) or root_path))
    if diagnostics.errors:
        return None, diagnostics
    return story, diagnostics


def load_story_or_raise(root: str | os.PathLike[str]) -> Story:
    story, diagnostics = load_story(root)
    if story is None:
        raise StoryLoadError(diagnostics)
    return story


class StoryBuilder(ContentBuilder):
    """One story being loaded: pass 1 declares every name, pass 2 builds the content against them."""

    def __init__(self, diagnostics: Diagnostics, sources: list[Source], display_root: str, broken: list[str]) -> None:
        super().__init__(diagnostics, broken)
        self.sources = sources
        self.display_root = display_root

    def build(self, digest: str, root: str) -> Story | None:
        manifest_source = next((s for s in self.sources if s.relative == MANIFEST), None)
        if manifest_source is None:
            # a manifest that exists but could not be read has its own diagnostic already; a folder has none
            where = os.path.join(root, MANIFEST)
            span = Span(os.path.join(self.display_root, MANIFEST), 1, 1)
            if not os.path.lexists(where):
                self.error(span, "no-manifest", f"the story folder has no {MANIFEST}")
            elif os.path.isdir(where):
                self.error(span, "no-manifest", f"{MANIFEST} is a folder; the story needs a file of that name")
            return None
        manifest = self.fields(manifest_source.data, "manifest", Span(manifest_source.path, 1, 1), MANIFEST)
        files: list[tuple[Source, dict[str, Any]]] = []
        for source in self.sources:
            if source is manifest_source:
                continue
            if source.data is None:
                continue
            parsed = self.fields(source.data, "story_file", Span(source.path, 1, 1), "a story file")
            if parsed is not None:
                files.append((source, parsed))
        if manifest is None:
            return None
        manifest_node: YamlMap = manifest_source.data
        if "format" in manifest and manifest["format"] not in FORMATS:
            self.error(
                manifest_node.at("format"),
                "bad-format",
                f"format {manifest['format']} is not supported; this game reads format {one_of(tuple(map(str, FORMATS)))}",
            )
        elif "format" in manifest:
            self.format = manifest["format"]
        if "id" in manifest and not STORY_ID.match(manifest["id"]):
            self.error(manifest_node.at("id"), "bad-id", "a story id is lowercase ASCII letters (a-z), digits, `-` and `_`")

        # Pass 1: everything that can be named, so that pass 2 can resolve references in any order.
        self.variables = self.declare_variables(manifest_node)
        characters = self.declare_characters(manifest_node)
        acts = self.declare_acts(manifest_node)
        lexicon_nodes = [(s, f["lexicon"], s.data.at("lexicon")) for s, f in files if "lexicon" in f]
        for _source, _, span in lexicon_nodes[1:]:
            self.error(span, "duplicate-lexicon", f"a second lexicon (the first is in {lexicon_nodes[0][0].path})")
        for _source, lexicon_node, _span in lexicon_nodes:  # a second lexicon is one error: what uses its traits is
            self.declare_traits(lexicon_node)  # not then called unknown as well, whichever of the two holds them
        scene_nodes: list[tuple[YamlMap, Span]] = []
        ending_nodes: list[tuple[YamlMap, Span]] = []
        for node, span in self.entries(manifest_node, "endings") if "endings" in manifest else ():
            ending_nodes.append((node, span))
        for source, parsed in files:
            file_node: YamlMap = source.data
            scene_nodes.extend(self.entries(file_node, "scenes") if "scenes" in parsed else [])
            ending_nodes.extend(self.entries(file_node, "endings") if "endings" in parsed else [])
        for node, _span in scene_nodes:
            self.declare_target(node)
        for node, _span in ending_nodes:
            if self.declare_target(node):
                self.ending_ids.add(node.items["id"])
        self.declare_counts(scene_nodes)

        # Pass 2: the content, with every expression, template and reference checked.
        start = manifest.get("start")
        if isinstance(start, str):
            self.check_target(start, manifest_node.at("start"), scenes_only=True)
        wordnet_nodes = [(f["wordnet"], s.data.at("wordnet")) for s, f in files if "wordnet" in f]
        for _, span in wordnet_nodes[1:]:
            self.error(span, "duplicate-lexicon", "a second file of WordNet synonyms")
        lexicon = (
            self.build_lexicon(lexicon_nodes[0][1], lexicon_nodes[0][2], characters, wordnet_nodes[0] if wordnet_nodes else None)
            if lexicon_nodes
            else None
        )
        scenes: dict[str, Scene] = {}
        for node, span in scene_nodes:
            scene = self.build_scene(node, span, lexicon is not None or bool(lexicon_nodes))
            if scene is not None and scene.id not in scenes:
                scenes[scene.id] = scene
        endings: dict[str, Ending] = {}
        for node, span in ending_nodes:
            ending = self.build_ending(node, span)
            if ending is not None and ending.id not in endings:
                endings[ending.id] = ending
        seems = self.build_seems(manifest_node)
        categories = build_categories(self, manifest_node, digest)
        scenes = self.counted(scenes)  # once every expression has been read
        self.report_unused()
        self.report_format()
        if self.diagnostics.errors:
            return None
        return Story(
            id=manifest["id"],
            title=manifest["title"],
            version=manifest["version"],
            start=manifest["start"],
            scenes=scenes,
            endings=endings,
            variables=self.variables,
            characters=characters,
            acts=acts,
            seems=seems,
            lexicon=lexicon,
            author=manifest.get("author", ""),
            content_note=manifest.get("content_note", ""),
            content_hash=digest,
            root=root,
            categories=categories,
            format=self.format,
        )
