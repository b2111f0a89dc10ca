"""A cache of stories that loaded cleanly, so the commands that only need the story skip re-reading its YAML.

The key is the game's version, the folder as given and as resolved, and the name, size and CRC-32 of every story file,
so any edit (or a new version of the game) misses the cache and loads the files afresh. The whole key is stored with
the story and compared on reading, so two keys that share a file name cannot be confused. A checksum is enough here:
the cache is the game's own local data, and a cryptographic hash would load OpenSSL, which alone took a tenth of a
cached `replay --verify`. Only a story that loaded with no diagnostic at all, from a folder with no links, is cached.
The cache lives in the player's cache folder (`platformdirs.user_cache_path`: it can always be rebuilt, so it is not
the player's data), is written and read only by the game (like Python's own bytecode cache), and deleting it is always
safe; `RUBY_SPARKS_NO_CACHE=1` turns it off. A cache file that cannot be read is a miss: the story is loaded from its
files and the file replaced, silently. It keeps the typewriter's compiled lexicon beside the story, so it sits above
both, with the game's other files on disk, not in the story layer.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import io
import marshal
import os
import sys
import zlib
from collections.abc import Iterator, Mapping
from types import CodeType
from typing import TYPE_CHECKING, Any, cast

from game import __version__

try:  # the C pickler alone: the `pickle` module around it (its Python classes) was 2% of a cached `replay --verify`
    from _pickle import Pickler, PicklingError, Unpickler
except ImportError:  # a Python without it
    from pickle import Pickler, PicklingError, Unpickler
from game.files import read_at_most
from game.paths import user_cache_folder, user_data_dir
from game.records import replace
from game.story.collector import without_cycle_collection
from game.story.diagnostics import Diagnostics
from game.story.limits import MAX_FILE_BYTES
from game.story.model import Story

if TYPE_CHECKING:
    from pathlib import Path

    from game.engine.compiled import Premade, Recipe
    from game.typewriter.lexicon_index import LexiconIndex, Pattern

FORMAT = "ruby-sparks story cache 19"
"""Part of every key, so a file written by an older layout is never read as this one. Change it whenever a model
class gains or loses a field: an old pickle would lack the new attribute."""
KEEP = 16
"""How many cached stories to keep; the oldest go first."""
PROTOCOL = 5
"""The newest pickle protocol of every Python the game runs on (`pickle.HIGHEST_PROTOCOL`, without importing it)."""


def load_story_cached(root: str | os.PathLike[str]) -> tuple[Story | None, Diagnostics]:
    key = None if os.environ.get("RUBY_SPARKS_NO_CACHE") else _key(os.fspath(root), str(root))
    if key is not None:
        _adopt_code()
        story = _read(key)
        if story is not None:
            _last_story[:] = [story]
            return story, Diagnostics()
    from game.story.loader import load_story

    story, diagnostics = load_story(root)
    if key is not None and story is not None and not diagnostics.items:
        _write(key, story)
        _last_story[:] = [story]
    return story, diagnostics


def _reader_stamp() -> str:
    """The cached lexicon index holds stems and tokens made by the typewriter's own code, and the engine's recipes
    (`_recipes`) source made by its own: a change there (a new stem rule, a new way to write a condition) must miss
    the cache even when the version and the story are the same, as they are between two commits."""
    game = os.path.dirname(os.path.dirname(__file__))
    stamps = []
    for name in (
        *(f"typewriter/{name}" for name in ("words.py", "typos.py", "text.py", "cues.py", "grammar.py", "closed_class.py")),
        "typewriter/lexicon_index.py",
        "engine/compiled.py",
        "engine/runtime.py",
    ):
        try:
            status = os.stat(os.path.join(game, name))
        except OSError:
            continue
        stamps.append(f"{name}:{status.st_size}:{status.st_mtime_ns}")
    return ";".join(stamps)


def _key(root: str, shown: str) -> str | None:
    """None when the folder cannot be cached (links, unreadable files): those always take the full path. Paths are
    texts here, not `Path`s (see `game.paths._as_path`)."""
    parts = [FORMAT, __version__, _reader_stamp(), shown, os.path.realpath(root)]
    try:
        return "\n".join(parts) if _add_files(root, "", parts) else None
    except OSError:
        return None


def _add_files(folder: str, relative: str, parts: list[str]) -> bool:
    """The name, size and checksum of each story file under `folder`, in order, to `parts`; False when the folder
    cannot be cached. One `scandir` per folder: what a file is comes with its name, with no further system call."""
    with os.scandir(folder) as scan:
        entries = sorted((entry for entry in scan if not entry.name.startswith(".")), key=lambda entry: entry.name)
    subfolders = []
    for entry in entries:
        if entry.is_dir():
            if entry.is_symlink():
                return False
            subfolders.append(entry)
        elif entry.name.endswith((".yaml", ".yml")):
            if entry.is_symlink() or not entry.is_file():  # the loader reports what it will not read
                return False
            data = read_at_most(entry.path, MAX_FILE_BYTES)
            if len(data) > MAX_FILE_BYTES:  # the loader will say it is too large, having read no more than this
                return False
            parts.append(f"{relative}{entry.name}\0{len(data)}\0{zlib.crc32(data):08x}")
    return all(_add_files(entry.path, f"{relative}{entry.name}{os.sep}", parts) for entry in subfolders)


def _path(key: str) -> str:
    data = key.encode("utf-8", "surrogateescape")
    return os.path.join(user_cache_folder(), f"story-{zlib.crc32(data):08x}{zlib.adler32(data):08x}.pickle")


def _read(key: str) -> Story | None:
    """The story saved under `key`, or None. The story (with the engine's recipes for it) is saved as bytes with
    their CRC-32, checked before they are read: the recipes are the source of functions the engine runs, so a
    damaged byte must be a miss, never a changed condition."""
    path = _path(key)
    try:
        with open(path, "rb") as handle:
            head = Unpickler(handle).load()
            index = handle.read()
        if not (isinstance(head, tuple) and len(head) == 4 and head[0] == key and head[1] == zlib.crc32(head[2])):
            return None
        with without_cycle_collection():
            stored = Unpickler(io.BytesIO(head[2])).load()
            # The story's tens of thousands of objects live as long as the process: frozen, the cycle collector never
            # walks them again (its first pass after a load cost a third of the load). Frozen objects are still
            # freed when nothing refers to them; only cycles among them would be kept, and a story has none.
            gc.freeze()
    except Exception:  # a missing, truncated or foreign cache file is simply a miss
        return None
    if not (isinstance(stored, tuple) and len(stored) == 4 and isinstance(stored[0], Story)):
        return None
    story, shared, nodes, recipes = cast("tuple[Story, object, object, object]", stored)
    checksum = head[3]
    if story.lexicon is not None and index and isinstance(shared, tuple):
        from game.typewriter.compiled import READERS

        READERS.promise(story.lexicon, story.characters, lambda: _read_index(path, index, shared, checksum))
    if isinstance(nodes, list) and isinstance(recipes, bytes):
        from game.engine.runtime import COMPILED

        COMPILED.promise(story, lambda: _premade(nodes, recipes))
    return story


def _premade(nodes: list[object], data: bytes) -> Premade | None:
    """The recipes saved with a story, read when it is first played, not when it is loaded: a load that plays
    nothing (`check`, the loaded-story benchmark) does not pay for them. They were checked with the story's bytes."""
    from game.engine.compiled import Premade
    from game.engine.runtime import split_paragraphs

    try:
        recipes = Unpickler(io.BytesIO(data)).load()
    except Exception:  # checked by the CRC-32 of the story's bytes; a foreign file is simply made afresh
        return None
    if not isinstance(recipes, list) or len(recipes) != len(nodes):
        return None
    return Premade(dict(zip(map(id, nodes), recipes, strict=True)), split_paragraphs)


def _recipes(story: Story) -> tuple[list[object], list[Recipe]]:
    """The recipe of each condition, effect, text and scene's offer of `story` that can be saved (`portable`), and
    the object each is for: the engine then makes only the functions a run needs, from values, with no source to
    write (`game.engine.compiled.Premade`). The texts are split into paragraphs as the runtime splits them."""
    from game.engine.compiled import CompiledStory, portable
    from game.engine.runtime import split_paragraphs
    from game.story.model import Condition, Effect, Scene

    compiled = CompiledStory(story)
    nodes: list[object] = []
    recipes: list[Recipe] = []
    bodies: dict[str, str] = {}  # one text per shape, so that the file holds each once (a story has a hundred or so)
    for node in _parts(story):
        recipe: Recipe | None = None
        with contextlib.suppress(Exception):  # only a head start: what is not saved is made when needed
            if isinstance(node, Condition):
                recipe = compiled.test_recipe(node)
            elif isinstance(node, Effect):
                recipe = compiled.effect_recipe(node)
            elif isinstance(node, Scene):
                recipe = compiled.offer_recipe(node)
            elif isinstance(node, tuple):
                recipe = compiled.text_recipe(node, split_paragraphs)
        if recipe is not None and portable(recipe):
            nodes.append(node)
            recipes.append((bodies.setdefault(recipe[0], recipe[0]), recipe[1]))
    return nodes, recipes


def _read_index(path: str, data: bytes, shared: tuple[object, ...], checksum: object) -> LexiconIndex | None:
    """The typewriter's compiled lexicon saved after the story, read when the first page is: it is two thirds of the
    cache's objects, and a command that reads no page (or a game before its first page) never pays for it. Its
    references to the story's own objects (the frames, the characters) are `shared`, read with the story, so they
    are the very same objects. Its patterns are read stem by stem as pages need them (`_PatternsByStem`), so the
    whole of it is checked first, against the CRC-32 saved with the story. An unreadable index is None (the
    typewriter compiles the lexicon) and the file goes, so the next load writes a sound one."""
    from game.typewriter.lexicon_index import LexiconIndex

    try:
        if checksum != zlib.crc32(data):
            raise ValueError("the compiled lexicon is damaged")
        with without_cycle_collection():
            index = _unpickle(data, shared)
            gc.freeze()
    except Exception:
        index = None
    if isinstance(index, LexiconIndex) and isinstance(index.patterns, _PatternsByStem):
        index.patterns.shared = shared
        return index
    with contextlib.suppress(OSError):
        os.unlink(path)
    return None


def _unpickle(data: bytes, shared: tuple[object, ...]) -> object:
    unpickler = Unpickler(io.BytesIO(data))
    unpickler.persistent_load = shared.__getitem__  # type: ignore[method-assign]  # the documented hook
    return unpickler.load()


class _PatternsByStem(dict[str, "list[Pattern] | bytes"]):
    """The index's patterns by first stem, as the story cache keeps them: each stem's list is pickled on its own and
    read when a page first asks for it. The patterns were five sixths of the index's objects, and a verify reads
    a few dozen stems of 800. Only the lookups the typewriter makes (`get`, `[]`, `in`) and `items`/`values` are
    offered; each list is read once and then kept. The whole index was checked (CRC-32) when it was read."""

    shared: tuple[object, ...] = ()
    """The story's objects the lists refer to (`_IndexPickler`), set when the index is read."""

    def __getitem__(self, stem: str) -> list[Pattern]:
        found = super().__getitem__(stem)
        if isinstance(found, bytes):
            found = cast("list[Pattern]", _unpickle(found, self.shared))
            self[stem] = found
        return found

    def get(self, stem: str, default: Any = None) -> Any:  # type: ignore[override]  # dict.get's overloads
        try:
            return self[stem]
        except KeyError:
            return default

    def items(self) -> Any:
        return {stem: self[stem] for stem in self}.items()

    def values(self) -> Any:
        return [self[stem] for stem in self]

    def __reduce__(self) -> tuple[Any, ...]:
        return _PatternsByStem, (dict(super().items()),)


class _IndexPickler(Pickler):
    """Pickles the compiled lexicon after the story, naming each object it shares with the story by its place in
    `shared`, which is pickled with the story."""

    def __init__(self, file: io.BytesIO, story_objects: dict[int, object], parent: _IndexPickler | None = None) -> None:
        super().__init__(file, protocol=PROTOCOL)
        self.story_objects = story_objects
        self.shared: list[object] = parent.shared if parent is not None else []
        self.places: dict[int, int] = parent.places if parent is not None else {}

    def apart(self, value: object) -> bytes:
        """`value` pickled on its own, naming the story's objects in the same `shared`."""
        data = io.BytesIO()
        _IndexPickler(data, self.story_objects, self).dump(value)
        return data.getvalue()

    def persistent_id(self, obj: object) -> int | None:
        if isinstance(obj, str) or id(obj) not in self.story_objects:
            return None  # a text is as good copied, and copying keeps the story's part of the file self-contained
        place = self.places.get(id(obj))
        if place is None:
            place = self.places[id(obj)] = len(self.shared)
            self.shared.append(obj)
        return place


def _write(key: str, story: Story) -> None:
    from pathlib import Path

    from game.persistence.atomic import write_atomic  # with tempfile, a tenth of a cached start-up: a miss pays

    path = Path(_path(key))
    # the typewriter's compiled lexicon is saved after the story (not in it): compiling it was most of a cached
    # `replay --verify`, and the typewriter adopts it again when it first reads a page
    with contextlib.suppress(OSError, PicklingError, TypeError, AttributeError):
        story_pickler = Pickler(io.BytesIO(), protocol=PROTOCOL)
        story_pickler.dump(story)  # only to learn which objects are the story's
        index = io.BytesIO()
        index_pickler = _IndexPickler(index, {ident: obj for ident, (_, obj) in story_pickler.memo.copy().items()})
        if story.lexicon is not None:
            from game.typewriter.compiled import READERS

            compiled = READERS.reader(story.lexicon, story.characters).index
            patterns = {stem: index_pickler.apart(found) for stem, found in compiled.patterns.items()}
            index_pickler.dump(replace(compiled, patterns=_PatternsByStem(patterns)))
        shared = tuple(index_pickler.shared)
        nodes, recipes = _recipes(story)
        saved_recipes = io.BytesIO()
        Pickler(saved_recipes, protocol=PROTOCOL).dump(recipes)  # apart, so a load reads them only when played
        body = io.BytesIO()
        Pickler(body, protocol=PROTOCOL).dump((story, shared, nodes, saved_recipes.getvalue()))
        head = io.BytesIO()
        saved = body.getvalue()
        Pickler(head, protocol=PROTOCOL).dump((key, zlib.crc32(saved), saved, zlib.crc32(index.getvalue())))
        write_atomic(path, head.getvalue() + index.getvalue())
        _forget_old(path.parent, user_data_dir() / "cache")


CODE_KEY = f"{FORMAT}\n{sys.version}\n{sys.implementation.cache_tag}\nmarshal {marshal.version}"
"""The compiled code of the engine's functions is bytecode: it is valid only for the Python that made it."""
_code_file: list[str] = []
"""Where this process read the compiled code from, once it has, and so where it saves what it compiled since."""
_last_story: list[Story] = []
"""The story this process last had from the cache, whose every shape is compiled before saving new code."""


def _adopt_code() -> None:
    """Give the engine the code of the functions earlier processes compiled (`game.engine.compiled.CODE`), once per
    process, and save at exit whatever this one compiles anew: a cached `replay --verify` spent a fifth of its time
    compiling the same few dozen function bodies every time. Kept beside the stories, for every story (a body holds
    none of a story's names or values), in a file named and keyed by the Python version and the cache format; an unreadable one is
    ignored and replaced, as a cached story is."""
    if _code_file:
        return
    from game.engine.compiled import CODE

    # named by its key too: two installs of the game with different cache formats (a release and a checkout) would
    # otherwise each find the other's file foreign, compile, and write over it, in turn, for ever
    name = f"code-{sys.implementation.cache_tag}-{zlib.crc32(CODE_KEY.encode()):08x}.marshal"
    path = os.path.join(user_cache_folder(), name)
    _code_file.append(path)
    atexit.register(_save_code, path)
    try:
        with open(path, "rb") as handle:
            stored = marshal.loads(handle.read())
    except Exception:  # a missing, truncated or foreign file is simply nothing to adopt
        stored = None
    if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == CODE_KEY and _is_code(stored[1]):
        CODE.update(stored[1])


def _is_code(memo: object) -> bool:
    """Whether `memo` is a table of compiled code by source, as saved: anything else in the file is ignored."""
    return isinstance(memo, dict) and all(isinstance(source, str) and isinstance(code, CodeType) for source, code in memo.items())


def _compile_every_shape(story: Story) -> None:
    """Compile the code of every condition, effect, text and offer of a story just cached, so the code file saved at
    exit serves a verify along any route, not only along those played before: a story's thousands of expressions
    have few shapes (the shipped story 1,833 and 115), and a route never verified before would otherwise compile
    its own. Done only by a process that compiled a shape the file lacked (so once or twice per story version, never
    by `check`), with a throwaway `CompiledStory`: only the code is kept. The paragraphs of a text are values, not
    source, so any splitting gives the same code."""
    from game.engine.compiled import CompiledStory
    from game.story.model import Condition, Effect, Scene, Template

    compiled = CompiledStory(story)
    with contextlib.suppress(Exception):  # only a head start: whatever is not compiled now is compiled when needed
        for node in _parts(story):
            if isinstance(node, Condition):
                compiled.test(node)
            elif isinstance(node, Effect):
                compiled.effect(node)
            elif isinstance(node, Template):
                compiled.template(node)
            elif isinstance(node, Scene):
                compiled.offer(node)
            elif isinstance(node, tuple):
                compiled.text(node, lambda text: (text,))
        compiled.seems()


def _parts(story: Story) -> Iterator[object]:
    """Each condition, effect, template, scene and text (a tuple of blocks) of `story`, once: what the engine
    makes functions of."""
    from game.story.model import Condition, Effect, Scene, Template, TextBlock

    seen: set[int] = set()
    pending: list[object] = [story]
    while pending:
        node = pending.pop()
        if id(node) in seen or isinstance(node, (str, int, float, type(None))):
            continue
        seen.add(id(node))
        if isinstance(node, (Condition, Effect, Template, Scene)):
            yield node
        if isinstance(node, tuple) and node and all(isinstance(block, TextBlock) for block in node):
            yield node
        if isinstance(node, (tuple, list, frozenset)):
            pending.extend(node)
        elif isinstance(node, Mapping):
            pending.extend(node.values())
        elif hasattr(node, "__dict__"):
            pending.extend(vars(node).values())


def _save_code(path: str) -> None:
    from game.engine.compiled import CODE

    if CODE.added:
        from game.persistence.atomic import write_atomic

        if _last_story:
            _compile_every_shape(_last_story[0])

        from pathlib import Path

        with contextlib.suppress(OSError, ValueError):
            write_atomic(Path(path), marshal.dumps((CODE_KEY, dict(CODE))))


def _forget_old(folder: Path, former: Path) -> None:
    """Keep the newest `KEEP` cached stories, and none in the data folder where earlier versions kept them."""
    entries = sorted(folder.glob("story-*.pickle"), key=lambda entry: entry.stat().st_mtime, reverse=True)
    stale = entries[KEEP:] + (list(former.glob("story-*.pickle")) if former != folder else [])
    for old in stale:
        with contextlib.suppress(OSError):
            old.unlink()
