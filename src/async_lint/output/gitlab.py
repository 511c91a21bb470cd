"""`--output-format gitlab`: a GitLab Code Quality report (`artifacts: reports:
codequality:`), which GitLab shows in the merge request.

GitLab tells new findings from fixed ones by `fingerprint`, so it is made from
what the finding is, never where: the repository path, the code and the flagged
source text, with a counter for the same text flagged twice in one file. Lines
inserted above a finding leave it alone; editing the flagged code makes it new.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Mapping, Sequence

from async_lint.catalog import severity
from async_lint.diagnostics import Diagnostic, Severity
from async_lint.output.paths import repository_path_or_display

# GitLab's scale is info, minor, major, critical, blocker: a finding that certainly
# fails at run time is critical, a risk major, an audit info.
SEVERITIES = {Severity.ERROR: "critical", Severity.WARNING: "major", Severity.NOTE: "info"}
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def render_gitlab(diagnostics: Sequence[Diagnostic], sources: Mapping[str, str]) -> str:
    """The report; `sources` maps a finding's filename to the text linted (the
    fingerprint of a finding in a file that could not be read uses its message)."""
    lines: dict[str, list[str]] = {}
    seen: Counter[tuple[str, str, str]] = Counter()
    issues = []
    for d in diagnostics:
        path = repository_path_or_display(d.filename)
        source = sources.get(d.filename)
        if source is not None and d.filename not in lines:
            lines[d.filename] = _LINE_BREAK.split(source)
        key = (path, d.code, _flagged(d, lines.get(d.filename)))
        occurrence = seen[key]
        seen[key] += 1
        issues.append({
            "description": f"{d.code} {d.message}",
            "check_name": d.code,
            "fingerprint": _fingerprint(*key, str(occurrence)),
            "severity": SEVERITIES[severity(d.code)],
            "location": {"path": path, "lines": {"begin": d.start.line, "end": d.end.line}},
        })  # fmt: skip
    return json.dumps(issues, indent=2) + "\n"


def _flagged(d: Diagnostic, lines: list[str] | None) -> str:
    """What identifies the finding in its file: the flagged text (whitespace
    collapsed); for an empty range, its line and the message; without the source,
    the message."""
    if lines is None or not 1 <= d.start.line <= len(lines):
        return d.message
    first, last = d.start.line - 1, min(d.end.line, len(lines)) - 1
    if first == last:
        text = lines[first][d.start.column : d.end.column]
    else:
        middle = lines[first + 1 : last]
        text = "\n".join([lines[first][d.start.column :], *middle, lines[last][: d.end.column]])
    text = " ".join(text.split())
    return text or " ".join(lines[first].split()) + "\n" + d.message


def _fingerprint(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
