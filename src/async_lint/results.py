"""What linting a module gives, and how its pending findings are decided.

A deferred lint (`engine.lint_source(..., defer=True)`) leaves the calls of the
transitive rules (ASL110, ASL402) pending; once every module of the run is
summarised, `complete()` decides them against the project index. Nothing
here needs the rules or libcst loaded: a run whose files all come from the
cache decides their findings without either.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from async_lint.analysis.project import BLOCKING, LOOPS, Chain, ProjectIndex
from async_lint.analysis.summary import ModuleSummary
from async_lint.catalog import CHAIN_TEMPLATES
from async_lint.diagnostics import Diagnostic

if TYPE_CHECKING:
    from async_lint.cache import Placed

LOOP_RULES = frozenset({"ASL402"})  # whose chains end at event loops


@dataclass(frozen=True, slots=True)
class Pending:
    """A call in async context that the transitive rules (ASL110, ASL402) report
    only if one of `callees` turns out to block or to start an event loop."""

    code: str
    callees: tuple[str, ...]
    diagnostic: Diagnostic | None = None  # positioned, when the module was anyway
    encoded: bool = False  # positioned, its diagnostic still in its result's `placed`

    @property
    def positioned(self) -> bool:
        return self.diagnostic is not None or self.encoded

    def decide(self, index: ProjectIndex, caller: ModuleSummary | None) -> Chain | None:
        kind = LOOPS if self.code in LOOP_RULES else BLOCKING
        return index.chain(self.callees, kind, caller)


@dataclass(frozen=True, slots=True)
class Result:
    diagnostics: list[Diagnostic]
    tracebacks: list[str]  # of internal errors, printed by --verbose
    summary: ModuleSummary | None = None  # for the project index, when a rule needs it
    # left for `complete()` by a deferred lint
    pending: list[Pending] = field(default_factory=list)
    # The text linted, for reports that quote it (`--output-format full`); kept
    # only with findings, so a run does not hold every clean file in memory.
    source: str | None = None
    # The diagnostics of the `encoded` pending findings, as the cache keeps them
    # (`cache.Placed`): decoded only if one is confirmed. A large project's
    # modules hold tens of thousands, half of what their results would take.
    placed: Placed | None = None

    def positions(self) -> list[Diagnostic | None]:
        """Each pending finding's diagnostic, or None if it was not positioned."""
        placed = iter(self.placed.diagnostics() if self.placed is not None else ())
        return [
            p.diagnostic if p.diagnostic is not None else next(placed) if p.encoded else None
            for p in self.pending
        ]


def chain_message(code: str, chain: Chain) -> str:
    """The message of a transitive finding, which names its chain."""
    return CHAIN_TEMPLATES[code].format(function=chain.function.display, chain=chain)


def needs_positions(result: Result, index: ProjectIndex) -> bool:
    """Does a pending finding that the index confirms wait for its position? Then
    `complete()` needs the module linted again with `position_pending`."""
    return any(
        not p.positioned and p.decide(index, result.summary) is not None for p in result.pending
    )


def complete(
    result: Result, index: ProjectIndex, relint: Callable[[], Result] | None = None
) -> Result:
    """The result of a deferred lint, its pending findings decided against the
    project index. Unpositioned ones are not positioned for nothing: a module
    with a call that does block is linted again, by `relint` (the same deferred
    lint, with `position_pending`)."""
    pending, caller = result.pending, result.summary
    decided = [(p, p.decide(index, caller)) for p in pending]
    if any(chain and not p.positioned for p, chain in decided):
        if relint is None:
            raise ValueError("a confirmed pending finding has no position; pass `relint`")
        return complete(relint(), index)
    found = []
    if any(chain for _, chain in decided):
        for (p, chain), diagnostic in zip(decided, result.positions(), strict=True):
            if chain is not None and diagnostic is not None:
                found.append(replace(diagnostic, message=chain_message(p.code, chain)))
    diagnostics = sorted([*result.diagnostics, *found], key=lambda d: d.sort_key)
    source = result.source if diagnostics else None
    return Result(diagnostics, result.tracebacks, result.summary, source=source)
