"""How a rule describes a fix: replacements of nodes, and the modules the new code needs."""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from async_lint.diagnostics import Applicability


@dataclass(frozen=True)
class Replace:
    """Put `text` where `node` is; an insertion when `before` (the node itself stays)."""

    node: cst.CSTNode
    text: str
    before: bool = False


@dataclass(frozen=True)
class FixPlan:
    message: str
    replacements: tuple[Replace, ...]
    applicability: Applicability = Applicability.SAFE
    imports: tuple[str, ...] = ()  # modules to `import` when the module does not yet
