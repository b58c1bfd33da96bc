"""The streamed outputs: the same bytes as the whole documents, and Web Annotation
selectors that point at the source text they quote."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from annotations.review import Review
from annotations.writers import WRITERS, dumps, to_json
from callscrub.batch import document_from_bytes
from cleaners.pipeline import review_document
from tests.conftest import CORPUS, SEEDS, needs_corpus, needs_seeds

# seed 003 (one sentence per bullet) makes one edit group with a target per line
FILES = [*SEEDS, *sorted(CORPUS.glob("C/*.txt"))[:5]]


def review_of(path: Path) -> Review:
    return review_document(document_from_bytes(path.read_bytes(), str(path)))


@needs_seeds
@needs_corpus
@pytest.mark.parametrize("path", FILES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_streamed_json_is_the_whole_document_byte_for_byte(path: Path) -> None:
    review = review_of(path)
    assert b"".join(WRITERS[".json"](review)) == dumps(to_json(review)).encode("utf-8")


@needs_seeds
@needs_corpus
@pytest.mark.parametrize("path", FILES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_every_web_annotation_selector_quotes_the_source_at_its_position(path: Path) -> None:
    review = review_of(path)
    text = review.document.text
    collection = orjson.loads(b"".join(WRITERS[".annotations.jsonld"](review)))
    items = collection["first"]["items"]
    assert collection["total"] == len(items)
    edit_ids = [edit_id for item in items for edit_id in item.get("callscrub:edits", [])]
    assert sorted(edit_ids) == sorted(edit.id for edit in review.edits)
    assert sum("callscrub:kind" in item for item in items) == len(review.proposals.annotations)
    targets = [
        target
        for item in items
        for target in (item["target"] if isinstance(item["target"], list) else [item["target"]])
    ]
    assert len(targets) == len(review.edits) + len(review.proposals.annotations)
    for target in targets:
        position, quote = target["selector"]
        start, end = position["start"], position["end"]
        assert quote["exact"] == text[start:end]
        assert text[:start].endswith(quote["prefix"]) and text[end:].startswith(quote["suffix"])


def test_a_pages_first_speaker_reads_without_the_title_line_inserted_before_it() -> None:
    # a page with no header opens on its speaker line: the title line is inserted at the
    # very position the speaker's span starts, and was read as part of the speaker
    review = review_document(document_from_bytes(b"Operator\nWelcome.\n- Analyst\nHi.\n", "x"))
    turns = to_json(review)["turns"]
    assert [(t["speaker"], t["title"], t["text"]) for t in turns] == [
        ("Operator", "", "Welcome."),
        ("", "Analyst", "Hi."),
    ]
