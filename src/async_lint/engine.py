"""Parse once, run every enabled rule in one traversal, return diagnostics.

Rules report libcst nodes; positions are computed only when a module has
findings (libcst derives them by regenerating the code, which costs about as
much as a traversal). `# noqa` comments are applied here with flake8's
semantics unless the caller (the flake8 plugin) applies its own.
"""

from __future__ import annotations

import functools
import os
import re
import traceback
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import replace

import libcst as cst

from async_lint import noqa
from async_lint.analysis.context import BLOCKING_CODES, LOOP_CODES, Finding, ModuleContext
from async_lint.analysis.modules import module_name_for
from async_lint.analysis.project import ProjectIndex
from async_lint.analysis.summary import ModuleSummary
from async_lint.catalog import INTERNAL_ERROR
from async_lint.config import Settings
from async_lint.diagnostics import Diagnostic, Edit, Fix, Position
from async_lint.fixes.imports import import_edit
from async_lint.fixes.plan import At, FixPlan
from async_lint.parsing import TooDeep, parse_module, python_ast
from async_lint.positions import positions as node_positions
from async_lint.prefilter import may_report
from async_lint.results import Pending, Result, chain_message
from async_lint.rules import REGISTRY
from async_lint.rules._blocking import BlockingCallRule, blocking_match
from async_lint.rules.base import Rule
from async_lint.sources import SourceError, decode, why_unreadable
from async_lint.walk import skipped, walk

# Nodes whose `body` opens a new scope, and comprehensions, which are their own scope.
_BODY_SCOPES = frozenset({cst.FunctionDef, cst.ClassDef, cst.Lambda})
_LOOPS = frozenset({cst.For, cst.While})  # whose `body` repeats
_COMPREHENSIONS = frozenset({cst.ListComp, cst.SetComp, cst.DictComp, cst.GeneratorExp})
# Everything that can be a top-level statement of a scope (one-line bodies
# hold small statements directly).
_STATEMENTS = frozenset({
    cst.SimpleStatementLine, cst.If, cst.For, cst.While, cst.Try, cst.TryStar, cst.With,
    cst.FunctionDef, cst.ClassDef, cst.Match, cst.Expr, cst.Assign, cst.AnnAssign,
    cst.AugAssign, cst.Return, cst.Raise, cst.Assert, cst.Del, cst.Import, cst.ImportFrom,
    cst.Global, cst.Nonlocal,
})  # fmt: skip

PARSE_ERROR = "ASL000"
# Rules whose findings wait for the project index.
TRANSITIVE_CODES = frozenset({"ASL110", "ASL402"})
SUMMARIZED_CODES = BLOCKING_CODES | LOOP_CODES
# A module with this many pending calls has them positioned in its first pass, as
# one with findings has (their positions are computed anyway): most such modules
# have one that turns out to block, and linting them again would cost more.
PENDING_AHEAD = 50


def lint_file(path: str, settings: Settings, display: str | None = None, **options) -> Result:
    """Lint one file from disk; unreadable or undecodable files become ASL000.
    `options` are those of `lint_source`."""
    display = display or path
    try:
        with open(path, "rb") as handle:
            data = handle.read()
        source = decode(data)
    except (OSError, SourceError) as error:
        reason = why_unreadable(error)
        return unreadable(display, reason, settings, getattr(error, "where", None))
    return lint_source(source, display, settings, path=path, **options)


def unreadable(
    filename: str, reason: str, settings: Settings, where: Position | None = None
) -> Result:
    """The result for a file whose bytes cannot be read or decoded (at `where`, if
    a byte is to blame; else at the start)."""
    where = where or Position(1, 0)
    diagnostic = Diagnostic(filename, where, PARSE_ERROR, f"cannot parse: {reason}", where)
    kept = _keep([diagnostic], "", settings.enabled_codes(filename), apply_noqa=False)
    return Result(kept, [])


