"""`check --fix` never loses a byte of the user's code, whatever happens meanwhile.

The fixed text goes to a temporary file beside the original, which takes its
place in one rename. These tests break that sequence on purpose, through the
CLI in a subprocess: a SIGKILL at each step, a full disk, a file changed or
removed on disk, a file or directory that may not be written. The original
is then byte-identical, or fully fixed, never anything in between.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_cli

from async_lint.fixes import write
from async_lint.fixes.write import WriteError, write_atomically

BAD = b"import time\r\n\r\nasync def f():\r\n    time.sleep(1)  # caf\xc3\xa9\r\n"
FIXED = (
    b"import asyncio\r\nimport time\r\n\r\nasync def f():\r\n"
    b"    await asyncio.sleep(1)  # caf\xc3\xa9\r\n"
)
ROOT = os.geteuid() == 0 if hasattr(os, "geteuid") else False
needs_kill = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="no SIGKILL here")
needs_permissions = pytest.mark.skipif(
    ROOT or sys.platform == "win32", reason="as root, permissions do not apply"
)

# Runs `async-lint check ...` with one step of the write sabotaged: `kill` sends
# the process SIGKILL, `enospc` fails like a full disk, `error` raises an
# unexpected exception and `interrupt` is a Ctrl-C. The step is os.fsync,
# os.chmod or os.replace (after N calls), or "write": half the data, then the blow.
_DRIVER = """
import errno, os, signal, sys
from async_lint import cli
from async_lint.fixes import write

blow, step, after = sys.argv[1], sys.argv[2], int(sys.argv[3])


# `os` as the fix writer sees it: the sabotage stays out of the rest of the run
# (the cache writes its own files with the same calls).
class WriteOs:
    def __getattr__(self, name):
        return getattr(os, name)


write.os = WriteOs()

def strike():
    if blow == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    if blow == "error":
        raise RuntimeError("injected")
    if blow == "interrupt":
        raise KeyboardInterrupt
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

