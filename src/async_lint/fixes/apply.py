"""Applying fixes to source text, and the safety net around it.

Fixes are edit lists against the text they were computed from. One pass
applies every fix whose edits do not overlap an earlier one (in source
order), then lints the result again, up to a fixed point. A pass is kept only
when its result parses and the fixed findings are gone; when a pass fails,
its fixes are tried one by one and the failing ones are dropped and reported.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from async_lint.diagnostics import Applicability, Diagnostic, Edit, Fix
from async_lint.parsing import parse_module

MAX_PASSES = 10
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass
class FixResult:
    source: str
    fixed: list[Diagnostic] = field(default_factory=list)
    failed: list[tuple[Diagnostic, str]] = field(default_factory=list)  # with the reason
    remaining: list[Diagnostic] = field(default_factory=list)  # after the last pass


def apply_fixes(source: str, fixes: Iterable[Fix]) -> tuple[str, list[Fix]]:
    """Apply the fixes whose edits do not overlap those of a fix applied before them."""
    offsets = _LineOffsets(source)
    taken: list[tuple[int, int]] = []
    planned: dict[tuple[int, int, str], None] = {}  # identical edits (an import) once
    applied = []
    for fix in sorted(fixes, key=lambda f: min((e.start, e.end) for e in f.edits)):
        spans = [(offsets.of(edit.start), offsets.of(edit.end), edit.content) for edit in fix.edits]
        fresh = [span for span in spans if span not in planned]
        if any(_overlaps(start, end, taken) for start, end, _ in fresh):
            continue
        for span in fresh:
            planned[span] = None
            taken.append(span[:2])
        applied.append(fix)
    text = source
    for start, end, content in sorted(planned, key=lambda s: (s[0], s[1]), reverse=True):
        text = text[:start] + content + text[end:]
    return text, applied


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    for other_start, other_end in taken:
        if start < other_end and other_start < end:
            return True
        if start == end == other_start == other_end:
            return True  # two insertions at one place: their order would be arbitrary
    return False


class _LineOffsets:
    """Character offsets of (1-based line, 0-based column) positions."""

    def __init__(self, source: str) -> None:
        # Python's line breaks only: str.splitlines would also split at form feeds
        # and U+2028, which libcst's positions do not count.
        self.starts = [0] + [match.end() for match in _LINE_BREAK.finditer(source)]

    def of(self, position) -> int:
        return self.starts[min(position.line - 1, len(self.starts) - 1)] + position.column


def fix_source(
    source: str, lint, *, unsafe: bool = False, max_passes: int = MAX_PASSES
) -> FixResult:
    """Fix `source` to a fixed point. `lint(text)` returns its diagnostics.

    When a pass as a whole fails its checks, each of its fixes is tried
    alone: those that fail are dropped (and reported once), and the pass is
    tried again without them. Fixes that each pass alone but not together
    are applied one per pass.
    """
    result = FixResult(source)
    rejected: set[tuple[str, str, tuple[Edit, ...]]] = set()
    reported: set[tuple[str, str, str, str]] = set()
    diagnostics = lint(source)
    for _ in range(max_passes):
        fixable = [
            d
            for d in diagnostics
            if d.fix is not None
            and (unsafe or d.fix.applicability is Applicability.SAFE)
            and _identity(d) not in rejected
        ]
        if not fixable:
            break
        kept = _try(result.source, diagnostics, fixable, lint)
        if kept is None:  # the pass as a whole fails: one fix at a time
            alone = []
            for diagnostic in fixable:
                single = _try(result.source, diagnostics, [diagnostic], lint)
                if single is not None:
                    alone.append(single)
                    continue
                rejected.add(_identity(diagnostic))
                reason = _why(result.source, diagnostic, lint)
                key = (
                    diagnostic.code,
                    diagnostic.message,
                    reason,
                    _line(result.source, diagnostic),
                )
                if key not in reported:
                    reported.add(key)
                    result.failed.append((diagnostic, reason))
            if not alone:
                break
            if len(alone) < len(fixable):
                continue  # again, without the fixes that fail
            kept = alone[0]
        text, applied, diagnostics = kept
        result.source = text
        result.fixed.extend(applied)
    else:
        diagnostics = lint(result.source)
        if any(d.fix is not None for d in diagnostics):
            result.failed.extend(
                (d, "fixes did not settle within the pass limit") for d in diagnostics if d.fix
            )
    result.remaining = diagnostics
    return result


def _line(source: str, diagnostic: Diagnostic) -> str:
    """The text of the finding's line, which names it across passes better than its number."""
    lines = _LINE_BREAK.split(source)
    return lines[diagnostic.start.line - 1].strip() if diagnostic.start.line <= len(lines) else ""


def _try(source: str, before: list[Diagnostic], fixable: list[Diagnostic], lint):
    """(new source, diagnostics fixed, its diagnostics) if the fixes pass the checks."""
    by_fix = {id(d.fix): d for d in fixable}
    text, applied = apply_fixes(source, [d.fix for d in fixable if d.fix])
    if not applied or text == source:
        return None
    if not _parses(text):
        return None
    after = lint(text)
    fixed = [by_fix[id(fix)] for fix in applied]
    before_counts = Counter(d.code for d in before)
    after_counts = Counter(d.code for d in after)
    for code, count in Counter(d.code for d in fixed).items():
        if after_counts[code] > before_counts[code] - count:
            return None  # the finding survived its fix
    return text, fixed, after


def _why(source: str, diagnostic: Diagnostic, lint) -> str:
    assert diagnostic.fix is not None
    text, _ = apply_fixes(source, [diagnostic.fix])
    if not _parses(text):
        return "the fixed code does not parse"
    return "the finding is still reported after the fix"


def _parses(text: str) -> bool:
    try:
        parse_module(text)
    except Exception:  # noqa: BLE001 - any parser failure rejects the fix
        return False
    return True


def _identity(diagnostic: Diagnostic) -> tuple[str, str, tuple[Edit, ...]]:
    assert diagnostic.fix is not None
    return (diagnostic.code, diagnostic.message, diagnostic.fix.edits)
