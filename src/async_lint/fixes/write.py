"""Writing a fixed file back: atomically, in its own encoding, never over a newer version."""

from __future__ import annotations

import io
import os
import stat
import tempfile
import tokenize


class WriteError(Exception):
    """The fixed file was not written; the original is untouched."""


def encode_like(original: bytes, text: str) -> bytes:
    """`text` in the encoding of `original`, with its BOM if it had one."""
    encoding, _ = tokenize.detect_encoding(io.BytesIO(original).readline)
    return text.encode(encoding)  # "utf-8-sig" writes the BOM back


def write_atomically(path: str, original: bytes, text: str) -> None:
    """Replace `path` by `text` unless its content is no longer `original`.

    The new content goes to a temporary file in the same directory, which
    then takes the file's place in one rename: a crash leaves either the old
    file or the new one, never half of each. The file's permissions are kept,
    and a symbolic link stays a link: its target is what gets replaced.
    """
    path = os.path.realpath(path)
    data = encode_like(original, text)
    with open(path, "rb") as handle:
        if handle.read() != original:
            raise WriteError("the file changed on disk since it was read; not overwritten")
    mode = stat.S_IMODE(os.stat(path).st_mode)
    directory, name = os.path.split(os.path.abspath(path))
    descriptor, temporary = tempfile.mkstemp(dir=directory, prefix=f".{name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
