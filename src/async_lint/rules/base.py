"""What every rule declares, and the one method it reports through."""

from __future__ import annotations

import inspect
import re
from enum import Enum
from typing import TYPE_CHECKING, ClassVar

from async_lint.diagnostics import Applicability, Severity

if TYPE_CHECKING:
    import libcst as cst

    from async_lint.analysis.context import ModuleContext
    from async_lint.fixes.plan import FixPlan

DOC_SECTIONS = ("What it does", "Why is this bad", "Example", "Use instead", "Fix safety")


class FixAvailability(Enum):
    NONE = "none"
    SOMETIMES = "sometimes"
    ALWAYS = "always"


class Rule:
    """A lint rule: metadata, docs (the class docstring) and libcst visit methods.

    Subclasses define `visit_<Node>` / `leave_<Node>` methods taking the node;
    the engine calls them in one traversal shared by all rules, with
    `self.ctx` describing where the traversal stands. A rule instance lives
    for one module.
    """

    code: ClassVar[str]
    name: ClassVar[str]  # kebab-case; reads as "allow <name>" in configs
    summary: ClassVar[str]  # one line for the catalog
    default_enabled: ClassVar[bool] = True
    severity: ClassVar[Severity] = Severity.WARNING
    fix_availability: ClassVar[FixAvailability] = FixAvailability.NONE
    fix_safety: ClassVar[Applicability | None] = None  # set when the rule has a fix
    # Code that must not be reported / must be reported by this rule; the test
    # suite is generated from them.
    valid: ClassVar[tuple[str, ...]] = ()
    invalid: ClassVar[tuple[str, ...]] = ()

    def __init__(self, ctx: ModuleContext) -> None:
        self.ctx = ctx

    def report(self, node: cst.CSTNode, message: str, fix: FixPlan | None = None) -> None:
        self.ctx.report(self.code, node, message, fix)

    @classmethod
    def docs(cls) -> str:
        """The rule's documentation as Markdown."""
        text = inspect.cleandoc(cls.__doc__ or "")
        meta = f"Severity: {cls.severity.value}. {cls.fix_sentence()}"
        return f"# {cls.code} {cls.name}\n\n{meta}\n\n{text}\n"

    @classmethod
    def fix_label(cls) -> str:
        """`safe`, `unsafe, sometimes`, ... or `none`: the catalog's fix column."""
        if cls.fix_availability is FixAvailability.NONE or cls.fix_safety is None:
            return "none"
        if cls.fix_availability is FixAvailability.SOMETIMES:
            return f"{cls.fix_safety.value}, sometimes"
        return cls.fix_safety.value

    @classmethod
    def fix_sentence(cls) -> str:
        """The fix metadata as the line under a rule's title."""
        if cls.fix_label() == "none":
            return "Fix: none."
        flags = "`--fix`" if cls.fix_safety is Applicability.SAFE else "`--fix --unsafe-fixes`"
        sometimes = cls.fix_availability is FixAvailability.SOMETIMES
        where = ", for the findings where it fits" if sometimes else ""
        return f"Fix: {cls.fix_safety.value}, applied by {flags}{where}."

    @classmethod
    def doc_sections(cls) -> list[str]:
        return re.findall(r"^## (.+)$", inspect.cleandoc(cls.__doc__ or ""), re.M)

    @classmethod
    def doc_section(cls, title: str) -> str:
        """The Markdown of one section of the docs (`What it does`), without its heading."""
        text = inspect.cleandoc(cls.__doc__ or "")
        found = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", text, re.M | re.S)
        return found.group(1).strip() if found else ""
