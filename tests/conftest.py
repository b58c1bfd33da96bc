"""Shared fixtures: the seeds and the real corpus live in ../shared, beside the repo."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("CALLSCRUB_SHARED", REPO.parent / "shared"))
SEEDS = sorted((SHARED / "seeds").glob("*.txt"))
CORPUS = SHARED / "corpus" / "real"
GOLD = sorted((CORPUS / "gold").glob("*.json"))
EXAMPLES = REPO / "examples"

needs_seeds = pytest.mark.skipif(not SEEDS, reason=f"seed transcripts not found in {SHARED}/seeds")
needs_corpus = pytest.mark.skipif(not GOLD, reason=f"real corpus not found in {CORPUS}")


def seed(prefix: str) -> Path:
    return next(path for path in SEEDS if path.name.startswith(prefix))


@pytest.fixture(autouse=True, scope="session")
def private_glossary_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Tests, and the processes they start, cache large glossaries in a folder of their
    own, never in the user's."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CALLSCRUB_CACHE", str(tmp_path_factory.mktemp("glossary-cache")))
        yield


def _files_under(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(path.relative_to(folder)): (path.stat().st_size, path.stat().st_mtime_ns)
        for path in folder.rglob("*")
        if path.is_file()
    }


@pytest.fixture(autouse=True, scope="session")
def shared_inputs_untouched() -> Iterator[None]:
    """The seeds and the corpus are every test's reference inputs: no test may write
    beside them (an editor's journal once landed among the seeds)."""
    before = _files_under(SHARED) if SHARED.is_dir() else {}
    yield
    after = _files_under(SHARED) if SHARED.is_dir() else {}
    changed = sorted(
        name for name in before.keys() | after.keys() if before.get(name) != after.get(name)
    )
    assert not changed, f"tests wrote into {SHARED}: {changed[:5]}"


def callscrub(
    *args: str, stdin: bytes | None = None, text: bool = False
) -> subprocess.CompletedProcess[Any]:
    """``python -m callscrub ARGS`` from the repository, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "callscrub", *args],
        cwd=REPO,
        input=stdin,
        capture_output=True,
        text=text,
        check=False,
    )
