"""`ruby-sparks lsp`: a language server for story folders, over standard input and output (pygls).

It gives an editor what `ruby-sparks check` says, as the author types: each open file's unsaved text is laid over the
folder on disk and the whole story is checked again, so a scene renamed in one file shows its broken `to:` in another.
Checks wait for a pause in the typing and run off the event loop, so requests are answered meanwhile. Definitions,
references, completion, hover and rename come from `lsp_index.StoryIndex`, rebuilt from the current texts when a
request needs it. Every file of a story is one story: a request in one file may answer with places in another.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import re
import sys
from collections.abc import Coroutine
from pathlib import Path
from typing import Any

from lsprotocol import types as lsp
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.uris import from_fs_path, to_fs_path

from game import __version__
from game.authoring.checks import check_story
from game.authoring.lsp_index import MANIFEST, Place, RenameError, StoryIndex, Symbol, story_files, story_root
from game.story.diagnostics import Diagnostic

PAUSE = 0.25
"""Seconds of quiet after an edit before the story is checked again: one check per pause, not one per keystroke."""
REQUEST_FAILED = -32803
KINDS = {
    "key": lsp.CompletionItemKind.Property,
    "scene": lsp.CompletionItemKind.Class,
    "ending": lsp.CompletionItemKind.EnumMember,
    "variable": lsp.CompletionItemKind.Variable,
    "trait": lsp.CompletionItemKind.Field,
    "builtin": lsp.CompletionItemKind.Constant,
    "act": lsp.CompletionItemKind.Module,
    "character": lsp.CompletionItemKind.Struct,
    "choice": lsp.CompletionItemKind.Event,
}


class _Answered(Exception):
    """A request pygls could not read, already answered with its error: nothing more to tell the editor."""


class StoryProtocol(LanguageServerProtocol):
    """pygls reads a request's params before it knows the request, and on a failure only shows a message: the request
    itself went unanswered, so an editor waiting on its id waited for ever. JSON-RPC wants an error response, so the
    error goes back to that id (-32602 for params that do not fit, -32603 for anything else)."""

    def structure_message(self, data: dict[str, Any]) -> Any:
        try:
            return super().structure_message(data)
        except JsonRpcException as error:
            if "jsonrpc" not in data or "method" not in data or not isinstance(data.get("id"), int | str):
                raise  # a notification, or a response: there is nobody waiting to answer
            self._send_response(data["id"], error=error.to_response_error())
            raise _Answered from error


class StoryServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__(
            "ruby-sparks",
            __version__,
            text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental,
            protocol_cls=StoryProtocol,
        )
        self.indexes: dict[Path, StoryIndex] = {}
        self.changed: set[Path] = set()
        self.edits: dict[Path, int] = {}
        self.published: dict[Path, set[str]] = {}
        self.checking = asyncio.Lock()
        self.tasks: set[asyncio.Task[None]] = set()

    def report_server_error(self, error: Exception, source: Any) -> None:
        """A request answered with its error is not shown again as a message."""
        if not isinstance(error, _Answered):
            super().report_server_error(error, source)

    # -- the story a document belongs to, and its texts -----------------------------------------------------------

    def root_of(self, uri: str) -> Path | None:
        path = to_fs_path(uri)
        return story_root(Path(path).resolve()) if path else None

    def texts(self, root: Path) -> dict[str, str]:
        """Every story file's text: the editor's for open documents, the disk's for the rest."""
        texts: dict[str, str] = {}
        for path in story_files(root):
            try:
                texts[str(path)] = path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
        for document in list(self.workspace.text_documents.values()):
            path = Path(document.path).resolve()
            if str(path) in texts:
                texts[str(path)] = document.source
        return texts

    def index(self, root: Path) -> StoryIndex:
        if root in self.changed or root not in self.indexes:
            self.indexes[root] = StoryIndex(root, self.texts(root), self.indexes.get(root))
            self.changed.discard(root)
        return self.indexes[root]

    def lines(self, root: Path, path: str) -> list[str]:
        return self.index(root).texts.get(path, "").split("\n")

    def range_of(self, root: Path, place: Place) -> lsp.Range:
        codec = self.workspace.position_codec
        points = lsp.Range(lsp.Position(place.line, place.start), lsp.Position(place.line, place.end))
        return codec.range_to_client_units(self.lines(root, place.path), points)

    def location(self, root: Path, place: Place) -> lsp.Location:
        return lsp.Location(uri=from_fs_path(place.path) or place.path, range=self.range_of(root, place))

    def symbol_at(self, uri: str, position: lsp.Position) -> tuple[Path, Symbol] | None:
        root = self.root_of(uri)
        path = to_fs_path(uri)
        if root is None or path is None:
            return None
        path = str(Path(path).resolve())
        at = self.workspace.position_codec.position_from_client_units(self.lines(root, path), position)
        symbol = self.index(root).at(path, at.line, at.character)
        return (root, symbol) if symbol is not None else None

    # -- diagnostics ----------------------------------------------------------------------------------------------

    def edited(self, uri: str, pause: float) -> None:
        """An open document changed: the index is stale now, and the story is checked after `pause` seconds of quiet."""
        root = self.root_of(uri)
        if root is None:
            return
        self.changed.add(root)
        self.edits[root] = self.edits.get(root, 0) + 1
        self.spawn(self.check_after(root, self.edits[root], pause))

    def spawn(self, work: Coroutine[Any, Any, None]) -> None:
        task = asyncio.ensure_future(work)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def check_after(self, root: Path, edit: int, pause: float) -> None:
        await asyncio.sleep(pause)
        async with self.checking:
            if self.edits.get(root) != edit:
                return  # a later edit has its own check coming
            # only what the editor holds: a file on disk is checked as it is there, so one that is not UTF-8 is still
            # said to be (its text here was read with replacement characters, for the index)
            overlay = {
                path: document.source.encode("utf-8")
                for document in list(self.workspace.text_documents.values())
                if (path := Path(document.path).resolve()).is_relative_to(root)
            }
            _story, diagnostics = await asyncio.to_thread(check_story, root, None, str(root), overlay)
            self.publish(root, diagnostics.sorted())

    def publish(self, root: Path, found: list[Diagnostic]) -> None:
        by_file: dict[str, list[lsp.Diagnostic]] = {}
        for item in found:
            path = Path(item.file)
            if not path.is_file() or not path.is_relative_to(root):
                path = root / MANIFEST  # a problem of the folder itself (too many files) shows on its manifest
            lines = self.lines(root, str(path))
            by_file.setdefault(str(path), []).append(_diagnostic(item, lines, self.workspace.position_codec))
        for document in list(self.workspace.text_documents.values()):
            if Path(document.path).resolve().is_relative_to(root):
                by_file.setdefault(str(Path(document.path).resolve()), [])  # checked, and clean: the editor knows
        for file in self.published.get(root, set()) - set(by_file):
            by_file[file] = []  # fixed since the last check: clear what the editor shows
        for file, items in by_file.items():
            uri = from_fs_path(file) or file
            self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=items))
        self.published[root] = {file for file, items in by_file.items() if items}


