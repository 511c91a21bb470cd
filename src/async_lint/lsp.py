"""`async-lint server`: the engine behind an editor, over the Language Server Protocol.

A thin adapter on pygls 2.x; only `async-lint server` imports it, so pygls
stays an optional extra (`async-lint[lsp]`). Each open document is linted
alone with `engine.lint_source`, so the transitive rules (ASL110, ASL402)
follow chains inside that module only, as under flake8; `async-lint check`
sees the whole project.

Why it is built this way:

- Lints run in a worker thread (`asyncio.to_thread`), so a slow file never
  stalls the protocol; a change waits `DEBOUNCE` seconds and cancels the lint
  still pending for the document, and results are published only for the
  version they were computed from.
- Documents are synchronised in full: pygls applies incremental changes on
  `str.splitlines` lines, which also break at form feeds and U+2028, where the
  client and libcst do not.
- Positions: the engine counts columns in code points; they are converted with
  the document's own lines (`\\n`, `\\r\\n`, `\\r`) into the negotiated
  `positionEncoding` (UTF-16 unless the client offers another).
- Code actions are computed from a fresh lint of the document's current text
  (cached per version), never from what the client sends back.
"""

from __future__ import annotations

import asyncio
import difflib
import functools
import inspect
import os
import re
import sys
import threading
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from lsprotocol import types
from pygls import uris
from pygls.capabilities import get_capability
from pygls.lsp.server import LanguageServer

from async_lint import __version__, engine, noqa, rules
from async_lint.config import ConfigError, Settings, find_config, load_config
from async_lint.diagnostics import Applicability, Diagnostic, Edit, Position
from async_lint.discovery import is_excluded
from async_lint.fixes.apply import fix_source
from async_lint.rules.base import Severity

SOURCE = "async-lint"
DEBOUNCE = 0.3  # seconds of quiet after a change before it is linted
FIX_ALL = f"{types.CodeActionKind.SourceFixAll.value}.{SOURCE}"
CODE_ACTION_KINDS = (types.CodeActionKind.QuickFix, FIX_ALL)
WATCHER_ID = "async-lint/pyproject.toml"
_PYTHON_SUFFIXES = (".py", ".pyi")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # the line breaks of LSP, and of libcst
_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.NOTE: types.DiagnosticSeverity.Information,
}


def serve() -> int:
    """Run the server on stdin/stdout until the client says `exit`."""
    out = sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print must not corrupt the protocol stream
    create_server().start_io(sys.stdin.buffer, out)
    return 0


# -- positions ------------------------------------------------------------------


class _Lines:
    """A text's lines as the client counts them, to convert the engine's
    positions (1-based line, code-point column) into LSP positions."""

    def __init__(self, text: str, units: Callable[[str], int]) -> None:
        self.units = units  # code units of the negotiated encoding in a string
        starts = [0, *(match.end() for match in _LINE_BREAK.finditer(text))]
        ends = [*starts[1:], len(text)]
        self.with_breaks = [text[start:end] for start, end in zip(starts, ends, strict=True)]
        self.bare = [line.rstrip("\r\n") for line in self.with_breaks]

    @property
    def end(self) -> types.Position:
        return types.Position(len(self.bare) - 1, self.units(self.bare[-1]))

    def position(self, at: Position) -> types.Position:
        index = at.line - 1
        if index >= len(self.bare):
            return self.end
        return types.Position(index, self.units(self.bare[index][: at.column]))

    def range(self, start: Position, end: Position) -> types.Range:
        return types.Range(self.position(start), self.position(end))

    def line_start(self, index: int) -> types.Position:
        """The start of 0-based line `index`; the end of the text past its last line."""
        return types.Position(index, 0) if index < len(self.bare) else self.end


def _overlaps(a: types.Range, b: types.Range) -> bool:
    def key(position: types.Position) -> tuple[int, int]:
        return position.line, position.character

    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


# -- settings ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Config:
    settings: Settings
    error: str | None  # the configuration error, when the defaults stand in
    stamp: tuple  # the candidate pyproject.toml files' mtimes and sizes


