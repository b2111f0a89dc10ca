"""`ruby-sparks lsp` end to end: a real client (pytest-lsp) talks to the console script over stdio, on a copy of the
mini story, as an editor would: it opens files, types into them, and asks where things are."""

from __future__ import annotations

import asyncio
import json
import re
import shutil
import subprocess
import sys
from collections.abc import AsyncIterator, Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
import pytest_lsp
import yaml
from lsprotocol import types as lsp
from pygls.exceptions import JsonRpcException
from pygls.uris import from_fs_path
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from game.authoring.lsp_index import RenameError, StoryIndex, completion_context
from game.story.loader import load_story
from tests.conftest import MINI, console_script

SECONDS = 60
"""How long a test waits for the server's answer before it fails (a busy CI machine may take a few seconds)."""


@pytest.fixture
def story(tmp_path: Path) -> Path:
    target = tmp_path / "mini"
    shutil.copytree(MINI, target)
    return target.resolve()


SERVER = ClientServerConfig(server_command=[*console_script(), "lsp"])


async def session(client: LanguageClient, story: Path, editor: str) -> AsyncIterator[None]:
    """A session as `editor` opens one (its recorded capabilities), on the story's folder."""
    params = lsp.InitializeParams(
        capabilities=client_capabilities(editor), workspace_folders=[lsp.WorkspaceFolder(uri=uri(story), name="mini")]
    )
    await client.initialize_session(params)
    yield
    await client.shutdown_session()


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: LanguageClient, story: Path) -> AsyncIterator[None]:
    """VS Code, which counts columns in UTF-16 units."""
    async for _ in session(lsp_client, story, "visual-studio-code"):
        yield


@pytest_lsp.fixture(config=SERVER)
async def neovim(lsp_client: LanguageClient, story: Path) -> AsyncIterator[None]:
    """Neovim, which prefers UTF-8 bytes."""
    async for _ in session(lsp_client, story, "neovim"):
        yield


def uri(path: Path) -> str:
    return str(from_fs_path(str(path)))


def open_file(client: LanguageClient, path: Path) -> str:
    client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(uri(path), "yaml", 1, path.read_text(encoding="utf-8")))
    )
    return uri(path)


def replace_line(client: LanguageClient, path: Path, line: int, text: str, version: int) -> None:
    """Type over one whole line (numbered from 0), as an incremental change: the range ends where the next line starts,
    so it does not depend on what the line held before."""
    change = lsp.TextDocumentContentChangePartial(
        range=lsp.Range(lsp.Position(line, 0), lsp.Position(line + 1, 0)), text=text + "\n"
    )
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(lsp.VersionedTextDocumentIdentifier(version, uri(path)), [change])
    )


