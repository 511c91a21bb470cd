"""`--output-format full`: each finding with the code it points at and the fix it offers.

The concise line first, then the flagged lines under a line-number gutter with
the flagged range underlined and a line of context either side, then the fix as
a unified diff. Columns are counted the way a terminal shows them (tabs
expanded, wide characters as two), so the carets stay under the code.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Mapping, Sequence

from async_lint.diagnostics import Applicability, Diagnostic, Fix
from async_lint.output.concise import finding_line

_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # Python's line breaks, as positions count them
TAB_WIDTH = 4
MAX_FLAGGED_LINES = 6  # more are elided in the middle
# U+2400..U+241F picture the C0 controls, U+2421 DEL
_CONTROL_PICTURES = {code: chr(0x2400 + code) for code in range(0x20)} | {0x7F: "\u2421"}


def render_full(
    diagnostics: Sequence[Diagnostic], sources: Mapping[str, str], unsafe: bool = False
) -> str:
    """Every finding with its source lines and fix. `sources` maps a finding's filename
    to the text that was linted; a file without one (it could not be read) gets the
    headline only."""
    split: dict[str, list[str]] = {}
    parts = []
    for d in diagnostics:
        source = sources.get(d.filename)
        parts.append(finding_line(d, unsafe) + "\n")
        if source is not None:
            lines = split.setdefault(d.filename, _LINE_BREAK.split(source))
            parts.append(_snippet(d, lines))
            if d.fix is not None:
                parts.append(_fix(d.fix, source, d.filename))
        parts.append("\n")
    return "".join(parts)


def _snippet(d: Diagnostic, lines: list[str]) -> str:
    """The flagged lines, underlined, with a line of context before and after."""
    # The empty "line" after a final line break is no line to show as context.
    last = len(lines) - (1 if len(lines) > 1 and lines[-1] == "" else 0)
    first_line = min(d.start.line, len(lines))
    end_line = min(max(d.end.line, first_line), len(lines))
    end_column = d.end.column
    if end_line > first_line and end_column == 0:  # the range stops where a line starts
        end_line -= 1
        end_column = len(lines[end_line - 1])
    flagged = list(range(first_line, end_line + 1))
    if len(flagged) > MAX_FLAGGED_LINES:
        flagged = [*flagged[:3], 0, *flagged[-2:]]  # 0: the elision
    before = [first_line - 1] if first_line > 1 else []
    after = [end_line + 1] if end_line < last else []
    width = len(str(max(after or flagged)))
    gutter = " " * width + " |"
    rows = [gutter]
    for number in [*before, *flagged, *after]:
        if number == 0:
            rows.append(" " * width + " :")
            continue
        text = lines[number - 1]
        shown, columns = _display(text)
        rows.append(f"{number:>{width}} | {shown}".rstrip())
        if number in flagged:
            start = d.start.column if number == first_line else _indent(text)
            stop = end_column if number == end_line else len(text)
            start = min(start, len(text))
            stop = max(min(stop, len(text)), start)
            offset, length = columns[start], columns[stop] - columns[start]
            rows.append(f"{gutter} {' ' * offset}{'^' * max(length, 1)}")
    rows.append(gutter)
    return "".join(row + "\n" for row in rows)


def _display(text: str) -> tuple[str, list[int]]:
    """The line as a terminal would show it, and the display column where each
    character (and the end of the line) starts. Tabs are expanded, control characters
    replaced by their visible pictures (so a source cannot drive the terminal)."""
    shown, columns, column = [], [], 0
    for char in text:
        columns.append(column)
        if char == "\t":
            piece = " " * (TAB_WIDTH - column % TAB_WIDTH)
        elif unicodedata.category(char) == "Cc":
            piece = _CONTROL_PICTURES.get(ord(char), "\N{REPLACEMENT CHARACTER}")
        else:
            piece = char
        shown.append(piece)
        column += sum(_width(c) for c in piece)
    columns.append(column)
    return "".join(shown), columns


def _visible(text: str) -> str:
    """The text with control characters (but tabs) shown as their pictures."""
    return "".join(
        _CONTROL_PICTURES.get(ord(c), "\N{REPLACEMENT CHARACTER}")
        if c != "\t" and unicodedata.category(c) == "Cc"
        else c
        for c in text
    )


def _width(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip())


def _fix(fix: Fix, source: str, filename: str) -> str:
    """The fix's message, whether `--fix` applies it, and what it changes."""
    if fix.applicability is Applicability.SAFE:
        how = "safe, applied by `--fix`"
    else:
        how = "unsafe, applied by `--fix --unsafe-fixes`"
    from async_lint.fixes.apply import apply_fixes  # loads libcst, which most runs need not

    after, _ = apply_fixes(source, [fix])
    diff = unified_diff(source, after, filename).split("\n")[:-1]  # each line ends with one
    shown = (_visible(line.removesuffix("\r")) + "\n" for line in diff)
    return f"Fix ({how}): {fix.message}\n" + "".join(shown)


def unified_diff(before: str, after: str, display: str) -> str:
    """`before` → `after` as a unified diff between `a/display` and `b/display`."""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=f"a/{display}",
        tofile=f"b/{display}",
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)
