"""Python scopes and the names bound in them.

Bindings are collected by walking statements only (never expressions), which
keeps this pass cheap: a function's scope is filled the first time the
traversal enters it. Walrus targets live in expressions, so the traversal
adds them as it reaches them (`ModuleContext.bind_walrus`).

Each binding remembers the top-level statement of its scope that makes it
(`step`) and whether that statement always makes it (`direct`), so that a
use can tell which bindings reach it: `path = Path(path)` at the top of a
function rebinds the parameter for every later statement.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum

import libcst as cst


class Kind(Enum):
    IMPORT = "import"  # `target` is a qualified name
    DEFINITION = "definition"  # `node` is a FunctionDef or ClassDef
    ASSIGNMENT = "assignment"  # `value` is the assigned expression
    ANNOTATION = "annotation"  # `annotation` names the type, `value` may be set
    CONTEXT_MANAGER = "context-manager"  # `value` is the `with` item's expression
    ITERATION = "iteration"  # `value` is the iterable of a `for`
    PARAMETER = "parameter"  # `node` is the Param; `target` "instance"/"class" for self/cls
    UNKNOWN = "unknown"  # bound by something we do not follow (except, match, augmented, ...)


@dataclass(frozen=True, eq=False)
class Binding:
    kind: Kind
    node: cst.CSTNode | None = None
    value: cst.BaseExpression | None = None
    annotation: cst.BaseExpression | None = None
    target: str | None = None
    step: float = -1  # index of the scope's top-level statement that makes it (-1: parameters)
    direct: bool = True  # made whenever that statement runs, not inside a branch or loop
    early: bool = False  # made before the rest of its statement runs (`with ... as x:`)

    def reaches(self, step: float) -> bool:
        """Can this binding be the value of a use inside top-level statement `step`?"""
        return self.step < step or (self.step == step and (self.early or not self.direct))


@dataclass(eq=False)
class Scope:
    kind: str  # "module", "function", "lambda", "class", "comprehension"
    node: cst.CSTNode
    parent: Scope | None
    qualname: str  # of the scope itself: `pkg.mod`, `pkg.mod.Class`, `pkg.mod.f.<locals>`
    bindings: dict[str, list[Binding]] = field(default_factory=dict)
    global_names: set[str] = field(default_factory=set)
    star_imports: list[str] = field(default_factory=list)  # modules of `from m import *`
    # `<name>.<attr> = value` (or `: annotation = value`) in this scope's statements
    attribute_assignments: list[tuple[str, str, Binding]] = field(default_factory=list)
    steps: dict[cst.CSTNode, int] = field(default_factory=dict)  # top-level statement -> index

    def bind(self, name: str, binding: Binding) -> None:
        self.bindings.setdefault(name, []).append(binding)

    def visible_parents(self) -> Iterator[Scope]:
        """Enclosing scopes whose names this scope sees (class bodies are not)."""
        scope = self.parent
        while scope is not None:
            if scope.kind != "class":
                yield scope
            scope = scope.parent

    @property
    def running(self) -> Scope:
        """The scope whose code runs here: comprehensions run inside their parent's."""
        scope = self
        while scope.kind == "comprehension" and scope.parent is not None:
            scope = scope.parent
        return scope

    @property
    def root(self) -> Scope:
        scope = self
        while scope.parent is not None:
            scope = scope.parent
        return scope


