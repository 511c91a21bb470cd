"""Name resolution and instance tracking, the facts every rule relies on."""

from __future__ import annotations

import math

import libcst as cst
import pytest

from async_lint.analysis.resolver import Resolver
from async_lint.analysis.values import Instance, Member, Ref
from async_lint.knowledge import DEFAULT


def resolve_last(source: str, function: str = "f", *, package: str = "app", at: float = math.inf):
    """Resolve the last expression statement of `function` (a method is `Class.method`),
    as used in its top-level statement `at` (by default after the whole body)."""
    module = cst.parse_module(source)
    resolver = Resolver(module, DEFAULT, f"{package}.module".lstrip("."), package)
    scope = resolver.module_scope
    node: cst.CSTNode = module
    for name in function.split("."):
        body = node.body if isinstance(node, cst.Module) else node.body.body
        node = next(
            s
            for s in body
            if isinstance(s, (cst.FunctionDef, cst.ClassDef)) and s.name.value == name
        )
        scope = resolver.scope_of(node, scope)
    statements = [s for s in node.body.body if isinstance(s, cst.SimpleStatementLine)]
    expr = next(s.body[0].value for s in reversed(statements) if isinstance(s.body[0], cst.Expr))
    return resolver.resolve(expr, scope, at)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import time\ndef f():\n    time.sleep\n", Ref("time.sleep")),
        ("import time as t\ndef f():\n    t.sleep\n", Ref("time.sleep")),
        ("from time import sleep as nap\ndef f():\n    nap\n", Ref("time.sleep")),
        ("import os.path\ndef f():\n    os.path.exists\n", Ref("os.path.exists")),
        ("import urllib.request as r\ndef f():\n    r.urlopen\n", Ref("urllib.request.urlopen")),
        ("import time\nnap = time.sleep\ndef f():\n    nap\n", Ref("time.sleep")),
        ("from requests.api import get\ndef f():\n    get\n", Ref("requests.get")),
        ("def f():\n    open\n", Ref("builtins.open")),
        ("from .http import fetch\ndef f():\n    fetch\n", Ref("app.http.fetch")),
        # beyond the top-level package: Python refuses it, so it stays unresolved
        ("from ..shared import x\ndef f():\n    x\n", Ref("..shared.x")),
    ],
)
def test_imports_and_aliases(source, expected):
    assert resolve_last(source) == expected


@pytest.mark.parametrize(
    "source",
    [
        "import time\ndef f(time):\n    time.sleep\n",  # a parameter shadows the module
        "import time\ndef f():\n    time = object()\n    time.sleep\n",  # a local shadows it
        "def f():\n    sleep\n",  # never imported
        "import time\ndef f():\n    for time in []:\n        pass\n    time.sleep\n",
        "try:\n    import ujson as json\nexcept ImportError:\n    import json\ndef f():\n    json.load\n",
        "from time import *\nfrom mylib import *\ndef f():\n    sleep\n",  # two star imports
    ],
)
def test_uncertain_names_do_not_resolve(source):
    value = resolve_last(source)
    assert not (isinstance(value, Ref) and value.name in ("time.sleep", "json.load"))


def test_relative_import_outside_a_package_stays_unresolved():
    # a file in a folder without __init__.py
    source = "from .time import sleep\ndef f():\n    sleep\n"
    assert resolve_last(source, package="") == Ref(".time.sleep")


def test_star_import_of_a_known_api():
    assert resolve_last("from time import *\ndef f():\n    sleep\n") == Ref("time.sleep")
    assert resolve_last("from time import *\ndef f():\n    monotonic_ns\n") is None


def test_local_definitions_are_not_external_names():
    value = resolve_last("def sleep():\n    pass\ndef f():\n    sleep\n")
    assert value.name == "app.module.sleep" and value.definition is not None


def test_global_declaration_reads_the_module_binding():
    source = "import threading\nlock = None\ndef f():\n    global lock\n    lock = threading.Lock()\n    lock\n"
    assert resolve_last(source) == Instance(("threading.Lock",))


def test_none_bindings_are_ignored():
    source = "import threading\nlock = None\nlock = threading.Lock()\ndef f():\n    lock\n"
    assert resolve_last(source) == Instance(("threading.Lock",))


