"""`async-lint server` end to end: pytest-lsp drives the real server over stdio.

One server serves the module's tests (each on its own files); tests that need
other client capabilities start their own. Nothing sleeps for a fixed time:
each step waits, with a timeout, for the notification it expects.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

from async_lint import cli
from async_lint.config import Settings
from async_lint.engine import lint_source
from async_lint.fixes.apply import fix_source
from async_lint.rules import docs_url

TIMEOUT = 30  # seconds; only reached when something is wrong
SERVER = [sys.executable, "-m", "async_lint", "server"]
ON_MODULE_LOOP = pytest.mark.asyncio(loop_scope="module")
ON_OWN_LOOP = pytest.mark.asyncio

BAD = "import time\n\n\nasync def handler():\n    time.sleep(1)\n"
GOOD = "import time\n\n\nasync def handler():\n    pass\n"


def _client() -> LanguageClient:
    """pytest-lsp's client, also keeping every publishDiagnostics (with its version)
    and every capability the server registers."""
    client = LanguageClient(converter_factory=default_converter)
    client.published = []
    client.registrations = []

    def published(client: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
        client.diagnostics[params.uri] = params.diagnostics
        client.published.append(params)

    def register(client: LanguageClient, params: types.RegistrationParams) -> None:
        client.registrations.extend(params.registrations)

    features = {
        **DEFAULT_CLIENT_FEATURES,
        types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: published,
        types.CLIENT_REGISTER_CAPABILITY: register,
    }
    register_lsp_features(client, features)
    return client


CONFIG = ClientServerConfig(server_command=SERVER, client_factory=_client)


@pytest_lsp.fixture(config=CONFIG, scope="module")
async def client(lsp_client: LanguageClient, tmp_path_factory):
    root = tmp_path_factory.mktemp("workspace")
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities("visual-studio-code"),
            root_uri=root.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="workspace")],
        )
    )
    yield
    await lsp_client.shutdown_session()


# -- helpers ----------------------------------------------------------------------


async def _until(condition, what: str):
    """Poll `condition()` until it returns something truthy."""

    async def poll():
        while not (found := condition()):
            await asyncio.sleep(0.01)
        return found

    try:
        return await asyncio.wait_for(poll(), TIMEOUT)
    except asyncio.TimeoutError:
        pytest.fail(f"timed out waiting for {what}")


async def published(client: LanguageClient, uri: str, after: int, version=...):
    """The first diagnostics published for `uri` since `after` notifications
    (for `version`, if given)."""

    def find():
        for params in client.published[after:]:
            if params.uri == uri and (version is ... or params.version == version):
                return params
        return None

    return await _until(find, f"diagnostics of {uri} (version {version})")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


async def open_document(client: LanguageClient, path: Path, text: str, version: int = 1):
    """Open `path` (written to disk too) and wait for its first diagnostics."""
    write(path, text)
    uri = path.as_uri()
    mark = len(client.published)
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id="python", version=version, text=text
            )
        )
    )
    return uri, await published(client, uri, mark, version)


async def change(client: LanguageClient, uri: str, text: str, version: int):
    mark = len(client.published)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )
    return await published(client, uri, mark, version)


def close(client: LanguageClient, uri: str) -> None:
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )


async def actions(client: LanguageClient, uri: str, where: types.Range, only=None):
    return await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=where,
            context=types.CodeActionContext(diagnostics=[], only=only),
        )
    )


def edits_of(edit: types.WorkspaceEdit, uri: str) -> list[types.TextEdit]:
    if edit.document_changes:
        return [e for change in edit.document_changes if change.text_document.uri == uri
                for e in change.edits]  # fmt: skip
    return list((edit.changes or {}).get(uri, []))


def apply(text: str, edits: list[types.TextEdit], encoding: str = "utf-16") -> str:
    """Apply LSP edits as a client does, with columns in `encoding` code units."""
    codec = "utf-16-le" if encoding == "utf-16" else encoding
    lines = [*text.splitlines(keepends=True), ""]
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(position: types.Position) -> int:
        line = lines[position.line] if position.line < len(lines) else ""
        units = 0
        for index, char in enumerate(line):
            if units >= position.character:
                return starts[position.line] + index
            units += len(char.encode(codec)) // (2 if encoding == "utf-16" else 1)
        return starts[position.line] + len(line.rstrip("\r\n"))

    spans = sorted(
        ((offset(e.range.start), offset(e.range.end), e.new_text) for e in edits), reverse=True
    )
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


def codes(params: types.PublishDiagnosticsParams) -> list[str]:
    return [d.code for d in params.diagnostics]


def at(line: int, character: int) -> types.Range:
    return types.Range(types.Position(line, character), types.Position(line, character))


def fixed_by_cli(text: str) -> str:
    """What `async-lint check --fix` makes of `text`."""

    def lint(source):
        return lint_source(source, "example.py", Settings()).diagnostics

    return fix_source(text, lint).source


# -- diagnostics --------------------------------------------------------------------


@ON_MODULE_LOOP
async def test_diagnostics_carry_code_link_source_and_severity(client, tmp_path):
    text = BAD + "\n\nasync def run(coroutine):\n    import asyncio\n    asyncio.run(coroutine)\n"
    _, params = await open_document(client, tmp_path / "bad.py", text)
    sleep, loop = params.diagnostics
    assert sleep.code == "ASL101"
    assert sleep.range == types.Range(types.Position(4, 4), types.Position(4, 17))
    assert sleep.source == "async-lint"
    assert sleep.code_description.href == docs_url("ASL101")
    assert sleep.severity == types.DiagnosticSeverity.Warning
    assert "time.sleep()" in sleep.message
    assert sleep.data["fix"]["applicability"] == "safe"
    assert loop.code == "ASL401"
    assert loop.severity == types.DiagnosticSeverity.Error


@ON_MODULE_LOOP
async def test_diagnostics_are_cleared_when_fixed_and_on_close(client, tmp_path):
    uri, params = await open_document(client, tmp_path / "clears.py", BAD)
    assert codes(params) == ["ASL101"]
    assert codes(await change(client, uri, GOOD, 2)) == []
    assert codes(await change(client, uri, BAD, 3)) == ["ASL101"]
    mark = len(client.published)
    close(client, uri)
    cleared = await published(client, uri, mark)
    assert codes(cleared) == []


@ON_MODULE_LOOP
async def test_quick_changes_publish_the_latest_version_only(client, tmp_path):
    uri, _ = await open_document(client, tmp_path / "typing.py", GOOD)
    mark = len(client.published)
    for version, text in enumerate([BAD, GOOD, BAD + "\n"], start=2):
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )
    latest = await published(client, uri, mark, version=4)
    assert codes(latest) == ["ASL101"]
    assert [p.version for p in client.published[mark:] if p.uri == uri] == [4]


@ON_MODULE_LOOP
async def test_columns_are_utf16_code_units(client, tmp_path):
    prefix = '    s = "é😀"; '  # the emoji is two UTF-16 code units, one code point
    text = f"import time\n\n\nasync def handler():\n{prefix}time.sleep(1)\n"
    uri, params = await open_document(client, tmp_path / "emoji.py", text)
    (diagnostic,) = params.diagnostics
    start = len(prefix.encode("utf-16-le")) // 2
    assert start == len(prefix) + 1
    assert diagnostic.range == types.Range(
        types.Position(4, start), types.Position(4, start + len("time.sleep(1)"))
    )
    (fix,) = [a for a in await actions(client, uri, diagnostic.range) if a.is_preferred]
    assert apply(text, edits_of(fix.edit, uri)) == fixed_by_cli(text)


@ON_MODULE_LOOP
async def test_an_untitled_document_is_linted(client):
    uri = "untitled:Untitled-1"
    mark = len(client.published)
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="python", version=1, text=BAD)
        )
    )
    assert codes(await published(client, uri, mark)) == ["ASL101"]
    close(client, uri)


# -- code actions -------------------------------------------------------------------


@ON_MODULE_LOOP
async def test_the_quick_fix_edits_the_flagged_call(client, tmp_path):
    uri, params = await open_document(client, tmp_path / "quick.py", BAD)
    (diagnostic,) = params.diagnostics
    found = await actions(client, uri, at(4, 6), only=[types.CodeActionKind.QuickFix])
    fix, disable = found
    assert fix.title == "Replace with `await asyncio.sleep()`"
    assert fix.kind == types.CodeActionKind.QuickFix
    assert fix.is_preferred
    assert list(fix.diagnostics) == [diagnostic]
    edits = edits_of(fix.edit, uri)
    call = diagnostic.range
    in_call = [e for e in edits if e.new_text != "import asyncio\n"]
    assert in_call and all(
        (call.start.line, call.start.character) <= (e.range.start.line, e.range.start.character)
        and (e.range.end.line, e.range.end.character) <= (call.end.line, call.end.character)
        for e in in_call
    )
    fixed = apply(BAD, edits)
    assert (
        fixed
        == "import asyncio\nimport time\n\n\nasync def handler():\n    await asyncio.sleep(1)\n"
    )
    assert codes(await change(client, uri, fixed, 2)) == []
    assert disable.title == "Disable ASL101 for this line"
    assert not disable.is_preferred


@ON_MODULE_LOOP
async def test_an_unsafe_fix_is_marked_and_not_preferred(client, tmp_path):
    text = 'import requests\n\n\nasync def handler():\n    requests.get("https://x", timeout=3)\n'
    uri, params = await open_document(client, tmp_path / "unsafe.py", text)
    (diagnostic,) = params.diagnostics
    (fix,) = [a for a in await actions(client, uri, diagnostic.range) if a.edit and "noqa" not in
              edits_of(a.edit, uri)[0].new_text]  # fmt: skip
    assert fix.title.endswith("(unsafe)")
    assert not fix.is_preferred


@ON_MODULE_LOOP
async def test_the_noqa_action_silences_the_finding(client, tmp_path):
    text = BAD.replace("time.sleep(1)", "time.sleep(1)  # type: ignore[misc]")
    uri, params = await open_document(client, tmp_path / "noqa.py", text)
    (diagnostic,) = params.diagnostics
    found = await actions(client, uri, diagnostic.range, only=[types.CodeActionKind.QuickFix])
    (disable,) = [a for a in found if a.title == "Disable ASL101 for this line"]
    silenced = apply(text, edits_of(disable.edit, uri))
    assert silenced.splitlines()[4] == "    time.sleep(1)  # type: ignore[misc]  # noqa: ASL101"
    assert codes(await change(client, uri, silenced, 2)) == []


@ON_MODULE_LOOP
async def test_fix_all_applies_every_safe_fix(client, tmp_path):
    text = "import asyncio\n" + BAD + "    time.sleep(2)\n    asyncio.get_event_loop()\n"
    uri, params = await open_document(client, tmp_path / "all.py", text)
    assert codes(params) == ["ASL101", "ASL101", "ASL403"]
    (fix_all,) = await actions(client, uri, at(0, 0), only=["source.fixAll"])
    assert fix_all.kind == "source.fixAll.async-lint"
    fixed = apply(text, edits_of(fix_all.edit, uri))
    assert fixed == fixed_by_cli(text) != text
    # Offered with every request; a client that can resolve gets the edit when it asks.
    (lazy,) = [a for a in await actions(client, uri, at(0, 0)) if a.kind == fix_all.kind]
    assert lazy.edit is None
    resolved = await client.code_action_resolve_async(lazy)
    assert apply(text, edits_of(resolved.edit, uri)) == fixed
    assert codes(await change(client, uri, fixed, 2)) == []
    assert not await actions(client, uri, at(0, 0), only=["source.fixAll"])


@ON_MODULE_LOOP
async def test_a_request_for_a_document_that_is_not_open_gets_no_actions(client, tmp_path):
    uri = (tmp_path / "never_opened.py").as_uri()
    assert not await actions(client, uri, at(0, 0))


# -- settings -----------------------------------------------------------------------


SETTINGS = '[project]\nname = "demo"\n\n[tool.async-lint]\n'
LOOP = "\n\nasync def loop():\n    import asyncio\n    asyncio.get_event_loop()\n"


@ON_MODULE_LOOP
async def test_settings_come_from_the_pyproject_and_follow_its_changes(client, tmp_path):
    pyproject = write(tmp_path / "pyproject.toml", SETTINGS + 'ignore = ["ASL101"]\n')
    uri, params = await open_document(client, tmp_path / "pkg" / "app.py", BAD + LOOP)
    assert codes(params) == ["ASL403"]
    other, params = await open_document(client, tmp_path / "other.py", BAD)
    assert codes(params) == []

    # A change the client reports: every open document is linted again.
    write(pyproject, SETTINGS + 'ignore = ["ASL403"]\n')
    mark = len(client.published)
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=pyproject.as_uri(), type=types.FileChangeType.Changed)]
        )
    )
    assert codes(await published(client, uri, mark)) == ["ASL101"]
    assert codes(await published(client, other, mark)) == ["ASL101"]

    # A change it does not report is noticed by the file's mtime on the next lint,
    # and the other open documents follow.
    write(pyproject, SETTINGS + 'ignore = ["ASL1"]\n')
    mark = len(client.published)
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    assert codes(await published(client, uri, mark)) == ["ASL403"]
    assert codes(await published(client, other, mark)) == []
    close(client, uri)
    close(client, other)


@ON_MODULE_LOOP
async def test_the_server_watches_pyproject_files(client):
    (registration,) = await _until(lambda: client.registrations, "a registration")
    assert registration.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
    watchers = registration.register_options["watchers"]
    assert [w["globPattern"] for w in watchers] == ["**/pyproject.toml"]


@ON_MODULE_LOOP
async def test_a_configuration_error_is_shown_and_the_defaults_lint(client, tmp_path):
    write(tmp_path / "pyproject.toml", SETTINGS + 'ignore = ["ASL9999"]\n')
    uri, params = await open_document(client, tmp_path / "broken.py", BAD)
    assert codes(params) == ["ASL101"]
    message = await _until(
        lambda: [m for m in client.messages if "ASL9999" in m.message], "the error message"
    )
    assert message[0].type == types.MessageType.Error
    close(client, uri)


@ON_MODULE_LOOP
async def test_an_excluded_file_gets_no_diagnostics(client, tmp_path):
    write(tmp_path / "pyproject.toml", SETTINGS + 'exclude = ["generated_*.py"]\n')
    uri, params = await open_document(client, tmp_path / "generated_api.py", BAD)
    assert codes(params) == []
    close(client, uri)


@ON_MODULE_LOOP
async def test_a_path_with_spaces(client, tmp_path):
    write(tmp_path / "pyproject.toml", SETTINGS + 'ignore = ["ASL403"]\n')
    uri, params = await open_document(client, tmp_path / "my project" / "a b.py", BAD + LOOP)
    assert "%20" in uri
    assert codes(params) == ["ASL101"]
    close(client, uri)


# -- other clients, the command line ----------------------------------------------------


@ON_OWN_LOOP
async def test_a_client_preferring_utf8_gets_utf8_columns_and_a_clean_exit(tmp_path):
    client = await CONFIG.start()
    try:
        result = await client.initialize_session(
            types.InitializeParams(capabilities=client_capabilities("neovim@v0.11"))
        )
        assert result.capabilities.position_encoding == types.PositionEncodingKind.Utf8
        prefix = '    s = "é😀"; '
        text = f"import time\n\n\nasync def handler():\n{prefix}time.sleep(1)\n"
        uri, params = await open_document(client, tmp_path / "utf8.py", text)
        (diagnostic,) = params.diagnostics
        assert diagnostic.range.start == types.Position(4, len(prefix.encode()))
        (fix,) = [a for a in await actions(client, uri, diagnostic.range) if a.is_preferred]
        assert apply(text, edits_of(fix.edit, uri), "utf-8") == fixed_by_cli(text)
        await client.shutdown_session()
        assert client._server.returncode == 0
    finally:
        await client.stop()


def test_without_the_extra_the_server_says_what_to_install(monkeypatch, capsys):
    for name in [*sys.modules, "pygls", "lsprotocol"]:
        if name.partition(".")[0] in ("pygls", "lsprotocol"):
            monkeypatch.setitem(sys.modules, name, None)  # as if not installed
    monkeypatch.delitem(sys.modules, "async_lint.lsp", raising=False)
    assert cli.main(["server"]) == 2
    assert capsys.readouterr().err == (
        "async-lint: error: the language server needs pygls: pip install 'async-lint[lsp]'\n"
    )


def test_check_does_not_import_the_language_server(tmp_path):
    write(tmp_path / "bad.py", BAD)
    program = textwrap.dedent(
        f"""
        import sys
        from async_lint.cli import main
        assert main(["check", "-q", {str(tmp_path / "bad.py")!r}]) == 1
        loaded = [m for m in sys.modules if m.partition(".")[0] in ("pygls", "lsprotocol")]
        assert not loaded and "async_lint.lsp" not in sys.modules, loaded
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_every_severity_has_an_lsp_severity():
    from async_lint import lsp
    from async_lint.rules.base import Severity

    assert set(lsp._SEVERITY) == set(Severity)
