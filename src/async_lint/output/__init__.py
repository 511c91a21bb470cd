"""Reporters: thin renderings of diagnostics for people and for tools.

Each renderer is imported when it is first asked for: a run prints one format,
and a cached run's time is mostly its start-up.
"""

from __future__ import annotations

import importlib
from typing import Any

FORMATS = ("concise", "full", "json", "json-lines", "github", "gitlab", "sarif")
# Formats whose readers expect findings only: `--statistics` has no place in them.
WITHOUT_STATISTICS = ("github", "gitlab", "sarif")

# Where each renderer lives (a module of this package).
_MODULES = {
    "fixable": "concise",
    "render_concise": "concise",
    "render_statistics": "concise",
    "render_full": "full",
    "unified_diff": "full",
    "render_github": "github",
    "render_gitlab": "gitlab",
    "render_json": "json",
    "render_json_statistics": "json",
    "render_json_lines": "json_lines",
    "render_json_lines_statistics": "json_lines",
    "render_sarif": "sarif",
}

__all__ = ["FORMATS", "WITHOUT_STATISTICS", *_MODULES]


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # asked once
    return value