async def diagnostics(
    client: LanguageClient, path: Path, holds: Callable[[Sequence[lsp.Diagnostic]], bool]
) -> Sequence[lsp.Diagnostic]:
    """The diagnostics the server last published for `path`, once they satisfy `holds` (each new publication is
    looked at as it comes; the test fails if none does within SECONDS)."""

    async def published() -> Sequence[lsp.Diagnostic]:
        while not (uri(path) in client.diagnostics and holds(client.diagnostics[uri(path)])):
            await client.wait_for_notification(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        return client.diagnostics[uri(path)]

    return await asyncio.wait_for(published(), SECONDS)


def position_of(path: Path, needle: str, nth: int = 0, offset: int = 0) -> lsp.Position:
    """Where the `nth` occurrence of `needle` is in the file, `offset` characters in."""
    lines = path.read_text(encoding="utf-8").split("\n")
    found = [(n, line.index(needle)) for n, line in enumerate(lines) if needle in line]
    line, column = found[nth]
    return lsp.Position(line, column + offset)


def codes(found: Sequence[lsp.Diagnostic]) -> set[str]:
    return {str(d.code) for d in found}


async def test_diagnostics_on_open_point_at_the_mistake(client: LanguageClient, story: Path) -> None:
    scenes = story / "scenes.yaml"
    scenes.write_text(scenes.read_text().replace("to: page", "to: pgae", 1))
    open_file(client, scenes)
    found = await diagnostics(client, scenes, lambda d: bool(d))
    [problem] = [d for d in found if d.severity == lsp.DiagnosticSeverity.Error]
    assert problem.code == "unknown-target" and "did you mean `page`" in problem.message
    assert problem.severity == lsp.DiagnosticSeverity.Error and problem.source == "ruby-sparks"
    assert problem.range == lsp.Range(position_of(scenes, "pgae"), position_of(scenes, "pgae", offset=4))


async def test_diagnostics_follow_the_unsaved_text_across_files(client: LanguageClient, story: Path) -> None:
    """Typing a typo into a condition shows it before any save; renaming the start scene in the buffer breaks the
    manifest's `start`, which is reported on story.yaml though it is not open; undoing both clears everything."""
    scenes = story / "scenes.yaml"
    original = scenes.read_text().split("\n")
    open_file(client, scenes)
    assert not await diagnostics(client, scenes, lambda d: True)
    vow = position_of(scenes, 'if: "not vow"').line
    replace_line(client, scenes, vow, '        if: "not vwo"', 2)
    found = await diagnostics(client, scenes, lambda d: bool(d))
    assert codes(found) == {"unknown-name"} and "did you mean `vow`" in found[0].message
    assert found[0].range == lsp.Range(lsp.Position(vow, 17), lsp.Position(vow, 20))
    desk = position_of(scenes, "- id: desk").line
    replace_line(client, scenes, desk, "  - id: study", 3)
    manifest = await diagnostics(client, story / "story.yaml", lambda d: "unknown-target" in codes(d))
    assert "`desk`" in manifest[0].message
    assert scenes.read_text().split("\n") == original, "the server must never write the file"
    replace_line(client, scenes, vow, original[vow], 4)
    replace_line(client, scenes, desk, original[desk], 5)
    assert not await diagnostics(client, story / "story.yaml", lambda d: not d)
    assert not await diagnostics(client, scenes, lambda d: not d)


async def test_a_file_on_disk_that_is_not_utf8_is_said_to_be(client: LanguageClient, story: Path) -> None:
    """As `check` says it: the server reads files it does not hold as they are on disk, not with its index's
    replacement characters."""
    manifest = story / "story.yaml"
    manifest.write_bytes(manifest.read_bytes().replace(b"author: Tests", b"author: Caf\xe9 Tests"))  # Latin-1
    open_file(client, story / "scenes.yaml")
    found = await diagnostics(client, manifest, lambda d: bool(d))
    assert codes(found) == {"not-text"} and "not UTF-8" in found[0].message


async def test_definition_of_a_scene_a_variable_and_a_trait(client: LanguageClient, story: Path) -> None:
    scenes, manifest, lexicon = story / "scenes.yaml", story / "story.yaml", story / "lexicon.yaml"
    document = lsp.TextDocumentIdentifier(open_file(client, scenes))
    for used, defined, where in (
        (position_of(scenes, "to: after", offset=5), position_of(scenes, "id: after", offset=4), scenes),
        (position_of(scenes, '"not vow"', offset=6), position_of(manifest, "vow:"), manifest),
        (position_of(scenes, "wrote: speaks_french", offset=9), position_of(lexicon, "id: speaks_french", offset=4), lexicon),
    ):
        found = await client.text_document_definition_async(lsp.DefinitionParams(document, used))
        assert isinstance(found, lsp.Location)
        assert (found.uri, found.range.start) == (uri(where), defined)


async def test_references_of_a_variable_across_files(client: LanguageClient, story: Path) -> None:
    """Every `trust` of the story, whole word and lower case: its declaration, effects in two files, `{trust}` in
    two texts. ("Trust was" and "trusts" are prose.)"""
    manifest = story / "story.yaml"
    document = lsp.TextDocumentIdentifier(open_file(client, manifest))
    at = position_of(manifest, "trust:", offset=1)
    found = await client.text_document_references_async(
        lsp.ReferenceParams(context=lsp.ReferenceContext(include_declaration=True), text_document=document, position=at)
    )
    places = sorted((Path(str(f.uri)).name, f.range.start.line, f.range.start.character) for f in found)
    expected = sorted(
        (name, number, word.start())
        for name in ("story.yaml", "scenes.yaml", "lexicon.yaml")
        for number, line in enumerate((story / name).read_text().split("\n"))
        for word in re.finditer(r"\btrust\b", line)
    )
    assert places == expected and len(places) == 6
    without = await client.text_document_references_async(
        lsp.ReferenceParams(context=lsp.ReferenceContext(include_declaration=False), text_document=document, position=at)
    )
    assert without is not None and len(without) == len(found) - 1


async def test_completion_offers_targets_names_and_keys(client: LanguageClient, story: Path) -> None:
    scenes = story / "scenes.yaml"
    document = lsp.TextDocumentIdentifier(open_file(client, scenes))

    async def labels(line: str, at_line: int, version: int) -> set[str]:
        replace_line(client, scenes, at_line, line, version)
        result = await client.text_document_completion_async(lsp.CompletionParams(document, lsp.Position(at_line, len(line))))
        assert isinstance(result, lsp.CompletionList)
        return {item.label for item in result.items}

    to_line = position_of(scenes, "to: page").line
    assert await labels("        to: ", to_line, 2) == {"desk", "page", "after", "quiet"}
    condition_line = position_of(scenes, 'if: "not vow"').line
    names = await labels('        if: "not v', condition_line, 3)
    assert {"trust", "vow", "language", "warmth", "control", "speaks_french", "happy", "turn"} <= names
    assert "desk" not in names
    keys = await labels("        ", condition_line, 4)
    assert {"label", "to", "if", "do", "text"} <= keys and "typewriter" not in keys
    wrote = await labels("        - wrote: ", position_of(scenes, "- wrote: speaks_french").line, 5)
    assert wrote == {"speaks_french", "happy"}


async def test_hover_shows_a_scene_title_and_first_lines(client: LanguageClient, story: Path) -> None:
    scenes = story / "scenes.yaml"
    document = lsp.TextDocumentIdentifier(open_file(client, scenes))
    found = await client.text_document_hover_async(lsp.HoverParams(document, position_of(scenes, "to: desk", offset=5)))
    assert found is not None and isinstance(found.contents, lsp.MarkupContent)
    assert found.contents.value.startswith("**The Desk** · scene `desk`")
    assert "The typewriter waits." in found.contents.value


async def _send(server: asyncio.subprocess.Process, message: dict[str, object]) -> None:
    assert server.stdin is not None
    body = json.dumps({"jsonrpc": "2.0", **message}).encode()
    server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    await server.stdin.drain()


async def _received(server: asyncio.subprocess.Process) -> dict[str, Any]:
    assert server.stdout is not None
    length = 0
    while (header := await server.stdout.readline()).strip():
        if header.lower().startswith(b"content-length:"):
            length = int(header.split(b":")[1])
    message: dict[str, Any] = json.loads(await server.stdout.readexactly(length))
    return message


@pytest.mark.parametrize("method", [lsp.TEXT_DOCUMENT_HOVER, lsp.TEXT_DOCUMENT_DEFINITION, lsp.TEXT_DOCUMENT_RENAME])
async def test_a_request_with_params_that_do_not_fit_is_answered_with_an_error(story: Path, method: str) -> None:
    """JSON-RPC answers every request: an editor waiting on the id must get an error (-32602), not only a message in
    a box. Raw bytes over the server's pipes, since a real client will not send params that do not fit."""
    server = await asyncio.create_subprocess_exec(
        *console_script(), "lsp", stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    )
    try:
        await _send(server, {"id": 1, "method": "initialize", "params": {"capabilities": {}, "rootUri": uri(story)}})
        await _send(server, {"method": "initialized", "params": {}})
        await _send(server, {"id": 2, "method": method, "params": {"textDocument": 42, "position": "here"}})
        await _send(server, {"id": 3, "method": "shutdown"})
        received: list[dict[str, Any]] = []
        while not received or received[-1].get("id") != 3:  # the answers come in order: all are in once 3's is
            received.append(await asyncio.wait_for(_received(server), SECONDS))
        await _send(server, {"method": "exit"})
        await asyncio.wait_for(server.wait(), SECONDS)
    finally:
        if server.returncode is None:
            server.kill()
            await server.wait()
    (answer,) = [message for message in received if message.get("id") == 2]
    assert answer["error"]["code"] == -32602
    assert [m for m in received if m.get("method") == lsp.WINDOW_SHOW_MESSAGE] == []  # answered, not also in a box


async def test_rename_a_scene_across_files(client: LanguageClient, story: Path) -> None:
    scenes = story / "scenes.yaml"
    document = lsp.TextDocumentIdentifier(open_file(client, scenes))
    at = position_of(scenes, "id: desk", offset=5)
    prepared = await client.text_document_prepare_rename_async(lsp.PrepareRenameParams(document, at))
    assert prepared == lsp.Range(position_of(scenes, "id: desk", offset=4), position_of(scenes, "id: desk", offset=8))
    edit = await client.text_document_rename_async(lsp.RenameParams(document, at, "study"))
    assert edit is not None and edit.changes is not None
    assert set(edit.changes) == {uri(scenes), uri(story / "story.yaml")}
    for target, edits in edit.changes.items():
        path = Path(str(target).removeprefix("file://"))
        lines = path.read_text().split("\n")
        for change in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
            line = lines[change.range.start.line]
            assert line[change.range.start.character : change.range.end.character] == "desk"
            lines[change.range.start.line] = line[: change.range.start.character] + "study" + line[change.range.end.character :]
        path.write_text("\n".join(lines))
    story_after, found = load_story(story)
    assert story_after is not None, [str(d) for d in found.errors]
    assert story_after.start == "study" and "study" in story_after.scenes and "desk" not in story_after.scenes
    assert yaml.safe_load(scenes.read_text())["scenes"][0]["id"] == "study"
    with pytest.raises(JsonRpcException, match="already has a scene called `page`"):
        await client.text_document_rename_async(lsp.RenameParams(document, at, "page"))


async def test_columns_are_counted_in_the_editors_units(neovim: LanguageClient, story: Path) -> None:
    """After a clef (one character, four UTF-8 bytes) and an accent (two), `{language}` starts 6 characters in but at
    byte 10: Neovim asked for UTF-8, so the server must answer in bytes."""
    scenes = story / "scenes.yaml"
    scenes.write_text(scenes.read_text().replace('text: "Language:', 'text: "𝄞 Café. Language:'))
    manifest = story / "story.yaml"
    document = lsp.TextDocumentIdentifier(open_file(neovim, manifest))
    at = position_of(manifest, "language:", offset=2)
    found = await neovim.text_document_references_async(
        lsp.ReferenceParams(context=lsp.ReferenceContext(include_declaration=False), text_document=document, position=at)
    )
    line = position_of(scenes, "{language}").line
    text = scenes.read_text().split("\n")[line]
    start = len(text[: text.index("{language}") + 1].encode("utf-8"))
    assert lsp.Location(uri(scenes), lsp.Range(lsp.Position(line, start), lsp.Position(line, start + 8))) in (found or [])


def test_without_pygls_the_command_says_how_to_install_it() -> None:
    """A Python where pygls cannot be imported gets one line with the install command, not a traceback."""
    program = "import sys; sys.modules['pygls'] = None; from game.commands import main; sys.exit(main(['lsp']))"
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=SECONDS)
    assert result.returncode == 1
    assert "pip install 'ruby-sparks[lsp]'" in result.stderr and "Traceback" not in result.stderr


