"""What an expression is known to evaluate to."""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst


@dataclass(frozen=True)
class Ref:
    """A module, function or class, named by its qualified name.

    `definition` is set for functions and classes defined in the linted
    module; knowledge tables are only consulted for names without one, so a
    local `def sleep()` never matches `time.sleep`.
    """

    name: str
    definition: cst.FunctionDef | cst.ClassDef | None = None


@dataclass(frozen=True)
class Instance:
    """An object of a known class.

    `types` lists the class and its ancestors that the knowledge base may
    know, most derived first; `definition` is set when the class itself is
    defined in the linted module.
    """

    types: tuple[str, ...]
    definition: cst.ClassDef | None = None


@dataclass(frozen=True)
class Member:
    """An attribute chain reached from an instance: `client.chat.completions`."""

    owner: Instance
    path: tuple[str, ...]


Value = Ref | Instance | Member
