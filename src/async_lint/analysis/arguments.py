"""Reading a call's arguments: by keyword or position, and literal values."""

from __future__ import annotations

import libcst as cst


def argument(
    call: cst.Call, keyword: str, position: int | None = None
) -> cst.BaseExpression | None:
    """The expression passed for a parameter, by keyword or (if it has one) by position."""
    positional = []
    for arg in call.args:
        if arg.keyword is not None:
            if arg.keyword.value == keyword:
                return arg.value
        elif not arg.star:
            positional.append(arg.value)
    if position is not None and position < len(positional):
        return positional[position]
    return None


def forwards_arguments(call: cst.Call) -> bool:
    """Does the call pass `*args` or `**kwargs`, which may hold any parameter?"""
    return any(arg.star for arg in call.args)


def is_none(expr: cst.BaseExpression | None) -> bool:
    return isinstance(expr, cst.Name) and expr.value == "None"


def literal(expr: cst.BaseExpression) -> object:
    """The value of a `True`/`False`/number literal, else None (also for an int too
    long to convert). Not libcst's `evaluated_value`: its `ast.literal_eval` leaves
    reference cycles behind, and a lint must leave none (see `run._first_pass`)."""
    if isinstance(expr, cst.Name) and expr.value in ("True", "False"):
        return expr.value == "True"
    try:
        if isinstance(expr, cst.Integer):
            return int(expr.value, 0)  # 0x, 0o, 0b and underscores, as Python reads them
        if isinstance(expr, cst.Float):
            return float(expr.value)
    except ValueError:
        return None
    return None


def string_value(string: cst.SimpleString) -> str | None:
    """The text of a string literal (None for bytes), without `ast.literal_eval`."""
    prefix = string.prefix.lower()
    if "b" in prefix:
        return None
    raw = string.raw_value
    if "r" in prefix or "\\" not in raw:
        return raw
    try:
        return raw.encode("latin-1", "backslashreplace").decode("unicode_escape")
    except UnicodeDecodeError:
        return None


def literal_int(expr: cst.BaseExpression) -> int | None:
    """The value of an integer literal, negative ones included (`-1`), else None."""
    if isinstance(expr, cst.UnaryOperation) and isinstance(expr.operator, cst.Minus):
        inner = literal_int(expr.expression)
        return None if inner is None else -inner
    value = literal(expr)
    return value if isinstance(value, int) and not isinstance(value, bool) else None