COMPLETING = """scenes:
  - id: lamp_room
    text:
      - {if: "oil < 2", text: "The lamp is {o
      - {
    choices:
      - label: Fill the lamp
        do:
          - "o
        to: la

      - {to: j
    typewriter:
      outcomes:
        - wrote: [brave, p
  - id: wheel
    text:
      - Grey light. You have {o
"""


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (3, ("expression", "")),  # a `{` open in a text block's text
        (4, ("key", "text_block")),  # a flow mapping just opened, in `text`
        (8, ("expression", "")),  # an effect in a `do` list, on its own line
        (9, ("target", "")),
        (10, ("key", "choice")),  # an empty line inside a choice
        (11, ("target", "")),
        (14, ("trait", "")),  # a flow list of `wrote`
        (17, ("expression", "")),  # a `{` inside a plain text item is a hole in the text, not a mapping
        (1, None),  # a scene's id is a new name: nothing to offer
    ],
)
def test_completion_reads_where_the_cursor_is(line: int, expected: tuple[str, str] | None) -> None:
    lines = COMPLETING.split("\n")
    column = len(lines[line]) if line != 10 else 8
    assert completion_context(lines, line, column, manifest=False) == expected


def test_completion_in_the_manifest() -> None:
    lines = ["format: 1", "start: l", "variables:", "  oil: {type: int, de", "seems:", '  - {if: "b']
    assert [completion_context(lines, n, len(lines[n]), manifest=True) for n in (1, 3, 5)] == [
        ("target", ""),
        ("key", "variable"),
        ("expression", ""),
    ]


