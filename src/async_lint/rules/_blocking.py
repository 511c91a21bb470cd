"""The shared shape of the ASL1xx rules: a known blocking call in async context."""

from __future__ import annotations

import libcst as cst

from async_lint.analysis.context import BlockingMatch, ModuleContext
from async_lint.fixes.plan import FixPlan
from async_lint.fixes.rewrites import thread_offload_fix
from async_lint.rules.base import Rule


def blocking_match(ctx: ModuleContext, node: cst.Call) -> BlockingMatch | None:
    """The knowledge entry of a call in blocking context that is not awaited."""
    if not ctx.in_blocking_context or ctx.is_awaited(node):
        return None
    return ctx.blocking_call(node)


class BlockingCallRule(Rule):
    """Reports calls whose knowledge entry belongs to this rule's code.

    A call counts when it is in async context and not directly awaited
    (`await x()` means `x` returned an awaitable, so it is not the blocking
    API whatever its name). A chain of blocking calls
    (`conn.execute(q).fetchall()`) is one finding, at its first call.
    """

    def visit_Call(self, node: cst.Call) -> None:
        match = blocking_match(self.ctx, node)
        if match is not None and match.call.code == self.code:
            self.visit_matched(node, match)

    def visit_matched(self, node: cst.Call, match: BlockingMatch) -> None:
        """A call in blocking context whose knowledge entry is this rule's."""
        if not self._continues_chain(node) and self.should_report(node, match):
            self.report(node, self.message(match), self.fix(node, match))

    def _continues_chain(self, node: cst.Call) -> bool:
        receiver = node.func.value if isinstance(node.func, cst.Attribute) else None
        if not isinstance(receiver, cst.Call):
            return False
        match = self.ctx.blocking_call(receiver)
        return match is not None and match.call.code == self.code

    def should_report(self, node: cst.Call, match: BlockingMatch) -> bool:
        """A rule's own exemptions, for calls that match its knowledge."""
        return True

    def fix(self, node: cst.Call, match: BlockingMatch) -> FixPlan | None:
        """The rule's fix for this call: by default the worker-thread offload, for the
        calls the knowledge marks as wholly done by it."""
        return thread_offload_fix(self.ctx, node) if match.call.offload else None

    def message(self, match: BlockingMatch) -> str:
        return f"`{match.display}` blocks the event loop; use {match.call.instead}"
