"""The stored compiled patterns: the same patterns as ``re.compile`` builds, or none."""

from __future__ import annotations

import marshal
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from cleaners import patterncache, tables
from cleaners.patterncache import compile_pattern, compiled_form, store


@pytest.fixture
def store_at(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = tmp_path / "patterns.bin"
    monkeypatch.setattr(patterncache, "store_path", lambda: path)
    patterncache._stored.cache_clear()
    compile_pattern.cache_clear()
    yield path
    patterncache._stored.cache_clear()
    compile_pattern.cache_clear()


def test_every_stored_pattern_is_the_one_re_compiles(store_at: Path) -> None:
    count = store()
    stored = marshal.loads(store_at.read_bytes())["patterns"]
    assert count == len(stored) > 50
    for (source, flags), form in stored.items():
        # Pattern equality compares the engine's code word for word, not only the text.
        assert patterncache._sre.compile(source, *form) == re.compile(source, flags)
        assert compile_pattern(source, flags) == re.compile(source, flags)


def test_a_stored_form_is_what_compile_pattern_builds(store_at: Path) -> None:
    """Proof that the store is read: a form stored under another pattern's text is used."""
    data = {
        "engine": patterncache._engine(),
        "patterns": {("Accutel", 0): compiled_form("Ecutel", 0)},
    }
    store_at.write_bytes(marshal.dumps(data))
    assert compile_pattern("Accutel").findall("Accutel and Ecutel") == ["Ecutel"]
    assert compile_pattern("Ecutel", re.IGNORECASE).findall("ECUTEL") == ["ECUTEL"]


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not marshal data",
        marshal.dumps({"engine": (0, 0, 0), "patterns": {("Accutel", 0): compiled_form("E", 0)}}),
        marshal.dumps(["a list"]),
    ],
    ids=["empty", "garbage", "another-python", "another-shape"],
)
def test_an_unusable_store_is_ignored(store_at: Path, content: bytes) -> None:
    store_at.write_bytes(content)
    assert compile_pattern("Accutel").findall("Accutel and Ecutel") == ["Accutel"]


def test_without_a_store_patterns_are_compiled(store_at: Path) -> None:
    assert not store_at.exists()
    assert compile_pattern(tables.PERSON) == re.compile(tables.PERSON)


COUNT_COMPILED = """
from re import _compiler
compiled = []
original = _compiler.compile
def counting(source, flags=0):
    compiled.append(source)
    return original(source, flags)
_compiler.compile = counting
import cleaners.pipeline
from cleaners import patterncache
asked = patterncache._asked
print(patterncache.__file__, len(asked), sum(source in compiled for source, _ in asked))
"""


def test_a_process_with_the_store_compiles_none_of_the_cleaners_patterns(tmp_path: Path) -> None:
    """A copy of the package, imported in fresh processes before and after its store is
    written: the second compiles none of the patterns the cleaners ask for."""
    shutil.copytree(Path(patterncache.__file__).parent, tmp_path / "cleaners")
    shutil.rmtree(tmp_path / "cleaners" / "__pycache__", ignore_errors=True)
    environment = {**os.environ, "PYTHONPATH": str(tmp_path)}

    def run(code: str) -> str:
        done = subprocess.run(
            [sys.executable, "-c", code],
            cwd=tmp_path,
            env=environment,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    where, asked, compiled = run(COUNT_COMPILED).split()
    assert where == str(tmp_path / "cleaners" / "patterncache.py")
    assert int(compiled) == int(asked) > 50
    run("from cleaners.patterncache import store; store()")
    assert run(COUNT_COMPILED).split() == [where, asked, "0"]
