from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from async_lint.catalog import name
from async_lint.diagnostics import Applicability, Diagnostic


def render_concise(diagnostics: Sequence[Diagnostic], unsafe: bool = False) -> str:
    """`path:line:col: ASLnnn message`, one finding a line (1-based line and column);
    `[*]` before the message marks a finding that `--fix` (with `unsafe`, `--fix
    --unsafe-fixes`) would fix."""
    return "".join(finding_line(d, unsafe) + "\n" for d in diagnostics)


def finding_line(d: Diagnostic, unsafe: bool = False) -> str:
    """One finding as the concise output shows it (the `full` output's headline too)."""
    mark = "[*] " if fixable(d, unsafe) else ""
    return f"{d.filename}:{d.start.line}:{d.start.display_column}: {d.code} {mark}{d.message}"


def fixable(diagnostic: Diagnostic, unsafe: bool = False) -> bool:
    """Would a `--fix` run (with `unsafe`, `--unsafe-fixes` too) fix this finding?"""
    fix = diagnostic.fix
    return fix is not None and (unsafe or fix.applicability is Applicability.SAFE)


def statistics(diagnostics: Sequence[Diagnostic]) -> list[tuple[str, str, int]]:
    counts = Counter(d.code for d in diagnostics)
    return [
        (code, name(code), count)
        for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]


def render_statistics(diagnostics: Sequence[Diagnostic]) -> str:
    return "".join(f"{count:>5}\t{code}\t{name}\n" for code, name, count in statistics(diagnostics))
