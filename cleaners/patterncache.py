"""The cleaners' regular expressions, built from their stored compiled form.

Compiling the cleaners' patterns took 38 ms at every start of callscrub, a third of its
imports: ``re`` compiles in Python, and the Unicode letter classes of names make it build
a 64K-character table each time one occurs (hundreds of times). A batch pays that once
per worker, the editor before its first screen, ``callscrub clean`` on one file in each
run. ``make bytecode`` stores what ``re`` hands its C engine for each pattern
(:func:`store`), beside the bytecode and for this Python only;
:func:`compile_pattern` builds a pattern from it in microseconds.

The store is keyed by the pattern's text and flags, so a pattern that changed since is
simply compiled again; a missing, unreadable or foreign store, or a Python whose engine
refuses it, falls back to :func:`re.compile`. The result is the same pattern either way.
"""

from __future__ import annotations

import importlib
import marshal
import os
import pkgutil
import re
import sys
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

try:  # CPython's regular-expression engine and compiler (3.11+)
    import _sre  # type: ignore[import-not-found]
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - another Python: every pattern is compiled
    _sre = None

#: What a stored pattern is built with: the flags ``re`` settles on, the engine's code,
#: the number of groups, the group names both ways.
Compiled = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
Key = tuple[str, int]

#: The patterns this process asked for, in order: what :func:`store` writes.
_asked: dict[Key, None] = {}


def store_path() -> Path:
    return Path(__file__).with_name("__pycache__") / f"patterns.{sys.implementation.cache_tag}.bin"


def _engine() -> tuple[int, int, int]:
    """What a stored form depends on besides the pattern: Python and its engine."""
    return (sys.hexversion, _sre.MAGIC, _sre.CODESIZE) if _sre else (sys.hexversion, 0, 0)


@cache
def _stored() -> dict[Key, Compiled]:
    try:
        data = marshal.loads(store_path().read_bytes())
        if data["engine"] != _engine():
            return {}
        patterns: dict[Key, Compiled] = data["patterns"]
        return patterns
    except (OSError, EOFError, ValueError, TypeError, KeyError):
        return {}


@cache  # one pattern object per pattern, as re's own cache gives
def compile_pattern(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)``, from the stored form when there is one.

    >>> compile_pattern(r"Ecutel|Accutel").findall("Accutel's Ecutel")
    ['Accutel', 'Ecutel']
    >>> compile_pattern("(?P<quarter>Q[1-4])", re.IGNORECASE).match("q3").groupdict()
    {'quarter': 'q3'}
    """
    key = (source, int(flags))
    _asked[key] = None
    # Taken out of the store as it is built: loaded, the store holds about 1 MB of code.
    compiled = _stored().pop(key, None)
    if compiled is not None and _sre is not None:
        try:
            built: re.Pattern[str] = _sre.compile(source, *compiled)
            return built
        except (TypeError, ValueError, RuntimeError):
            pass  # an engine that reads its code differently: compile as usual
    return re.compile(source, flags)  # noqa: TID251 - the one place that compiles


def compiled_form(source: str, flags: int) -> Compiled:
    """What ``re.compile`` builds ``source`` from, as ``re._compiler.compile`` does."""
    parsed = _parser.parse(source, flags)
    code = _compiler._code(parsed, flags)
    names: dict[str, int] = dict(parsed.state.groupdict)
    by_number: list[str | None] = [None] * parsed.state.groups
    for name, number in names.items():
        by_number[number] = name
    return (
        int(flags | parsed.state.flags),
        [int(word) for word in code],
        parsed.state.groups - 1,
        names,
        tuple(by_number),
    )


def store(path: Path | None = None) -> int:
    """Import every cleaner module and store the compiled form of each pattern they ask
    for, atomically; returns how many."""
    if _sre is None:
        return 0
    import cleaners

    for module in pkgutil.walk_packages(cleaners.__path__, "cleaners."):
        importlib.import_module(module.name)
    try:
        patterns = {key: compiled_form(*key) for key in _asked}
    except (AttributeError, TypeError):  # a Python whose re compiles otherwise: none stored
        return 0
    data: dict[str, Any] = {"engine": _engine(), "patterns": patterns}
    target = path or store_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=target.parent, delete=False) as temporary:
        temporary.write(marshal.dumps(data))
    try:
        os.chmod(temporary.name, 0o644)  # readable by all, as the bytecode beside it
        os.replace(temporary.name, target)
    finally:
        Path(temporary.name).unlink(missing_ok=True)
    return len(patterns)
