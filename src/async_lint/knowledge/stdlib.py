"""The standard library: sleeping, files, processes, waits and event loops."""

from async_lint.knowledge import BlockingCall, NonBlockingArg

# ASL101 -------------------------------------------------------------------

_SLEEP = BlockingCall("ASL101", "`await asyncio.sleep()`")

# ASL105 -------------------------------------------------------------------

_FILE = BlockingCall(
    "ASL105", "`await asyncio.to_thread(...)`, `anyio` or `aiofiles`", offload=True
)
# Lazy: the work happens while the result is iterated, after a worker thread returned it.
_FILE_ITERATOR = BlockingCall("ASL105", _FILE.instead)
_OPEN = BlockingCall(
    "ASL105", "`anyio.open_file()`, `aiofiles.open()` or `asyncio.to_thread()`", opens_file=True
)
_PATH = BlockingCall("ASL105", "`anyio.Path` or `await asyncio.to_thread(...)`", offload=True)
_PATH_OPEN = BlockingCall("ASL105", _PATH.instead, opens_file=True)
_PATH_ITERATOR = BlockingCall("ASL105", _PATH.instead)
_LAZY = frozenset({"os.walk", "os.scandir", "iterdir", "glob", "rglob"})

_PATH_IO_METHODS = (
    "read_text", "read_bytes", "write_text", "write_bytes", "open", "touch", "unlink",
    "mkdir", "rmdir", "rename", "replace", "iterdir", "glob", "rglob", "exists", "stat",
)  # fmt: skip
_OS_FILE_FUNCTIONS = (
    "os.listdir", "os.scandir", "os.walk", "os.remove", "os.unlink", "os.rename",
    "os.makedirs", "os.mkdir", "os.stat",
    "os.path.exists", "os.path.isfile", "os.path.isdir", "os.path.getsize", "os.path.getmtime",
)  # fmt: skip
_SHUTIL_FUNCTIONS = (
    "copy", "copy2", "copyfile", "copytree", "copymode", "copystat", "move", "rmtree",
)  # fmt: skip

# Readers that, handed a file opened in the same expression, make one finding
# for the whole `json.load(open(p))`.
FILE_LOADERS = frozenset({"json.load", "pickle.load", "yaml.safe_load"})

# ASL106 -------------------------------------------------------------------

_SUBPROCESS = BlockingCall("ASL106", "`asyncio.create_subprocess_exec()`")
_SUBPROCESS_RUN = BlockingCall("ASL106", _SUBPROCESS.instead, offload=True)  # waits for the end
_SHELL = BlockingCall("ASL106", "`asyncio.create_subprocess_shell()`")
_WAIT_CHILD = BlockingCall("ASL106", "`await process.wait()` on an `asyncio` subprocess")

_SPAWN = ("spawnl", "spawnle", "spawnlp", "spawnlpe", "spawnv", "spawnve", "spawnvp", "spawnvpe")

# ASL108 -------------------------------------------------------------------

_TIMEOUT_ZERO = NonBlockingArg("timeout", 0, 0)  # join(0), result(0), wait(0)


def _wait(instead: str, *non_blocking: NonBlockingArg) -> BlockingCall:
    return BlockingCall("ASL108", instead, non_blocking)


_LOCK_CLASSES = ("threading.Lock", "threading.RLock", "threading.Semaphore",
                 "threading.BoundedSemaphore")  # fmt: skip
_QUEUE_CLASSES = ("queue.Queue", "queue.LifoQueue", "queue.PriorityQueue", "queue.SimpleQueue")
_SOCKET_METHODS = ("connect", "recv", "send", "sendall", "accept")

# A wait is over at once when the function first checked that it is: the
# method -> receiver methods that, called in the same function, show that
# (`if future.done(): future.result()`, `while t.is_alive(): await ...`).
COMPLETION_CHECKS = {
    "result": ("done", "add_done_callback"),
    "join": ("is_alive",),
}

# Context managers that block on entry: `with lock:` (reported at the item).
BLOCKING_CONTEXT_MANAGERS = frozenset(_LOCK_CLASSES)

# ---------------------------------------------------------------------------

FUNCTIONS = {
    "time.sleep": _SLEEP,
    "builtins.open": _OPEN,
    "io.open": _OPEN,
    **{name: _FILE_ITERATOR if name in _LAZY else _FILE for name in _OS_FILE_FUNCTIONS},
    **{f"shutil.{name}": _FILE for name in _SHUTIL_FUNCTIONS},
    **{
        f"subprocess.{name}": _SUBPROCESS_RUN
        for name in ("run", "call", "check_call", "check_output")
    },
    "subprocess.Popen": _SUBPROCESS,
    "subprocess.getoutput": _SHELL,
    "subprocess.getstatusoutput": _SHELL,
    "os.system": _SHELL,
    "os.popen": _SHELL,
    **{f"os.{name}": _WAIT_CHILD for name in ("wait", "wait3", "wait4", "waitid", "waitpid")},
    **{f"os.{name}": _SUBPROCESS for name in _SPAWN},
    "builtins.input": _wait("`await asyncio.to_thread(input)`"),
    "socket.create_connection": _wait("`asyncio.open_connection()`"),
    "select.select": _wait(
        "the event loop's readiness callbacks (`loop.add_reader()`)",
        NonBlockingArg("timeout", 3, 0),
    ),
}

