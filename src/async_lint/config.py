"""`[tool.async-lint]` in pyproject.toml, and flake8's `--asl-*` options, as one Settings.

Unknown keys, unknown codes and values of the wrong type are a `ConfigError`
(exit status 2), never silently ignored.
"""

from __future__ import annotations

import difflib
import os
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pathspec

from async_lint.catalog import RULES

if TYPE_CHECKING:
    from async_lint import knowledge

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

SECTION = "async-lint"
PREFIX = "ASL"
_DOTTED = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")

# Directories never worth linting; `exclude` adds to these.
DEFAULT_EXCLUDE = (
    ".bzr", ".direnv", ".eggs", ".git", ".git-rewrite", ".hg", ".ipynb_checkpoints",
    ".mypy_cache", ".nox", ".pants.d", ".pyenv", ".pytest_cache", ".pytype", ".ruff_cache",
    ".svn", ".tox", ".venv", ".vscode", "__pypackages__", "_build", "buck-out", "dist",
    "node_modules", "site-packages", "venv", ".async_lint_cache",
)  # fmt: skip


class ConfigError(Exception):
    """A configuration that cannot be used as written."""


@dataclass(frozen=True)
class Settings:
    select: tuple[str, ...] | None = None  # None: every rule that is on by default
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    default_timeout: float = 30
    max_fan_out: int = 10
    extra_blocking_calls: Mapping[str, str] = field(default_factory=dict)
    extra_sync_clients: Mapping[str, str] = field(default_factory=dict)
    extra_async_clients: tuple[str, ...] = ()
    lifecycle_functions: tuple[str, ...] = ()
    limiters: tuple[str, ...] = ()
    root: Path = field(default_factory=Path.cwd)  # patterns are relative to it
    cache_dir: Path | None = None  # absolute; None: `.async_lint_cache` in the root

    @cached_property
    def knowledge(self) -> knowledge.Knowledge:
        from async_lint import knowledge  # the tables load libcst: only for linting

        extras = (
            self.extra_blocking_calls,
            self.extra_sync_clients,
            self.extra_async_clients,
            self.limiters,
        )
        return knowledge.build(*extras) if any(extras) else knowledge.DEFAULT

    @cached_property
    def _codes(self) -> frozenset[str]:
        return select_codes(self.select, self.extend_select, self.ignore)

    @cached_property
    def _per_file(self) -> list[tuple[pathspec.PathSpec, tuple[str, ...]]]:
        return [(_spec([pattern]), codes) for pattern, codes in self.per_file_ignores]

    @cached_property
    def exclude_spec(self) -> pathspec.PathSpec:
        return _spec([*DEFAULT_EXCLUDE, *self.exclude])

    def enabled_codes(self, filename: str) -> frozenset[str]:
        """The codes to report in this file, after `per-file-ignores`."""
        if not self._per_file or filename in ("-", "<stdin>"):
            return self._codes
        relative = relative_to_root(filename, self.root)
        ignored = [codes for spec, codes in self._per_file if spec.match_file(relative)]
        if not ignored:
            return self._codes
        selectors = [selector for codes in ignored for selector in codes]
        return frozenset(
            code for code in self._codes if not any(_matches(s, code) for s in selectors)
        )


def _matches(selector: str, code: str) -> bool:
    return selector == "ALL" or code.startswith(selector)


def relative_to_root(filename: str, root: Path) -> str:
    path = os.path.abspath(filename)
    top = os.path.join(root, "")
    if os.path.isabs(top) and path.startswith(top):  # most paths: no need for relpath's work
        return path[len(top) :].replace(os.sep, "/")
    try:
        return Path(os.path.relpath(path, root)).as_posix()
    except ValueError:  # another drive on Windows
        return Path(path).as_posix()


def _spec(patterns: Iterable[str]) -> pathspec.PathSpec:
    return pathspec.GitIgnoreSpec.from_lines(patterns)


# -- rule selection ---------------------------------------------------------


def check_selector(selector: str, where: str) -> str:
    """A selector is `ALL`, a rule code, or a prefix of one (`ASL`, `ASL1`, `ASL10`)."""
    if selector == "ALL" or any(code.startswith(selector) for code in RULES):
        return selector
    close = difflib.get_close_matches(selector, list(RULES), n=1)
    hint = f" (did you mean {close[0]}?)" if close else ""
    raise ConfigError(f"{where}: unknown rule code or prefix {selector!r}{hint}")


def select_codes(
    select: Sequence[str] | None, extend_select: Sequence[str], ignore: Sequence[str]
) -> frozenset[str]:
    """ruff's rule: for each code, the most specific matching selector decides.

    With no `select`, every rule that is on by default is selected (as if by
    `ASL`); `extend-select` adds to either. An `ignore` as specific as the
    most specific `select` wins; `ALL` is as specific as `ASL`.
    """

    def specificity(selectors: Iterable[str], code: str) -> int:
        lengths = [len(PREFIX) if s == "ALL" else len(s) for s in selectors if _matches(s, code)]
        return max(lengths, default=-1)

    enabled = set()
    for code, (_, default_enabled, _) in RULES.items():
        base = select if select is not None else ((PREFIX,) if default_enabled else ())
        chosen = specificity([*base, *extend_select], code)
        if chosen >= 0 and chosen > specificity(ignore, code):
            enabled.add(code)
    return frozenset(enabled)


# -- reading pyproject.toml ---------------------------------------------------


