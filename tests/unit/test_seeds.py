"""Every cleaner proven on the real seed transcripts."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from annotations.writers import to_json
from callscrub.batch import document_from_bytes
from cleaners.pipeline import review_document
from cleaners.structure import parse
from tests.conftest import SEEDS, needs_seeds, seed

pytestmark = needs_seeds

SEED_IDS = [path.name[:3] for path in SEEDS]
EXPECTED_METADATA = {
    "000": ("Smith Micro Software Inc", "SMSI", 2008, 2),
    "001": ("Smith Micro Software Inc", "SMSI", 2007, 2),
    "002": (None, None, None, None),
    "003": ("Infinera Corp", "INFN", 2010, 3),
}
EXPECTED_TURNS = {"000": 86, "001": 119, "002": 157, "003": 95}
EXPECTED_LAYOUT = {"000": "bullets", "001": "bullets", "002": "flat", "003": "sentences"}
BULLETS = re.compile(r"^[ \t]*[•‧·●▪◦∙‣⁃]", re.MULTILINE)


def clean(prefix: str) -> tuple[str, dict]:  # type: ignore[type-arg]
    path = seed(prefix)
    review = review_document(document_from_bytes(path.read_bytes(), str(path)))
    return review.rendering.text, to_json(review)


@pytest.mark.parametrize("prefix", SEED_IDS)
def test_no_header_disclaimer_or_bullet_left(prefix: str) -> None:
    text, _ = clean(prefix)
    assert "法說會逐字稿" not in text
    assert "完整原文" not in text
    assert "使用警語" not in text and "Google 翻譯" not in text
    assert not BULLETS.search(text)
    assert not re.search(r"[\u4e00-\u9fff]", text), "no Chinese left in English-only seeds"


@pytest.mark.parametrize("prefix", SEED_IDS)
def test_metadata_turns_and_layout(prefix: str) -> None:
    _, data = clean(prefix)
    meta = data["metadata"]
    assert (
        meta["company"],
        meta["ticker"],
        meta["fiscal_year"],
        meta["fiscal_quarter"],
    ) == EXPECTED_METADATA[prefix]
    assert len(data["turns"]) == EXPECTED_TURNS[prefix]
    assert data["layout"] == EXPECTED_LAYOUT[prefix]
    assert {t["role"] for t in data["turns"]} <= {"operator", "executive", "analyst", "unknown"}
    sections = [t["section"] for t in data["turns"]]
    assert sections[0] == "presentation" and sections[-1] == "qa"
    assert sections == sorted(sections, key=["presentation", "qa"].index), (
        "Q&A never returns to presentation"
    )


def _words(text: str) -> Counter[str]:
    return Counter(re.findall(r"[A-Za-z0-9$%']+", text.casefold()))


@pytest.mark.parametrize("prefix", SEED_IDS)
def test_every_word_of_the_input_survives(prefix: str) -> None:
    """Whitespace and edits aside, every paragraph's words are in the output."""
    raw = seed(prefix).read_text(encoding="utf-8")
    body = "\n".join(line for line in raw.splitlines() if not re.search(r"[\u4e00-\u9fff]", line))
    text, _ = clean(prefix)
    missing = _words(body) - _words(text)
    assert not missing, f"words lost: {missing.most_common(10)}"


@pytest.mark.parametrize("prefix", SEED_IDS)
def test_cleaning_the_output_again_proposes_nothing(prefix: str, tmp_path: Path) -> None:
    text, _ = clean(prefix)
    again = review_document(document_from_bytes(text.encode(), "again.txt"))
    assert [(e.reason, again.document.text[e.start : e.end]) for e in again.edits] == []
    assert again.rendering.text == text


def test_seed_000_operator_instructions_and_guesses() -> None:
    text, data = clean("000")
    assert "(OPERATOR INSTRUCTIONS)" not in text and "[Operator Instructions]" in text
    guesses = {a["body"].get("guess") for a in data["annotations"] if a["kind"] == "uncertain"}
    assert {"Go-V", "seating"} <= guesses
    assert "[Go-V]" in text, "uncertain spellings keep their brackets"


def test_indiscernible_is_an_audio_marker_and_ph_marks_the_words_before_it() -> None:
    text = "Operator\nWe heard (indiscernible) from Ian Gillson (ph) on water (pH) levels.\n"
    review = review_document(document_from_bytes(text.encode(), "x"))
    assert review.rendering.text.endswith(
        "We heard [Indiscernible] from Ian Gillson [ph] on water (pH) levels.\n"
    )
    notes = {
        (a.kind, text[a.start : a.end]): a.body
        for a in review.proposals.annotations
        if a.kind in ("marker", "uncertain")
    }
    assert notes == {
        ("marker", "(indiscernible)"): {"marker": "[Indiscernible]", "audio": True},
        ("uncertain", "Ian Gillson"): {"guess": "Ian Gillson", "marker": "[ph]"},
    }


def test_seed_001_name_only_speaker_and_lost_turn() -> None:
    _, data = clean("001")
    speakers = [t["speaker"] for t in data["turns"]]
    assert speakers[1] == "Bruce Quigley"
    assert "Unidentified Participant" in speakers
    flagged = [a for a in data["annotations"] if a["kind"] == "speaker" and "review" in a["body"]]
    flagged_names = {
        data["turns"][i]["speaker"]
        for i, t in enumerate(data["turns"])
        if any(a["start"] == t["speaker_span"][0] for a in flagged)
    }
    assert "Mike Walkley" in flagged_names
    markers = {a["body"]["marker"] for a in data["annotations"] if a["kind"] == "marker"}
    assert {"[Inaudible]", "[Technical Difficulty]", "[Operator Instructions]"} <= markers


