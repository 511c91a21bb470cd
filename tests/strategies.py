"""Hypothesis strategies for async programs full of what the rules flag.

hypothesmith builds programs from the grammar, which almost never call
`time.sleep` inside an `async def`. These templates do: blocking calls, sync
clients, `asyncio.run`, fan-outs, dangling tasks and missing awaits, spelled
through every import style, placed in loops, `with`, `try`, nested functions,
lambdas, comprehensions and methods, under names that may shadow the modules.
Every program they make compiles.
"""

from __future__ import annotations

import keyword
import textwrap
from dataclasses import dataclass, field

from hypothesis import strategies as st

# Names a program may use for its own functions and variables. Some shadow what
# the rules look for (`sleep`, `run`, `open`): the linter must then stay silent.
NAMES = ("fetch", "load", "work", "job", "step", "sleep", "run", "get", "open", "client", "data")
ALIASES = ("t", "aio", "req", "sp", "oa", "hx", "_m", "asyncio2")
ARGUMENTS = "x, p, u, xs, delay, flag"
# Parameters that shadow a module a fix would name
SHADOWING = ("", ", asyncio=None", ", time=None", ", requests=None")
# Module-level lines that change what a fix may write: another async library, a
# star import, a rebinding of `asyncio`, an event loop started where it may be.
EXTRAS = (
    "import trio",
    "import anyio",
    "from helpers import *",
    "asyncio = None",
    "def rebind():\n    global asyncio\n    asyncio = 1",
    "if __name__ == '__main__':\n    import asyncio\n    asyncio.run(main())",
    "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import asyncio",
)

_identifiers = st.from_regex(r"[a-z][a-z0-9_]{0,6}", fullmatch=True).filter(
    lambda name: not keyword.iskeyword(name) and not keyword.issoftkeyword(name)
)


@dataclass
class Program:
    """The module being built: its imports, and how it spells a module's names."""

    draw: object
    imports: dict[str, str] = field(default_factory=dict)  # module -> style
    lines: list[str] = field(default_factory=list)
    aliases: dict[str, str] = field(default_factory=dict)

    def spell(self, module: str, name: str) -> str:
        """The expression for `module.name`, importing it the program's way."""
        style = self.imports.get(module)
        if style is None:
            style = self.draw(st.sampled_from(["import", "alias", "from", "from-alias"]))
            self.imports[module] = style
        if style == "import":
            self._add(f"import {module}")
            return f"{module}.{name}"
        if style == "alias":
            alias = self.aliases.setdefault(module, self.draw(st.sampled_from(ALIASES)))
            self._add(f"import {module} as {alias}")
            return f"{alias}.{name}"
        if style == "from":
            self._add(f"from {module} import {name}")
            return name
        alias = f"{name}_{module.replace('.', '_')}"
        self._add(f"from {module} import {name} as {alias}")
        return alias

    def _add(self, line: str) -> None:
        if line not in self.lines:
            self.lines.append(line)


def _call(program: Program, helper: str, async_direct: bool) -> str:
    """One expression the rules flag (or one that looks like it and is not)."""
    draw = program.draw
    kind = draw(
        st.sampled_from([
            "sleep", "requests", "requests-timeout", "requests-none", "open", "subprocess",
            "system", "httpx", "openai", "run", "gather", "task", "unawaited", "loop",
            "to-thread", "plain",
        ])
    )  # fmt: skip
    argument = draw(st.sampled_from(["1", "0.5", "x", "delay * 2", "*xs"]))
    if kind == "sleep":
        return f"{program.spell('time', 'sleep')}({argument})"
    if kind.startswith("requests"):
        method = draw(st.sampled_from(["get", "post", "request"]))
        args = "'GET', u" if method == "request" else "u"
        timeout = {"requests": "", "requests-timeout": ", timeout=5"}.get(kind, ", timeout=None")
        call = f"{program.spell('requests', method)}({args}{timeout})"
        return call + draw(st.sampled_from(["", ".json()", ".status_code"]))
    if kind == "open":
        mode = draw(st.sampled_from(["", ', "rb"', ', encoding="utf-8"']))
        return f"open(p{mode})" + draw(st.sampled_from(["", ".read()"]))
    if kind == "subprocess":
        function = draw(st.sampled_from(["run", "check_output", "call"]))
        return f"{program.spell('subprocess', function)}(['ls', x])"
    if kind == "system":
        return f"{program.spell('os', 'system')}('ls')"
    if kind == "httpx":
        return f"{program.spell('httpx', 'get')}(u{draw(st.sampled_from(['', ', timeout=3']))})"
    if kind == "openai":
        client = program.spell("openai", "OpenAI")
        timeout = draw(st.sampled_from(["", "timeout=10"]))
        return f"{client}({timeout}).chat.completions.create(model='m', messages=[])"
    if kind == "run":
        return f"{program.spell('asyncio', 'run')}({helper}(x))"
    if kind == "gather" and async_direct:
        return f"await {program.spell('asyncio', 'gather')}(*[{helper}(i) for i in xs])"
    if kind == "task":
        return f"{program.spell('asyncio', 'create_task')}({helper}(x))"
    if kind == "unawaited":
        return f"{helper}(x)"
    if kind == "loop":
        return f"{program.spell('asyncio', 'get_event_loop')}()"
    if kind == "to-thread" and async_direct:
        return f"await {program.spell('asyncio', 'to_thread')}({program.spell('time', 'sleep')}, 1)"
    return f"{helper}"


