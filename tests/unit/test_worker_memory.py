"""A worker frees each page when its outputs are written, and reads no more than it needs.

Reference counting frees what cleaning a page made as soon as the page is done, unless
something made a reference cycle: then the page's bytes and text, and whatever the frames
in the cycle held, stay until the next full garbage collection, and a worker's memory
peak depends on when that comes. An encoding-error handler that re-raised its error made
such a cycle on every line outside Windows-1252 (the Chinese of the site's header).
"""

from __future__ import annotations

import gc
import tracemalloc
from pathlib import Path

import pytest

from annotations.writers import DEFAULT_FORMATS, WRITERS
from callscrub.batch import (
    DEFAULT_MAX_BYTES,
    Job,
    Options,
    Task,
    clean_job,
    context_for,
    document_from_bytes,
    mentions_job,
    read_input,
)
from cleaners.pipeline import review_document
from tests.conftest import SEEDS, needs_seeds

EXAMPLES = sorted((Path(__file__).parents[2] / "examples" / "transcripts").glob("*.txt"))


@needs_seeds
@pytest.mark.parametrize("path", [*SEEDS, *EXAMPLES], ids=lambda path: path.name)
def test_cleaning_and_writing_a_page_leaves_no_reference_cycle(path: Path) -> None:
    data = path.read_bytes()
    gc.collect()  # here, not in a fixture: pytest's own setup leaves cycles behind
    gc.disable()
    try:
        review = review_document(document_from_bytes(data, str(path)))
        for suffix in DEFAULT_FORMATS:
            b"".join(WRITERS[suffix](review))
        del review
        assert gc.collect() == 0
    finally:
        gc.enable()


@needs_seeds
@pytest.mark.parametrize("task", [clean_job, mentions_job], ids=lambda task: task.__name__)
def test_a_worker_keeps_no_page_between_files(task: Task, tmp_path: Path) -> None:
    options = Options(str(tmp_path))
    report = task(Job(str(SEEDS[0]), str(tmp_path / "seed")), options)
    assert not report.error and report.mentions
    assert context_for(options.glossaries).last_page == {}


@needs_seeds
def test_reading_an_input_takes_its_size_not_the_limit() -> None:
    """``read(limit + 1)`` took 50 MB from the allocator for every file."""
    tracemalloc.start()
    try:
        data = read_input(SEEDS[0], DEFAULT_MAX_BYTES)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert data == SEEDS[0].read_bytes()
    assert peak < 2 * len(data) + 65_536