def test_names_are_found_in_block_and_escaped_scalars(tmp_path: Path) -> None:
    """A block scalar and a double-quoted string with escapes do not sit where their value's offsets say: the index
    finds the same occurrence in the file's text instead."""
    scenes = tmp_path / "scenes.yaml"
    scenes.write_text(
        "scenes:\n"
        "  - id: a\n"
        "    text: |\n"
        "      The trust you had.\n"
        "      Trust is {trust}.\n"
        '    choices: [{label: "Say \\"hi\\" ({trust})", do: "trust += 1", to: a}]\n'
    )
    (tmp_path / "story.yaml").write_text("variables:\n  trust: {type: int, default: 0}\n")
    texts = {str(path): path.read_text() for path in (scenes, tmp_path / "story.yaml")}
    index = StoryIndex(tmp_path, texts)
    definition = index.definitions[("variable", "trust")]
    found = [(s.place.line, s.place.start) for s in index.references(definition) if s.place.path == str(scenes)]
    choices = scenes.read_text().split("\n")[5]
    assert found == [(4, 16), (5, choices.index("{trust}") + 1), (5, choices.index('"trust +=') + 1)]
    with pytest.raises(RenameError, match="not an id"):
        index.rename(definition, "2trust")
    with pytest.raises(RenameError, match="word of the expression language"):
        index.rename(definition, "turn")
