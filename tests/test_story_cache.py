"""The cache of cleanly loaded stories: a hit is the same story, any edit misses, a bad cache file is only a miss."""

from __future__ import annotations

import compileall
import io
import pickle
import shutil
import subprocess
import sys
from pathlib import Path
from typing import cast

import pytest
import yaml

import game
from game.engine import new_game, step
from game.engine.compiled import CompiledStory
from game.engine.inputs import ChoiceInput
from game.engine.runtime import COMPILED, split_paragraphs
from game.paths import assets_dir, shipped_story_dir
from game.persistence.story_cache import _parts, _reader_stamp, load_story_cached
from game.records import replace
from game.story.loader import load_story
from game.story.model import Condition, Effect, Scene, Story, TextBlock
from game.typewriter import read_page
from tests.conftest import cap_memory


def _cache_files(home: Path) -> list[Path]:
    return sorted((home / "cache").glob("story-*.pickle"))


def test_a_clean_story_is_cached_and_plays_the_same(story_copy: Path, private_home: Path) -> None:
    first, diagnostics = load_story_cached(story_copy)
    assert first is not None and not diagnostics.items
    [cached] = _cache_files(private_home)
    written = cached.stat()
    second, _ = load_story_cached(story_copy)
    # served from the file: a miss would load the YAML again and write the cache anew (a new file, by rename)
    again = cached.stat()
    assert (again.st_ino, again.st_mtime_ns) == (written.st_ino, written.st_mtime_ns), "the second load missed the cache"
    assert second is not None
    assert second.content_hash == first.content_hash and second.scenes == first.scenes
    for story in (first, second):
        state, _ = new_game(story, seed=3)
        state, _ = step(story, state, ChoiceInput(2))
        assert state.variables["trust"] == 5


def test_a_story_fresh_or_cached_cannot_be_changed(story_copy: Path) -> None:
    """Every playthrough shares one story: its mappings are read-only views, from the loader and from the cache."""
    fresh, _ = load_story_cached(story_copy)
    cached, _ = load_story_cached(story_copy)
    for story in (fresh, cached):
        assert story is not None
        for mapping in (story.scenes, story.endings, story.variables, story.characters):
            with pytest.raises(TypeError):
                mapping["intruder"] = None  # type: ignore[index]
        assert "intruder" not in story.scenes


def test_an_edit_misses_the_cache(story_copy: Path) -> None:
    load_story_cached(story_copy)
    scenes = story_copy / "scenes.yaml"
    scenes.write_text(scenes.read_text().replace("The typewriter waits.", "The typewriter hums."))
    story, _ = load_story_cached(story_copy)
    assert story is not None
    assert "hums" in story.scenes["desk"].text[0].variants[0].source


def test_a_change_to_the_readers_code_misses_the_cache(
    story_copy: Path, private_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Between two commits the version is the same: a new stem rule must still rebuild the cached lexicon index."""
    load_story_cached(story_copy)
    monkeypatch.setattr("game.persistence.story_cache._reader_stamp", lambda: "words.py:1:2")
    load_story_cached(story_copy)
    assert len(_cache_files(private_home)) == 2


def test_a_story_with_warnings_or_errors_is_never_cached(story_copy: Path, private_home: Path) -> None:
    (story_copy / "scenes.yaml").write_text("scenes: [oops\n")
    story, diagnostics = load_story_cached(story_copy)
    assert story is None and diagnostics.errors
    assert _cache_files(private_home) == []


def test_a_damaged_cache_file_is_only_a_miss(story_copy: Path, private_home: Path) -> None:
    load_story_cached(story_copy)
    (cached,) = _cache_files(private_home)
    cached.write_bytes(b"\x80\x04not a pickle at all")
    story, diagnostics = load_story_cached(story_copy)
    assert story is not None and not diagnostics.items
    assert _cache_files(private_home) == [cached] and cached.read_bytes().startswith(b"\x80\x05")  # rebuilt in place


def test_the_cache_is_kept_in_the_user_cache_folder_not_the_data_folder(
    story_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without `RUBY_SPARKS_HOME`, the platform's folders: on Linux, `XDG_CACHE_HOME` for what can be rebuilt."""
    monkeypatch.delenv("RUBY_SPARKS_HOME", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache-home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))
    former = tmp_path / "data-home" / "ruby-sparks" / "cache"
    former.mkdir(parents=True)
    (former / "story-0000000000000000.pickle").write_bytes(b"left by an older version")
    load_story_cached(story_copy)
    assert len(list((tmp_path / "cache-home" / "ruby-sparks").glob("story-*.pickle"))) == 1
    assert list(former.glob("story-*.pickle")) == []


