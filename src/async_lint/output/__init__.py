"""Reporters: thin renderings of diagnostics for people and for tools."""

from async_lint.output.concise import fixable, render_concise, render_statistics
from async_lint.output.full import render_full, unified_diff
from async_lint.output.github import render_github
from async_lint.output.gitlab import render_gitlab
from async_lint.output.json import render_json, render_json_statistics
from async_lint.output.json_lines import render_json_lines, render_json_lines_statistics
from async_lint.output.sarif import render_sarif

FORMATS = ("concise", "full", "json", "json-lines", "github", "gitlab", "sarif")
# Formats whose readers expect findings only: `--statistics` has no place in them.
WITHOUT_STATISTICS = ("github", "gitlab", "sarif")

__all__ = [
    "FORMATS",
    "WITHOUT_STATISTICS",
    "fixable",
    "render_concise",
    "render_full",
    "render_github",
    "render_gitlab",
    "render_json",
    "render_json_lines",
    "render_json_lines_statistics",
    "render_json_statistics",
    "render_sarif",
    "render_statistics",
    "unified_diff",
]