def lint_source(
    source: str,
    filename: str,
    settings: Settings,
    *,
    path: str | None = None,
    apply_noqa: bool = True,
    project: ProjectIndex | None = None,
    project_modules: frozenset[str] | None = None,
    defer: bool = False,
    position_pending: bool = False,
    shortcut: bool = True,
) -> Result:
    """Lint source text. `path` locates the module in its package (defaults to filename).

    The transitive rules (ASL110, ASL402) follow calls into the functions of
    `project` (an index of the run's other modules; by default none, so only
    this module's own) whose top-level packages are `project_modules` (by
    default this module's). With `defer`, their findings are left pending in
    the result for `complete()` to decide once every module is summarised;
    they are positioned when the module's other findings are, when there are
    `PENDING_AHEAD` of them or more, or with `position_pending`. With
    `shortcut`, a file whose text shows that no rule can find anything in it
    (`prefilter`) is not linted, only parsed when ASL000 is enabled.
    """
    codes = settings.enabled_codes(filename)
    module_name, package = module_name_for(path or filename)
    summarize = bool(codes & TRANSITIVE_CODES)
    roots = project_modules or frozenset({module_name.partition(".")[0]})
    skip = shortcut and not (
        codes - {PARSE_ERROR} and may_report(source, settings.knowledge, roots, summarize)
    )
    if skip and PARSE_ERROR not in codes:
        return _skipped(module_name, path or filename, summarize)
    try:
        module = parse_module(source)
    except cst.ParserSyntaxError as error:
        where, reason = _syntax_error(source, error)
        diagnostic = Diagnostic(filename, where, PARSE_ERROR, f"cannot parse: {reason}", where)
        return _unparsed(diagnostic, source, codes, apply_noqa)
    except SyntaxError as error:  # CPython's, for a source that may be too deep for libcst
        where = Position(max(error.lineno or 1, 1), max((error.offset or 1) - 1, 0))
        diagnostic = Diagnostic(filename, where, PARSE_ERROR, f"cannot parse: {error.msg}", where)
        return _unparsed(diagnostic, source, codes, apply_noqa)
    except (RecursionError, TooDeep):
        diagnostic = _whole_file(filename, PARSE_ERROR, "cannot parse: too deeply nested")
        return _unparsed(diagnostic, source, codes, apply_noqa)
    except Exception as error:  # noqa: BLE001 - the parser's other failures (NUL bytes, ...)
        diagnostic = _whole_file(filename, PARSE_ERROR, f"cannot parse: {error}")
        return _unparsed(diagnostic, source, codes, apply_noqa)

    if skip:
        return _skipped(module_name, path or filename, summarize)
    # The blocking rules also say what sync functions block on, for the summary;
    # findings of codes that are not enabled are dropped by `_keep`.
    running = codes | SUMMARIZED_CODES if summarize else codes
    rules = [REGISTRY[code] for code in sorted(running) if code in REGISTRY]
    ctx = ModuleContext(
        module, source, filename, settings, module_name, package, roots if summarize else None
    )
    if ctx.summary is not None and os.path.isfile(path or filename):
        ctx.summary.path = os.path.abspath(path or filename)
    traversal = _Traversal(ctx, [rule(ctx) for rule in rules if _handlers(rule)])
    pending: list[Pending] = []
    try:
        walk(module, traversal, traversal.skip)
        ctx.finish_summary()
        findings, waiting = _decide(ctx, project or ProjectIndex(), defer)
        if waiting and (findings or position_pending or len(waiting) >= PENDING_AHEAD):
            diagnostics = _position(filename, module, source, findings + waiting)
            positioned = [d for d in diagnostics if d.code in TRANSITIVE_CODES]
            diagnostics = [d for d in diagnostics if d.code not in TRANSITIVE_CODES]
            pending = [
                Pending(f.code, f.callees, d) for f, d in zip(waiting, positioned, strict=True)
            ]
        else:
            diagnostics = _position(filename, module, source, findings) if findings else []
            pending = [Pending(f.code, f.callees) for f in waiting]
    except Exception as error:  # noqa: BLE001 - never a traceback, whatever the input
        reason = "the module is too deeply nested to analyse" if _from_recursion(error) else (
            f"{type(error).__name__}: {error}"
        )  # fmt: skip
        diagnostics = [_whole_file(filename, INTERNAL_ERROR, f"internal error: {reason}")]
        traversal.tracebacks.append(traceback.format_exc())
    kept = _keep(diagnostics, source, codes, apply_noqa)
    if apply_noqa and pending and pending[0].diagnostic is not None:
        suppressed = noqa.suppression(source)
        pending = [p for p in pending if not suppressed(p.code, p.diagnostic.start.line)]
    # the text, for reports that quote findings: pending ones may become findings
    text = source if kept or pending else None
    return Result(kept, traversal.tracebacks, ctx.summary, pending, text)


