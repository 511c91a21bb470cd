"""The cache of first-pass results, by file and content hash, under `.async_lint_cache/`.

A file's first pass (`lint_file(..., defer=True)`) depends on its bytes, its
place among packages, the settings, the run's top-level packages and the code
of async-lint itself. The cache keeps one JSON file per combination of the
last three (its name is their hash), holding for each file path the sha256 of
the bytes linted, the module name they were linted as, and the result:
findings with their fixes, tracebacks, pending calls and the module summary
(the diagnostics of the positioned pending calls as one JSON text of its
own, decoded only for a call that is confirmed).
Beside them, the completed findings of the last run, under a hash of every
file it linted with its bytes: a run of the very same files reports them
without deciding anything again.

Each result is kept as JSON text inside the document (a JSON string), the
text a worker process sends: reading the document leaves every result one
compact string until it is decoded, and a run holds that string, not a tree
of lists and dicts several times its size, to write it back (a result it
linted itself it holds compressed until then).

JSON, not pickle: a cache directory is writable by whatever runs in the
repository, and loading a pickle would run its code. Anything unexpected in a
cache file (garbage, another shape, a truncated write, another version) makes
it count as empty; it is written anew, atomically (a temporary file renamed
over it), so that concurrent runs never read half a file.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import importlib.util
import json
import os
import sys
import zlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from async_lint import __version__
from async_lint.analysis.summary import ModuleSummary, from_data, to_data
from async_lint.config import Settings
from async_lint.diagnostics import Applicability, Diagnostic, Edit, Fix, Position
from async_lint.results import Pending, Result

DIRECTORY = ".async_lint_cache"
KEEP = 8  # cache files kept in a directory (one per settings and project); older go
_GITIGNORE = "# Automatically created by async-lint.\n*\n"
_CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by async-lint.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n"
)


class Cache:
    """The entries of one cache file, read once and written back once."""

    def __init__(self, path: Path, key: str, entries: dict[str, Any], last_run: Any = None) -> None:
        self.path = path
        self.key = key
        self._old = entries
        self._new: dict[str, Any] = {}
        self._last_run = last_run
        self._run: dict[str, Any] | None = None
        self.changed = False  # anything to write back

    @classmethod
    def open(cls, directory: Path, settings: Settings, project_modules: frozenset[str]) -> Cache:
        key = fingerprint(settings, project_modules)
        path = directory / f"{key}.json"
        return cls(path, key, *_read(path, key))

    def get(self, file: str, digest: str, module: tuple[str, str | None]) -> Any | None:
        """The result (`encode`'s text) cached for these bytes of `file`, linted as
        `module`."""
        entry = self._old.get(os.path.abspath(file))
        if (
            isinstance(entry, dict)
            and entry.get("sha256") == digest
            and entry.get("module") == list(module)
        ):
            return entry.get("result")
        return None

    def previous(self, file: str, module: tuple[str, str | None]) -> Any | None:
        """The result cached for `file` linted as `module`, whatever its bytes were."""
        entry = self._old.get(os.path.abspath(file))
        if isinstance(entry, dict) and entry.get("module") == list(module):
            return entry.get("result")
        return None

    def put(self, file: str, digest: str, module: tuple[str, str | None], result: str) -> None:
        key = os.path.abspath(file)
        old = self._old.get(key)
        if isinstance(old, dict) and old.get("sha256") == digest and old["result"] is result:
            self._new[key] = old  # read with the cache, and held there anyway
            return
        self.changed = True
        # Held until the cache is written, compressed: a first run of a large
        # project would hold the text of every file's result, a tenth of its memory.
        packed = zlib.compress(result.encode(), 1)
        self._new[key] = {"sha256": digest, "module": list(module), "result": packed}

    def completed(self, files: str) -> dict[str, Any] | None:
        """The completed results of the last run, by file, if it was a run of these
        `files` (`files_key`)."""
        run = self._last_run
        if not isinstance(run, dict) or run.get("files") != files:
            return None
        results = run.get("results")
        return results if isinstance(results, dict) else None

    def put_completed(self, files: str, results: dict[str, Any]) -> None:
        """The completed results of this run of `files`, by file."""
        if self.completed(files) is None:  # the same files give the same results
            self.changed = True
        self._run = {"files": files, "results": results}

    def save(self) -> bool:
        """Write the entries of this run (and those of files it did not lint that
        still exist), unless nothing changed. False when the directory cannot be
        written: the run goes on without."""
        if not self.changed and self.path.is_file():
            return True
        kept = {
            file: entry
            for file, entry in self._old.items()
            if file not in self._new and os.path.isfile(file)
        }
        head = {
            "version": __version__,
            "key": self.key,
            "run": self._run if self._run is not None else self._last_run,
        }
        import tempfile  # here: a run that writes nothing does without it

        try:
            _prepare(self.path.parent)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".tmp-")
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as out:
                    _write(out, head, {**kept, **self._new})
                os.chmod(temporary, 0o644)  # mkstemp's 0600 would hide it from other users
                os.replace(temporary, self.path)
            except BaseException:
                _unlink(temporary)
                raise
            _prune(self.path.parent)
        except OSError:
            return False
        return True


def _write(out, head: dict[str, Any], files: dict[str, Any]) -> None:
    """`json.dump({**head, "files": files}, out)`, an entry at a time: `dump()`
    is slower, and `dumps()` of the whole document would hold it twice over."""
    text = _dumps(head)
    out.write(f'{text[:-1]},"files":{{')
    separator = ""
    for file, entry in files.items():
        if isinstance(entry, dict) and isinstance(entry.get("result"), bytes):  # `put`'s
            entry = {**entry, "result": zlib.decompress(entry["result"]).decode()}
        out.write(f"{separator}{_dumps(file)}:{_dumps(entry)}")
        separator = ","
    out.write("}}")


def _dumps(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), check_circular=False)  # plain data: no cycles


def fingerprint(settings: Settings, project_modules: frozenset[str]) -> str:
    """What every entry of a cache file shares: async-lint's version and code, the
    Python and libcst it runs on, the settings that change results and the
    run's top-level packages."""
    options = {
        field.name: _plain(getattr(settings, field.name))
        for field in dataclasses.fields(settings)
        if field.name != "cache_dir"
    }
    identity = {
        "version": __version__,
        "code": _code_stamp(),
        "python": list(sys.version_info[:2]),
        "settings": options,
        "modules": sorted(project_modules),
    }
    text = json.dumps(identity, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return sorted((str(k), _plain(v)) for k, v in value.items())
    if isinstance(value, (tuple, list)):
        return [_plain(item) for item in value]
    if isinstance(value, Path):
        return str(value)
    return value


def _code_stamp() -> list[Any]:
    """async-lint's own files and libcst's build, by size and modification time: a
    checkout being edited must not reuse the results of its older code."""
    stamp: list[Any] = []
    for directory, dirnames, filenames in os.walk(Path(__file__).parent):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        stamp += [_stat(os.path.join(directory, n)) for n in sorted(filenames) if n.endswith(".py")]
    spec = importlib.util.find_spec("libcst")
    if spec is not None and spec.origin:
        package = os.path.dirname(spec.origin)
        for name in sorted(os.listdir(package)):
            if name == "_version.py" or name.startswith("native"):
                stamp.append(_stat(os.path.join(package, name)))
    return stamp


def _stat(path: str) -> list[Any]:
    status = os.stat(path)
    return [os.path.basename(path), status.st_size, status.st_mtime_ns]


def files_key(files: list[tuple[str, str, tuple[str, str | None]]]) -> str:
    """What identifies a run's files: each (absolute path, sha256, module)."""
    return hashlib.sha256(json.dumps(sorted(files)).encode()).hexdigest()


def _read(path: Path, key: str) -> tuple[dict[str, Any], Any]:
    """The entries of a cache file, and its last run's completed results."""
    try:
        with open(path, encoding="utf-8") as handle:
            document = json.load(handle)
    except (OSError, ValueError, RecursionError):
        return {}, None
    if (
        not isinstance(document, dict)
        or document.get("version") != __version__
        or document.get("key") != key
        or not isinstance(document.get("files"), dict)
    ):
        return {}, None
    return document["files"], document.get("run")


def _prepare(directory: Path) -> None:
    """The cache directory, with the `.gitignore` that keeps it out of git."""
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in ((".gitignore", _GITIGNORE), ("CACHEDIR.TAG", _CACHEDIR_TAG)):
        marker = directory / name
        if not marker.exists():
            marker.write_text(text, encoding="utf-8")


def _prune(directory: Path) -> None:
    """Keep the newest cache files; another settings' or project's go in time."""
    files = []
    for entry in os.scandir(directory):
        if entry.name.endswith(".json"):
            try:
                files.append((entry.stat().st_mtime, entry.path))
            except OSError:
                continue
    for _, path in sorted(files, reverse=True)[KEEP:]:
        _unlink(path)


def _unlink(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


# -- results as data ----------------------------------------------------------


@dataclasses.dataclass(frozen=True, slots=True)
class Placed:
    """A result's positioned pending findings, as the JSON text of their
    diagnostics (in the order of its pending list), decoded only when asked:
    most are never confirmed. Checked when the result is decoded."""

    filename: str
    text: str

    def diagnostics(self) -> list[Diagnostic]:
        return [_decode_diagnostic(d, self.filename) for d in _list(json.loads(self.text))]


def encode(result: Result) -> str:
    """A first-pass result as JSON text, without its file name and source."""
    if result.placed is not None:  # decoded from the cache: as it came
        assert not any(p.diagnostic for p in result.pending), "positions kept two ways"
        placed: str | None = result.placed.text
    else:
        positioned = [_diagnostic(p.diagnostic) for p in result.pending if p.diagnostic]
        placed = _dumps(positioned) if positioned else None
    data = {
        "diagnostics": [_diagnostic(d) for d in result.diagnostics],
        "tracebacks": list(result.tracebacks),
        "summary": None if result.summary is None else to_data(result.summary),
        "pending": [[p.code, list(p.callees), p.positioned] for p in result.pending],
        "placed": placed,  # text within the text: a run holds it as one string
    }
    return _dumps(data)


def decode(text: Any, filename: str) -> Result:
    """The result `encode` made, its findings in `filename`; ValueError when the
    text is not what `encode` makes."""
    try:
        data = json.loads(text)
    except (TypeError, RecursionError) as error:
        raise ValueError(f"not a cached result: {error}") from None
    try:
        diagnostics = [_decode_diagnostic(d, filename) for d in _list(data["diagnostics"])]
        tracebacks = _list(data["tracebacks"])
        if not all(isinstance(text, str) for text in tracebacks):
            raise ValueError("tracebacks")
        summary = None if data["summary"] is None else _decode_summary(data["summary"])
        pending = []
        for code, callees, positioned in _list(data["pending"]):
            if not isinstance(code, str) or not isinstance(callees, list):
                raise ValueError("pending")
            if type(positioned) is not bool:
                raise ValueError("pending")
            callees = tuple(map(sys.intern, callees))
            pending.append(Pending(sys.intern(code), callees, encoded=positioned))
        placed = None
        if any(p.encoded for p in pending):
            placed = Placed(filename, data["placed"])
            if not isinstance(placed.text, str):
                raise ValueError("placed")
            if len(placed.diagnostics()) != sum(p.encoded for p in pending):  # each decodes
                raise ValueError("placed")
    except (KeyError, TypeError, ValueError, AttributeError, RecursionError) as error:
        raise ValueError(f"not a cached result: {error}") from None
    return Result(diagnostics, tracebacks, summary, pending, placed=placed)


def _diagnostic(d: Diagnostic) -> list[Any]:
    fix = None
    if d.fix is not None:
        edits = [[*_position(e.start), *_position(e.end), e.content] for e in d.fix.edits]
        fix = [d.fix.message, d.fix.applicability.value, edits]
    return [*_position(d.start), d.code, d.message, *_position(d.end), fix]


def _position(position: Position) -> tuple[int, int]:
    return position.line, position.column


def _decode_diagnostic(data: Any, filename: str) -> Diagnostic:
    line, column, code, message, end_line, end_column, fix = _list(data)
    if not isinstance(code, str) or not isinstance(message, str):
        raise ValueError("diagnostic")
    decoded = None
    if fix is not None:
        fix_message, applicability, edits = _list(fix)
        if not isinstance(fix_message, str):
            raise ValueError("fix")
        decoded = Fix(
            sys.intern(fix_message),
            tuple(_decode_edit(e) for e in _list(edits)),
            Applicability(applicability),
        )
    start, end = _decode_position(line, column), _decode_position(end_line, end_column)
    # A large project's pending calls hold tens of thousands of the same codes and fixes.
    return Diagnostic(filename, start, sys.intern(code), message, end, decoded)


def _decode_edit(data: Any) -> Edit:
    line, column, end_line, end_column, content = _list(data)
    if not isinstance(content, str):
        raise ValueError("edit")
    start, end = _decode_position(line, column), _decode_position(end_line, end_column)
    return Edit(start, end, sys.intern(content))


def _decode_position(line: Any, column: Any) -> Position:
    if type(line) is not int or type(column) is not int:
        raise ValueError("position")
    return Position(line, column)


def _decode_summary(data: Any) -> ModuleSummary:
    """`from_data` checks the types as it goes: `sys.intern` takes strings only."""
    if not isinstance(data, dict) or not isinstance(data.get("path"), str):
        raise ValueError("summary")
    return from_data(data)


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise ValueError("expected a list")
    return value
