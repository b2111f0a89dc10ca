"""The loader's way into a story folder: every YAML file below it, parsed, and nothing outside it.

Links that lead out of the folder (or round in a loop), pipes and devices are reported and never opened; a file that
is too large is refused before it is read whole. The digest of the files read is the story's `content_hash`.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from game.files import read_at_most
from game.records import prefab
from game.story.diagnostics import Diagnostics
from game.story.limits import MAX_FILE_BYTES
from game.story.model import Span
from game.story.names import MANIFEST
from game.story.yaml_reader import YamlMap, YamlProblem, read_yaml, utf16_text

OUTLINE = "outline.yaml"  # an outline of beats kept in the story folder: for `check`, not part of the story
MAX_FILES = 2_000


@prefab
class Source:
    path: str  # as shown in diagnostics
    relative: str
    data: Any


LINK_LOOP = "a link that leads round in a loop (or through too many links); it is not read"


def resolved(path: Path) -> Path | None:
    """Where `path` leads, or None for a link loop (`a -> b -> a`, a link to itself): `Path.resolve` raises on one."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        return None


def as_text(data: bytes) -> str:
    """A file that could not be read as a story, as text to look for ids in: UTF-16 is read as what it is, anything
    else as UTF-8 with what is not replaced."""
    return utf16_text(data) or data.decode("utf-8", "replace")


def read_folder(
    root: Path, display_root: str, diagnostics: Diagnostics, overlay: Mapping[Path, bytes]
) -> tuple[list[Source], str, list[str]]:
    """Every YAML file below `root`, parsed (or, for a file open in an editor, its unsaved text from `overlay`); links
    that lead outside the folder are reported and never read. Also the text of each file that is not valid YAML: what
    it declares is not known, so the errors that would follow from its absence (a scene it holds named elsewhere, a
    variable only it reads) are not reported."""
    resolved_root = resolved(root)
    if resolved_root is None:
        diagnostics.error(Span(display_root, 1, 1), "unreadable", LINK_LOOP)
        return [], hashlib.sha256().hexdigest(), []
    paths: list[tuple[str, Path]] = []
    for folder, subfolders, files in os.walk(root, followlinks=False):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or not name.endswith((".yaml", ".yml")):
                continue
            path = Path(folder) / name
            relative = path.relative_to(root).as_posix()
            shown = os.path.join(display_root, relative)
            if relative == OUTLINE:
                continue
            if path.is_symlink():
                target = resolved(path)
                if target is None:
                    diagnostics.error(Span(shown, 1, 1), "unreadable", LINK_LOOP)
                    continue
                if not target.is_relative_to(resolved_root) or not target.is_file():
                    diagnostics.error(
                        Span(shown, 1, 1), "outside-folder", "a link that leads outside the story folder; it is not read"
                    )
                    continue
            elif not path.is_file():
                diagnostics.error(Span(shown, 1, 1), "unreadable", "not a regular file (a pipe or a device); it is not read")
                continue
            paths.append((relative, path))
        for name in list(subfolders):
            target = resolved(Path(folder) / name)
            if (Path(folder) / name).is_symlink() and (target is None or not target.is_relative_to(resolved_root)):
                relative = (Path(folder) / name).relative_to(root).as_posix()
                diagnostics.error(
                    Span(os.path.join(display_root, relative), 1, 1),
                    "outside-folder",
                    "a link that leads outside the story folder; it is not read",
                )
    if len(paths) > MAX_FILES:
        diagnostics.error(
            Span(display_root, 1, 1),
            "too-many-files",
            f"the folder holds {len(paths)} YAML files; a story may have at most {MAX_FILES}",
        )
        paths = paths[:MAX_FILES]
    digest = hashlib.sha256()
    sources: list[Source] = []
    broken: list[str] = []
    for relative, path in sorted(paths):
        shown = os.path.join(display_root, relative)
        try:
            data = overlay[path] if path in overlay else read_at_most(path, MAX_FILE_BYTES)
            if len(data) > MAX_FILE_BYTES:
                size = path.stat().st_size
                amount = f"{size:,} bytes" if size > MAX_FILE_BYTES else f"more than {MAX_FILE_BYTES:,} bytes"
                raise YamlProblem(
                    Span(shown, 1, 1), "file-too-large", f"the file is {amount}; story files may be at most {MAX_FILE_BYTES:,}"
                )
        except YamlProblem as problem:
            diagnostics.error(problem.span, problem.code, problem.message)
            broken.append(as_text(data))  # its ids are not called unknown where other files use them
            continue
        except OSError as error:
            diagnostics.error(Span(shown, 1, 1), "unreadable", f"cannot read the file: {error.strerror or error}")
            continue
        digest.update(os.fsencode(relative) + b"\0" + hashlib.sha256(data).digest())
        try:
            value, problems = read_yaml(data, shown)
        except YamlProblem as problem:
            diagnostics.error(problem.span, problem.code, problem.message)
            broken.append(as_text(data))
            continue
        for found in problems:
            diagnostics.error(found.span, found.code, found.message)
        if value is not None and not isinstance(value, YamlMap):
            broken.append(as_text(data))  # a list or a word at the top: refused as a story file, ids and all
        if value is None and relative != MANIFEST:  # an empty manifest is an error of its own (a story needs one)
            diagnostics.warning(Span(shown, 1, 1), "empty-file", "the file holds nothing but blank lines and comments")
        sources.append(Source(shown, relative, value))
    return sources, digest.hexdigest(), broken