def _skipped(module_name: str, path: str, summarize: bool) -> Result:
    """The result of a file no rule can find anything in: no findings, and the
    empty summary of its module (see `prefilter`)."""
    if not summarize:
        return Result([], [])
    summary = ModuleSummary(module_name)
    if os.path.isfile(path):
        summary.path = os.path.abspath(path)
    return Result([], [], summary)


def _unparsed(diagnostic: Diagnostic, source: str, codes: Iterable[str], apply_noqa: bool):
    kept = _keep([diagnostic], source, codes, apply_noqa)
    return Result(kept, [], source=source if kept else None)


def _decide(
    ctx: ModuleContext, index: ProjectIndex, defer: bool
) -> tuple[list[Finding], list[Finding]]:
    """The findings to report, and the transitive ones left for `complete()`.

    A transitive finding is kept only if its chain is known now (the index
    and this module's own summary); a deferred lint leaves them all waiting.
    """
    findings = [f for f in ctx.findings if not f.callees]
    waiting = [f for f in ctx.findings if f.callees]
    if not waiting or defer:
        return findings, waiting
    if ctx.summary is not None:
        index.add(ctx.summary)
    for finding in waiting:
        chain = Pending(finding.code, finding.callees).decide(index, ctx.summary)
        if chain is not None:
            message = chain_message(finding.code, chain)
            findings.append(replace(finding, message=message, callees=()))
    return findings, []


def _from_recursion(error: BaseException | None) -> bool:
    """True when the error is, or was raised while handling, a RecursionError."""
    while error is not None:
        if isinstance(error, RecursionError):
            return True
        error = error.__context__
    return False


def _keep(
    diagnostics: list[Diagnostic], source: str, codes: Iterable[str], apply_noqa: bool
) -> list[Diagnostic]:
    """The diagnostics of enabled codes that no `# noqa` suppresses, in order."""
    enabled = set(codes)
    kept = [d for d in diagnostics if d.code in enabled or d.code == INTERNAL_ERROR]
    if apply_noqa and kept:
        suppressed = noqa.suppression(source)
        kept = [
            _without_fix_on(d, suppressed) if d.fix else d
            for d in kept
            if not suppressed(d.code, d.start.line)
        ]
    return sorted(kept, key=lambda d: d.sort_key)


def _without_fix_on(diagnostic: Diagnostic, suppressed) -> Diagnostic:
    """A fix that edits a line whose `# noqa` suppresses its code is not offered:
    the comment says to leave that line alone (one fix may span several findings)."""
    assert diagnostic.fix is not None
    for edit in diagnostic.fix.edits:
        if edit.content.endswith("\n") and edit.start == edit.end:
            continue  # an added import line
        for line in range(edit.start.line, edit.end.line + 1):
            if suppressed(diagnostic.code, line):
                return replace(diagnostic, fix=None)
    return diagnostic


