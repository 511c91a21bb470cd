"""Resolve expressions to qualified names and instance types.

Resolution is conservative. A use sees the bindings that can reach it in
statement order (the last unconditional binding before it, and any made in
branches or loops after that); it resolves only when they all agree, and
bindings to `None` are ignored, so `client = None` before
`client = OpenAI()` still tracks. Anything uncertain resolves to `None`, and
rules stay silent on `None`.
"""

from __future__ import annotations

import builtins
import math

import libcst as cst

from async_lint import parsing, walk
from async_lint.analysis import scopes
from async_lint.analysis.arguments import is_none, string_value
from async_lint.analysis.scopes import Binding, Kind, Scope
from async_lint.analysis.values import Instance, Member, Ref, Value
from async_lint.knowledge import Knowledge

_BUILTINS = frozenset(dir(builtins))
_CONSTANTS = frozenset({"None", "True", "False"})
_TYPING = ("typing.", "typing_extensions.")
# typing forms whose first argument is the type: `Optional[X]`, `Final[X]`, ...
_WRAPPERS = frozenset({"Optional", "Annotated", "Final", "ClassVar", "Required", "NotRequired"})
_MISSING = object()
_END = math.inf  # a use after every statement of its scope has run


def _reaching(bindings: list[Binding], at: float) -> list[Binding]:
    """The bindings that may hold the value seen by a use in top-level statement `at`.

    The last binding made unconditionally before the use hides every binding
    before it; bindings inside branches and loops after it may still reach.
    """
    candidates = [binding for binding in bindings if binding.reaches(at)]
    for index in range(len(candidates) - 1, -1, -1):
        binding = candidates[index]
        if binding.direct and (binding.step < at or binding.early):
            return candidates[index:]
    return candidates


