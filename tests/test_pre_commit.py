"""The pre-commit hook as users run it: `pre-commit try-repo` and a config with `--fix`.

pre-commit installs the hook from a git repository at a commit, so the tests
install it from a snapshot of this checkout (its working tree committed in a
scratch clone): what is tested is the code as it stands, committed or not.
The hook's environment is built once for the module (it needs the package
index, as pre-commit itself does).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[1]
BAD = "import time\n\n\nasync def handler():\n    time.sleep(1)\n"
FIXED = "import asyncio\nimport time\n\n\nasync def handler():\n    await asyncio.sleep(1)\n"
CLEAN = "import asyncio\n\n\nasync def handler():\n    await asyncio.sleep(1)\n"
IDENTITY = ["-c", "user.name=async-lint tests", "-c", "user.email=tests@async-lint.invalid"]


def git(*args: str, cwd: Path) -> str:
    done = subprocess.run(
        ["git", *IDENTITY, *args], cwd=cwd, check=True, capture_output=True, text=True
    )
    return done.stdout


def in_git_checkout() -> bool:
    try:
        return git("rev-parse", "--show-toplevel", cwd=REPOSITORY).strip() == str(REPOSITORY)
    except (OSError, subprocess.CalledProcessError):
        return False


pytestmark = pytest.mark.skipif(not in_git_checkout(), reason="needs a git checkout")


@pytest.fixture(scope="module")
def hook_repository(tmp_path_factory) -> tuple[Path, str]:
    """A clone of this checkout with its working tree committed: (path, commit)."""
    snapshot = tmp_path_factory.mktemp("hook-repository") / "async-lint"
    git("clone", "--quiet", "--no-hardlinks", str(REPOSITORY), str(snapshot), cwd=REPOSITORY)
    listed = git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=REPOSITORY)
    for name in filter(None, listed.split("\0")):
        source, target = REPOSITORY / name, snapshot / name
        if source.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
        elif target.exists():  # deleted in the working tree
            target.unlink()
    git("add", "--all", cwd=snapshot)
    git("commit", "--quiet", "--allow-empty", "--no-verify", "-m", "snapshot", cwd=snapshot)
    return snapshot, git("rev-parse", "HEAD", cwd=snapshot).strip()


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture
def user_repository(tmp_path):
    """A user's git repository with the given files staged."""

    def make(files: dict[str, str]) -> Path:
        root = tmp_path / "project"
        root.mkdir()
        git("init", "--quiet", cwd=root)
        for name, text in files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text, encoding="utf-8")
        git("add", "--all", cwd=root)
        return root

    return make


def pre_commit(*args: str, cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def try_repo(hook_repository, root: Path, home: Path) -> subprocess.CompletedProcess[str]:
    """`pre-commit try-repo` of the hook on every file of the user's repository."""
    snapshot, commit = hook_repository
    return pre_commit(
        "try-repo", str(snapshot), "async-lint", "--ref", commit, "--all-files", cwd=root, home=home
    )


def test_try_repo_fails_on_a_bad_file_and_reports_it(
    hook_repository, pre_commit_home, user_repository
):
    root = user_repository({"app/bad.py": BAD})
    result = try_repo(hook_repository, root, pre_commit_home)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "async-lint" in result.stdout
    assert "Failed" in result.stdout
    assert "app/bad.py:5:5: ASL101" in result.stdout
    assert (root / "app/bad.py").read_text(encoding="utf-8") == BAD  # reported, not changed


def test_try_repo_passes_on_a_clean_file(hook_repository, pre_commit_home, user_repository):
    root = user_repository({"app/good.py": CLEAN, "notes.txt": "time.sleep(1)\n"})
    result = try_repo(hook_repository, root, pre_commit_home)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout


def test_hook_honours_excludes_for_the_files_pre_commit_names(
    hook_repository, pre_commit_home, user_repository
):
    root = user_repository(
        {"vendored/bad.py": BAD, "pyproject.toml": '[tool.async-lint]\nexclude = ["vendored"]\n'}
    )
    result = try_repo(hook_repository, root, pre_commit_home)
    assert result.returncode == 0, result.stdout + result.stderr


def test_hook_with_fix_rewrites_the_file(hook_repository, pre_commit_home, user_repository):
    snapshot, commit = hook_repository
    config = (
        f"repos:\n- repo: {snapshot}\n  rev: {commit}\n"
        "  hooks:\n  - id: async-lint\n    args: [--fix]\n"
    )
    root = user_repository({"app/bad.py": BAD, ".pre-commit-config.yaml": config})
    result = pre_commit("run", "--all-files", cwd=root, home=pre_commit_home)
    # pre-commit fails a hook that changed files, so that the fix can be reviewed.
    assert result.returncode == 1, result.stdout + result.stderr
    assert "files were modified by this hook" in result.stdout
    assert (root / "app/bad.py").read_text(encoding="utf-8") == FIXED
    git("add", "--all", cwd=root)
    again = pre_commit("run", "--all-files", cwd=root, home=pre_commit_home)
    assert again.returncode == 0, again.stdout + again.stderr
