"""Large glossaries, read and indexed once, then loaded from a cache.

A 100,000-entry glossary takes about 2.7 s to read (TOML) and index (Aho-Corasick,
one-letter neighbours), in every process that uses it: each run, each `--jobs` or Dask
worker, each editor start. Loaded from here it takes 0.2-0.25 s.

The cache key is the SHA-256 of the glossary files' bytes, in order, and of the source
of the modules that shape what is cached, so an edited glossary or a new callscrub
never meets an old entry. Small glossaries are read directly: they take milliseconds.

The cache lives in ``$CALLSCRUB_CACHE``, else ``$XDG_CACHE_HOME/callscrub``, else
``~/.cache/callscrub``, in a folder only its owner can read or write, since entries are
pickles. ``CALLSCRUB_CACHE=`` (empty) turns it off. An entry that cannot be read or
written is rebuilt or skipped, never an error.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from annotations import glossary as glossary_module
from annotations.glossary import Glossary, merge_glossaries, read_glossary_file
from cleaners import entities, matcher
from cleaners.entities import GlossaryIndex, glossary_index
from cleaners.registry import Context

#: Below this many entries a glossary is read directly: caching would not pay.
MIN_ENTRIES = 5_000
#: The modules whose objects are pickled: any change to them makes a new key.
_SHAPING_MODULES = (glossary_module, entities, matcher)


def cache_folder() -> Path | None:
    """Where entries go; ``None`` when ``CALLSCRUB_CACHE`` is set empty."""
    configured = os.environ.get("CALLSCRUB_CACHE")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "callscrub"


def load_context(paths: tuple[str, ...]) -> Context:
    """The cleaners' context for these glossary files: from the cache when a large
    glossary was read before, else read (and, when large, indexed and cached).

    Raises ``GlossaryError`` (one line: file, line, key, problem) for a malformed or
    unreadable file.
    """
    files = [(path, read_glossary_file(path)) for path in paths]
    folder = cache_folder() if paths else None
    entry = _entry(folder, files) if folder is not None else None
    if entry is not None:
        cached = _read(entry)
        if cached is not None:
            glossary, index = cached
            return Context(glossary, {"entities": index})
    context = Context(merge_glossaries(files))
    if entry is not None and len(context.glossary.entities) >= MIN_ENTRIES:
        _write(entry, (context.glossary, glossary_index(context)))
    return context


def _entry(folder: Path, files: list[tuple[str, bytes]]) -> Path:
    digest = hashlib.sha256()
    for module in _SHAPING_MODULES:
        digest.update(Path(str(module.__file__)).read_bytes())
    for _, data in files:
        digest.update(data)
        digest.update(b"\0")
    return folder / f"glossary-{digest.hexdigest()[:32]}.pickle"


def _read(entry: Path) -> tuple[Glossary, GlossaryIndex] | None:
    try:
        with entry.open("rb") as stream:
            glossary, index = pickle.load(stream)
    except Exception:  # missing, damaged or foreign: rebuilt, whatever unpickling raised
        return None
    if isinstance(glossary, Glossary) and isinstance(index, GlossaryIndex):
        return glossary, index
    return None


def _write(entry: Path, content: tuple[Glossary, GlossaryIndex]) -> None:
    # A name of its own per process: cluster workers may all write one entry at once.
    temporary = entry.with_name(f".{entry.name}.{os.getpid()}.tmp")
    try:
        entry.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with temporary.open("wb") as stream:
            pickle.dump(content, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, entry)
    except OSError:
        temporary.unlink(missing_ok=True)  # no cache this time: the next run reads again