def _statement(program: Program, helper: str, async_direct: bool) -> str:
    """The call where a statement puts it: alone, assigned, returned, an argument..."""
    call = _call(program, helper, async_direct)
    place = program.draw(
        st.sampled_from([
            "alone", "assign", "return", "argument", "tuple", "if", "fstring", "semicolon",
            "comment", "noqa", "walrus", "ternary", "session",
        ])
    )  # fmt: skip
    name = program.draw(_identifiers)
    if place == "semicolon":
        return f"{name} = 1; {call}"
    if place == "comment":
        return f"{name} = (\n    {call}  # why\n)"
    if place == "noqa":
        return f"{call}  # noqa: {program.draw(st.sampled_from(['ASL101', 'ASL1', 'ASL501']))}"
    if place == "walrus":
        return f"if ({name} := {call}):\n    pass"
    if place == "ternary":
        return f"{name} = 1 if flag else {call}"
    if place == "session":
        session = program.spell("requests", "Session")
        return f"{name} = {session}()\n{name}.get(u)\n{call}"
    if place == "assign":
        return f"{name} = {call}"
    if place == "return":
        return f"return {call}"
    if place == "argument":
        return f"print({call}, flush=True)"
    if place == "tuple":
        return f"{name} = ({call}, 1)"
    if place == "if":
        return f"if {call}:\n    pass"
    if place == "fstring":
        return f"{name} = f'{{{call}!r}}'" if "'" not in call else call
    return call


def _block(program: Program, helper: str, depth: int, async_direct: bool) -> str:
    """A few statements, each perhaps wrapped in a construct that nests it."""
    draw = program.draw
    count = draw(st.integers(1, 3))
    parts = []
    for _ in range(count):
        wrapper = draw(
            st.sampled_from([
                "none", "none", "for", "while", "with", "async-with", "try", "finally", "if",
                "async-def", "def", "lambda", "listcomp", "genexp", "class",
            ])
            if depth < 3
            else st.just("none")
        )  # fmt: skip
        # a method of a class, like a nested `async def`, is async code of its own
        inner_async = wrapper in ("async-def", "class") or (async_direct and wrapper != "def")
        if wrapper == "none":
            parts.append(_statement(program, helper, async_direct))
            continue
        if wrapper == "lambda":
            call = _call(program, helper, False)
            parts.append(f"{draw(_identifiers)} = lambda: {call}")
            continue
        if wrapper in ("listcomp", "genexp"):
            call = _call(program, helper, False)
            left, right = ("[", "]") if wrapper == "listcomp" else ("list(", ")")
            parts.append(f"{draw(_identifiers)} = {left}{call} for _ in range(2){right}")
            continue
        body = textwrap.indent(_block(program, helper, depth + 1, inner_async), "    ")
        name = draw(st.sampled_from(NAMES))
        if wrapper == "for":
            parts.append(f"for item in xs:\n{body}")
        elif wrapper == "while":
            parts.append(f"while flag:\n{body}\n    break")
        elif wrapper == "with":
            parts.append(f"with open(p) as handle:\n{body}")
        elif wrapper == "async-with" and async_direct:
            parts.append(f"async with {helper}(x) as ctx:\n{body}")
        elif wrapper == "try":
            parts.append(f"try:\n{body}\nexcept Exception:\n    pass")
        elif wrapper == "finally":
            parts.append(f"try:\n    pass\nfinally:\n{body}")
        elif wrapper == "if":
            parts.append(f"if flag:\n    pass\nelse:\n{body}")
        elif wrapper == "async-def":
            parts.append(f"async def {name}({ARGUMENTS}):\n{body}")
        elif wrapper == "def":
            parts.append(f"def {name}({ARGUMENTS}):\n{body}")
        elif wrapper == "class":
            method = f"async def method(self, {ARGUMENTS}):\n{body}"
            parts.append(f"class {name.title()}:\n" + textwrap.indent(method, "    "))
        else:
            parts.append(_statement(program, helper, async_direct))
    return "\n".join(parts)


@st.composite
def async_programs(draw) -> str:
    """A module: imports, an async helper, and async functions that misuse it."""
    program = Program(draw)
    helper = draw(st.sampled_from(NAMES))
    functions = []
    for _ in range(draw(st.integers(1, 3))):
        name = draw(st.sampled_from(NAMES))
        arguments = ARGUMENTS + draw(st.sampled_from(SHADOWING))
        body = textwrap.indent(_block(program, helper, 0, True), "    ")
        decorator = draw(st.sampled_from(["", "@decorate\n", "@decorate()\n"]))
        shape = draw(st.sampled_from(["function", "method", "one-line", "client-attribute"]))
        if shape == "method":
            inner = textwrap.indent(
                f"{decorator}async def {name}(self, {arguments}):\n{body}", "    "
            )
            functions.append(f"class Service:\n{inner}")
        elif shape == "one-line":
            call = _call(program, helper, True)
            functions.append(f"{decorator}async def {name}({arguments}): {call}")
        elif shape == "client-attribute":
            client = program.spell("openai", draw(st.sampled_from(["OpenAI", "AsyncOpenAI"])))
            functions.append(
                f"class Assistant:\n    def __init__(self):\n        self.client = {client}()\n\n"
                f"    async def {name}(self, prompt):\n"
                f"        return self.client.chat.completions.create(model='m', messages=prompt)"
            )
        else:
            functions.append(f"{decorator}async def {name}({arguments}):\n{body}")
    preamble = draw(
        st.sampled_from(["", '"""A module."""\n', "from __future__ import annotations\n"])
    )
    helpers = (
        f"def decorate(*args):\n    return args[0] if args else (lambda f: f)\n\n\n"
        f"async def {helper}(*args):\n    return args\n"
    )
    order = draw(st.permutations(program.lines)) if program.lines else []
    extras = draw(st.lists(st.sampled_from(EXTRAS), max_size=2, unique=True))
    imports = "\n".join([*order, *extras])
    return f"{preamble}{imports}\n\n\n{helpers}\n\n" + "\n\n\n".join(functions) + "\n"