class _Configs:
    """Settings for a document's directory, from the nearest pyproject.toml with
    `[tool.async-lint]` (as `async-lint check` finds it), cached until one of the
    pyproject.toml files at or above the directory changes on disk."""

    def __init__(self) -> None:
        self._cache: dict[str, _Config] = {}
        self._lock = threading.Lock()  # lints of several documents run at once

    def get(self, directory: str) -> tuple[_Config, bool]:
        """The configuration, and whether it changed since it was last read."""
        stamp = _stamp(directory)
        with self._lock:
            cached = self._cache.get(directory)
        if cached is not None and cached.stamp == stamp:
            return cached, False
        try:
            found = find_config(Path(directory))
            settings = load_config(found) if found else Settings(root=Path(directory))
            error = None
        except ConfigError as problem:
            settings, error = Settings(root=Path(directory)), str(problem)
        config = _Config(settings, error, stamp)
        with self._lock:
            self._cache[directory] = config
        changed = cached is not None and (cached.settings, cached.error) != (settings, error)
        return config, changed

    def clear(self) -> None:
        with self._lock:
            self._cache.clear()


def _stamp(directory: str) -> tuple:
    stamps = []
    for candidate in (directory, *map(str, Path(directory).parents)):
        try:
            status = os.stat(os.path.join(candidate, "pyproject.toml"))
        except OSError:
            stamps.append(None)
        else:
            stamps.append((status.st_mtime_ns, status.st_size))
    return tuple(stamps)


# -- one lint of one document -------------------------------------------------------


@dataclass
class _Linted:
    """A document version's findings, in the engine's terms and the client's."""

    uri: str
    version: int | None
    text: str
    lines: _Lines
    path: str | None  # None for a document that is not a file (untitled)
    directory: str  # where its configuration is looked up
    settings: Settings
    diagnostics: list[Diagnostic]
    published: list[types.Diagnostic]
    config: _Config | None = None
    config_changed: bool = False
    fix_all: list[types.TextEdit] | None = field(default=None, repr=False)  # once computed

    @property
    def display(self) -> str:
        return self.path or "-"

    def lint(self, text: str) -> list[Diagnostic]:
        return engine.lint_source(text, self.display, self.settings, path=self.path).diagnostics


def _to_lsp(diagnostic: Diagnostic, lines: _Lines, version: int | None) -> types.Diagnostic:
    fix = diagnostic.fix
    data = {"version": version, "fix": None}
    if fix is not None:
        data["fix"] = {"message": fix.message, "applicability": fix.applicability.value}
    return types.Diagnostic(
        range=lines.range(diagnostic.start, diagnostic.end),
        message=diagnostic.message,
        severity=_SEVERITY[rules.severity(diagnostic.code)],
        code=diagnostic.code,
        code_description=types.CodeDescription(href=rules.docs_url(diagnostic.code)),
        source=SOURCE,
        data=data,
    )


def _merged(edits: Sequence[Edit]) -> list[Edit]:
    """Edits that touch merged into one: an insertion at the start of a
    replacement is otherwise applied in an order the protocol leaves open."""
    merged: list[Edit] = []
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if merged and edit.start == merged[-1].end:
            last = merged.pop()
            edit = Edit(last.start, edit.end, last.content + edit.content)
        merged.append(edit)
    return merged


def _fixed_edits(before: _Lines, after: str) -> list[types.TextEdit]:
    """The whole-line edits that turn `before` into `after`: the changed lines
    only, so that the editor keeps the cursor and folds elsewhere."""
    old = [line for line in before.with_breaks if line]
    new = [line for line in _Lines(after, len).with_breaks if line]
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return [
        types.TextEdit(
            range=types.Range(before.line_start(i1), before.line_start(i2)),
            new_text="".join(new[j1:j2]),
        )
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]


def _wants(only: Sequence[str] | None, kind: str) -> bool:
    """Does the request's `only` filter admit actions of `kind`? (Kinds may come
    as enum members, whose str() is not their value on every Python.)"""
    if only is None:
        return True
    kind = _value(kind)
    return any(kind == k or kind.startswith(f"{k}.") for k in map(_value, only))


def _value(kind: Any) -> str:
    return str(getattr(kind, "value", kind))