class Resolver:
    def __init__(
        self, module: cst.Module, knowledge: Knowledge, name: str, package: str | None
    ) -> None:
        self.knowledge = knowledge
        self.package = package
        self.module_scope = scopes.module_scope(module, name, package)
        self._scopes: dict[cst.CSTNode, Scope] = {module: self.module_scope}
        self._values: dict[Binding, Value | None] = {}
        self._in_progress: set[Binding] = set()
        self._class_attributes: dict[cst.ClassDef, dict[str, list[tuple[Binding, Scope]]]] = {}
        self._defined_in: dict[cst.CSTNode, Scope] = {}  # local def/class -> where it is bound
        self._building: set[cst.ClassDef] = set()  # classes whose bases are being resolved
        self._inferring: set[cst.FunctionDef] = set()  # functions whose returns are being read
        self._aliases: set[Binding] = set()  # type aliases being expanded
        # top-level packages of the project, whose classes the index knows (ASL110)
        self.project_modules: frozenset[str] = frozenset()

    # -- scopes -------------------------------------------------------------

    def scope_of(self, node: cst.CSTNode, parent: Scope) -> Scope:
        """The scope a function, lambda, class or comprehension opens (cached)."""
        scope = self._scopes.get(node)
        if scope is None:
            if isinstance(node, cst.FunctionDef):
                scope = scopes.function_scope(node, parent, self.package)
            elif isinstance(node, cst.ClassDef):
                scope = scopes.class_scope(node, parent, self.package)
            elif isinstance(node, cst.Lambda):
                scope = scopes.lambda_scope(node, parent)
            else:
                scope = scopes.comprehension_scope(node, parent)
            self._scopes[node] = scope
        return scope

    def body_scope(self, definition: cst.FunctionDef) -> Scope | None:
        """The scope of the body of a local function that a name resolved to."""
        parent = self._defined_in.get(definition)
        return None if parent is None else self.scope_of(definition, parent)

    def lookup(self, name: str, scope: Scope) -> tuple[list[Binding], Scope] | None:
        for candidate in (scope, *scope.visible_parents()):
            if name in candidate.global_names:
                candidate = self.module_scope
            bindings = candidate.bindings.get(name)
            if bindings:
                return bindings, candidate
        return None

    # -- expressions --------------------------------------------------------

    def resolve(self, expr: cst.BaseExpression, scope: Scope, at: float = _END) -> Value | None:
        """What `expr` evaluates to, used inside top-level statement `at` of `scope`.

        `at` orders uses against bindings in the scope that is running (the
        nearest one that is not a comprehension); names of enclosing scopes
        are read after those scopes have run to their end.
        """
        kind = type(expr)  # not isinstance(): libcst's ABCs make it slow
        if kind is cst.Name:
            return self._name(expr.value, scope, at)
        if kind is cst.Attribute:
            base = self.resolve(expr.value, scope, at)
            return None if base is None else self.member(base, expr.attr.value)
        if kind is cst.Call:
            callee = self.resolve(expr.func, scope, at)
            return None if callee is None else self.call_result(callee)
        if kind is cst.Await and isinstance(expr.expression, cst.Call):
            callee = self.resolve(expr.expression.func, scope, at)
            return None if callee is None else self.call_result(callee, awaited=True)
        if kind is cst.BinaryOperation and isinstance(expr.operator, cst.Divide):
            left = self.resolve(expr.left, scope, at)
            if isinstance(left, Instance):
                return self._returns(left, "__truediv__")
        if kind is cst.BinaryOperation and isinstance(expr.operator, cst.BitOr):
            return self._piped(expr, scope, at)
        if kind is cst.Subscript:
            return self.item_of(expr.value, scope, at)
        if kind is cst.BooleanOperation and isinstance(expr.operator, cst.Or):
            return self._agreed([expr.left, expr.right], scope, at)
        if kind is cst.IfExp:
            return self._agreed([expr.body, expr.orelse], scope, at)
        return None

    def _piped(self, expr: cst.BinaryOperation, scope: Scope, at: float) -> Value | None:
        """`prompt | model`: a LangChain sequence when either side is a runnable."""
        for side in (expr.left, expr.right):
            value = self.resolve(side, scope, at)
            if isinstance(value, Instance):
                made = self.knowledge.piped(value.types)
                if made is not None:
                    return self.knowledge.instance(made)
        return None

    def _agreed(self, options: list[cst.BaseExpression], scope: Scope, at: float) -> Value | None:
        """`a or b`, `a if c else b`: known when every (non-None) option agrees."""
        values = {self.resolve(option, scope, at) for option in options if not is_none(option)}
        return values.pop() if len(values) == 1 else None

    def item_of(self, container: cst.BaseExpression, scope: Scope, at: float) -> Value | None:
        """An element of `container`: `path.parents[0]`, `for f in as_completed(fs)`."""
        if isinstance(container, cst.Call):
            source = self.resolve(container.func, scope, at)
        else:
            source = self.resolve(container, scope, at)
        items = self.knowledge.items
        if isinstance(source, Ref) and source.definition is None and source.name in items:
            return self.knowledge.instance(items[source.name])
        if isinstance(source, Member) and len(source.path) == 1:
            for cls in source.owner.types:
                made = items.get((cls, source.path[0]))
                if made is not None:
                    return self.knowledge.instance(made)
        return None

    def qualified_name(
        self, expr: cst.BaseExpression, scope: Scope, at: float = _END
    ) -> str | None:
        """The qualified name of an external function, class or module."""
        value = self.resolve(expr, scope, at)
        if isinstance(value, Ref) and value.definition is None:
            return value.name
        return None

    def _name(self, name: str, scope: Scope, at: float) -> Value | None:
        if name in _CONSTANTS:
            return None
        found = self.lookup(name, scope)
        if found is None:
            star = self._star_imported(name)
            if star is not None or name not in _BUILTINS:
                return star
            stars = self.module_scope.star_imports
            if any(f"{module}.{name}" in self.knowledge.builtin_shadows for module in stars):
                return None  # `from aiofiles import *` brings its own `open`
            return Ref(f"builtins.{name}")
        bindings, where = found
        result: object = _MISSING
        for binding in _reaching(bindings, at if where is scope.running else _END):
            if binding in self._in_progress:
                continue  # `p = p / "x"`: the binding being resolved is not its own source
            if binding.kind is Kind.ASSIGNMENT and is_none(binding.value):
                continue
            value = self.binding_value(binding, where)
            if value is None or (result is not _MISSING and value != result):
                return None
            result = value
        return None if result is _MISSING else result  # type: ignore[return-value]

    def _star_imported(self, name: str) -> Value | None:
        """A known API from the module's only `from m import *`."""
        modules = self.module_scope.star_imports
        if len(modules) != 1:
            return None
        qualified = self.knowledge.canonical(f"{modules[0]}.{name}")
        known = self.knowledge
        if (
            qualified in known.functions
            or qualified in known.classes
            or qualified in known.factories
        ):
            return Ref(qualified)
        return None

    def binding_value(self, binding: Binding, scope: Scope) -> Value | None:
        if binding in self._values:
            return self._values[binding]
        if binding in self._in_progress:
            return None  # a cycle such as `a = b; b = a`
        self._in_progress.add(binding)
        try:
            value = self._binding_value(binding, scope)
        finally:
            self._in_progress.discard(binding)
        self._values[binding] = value
        return value

    def _binding_value(self, binding: Binding, scope: Scope) -> Value | None:
        kind = binding.kind
        if kind is Kind.IMPORT:
            return Ref(self.knowledge.canonical(binding.target or ""))
        if kind is Kind.DEFINITION:
            node = binding.node
            assert isinstance(node, (cst.FunctionDef, cst.ClassDef))
            self._defined_in[node] = scope
            return Ref(f"{scope.qualname}.{node.name.value}", node)
        if kind is Kind.ASSIGNMENT:
            assert binding.value is not None
            return self.resolve(binding.value, scope, binding.step)
        if kind is Kind.ANNOTATION:
            # The value is more precise (`x: Base = Derived()`, `LOCK: Final = Lock()`).
            assert binding.annotation is not None
            if binding.value is not None and not is_none(binding.value):
                assigned = self.resolve(binding.value, scope, binding.step)
                if isinstance(assigned, Instance):
                    return assigned
            return self.instance_of_annotation(binding.annotation, scope)
        if kind is Kind.CONTEXT_MANAGER:
            assert binding.value is not None
            entered = self.resolve(binding.value, scope, binding.step)
            # Clients and executors return themselves from __enter__.
            return entered if isinstance(entered, Instance) else None
        if kind is Kind.ITERATION:
            assert binding.value is not None
            return self.item_of(binding.value, scope, binding.step)
        if kind is Kind.PARAMETER:
            return self._parameter(binding, scope)
        return None

    def _parameter(self, binding: Binding, scope: Scope) -> Value | None:
        param = binding.node
        assert isinstance(param, cst.Param)
        class_scope = scope.parent
        if binding.target is not None and class_scope is not None:
            classdef = class_scope.node
            assert isinstance(classdef, cst.ClassDef)
            assert class_scope.parent is not None
            if binding.target == "class":
                return Ref(class_scope.qualname, classdef)
            return self.class_instance(classdef, class_scope.parent)
        if param.annotation is not None and scope.parent is not None:
            # Annotations are evaluated where the function is defined.
            return self.instance_of_annotation(param.annotation.annotation, scope.parent)
        return None

    # -- calls, attributes, types -------------------------------------------

    def call_result(self, callee: Value, awaited: bool = False) -> Value | None:
        """What calling `callee` returns (`awaited`: what `await callee(...)` gives)."""
        if isinstance(callee, Ref):
            if callee.definition is None:
                made = self.knowledge.constructs(callee.name)
                if made is not None:
                    return self.knowledge.instance(made)
                return self._project_instance(callee.name)
            scope = self._defined_in.get(callee.definition)
            if scope is None:
                return None
            if isinstance(callee.definition, cst.ClassDef):
                return self.class_instance(callee.definition, scope)
            if (callee.definition.asynchronous is not None) != awaited:
                return None  # a coroutine, not its result
            returns = callee.definition.returns
            if returns is not None:
                return self.instance_of_annotation(returns.annotation, scope)
            return self._returned(callee.definition, scope)
        if isinstance(callee, Member) and len(callee.path) == 1:
            return self._returns(callee.owner, callee.path[0])
        if isinstance(callee, Instance):
            return self._returns(callee, "__call__")  # `SessionLocal()`
        return None

    def _project_instance(self, name: str) -> Instance | None:
        """`Store()` with `Store` imported from another module of the project (named
        like a class): an instance of it, for the project index to follow."""
        top, _, rest = name.partition(".")
        if top in self.project_modules and rest.rpartition(".")[2][:1].isupper():
            return Instance((name,))
        return None

    def _returned(self, function: cst.FunctionDef, scope: Scope) -> Value | None:
        """What an unannotated local function returns, when all its `return`s agree."""
        if function in self._inferring:
            return None  # recursion
        self._inferring.add(function)
        try:
            body = self.scope_of(function, scope)
            values = set()
            for statement, step in body.steps.items():
                returns, yields = _returns_in(statement)
                if yields:
                    return None  # a generator
                for value in returns:
                    if not is_none(value):
                        values.add(self.resolve(value, body, step))
            return values.pop() if len(values) == 1 else None
        finally:
            self._inferring.discard(function)

    def _returns(self, owner: Instance, member: str) -> Instance | None:
        for cls in owner.types:
            made = self.knowledge.returns(cls, member)
            if made is not None:
                return self.knowledge.instance(made)
        return None

    def member(self, base: Value, attr: str) -> Value | None:
        if isinstance(base, Ref):
            if base.definition is None:
                return Ref(self.knowledge.canonical(f"{base.name}.{attr}"))
            if isinstance(base.definition, cst.ClassDef):
                return self._class_member(base.definition, attr)
            return None
        if isinstance(base, Instance):
            if any((cls, attr) in self.knowledge.properties for cls in base.types):
                return self._returns(base, attr)
            if base.definition is not None:
                found = self._class_member(base.definition, attr)
                if isinstance(found, Ref) and _is_property(found.definition):
                    return self.call_result(found)
                if found is not None:
                    return found
            return Member(base, (attr,))
        return Member(base.owner, (*base.path, attr))

    def _class_member(self, classdef: cst.ClassDef, attr: str, depth: int = 0) -> Value | None:
        """An attribute of a local class or, failing that, of its local bases."""
        class_scope = self._class_scope(classdef)
        if class_scope is None or depth > 20:
            return None
        candidates = [
            (binding, scope)
            for binding, scope in self._attributes(classdef, class_scope).get(attr, ())
            if not (binding.kind is Kind.ASSIGNMENT and is_none(binding.value))
        ]
        if candidates:
            results = {self.binding_value(binding, scope) for binding, scope in candidates}
            return results.pop() if len(results) == 1 else None
        assert class_scope.parent is not None
        for base in classdef.bases:
            value = self.resolve(base.value, class_scope.parent) if base.keyword is None else None
            if isinstance(value, Ref) and isinstance(value.definition, cst.ClassDef):
                found = self._class_member(value.definition, attr, depth + 1)
                if found is not None:
                    return found
        return None

    def _class_scope(self, classdef: cst.ClassDef) -> Scope | None:
        scope = self._scopes.get(classdef)
        if scope is None and classdef in self._defined_in:
            scope = self.scope_of(classdef, self._defined_in[classdef])
        return scope

    def _attributes(
        self, classdef: cst.ClassDef, class_scope: Scope
    ) -> dict[str, list[tuple[Binding, Scope]]]:
        """Class-body names and `self.x = ...` assignments in the class's methods."""
        cached = self._class_attributes.get(classdef)
        if cached is not None:
            return cached
        attributes: dict[str, list[tuple[Binding, Scope]]] = {}
        self._class_attributes[classdef] = attributes
        for name, bindings in class_scope.bindings.items():
            attributes[name] = [(binding, class_scope) for binding in bindings]
        for bindings in class_scope.bindings.values():
            for binding in bindings:
                method = binding.node
                if binding.kind is not Kind.DEFINITION or not isinstance(method, cst.FunctionDef):
                    continue
                method_scope = self.scope_of(method, class_scope)
                receiver = _first_parameter(method)
                for owner, attr, assigned in method_scope.attribute_assignments:
                    unset = assigned.kind is Kind.ASSIGNMENT and is_none(assigned.value)
                    if owner == receiver and not unset:
                        attributes.setdefault(attr, []).append((assigned, method_scope))
        return attributes

    def class_instance(self, classdef: cst.ClassDef, scope: Scope) -> Instance:
        class_scope = self.scope_of(classdef, scope)
        types = [class_scope.qualname]
        if classdef in self._building:  # a base-class cycle: stop here
            return Instance(tuple(types), classdef)
        self._building.add(classdef)
        try:
            self._add_base_types(classdef, scope, types)
        finally:
            self._building.discard(classdef)
        return Instance(tuple(types), classdef)

    def _add_base_types(self, classdef: cst.ClassDef, scope: Scope, types: list[str]) -> None:
        for base in classdef.bases:
            if base.keyword is not None:
                continue
            value = self.resolve(base.value, scope)
            if isinstance(value, Ref) and value.definition is None:
                types.append(value.name)
            elif isinstance(value, Ref) and isinstance(value.definition, cst.ClassDef):
                parent_scope = self._defined_in.get(value.definition)
                if parent_scope is not None:
                    inherited = self.class_instance(value.definition, parent_scope)
                    types.extend(t for t in inherited.types if t not in types)

    def instance_of_annotation(self, annotation: cst.BaseExpression, scope: Scope) -> Value | None:
        if isinstance(annotation, cst.SimpleString):
            try:
                parsed = parsing.parse_expression(string_value(annotation) or "")
            except Exception:  # noqa: BLE001 - an annotation that is not an expression
                return None
            return self.instance_of_annotation(parsed, scope)
        if isinstance(annotation, cst.BinaryOperation) and isinstance(
            annotation.operator, cst.BitOr
        ):
            members = [annotation.left, annotation.right]
            return self._optional(members, scope)
        if isinstance(annotation, cst.Subscript):
            generic = self.qualified_name(annotation.value, scope)
            elements = [
                element.slice.value
                for element in annotation.slice
                if isinstance(element.slice, cst.Index)
            ]
            special = generic.partition(".")[2] if generic and generic.startswith(_TYPING) else None
            if special == "Union":
                return self._optional(elements, scope)
            if special in _WRAPPERS and elements:
                return self.instance_of_annotation(elements[0], scope)
            if special is not None:
                return None
            # `Queue[str]`, `Future[int]`: an instance of the generic class itself.
            return self.instance_of_annotation(annotation.value, scope)
        value = self.resolve(annotation, scope)
        if isinstance(value, Ref):
            if value.definition is None:
                return self.knowledge.instance(value.name)
            if isinstance(value.definition, cst.ClassDef):
                defining = self._defined_in.get(value.definition)
                return None if defining is None else self.class_instance(value.definition, defining)
        if value is None and isinstance(annotation, cst.Name):
            return self._type_alias(annotation.value, scope)
        return None

    def _type_alias(self, name: str, scope: Scope) -> Value | None:
        """`ClientDep = Annotated[OpenAI, Depends(get_client)]` used as an annotation."""
        found = self.lookup(name, scope)
        if found is None or len(found[0]) != 1:
            return None
        binding = found[0][0]
        if binding.kind not in (Kind.ASSIGNMENT, Kind.ANNOTATION) or binding.value is None:
            return None
        if binding in self._aliases:
            return None
        self._aliases.add(binding)
        try:
            return self.instance_of_annotation(binding.value, found[1])
        finally:
            self._aliases.discard(binding)

    def _optional(self, members: list[cst.BaseExpression], scope: Scope) -> Value | None:
        """`X | None` and `Union[X, None]` are X; other unions are unknown."""
        kept = [m for m in members if not is_none(m)]
        if len(kept) != 1:
            return None
        return self.instance_of_annotation(kept[0], scope)


def _is_property(definition: cst.CSTNode | None) -> bool:
    if not isinstance(definition, cst.FunctionDef):
        return False
    return bool({"property", "cached_property"} & set(scopes.decorator_names(definition)))


class _ReturnFinder(scopes.SameScopeVisitor):
    """The `return` values and whether there is a `yield`, outside nested scopes."""

    def __init__(self) -> None:
        self.returns: list[cst.BaseExpression] = []
        self.yields = False

    def visit_Return(self, node: cst.Return) -> None:
        if node.value is not None:
            self.returns.append(node.value)

    def visit_Yield(self, node: cst.Yield) -> None:
        self.yields = True


def _returns_in(statement: cst.CSTNode) -> tuple[list[cst.BaseExpression], bool]:
    if isinstance(statement, (cst.FunctionDef, cst.ClassDef)):
        return [], False
    finder = _ReturnFinder()
    walk.visit(statement, finder)
    return finder.returns, finder.yields


def _first_parameter(function: cst.FunctionDef) -> str | None:
    params = (*function.params.posonly_params, *function.params.params)
    return params[0].name.value if params else None
