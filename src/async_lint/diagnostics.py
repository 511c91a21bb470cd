"""Value types shared by the engine, the rules and every front end.

Positions are stored the way libcst reports them: 1-based lines and 0-based
columns counted in characters. Front ends that show something else (1-based
columns in text output, 0-based lines in LSP) convert through the helpers
here, so the conversion lives in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


@dataclass(frozen=True, order=True)
class Position:
    line: int  # 1-based
    column: int  # 0-based, in characters

    @property
    def display_column(self) -> int:
        """The 1-based column shown to people and written to text reports."""
        return self.column + 1


@dataclass(frozen=True)
class Edit:
    """Replace the text between `start` and `end` of the original source."""

    start: Position
    end: Position
    content: str


class Severity(Enum):
    """How a report shows a finding; the values are SARIF's levels. A finding
    that certainly fails at run time is an error, a smell or risk a warning, an
    audit a note."""

    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"


class Applicability(Enum):
    SAFE = "safe"  # keeps the program's meaning: applied by --fix
    UNSAFE = "unsafe"  # may change behaviour: needs --unsafe-fixes


@dataclass(frozen=True)
class Fix:
    message: str
    edits: tuple[Edit, ...]
    applicability: Applicability


@dataclass(frozen=True)
class Diagnostic:
    filename: str
    start: Position
    code: str
    message: str
    end: Position
    fix: Fix | None = None

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.filename, self.start.line, self.start.column, self.code)
