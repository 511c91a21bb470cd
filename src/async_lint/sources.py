"""Turning a file's bytes into source text the way Python itself would."""

from __future__ import annotations

import codecs
import io
import re
import tokenize

from async_lint.diagnostics import Position

_LINE_BREAK = re.compile(rb"\r\n|\r|\n")


class SourceError(Exception):
    """The bytes cannot be decoded as Python source; `where` is the first byte
    that does not decode, when one is to blame."""

    def __init__(self, message: str, where: Position | None = None) -> None:
        super().__init__(message)
        self.where = where


def decode(data: bytes) -> str:
    """Decode using the BOM or PEP 263 coding cookie (UTF-8 by default), without the BOM."""
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        text = data.decode(encoding)
    except SyntaxError as error:  # a malformed or unknown coding cookie
        if error.msg.startswith("invalid or missing encoding declaration"):
            try:  # tokenize's words for bytes that are not UTF-8 in the first two lines
                data.decode("utf-8")
            except UnicodeDecodeError as undecodable:
                raise _undecodable(data, undecodable) from None
        if data.startswith(codecs.BOM_UTF8) and error.msg.startswith("encoding problem"):
            raise SourceError("a UTF-8 BOM, but a coding cookie for another encoding") from None
        raise SourceError(error.msg) from None
    except LookupError as error:
        raise SourceError(str(error)) from None
    except UnicodeDecodeError as error:
        raise _undecodable(data, error) from None
    return text.removeprefix("\ufeff")


def _undecodable(data: bytes, error: UnicodeDecodeError) -> SourceError:
    """The error at the line and column of the first byte that does not decode
    (lines end as Python's do: at CRLF, LF or a lone CR)."""
    start = error.start
    breaks = list(_LINE_BREAK.finditer(data, 0, start))
    line_start = breaks[-1].end() if breaks else 0
    column = len(data[line_start:start].decode(error.encoding, "replace").removeprefix("\ufeff"))
    where = Position(len(breaks) + 1, column)
    message = f"'{error.encoding}' codec can't decode byte 0x{data[start]:02x}: {error.reason}"
    return SourceError(message, where)


def why_unreadable(error: OSError | SourceError) -> str:
    """The one-line reason a file could not be read or decoded."""
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error)