def find_config(start: Path) -> Path | None:
    """The nearest pyproject.toml at or above `start` that has `[tool.async-lint]`."""
    directory = start if start.is_dir() else start.parent
    for candidate in (directory, *directory.parents):
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file():
            tool = _read(pyproject).get("tool", {})
            if isinstance(tool, dict) and SECTION in tool:
                return pyproject
    return None


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    except UnicodeDecodeError as error:  # TOML is UTF-8; tomllib lets the decoding fail
        raise ConfigError(f"{path}: invalid TOML: not UTF-8 ({error.reason})") from None


def load_config(path: Path) -> Settings:
    """Settings from a pyproject.toml (`[tool.async-lint]`) or a file of bare keys."""
    document = _read(path)
    if path.name == "pyproject.toml":
        tool = document.get("tool", {})
        where = f"{path} [tool.{SECTION}]"
        table = _table(tool.get(SECTION, {}) if isinstance(tool, dict) else None, where)
    else:
        table, where = document, str(path)
    # abspath, not resolve: paths reached through a symlink must stay below the root
    return settings_from_mapping(table, root=Path(os.path.abspath(path)).parent, where=where)


def settings_from_mapping(table: Mapping[str, Any], root: Path, where: str) -> Settings:
    values: dict[str, Any] = {"root": root}
    for key, raw in table.items():
        reader = _READERS.get(key)
        if reader is None:
            close = difflib.get_close_matches(key, list(_READERS), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise ConfigError(f"{where}: unknown option {key!r}{hint}")
        values[key.replace("-", "_")] = reader(raw, f"{where} {key}")
    if "cache_dir" in values:  # relative to the configuration's directory
        values["cache_dir"] = Path(os.path.abspath(root / values["cache_dir"]))
    return Settings(**values)


def _strings(raw: Any, where: str) -> tuple[str, ...]:
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
        raise ConfigError(f"{where}: expected a list of strings")
    return tuple(raw)


def _selectors(raw: Any, where: str) -> tuple[str, ...]:
    return tuple(check_selector(item.strip(), where) for item in _strings(raw, where))


def _blocking_codes() -> list[str]:
    """The codes `extra-blocking-calls` may map to: the ASL1xx blocking-call rules."""
    from async_lint.rules import REGISTRY
    from async_lint.rules._blocking import BlockingCallRule

    return sorted(code for code, rule in REGISTRY.items() if issubclass(rule, BlockingCallRule))


def _dotted(raw: Any, where: str) -> tuple[str, ...]:
    names = _strings(raw, where)
    for name in names:
        if not _DOTTED.match(name):
            raise ConfigError(f"{where}: {name!r} is not a dotted name")
    return names


def _table(raw: Any, where: str) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: expected a table")
    return raw


def _patterns(raw: Any, where: str) -> tuple[str, ...]:
    patterns = _strings(raw, where)
    for pattern in patterns:
        try:
            _spec([pattern])
        except Exception as error:  # noqa: BLE001 - pathspec's errors vary by version
            raise ConfigError(f"{where}: invalid pattern {pattern!r}: {error}") from None
    return patterns


def _per_file_ignores(raw: Any, where: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    table = _table(raw, where)
    _patterns(list(table), where)
    return tuple(
        (pattern, _selectors(codes, f"{where} {pattern!r}")) for pattern, codes in table.items()
    )


def _blocking_calls(raw: Any, where: str) -> dict[str, str]:
    calls = _table(raw, where)
    blocking_codes = _blocking_codes()
    for name, code in calls.items():
        _dotted(name, where)
        if code not in blocking_codes:
            raise ConfigError(
                f"{where}: {name!r} maps to {code!r}; expected one of {', '.join(blocking_codes)}"
            )
    return dict(calls)


def _sync_clients(raw: Any, where: str) -> dict[str, str]:
    clients = _table(raw, where)
    for name, twin in clients.items():
        _dotted(name, where)
        if not isinstance(twin, str) or (twin and not _DOTTED.match(twin)):
            raise ConfigError(f'{where}: the async twin of {name!r} must be a dotted name or ""')
    return dict(clients)


def _positive(kind: type) -> Any:
    def read(raw: Any, where: str) -> Any:
        if isinstance(raw, bool) or not isinstance(raw, (int, float) if kind is float else int):
            raise ConfigError(
                f"{where}: expected a {'number' if kind is float else 'whole number'}"
            )
        if raw <= 0:
            raise ConfigError(f"{where}: must be greater than 0")
        return raw

    return read


def _directory(raw: Any, where: str) -> Path:
    if not isinstance(raw, str) or not raw.strip():
        raise ConfigError(f"{where}: expected a directory name")
    return Path(raw)


def _boolean(raw: Any, where: str) -> bool:
    if not isinstance(raw, bool):
        raise ConfigError(f"{where}: expected true or false")
    return raw


_READERS = {
    "select": _selectors,
    "extend-select": _selectors,
    "ignore": _selectors,
    "per-file-ignores": _per_file_ignores,
    "exclude": _patterns,
    "respect-gitignore": _boolean,
    "default-timeout": _positive(float),
    "max-fan-out": _positive(int),
    "extra-blocking-calls": _blocking_calls,
    "extra-sync-clients": _sync_clients,
    "extra-async-clients": _dotted,
    "lifecycle-functions": _strings,
    "limiters": _dotted,
    "cache-dir": _directory,
}
