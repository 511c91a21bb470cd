"""`--output-format github`: GitHub Actions workflow commands, one per finding, which
the runner turns into annotations on the pull request's diff.

The file is named from the repository root, as the runner resolves it, so a job
that runs in a subdirectory still annotates the right file. There are no summary
lines: in the log they would only be noise between the commands.
"""

from __future__ import annotations

from collections.abc import Sequence

from async_lint.catalog import severity
from async_lint.diagnostics import Diagnostic, Severity
from async_lint.output.paths import repository_path_or_display

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "notice"}


def render_github(diagnostics: Sequence[Diagnostic]) -> str:
    return "".join(_command(d) + "\n" for d in diagnostics)


def _command(d: Diagnostic) -> str:
    properties = {
        "title": f"async-lint ({d.code})",
        "file": repository_path_or_display(d.filename),
        "line": d.start.line,
        "col": d.start.display_column,
        "endLine": d.end.line,
        "endColumn": d.end.display_column,
    }
    listed = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{COMMANDS[severity(d.code)]} {listed}::{escape_data(d.message)}"


def escape_data(text: str) -> str:
    """The escapes of a command's message (the runner's `escapeData`)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """The escapes of a property value, where `:` and `,` delimit (`escapeProperty`)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