def _position(
    filename: str, module: cst.Module, source: str, findings: list[Finding]
) -> list[Diagnostic]:
    plans = [finding.fix for finding in findings if finding.fix is not None]
    # each finding's nodes and the path the traversal was on: only their code is generated
    within: list | None = [(finding.within, _nodes_of(finding)) for finding in findings]
    wanted = [node for _, nodes in within for node in nodes]
    if any(plan.imports for plan in plans):  # where `import_edit` may put them
        wanted += module.body
        wanted += [d for statement in module.body for d in getattr(statement, "decorators", ())]
        within = None
    positions = node_positions(module, wanted, comments=bool(plans), within=within, source=source)
    seen: set[tuple[str, int]] = set()
    comments: list[Position] | None = None  # where comments start, once a fix needs them
    diagnostics = []
    for finding in findings:
        if (finding.code, id(finding.node)) in seen:
            continue  # one finding per node per code
        seen.add((finding.code, id(finding.node)))
        code_range = positions.get(finding.node)
        if code_range is None:  # the module itself, for whole-file findings
            start = end = Position(1, 0)
        else:
            start = Position(code_range.start.line, code_range.start.column)
            end = Position(code_range.end.line, code_range.end.column)
        fix = None
        if finding.fix is not None:
            if comments is None:
                comments = sorted(_start(positions[n]) for n in positions if type(n) is cst.Comment)
            fix = _positioned(finding.fix, module, positions, comments)
        diagnostics.append(Diagnostic(filename, start, finding.code, finding.message, end, fix))
    return diagnostics


def _nodes_of(finding: Finding) -> list[cst.CSTNode]:
    """The nodes a finding is placed by: its own, and its fix's edits'."""
    nodes = [finding.node]
    if finding.fix is not None:
        nodes += [
            at.node for planned in finding.fix.replacements for at in (planned.start, planned.end)
        ]
    return nodes


def _positioned(plan: FixPlan, module: cst.Module, positions, comments) -> Fix | None:
    """A rule's fix by node, as edits of the source text (imports included); None
    when an edit would remove a comment."""
    edits = []
    for planned in plan.replacements:
        start, end = _place(planned.start, positions), _place(planned.end, positions)
        if start < end and bisect_left(comments, start) < bisect_left(comments, end):
            return None
        edits.append(Edit(start, end, planned.text))
    if plan.imports:  # one edit, so that their order is the plan's
        edits.append(import_edit(module, positions, module.default_newline.join(plan.imports)))
    return Fix(plan.message, tuple(edits), plan.applicability)


def _start(code_range) -> Position:
    return Position(code_range.start.line, code_range.start.column)


def _place(at: At, positions) -> Position:
    code_range = positions[at.node]
    where = code_range.end if at.end else code_range.start
    return Position(where.line, where.column + at.shift)


def _syntax_error(source: str, error: cst.ParserSyntaxError) -> tuple[Position, str]:
    """Where and why the source is invalid.

    CPython's own parser is asked first: its messages ("'(' was never
    closed") and positions are more precise than libcst's. When CPython
    accepts the code (syntax newer than libcst knows), libcst's error stands.
    """
    try:
        python_ast(source)
    except SyntaxError as python_error:
        line = python_error.lineno or 1
        column = (python_error.offset or 1) - 1
        return Position(max(line, 1), max(column, 0)), python_error.msg
    except (ValueError, RecursionError, MemoryError) as python_error:
        return Position(1, 0), str(python_error) or type(python_error).__name__
    reason = re.sub(r"^(parser error: )?(error at \d+:\d+: )?", "", error.message)
    return Position(max(error.raw_line, 1), max(error.raw_column, 0)), reason


def _whole_file(filename: str, code: str, message: str) -> Diagnostic:
    start = Position(1, 0)
    return Diagnostic(filename, start, code, message, start)


@functools.cache
def _handlers(rule: type[Rule]) -> tuple[tuple[str, type[cst.CSTNode], str], ...]:
    """The rule's (visit|leave, node type, method name) triples, found once per class."""
    found = []
    for attribute in dir(rule):
        prefix, _, node_name = attribute.partition("_")
        if prefix in ("visit", "leave") and isinstance(getattr(cst, node_name, None), type):
            found.append((prefix, getattr(cst, node_name), attribute))
    return tuple(found)


class _Dispatch:
    """Calls rules' handlers; a rule whose handler fails is reported once and asked
    no more, and the others go on."""

    def __init__(self, ctx: ModuleContext) -> None:
        self.ctx = ctx
        self.failed: set[str] = set()
        self.tracebacks: list[str] = []

    def __call__(self, handlers: list[tuple[Rule, Callable]], node: cst.CSTNode) -> None:
        for rule, handler in handlers:
            if rule.code in self.failed:
                continue
            try:
                handler(node)
            except Exception as error:  # noqa: BLE001 - one rule's bug must not hide the others
                self.failed.add(rule.code)
                self.tracebacks.append(traceback.format_exc())
                summary = f"{type(error).__name__}: {error}"
                message = f"internal error in {rule.code} {rule.name}: {summary}"
                self.ctx.report(INTERNAL_ERROR, node, message)


