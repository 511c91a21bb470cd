"""Python scopes and the names bound in them.

Bindings are collected by walking statements only (never expressions), which
keeps this pass cheap: a function's scope is filled the first time a name in
it is resolved. Walrus targets and `match` captures are not collected; a
name they bind is resolved as if unbound, which at worst makes a rule miss.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import Enum

import libcst as cst


class Kind(Enum):
    IMPORT = "import"  # `target` is a qualified name
    DEFINITION = "definition"  # `node` is a FunctionDef or ClassDef
    ASSIGNMENT = "assignment"  # `value` is the assigned expression
    ANNOTATION = "annotation"  # `annotation` names the type, `value` may be set
    CONTEXT_MANAGER = "context-manager"  # `value` is the `with` item's expression
    PARAMETER = "parameter"  # `node` is the Param
    UNKNOWN = "unknown"  # bound by something we do not follow (for, except, del, ...)


@dataclass(frozen=True, eq=False)
class Binding:
    kind: Kind
    node: cst.CSTNode | None = None
    value: cst.BaseExpression | None = None
    annotation: cst.BaseExpression | None = None
    target: str | None = None


@dataclass(eq=False)
class Scope:
    kind: str  # "module", "function", "lambda", "class", "comprehension"
    node: cst.CSTNode
    parent: Scope | None
    qualname: str  # of the scope itself: `pkg.mod`, `pkg.mod.Class`, `pkg.mod.f.<locals>`
    bindings: dict[str, list[Binding]] = field(default_factory=dict)
    global_names: set[str] = field(default_factory=set)
    # `<name>.<attr> = value` assignments seen in this scope's statements
    attribute_assignments: list[tuple[str, str, cst.BaseExpression]] = field(default_factory=list)

    def bind(self, name: str, binding: Binding) -> None:
        self.bindings.setdefault(name, []).append(binding)

    def visible_parents(self) -> Iterator[Scope]:
        """Enclosing scopes whose names this scope sees (class bodies are not)."""
        scope = self.parent
        while scope is not None:
            if scope.kind != "class":
                yield scope
            scope = scope.parent


UNKNOWN = Binding(Kind.UNKNOWN)


class BindingCollector:
    """Fills a scope from the statements of its body."""

    def __init__(self, scope: Scope, package: str | None) -> None:
        self.scope = scope
        self.package = package  # for relative imports; None when unknown

    def statements(self, body: Iterable[cst.BaseStatement | cst.BaseSmallStatement]) -> None:
        for statement in body:
            self.statement(statement)

    def statement(self, node: cst.CSTNode) -> None:
        scope = self.scope
        if isinstance(node, cst.SimpleStatementLine):
            self.statements(node.body)
        elif isinstance(node, (cst.FunctionDef, cst.ClassDef)):
            scope.bind(node.name.value, Binding(Kind.DEFINITION, node=node))
        elif isinstance(node, cst.Assign):
            for target in node.targets:
                self.target(target.target, node.value)
        elif isinstance(node, cst.AnnAssign):
            if isinstance(node.target, cst.Name):
                scope.bind(
                    node.target.value,
                    Binding(
                        Kind.ANNOTATION, annotation=node.annotation.annotation, value=node.value
                    ),
                )
            elif node.value is not None:
                self.target(node.target, node.value)
        elif isinstance(node, cst.AugAssign):
            self.target(node.target, None)
        elif isinstance(node, cst.Import):
            for alias in node.names:
                dotted = _dotted(alias.name)
                if alias.asname is not None:
                    self.target(alias.asname.name, None, Binding(Kind.IMPORT, target=dotted))
                else:
                    top = dotted.split(".", 1)[0]
                    scope.bind(top, Binding(Kind.IMPORT, target=top))
        elif isinstance(node, cst.ImportFrom):
            self.import_from(node)
        elif isinstance(node, cst.Global):
            scope.global_names.update(item.name.value for item in node.names)
        elif isinstance(node, (cst.If, cst.While)):
            self.statements(node.body.body)
            self._orelse(node.orelse)
        elif isinstance(node, cst.For):
            self.target(node.target, None)
            self.statements(node.body.body)
            self._orelse(node.orelse)
        elif isinstance(node, cst.With):
            for item in node.items:
                if item.asname is not None:
                    self.target(
                        item.asname.name, None, Binding(Kind.CONTEXT_MANAGER, value=item.item)
                    )
            self.statements(node.body.body)
        elif isinstance(node, (cst.Try, cst.TryStar)):
            self.statements(node.body.body)
            for handler in node.handlers:
                if handler.name is not None:
                    self.target(handler.name.name, None)
                self.statements(handler.body.body)
            self._orelse(node.orelse)
            if node.finalbody is not None:
                self.statements(node.finalbody.body.body)
        elif isinstance(node, cst.Match):
            for case in node.cases:
                self.statements(case.body.body)
        elif isinstance(node, cst.IndentedBlock):
            self.statements(node.body)

    def _orelse(self, orelse: cst.CSTNode | None) -> None:
        if isinstance(orelse, cst.If):
            self.statement(orelse)
        elif orelse is not None:
            self.statements(orelse.body.body)

    def target(
        self,
        target: cst.BaseExpression,
        value: cst.BaseExpression | None,
        binding: Binding | None = None,
    ) -> None:
        if isinstance(target, cst.Name):
            if binding is None:
                binding = UNKNOWN if value is None else Binding(Kind.ASSIGNMENT, value=value)
            scope = self.scope
            if target.value in scope.global_names:
                while scope.parent is not None:
                    scope = scope.parent
            scope.bind(target.value, binding)
        elif isinstance(target, (cst.Tuple, cst.List)):
            values: Sequence[cst.BaseExpression | None] = [None] * len(target.elements)
            if (
                isinstance(value, (cst.Tuple, cst.List))
                and len(value.elements) == len(values)
                and not any(isinstance(e, cst.StarredElement) for e in value.elements)
            ):
                values = [element.value for element in value.elements]
            for element, element_value in zip(target.elements, values, strict=True):
                inner = element.value
                self.target(
                    inner, None if isinstance(element, cst.StarredElement) else element_value
                )
        elif isinstance(target, cst.StarredElement):
            self.target(target.value, None)
        elif (
            isinstance(target, cst.Attribute)
            and isinstance(target.value, cst.Name)
            and value is not None
        ):
            self.scope.attribute_assignments.append((target.value.value, target.attr.value, value))

    def import_from(self, node: cst.ImportFrom) -> None:
        module = _dotted(node.module) if node.module is not None else ""
        if node.relative:
            module = self.relative_module(len(node.relative), module)
        if module == "__future__":
            return
        if isinstance(node.names, cst.ImportStar):
            return
        for alias in node.names:
            name = _dotted(alias.name)
            bound = alias.asname.name if alias.asname is not None else alias.name
            self.target(bound, None, Binding(Kind.IMPORT, target=f"{module}.{name}"))

    def relative_module(self, dots: int, module: str) -> str:
        """`from ..x import y` inside `pkg.sub` -> `pkg.x`; unknown packages stay dotted."""
        if self.package is None:
            return "." * dots + module
        parts = self.package.split(".") if self.package else []
        if dots - 1 > len(parts):
            return "." * dots + module
        base = parts[: len(parts) - (dots - 1)]
        return ".".join([*base, module] if module else base)


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
    for star in (params.star_arg, params.star_kwarg):
        if isinstance(star, cst.Param):
            scope.bind(star.name.value, UNKNOWN)
    BindingCollector(scope, package).statements(node.body.body)
    return scope


def _receiver(node: cst.FunctionDef) -> str | None:
    """What a method's first parameter holds: "instance", "class" or nothing."""
    for decorator in node.decorators:
        expr = decorator.decorator
        name = expr.attr.value if isinstance(expr, cst.Attribute) else getattr(expr, "value", None)
        if name == "staticmethod":
            return None
        if name == "classmethod":
            return "class"
    return "instance"


def lambda_scope(node: cst.Lambda, parent: Scope) -> Scope:
    scope = Scope("lambda", node, parent, f"{parent.qualname}.<lambda>")
    params = node.params
    for param in (*params.posonly_params, *params.params, *params.kwonly_params):
        scope.bind(param.name.value, UNKNOWN)
    for star in (params.star_arg, params.star_kwarg):
        if isinstance(star, cst.Param):
            scope.bind(star.name.value, UNKNOWN)
    return scope


def class_scope(node: cst.ClassDef, parent: Scope, package: str | None) -> Scope:
    scope = Scope("class", node, parent, f"{parent.qualname}.{node.name.value}")
    BindingCollector(scope, package).statements(node.body.body)
    return scope


def comprehension_scope(node: cst.BaseComp, parent: Scope) -> Scope:
    scope = Scope("comprehension", node, parent, parent.qualname)
    collector = BindingCollector(scope, None)
    clause: cst.CompFor | None = node.for_in
    while clause is not None:
        collector.target(clause.target, None)
        clause = clause.inner_for_in
    return scope


def module_scope(node: cst.Module, name: str, package: str | None) -> Scope:
    scope = Scope("module", node, None, name)
    BindingCollector(scope, package).statements(node.body)
    return scope
