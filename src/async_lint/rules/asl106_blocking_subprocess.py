from async_lint.diagnostics import Applicability
from async_lint.rules._blocking import BlockingCallRule
from async_lint.rules.base import FixAvailability


class BlockingSubprocess(BlockingCallRule):
    """
    ## What it does
    Reports starting or waiting for a process in async context:
    `subprocess.run/call/check_call/check_output/getoutput/getstatusoutput/
    Popen`, `os.system`, `os.popen`, `os.wait`, `os.wait3`, `os.wait4`,
    `os.waitid`, `os.waitpid` and the `os.spawn*` family.

    ## Why is this bad
    These calls wait for the child process (or at least for `fork`/`exec`)
    on the event loop's thread. A tool call that shells out to `git` or
    `ffmpeg` from a request handler stops every other request until the
    child exits.

    ## Example
    ```python
    import subprocess

    async def render(path: str) -> bytes:
        return subprocess.check_output(["pandoc", path, "-t", "html"])
    ```

    ## Use instead
    ```python
    import asyncio

    async def render(path: str) -> bytes:
        process = await asyncio.create_subprocess_exec(
            "pandoc", path, "-t", "html", stdout=asyncio.subprocess.PIPE
        )
        stdout, _ = await process.communicate()
        return stdout
    ```

    ## Fix safety
    Unsafe, for `subprocess.run`, `call`, `check_call` and `check_output`,
    which wait for the child to finish: `subprocess.run(cmd, check=True)`
    becomes `await asyncio.to_thread(subprocess.run, cmd, check=True)`, so
    the wait happens in a worker thread. None for the others (`Popen` hands
    back a running process, `os.system` and the `os.wait*`/`spawn*` family
    are better replaced by `asyncio.create_subprocess_*`).
    In a module that uses trio or anyio the call becomes
    `await trio.to_thread.run_sync(func, *args)` (or `anyio`'s), which takes
    no keyword arguments: a call with some gets no fix there. No fix where
    `await` cannot stand (a generator expression, an f-string).
    """

    code = "ASL106"
    name = "blocking-subprocess"
    fix_availability = FixAvailability.SOMETIMES
    fix_safety = Applicability.UNSAFE
    summary = "`subprocess` / `os.system` / `os.wait*` in async context"
    valid = (
        "import asyncio\nasync def f():\n    p = await asyncio.create_subprocess_exec('ls')\n"
        "    await p.wait()\n",
        "import subprocess\ndef f():\n    subprocess.run(['ls'])\n",
        "import asyncio, subprocess\nasync def f():\n"
        "    await asyncio.to_thread(subprocess.run, ['ls'])\n",
        "async def f(runner):\n    runner.run(['ls'])\n",
        "import os\nasync def f(status):\n    return os.waitstatus_to_exitcode(status)\n",
    )
    invalid = (
        "import subprocess\nasync def f():\n    subprocess.run(['ls'], check=True)\n",
        "from subprocess import check_output as co\nasync def f():\n    return co(['ls'])\n",
        "import os\nasync def f():\n    os.system('ls')\n",
        "import subprocess\nasync def f():\n    p = subprocess.Popen(['ls'])\n",
    )
