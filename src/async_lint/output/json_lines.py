"""`--output-format json-lines`: the objects of the `json` format, one per line, for
tools that stream findings or `grep` them."""

from __future__ import annotations

import json
from collections.abc import Sequence

from async_lint.diagnostics import Diagnostic
from async_lint.output.json import _finding, _statistics


def render_json_lines(diagnostics: Sequence[Diagnostic]) -> str:
    return "".join(json.dumps(_finding(d)) + "\n" for d in diagnostics)


def render_json_lines_statistics(diagnostics: Sequence[Diagnostic]) -> str:
    """`--statistics`: the rows of the `json` format's statistics, one per line."""
    return "".join(json.dumps(row) + "\n" for row in _statistics(diagnostics))