def test_seed_001_speakers_without_a_title_get_their_role_from_the_call() -> None:
    """Bruce Quigley opens the call after the operator's hand-over: an executive. Each
    "Unidentified Participant" speaks where the operator has just invited a question
    ("... of Goldman Sachs Investment Management, please go ahead what's your question?")."""
    _, data = clean("001")
    roles = {(t["speaker"], t["section"], t["role"]) for t in data["turns"]}
    assert ("Bruce Quigley", "presentation", "executive") in roles
    unidentified = {role for speaker, _, role in roles if speaker == "Unidentified Participant"}
    assert unidentified == {"analyst"}
    assert all(role != "unknown" for _, _, role in roles)
    said = [
        a["body"] for a in data["annotations"] if a["kind"] == "speaker" and "role" in a["body"]
    ]
    quigley = next(body for body in said if body["name"] == "Bruce Quigley")
    assert "prepared remarks" in quigley["role_from"]
    participant = next(body for body in said if body["name"] == "Unidentified Participant")
    assert "of Goldman Sachs Investment Management, please go ahead" in participant["role_from"]
    assert not any("role_from" in body for body in said if body["title"])


QA_CALL = (
    "  • Operator\n\n  • Welcome. Over to Mr. Bruce Quigley.\n\n  • Bruce Quigley\n\n"
    "  • Hello.\n\n  • Operator\n\n  • Our first question comes from Jen Alvarez with UBS."
    "\n\n  • Jen Alvarez - Analyst\n\n  • How big?\n\n  • Bill Smith - CEO\n\n  • Big."
    "\n\n  • Operator\n\n  • {operator}\n\n  • {speaker}\n\n  • Words.\n\n"
    "  • Bill Smith - CEO\n\n  • Goodbye."
)


@pytest.mark.parametrize(
    ("operator", "speaker", "role"),
    [
        ("Next, (inaudible) of Kepler, please go ahead.", "Unidentified Participant", "analyst"),
        ("Thank you.", "Unidentified Participant", "unknown"),
        ("(inaudible), please go ahead with your question.", "Unidentified Participant", "analyst"),
        ("There are no further questions. Back to you.", "Unidentified Participant", "unknown"),
        ("There are no more questions. Back to you, Mr. Ann Lee.", "Ann Lee", "unknown"),
    ],
)
def test_a_speaker_without_a_title_in_the_qa_is_an_analyst_only_when_invited(
    operator: str, speaker: str, role: str
) -> None:
    page = parse(QA_CALL.format(operator=operator, speaker=speaker))
    assert [(t.speaker, t.section) for t in page.turns][1::5] == [
        ("Bruce Quigley", "presentation"),
        (speaker, "qa"),
    ]
    assert page.turns[1].role == "executive"
    assert page.turns[6].role == role


def test_without_a_qa_or_as_an_unidentified_voice_a_speaker_stays_unknown() -> None:
    remarks = parse(
        "  • Operator\n\n  • Over to Mr. Bruce Quigley.\n\n  • Bruce Quigley\n\n  • Hi."
    )
    assert [t.role for t in remarks.turns] == ["operator", "unknown"]
    call = QA_CALL.replace("Bruce Quigley", "Unidentified Speaker")
    voice = parse(call.format(operator="Next question.", speaker="Ann Lee - Analyst"))
    assert voice.turns[1].speaker == "Unidentified Speaker" and voice.turns[1].role == "unknown"


def test_seed_002_lost_names_restored_and_tidy_ups() -> None:
    text, data = clean("002")
    executives = Counter(
        (t["title"], t["speaker"]) for t in data["turns"] if t["role"] == "executive"
    )
    assert executives == {
        ("VP of IR", "Bruce Quigley"): 2,
        ("President - Chairman - CEO", "Bill Smith"): 39,
        ("VP - CFO", "Andy Schmidt"): 26,
    }
    analysts = [t for t in data["turns"] if t["role"] == "analyst"]
    assert len(analysts) == 72 and all(t["speaker"] for t in analysts)
    introduced = [
        (turn["text"], data["turns"][i + 1]["speaker"])
        for i, turn in enumerate(data["turns"][:-1])
        if "question comes from Reg King" in turn["text"]
    ]
    assert [speaker for _, speaker in introduced] == ["Reg King"]
    assert "2006,, we" not in text and "2006, we" in text
    assert "(OPERATOR INSTRUCTIONS) ." not in text
    assert text.startswith("Earnings Call Transcript\n\nOperator\n\n")


def test_seed_003_sentences_rejoined_across_false_splits() -> None:
    text, data = clean("003")
    assert "turn the call over to Mr. Bob Blair of Infinera Investor Relations." in text
    operator = data["turns"][0]["text"]
    assert "\n" not in operator, "sentence-per-bullet turns become one paragraph"
    reasons = [e["reason"] for e in data["edits"] if e["cleaner"] == "layout"]
    assert any("false sentence split after 'Mr.'" in r for r in reasons)