def test_the_cache_can_be_turned_off(story_copy: Path, private_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RUBY_SPARKS_NO_CACHE", "1")
    story, _ = load_story_cached(story_copy)
    assert story is not None and _cache_files(private_home) == []


def test_a_cached_story_reads_pages_as_a_freshly_loaded_one_does(tmp_path: Path) -> None:
    """The typewriter's compiled lexicon is saved beside the cached story and adopted on reading; reading with it must
    match a story loaded (and its lexicon compiled) from scratch."""
    story_dir = tmp_path / "shipped"
    shutil.copytree(shipped_story_dir(), story_dir)
    load_story_cached(story_dir)
    cached, _ = load_story_cached(story_dir)
    fresh, _ = load_story(story_dir)
    assert cached is not None and cached.lexicon is not None and fresh is not None and fresh.lexicon is not None
    pages = yaml.safe_load((Path(__file__).parent / "data" / "pages.yaml").read_text(encoding="utf-8"))["pages"]
    for page in pages:
        assert read_page(cached.lexicon, cached.characters, page["text"]) == read_page(
            fresh.lexicon, fresh.characters, page["text"]
        ), page["text"]


def test_a_cached_story_reads_pages_without_compiling_its_lexicon_again(
    story_copy: Path, private_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Compiling the lexicon was most of a cached `replay --verify`: the cache hands the typewriter the one it saved."""
    load_story_cached(story_copy)
    cached, _ = load_story_cached(story_copy)
    assert cached is not None and cached.lexicon is not None

    def compile_again(*_: object) -> None:
        raise AssertionError("the lexicon was compiled again")

    monkeypatch.setattr("game.typewriter.compiled.build_index", compile_again)
    reading = read_page(cached.lexicon, cached.characters, "She is happy.")
    assert reading.about_ruby


def test_a_damaged_lexicon_index_in_the_cache_is_compiled_afresh_and_the_file_rebuilt(
    story_copy: Path, private_home: Path
) -> None:
    """The compiled lexicon follows the story in the file and is read only when a page is: damaged there, the story
    still loads, the page still reads (the lexicon compiled again), and the file goes so that the next load rebuilds it."""
    load_story_cached(story_copy)
    (cached,) = _cache_files(private_home)
    with cached.open("rb") as handle:
        pickle.load(handle)
        story_part = handle.tell()
    cached.write_bytes(cached.read_bytes()[:story_part] + b"\x80\x05not the index")
    story, diagnostics = load_story_cached(story_copy)
    assert story is not None and story.lexicon is not None and not diagnostics.items
    assert read_page(story.lexicon, story.characters, "She is happy.").about_ruby
    assert _cache_files(private_home) == []
    load_story_cached(story_copy)
    assert _cache_files(private_home) == [cached]


def test_a_huge_file_in_a_story_folder_is_too_large_not_read(story_copy: Path) -> None:
    """Memory is capped at 1 GB; the 3 GB file is sparse, so it costs no disk. Computing the cache key once read it whole."""
    with open(story_copy / "huge.yaml", "wb") as huge:
        huge.truncate(3_000_000_000)

    command = [sys.executable, "-m", "game", "check", str(story_copy)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60, preexec_fn=cap_memory)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "huge.yaml:1:1: error: the file is 3,000,000,000 bytes" in result.stdout


def test_a_lexicon_changed_with_replace_is_read_with_its_own_traits(mini_story: Story) -> None:
    """A lexicon changed with `replace` is another lexicon: the reader compiled for the story's must not read it."""
    assert mini_story.lexicon is not None
    only_happy = replace(mini_story.lexicon, traits=tuple(t for t in mini_story.lexicon.traits if t.id == "happy"))
    reading = read_page(only_happy, mini_story.characters, "She speaks French.")
    assert [trait.id for sentence in reading.sentences for trait in sentence.traits] == []


def test_the_engines_compiled_code_is_kept_between_processes_and_a_damaged_file_ignored(private_home: Path) -> None:
    """The code of the engine's functions is saved at exit beside the cached stories, for every shape of the story
    and not only those the run needed: verifying another route then compiles nothing and leaves the file alone, and
    a damaged file is only a miss, replaced at exit, with the same verdict."""
    replays = assets_dir() / "replays"
    verify = [sys.executable, "-m", "game", "replay", "--verify"]
    first = subprocess.run([*verify, str(replays / "film.json")], capture_output=True, text=True, timeout=120)
    assert first.returncode == 0, first.stderr
    [code] = (private_home / "cache").glob("code-*.marshal")
    written = code.stat()
    other = subprocess.run([*verify, str(replays / "honeymoon.json")], capture_output=True, text=True, timeout=120)
    assert other.returncode == 0 and other.stdout.startswith("valid: ending=the_honeymoon"), other.stderr
    assert (code.stat().st_ino, code.stat().st_mtime_ns) == (written.st_ino, written.st_mtime_ns), "compiled again"
    code.write_bytes(b"\xe3 not marshal data")
    damaged = subprocess.run([*verify, str(replays / "film.json")], capture_output=True, text=True, timeout=120)
    assert (damaged.returncode, damaged.stdout, damaged.stderr) == (0, first.stdout, "")
    assert code.read_bytes() != b"\xe3 not marshal data"


def test_a_flipped_byte_in_the_cached_patterns_is_caught_before_any_page_reads_with_it(
    story_copy: Path, private_home: Path
) -> None:
    """The compiled lexicon's patterns are read stem by stem when pages need them, so a damaged byte among them would
    only show at some later page: the whole index is checked when it is first read, and a damaged one is compiled
    afresh (the same reading) and the file rebuilt."""
    fresh, _ = load_story_cached(story_copy)
    assert fresh is not None and fresh.lexicon is not None
    expected = read_page(fresh.lexicon, fresh.characters, "She is happy.")
    (cached,) = _cache_files(private_home)
    with cached.open("rb") as handle:
        pickle.load(handle)
        story_part = handle.tell()
    data = bytearray(cached.read_bytes())
    unpickler = pickle.Unpickler(io.BytesIO(data[story_part:]))
    unpickler.persistent_load = lambda _: None  # type: ignore[method-assign]  # the story's objects are not needed
    for chunk in unpickler.load().patterns.copy().values():  # each stem's patterns, still as saved
        middle = data.index(chunk) + len(chunk) // 2
        data[middle] ^= 0xFF
    cached.write_bytes(bytes(data))
    story, _ = load_story_cached(story_copy)
    assert story is not None and story.lexicon is not None
    assert read_page(story.lexicon, story.characters, "She is happy.") == expected
    assert _cache_files(private_home) == []


_COUNTING_COMPILES = """
import builtins, sys
compiled = []
builtins.compile = lambda *args, _compile=builtins.compile, **kwargs: compiled.append(args[0]) or _compile(*args, **kwargs)
sys.argv = ["ruby-sparks", "replay", "--verify", sys.argv[1]]
from game.cli import console
code = console()
print("compiled:", compiled, file=sys.stderr)
raise SystemExit(code)
"""


def test_a_cached_verify_compiles_no_python_source(private_home: Path) -> None:
    """Once the story cache and its code file are written, a `replay --verify` runs only code compiled before: the
    first compile() of a process alone builds Python's syntax-tree types (9M instructions, 3% of a verify), and a
    named tuple annotated with text compiles each annotation (see game.story.span)."""
    film = str(assets_dir() / "replays" / "film.json")
    # the game's own bytecode, as `pip install` writes it: without it (PYTHONDONTWRITEBYTECODE, a fresh checkout) every
    # import compiles its module's source, which is not what this test is about
    compileall.compile_dir(str(Path(game.__file__).parent), quiet=1)
    runs = [
        subprocess.run([sys.executable, "-c", _COUNTING_COMPILES, film], capture_output=True, text=True, timeout=120)
        for _ in range(2)
    ]
    assert [run.returncode for run in runs] == [0, 0], runs[-1].stderr
    assert runs[-1].stdout.startswith("valid: ending=film_ending")
    assert runs[-1].stderr.strip() == "compiled: []"


def test_the_engines_recipes_saved_with_a_story_are_the_ones_it_makes_afresh(tmp_path: Path) -> None:
    """The cache saves, with the story, what the engine makes each condition's, effect's, text's and offer's function
    from (`game.engine.compiled.Recipe`): each one read back must be the one made from the story loaded afresh."""
    story_dir = tmp_path / "shipped"
    shutil.copytree(shipped_story_dir(), story_dir)
    load_story_cached(story_dir)
    cached, _ = load_story_cached(story_dir)
    fresh, _ = load_story(story_dir)
    assert cached is not None and fresh is not None
    premade = COMPILED.of(cached)._premade
    made = CompiledStory(fresh)
    saved = 0
    for old, new in zip(_parts(cached), _parts(fresh), strict=True):
        recipe = premade.get(id(old))
        if recipe is None:
            continue
        saved += 1
        if isinstance(new, Condition):
            assert recipe == made.test_recipe(new)
        elif isinstance(new, Effect):
            assert recipe == made.effect_recipe(new)
        elif isinstance(new, Scene):
            assert recipe == made.offer_recipe(new)
        else:
            assert recipe == made.text_recipe(cast("tuple[TextBlock, ...]", new), split_paragraphs)
    assert saved > 1000


def test_a_cached_story_plays_from_its_saved_recipes(story_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Writing a condition's or an offer's source was a tenth of a cached `replay --verify`: a story from the cache
    makes none."""
    load_story_cached(story_copy)
    cached, _ = load_story_cached(story_copy)
    assert cached is not None

    def make_again(*_: object) -> None:
        raise AssertionError("a recipe was made again")

    monkeypatch.setattr(CompiledStory, "test_recipe", make_again)
    monkeypatch.setattr(CompiledStory, "offer_recipe", make_again)
    state, _ = new_game(cached, seed=3)
    state, _ = step(cached, state, ChoiceInput(2))
    assert state.variables["trust"] == 5


def test_a_flipped_byte_in_a_cached_recipe_is_a_miss_and_the_file_rebuilt(story_copy: Path, private_home: Path) -> None:
    """A recipe is the source of a function the engine runs: a damaged byte in the story part of the file (caught by
    its CRC-32) is a miss, the story loaded from its files and the file written again, never a changed condition."""
    load_story_cached(story_copy)
    (cached,) = _cache_files(private_home)
    sound = cached.read_bytes()
    damaged = bytearray(sound)
    at = damaged.index(b"    return ") + len(b"    return ")
    damaged[at] ^= 0x01
    cached.write_bytes(bytes(damaged))
    story, diagnostics = load_story_cached(story_copy)
    assert story is not None and not diagnostics.items
    assert cached.read_bytes() == sound


def test_a_change_to_the_engines_recipe_code_misses_the_cache() -> None:
    """The recipes are source written by game/engine/compiled.py (texts split by runtime.py): a new way to write one
    must not read an old one, even at the same version, as between two commits."""
    stamp = _reader_stamp()
    assert "engine/compiled.py:" in stamp and "engine/runtime.py:" in stamp
