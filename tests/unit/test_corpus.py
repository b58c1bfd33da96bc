"""The real corpus in the site's three layouts: every turn parsed, no word lost."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252)
import pytest

from annotations.writers import to_json
from callscrub.batch import document_from_bytes
from cleaners.pipeline import review_document
from tests.conftest import CORPUS, GOLD, needs_corpus

pytestmark = needs_corpus
CASES = [(layout, gold.stem) for layout in "ABC" for gold in GOLD]


def turn_key(layout: str, speaker: str, title: str) -> str:
    """Layout B lost the names: its turns are compared by title (or Operator)."""
    return (title or speaker) if layout == "B" else speaker


def words(text: str) -> Counter[str]:
    """The words of a text, casefolded (markers change case, never words); punctuation
    and spacing around it are not words, so a tidied ``year ,`` loses nothing."""
    return Counter(re.findall(r"\w+(?:['’.\-]\w+)*", text.casefold()))


def comparable(text: str) -> str:
    """Whitespace runs collapsed, as the gold asks, and no space before punctuation."""
    return re.sub(r" (?=[,;:.?!])", "", " ".join(text.split())).casefold()


@pytest.mark.parametrize(("layout", "name"), CASES)
def test_turns_and_words_match_gold(layout: str, name: str) -> None:
    gold = json.loads((CORPUS / "gold" / f"{name}.json").read_text(encoding="utf-8"))
    path = CORPUS / layout / f"{name}.txt"
    review = review_document(document_from_bytes(path.read_bytes(), str(path)))
    data = to_json(review)
    got = [turn_key(layout, t["speaker"], t["title"]) for t in data["turns"]]
    expected = [turn_key(layout, t["speaker"], t["title"]) for t in gold["turns"]]
    assert got == expected
    assert [t["section"] for t in data["turns"]] == [t["section"] for t in gold["turns"]]
    gold_words = words(" ".join(" ".join(t["paragraphs"]) for t in gold["turns"]))
    clean_words = words(" ".join(t["text"] for t in data["turns"]))
    assert not gold_words - clean_words
    if layout != "B":
        meta = data["metadata"]
        assert (meta["ticker"], meta["fiscal_year"], meta["fiscal_quarter"]) == (
            gold["ticker"],
            gold["fiscal_year"],
            gold["fiscal_quarter"],
        )
    else:
        assert data["metadata"]["ticker"] is None, "unknown metadata is null, never guessed"


@pytest.mark.parametrize("layout", "ABC")
def test_paragraph_texts_equal_gold(layout: str) -> None:
    """Beyond words: each turn's text equals the gold's (whitespace collapsed)."""
    mismatched = []
    for gold_path in GOLD:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        path = CORPUS / layout / f"{gold_path.stem}.txt"
        data = to_json(review_document(document_from_bytes(path.read_bytes(), str(path))))
        for mine, theirs in zip(data["turns"], gold["turns"], strict=True):
            if comparable(mine["text"]) != comparable(" ".join(theirs["paragraphs"])):
                mismatched.append((gold_path.stem, theirs["speaker"]))
    assert mismatched == []


#: Damage a scrape does to a whole page, each undone before the page is parsed.
DAMAGE: dict[str, Callable[[str], str]] = {
    "utf-8 read as windows-1252": lambda page: page.encode().decode("sloppy-windows-1252"),
    "html left escaped": lambda page: (
        page.replace("&", "&amp;")
        .replace('"', "&quot;")
        .replace("’", "&rsquo;")
        .replace("  •", "&nbsp;&nbsp;&bull;")
    ),
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_every_damaged_page_cleans_as_the_page_itself(damage: Callable[[str], str]) -> None:
    differ = []
    for layout in "ABC":
        for path in sorted((CORPUS / layout).glob("*.txt")):
            page = path.read_text(encoding="utf-8")
            clean = review_document(document_from_bytes(page.encode(), str(path)))
            damaged = review_document(document_from_bytes(damage(page).encode(), str(path)))
            if damaged.rendering.text != clean.rendering.text:
                differ.append(f"{layout}/{path.name}")
    assert differ == []


def test_corpus_outputs_are_stable(tmp_path: Path) -> None:
    """Cleaning a clean output again applies nothing: only open proposals stay open."""
    for layout in "ABC":
        path = CORPUS / layout / f"{GOLD[0].stem}.txt"
        text = review_document(document_from_bytes(path.read_bytes(), str(path))).rendering.text
        again = review_document(document_from_bytes(text.encode(), "again.txt"))
        assert list(again.applied()) == []
