"""flake8 entry point `ASL`: the same engine, fed the lines flake8 already read.

flake8 applies its own `select`/`ignore`/`per-file-ignores` and `# noqa`, so
the plugin reports every default-on rule and leaves suppression to flake8.
Options are mirrored as `--asl-*` flags and `asl-*` config keys. flake8 runs
tree plugins only on files that `ast` can parse (others get its E999), so
ASL000 comes up only for files that `ast` accepts and libcst does not.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from async_lint import __version__
from async_lint.config import ConfigError, Settings, settings_from_mapping
from async_lint.engine import lint_source

# [tool.async-lint] key (flake8 flag `--asl-<key>`) -> how its value is written there:
# a number, a comma-separated list, or comma-separated `name=value` pairs
_OPTIONS = {
    "default-timeout": "number",
    "max-fan-out": "number",
    "extra-blocking-calls": "pairs",
    "extra-sync-clients": "pairs",
    "extra-async-clients": "list",
    "lifecycle-functions": "list",
    "limiters": "list",
}
_HELP = {
    "default-timeout": "timeout, in seconds, that timeout fixes add (default 30)",
    "max-fan-out": "largest literal fan-out that counts as bounded (default 10)",
    "extra-blocking-calls": "more blocking calls, as name=ASLnnn pairs, comma-separated",
    "extra-sync-clients": "more sync client classes, as name=async_twin pairs (twin optional)",
    "extra-async-clients": "more async client classes, comma-separated",
    "lifecycle-functions": "more function names that may create clients (ASL201)",
    "limiters": "more limiter classes for ASL301, comma-separated",
}


class Plugin:
    name = "async-lint"
    version = __version__
    settings = Settings()

    def __init__(self, tree: Any, lines: list[str], filename: str) -> None:
        self.lines = lines
        self.filename = filename

    def run(self) -> Iterator[tuple[int, int, str, type]]:
        source = "".join(self.lines).removeprefix("\ufeff")
        result = lint_source(source, self.filename, self.settings, apply_noqa=False)
        for diagnostic in result.diagnostics:
            text = f"{diagnostic.code} {diagnostic.message}"
            yield diagnostic.start.line, diagnostic.start.column, text, type(self)

    @classmethod
    def add_options(cls, manager: Any) -> None:
        for key, kind in _OPTIONS.items():
            manager.add_option(
                f"--asl-{key}",
                default=None,
                parse_from_config=True,
                comma_separated_list=kind != "number",
                help=f"async-lint: {_HELP[key]}",
            )

    @classmethod
    def parse_options(cls, options: argparse.Namespace) -> None:
        table: dict[str, Any] = {}
        for key, kind in _OPTIONS.items():
            value = getattr(options, f"asl_{key.replace('-', '_')}", None)
            if value in (None, [], ""):
                continue
            table[key] = _convert(value, kind)
        try:
            cls.settings = settings_from_mapping(table, root=Path.cwd(), where="flake8 --asl-*")
        except ConfigError as error:
            print(f"async-lint: error: {error}", file=sys.stderr)
            raise SystemExit(2) from None


def _convert(value: Any, kind: str) -> Any:
    if kind == "number":
        try:
            number = float(value)
        except ValueError:
            return value  # let the config reader name the bad value
        return int(number) if number.is_integer() else number
    if kind == "pairs":
        pairs = {}
        for item in value:
            name, _, target = item.partition("=")
            pairs[name.strip()] = target.strip()
        return pairs
    return list(value)
