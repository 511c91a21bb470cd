"""`# noqa` comments, with flake8's semantics.

A comment suppresses findings reported on its own physical line: for a
multi-line call that is the line where the call starts. Only a token that
itself spans lines (a triple-quoted string) joins lines together, exactly as
in flake8, so the CLI and the flake8 plugin suppress the same findings.
`# noqa` alone suppresses everything, `# noqa: A,B` the codes listed and any
code that starts with one of them (`ASL1` is the ASL1xx family).

`add_code` writes such a comment (the editor's "disable for this line").
"""

from __future__ import annotations

import io
import re
import tokenize
from collections.abc import Callable, Iterable, Iterator

from async_lint.diagnostics import Diagnostic, Edit, Position

# flake8.defaults.NOQA_INLINE_REGEXP
NOQA = re.compile(r"# noqa(?::[\s]?(?P<codes>([A-Z]+[0-9]+(?:[,\s]+)?)+))?", re.IGNORECASE)
_SEPARATOR = re.compile(r"[,\s]")


def filter_suppressed(diagnostics: Iterable[Diagnostic], source: str) -> list[Diagnostic]:
    suppressed = suppression(source)
    return [d for d in diagnostics if not suppressed(d.code, d.start.line)]


def suppression(source: str) -> Callable[[str, int], bool]:
    """`suppressed(code, line)`: does a `# noqa` suppress `code` on that line?"""
    matches = list(NOQA.finditer(source))
    if not matches:  # most files: no need to tokenize them
        return _never
    named = _codes_named(source, matches)
    # Python's lines: str.splitlines would also split at form feeds and U+2028.
    lines = io.StringIO(source).readlines()
    groups = _Groups(source, len(lines))

    def suppressed(code: str, line: int) -> bool:
        if named is not None and not code.startswith(named):
            return False  # no comment of the file names it: no need to tokenize
        group = groups.of(line)
        if group is None:
            text = lines[line - 1] if 0 < line <= len(lines) else ""
        else:
            text = "".join(lines[group[0] - 1 : group[1]])
        return is_suppressed(code, text)

    return suppressed


def _never(code: str, line: int) -> bool:
    return False


def _codes_named(source: str, matches: list[re.Match[str]]) -> tuple[str, ...] | None:
    """Every code the noqa comments of `source` name, however flake8 joins their
    lines; None when one of them may read as a bare `# noqa`, which names all.

    A comment is read from the text of the lines joined with its own, which
    ends at the end of a line: its codes are those it has in the whole source,
    or fewer, cut at a line end, and none at all only if its own line has none.
    """
    named: list[str] = []
    for match in matches:
        line_end = source.find("\n", match.start()) + 1 or len(source)
        if NOQA.match(source, match.start(), line_end)["codes"] is None:
            return None
        named += _SEPARATOR.split(match["codes"])
    return tuple(code for code in named if code)


def is_suppressed(code: str, text: str) -> bool:
    match = NOQA.search(text)
    if match is None:
        return False
    listed = match.group("codes")
    if listed is None:
        return True
    codes = tuple(part for part in _SEPARATOR.split(listed) if part)
    return code in codes or code.startswith(codes)


class _Groups:
    """The lines flake8 reads as one for their noqa (flake8's algorithm), found by
    tokenizing only as far as the lines asked about: findings are few, files long.
    Where the source stops tokenizing, the lines from there on stand alone."""

    def __init__(self, source: str, line_count: int) -> None:
        self._groups: Iterator[tuple[int, int]] | None = _groups(source, line_count, {})
        self._of: dict[int, tuple[int, int]] = {}
        self._read_from = 0  # the first line of the last group read

    def of(self, line: int) -> tuple[int, int] | None:
        """The (first, last) line of the group that holds `line`, if any."""
        # Groups come in order of their first lines: once one starts after `line`,
        # none of those still to come holds it.
        while self._groups is not None and self._read_from <= line:
            try:
                first, last = next(self._groups)
            except (StopIteration, tokenize.TokenError, SyntaxError):
                self._groups = None
                break
            self._of.update(dict.fromkeys(range(first, last + 1), (first, last)))
            self._read_from = first
        return self._of.get(line)


def _scan(source: str, line_count: int) -> tuple[list[tuple[int, int]], dict[int, tuple[int, str]]]:
    """The (first, last) line of each run of tokens up to a line break, and each
    line's comment (column, text); nothing when the source does not tokenize."""
    comments: dict[int, tuple[int, str]] = {}
    try:
        return list(_groups(source, line_count, comments)), comments
    except (tokenize.TokenError, SyntaxError):
        return [], {}


def _groups(
    source: str, line_count: int, comments: dict[int, tuple[int, str]]
) -> Iterator[tuple[int, int]]:
    """The (first, last) line of each run of tokens up to a line break, in order;
    each line's comment (column, text) goes in `comments`."""
    first, last = line_count + 2, -1
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type in (tokenize.ENDMARKER, tokenize.DEDENT):
            continue
        first = min(first, token.start[0])
        last = max(last, token.end[0])
        if token.type == tokenize.COMMENT:
            comments[token.start[0]] = (token.start[1], token.string)
        if token.type in (tokenize.NL, tokenize.NEWLINE):
            yield first, last
            first, last = line_count + 2, -1


def add_code(source: str, code: str, line: int) -> Edit | None:
    """The edit that makes a `# noqa` suppress `code` for a finding on `line`.

    The comment goes at the end of the finding's line, or of the last line of
    the string that line continues into (flake8 reads the lines of a
    multi-line token as one). A `# noqa: X` comment there is extended to
    `# noqa: X, CODE`; any other comment is kept and the noqa follows it.
    None when the line is already suppressed, or when a comment cannot do it
    (a `# noqa: X` inside a string on the line is what flake8 would read).
    """
    lines = io.StringIO(source).readlines()
    if not 0 < line <= len(lines):
        return None
    groups, comments = _scan(source, len(lines))
    last = next((end for start, end in groups if start <= line <= end), line)
    text = lines[last - 1]
    body = text.rstrip("\r\n")
    code_end = len(body.rstrip())
    comment = comments.get(last)
    match = NOQA.search(comment[1]) if comment else None
    if comment and match and match.group("codes"):
        listed = match.group("codes").rstrip(", \t")
        at = comment[0] + match.start("codes") + len(listed)
        edit = Edit(Position(last, at), Position(last, at), f", {code}")
    else:
        edit = Edit(Position(last, code_end), Position(last, len(body)), f"  # noqa: {code}")
    edited = text[: edit.start.column] + edit.content + text[edit.end.column :]
    after = "".join([*lines[: last - 1], edited, *lines[last:]])
    if suppression(source)(code, line) or not suppression(after)(code, line):
        return None
    return edit
