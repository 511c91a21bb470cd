"""The shared shape of the ASL1xx rules: a known blocking call in async context."""

from __future__ import annotations

import libcst as cst

from async_lint.analysis.context import BlockingMatch
from async_lint.rules.base import Rule


class BlockingCallRule(Rule):
    """Reports calls whose knowledge entry belongs to this rule's code.

    A call counts when it is in async context and not directly awaited
    (`await x()` means `x` returned an awaitable, so it is not the blocking
    API whatever its name).
    """

    def visit_Call(self, node: cst.Call) -> None:
        ctx = self.ctx
        if not ctx.in_async_context or ctx.is_awaited(node):
            return
        match = ctx.blocking_call(node)
        if match is not None and match.call.code == self.code and self.should_report(node, match):
            self.report(node, self.message(match))

    def should_report(self, node: cst.Call, match: BlockingMatch) -> bool:
        """A rule's own exemptions, for calls that match its knowledge."""
        return True

    def message(self, match: BlockingMatch) -> str:
        return f"`{match.display}` blocks the event loop; use {match.call.instead}"