def test_the_last_unconditional_binding_wins():
    source = "import threading, queue\nx = threading.Lock()\nx = queue.Queue()\ndef f():\n    x\n"
    assert resolve_last(source) == Instance(("queue.Queue",))


def test_conflicting_branches_are_unknown():
    source = "import threading, queue\nif c:\n    x = threading.Lock()\nelse:\n    x = queue.Queue()\ndef f():\n    x\n"
    assert resolve_last(source) is None


@pytest.mark.parametrize(
    "body",
    [
        "    path = Path(path)\n    path\n",
        "    p = Path(path)\n    p = p.resolve()\n    p\n",
        "    p = Path(path)\n    p = p / 'sub'\n    p\n",
        "    p = None\n    if path:\n        p = Path(path)\n    p\n",
    ],
)
def test_rebinding_in_order(body):
    source = f"from pathlib import Path\ndef f(path: str):\n{body}"
    assert resolve_last(source) == Instance(("pathlib.Path",))


def test_a_later_binding_does_not_reach_an_earlier_use():
    source = "from pathlib import Path\ndef f(p: Path):\n    p\n    p = 3\n"
    assert resolve_last(source, at=0) == Instance(("pathlib.Path",))
    assert resolve_last(source, at=2) is None


@pytest.mark.parametrize(
    "annotation",
    ["Path", "'Path'", "Optional[Path]", "Path | None", "None | Path", "Union[Path, None]",
     "typing.Optional['Path']", "Annotated[Path, 'meta']"],
)  # fmt: skip
def test_annotations(annotation):
    source = (
        "import typing\nfrom typing import Optional, Union, Annotated\nfrom pathlib import Path\n"
        f"def f(p: {annotation}):\n    p\n"
    )
    assert resolve_last(source) == Instance(("pathlib.Path",))


def test_union_of_two_classes_is_unknown():
    source = "from pathlib import Path\nimport threading\ndef f(p: Path | threading.Lock):\n    p\n"
    assert resolve_last(source) is None


def test_self_attributes_from_any_method():
    source = (
        "import threading\n"
        "class C:\n"
        "    def __init__(self):\n        self.lock = None\n"
        "    def setup(self):\n        self.lock = threading.Lock()\n"
        "    def f(self):\n        self.lock\n"
    )
    assert resolve_last(source, "C.f") == Instance(("threading.Lock",))


def test_class_attributes_and_inherited_attributes():
    source = (
        "import threading\n"
        "class Base:\n    guard = threading.Semaphore(2)\n"
        "class C(Base):\n    def f(self):\n        self.guard\n"
    )
    assert resolve_last(source, "C.f") == Instance(("threading.Semaphore",))


def test_subclass_of_a_known_class_keeps_its_ancestor():
    source = "import threading\nclass W(threading.Thread):\n    pass\ndef f():\n    W()\n"
    value = resolve_last(source)
    assert isinstance(value, Instance)
    assert value.types == ("app.module.W", "threading.Thread")


def test_factory_function_return_annotation():
    source = "from pathlib import Path\ndef make() -> Path:\n    ...\ndef f():\n    make()\n"
    assert resolve_last(source) == Instance(("pathlib.Path",))


def test_members_known_to_return_instances():
    source = "from pathlib import Path\ndef f(p: Path):\n    (p.parent / 'x').resolve()\n"
    assert resolve_last(source) == Instance(("pathlib.Path",))


def test_with_binding_of_an_instance():
    source = (
        "from concurrent.futures import ThreadPoolExecutor\n"
        "def f():\n    with ThreadPoolExecutor() as ex:\n        pass\n    ex.submit(print)\n"
    )
    assert resolve_last(source) == Instance(("concurrent.futures.Future",))


def test_attribute_chains_on_instances():
    source = "import socket\ndef f(s: socket.socket):\n    s.a.b\n"
    value = resolve_last(source)
    assert value == Member(Instance(("socket.socket",)), ("a", "b"))


def test_class_bodies_do_not_leak_into_methods():
    source = "import time\nclass C:\n    time = None\n    def f(self):\n        time.sleep\n"
    assert resolve_last(source, "C.f") == Ref("time.sleep")


def test_cycles_do_not_recurse_forever():
    assert resolve_last("a = b\nb = a\ndef f():\n    a\n") is None
    source = "class A(B):\n    pass\nclass B(A):\n    pass\ndef f():\n    A().x\n"
    assert not isinstance(resolve_last(source), Ref)