class BindingCollector:
    """Fills a scope from the statements of its body."""

    def __init__(self, scope: Scope, package: str | None) -> None:
        self.scope = scope
        self.package = package  # for relative imports; None when unknown
        self.step = -1
        self.depth = 0  # 0 while in a top-level statement itself, deeper inside blocks

    def body(self, statements: Sequence[cst.BaseStatement | cst.BaseSmallStatement]) -> None:
        """Collect a scope's own body, numbering its top-level statements."""
        for index, statement in enumerate(statements):
            self.step = index
            self.scope.steps[statement] = index
            self.statement(statement)

    def nested(self, statements: Iterable[cst.CSTNode]) -> None:
        self.depth += 1
        for statement in statements:
            self.statement(statement)
        self.depth -= 1

    def binding(self, kind: Kind, **fields) -> Binding:
        return Binding(kind, step=self.step, direct=self.depth == 0, **fields)

    def statement(self, node: cst.CSTNode) -> None:
        scope = self.scope
        kind = type(node)  # not isinstance(): libcst's ABCs make it slow
        if kind is cst.SimpleStatementLine:
            for small in node.body:
                self.statement(small)
        elif kind is cst.FunctionDef or kind is cst.ClassDef:
            self.bind(node.name.value, self.binding(Kind.DEFINITION, node=node))
        elif kind is cst.Assign:
            for target in node.targets:
                self.target(target.target, node.value)
        elif kind is cst.AnnAssign:
            annotated = self.binding(
                Kind.ANNOTATION, annotation=node.annotation.annotation, value=node.value
            )
            self.target(node.target, node.value, annotated)
        elif kind is cst.AugAssign:
            self.target(node.target, None)
        elif kind is cst.Import:
            for alias in node.names:
                dotted = _dotted(alias.name)
                if alias.asname is not None:
                    imported = self.binding(Kind.IMPORT, target=dotted)
                    self.target(alias.asname.name, None, imported)
                else:
                    top = dotted.split(".", 1)[0]
                    self.bind(top, self.binding(Kind.IMPORT, target=top))
        elif kind is cst.ImportFrom:
            self.import_from(node)
        elif kind is cst.Global:
            scope.global_names.update(item.name.value for item in node.names)
        elif kind is cst.If or kind is cst.While:
            self.nested(node.body.body)
            self._orelse(node.orelse)
        elif kind is cst.For:
            self.depth += 1
            self.target(node.target, None, self.binding(Kind.ITERATION, value=node.iter))
            self.depth -= 1
            self.nested(node.body.body)
            self._orelse(node.orelse)
        elif kind is cst.With:
            for item in node.items:
                if item.asname is not None:
                    entered = self.binding(Kind.CONTEXT_MANAGER, value=item.item)
                    self.target(item.asname.name, None, _early(entered))
            self.nested(node.body.body)
        elif kind is cst.Try or kind is cst.TryStar:
            self.nested(node.body.body)
            self.depth += 1
            for handler in node.handlers:
                if handler.name is not None:
                    self.target(handler.name.name, None)
                self.nested(handler.body.body)
            self.depth -= 1
            self._orelse(node.orelse)
            if node.finalbody is not None:
                self.nested(node.finalbody.body.body)
        elif kind is cst.Match:
            self.depth += 1
            for case in node.cases:
                for name in _captures(case.pattern):
                    self.target(name, None)
                self.nested(case.body.body)
            self.depth -= 1

    def _orelse(self, orelse: cst.CSTNode | None) -> None:
        if isinstance(orelse, cst.If):
            self.depth += 1
            self.statement(orelse)
            self.depth -= 1
        elif orelse is not None:
            self.nested(orelse.body.body)

    def bind(self, name: str, binding: Binding) -> None:
        if name in self.scope.global_names:
            # Made by a function, once the module has run (its value is read there too).
            self.scope.root.bind(name, replace(binding, step=math.inf, direct=False, early=False))
        else:
            self.scope.bind(name, binding)

    def target(
        self,
        target: cst.BaseExpression,
        value: cst.BaseExpression | None,
        binding: Binding | None = None,
    ) -> None:
        if isinstance(target, cst.Name):
            if binding is None:
                kind = Kind.UNKNOWN if value is None else Kind.ASSIGNMENT
                binding = self.binding(kind, value=value)
            self.bind(target.value, binding)
        elif isinstance(target, (cst.Tuple, cst.List)):
            values: Sequence[cst.BaseExpression | None] = [None] * len(target.elements)
            if (
                isinstance(value, (cst.Tuple, cst.List))
                and len(value.elements) == len(values)
                and not any(isinstance(e, cst.StarredElement) for e in value.elements)
            ):
                values = [element.value for element in value.elements]
            for element, element_value in zip(target.elements, values, strict=True):
                starred = isinstance(element, cst.StarredElement)
                self.target(element.value, None if starred else element_value)
        elif isinstance(target, cst.StarredElement):
            self.target(target.value, None)
        elif isinstance(target, cst.Attribute) and isinstance(target.value, cst.Name):
            if binding is None and value is not None:
                binding = self.binding(Kind.ASSIGNMENT, value=value)
            if binding is not None and binding.kind in (Kind.ASSIGNMENT, Kind.ANNOTATION):
                self.scope.attribute_assignments.append(
                    (target.value.value, target.attr.value, binding)
                )

    def import_from(self, node: cst.ImportFrom) -> None:
        module = _dotted(node.module) if node.module is not None else ""
        if node.relative:
            module = self.relative_module(len(node.relative), module)
        if module == "__future__":
            return
        if isinstance(node.names, cst.ImportStar):
            self.scope.star_imports.append(module)
            return
        for alias in node.names:
            name = _dotted(alias.name)
            bound = alias.asname.name if alias.asname is not None else alias.name
            self.target(bound, None, self.binding(Kind.IMPORT, target=f"{module}.{name}"))

    def relative_module(self, dots: int, module: str) -> str:
        """`from ..x import y` inside `pkg.sub` -> `pkg.x`; outside a package it stays dotted."""
        if not self.package:
            return "." * dots + module
        parts = self.package.split(".")
        if dots - 1 >= len(parts):
            return "." * dots + module
        base = parts[: len(parts) - (dots - 1)]
        return ".".join([*base, module] if module else base)


