"""Bilingual pages: language per paragraph, alignment of translations, TMX and pairs.

The fixtures in ``tests/fixtures/bilingual`` are seed 000's paragraphs with machine
translations (``source.json`` is their gold), laid out by ``build.py``.
"""

from __future__ import annotations

import importlib.util
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from annotations.review import Review
from annotations.writers import XML_LANG, to_json, to_pairs_jsonl, to_tmx
from callscrub.batch import document_from_bytes
from cleaners.detect import decide, langdetect_probabilities
from cleaners.pipeline import review_document
from cleaners.structure import Kind, parse
from tests.conftest import CORPUS, GOLD, SEEDS, needs_corpus, needs_seeds

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "bilingual"
SOURCE = json.loads((FIXTURES / "source.json").read_text(encoding="utf-8"))
BILINGUAL = [
    (script, layout) for script in ("zh_hant", "zh_hans") for layout in ("bullets", "lines")
]
TAGS = {"zh_hant": "zh-Hant", "zh_hans": "zh-Hans"}


def fixture(script: str | None, layout: str) -> Path:
    name = {"zh_hant": "hant", "zh_hans": "hans", None: "english"}[script]
    return FIXTURES / f"{name}-{layout}.txt"


def review_of(path: Path) -> Review:
    return review_document(document_from_bytes(path.read_bytes(), str(path)))


def gold_paragraphs() -> list[dict[str, str]]:
    return [p for turn in SOURCE["turns"] for p in turn["paragraphs"]]


def test_fixtures_are_what_build_py_lays_out() -> None:
    spec = importlib.util.spec_from_file_location("build", FIXTURES / "build.py")
    assert spec and spec.loader
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    for script in ("zh_hant", "zh_hans", None):
        for layout in ("bullets", "lines"):
            expected = build.page(SOURCE, script, layout == "bullets")
            assert fixture(script, layout).read_text(encoding="utf-8") == expected


@pytest.mark.parametrize(("script", "layout"), BILINGUAL)
def test_every_paragraph_gets_its_language(script: str, layout: str) -> None:
    """Target 100%: English lines stay text, Chinese lines become translations."""
    text = fixture(script, layout).read_text(encoding="utf-8")
    page = parse(text)
    kinds = {text[line.start : line.end]: line.kind for line in page.lines}
    expected = {}
    for paragraph in gold_paragraphs():
        if "en" in paragraph:
            expected[paragraph["en"]] = Kind.TEXT
        expected[paragraph[script]] = Kind.TRANSLATION
    wrong = {p[:40]: kinds.get(p) for p, kind in expected.items() if kinds.get(p) is not kind}
    assert not wrong
    assert sum(kind is Kind.TRANSLATION for kind in kinds.values()) == len(gold_paragraphs())


@pytest.mark.parametrize(("script", "layout"), BILINGUAL)
def test_every_translation_is_aligned_to_its_paragraph(script: str, layout: str) -> None:
    """Target 100%: each translation sits on the English paragraph it translates, in the
    page's script; the one with no English of its own is kept, unaligned, on its turn."""
    review = review_of(fixture(script, layout))
    text = review.document.text
    found = {a.body["text"]: a for a in review.proposals.annotations if a.kind == "translation"}
    assert len(found) == len(gold_paragraphs())
    for paragraph in gold_paragraphs():
        annotation = found[paragraph[script]]
        assert annotation.body["language"] == TAGS[script]
        if "en" in paragraph:
            assert annotation.body["aligned"] is True
            assert text[annotation.start : annotation.end] == paragraph["en"]
        else:
            assert annotation.body["aligned"] is False
            assert "not aligned" in annotation.body["review"]
            turn = next(t for t in review.turns if t.start == annotation.start)
            assert turn.speaker == "Bill Smith"


@pytest.mark.parametrize(("script", "layout"), BILINGUAL)
def test_english_clean_text_is_that_of_the_page_without_translations(
    script: str, layout: str
) -> None:
    bilingual = review_of(fixture(script, layout))
    english = review_of(fixture(None, layout))
    assert bilingual.rendering.text == english.rendering.text
    fields = ("speaker", "title", "role", "section", "text")

    def turns(review: Review) -> list[tuple[str, ...]]:
        return [tuple(t[f] for f in fields) for t in to_json(review)["turns"]]

    assert turns(bilingual) == turns(english)


def test_english_text_with_chinese_names_stays_english() -> None:
    review = review_of(fixture("zh_hant", "bullets"))
    paragraph = next(p["en"] for p in gold_paragraphs() if "中華電信" in p.get("en", ""))
    assert paragraph in review.rendering.text
    notes = [a for a in review.proposals.annotations if a.kind == "language"]
    assert [review.document.text[a.start : a.end] for a in notes] == [paragraph]