def _diagnostic(item: Diagnostic, lines: list[str], codec: Any) -> lsp.Diagnostic:
    """The checker's line and column (from 1, in characters) as a range over the name there, or up to the next space,
    in the editor's units."""
    line = max(item.line - 1, 0)
    text = lines[line] if line < len(lines) else ""
    start = min(max(item.column - 1, 0), len(text))
    word = re.compile(r"[A-Za-z0-9_]+" if start < len(text) and (text[start].isalnum() or text[start] == "_") else r"\S+")
    match = word.match(text, start)
    end = match.end() if match else start
    points = lsp.Range(lsp.Position(line, start), lsp.Position(line, max(end, start + 1) if text else start))
    return lsp.Diagnostic(
        range=codec.range_to_client_units(lines, points),
        message=item.message,
        severity=lsp.DiagnosticSeverity.Error if item.severity == "error" else lsp.DiagnosticSeverity.Warning,
        code=item.code,
        source="ruby-sparks",
    )


server = StoryServer()


@server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: StoryServer, params: lsp.DidOpenTextDocumentParams) -> None:
    ls.edited(params.text_document.uri, 0)


@server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: StoryServer, params: lsp.DidChangeTextDocumentParams) -> None:
    ls.edited(params.text_document.uri, PAUSE)


@server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: StoryServer, params: lsp.DidSaveTextDocumentParams) -> None:
    ls.edited(params.text_document.uri, 0)


