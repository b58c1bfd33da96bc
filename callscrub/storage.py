"""Where a batch reads and writes: local paths, or any fsspec URL.

Plain paths and ``file://`` URLs are the local disk (atomic writes by rename). Any other
URL (``s3://``, ``gcs://``, ``memory://`` ...) goes through fsspec once its backend is
installed; each output there is written whole to a temporary name and moved into place.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any

from annotations.review import Review
from annotations.writers import WRITERS, temporary_name, write_outputs


class StorageError(Exception):
    """A location that cannot be read, listed or written; the message says which."""


def is_url(location: str) -> bool:
    return "://" in location


def local_path(location: str) -> Path | None:
    """The local path of a plain path or ``file://`` URL; ``None`` for a remote URL.

    >>> local_path("calls/q2.txt"), local_path("file:///data/q2.txt"), local_path("s3://b/q2.txt")
    (PosixPath('calls/q2.txt'), PosixPath('/data/q2.txt'), None)
    """
    if not is_url(location):
        return Path(location)
    if location.startswith("file://"):
        return Path(location[len("file://") :])
    return None


def _filesystem(url: str) -> tuple[Any, str]:
    import fsspec  # only remote runs pay for importing it

    try:
        filesystem, path = fsspec.core.url_to_fs(url)
        return filesystem, str(path)
    except (ImportError, ValueError) as error:
        raise StorageError(f"{url}: {error}") from None


def list_texts(url: str, out: str) -> list[tuple[str, str]] | None:
    """The ``*.txt`` below a remote folder URL (recursively) as (URL, path below the
    folder) pairs, ``[(url, name)]`` for a file, or ``None`` when nothing is there.

    An output folder ``out`` on the same store inside the folder is left out: what is
    there is an earlier run's output, not an input."""
    fs, root = _filesystem(url)
    try:
        if fs.isdir(root):
            base = root.rstrip("/")
            outputs = _folder_inside(fs, base, out)
            found = sorted(
                p
                for p in fs.find(root)
                if p.lower().endswith(".txt") and not (outputs and p.startswith(outputs))
            )
            return [(fs.unstrip_protocol(p), posixpath.relpath(p, base)) for p in found]
        if fs.isfile(root):
            return [(url, posixpath.basename(root))]
    except OSError as error:
        raise StorageError(f"{url}: cannot list: {error}") from None
    return None


def _folder_inside(fs: Any, base: str, out: str) -> str | None:
    """``out``'s path with a closing slash, if it is a folder of ``fs`` below ``base``."""
    if not is_url(out):
        return None
    out_fs, out_path = _filesystem(out)
    folder = out_path.rstrip("/") + "/"
    return folder if type(out_fs) is type(fs) and folder.startswith(base + "/") else None


def over_limit(size: int, max_bytes: int) -> str:
    """The one message for an input over ``--max-bytes``, local or remote."""
    return f"file is {size:,} bytes, over the {max_bytes:,}-byte limit (--max-bytes)"


def read_bytes(url: str, max_bytes: int) -> bytes:
    """A remote file's bytes; ``StorageError`` (one line) when it is too big or unreadable."""
    fs, path = _filesystem(url)
    try:
        size = fs.size(path)
        if size is not None and size > max_bytes:
            raise StorageError(over_limit(size, max_bytes))
        data: bytes = fs.cat_file(path)
        return data
    except FileNotFoundError:
        raise StorageError("no such file") from None
    except OSError as error:
        raise StorageError(f"cannot read: {error}") from None


def write_all(review: Review, stem: str, formats: tuple[str, ...]) -> None:
    """Write every format of one document at ``stem`` + suffix, local or remote.

    Everything is rendered before anything is written, so a failed render writes nothing.
    """
    local = local_path(stem)
    if local is not None:
        write_outputs(review, local, formats)
        return
    contents = {suffix: b"".join(WRITERS[suffix](review)) for suffix in formats}
    fs, base = _filesystem(stem)
    for suffix, data in contents.items():
        path = f"{base}{suffix}"
        try:
            fs.pipe_file(temporary_name(path), data)
            fs.mv(temporary_name(path), path)
        except OSError as error:
            raise StorageError(f"cannot write {stem}{suffix}: {error}") from None


def read_earlier(location: str) -> bytes | None:
    """The bytes of an earlier output, local or remote; ``None`` when it is not there or
    cannot be read (``--resume`` then cleans the input again)."""
    local = local_path(location)
    try:
        if local is not None:
            return local.read_bytes()
        fs, path = _filesystem(location)
        data: bytes = fs.cat_file(path)
        return data
    except (OSError, StorageError):
        return None


def exists(location: str) -> bool:
    local = local_path(location)
    if local is not None:
        return local.is_file()
    fs, path = _filesystem(location)
    try:
        return bool(fs.isfile(path))
    except OSError:
        return False