def validate_tmx(document: str) -> ET.Element:
    """The TMX 1.4 content model of what callscrub writes, as its DTD states it."""
    assert document.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx ')
    root = ET.fromstring(document)
    assert root.tag == "tmx" and root.get("version") == "1.4"
    assert [child.tag for child in root] == ["header", "body"]
    header, body = root
    required = ("creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang")
    assert all(header.get(name) for name in (*required, "srclang", "datatype"))
    assert header.get("segtype") in {"block", "paragraph", "sentence", "phrase"}
    assert all(child.tag in {"note", "prop", "ude"} for child in header)
    for unit in body:
        assert unit.tag == "tu"
        tags = [child.tag for child in unit]
        variants = tags.index("tuv")
        assert set(tags[:variants]) <= {"note", "prop"} and set(tags[variants:]) == {"tuv"}
        for variant in unit.findall("tuv"):
            assert variant.get(XML_LANG)
            assert [child.tag for child in variant][-1] == "seg"
            assert variant.find("seg") is not None and variant.find("seg").text  # type: ignore[union-attr]
        assert all(child.get("type") for child in unit.findall("prop"))
    return root


@pytest.mark.parametrize(("script", "layout"), BILINGUAL)
def test_tmx_and_pairs_hold_the_aligned_pairs(script: str, layout: str) -> None:
    review = review_of(fixture(script, layout))
    expected = [
        (p["en"].replace("(OPERATOR INSTRUCTIONS)", "[Operator Instructions]"), p[script])
        for p in gold_paragraphs()
        if "en" in p
    ]
    root = validate_tmx(to_tmx(review))
    units = [
        {variant.get(XML_LANG): variant.findtext("seg") for variant in unit.findall("tuv")}
        for unit in root.iter("tu")
    ]
    assert [(u["en"], u[TAGS[script]]) for u in units] == expected
    pairs: list[dict[str, Any]] = [json.loads(line) for line in to_pairs_jsonl(review).splitlines()]
    assert [(p["en"], p["translation"]) for p in pairs] == expected
    assert {p["language"] for p in pairs} == {TAGS[script]}


def test_a_page_without_translations_gives_an_empty_memory() -> None:
    review = review_of(fixture(None, "lines"))
    root = validate_tmx(to_tmx(review))
    assert not list(root.iter("tu")) and to_pairs_jsonl(review) == ""


def test_sentence_per_bullet_pages_rejoin_across_translations() -> None:
    sentences = ("Welcome to the call.", "Revenue was $12.5 million.", "Hi.")
    translations = ("歡迎參加電話會議。", "營收為1250萬美元。", "你好。")
    english = "".join(f"  • {line}\n\n" for line in ("Operator", *sentences))
    bilingual = "  • Operator\n\n" + "".join(
        f"  • {en}\n\n  • {zh}\n\n" for en, zh in zip(sentences, translations, strict=True)
    )
    assert parse(english * 4).layout == "sentences"
    assert parse(bilingual * 4).layout == "sentences"
    for times in (1, 4):
        clean = review_document(document_from_bytes((bilingual * times).encode(), "b"))
        plain = review_document(document_from_bytes((english * times).encode(), "e"))
        assert clean.rendering.text == plain.rendering.text


def test_langdetect_is_restricted_seeded_and_safe() -> None:
    """All profiles call Traditional Chinese Korean; unseeded it changes its mind; and
    it raises on featureless text. None of that reaches callscrub."""
    header = "Smith Micro Software Inc (SMSI) 2007 Q2 法說會逐字稿"
    assert set(langdetect_probabilities(header)) <= {"en", "zh-cn", "zh-tw"}
    answers = {tuple(sorted(langdetect_probabilities("謝謝 Bill。").items())) for _ in range(5)}
    assert len(answers) == 1
    assert decide("2008 — $0.16").language == "und"
    assert decide("謝謝。").method == "langdetect" and decide("謝謝。").language == "zh"


@needs_seeds
@needs_corpus
def test_english_pages_lose_nothing_to_the_language_stage() -> None:
    """On the seeds and the real corpus no line is taken for a translation, and at most
    5% of the non-ASCII paragraphs (far fewer of all) reach langdetect."""
    paths = SEEDS + [CORPUS / layout / f"{gold.stem}.txt" for layout in "ABC" for gold in GOLD]
    lines = langdetect = 0
    for path in paths:
        page = parse(document_from_bytes(path.read_bytes(), str(path)).text)
        assert not [line for line in page.lines if line.kind is Kind.TRANSLATION], path
        lines += sum(line.kind is Kind.TEXT for line in page.lines)
        langdetect += sum(d.method == "langdetect" for d in page.languages.values())
    assert lines and langdetect <= 0.05 * lines
