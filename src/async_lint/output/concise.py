from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from async_lint.diagnostics import Diagnostic
from async_lint.rules import REGISTRY


def render_concise(diagnostics: Sequence[Diagnostic]) -> str:
    """`path:line:col: ASLnnn message`, one finding a line (1-based line and column)."""
    return "".join(
        f"{d.filename}:{d.start.line}:{d.start.display_column}: {d.code} {d.message}\n"
        for d in diagnostics
    )


def statistics(diagnostics: Sequence[Diagnostic]) -> list[tuple[str, str, int]]:
    counts = Counter(d.code for d in diagnostics)
    return [
        (code, REGISTRY[code].name if code in REGISTRY else "internal-error", count)
        for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]


def render_statistics(diagnostics: Sequence[Diagnostic]) -> str:
    return "".join(f"{count:>5}\t{code}\t{name}\n" for code, name, count in statistics(diagnostics))