def _early(binding: Binding) -> Binding:
    return replace(binding, early=True)


def _captures(pattern: cst.MatchPattern) -> Iterator[cst.Name]:
    """The names a `case` pattern binds."""
    if isinstance(pattern, cst.MatchAs):
        if pattern.name is not None:
            yield pattern.name
        if pattern.pattern is not None:
            yield from _captures(pattern.pattern)
    elif isinstance(pattern, cst.MatchStar):
        if pattern.name is not None:
            yield pattern.name
    elif isinstance(pattern, cst.MatchOr):
        for element in pattern.patterns:
            yield from _captures(element.pattern)
    elif isinstance(pattern, (cst.MatchSequence, cst.MatchList, cst.MatchTuple)):
        for element in pattern.patterns:
            yield from _captures(element if isinstance(element, cst.MatchStar) else element.value)
    elif isinstance(pattern, cst.MatchMapping):
        for element in pattern.elements:
            yield from _captures(element.pattern)
        if pattern.rest is not None:
            yield pattern.rest
    elif isinstance(pattern, cst.MatchClass):
        for element in pattern.patterns:
            yield from _captures(element.value)
        for keyword in pattern.kwds:
            yield from _captures(keyword.pattern)


def _dotted(node: cst.BaseExpression) -> str:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return f"{_dotted(node.value)}.{node.attr.value}"
    raise TypeError(f"not a dotted name: {type(node).__name__}")


def function_scope(node: cst.FunctionDef, parent: Scope, package: str | None) -> Scope:
    scope = Scope("function", node, parent, f"{parent.qualname}.{node.name.value}.<locals>")
    params = node.params
    positional = (*params.posonly_params, *params.params)
    receiver = _receiver(node) if parent.kind == "class" and positional else None
    for index, param in enumerate((*positional, *params.kwonly_params)):
        role = receiver if index == 0 else None
        scope.bind(param.name.value, Binding(Kind.PARAMETER, node=param, target=role))
    _bind_star_parameters(params, scope)
    BindingCollector(scope, package).body(node.body.body)
    return scope


def _bind_star_parameters(params: cst.Parameters, scope: Scope) -> None:
    for star in (params.star_arg, params.star_kwarg):
        if isinstance(star, cst.Param):
            scope.bind(star.name.value, Binding(Kind.UNKNOWN))


def decorator_names(node: cst.FunctionDef | cst.ClassDef) -> list[str]:
    """The last name of each decorator: `@functools.cache` -> "cache"."""
    names = []
    for decorator in node.decorators:
        expr = decorator.decorator
        if isinstance(expr, cst.Call):
            expr = expr.func
        if isinstance(expr, cst.Attribute):
            names.append(expr.attr.value)
        elif isinstance(expr, cst.Name):
            names.append(expr.value)
    return names


def _receiver(node: cst.FunctionDef) -> str | None:
    """What a method's first parameter holds: "instance", "class" or nothing."""
    names = decorator_names(node)
    if "staticmethod" in names:
        return None
    return "class" if "classmethod" in names else "instance"


def lambda_scope(node: cst.Lambda, parent: Scope) -> Scope:
    scope = Scope("lambda", node, parent, f"{parent.qualname}.<lambda>")
    params = node.params
    for param in (*params.posonly_params, *params.params, *params.kwonly_params):
        scope.bind(param.name.value, Binding(Kind.UNKNOWN))
    _bind_star_parameters(params, scope)
    return scope


def class_scope(node: cst.ClassDef, parent: Scope, package: str | None) -> Scope:
    scope = Scope("class", node, parent, f"{parent.qualname}.{node.name.value}")
    BindingCollector(scope, package).body(node.body.body)
    return scope


def comprehension_scope(node: cst.BaseComp, parent: Scope) -> Scope:
    scope = Scope("comprehension", node, parent, parent.qualname)
    collector = BindingCollector(scope, None)
    clause: cst.CompFor | None = node.for_in
    while clause is not None:
        collector.target(clause.target, None, collector.binding(Kind.ITERATION, value=clause.iter))
        clause = clause.inner_for_in
    return scope


def module_scope(node: cst.Module, name: str, package: str | None) -> Scope:
    scope = Scope("module", node, None, name)
    BindingCollector(scope, package).body(node.body)
    return scope


class SameScopeVisitor(cst.CSTVisitor):
    """Visits a body without entering the functions, lambdas and classes nested in it."""

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        return False

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        return False

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        return False
