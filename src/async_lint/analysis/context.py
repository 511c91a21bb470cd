"""The per-module state a rule sees while the traversal stands on a node."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, TypeVar

import libcst as cst

from async_lint.analysis.arguments import argument, literal
from async_lint.analysis.resolver import Resolver
from async_lint.analysis.scopes import Binding, Kind, Scope
from async_lint.analysis.summary import FunctionSummary, ModuleSummary
from async_lint.analysis.values import Instance, Member, Ref, Value
from async_lint.knowledge import BlockingCall, Knowledge

if TYPE_CHECKING:
    from async_lint.config import Settings
    from async_lint.fixes.plan import FixPlan


T = TypeVar("T")

_REBINDING = re.compile(r"^[ \t]*(?:global|nonlocal|del)[ \t]+([^#\n;]+)", re.M)


@dataclass(frozen=True)
class Finding:
    """A rule's report, positioned by node; the engine turns it into a Diagnostic.

    A finding with `callees` waits for the project index: it is reported only
    if one of those functions turns out to block (ASL110) or start an event
    loop (ASL402), and its message then names the chain.
    """

    code: str
    node: cst.CSTNode
    message: str
    fix: FixPlan | None = None
    callees: tuple[str, ...] = ()
    # the nodes the traversal was in, from the module down: where to position it
    within: tuple[cst.CSTNode, ...] = ()


# Findings that, made in a sync function while the project summary is
# collected, say what that function blocks on (ASL110) or the loops it starts.
BLOCKING_CODES = frozenset(f"ASL10{n}" for n in range(1, 9))
LOOP_CODES = frozenset({"ASL401"})


@dataclass(frozen=True)
class BlockingMatch:
    call: BlockingCall
    display: str  # how the message names it: `time.sleep()`, `threading.Lock.acquire()`


class ModuleContext:
    def __init__(
        self,
        module: cst.Module,
        source: str,
        filename: str,
        settings: Settings,
        module_name: str,
        package: str | None,
        project_modules: frozenset[str] | None = None,
    ) -> None:
        self.module = module
        self.source = source
        self.filename = filename
        self.settings = settings
        self.knowledge: Knowledge = settings.knowledge
        self.resolver = Resolver(module, self.knowledge, module_name, package)
        self.scope: Scope = self.resolver.module_scope
        self._enclosing: list[Scope] = []  # the scopes the open bodies were entered from
        self._steps: dict[Scope, int] = {}  # the top-level statement each scope is running
        self._loops: list[tuple[Scope, cst.For | cst.While]] = []  # open loop bodies
        self.awaited: set[cst.CSTNode] = set()
        self.ancestors: list[cst.CSTNode] = []  # from the module down to the current node
        self.findings: list[Finding] = []
        self._blocking: dict[cst.Call, BlockingMatch | None] = {}
        self._resolved: dict[cst.CSTNode, Value | None] = {}
        self._qualified: dict[tuple[cst.CSTNode, Scope, float], str | None] = {}
        self._callees: dict[cst.Call, tuple[str, ...]] = {}
        # what the project index needs from this module (ASL110, ASL402), when asked
        # for: calls into the project's modules (these top-level packages)
        self.summary = ModuleSummary(module_name) if project_modules is not None else None
        self.project_modules = project_modules or frozenset()
        self.resolver.project_modules = self.project_modules
        self._functions: dict[cst.FunctionDef, FunctionSummary] = {}

    # -- traversal bookkeeping (called by the engine) -------------------------

    def enter(self, node: cst.CSTNode) -> None:
        """Open the body of a function, lambda, class or comprehension."""
        if self.summary is not None and isinstance(node, cst.FunctionDef):
            self._summarize_function(node)
        self._enclosing.append(self.scope)
        self.scope = self.resolver.scope_of(node, self.scope)

    def at_statement(self, node: cst.CSTNode) -> None:
        """The traversal reached a statement: if it is top-level in its scope, note where."""
        step = self.scope.steps.get(node)
        if step is not None:
            self._steps[self.scope] = step

    def bind_walrus(self, node: cst.NamedExpr) -> None:
        """`(x := value)` binds x in the running scope from here on."""
        if isinstance(node.target, cst.Name):
            running = self.scope.running
            step = self._steps.get(running, -1)
            binding = Binding(Kind.ASSIGNMENT, value=node.value, step=step, direct=False)
            running.bind(node.target.value, binding)

    def exit(self, node: cst.CSTNode) -> None:
        self.scope = self._enclosing.pop()

    def enter_loop(self, node: cst.For | cst.While) -> None:
        self._loops.append((self.scope.running, node))

    def exit_loop(self) -> None:
        self._loops.pop()

    # -- questions rules ask ------------------------------------------------

    # Asked for every call by many rules: `type() is`, not isinstance(), which is
    # slow on libcst's abstract base classes (libcst's node classes have no subclasses).

    @property
    def async_function(self) -> cst.FunctionDef | None:
        """The `async def` whose body is the current async context, if any."""
        node = self.scope.running.node
        if type(node) is cst.FunctionDef and node.asynchronous is not None:
            return node
        return None

    @property
    def in_async_context(self) -> bool:
        """True inside an `async def` body, outside nested sync defs, lambdas and classes."""
        return self.async_function is not None

    @property
    def blocking_function(self) -> cst.FunctionDef | None:
        """The function in whose body the blocking rules (ASL101-ASL108, ASL401) look:
        the `async def` of the async context or, while the project summary is
        collected, a sync function too (what it would block on is summarised)."""
        node = self.scope.running.node
        if type(node) is cst.FunctionDef and (
            node.asynchronous is not None or self.summary is not None
        ):
            return node
        return None

    @property
    def in_blocking_context(self) -> bool:
        return self.blocking_function is not None

    @property
    def loop(self) -> cst.CSTNode | None:
        """The innermost loop body or comprehension around the current node, in its function."""
        if self.scope.kind == "comprehension":
            return self.scope.node
        if self._loops and self._loops[-1][0] is self.scope.running:
            return self._loops[-1][1]
        return None

    def resolve(self, expr: cst.BaseExpression) -> Value | None:
        # Several rules ask about the same callee: each node is resolved once (a
        # node is always asked about from the same scope and statement).
        if expr in self._resolved:
            return self._resolved[expr]
        value = self._resolved[expr] = self.resolver.resolve(expr, self.scope, self._step())
        return value

    def qualified_name(self, expr: cst.BaseExpression) -> str | None:
        """The qualified name of an imported function, class or module, else None."""
        key = (expr, self.scope, self._step())  # rules ask again and again about a callee
        if key in self._qualified:
            return self._qualified[key]
        name = self._qualified[key] = self.resolver.qualified_name(expr, self.scope, key[2])
        return name

    def _step(self) -> float:
        return self._steps.get(self.scope.running, math.inf)

    def code(self, expr: cst.CSTNode, limit: int = 60) -> str:
        """The source of `expr` for a message; `...` when it is long or spans lines."""
        text = self.module.code_for_node(expr)
        return text if len(text) <= limit and "\n" not in text else "..."

    def is_awaited(self, node: cst.CSTNode) -> bool:
        return node in self.awaited

    def blocking_call(self, call: cst.Call) -> BlockingMatch | None:
        """The knowledge entry of a blocking call, unless a literal argument unblocks it."""
        if call in self._blocking:
            return self._blocking[call]
        match = self._match_blocking(call)
        if match is not None and _passes_non_blocking_argument(call, match.call):
            match = None
        self._blocking[call] = match
        return match

    def _match_blocking(self, call: cst.Call) -> BlockingMatch | None:
        found = self.lookup_call(call, self.knowledge.functions, self.knowledge.methods)
        return None if found is None else BlockingMatch(*found)

    def lookup_call(
        self,
        call: cst.Call,
        functions: Mapping[str, T],
        methods: Mapping[tuple[str, str], T],
    ) -> tuple[T, str] | None:
        """The table entry for what `call` calls, and how a message names it.

        `functions` is keyed by qualified name (a class: its constructor),
        `methods` by (qualified class, method) for calls on known instances.
        """
        callee = self.resolve(call.func)
        if isinstance(callee, Ref) and callee.definition is None:
            found = functions.get(callee.name)
            if found is not None:
                return found, f"{_display(callee.name)}()"
        elif isinstance(callee, Member) and len(callee.path) == 1:
            for cls in callee.owner.types:
                found = methods.get((cls, callee.path[0]))
                if found is not None:
                    return found, f"{cls}.{callee.path[0]}()"
        return None

    def instance_types(self, expr: cst.BaseExpression) -> tuple[str, ...]:
        value = self.resolve(expr)
        return value.types if isinstance(value, Instance) else ()

    @cached_property
    def imported_modules(self) -> frozenset[str]:
        """Top-level modules imported anywhere at module level."""
        found = set()
        for bindings in self.resolver.module_scope.bindings.values():
            for binding in bindings:
                if binding.target is not None and binding.kind is Kind.IMPORT:
                    found.add(binding.target.split(".", 1)[0])
        return frozenset(found)

    @cached_property
    def async_library(self) -> str:
        """The module's async library: trio or anyio when it imports one (not only
        under `if TYPE_CHECKING:` or in a `try`), else asyncio."""
        imported = {
            binding.target.split(".", 1)[0]
            for bindings in self.resolver.module_scope.bindings.values()
            for binding in bindings
            if binding.kind is Kind.IMPORT and binding.target and binding.direct
        }
        return next((lib for lib in ("trio", "anyio") if lib in imported), "asyncio")

    def spelling(self, qualified: str) -> tuple[str, tuple[str, ...]] | None:
        """How new code at the current node names `qualified` (a module such as
        `asyncio`, or a name in one such as `openai.AsyncOpenAI`), and the import
        statements a fix must add for it.

        An import the module always makes is reused (`import asyncio as aio` ->
        `aio`, `import openai` -> `openai.AsyncOpenAI`; not one under `if
        TYPE_CHECKING:`); otherwise the import is added. None when the name it
        would bind may mean something else here: bound otherwise, rebound by a
        `global`, `nonlocal` or `del` anywhere, or possibly by a star import.
        """
        rebound = self._rebound_names
        for name, bindings in self._module_imports:
            if len(bindings) != 1:  # rebound since (a walrus)
                continue
            target = bindings[0].target or ""
            rest = qualified.removeprefix(target + ".")
            if target == qualified:
                spelled = name
            elif rest != qualified and "." not in rest:
                spelled = f"{name}.{rest}"  # a name of an imported module
            else:
                continue
            found = self.resolver.lookup(name, self.scope)
            if found is not None and found[0] is bindings and name not in rebound:
                return spelled, ()  # not shadowed here
        module, _, last = qualified.rpartition(".")
        if last in rebound or self.resolver.module_scope.star_imports:
            return None
        found = self.resolver.lookup(last, self.scope)
        if found is None:
            return last, (f"from {module} import {last}" if module else f"import {last}",)
        bindings, scope = found
        if scope is self.scope.running and all(
            b.kind is Kind.IMPORT and b.target == qualified and b.direct and b.step < self._step()
            for b in bindings
        ):
            return last, ()  # imported already, earlier in the function, unconditionally
        return None

    @cached_property
    def _module_imports(self) -> list[tuple[str, list[Binding]]]:
        """The module-level names an import always binds first, found once: scanning
        every module-level name for each fix made big modules quadratic."""
        return [
            (name, bindings)
            for name, bindings in self.resolver.module_scope.bindings.items()
            if bindings[0].kind is Kind.IMPORT and bindings[0].direct
        ]

    @cached_property
    def _rebound_names(self) -> frozenset[str]:
        """Names that a `global`, `nonlocal` or `del` statement anywhere may rebind."""
        statements = _REBINDING.findall(self.source)
        return frozenset(name for text in statements for name in re.findall(r"\w+", text))

    # -- reporting ------------------------------------------------------------

    def report(
        self, code: str, node: cst.CSTNode, message: str, fix: FixPlan | None = None
    ) -> None:
        if self.summary is not None and not self.in_async_context:
            function = self.blocking_function
            if function is not None and code in BLOCKING_CODES | LOOP_CODES:
                summary = self._functions[function]
                found = summary.blocking if code in BLOCKING_CODES else summary.loops
                found.append(self._what(node))
                return
        self.findings.append(Finding(code, node, message, fix, within=tuple(self.ancestors)))

    def defer(
        self, code: str, node: cst.CSTNode, callees: tuple[str, ...], fix: FixPlan | None = None
    ) -> None:
        """A finding that waits for the project index (see `Finding`)."""
        self.findings.append(Finding(code, node, "", fix, callees, tuple(self.ancestors)))

    # -- the project summary ------------------------------------------------

    def callees(self, call: cst.Call) -> tuple[str, ...]:
        """The qualified names the function `call` calls may have: one for a
        function, those of the class and its bases for a method."""
        found = self._callees.get(call)
        if found is None:
            found = self._callees[call] = self._project_callees(call)
        return found

    def _project_callees(self, call: cst.Call) -> tuple[str, ...]:
        func = call.func
        value = self.resolve(func)
        if isinstance(value, Ref):
            names = () if isinstance(value.definition, cst.ClassDef) else (value.name,)
        elif isinstance(value, Member) and len(value.path) == 1:
            names = tuple(f"{cls}.{value.path[0]}" for cls in value.owner.types)
        elif isinstance(func, cst.Attribute) and isinstance(func.value, cst.Call):
            # `Store().get()` with `Store` from another module: maybe a project class
            made = self.resolve(func.value.func)
            if not isinstance(made, Ref) or made.definition is not None:
                return ()
            names = (f"{made.name}.{func.attr.value}",)
        else:
            return ()
        project = self.project_modules
        return tuple(name for name in names if name.partition(".")[0] in project)

    def note_call(self, call: cst.Call) -> None:
        """A call in a sync function: a possible edge of the project's call graph."""
        node = self.scope.running.node
        if isinstance(node, cst.FunctionDef) and node.asynchronous is None:
            function = self._functions[node]
            callees = self.callees(call)
            if callees:
                function.calls.append(callees)
            if _asks_for_a_running_loop(call, self.resolve(call.func)):
                function.checks_running_loop = True

    def finish_summary(self) -> None:
        """The module-level names other modules may reach functions through: its
        imports (re-exports) and its instances of its own classes."""
        if self.summary is None:
            return
        module_scope = self.resolver.module_scope
        for name, bindings in module_scope.bindings.items():
            if len(bindings) != 1:
                continue
            binding = bindings[0]
            if binding.kind is Kind.IMPORT and binding.target:
                self.summary.imports[name] = self.knowledge.canonical(binding.target)
            elif binding.kind in (Kind.ASSIGNMENT, Kind.ANNOTATION):
                value = self.resolver.binding_value(binding, module_scope)
                if isinstance(value, Instance) and (
                    value.definition is not None
                    or value.types[0].partition(".")[0] in self.project_modules
                ):
                    self.summary.instances[name] = value.types[0]

    def _summarize_function(self, node: cst.FunctionDef) -> None:
        assert self.summary is not None
        qualified = f"{self.scope.qualname}.{node.name.value}"
        name = qualified.removeprefix(f"{self.summary.module}.")
        display = node.name.value
        if self.scope.kind == "class":
            display = f"{self.scope.qualname.rpartition('.')[2]}.{display}"
        function = FunctionSummary(name, display, node.asynchronous is not None)
        self._functions[node] = function
        self.summary.functions[name] = function

    def _what(self, node: cst.CSTNode) -> str:
        """How a chain names a blocking call: `open()`, `self.client.get()`, `with lock`."""
        if isinstance(node, cst.Call):
            return f"{self.code(node.func, 40)}()"
        if isinstance(node, cst.WithItem):
            return f"with {self.code(node.item, 40)}"
        return self.code(node, 40)


def _display(name: str) -> str:
    return name.removeprefix("builtins.")


def _passes_non_blocking_argument(call: cst.Call, blocking: BlockingCall) -> bool:
    for option in blocking.non_blocking:
        value = argument(call, option.keyword, option.position)
        if value is not None and literal(value) is not None and literal(value) == option.value:
            return True
    return False


_RUNNING_LOOP_CHECKS = frozenset({"asyncio.get_running_loop", "asyncio._get_running_loop"})


def _asks_for_a_running_loop(call: cst.Call, callee: Value | None) -> bool:
    """`asyncio.get_running_loop()` (in a `try`) or `loop.is_running()`."""
    func = call.func
    if isinstance(func, cst.Attribute) and func.attr.value == "is_running":
        return True
    return isinstance(callee, Ref) and callee.name in _RUNNING_LOOP_CHECKS
