from __future__ import annotations

import json
from collections.abc import Sequence

from async_lint.catalog import docs_url, name
from async_lint.diagnostics import Diagnostic, Fix, Position
from async_lint.output.concise import statistics


def render_json(diagnostics: Sequence[Diagnostic]) -> str:
    """A JSON list; rows and columns are 1-based, as in the concise output."""
    return json.dumps([_finding(d) for d in diagnostics], indent=2) + "\n"


def _finding(d: Diagnostic) -> dict:
    return {
        "code": d.code,
        "name": name(d.code),
        "message": d.message,
        "filename": d.filename,
        "location": _location(d.start),
        "end_location": _location(d.end),
        "fix": _fix(d.fix),
        "url": docs_url(d.code),
    }


def _fix(fix: Fix | None) -> dict | None:
    if fix is None:
        return None
    return {
        "message": fix.message,
        "applicability": fix.applicability.value,
        "edits": [
            {
                "content": edit.content,
                "location": _location(edit.start),
                "end_location": _location(edit.end),
            }
            for edit in fix.edits
        ],
    }


def _location(position: Position) -> dict:
    return {"row": position.line, "column": position.display_column}


def render_json_statistics(diagnostics: Sequence[Diagnostic]) -> str:
    return json.dumps(_statistics(diagnostics), indent=2) + "\n"


def _statistics(diagnostics: Sequence[Diagnostic]) -> list[dict]:
    return [{"code": c, "name": n, "count": k} for c, n, k in statistics(diagnostics)]