# -- the server ---------------------------------------------------------------------


class AsyncLintServer(LanguageServer):
    """The documents' pending lints, their last results and the settings cache."""

    def __init__(self) -> None:
        super().__init__(
            SOURCE, __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full
        )
        self.configs = _Configs()
        self.linted: dict[str, _Linted] = {}  # by uri: the last published lint
        self.pending: dict[str, asyncio.Task] = {}  # by uri: the lint to come
        self.shown_errors: set[str] = set()  # configuration errors shown already

    # -- reporting ------------------------------------------------------------

    def log(self, message: str, kind: types.MessageType = types.MessageType.Info) -> None:
        self.window_log_message(types.LogMessageParams(type=kind, message=message))

    def log_exception(self, where: str) -> None:
        self.log(f"async-lint: {where} failed:\n{traceback.format_exc()}", types.MessageType.Error)

    def guarded(self, where: str, fallback: Callable[[Any], Any] = lambda params: None):
        """Handlers never let an exception out: it is logged, and `fallback(params)`
        answers the request."""

        def decorate(handler):
            if inspect.iscoroutinefunction(handler):

                @functools.wraps(handler)
                async def run_async(params):
                    try:
                        return await handler(params)
                    except asyncio.CancelledError:
                        raise
                    except Exception:  # noqa: BLE001 - logged; the server goes on
                        self.log_exception(where)
                        return fallback(params)

                return run_async

            @functools.wraps(handler)
            def run(params):
                try:
                    return handler(params)
                except Exception:  # noqa: BLE001 - logged; the server goes on
                    self.log_exception(where)
                    return fallback(params)

            return run

        return decorate

    # -- documents ----------------------------------------------------------------

    def document(self, uri: str):
        """The open Python document at `uri`, or None."""
        document = self.workspace.text_documents.get(unquote(uri))
        if document is None:
            return None
        path = uris.to_fs_path(uri) if uri.startswith("file:") else None
        if document.language_id == "python" or (path or uri).endswith(_PYTHON_SUFFIXES):
            return document
        return None

    def schedule(self, uri: str, delay: float = 0.0) -> None:
        """Lint the document after `delay` seconds, instead of any lint pending for it."""
        previous = self.pending.pop(uri, None)
        if previous is not None:
            previous.cancel()
        task = asyncio.get_running_loop().create_task(self._lint_and_publish(uri, delay))
        self.pending[uri] = task
        task.add_done_callback(functools.partial(self._done, uri))

    def _done(self, uri: str, task: asyncio.Task) -> None:
        if self.pending.get(uri) is task:
            del self.pending[uri]

    def open_uris(self) -> list[str]:
        """The open Python documents, as the client named them."""
        documents = list(self.workspace.text_documents.values())
        return [d.uri for d in documents if self.document(d.uri) is not None]

    def relint_all(self) -> None:
        for uri in self.open_uris():
            self.schedule(uri)

    def forget(self, uri: str) -> None:
        task = self.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        self.linted.pop(uri, None)

    async def _lint_and_publish(self, uri: str, delay: float) -> None:
        try:
            if delay:
                await asyncio.sleep(delay)
            linted = await self.fresh(uri)
            if linted is None:
                return
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(
                    uri=uri, diagnostics=linted.published, version=linted.version
                )
            )
        except asyncio.CancelledError:
            raise
        except Exception:  # noqa: BLE001 - logged; the server goes on
            self.log_exception(f"linting {uri}")

    async def fresh(self, uri: str) -> _Linted | None:
        """The lint of the document's current text (the last one, if still current);
        None when the document was closed or changed while it was linted."""
        document = self.document(uri)
        if document is None:
            return None
        version, text = document.version, document.source
        cached = self.linted.get(uri)
        if (
            cached is not None
            and (cached.version, cached.text) == (version, text)
            and cached.config is not None
            and _stamp(cached.directory) == cached.config.stamp  # the settings stand
        ):
            return cached
        linted = await asyncio.to_thread(self._lint, uri, version, text)
        current = self.document(uri)
        if current is None or current.version != version or current.source != text:
            return None  # stale: the lint of the newer version is on its way
        self.linted[uri] = linted
        self._report_config(linted)
        return linted

    def _lint(self, uri: str, version: int | None, text: str) -> _Linted:
        """Lint one version of a document (in a worker thread)."""
        path = uris.to_fs_path(uri) if uri.startswith("file:") else None
        lines = _Lines(text, self.workspace.position_codec.client_num_units)
        directory = os.path.dirname(path) if path else self._root()
        config, changed = self.configs.get(directory)
        linted = _Linted(
            uri, version, text, lines, path, directory, config.settings, [], [], config, changed
        )
        if path is not None and is_excluded(path, config.settings):
            return linted
        linted.diagnostics = linted.lint(text)
        linted.published = [_to_lsp(d, lines, version) for d in linted.diagnostics]
        return linted

    def _root(self) -> str:
        root = self.workspace.root_path
        return root if root and os.path.isdir(root) else os.getcwd()

    def _report_config(self, linted: _Linted) -> None:
        """Show a configuration error once; when a lint found the settings changed
        on disk, lint the other open documents again too."""
        if linted.config_changed:
            self.log("async-lint: the configuration changed; linting the open documents again")
            self.configs.clear()
            self.shown_errors.clear()
            for uri in self.open_uris():
                if uri != linted.uri:
                    self.schedule(uri)
        config = linted.config
        if config is not None and config.error and config.error not in self.shown_errors:
            self.shown_errors.add(config.error)
            message = f"async-lint: {config.error} (linting with the default settings)"
            self.window_show_message(
                types.ShowMessageParams(type=types.MessageType.Error, message=message)
            )
            self.log(message, types.MessageType.Error)

    # -- code actions -------------------------------------------------------------

    def workspace_edit(self, linted: _Linted, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
        """One document's edits, tied to its version when the client can check it."""
        capabilities = self.client_capabilities
        if get_capability(capabilities, "workspace.workspace_edit.document_changes", False):
            document = types.OptionalVersionedTextDocumentIdentifier(
                uri=linted.uri, version=linted.version
            )
            return types.WorkspaceEdit(
                document_changes=[types.TextDocumentEdit(text_document=document, edits=edits)]
            )
        return types.WorkspaceEdit(changes={linted.uri: edits})

    def line_actions(self, linted: _Linted, wanted: types.Range) -> list[types.CodeAction]:
        """The quick fixes and "disable for this line" actions of the findings in range."""
        actions: list[types.CodeAction] = []
        disabled: set[tuple[str, int]] = set()
        for diagnostic, published in zip(linted.diagnostics, linted.published, strict=True):
            if not _overlaps(published.range, wanted):
                continue
            fix = diagnostic.fix
            if fix is not None:
                safe = fix.applicability is Applicability.SAFE
                edits = [
                    types.TextEdit(range=linted.lines.range(e.start, e.end), new_text=e.content)
                    for e in _merged(fix.edits)
                ]
                actions.append(
                    types.CodeAction(
                        title=fix.message if safe else f"{fix.message} (unsafe)",
                        kind=types.CodeActionKind.QuickFix,
                        diagnostics=[published],
                        is_preferred=safe,
                        edit=self.workspace_edit(linted, edits),
                    )
                )
            key = (diagnostic.code, diagnostic.start.line)
            if key in disabled:
                continue
            disabled.add(key)
            comment = noqa.add_code(linted.text, diagnostic.code, diagnostic.start.line)
            if comment is not None:
                edit = types.TextEdit(
                    range=linted.lines.range(comment.start, comment.end), new_text=comment.content
                )
                actions.append(
                    types.CodeAction(
                        title=f"Disable {diagnostic.code} for this line",
                        kind=types.CodeActionKind.QuickFix,
                        diagnostics=[published],
                        edit=self.workspace_edit(linted, [edit]),
                    )
                )
        return actions

    async def fix_all_edits(self, linted: _Linted) -> list[types.TextEdit]:
        """Every safe fix, checked as `check --fix` checks them; once per version."""
        if linted.fix_all is None:
            edits, dropped = await asyncio.to_thread(_fix_all, linted)
            for message in dropped:  # logged here: only the event loop writes to the client
                self.log(message)
            linted.fix_all = edits
        return linted.fix_all


def _fix_all(linted: _Linted) -> tuple[list[types.TextEdit], list[str]]:
    """The fix-all edits, and what was dropped (in a worker thread)."""
    outcome = fix_source(linted.text, linted.lint)
    dropped = [
        f"async-lint: fix of {d.code} on line {d.start.line} dropped: {reason}"
        for d, reason in outcome.failed
    ]
    return _fixed_edits(linted.lines, outcome.source), dropped


def _has_safe_fix(linted: _Linted) -> bool:
    return any(d.fix and d.fix.applicability is Applicability.SAFE for d in linted.diagnostics)


def _fix_all_action(edit: types.WorkspaceEdit | None, data: Any = None) -> types.CodeAction:
    return types.CodeAction(
        title="Fix all async-lint findings that have a safe fix",
        kind=FIX_ALL,
        edit=edit,
        data=data,
    )


def create_server() -> AsyncLintServer:
    """A server with its handlers registered (not yet started)."""
    server = AsyncLintServer()

    @server.feature(types.INITIALIZED)
    @server.guarded("initialized")
    async def initialized(params: types.InitializedParams) -> None:
        capabilities = server.client_capabilities
        if not get_capability(
            capabilities, "workspace.did_change_watched_files.dynamic_registration", False
        ):
            return
        watcher = types.FileSystemWatcher(glob_pattern="**/pyproject.toml")
        options = types.DidChangeWatchedFilesRegistrationOptions(watchers=[watcher])
        registration = types.Registration(
            id=WATCHER_ID,
            method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=options,
        )
        await server.client_register_capability_async(
            types.RegistrationParams(registrations=[registration])
        )

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    @server.guarded("didOpen")
    def did_open(params: types.DidOpenTextDocumentParams) -> None:
        server.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    @server.guarded("didChange")
    def did_change(params: types.DidChangeTextDocumentParams) -> None:
        server.schedule(params.text_document.uri, DEBOUNCE)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    @server.guarded("didSave")
    def did_save(params: types.DidSaveTextDocumentParams) -> None:
        server.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    @server.guarded("didClose")
    def did_close(params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        server.forget(uri)
        server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
        )

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    @server.guarded("didChangeWatchedFiles")
    def did_change_watched_files(params: types.DidChangeWatchedFilesParams) -> None:
        if any(change.uri.endswith("pyproject.toml") for change in params.changes):
            server.configs.clear()
            server.linted.clear()
            server.shown_errors.clear()
            server.relint_all()

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=list(CODE_ACTION_KINDS), resolve_provider=True),
    )
    @server.guarded("codeAction")
    async def code_action(params: types.CodeActionParams) -> list[types.CodeAction] | None:
        linted = await server.fresh(params.text_document.uri)
        if linted is None:
            return None
        only = params.context.only
        actions = []
        if _wants(only, types.CodeActionKind.QuickFix):
            actions += await asyncio.to_thread(server.line_actions, linted, params.range)
        if _wants(only, FIX_ALL) and _has_safe_fix(linted):
            lazy = only is None and get_capability(
                server.client_capabilities, "text_document.code_action.resolve_support", None
            )
            if lazy and "edit" in lazy.properties:  # computed when chosen
                actions.append(_fix_all_action(None, {"uri": linted.uri}))
            else:
                edits = await server.fix_all_edits(linted)
                if edits:
                    actions.append(_fix_all_action(server.workspace_edit(linted, edits)))
        return actions

    @server.feature(types.CODE_ACTION_RESOLVE)
    @server.guarded("codeAction/resolve", fallback=lambda action: action)
    async def resolve(action: types.CodeAction) -> types.CodeAction:
        if action.kind != FIX_ALL or not isinstance(action.data, dict):
            return action
        linted = await server.fresh(str(action.data.get("uri")))
        if linted is not None:
            edits = await server.fix_all_edits(linted)
            action.edit = server.workspace_edit(linted, edits)
        return action

    @server.feature(types.SHUTDOWN)
    @server.guarded("shutdown")
    def shutdown(params: None) -> None:
        for uri in list(server.pending):
            server.forget(uri)

    return server
