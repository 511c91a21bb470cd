"""The shared shape of the transitive rules (ASL110, ASL402): a call in async
context into the project, decided once the project index is complete."""

from __future__ import annotations

from typing import ClassVar

import libcst as cst

from async_lint.analysis.project import Chain
from async_lint.fixes.plan import FixPlan
from async_lint.rules.base import Rule


class TransitiveCallRule(Rule):
    """Defers every call in async context whose callee may be a project function;
    the engine reports it, with `chain_message`, if the index finds a chain."""

    def visit_Call(self, node: cst.Call) -> None:
        ctx = self.ctx
        if not ctx.in_async_context or ctx.is_awaited(node):
            return
        callees = ctx.callees(node)
        if callees:
            ctx.defer(self.code, node, callees, self.fix(node))

    def fix(self, node: cst.Call) -> FixPlan | None:
        return None

    # The message of a finding, `{function}` and `{chain}` filled in (and no other
    # braces): it is copied to the catalog, where deciding findings reads it.
    chain_template: ClassVar[str]

    @classmethod
    def chain_message(cls, chain: Chain) -> str:
        return cls.chain_template.format(function=chain.function.display, chain=chain)