if step == "write":
    real_fdopen = os.fdopen

    class Half:
        def __init__(self, handle):
            self.handle = handle
        def __enter__(self):
            return self
        def __exit__(self, *exc):
            self.handle.close()
        def write(self, data):
            self.handle.write(data[: len(data) // 2])
            self.handle.flush()
            strike()

    write.os.fdopen = lambda *a, **k: Half(real_fdopen(*a, **k))
else:
    real = getattr(os, step)
    calls = []

    def sabotaged(*args, **kwargs):
        calls.append(args)
        if len(calls) > after:
            strike()
        return real(*args, **kwargs)

    setattr(write.os, step, sabotaged)
sys.exit(cli.main(sys.argv[4:]))
"""


def sabotage(blow: str, step: str, *args: str, cwd: Path, after: int = 0):
    command = [sys.executable, "-c", _DRIVER, blow, step, str(after), "check", *args]
    result = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, check=False, timeout=120
    )
    assert "Traceback" not in result.stderr
    return result


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


@needs_kill
@pytest.mark.parametrize("step", ["write", "fsync", "chmod", "replace"])
def test_a_kill_at_any_step_leaves_the_original_byte_identical(tmp_path, step):
    path = tmp_path / "app.py"
    path.write_bytes(BAD)
    result = sabotage("kill", step, "--fix", "app.py", cwd=tmp_path)
    assert result.returncode == -signal.SIGKILL
    assert path.read_bytes() == BAD
    # What a kill leaves: the temporary, never taken for source.
    (stale,) = leftovers(tmp_path)
    assert stale.startswith(".app.py.async-lint-") and stale.endswith(".tmp")
    if step in ("chmod", "replace"):  # written and synced: the whole fixed file
        assert (tmp_path / stale).read_bytes() == FIXED
    again = run_cli("check", "--fix", ".", cwd=tmp_path)
    assert again.returncode == 0 and "Fixed 1 finding." in again.stdout
    assert path.read_bytes() == FIXED
    assert leftovers(tmp_path) == [stale]  # not ours to delete: it may be another run's


@needs_kill
def test_a_kill_in_the_middle_of_a_run_leaves_each_file_whole(tmp_path):
    """Files are replaced one by one: those before the kill are fixed, the rest untouched."""
    for name in ("a.py", "b.py", "c.py"):
        (tmp_path / name).write_bytes(BAD)
    result = sabotage("kill", "replace", "--fix", ".", cwd=tmp_path, after=1)
    assert result.returncode == -signal.SIGKILL
    assert (tmp_path / "a.py").read_bytes() == FIXED
    compile(FIXED, "a.py", "exec")
    assert (tmp_path / "b.py").read_bytes() == BAD
    assert (tmp_path / "c.py").read_bytes() == BAD


def test_a_stale_temporary_is_never_linted(tmp_path):
    (tmp_path / "app.py").write_text("x = 1\n")
    (tmp_path / ".app.py.async-lint-k2j3.tmp").write_text("import time\nasync def f(:\n")
    result = run_cli("check", ".", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "All checks passed!\n")


@pytest.mark.parametrize("step", ["write", "fsync", "chmod", "replace"])
def test_a_full_disk_leaves_the_original_and_no_temporary(tmp_path, step):
    path = tmp_path / "app.py"
    path.write_bytes(BAD)
    other = tmp_path / "other.py"
    other.write_bytes(BAD)
    # `after=1` for os.replace: the first file (app.py) is written, the second is not
    result = sabotage(
        "enospc", step, "--fix", ".", cwd=tmp_path, after=1 if step == "replace" else 0
    )
    assert result.returncode == 1  # a finding is left
    if step == "replace":
        assert path.read_bytes() == FIXED
        assert (
            result.stderr == "async-lint: other.py: not fixed: [Errno 28] No space left on device\n"
        )
    else:
        assert path.read_bytes() == BAD
        assert "async-lint: app.py: not fixed: [Errno 28] No space left on device" in result.stderr
    assert other.read_bytes() == BAD
    assert "other.py:4:5: ASL101" in result.stdout  # reported as still there
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("step", ["write", "fsync", "chmod", "replace"])
@pytest.mark.parametrize(("blow", "status"), [("error", 2), ("interrupt", 130)])
def test_an_exception_at_any_step_leaves_the_original_and_no_temporary(
    tmp_path, step, blow, status
):
    """Not an OSError (a bug, a Ctrl-C): the run ends, and what it had not yet replaced
    is byte-identical, with no temporary left behind."""
    path = tmp_path / "app.py"
    path.write_bytes(BAD)
    result = sabotage(blow, step, "--fix", "app.py", cwd=tmp_path)
    assert result.returncode == status
    assert path.read_bytes() == BAD
    assert leftovers(tmp_path) == []
    if blow == "error":
        assert result.stderr == "async-lint: internal error: RuntimeError: injected\n"


_EDIT_DRIVER = """
import sys
from pathlib import Path
from async_lint import cli, run
from async_lint.fixes import apply

what = sys.argv[1]
real_fix, real_complete = apply.fix_source, run.complete

def fixing(*args, **kwargs):
    result = real_fix(*args, **kwargs)
    if what == "edit":
        Path("app.py").write_text("# edited by someone else\\n")
    if what == "remove":
        Path("app.py").unlink(missing_ok=True)
    return result

def linted(*args, **kwargs):
    if what == "remove-before":
        Path("app.py").unlink(missing_ok=True)
    return real_complete(*args, **kwargs)

apply.fix_source = fixing  # looked up when the run fixes
run.complete = linted
sys.exit(cli.main(sys.argv[2:]))
"""


def edit_meanwhile(what: str, cwd: Path):
    command = [sys.executable, "-c", _EDIT_DRIVER, what, "check", "--fix", "."]
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    return result


def test_a_file_edited_while_it_is_fixed_is_not_overwritten(tmp_path):
    (tmp_path / "app.py").write_bytes(BAD)
    (tmp_path / "b.py").write_bytes(BAD)
    result = edit_meanwhile("edit", tmp_path)
    assert result.stderr.splitlines()[0] == (
        "async-lint: app.py: not fixed: the file changed on disk since it was read; not overwritten"
    )
    assert (tmp_path / "app.py").read_text() == "# edited by someone else\n"


@pytest.mark.parametrize(
    ("when", "message"),
    [
        ("remove", "the file was removed since it was read; not written again"),
        ("remove-before", "No such file or directory"),
    ],
)
def test_a_file_removed_during_the_run_is_reported_and_the_run_goes_on(tmp_path, when, message):
    """The file vanishes (a branch switch) while it is fixed, or between the lint and the
    fix: one line, and the other files are fixed as usual. The second ended the run with
    an internal error."""
    (tmp_path / "app.py").write_bytes(BAD)
    (tmp_path / "b.py").write_bytes(BAD)
    result = edit_meanwhile(when, tmp_path)
    assert f"async-lint: app.py: not fixed: {message}\n" in result.stderr
    assert (tmp_path / "b.py").read_bytes() == FIXED
    assert not (tmp_path / "app.py").exists()
    assert result.returncode == 1  # app.py's finding, as it was linted


@pytest.mark.parametrize("mode", [0o600, 0o644, 0o755, 0o640])
def test_the_file_mode_is_kept(tmp_path, mode):
    path = tmp_path / "app.py"
    path.write_bytes(BAD)
    path.chmod(mode)
    result = run_cli("check", "--fix", "app.py", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert path.read_bytes() == FIXED
    assert stat.S_IMODE(path.stat().st_mode) == mode


@pytest.mark.skipif(not ROOT, reason="only root can give a file to another user")
def test_the_owner_and_group_are_kept(tmp_path):
    """As root (a container fixing a mounted checkout), the file stays its owner's."""
    path = tmp_path / "app.py"
    path.write_bytes(BAD)
    os.chown(path, 12345, 23456)
    assert run_cli("check", "--fix", "app.py", cwd=tmp_path).returncode == 0
    assert path.read_bytes() == FIXED
    assert (path.stat().st_uid, path.stat().st_gid) == (12345, 23456)


def test_a_file_whose_owner_cannot_be_kept_is_not_replaced(tmp_path, monkeypatch):
    """Replacing another user's file in a shared directory would make it ours."""
    path = tmp_path / "app.py"
    path.write_bytes(BAD)
    real_stat = os.stat

    def stat_of_another_user(target, *args, **kwargs):
        result = real_stat(target, *args, **kwargs)
        if Path(target).name == "app.py":
            fields = list(result[:10])
            fields[4] += 1  # st_uid
            return os.stat_result(fields)
        return result

    def refuse(*args):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(write.os, "stat", stat_of_another_user)
    monkeypatch.setattr(write.os, "chown", refuse)
    with pytest.raises(WriteError, match="owner or group cannot be kept"):
        write_atomically(str(path), BAD, FIXED.decode())
    assert path.read_bytes() == BAD
    assert leftovers(tmp_path) == []


def test_a_read_only_file_is_not_replaced(tmp_path, monkeypatch, capsys):
    """Simulated (as root every file is writable); the real one follows."""
    from async_lint import cli

    path = tmp_path / "app.py"
    path.write_bytes(BAD)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(write.os, "access", lambda *args, **kwargs: False)
    assert cli.main(["check", "--fix", "app.py"]) == 1
    assert capsys.readouterr().err == (
        "async-lint: app.py: not fixed: the file is read-only; not overwritten\n"
    )
    assert path.read_bytes() == BAD


@needs_permissions
def test_a_read_only_file_for_real(tmp_path):
    path = tmp_path / "app.py"
    path.write_bytes(BAD)
    path.chmod(0o444)
    result = run_cli("check", "--fix", "app.py", cwd=tmp_path)
    assert result.returncode == 1
    assert "app.py: not fixed: the file is read-only; not overwritten" in result.stderr
    assert path.read_bytes() == BAD
    assert stat.S_IMODE(path.stat().st_mode) == 0o444


def test_a_read_only_directory(tmp_path, monkeypatch, capsys):
    """Simulated: the temporary cannot be made beside the file."""
    from async_lint import cli

    path = tmp_path / "app.py"
    path.write_bytes(BAD)
    monkeypatch.chdir(tmp_path)

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(write.tempfile, "mkstemp", refuse)
    assert cli.main(["check", "--fix", "app.py"]) == 1
    assert capsys.readouterr().err == (
        "async-lint: app.py: not fixed: cannot write in its directory (Permission denied);"
        " not overwritten\n"
    )
    assert path.read_bytes() == BAD


@needs_permissions
def test_a_read_only_directory_for_real(tmp_path):
    directory = tmp_path / "locked"
    directory.mkdir()
    path = directory / "app.py"
    path.write_bytes(BAD)
    directory.chmod(0o555)
    try:
        result = run_cli("check", "--fix", "locked", cwd=tmp_path)
    finally:
        directory.chmod(0o755)
    assert result.returncode == 1
    assert "cannot write in its directory (Permission denied)" in result.stderr
    assert path.read_bytes() == BAD
    assert leftovers(directory) == []