@server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: StoryServer, params: lsp.DidCloseTextDocumentParams) -> None:
    ls.edited(params.text_document.uri, 0)  # the disk's text counts again


@server.feature(lsp.TEXT_DOCUMENT_DEFINITION)
def definition(ls: StoryServer, params: lsp.DefinitionParams) -> lsp.Location | None:
    found = ls.symbol_at(params.text_document.uri, params.position)
    if found is None:
        return None
    root, symbol = found
    target = ls.index(root).definition(symbol)
    return ls.location(root, target.place) if target is not None else None


@server.feature(lsp.TEXT_DOCUMENT_REFERENCES)
def references(ls: StoryServer, params: lsp.ReferenceParams) -> list[lsp.Location]:
    found = ls.symbol_at(params.text_document.uri, params.position)
    if found is None:
        return []
    root, symbol = found
    return [ls.location(root, s.place) for s in ls.index(root).references(symbol, params.context.include_declaration)]


@server.feature(lsp.TEXT_DOCUMENT_HOVER)
def hover(ls: StoryServer, params: lsp.HoverParams) -> lsp.Hover | None:
    found = ls.symbol_at(params.text_document.uri, params.position)
    if found is None:
        return None
    root, symbol = found
    text = ls.index(root).hover(symbol)
    return lsp.Hover(lsp.MarkupContent(lsp.MarkupKind.Markdown, text), ls.range_of(root, symbol.place))


@server.feature(lsp.TEXT_DOCUMENT_COMPLETION, lsp.CompletionOptions(trigger_characters=[":", "{", " ", "("]))
def completion(ls: StoryServer, params: lsp.CompletionParams) -> lsp.CompletionList:
    uri = params.text_document.uri
    root = ls.root_of(uri)
    if root is None:
        return lsp.CompletionList(is_incomplete=False, items=[])
    document = ls.workspace.get_text_document(uri)
    at = document.position_codec.position_from_client_units(document.lines, params.position)
    manifest = Path(document.path).name == MANIFEST
    found = ls.index(root).completions(document.source, at.line, at.character, manifest)
    items = [
        lsp.CompletionItem(
            label=label,
            kind=KINDS.get(kind, lsp.CompletionItemKind.Text),
            detail=kind,
            documentation=lsp.MarkupContent(lsp.MarkupKind.Markdown, detail) if detail else None,
        )
        for label, kind, detail in found
    ]
    return lsp.CompletionList(is_incomplete=False, items=items)


@server.feature(lsp.TEXT_DOCUMENT_PREPARE_RENAME)
def prepare_rename(ls: StoryServer, params: lsp.PrepareRenameParams) -> lsp.Range | None:
    found = ls.symbol_at(params.text_document.uri, params.position)
    if found is None:
        return None
    root, symbol = found
    try:
        ls.index(root).rename(symbol, symbol.name)
    except RenameError as error:
        raise JsonRpcException(str(error), REQUEST_FAILED) from None
    return ls.range_of(root, symbol.place)


@server.feature(lsp.TEXT_DOCUMENT_RENAME)
def rename(ls: StoryServer, params: lsp.RenameParams) -> lsp.WorkspaceEdit | None:
    found = ls.symbol_at(params.text_document.uri, params.position)
    if found is None:
        return None
    root, symbol = found
    try:
        places = ls.index(root).rename(symbol, params.new_name)
    except RenameError as error:
        raise JsonRpcException(str(error), REQUEST_FAILED) from None
    changes: dict[str, list[lsp.TextEdit]] = {}
    for place in places:
        uri = from_fs_path(place.path) or place.path
        changes.setdefault(uri, []).append(lsp.TextEdit(range=ls.range_of(root, place), new_text=params.new_name))
    return lsp.WorkspaceEdit(changes=changes)


def serve() -> None:
    """Answer an editor on standard input and output until it says `exit`. The server talks over copies of the two
    streams, which it closes when it stops, and anything else printed goes to stderr: a stray line on stdout would
    break the protocol."""
    logging.getLogger("pygls").setLevel(logging.CRITICAL)  # a refused rename is an answer, not a traceback on stderr
    stdin = os.fdopen(os.dup(sys.stdin.fileno()), "rb")
    stdout = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    with contextlib.redirect_stdout(sys.stderr):
        server.start_io(stdin, stdout)
