"""How a rule describes a fix: edits between places in the source, named by node.

A place is where a node starts or ends (`At`), optionally moved a few
characters along its line (the `(` after a call's function). Rules build
their edits with `replace`, `insert_before`, `insert_after` and `between`;
the engine turns them into text positions once the module has findings.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from async_lint.diagnostics import Applicability


@dataclass(frozen=True)
class At:
    """Where `node` starts (or ends, with `end`), moved `shift` characters along the line."""

    node: cst.CSTNode
    end: bool = False
    shift: int = 0


@dataclass(frozen=True)
class Replace:
    """Put `text` in place of the source from `start` to `end`."""

    start: At
    end: At
    text: str


def replace(node: cst.CSTNode, text: str) -> Replace:
    return Replace(At(node), At(node, end=True), text)


def insert_before(node: cst.CSTNode, text: str) -> Replace:
    return Replace(At(node), At(node), text)


def insert_after(node: cst.CSTNode, text: str) -> Replace:
    return Replace(At(node, end=True), At(node, end=True), text)


def between(first: cst.CSTNode, second: cst.CSTNode, text: str) -> Replace:
    """Replace what lies from the end of `first` to the start of `second`."""
    return Replace(At(first, end=True), At(second), text)


@dataclass(frozen=True)
class FixPlan:
    message: str
    replacements: tuple[Replace, ...]
    applicability: Applicability = Applicability.SAFE
    # statements (`import asyncio`, `from openai import AsyncOpenAI`) the new code needs,
    # added after the docstring and `__future__` imports
    imports: tuple[str, ...] = ()
