"""Parallel runs and the cache: the same findings whatever the workers and whatever is
cached, only what changed linted again, and a broken cache never in the way."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, run_cli

from async_lint import cache, cli
from async_lint import run as run_module
from async_lint.analysis.project import ProjectIndex
from async_lint.config import Settings
from async_lint.discovery import discover
from async_lint.run import Options, Run, Standby

ROOT = Path(__file__).parent.parent
TREES = {
    "examples": ROOT / "examples",
    "projects": FIXTURES / "projects",  # ASL110 and ASL402 chains across modules
}


@pytest.fixture
def tree(request, tmp_path):
    """A copy of a tree of the repository, so that its cache is written there."""
    target = tmp_path / request.param
    shutil.copytree(TREES[request.param], target, ignore=shutil.ignore_patterns(cache.DIRECTORY))
    return target


def _check(root: Path, *args: str):
    result = run_cli(
        "check", "--select", "ALL", "--output-format", "json", "--exit-zero", *args, ".", cwd=root
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("tree", list(TREES), indirect=True)
def test_the_same_findings_whatever_the_workers_and_the_cache(tree):
    expected = _check(tree, "--no-cache", "--jobs", "1")
    assert expected
    assert _check(tree, "--no-cache", "--jobs", "2") == expected
    assert not (tree / cache.DIRECTORY).exists()  # --no-cache writes nothing
    assert _check(tree, "--jobs", "2") == expected  # cold: fills the cache
    assert _check(tree, "--jobs", "2") == expected  # warm
    assert _check(tree, "--jobs", "1") == expected  # warm, in this process
    assert (tree / cache.DIRECTORY / ".gitignore").read_text().splitlines()[-1] == "*"
    # one file touched: linted by the worker started ahead; then standard input
    # beside it, linted in this process
    command = ["check", "--select", "ALL", "--output-format", "json", "--exit-zero", "--verbose"]
    stdin = ["--stdin-filename", "typed.py", "-", "."]
    text = "import time\n\nasync def handler():\n    time.sleep(1)\n"
    first_file = sorted(tree.rglob("*.py"))[0]
    _append(first_file, "# touched\n")
    touched = run_cli(*command, "--jobs", "2", ".", cwd=tree)
    alone = run_cli(*command, "--no-cache", *stdin, cwd=tree, stdin=text)
    _append(first_file, "# touched again\n")
    beside = run_cli(*command, *stdin, cwd=tree, stdin=text)
    for run in (touched, beside):
        assert "1 linted in the worker started ahead" in run.stderr
    assert json.loads(touched.stdout) == expected
    assert json.loads(beside.stdout) == json.loads(alone.stdout) != expected


def _run(root: Path, **options) -> tuple[list, Run]:
    """Lint `root` in this process, as `check .` from there would."""
    settings = Settings(root=root)
    files = list(discover([str(root)], settings))
    run = Run(settings, [str(root)], files)
    options.setdefault("cache_dir", root / cache.DIRECTORY)
    try:
        results = run.check([(f, os.path.relpath(f, root)) for f in files], Options(**options))
    finally:
        if options.get("standby") is not None:
            options["standby"].dismiss()
    found = [(d.filename, d.start.line, d.code, d.message) for r in results for d in r.diagnostics]
    return found, run


@pytest.fixture
def chain(tmp_path):
    """An async handler whose helper, in another module, blocks."""
    (tmp_path / "lib.py").write_text("import time\n\ndef nap():\n    time.sleep(1)\n")
    (tmp_path / "app.py").write_text("from lib import nap\n\nasync def handler():\n    nap()\n")
    (tmp_path / "other.py").write_text(
        "import json\n\ndef parse(text):\n    return json.loads(text)\n"
    )
    return tmp_path


def test_a_touched_file_is_linted_again_and_no_other(chain):
    first, run = _run(chain, jobs=1)
    assert sorted(run.stats.linted) == sorted(
        str(chain / n) for n in ("app.py", "lib.py", "other.py")
    )
    again, run = _run(chain, jobs=1)
    assert again == first and run.stats.linted == [] and len(run.stats.cached) == 3
    with open(chain / "other.py", "a") as handle:
        handle.write("# touched\n")
    touched, run = _run(chain, jobs=1)
    assert touched == first
    assert run.stats.linted == [str(chain / "other.py")]
    assert run.stats.relinted == []


linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="it forks")


def _in_a_fresh_process(scenario, root: Path) -> None:
    """`scenario(root)` in a new interpreter: a standby worker is only forked from a
    process without threads, and this one has the parsing thread."""
    script = (
        f"import sys, pathlib; sys.path.insert(0, {str(Path(__file__).parent)!r}); "
        f"import {__name__} as tests; tests.{scenario.__name__}(pathlib.Path({str(root)!r}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr


def _ahead(root: Path, **settings) -> Standby:
    standby = Standby.fork(Settings(root=root, **settings))
    assert standby is not None  # a process without threads
    return standby


def _append(file: Path, text: str) -> None:
    with open(file, "a") as handle:
        handle.write(text)


def _not_here(task):
    raise AssertionError(f"{task[1]} was linted in this process")


# Each scenario lints nothing in its own process before its last fork (a pool's
# workers, the standby): that would start the parsing thread.


def _lints_a_touched_file(chain: Path) -> None:
    first, _ = _run(chain, jobs=2)
    standbys = [_ahead(chain) for _ in range(3)]
    run_module._first_pass = _not_here  # the children have their own
    _append(chain / "other.py", "# touched\n")
    touched, run = _run(chain, jobs=2, standby=standbys[0])
    assert touched == first
    assert run.stats.linted == [str(chain / "other.py")] and run.stats.ahead
    assert run.stats.line() == "3 files: 1 linted in the worker started ahead, 2 cached"
    _append(chain / "app.py", "# touched\n")  # app.py's finding, from the child
    assert _run(chain, jobs=2, standby=standbys[1])[0] == first
    assert _run(chain, jobs=2, standby=standbys[2])[0] == first  # nothing to lint


def _is_left_out_when_it_cannot_serve(chain: Path) -> None:
    first, _ = _run(chain, jobs=2)
    dead, other_settings, spare = _ahead(chain), _ahead(chain, ignore=("ASL110",)), _ahead(chain)
    os.kill(dead.pid, signal.SIGKILL)
    for n, standby in enumerate([dead, other_settings]):
        _append(chain / "app.py", f"# touched {n}\n")
        touched, run = _run(chain, jobs=2, standby=standby)
        assert touched == first and run.stats.linted == [str(chain / "app.py")]
    assert not run.stats.ahead  # other settings: never asked
    # more files than one worker lints: a pool, and the standby is dismissed
    _append(chain / "app.py", "# touched again\n")
    _append(chain / "lib.py", "# touched again\n")
    Standby.lint = lambda self, tasks: _not_here(tasks[0])
    setup = (Settings(root=chain), run.modules, True)
    pool = run_module._pool

    def _pool(*args):
        assert not spare.ready(*setup), "the standby still there beside the pool"
        return pool(*args)

    run_module._pool = _pool
    touched, run = _run(chain, jobs=2, standby=spare)
    assert touched == first and run.stats.workers == 2


def _no_process_to_spare(chain: Path) -> None:
    def fork():
        raise BlockingIOError(11, "Resource temporarily unavailable")

    os.fork = fork
    assert Standby.fork(Settings(root=chain)) is None
    assert signal.pthread_sigmask(signal.SIG_BLOCK, []) == set()  # Ctrl-C not held
    found, _ = _run(chain, jobs=1)  # this process lints
    assert [(name, code) for name, _, code, _ in found] == [("app.py", "ASL110")]


_FIRST_PASS = run_module._first_pass


def _answers_once(task, answered=[]):  # noqa: B006 - the child's count
    answered.append(task)
    if len(answered) > 1:
        os._exit(3)  # the child dies before its second reply
    return _FIRST_PASS(task)


def _dies_after_its_first_reply(chain: Path) -> None:
    first, _ = _run(chain, jobs=2)
    run_module._first_pass = _answers_once
    standby = _ahead(chain)
    here = []
    run_module._first_pass = lambda task: (here.append(task[1]), _FIRST_PASS(task))[1]
    for name in ("app.py", "lib.py", "other.py"):
        _append(chain / name, "# touched\n")
    touched, run = _run(chain, jobs=None, standby=standby)  # auto: too few for a pool
    assert touched == first and run.stats.workers == 0 and run.stats.ahead
    # the rest of the first pass, not app.py again; then app.py to place its finding
    assert here == [str(chain / name) for name in ("lib.py", "other.py", "app.py")]
    assert run.stats.relinted == [str(chain / "app.py")]


def _builds_the_index_meanwhile(chain: Path) -> None:
    first, _ = _run(chain, jobs=2)
    built = []
    prepare = ProjectIndex.prepare
    ProjectIndex.prepare = lambda index: (built.append(index), prepare(index))
    _append(chain / "lib.py", "# a comment: the same summary\n")
    found, run = _run(chain, jobs=2, standby=_ahead(chain))
    assert found == first and len(built) == 1 and run.index is built[0]
    (chain / "lib.py").write_text("def nap():\n    return None\n")  # no longer blocks
    found, run = _run(chain, jobs=2, standby=_ahead(chain))
    assert found == [] and len(built) == 2 and run.index is not built[1]
    (chain / "lib.py").write_text("import time\n\ndef nap():\n    time.sleep(1)\n")
    found, run = _run(chain, jobs=2, standby=_ahead(chain))
    assert found == first and len(built) == 3 and run.index is not built[2]
    # the same functions in another order: another walk of the call graph
    two = "import time\n\ndef {}():\n    time.sleep(1)\n\ndef {}():\n    time.sleep(1)\n"
    (chain / "lib.py").write_text(two.format("nap", "doze"))
    found, run = _run(chain, jobs=2, standby=_ahead(chain))
    assert found == first and len(built) == 4 and run.index is not built[3]
    (chain / "lib.py").write_text(two.format("doze", "nap"))
    found, run = _run(chain, jobs=2, standby=_ahead(chain))
    assert found == first and len(built) == 5 and run.index is not built[4]
    _append(chain / "lib.py", "# the same order\n")
    found, run = _run(chain, jobs=2, standby=_ahead(chain))
    assert found == first and len(built) == 6 and run.index is built[5]
    (chain / "new.py").write_text("import lib\n\nasync def go():\n    lib.nap()\n")
    found, run = _run(chain, jobs=2, standby=_ahead(chain))
    assert len(found) == 2 and len(built) == 6  # nothing known of new.py: no guess


@linux_only
def test_the_worker_started_ahead_lints_a_touched_file(chain):
    _in_a_fresh_process(_lints_a_touched_file, chain)


@linux_only
def test_the_worker_started_ahead_is_left_out_when_it_cannot_serve(chain):
    """Dead, started with other settings, or more files than it lints: this
    process or the pool lints instead."""
    _in_a_fresh_process(_is_left_out_when_it_cannot_serve, chain)


@linux_only
def test_no_worker_started_ahead_when_no_process_can_be_forked(chain):
    _in_a_fresh_process(_no_process_to_spare, chain)


@linux_only
def test_the_files_a_worker_started_ahead_left_are_linted_here(chain):
    _in_a_fresh_process(_dies_after_its_first_reply, chain)


@linux_only
def test_the_index_is_built_while_the_worker_started_ahead_lints(chain):
    """With the summary a touched file had before; kept only if its new one is the same."""
    _in_a_fresh_process(_builds_the_index_meanwhile, chain)


def _fails(_root: Path) -> None:
    raise AssertionError("the scenario failed")


def test_a_failing_scenario_fails_its_test(tmp_path):
    with pytest.raises(AssertionError, match="the scenario failed"):
        _in_a_fresh_process(_fails, tmp_path)


def test_a_summary_change_changes_another_modules_finding(chain):
    found, _ = _run(chain, jobs=1)
    assert [(name, code) for name, _, code, _ in found] == [("app.py", "ASL110")]
    (chain / "lib.py").write_text("def nap():\n    return None\n")  # no longer blocks
    found, run = _run(chain, jobs=1)
    assert found == []
    assert run.stats.linted == [str(chain / "lib.py")]  # app.py came from the cache
    (chain / "lib.py").write_text("import time\n\ndef nap():\n    time.sleep(2)\n")
    found, run = _run(chain, jobs=1)
    assert [(name, code) for name, _, code, _ in found] == [("app.py", "ASL110")]
    assert run.stats.linted == [str(chain / "lib.py")]


def test_a_run_of_the_same_files_reports_the_last_runs_findings(chain):
    """Nothing changed: the completed findings are read back, without the index."""
    first, _ = _run(chain, jobs=1, reuse=True)
    again, run = _run(chain, jobs=1, reuse=True)
    assert again == first and run.stats.linted == [] and len(run.stats.cached) == 3
    assert run.index._modules == {}  # no summary decoded, no chain decided
    (chain / "lib.py").write_text("def nap():\n    return None\n")  # app.py's finding goes
    found, run = _run(chain, jobs=1, reuse=True)
    assert found == [] and run.stats.linted == [str(chain / "lib.py")]
    (chain / "extra.py").write_text("x = 1\n")  # another file: another run
    found, run = _run(chain, jobs=1, reuse=True)
    assert found == [] and str(chain / "extra.py") in run.stats.linted
    (chain / "extra.py").unlink()
    (chain / "lib.py").write_text("import time\n\ndef nap():\n    time.sleep(1)\n")
    assert _run(chain, jobs=1, reuse=True)[0] == first  # the first run's files again


@pytest.mark.parametrize(
    "record",
    [{"files": "x"}, {"results": 3}, 7, None, "garbage"],
    ids=["another run", "no key", "not a dict", "none", "a string"],
)
def test_a_corrupt_record_of_the_last_run_is_ignored(chain, record):
    expected, _ = _run(chain, jobs=1, reuse=True)
    path = _cache_file(chain)
    document = json.loads(path.read_text())
    if isinstance(record, dict) and "results" in record:
        record = {**document["run"], **record}
    document["run"] = record
    path.write_text(json.dumps(document))
    found, run = _run(chain, jobs=1, reuse=True)
    assert found == expected and len(run.stats.cached) == 3
    assert run.index._modules != {}  # decided again, from the files' entries
    document = json.loads(path.read_text())
    results = document["run"]["results"]
    for file, text in results.items():  # each result is JSON text
        results[file] = json.dumps({**json.loads(text), "diagnostics": "not a list"})
    path.write_text(json.dumps(document))
    assert _run(chain, jobs=1, reuse=True)[0] == expected


def test_a_call_confirmed_later_is_placed_once(tmp_path):
    """app.py was cached while its helper did not block, so its call was not
    positioned; when the helper starts to block, app.py is linted again for the
    position once, and its cache entry keeps it."""
    (tmp_path / "lib.py").write_text("def nap():\n    return None\n")
    (tmp_path / "app.py").write_text("from lib import nap\n\nasync def handler():\n    nap()\n")
    assert _run(tmp_path, jobs=1)[0] == []
    (tmp_path / "lib.py").write_text("import time\n\ndef nap():\n    time.sleep(1)\n")
    found, run = _run(tmp_path, jobs=1)
    assert [(name, line, code) for name, line, code, _ in found] == [("app.py", 4, "ASL110")]
    assert run.stats.linted == [str(tmp_path / "lib.py")]
    assert run.stats.relinted == [str(tmp_path / "app.py")]
    again, run = _run(tmp_path, jobs=1)
    assert again == found and run.stats.linted == run.stats.relinted == []


def _cache_file(root: Path) -> Path:
    (found,) = (root / cache.DIRECTORY).glob("*.json")
    return found


def _truncated(text: str) -> str:
    return text[: len(text) // 2]


def _shape(text: str) -> str:
    document = json.loads(text)
    for entry in document["files"].values():
        result = json.loads(entry["result"])
        result["diagnostics"] = [["line", 0, "ASL101", "", 1, 0, None]]
        result["summary"] = {"module": 3}
        entry["result"] = json.dumps(result)
    return json.dumps(document)


def _not_text(text: str) -> str:
    document = json.loads(text)
    for entry in document["files"].values():
        entry["result"] = json.loads(entry["result"])  # data where text belongs
    return json.dumps(document)


def _version(text: str) -> str:
    return text.replace('"version":"', '"version":"0.0.0-other')


CORRUPTIONS = {
    "garbage": lambda text: "\x00\xff not json",
    "truncated": _truncated,
    "wrong shape": lambda text: json.dumps({"files": [1, 2, 3], "version": 7}),
    "wrong shape of entries": _shape,
    "results that are not text": _not_text,
    "another version": _version,
}


@pytest.mark.parametrize("corrupt", list(CORRUPTIONS))
def test_a_corrupt_or_foreign_cache_is_ignored_and_rebuilt(chain, corrupt):
    expected, _ = _run(chain, jobs=1)
    path = _cache_file(chain)
    path.write_bytes(CORRUPTIONS[corrupt](path.read_text()).encode("utf-8", "surrogateescape"))
    found, run = _run(chain, jobs=1)
    assert found == expected
    assert len(run.stats.linted) == 3  # nothing usable was read
    rebuilt = json.loads(_cache_file(chain).read_text())
    assert len(rebuilt["files"]) == 3
    assert _run(chain, jobs=1)[1].stats.cached  # and read back


def test_an_unwritable_cache_does_not_fail_the_run(chain, monkeypatch, capsys):
    expected, _ = _run(chain, cache_dir=None, jobs=1)
    (chain / "blocked").write_text("a file where the cache directory would go\n")
    found, run = _run(chain, cache_dir=chain / "blocked" / "cache", jobs=1)
    assert found == expected and run.stats.cache_written is False

    def refuse(*args):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(cache.os, "replace", refuse)
    monkeypatch.chdir(chain)
    assert cli.main(["check", "-q", "--select", "ASL110", "-v", "."]) == 1
    captured = capsys.readouterr()
    assert "app.py:4:5: ASL110" in captured.out
    assert "the cache could not be written" in captured.err


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root writes anyway")
def test_a_read_only_cache_directory_does_not_fail_the_run(chain):
    expected, _ = _run(chain, jobs=1)
    directory = chain / cache.DIRECTORY
    directory.chmod(0o555)
    try:
        (chain / "app.py").write_text("async def handler():\n    pass\n")
        found, run = _run(chain, jobs=1)
    finally:
        directory.chmod(0o755)
    assert found == [] != expected and run.stats.cache_written is False


def test_fix_never_applies_stale_cached_findings(chain):
    (chain / "app.py").write_text("import time\n\nasync def handler():\n    time.sleep(1)\n")
    assert run_cli("check", ".", cwd=chain).returncode == 1  # cached, with the finding
    fixed = run_cli("check", "--fix", ".", cwd=chain)
    assert "Fixed 1 finding." in fixed.stdout
    assert "await asyncio.sleep(1)" in (chain / "app.py").read_text()
    again = run_cli("check", "--fix", "-v", ".", cwd=chain)
    assert again.returncode == 0 and "Fixed" not in again.stdout, again.stdout
    assert "1 linted" in again.stderr  # the fixed file, afresh


def test_cache_dir_option_and_flag(chain):
    (chain / "pyproject.toml").write_text('[tool.async-lint]\ncache-dir = "build/lint-cache"\n')
    run_cli("check", ".", cwd=chain)
    assert list((chain / "build" / "lint-cache").glob("*.json"))
    assert not (chain / cache.DIRECTORY).exists()
    run_cli("check", "--cache-dir", "elsewhere", ".", cwd=chain)
    assert list((chain / "elsewhere").glob("*.json"))


def test_cache_dir_must_be_a_name(chain):
    (chain / "pyproject.toml").write_text("[tool.async-lint]\ncache-dir = 3\n")
    result = run_cli("check", ".", cwd=chain)
    assert result.returncode == 2 and "cache-dir: expected a directory name" in result.stderr


@pytest.mark.parametrize("value", ["0", "-1", "many"])
def test_jobs_must_be_a_number_or_auto(chain, value):
    result = run_cli("check", "--jobs", value, ".", cwd=chain)
    assert result.returncode == 2 and "--jobs" in result.stderr


def test_jobs_auto_is_the_default(chain):
    assert run_cli("check", "--jobs", "auto", "-q", ".", cwd=chain).returncode == 1


def test_settings_are_part_of_the_cache_key(chain):
    assert _run(chain, jobs=1)[0]
    settings = Settings(root=chain, ignore=("ASL110",))
    files = list(discover([str(chain)], settings))
    run = Run(settings, [str(chain)], files)
    results = run.check([(f, f) for f in files], Options(jobs=1, cache_dir=chain / cache.DIRECTORY))
    assert [d for r in results for d in r.diagnostics] == []
    assert len(run.stats.linted) == 3  # another key: nothing of the first run reused


def _size_terminal(descriptor: int) -> None:
    """80 columns: a new pseudo-terminal has none, and tqdm draws no bar in zero."""
    import fcntl
    import struct
    import termios

    fcntl.ioctl(descriptor, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))


def _bar(stderr: str) -> bool:
    return "async-lint:" in stderr and "file" in stderr and "%" in stderr


def test_progress_only_on_a_terminal(tmp_path):
    for n in range(30):
        (tmp_path / f"m{n}.py").write_text("import time\n\nasync def f():\n    time.sleep(1)\n")
    assert not _bar(run_cli("check", "--no-cache", ".", cwd=tmp_path).stderr)  # not a TTY
    pty = pytest.importorskip("pty")
    for quiet, shown in (((), True), (("-q",), False)):
        leader, follower = pty.openpty()
        _size_terminal(follower)
        command = [sys.executable, "-m", "async_lint", "check", "--no-cache", *quiet, "."]
        process = subprocess.run(
            command, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=follower, check=False
        )
        os.close(follower)
        output = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
        os.close(leader)
        assert process.returncode == 1
        assert _bar(output.decode(errors="replace")) is shown, output


def test_a_run_from_the_cache_does_not_load_libcst(chain):
    """Importing libcst takes longer than such a run: nothing may import it then."""
    probe = (
        "import sys\n"
        "from async_lint import cli\n"
        "status = cli.main(['check', '-q', '--output-format', '{kind}', '.'])\n"
        "print(status, 'libcst' in sys.modules)\n"
    )
    for kind in ("concise", "json", "github", "gitlab"):
        run_cli("check", "-q", ".", cwd=chain)  # fills the cache
        script = probe.replace("{kind}", kind)
        result = subprocess.run(
            [sys.executable, "-c", script], cwd=chain, capture_output=True, text=True, check=False
        )
        assert result.stdout.splitlines()[-1] == "1 False", (kind, result.stdout, result.stderr)


def _summary_entry(**changes) -> dict:
    function = {
        "name": "load", "display": "load", "is_async": False, "blocking": ["open()"],
        "loops": [], "calls": [["pkg.read"]], "checks_running_loop": False,
    }  # fmt: skip
    function.update(changes)
    summary = {"module": "pkg", "path": "/p/pkg.py", "functions": {"load": function}}
    summary.update({"imports": {}, "instances": {}})
    return {"diagnostics": [], "tracebacks": [], "summary": summary, "pending": []}


@pytest.mark.parametrize(
    "changes",
    [
        {"name": 7},
        {"is_async": "no"},
        {"blocking": [None]},
        {"calls": [["pkg.read", 3]]},
        {"calls": 5},
        {"checks_running_loop": None},
    ],
    ids=repr,
)
def test_a_summary_of_the_wrong_types_is_not_read(changes):
    decoded = cache.decode(json.dumps(_summary_entry()), "pkg.py").summary.functions["load"]
    assert (decoded.calls, decoded.blocking, decoded.loops) == ((("pkg.read",),), ("open()",), ())
    with pytest.raises(ValueError):
        cache.decode(json.dumps(_summary_entry(**changes)), "pkg.py")


def _placed_entry() -> tuple[dict, list]:
    """A first pass with two positioned pending calls (ASL110 and ASL402 of one
    call), as the cache keeps it, and the diagnostics the engine gave them."""
    from async_lint import engine

    source = "from lib import nap\n\nasync def handler():\n    nap()\n"
    result = engine.lint_source(
        source, "app.py", Settings(), defer=True, project_modules=frozenset({"app", "lib"}),
        position_pending=True,
    )  # fmt: skip
    assert [p.code for p in result.pending] == ["ASL110", "ASL402"]
    return json.loads(cache.encode(result)), [p.diagnostic for p in result.pending]


def test_positioned_pending_calls_are_decoded_when_asked():
    entry, expected = _placed_entry()
    assert isinstance(entry["placed"], str)  # one string, however many calls
    decoded = cache.decode(json.dumps(entry), "app.py")
    assert [p.diagnostic for p in decoded.pending] == [None, None]
    assert [p.positioned for p in decoded.pending] == [True, True]
    assert decoded.positions() == expected and all(expected)
    assert json.loads(cache.encode(decoded)) == entry  # kept as it came


@pytest.mark.parametrize(
    "corrupt",
    [
        lambda e: e.update(placed=None),
        lambda e: e.update(placed=7),
        lambda e: e.update(placed="[]"),  # fewer than the calls positioned
        lambda e: e.update(placed="[[1, 2]]"),
        lambda e: e.update(placed=e["placed"].replace('"ASL110"', "110")),
        lambda e: e.update(placed="{not json"),
        lambda e: e.__delitem__("placed"),
        lambda e: e["pending"][0].__setitem__(2, 1),  # not a bool
    ],
)
def test_a_corrupt_record_of_positioned_calls_is_not_read(corrupt):
    entry, _ = _placed_entry()
    corrupt(entry)
    with pytest.raises(ValueError):
        cache.decode(json.dumps(entry), "app.py")
