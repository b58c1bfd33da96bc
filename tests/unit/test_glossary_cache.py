"""Large glossaries come back from the cache exactly as they were read and indexed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotations.model import Document, Source
from callscrub import glossary_cache
from callscrub.glossary_cache import MIN_ENTRIES, load_context
from cleaners.entities import glossary_index
from cleaners.pipeline import review_document
from tests.conftest import EXAMPLES, REPO

TEXT = (
    "Smith Micro Software Inc (SMSI) 2007 Q3 法說會逐字稿\n\nOperator\n\n"
    "Accutel grew and Entry77 and Entri12 did too; the N0Ls help.\n"
)


def large_glossary(path: Path, entries: int = MIN_ENTRIES + 100) -> Path:
    lines = [
        'scope = "SMSI"',
        '[[entity]]\nname = "Ecutel"\nkind = "company"\naliases = ["Accutel"]',
    ]
    lines += [f'[[entity]]\nname = "Entry{n}"\nkind = "term"' for n in range(entries)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def proposals(paths: tuple[str, ...]) -> list[tuple[int, int, str, str]]:
    review = review_document(
        Document(TEXT, Source("x.txt", "", "utf-8")), "safe", load_context(paths)
    )
    return [(e.start, e.end, e.replacement, e.reason) for e in review.edits]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("CALLSCRUB_CACHE", str(folder))
    return folder


def test_a_large_glossary_is_cached_once_and_read_back_the_same(
    cache: Path, tmp_path: Path
) -> None:
    paths = (str(large_glossary(tmp_path / "big.toml")),)
    read = load_context(paths)
    entries = list(cache.glob("glossary-*.pickle"))
    assert len(entries) == 1
    written = entries[0].stat().st_mtime_ns
    cached = load_context(paths)
    assert entries[0].stat().st_mtime_ns == written
    assert cached.glossary == read.glossary
    index, cached_index = glossary_index(read), glossary_index(cached)
    assert cached_index.spellings == index.spellings
    assert cached_index.near.lookup("entri12") == index.near.lookup("entri12") == ["entry12"]
    assert [replacement for _, _, replacement, _ in proposals(paths)][1:] == ["Ecutel"]
    assert proposals(paths) == [
        (e.start, e.end, e.replacement, e.reason)
        for e in review_document(Document(TEXT, Source("x.txt", "", "utf-8")), "safe", read).edits
    ]


def test_an_edited_glossary_gets_a_new_entry_and_a_damaged_one_is_rebuilt(
    cache: Path, tmp_path: Path
) -> None:
    path = large_glossary(tmp_path / "big.toml")
    load_context((str(path),))
    large_glossary(path, MIN_ENTRIES + 200)
    assert len(load_context((str(path),)).glossary.entities) == MIN_ENTRIES + 201
    entries = sorted(cache.glob("glossary-*.pickle"))
    assert len(entries) == 2
    for entry in entries:
        entry.write_bytes(b"not a pickle")
    assert len(load_context((str(path),)).glossary.entities) == MIN_ENTRIES + 201
    assert glossary_cache._read(entries[0]) or glossary_cache._read(entries[1])


def test_small_glossaries_and_an_empty_setting_write_nothing(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_context((str(EXAMPLES / "glossaries" / "smsi.toml"),))
    assert not cache.exists()
    monkeypatch.setenv("CALLSCRUB_CACHE", "")
    load_context((str(large_glossary(tmp_path / "big.toml")),))
    assert not cache.exists()


def test_another_process_with_other_string_hashes_reads_the_entry_alike(
    cache: Path, tmp_path: Path
) -> None:
    """What is pickled must not depend on the salted str hashes of the process that made it."""
    paths = (str(large_glossary(tmp_path / "big.toml")),)
    expected = proposals(paths)
    code = (
        "import sys; from tests.unit.test_glossary_cache import proposals; "
        "from callscrub.glossary_cache import load_context; "
        "from cleaners.entities import glossary_index; paths = tuple(sys.argv[1:]); "
        "print(proposals(paths), glossary_index(load_context(paths)).near.lookup('entri12'))"
    )
    for hash_seed in ("1", "2"):
        result = subprocess.run(
            [sys.executable, "-c", code, *paths],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": hash_seed},
        )
        assert result.stdout.strip() == f"{expected!r} ['entry12']"
    assert len(list(cache.glob("glossary-*.pickle"))) == 1
