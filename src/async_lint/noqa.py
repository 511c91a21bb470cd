"""`# noqa` comments, with flake8's semantics.

A comment suppresses findings reported on its own physical line: for a
multi-line call that is the line where the call starts. Only a token that
itself spans lines (a triple-quoted string) joins lines together, exactly as
in flake8, so the CLI and the flake8 plugin suppress the same findings.
`# noqa` alone suppresses everything, `# noqa: A,B` the codes listed and any
code that starts with one of them (`ASL1` is the ASL1xx family).
"""

from __future__ import annotations

import io
import re
import tokenize
from collections.abc import Callable, Iterable

from async_lint.diagnostics import Diagnostic

# flake8.defaults.NOQA_INLINE_REGEXP
NOQA = re.compile(r"# noqa(?::[\s]?(?P<codes>([A-Z]+[0-9]+(?:[,\s]+)?)+))?", re.IGNORECASE)
_SEPARATOR = re.compile(r"[,\s]")


def filter_suppressed(diagnostics: Iterable[Diagnostic], source: str) -> list[Diagnostic]:
    suppressed = suppression(source)
    return [d for d in diagnostics if not suppressed(d.code, d.start.line)]


def suppression(source: str) -> Callable[[str, int], bool]:
    """`suppressed(code, line)`: does a `# noqa` suppress `code` on that line?"""
    if NOQA.search(source) is None:  # most files: no need to tokenize them
        return _never
    # Python's lines: str.splitlines would also split at form feeds and U+2028.
    lines = io.StringIO(source).readlines()
    logical = _logical_lines(source, lines)

    def suppressed(code: str, line: int) -> bool:
        text = logical.get(line)
        if text is None:
            text = lines[line - 1] if 0 < line <= len(lines) else ""
        return is_suppressed(code, text)

    return suppressed


def _never(code: str, line: int) -> bool:
    return False


def is_suppressed(code: str, text: str) -> bool:
    match = NOQA.search(text)
    if match is None:
        return False
    listed = match.group("codes")
    if listed is None:
        return True
    codes = tuple(part for part in _SEPARATOR.split(listed) if part)
    return code in codes or code.startswith(codes)


def _logical_lines(source: str, lines: list[str]) -> dict[int, str]:
    """Map each line number to the text searched for its noqa (flake8's algorithm)."""
    line_count = len(lines)
    mapping: dict[int, str] = {}
    first, last = line_count + 2, -1
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type in (tokenize.ENDMARKER, tokenize.DEDENT):
                continue
            first = min(first, token.start[0])
            last = max(last, token.end[0])
            if token.type in (tokenize.NL, tokenize.NEWLINE):
                joined = "".join(lines[first - 1 : last])
                mapping.update(dict.fromkeys(range(first, last + 1), joined))
                first, last = line_count + 2, -1
    except (tokenize.TokenError, SyntaxError):
        return {}
    return mapping