class _BlockingCalls:
    """The rules that keep `BlockingCallRule.visit_Call` as it is, asked once per
    call instead of once each: a call's knowledge entry names one code, so at
    most one of them goes on, with `visit_matched`. `code` and `name` are what an
    internal error of the shared step is reported as."""

    name = "blocking-calls"

    def __init__(self, rules: list[Rule], dispatch: _Dispatch) -> None:
        shared = BlockingCallRule.visit_Call
        self.by_code = {r.code: r for r in rules if getattr(type(r), "visit_Call", 0) is shared}
        self.code = ",".join(self.by_code)
        self.dispatch = dispatch

    def visit_Call(self, node: cst.Call) -> None:
        match = blocking_match(self.dispatch.ctx, node)
        rule = None if match is None else self.by_code.get(match.call.code)
        if rule is not None:
            self.dispatch([(rule, lambda call: rule.visit_matched(call, match))], node)


class _Traversal(cst.CSTVisitor):
    """One walk over the module: keeps the context current and dispatches to rules."""

    def __init__(self, ctx: ModuleContext, rules: list[Rule]) -> None:
        self.ctx = ctx
        self._dispatch = _Dispatch(ctx)
        self.tracebacks = self._dispatch.tracebacks
        self._visit: dict[type, list[tuple[Rule, Callable]]] = {}
        self._leave: dict[type, list[tuple[Rule, Callable]]] = {}
        blocking = _BlockingCalls(rules, self._dispatch)
        first = next(iter(blocking.by_code.values()), None)
        for rule in rules:
            for prefix, node_type, attribute in _handlers(type(rule)):
                table = self._visit if prefix == "visit" else self._leave
                handler = (rule, getattr(rule, attribute))
                if attribute == "visit_Call" and rule.code in blocking.by_code:
                    if rule is not first:
                        continue
                    handler = (blocking, blocking.visit_Call)  # where the first of them was
                table.setdefault(node_type, []).append(handler)
        # leaves no rule asks for, and annotations: what they compute is a type,
        # where the function is defined (or never, with postponed evaluation)
        self.skip = skipped({*self._visit, *self._leave}) | {cst.Annotation}

    def on_visit(self, node: cst.CSTNode) -> bool:
        self.ctx.ancestors.append(node)
        kind = type(node)
        if kind in _STATEMENTS:
            self.ctx.at_statement(node)
        elif kind is cst.Await:
            self.ctx.awaited.add(node.expression)  # type: ignore[attr-defined]
        elif kind is cst.NamedExpr:
            self.ctx.bind_walrus(node)  # type: ignore[arg-type]
        elif kind is cst.Call and self.ctx.summary is not None:
            self.ctx.note_call(node)  # type: ignore[arg-type]
        elif kind in _COMPREHENSIONS:
            self.ctx.enter(node)
        handlers = self._visit.get(kind)
        if handlers:
            self._dispatch(handlers, node)
        return True

    def on_leave(self, original_node: cst.CSTNode) -> None:
        kind = type(original_node)
        handlers = self._leave.get(kind)
        if handlers:
            self._dispatch(handlers, original_node)
        if kind in _COMPREHENSIONS:
            self.ctx.exit(original_node)
        self.ctx.ancestors.pop()

    # `walk` calls these for `body` fields only.
    def on_visit_attribute(self, node: cst.CSTNode, attribute: str) -> None:
        kind = type(node)
        if kind in _BODY_SCOPES:
            self.ctx.enter(node)
        elif kind in _LOOPS:
            self.ctx.enter_loop(node)  # type: ignore[arg-type]

    def on_leave_attribute(self, original_node: cst.CSTNode, attribute: str) -> None:
        kind = type(original_node)
        if kind in _BODY_SCOPES:
            self.ctx.exit(original_node)
        elif kind in _LOOPS:
            self.ctx.exit_loop()
