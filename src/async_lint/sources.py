"""Turning a file's bytes into source text the way Python itself would."""

from __future__ import annotations

import io
import tokenize


class SourceError(Exception):
    """The bytes cannot be decoded as Python source."""


def decode(data: bytes) -> str:
    """Decode using the BOM or PEP 263 coding cookie (UTF-8 by default), without the BOM."""
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        text = data.decode(encoding)
    except SyntaxError as error:  # a malformed or unknown coding cookie
        raise SourceError(error.msg) from None
    except (LookupError, UnicodeDecodeError) as error:
        raise SourceError(str(error)) from None
    return text.removeprefix("\ufeff")
