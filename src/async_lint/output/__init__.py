"""Reporters: thin renderings of diagnostics for people and for tools."""

from async_lint.output.concise import fixable, render_concise, render_statistics
from async_lint.output.json import render_json, render_json_statistics

FORMATS = ("concise", "json")

__all__ = [
    "FORMATS",
    "fixable",
    "render_concise",
    "render_json",
    "render_json_statistics",
    "render_statistics",
]