METHODS = {
    **{
        ("pathlib.Path", name): _PATH_ITERATOR if name in _LAZY else _PATH
        for name in _PATH_IO_METHODS
    },
    ("pathlib.Path", "open"): _PATH_OPEN,
    **{
        (cls, "acquire"): _wait(
            "an `asyncio` lock or semaphore",
            NonBlockingArg("blocking", 0, False),
            NonBlockingArg("timeout", 1, 0),
        )
        for cls in _LOCK_CLASSES
    },
    ("threading.Thread", "join"): _wait("`await asyncio.to_thread(thread.join)`", _TIMEOUT_ZERO),
    ("threading.Event", "wait"): _wait("`asyncio.Event`", _TIMEOUT_ZERO),
    **{
        (cls, "get"): _wait(
            "`asyncio.Queue` or `get_nowait()`",
            NonBlockingArg("block", 0, False),
            NonBlockingArg("timeout", 1, 0),
        )
        for cls in _QUEUE_CLASSES
    },
    **{
        (cls, "put"): _wait(
            "`asyncio.Queue` or `put_nowait()`",
            NonBlockingArg("block", 1, False),
            NonBlockingArg("timeout", 2, 0),
        )
        for cls in _QUEUE_CLASSES
        if cls != "queue.SimpleQueue"  # unbounded: its put never blocks
    },
    ("concurrent.futures.Future", "result"): _wait(
        "`await asyncio.wrap_future(future)`", _TIMEOUT_ZERO
    ),
    **{
        ("socket.socket", name): BlockingCall(
            "ASL108", "`asyncio` streams or `loop.sock_*()`", on_socket=True
        )
        for name in _SOCKET_METHODS
    },
}

# Instance tracking ----------------------------------------------------------

CLASSES = frozenset({
    "pathlib.Path", *_LOCK_CLASSES, "threading.Thread", "threading.Timer", "threading.Event",
    *_QUEUE_CLASSES, "concurrent.futures.Future", "concurrent.futures.Executor",
    "concurrent.futures.ThreadPoolExecutor", "concurrent.futures.ProcessPoolExecutor",
    "socket.socket",
})  # fmt: skip

BASES = {
    "threading.Timer": ("threading.Thread",),
    "concurrent.futures.ThreadPoolExecutor": ("concurrent.futures.Executor",),
    "concurrent.futures.ProcessPoolExecutor": ("concurrent.futures.Executor",),
}

FACTORIES = {
    "pathlib.Path.home": "pathlib.Path",
    "pathlib.Path.cwd": "pathlib.Path",
    "socket.create_connection": "socket.socket",
    "socket.create_server": "socket.socket",
    "threading.current_thread": "threading.Thread",
    "asyncio.get_event_loop": "asyncio.AbstractEventLoop",
    "asyncio.get_running_loop": "asyncio.AbstractEventLoop",
    "asyncio.new_event_loop": "asyncio.AbstractEventLoop",
    # waiting on its result from the loop it targets deadlocks; from any loop it blocks
    "asyncio.run_coroutine_threadsafe": "concurrent.futures.Future",
}

_PATH_TO_PATH = (
    "parent", "resolve", "absolute", "expanduser", "with_name", "with_suffix", "with_stem",
    "joinpath", "relative_to", "__truediv__",
)  # fmt: skip

MEMBERS = {
    **{("pathlib.Path", name): "pathlib.Path" for name in _PATH_TO_PATH},
    ("concurrent.futures.Executor", "submit"): "concurrent.futures.Future",
    ("socket.socket", "dup"): "socket.socket",
}

PROPERTIES = frozenset({("pathlib.Path", "parent")})

# What `for x in ...` and `...[i]` yield. (Not `as_completed`: the futures it
# yields are done, so their `result()` does not wait.)
ITEMS = {("pathlib.Path", name): "pathlib.Path" for name in ("glob", "rglob", "iterdir", "parents")}

# Exports named like a builtin: after `from m import *`, the name is m's.
# (A star import of any other module leaves the builtins as they are.)
BUILTIN_SHADOWS = frozenset({
    "aiofiles.open", "os.open", "codecs.open", "gzip.open", "bz2.open",
    "lzma.open", "tarfile.open", "webbrowser.open", "dbm.open", "shelve.open",
})  # fmt: skip

ALIASES = {
    "pathlib.PosixPath": "pathlib.Path",
    "pathlib.WindowsPath": "pathlib.Path",
    "threading._RLock": "threading.RLock",
    "concurrent.futures._base.Future": "concurrent.futures.Future",
    "concurrent.futures.thread.ThreadPoolExecutor": "concurrent.futures.ThreadPoolExecutor",
    "concurrent.futures.process.ProcessPoolExecutor": "concurrent.futures.ProcessPoolExecutor",
    "asyncio.events.get_event_loop": "asyncio.get_event_loop",
    "asyncio.events.get_running_loop": "asyncio.get_running_loop",
    "asyncio.events.new_event_loop": "asyncio.new_event_loop",
    "asyncio.runners.run": "asyncio.run",
    "asyncio.runners.Runner": "asyncio.Runner",
    "os.path.os": "os",
}

# ASL401: entry points that start an event loop (`run_until_complete` is
# matched on any receiver by the rule itself).
EVENT_LOOP_RUNNERS = frozenset({"asyncio.run", "asyncio.Runner", "anyio.run", "trio.run"})

# Modules that, once imported, make nested event loops legal (ASL401 stays silent).
NESTED_LOOP_PATCHES = frozenset({"nest_asyncio"})

# Where ASL101 points: the sleep of the async library the module already uses.
ASYNC_SLEEPS = {"trio": "trio.sleep", "anyio": "anyio.sleep", "asyncio": "asyncio.sleep"}
# The native async form of a function a worker thread can run (ASL601);
# `{sleep}` is the module's async library's sleep.
ASYNC_FORMS = {"time.sleep": "`await {sleep}()`"}
