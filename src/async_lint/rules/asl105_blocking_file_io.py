import libcst as cst

from async_lint.analysis.context import BlockingMatch
from async_lint.diagnostics import Applicability
from async_lint.knowledge.stdlib import FILE_LOADERS
from async_lint.rules._blocking import BlockingCallRule
from async_lint.rules.base import FixAvailability


class BlockingFileIo(BlockingCallRule):
    """
    ## What it does
    Reports file-system calls in async context: `open()` and `io.open()`
    (including `with open(...) as f:`), the I/O methods of `pathlib.Path`
    objects (`read_text`, `read_bytes`, `write_text`, `write_bytes`, `open`,
    `touch`, `unlink`, `mkdir`, `rmdir`, `rename`, `replace`, `iterdir`,
    `glob`, `rglob`, `exists`, `stat`), `os.listdir/scandir/walk/remove/
    unlink/rename/makedirs/mkdir/stat`, `os.path.exists/isfile/isdir/getsize/
    getmtime`, and the `shutil` copy, move and `rmtree` functions
    (`copy`, `copy2`, `copyfile`, `copytree`, `copymode`, `copystat`, `move`,
    `rmtree`; not `copyfileobj`, whose arguments may be in-memory files).

    `json.load`, `pickle.load` and `yaml.safe_load` of a file opened in the
    same expression (`json.load(open(path))`) are one finding, reported at the
    loader call.

    A `Path` is recognised when it is built from `pathlib` (`Path(...)`,
    `Path.home()`, `base / "x"`, `.parent`, `.resolve()`, ...) or annotated
    as one; `anyio.Path` and `trio.Path` are async and never reported.

    ## Why is this bad
    Disk access blocks the thread that asks for it. Local disks are usually
    fast, but network file systems, container overlays and cold caches are
    not, and while the read waits every other coroutine waits with it.

    ## Example
    ```python
    async def load_prompt(name: str) -> str:
        with open(f"prompts/{name}.txt") as f:
            return f.read()
    ```

    ## Use instead
    ```python
    import anyio

    async def load_prompt(name: str) -> str:
        return await anyio.Path(f"prompts/{name}.txt").read_text()
    ```
    or read the file once at start-up, or
    `await asyncio.to_thread(path.read_text)`.

    ## Fix safety
    Unsafe, for a single call that does the whole I/O: `os.remove(p)`,
    `shutil.rmtree(d)`, `p.read_text()` become
    `await asyncio.to_thread(os.remove, p)`, `... (shutil.rmtree, d)`,
    `... (p.read_text)`. The call then runs in a worker thread, concurrently
    with the loop. No fix for `open()`/`Path.open()` (the reads and writes on
    the file come later, on the loop), `with open(...)` blocks, the lazy
    iterators `os.walk`, `os.scandir`, `iterdir`, `glob` and `rglob` (the work
    happens while they are iterated), and `json.load(open(p))`.
    In a module that uses trio or anyio the call becomes
    `await trio.to_thread.run_sync(func, *args)` (or `anyio`'s), which takes
    no keyword arguments: a call with some gets no fix there. No fix where
    `await` cannot stand (a generator expression, an f-string).
    """

    code = "ASL105"
    name = "blocking-file-io"
    fix_availability = FixAvailability.SOMETIMES
    fix_safety = Applicability.UNSAFE
    summary = "file-system I/O (`open`, `pathlib`, `os`, `shutil`) in async context"
    valid = (
        "import aiofiles\nasync def f(p):\n    async with aiofiles.open(p) as fh:\n"
        "        return await fh.read()\n",
        "import anyio\nasync def f(p):\n    return await anyio.Path(p).read_text()\n",
        "def f(p):\n    return open(p).read()\n",
        "async def f(d, p):\n    return d.exists(p)\n",
        "from aiofiles import open\nasync def f(p):\n    async with open(p) as fh:\n        pass\n",
        "import asyncio\nfrom pathlib import Path\nasync def f(p: Path):\n"
        "    return await asyncio.to_thread(p.read_text)\n",
    )
    invalid = (
        "async def f(p):\n    with open(p) as fh:\n        return fh.read()\n",
        "from pathlib import Path\nasync def f():\n    return Path('x').read_text()\n",
        "from pathlib import Path\nasync def f(p: Path):\n    return p.exists()\n",
        "import os\nasync def f(p):\n    return os.path.exists(p)\n",
        "import json\nasync def f(p):\n    return json.load(open(p))\n",
        "import shutil\nasync def f(a, b):\n    shutil.copy(a, b)\n",
    )

    def __init__(self, ctx):
        super().__init__(ctx)
        self._reported_with_loader: set[cst.Call] = set()

    def should_report(self, node: cst.Call, match: BlockingMatch) -> bool:
        return node not in self._reported_with_loader

    def visit_Call(self, node: cst.Call) -> None:
        ctx = self.ctx
        if ctx.in_blocking_context and not ctx.is_awaited(node):
            loader = self._loader_of_opened_file(node)
            if loader is not None:
                self.report(node, f"`{loader}(open(...))` reads a file on the event loop; "
                            "load it at start-up or `await asyncio.to_thread(...)`")  # fmt: skip
                return
        super().visit_Call(node)

    def _loader_of_opened_file(self, node: cst.Call) -> str | None:
        if not node.args:
            return None
        loader = self.ctx.qualified_name(node.func)
        if loader not in FILE_LOADERS:
            return None
        first = node.args[0].value
        if not isinstance(first, cst.Call):
            return None
        opened = self.ctx.blocking_call(first)
        if opened is None or not opened.call.opens_file:
            return None
        self._reported_with_loader.add(first)
        return loader
