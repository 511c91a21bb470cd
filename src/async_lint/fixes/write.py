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
    file or the new one, never half of each (a kill may leave the temporary,
    `.<name>.async-lint-*.tmp`, which is never linted). The file's
    permissions, owner and group are kept, and a symbolic link stays a link:
    its target is what gets replaced. A file the user may not write is not
    replaced, although its directory would allow it.
    """
    path = os.path.realpath(path)
    data = encode_like(original, text)
    try:
        with open(path, "rb") as handle:
            current = handle.read()
    except FileNotFoundError:
        raise WriteError("the file was removed since it was read; not written again") from None
    if current != original:
        raise WriteError("the file changed on disk since it was read; not overwritten")
    if not os.access(path, os.W_OK):
        raise WriteError("the file is read-only; not overwritten")
    status = os.stat(path)
    mode = stat.S_IMODE(status.st_mode)
    directory, name = os.path.split(os.path.abspath(path))
    try:
        descriptor, temporary = tempfile.mkstemp(
            dir=directory, prefix=f".{name}.async-lint-", suffix=".tmp"
        )
    except OSError as error:  # a read-only directory: the rename needs one we may write
        reason = error.strerror or str(error)
        raise WriteError(f"cannot write in its directory ({reason}); not overwritten") from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _keep_owner(temporary, status)
        os.chmod(temporary, mode)  # after chown, which clears the set-id bits
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def _keep_owner(temporary: str, original: os.stat_result) -> None:
    """Give the temporary the original's owner and group: replacing another user's
    file (as root, or in a shared directory) must not make it ours."""
    made = os.stat(temporary)
    uid = original.st_uid if original.st_uid != made.st_uid else -1
    gid = original.st_gid if original.st_gid != made.st_gid else -1
    if uid == gid == -1 or not hasattr(os, "chown"):
        return
    try:
        os.chown(temporary, uid, gid)
    except PermissionError:
        raise WriteError("the file's owner or group cannot be kept; not overwritten") from None
