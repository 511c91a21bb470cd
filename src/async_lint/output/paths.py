"""Paths as CI services want them: relative to the repository root, whatever the cwd.

Findings carry the display path (relative to the current directory when below
it). GitHub code scanning, GitHub annotations and GitLab Code Quality resolve
paths against the checkout instead, so a run from a subdirectory, or on paths
outside the current directory, must still name `src/app.py` as the repository
does.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePath
from urllib.parse import quote


def _git_root(directory: str) -> str | None:
    """The top level of the git work tree holding `directory` (a `.git` directory,
    or the `.git` file of a worktree or submodule), found without running git."""
    while True:
        if os.path.exists(os.path.join(directory, ".git")):
            return directory
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


def repository_root(filename: str) -> str:
    """The git top level of the file if there is one, else the current directory."""
    return _git_root(os.path.dirname(os.path.abspath(filename))) or os.getcwd()


def repository_path(filename: str) -> str | None:
    """The file's path from its repository root with forward slashes, or None when the
    file is not below the root (a file outside any repository and the cwd)."""
    absolute = os.path.abspath(filename)
    try:
        relative = os.path.relpath(absolute, repository_root(filename))
    except ValueError:  # on another drive (Windows)
        return None
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        return None
    return PurePath(relative).as_posix()


def repository_path_or_display(filename: str) -> str:
    """The repository path where there is one; else the path as the findings show it."""
    return repository_path(filename) or filename


def artifact_uri(filename: str) -> tuple[str, bool]:
    """The file as a URI reference (percent-encoded), and whether it is relative to
    the repository root (SARIF's `%SRCROOT%`); a file outside it gets a `file:` URI.
    The name's bytes are encoded, so a name that is not UTF-8 keeps its own."""
    relative = repository_path(filename)
    if relative is None:
        return Path(os.path.abspath(filename)).as_uri(), False
    return quote(os.fsencode(relative), safe="/"), True
