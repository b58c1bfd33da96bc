"""Names and entities on real text: the seeds, the real corpus, and the matcher's laws."""

from __future__ import annotations

import json
import os
import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotations.glossary import (
    Entity,
    Glossary,
    GlossaryError,
    add_entry,
    load_glossaries,
    parse_glossary,
)
from annotations.model import Annotation, Edit
from annotations.writers import turn_records
from callscrub.batch import context_for, document_from_bytes
from cleaners.entities import (
    _build_index,
    _is_word_boundary,
    alias_hits,
    ascii_lower,
    propose_entities,
)
from cleaners.matcher import DeletionIndex, compared_forms, deletions, suggest
from cleaners.names import QUOTE_REACH, read_cast, restore_names
from cleaners.pipeline import review_document
from cleaners.registry import Context
from cleaners.structure import parse
from tests.conftest import CORPUS, EXAMPLES, GOLD, needs_corpus, needs_seeds, seed

GLOSSARIES = tuple(
    str(EXAMPLES / "glossaries" / name) for name in ("global.toml", "smsi.toml", "infn.toml")
)


def entity_edits(
    prefix: str, glossaries: tuple[str, ...] = GLOSSARIES
) -> list[tuple[str, str, str]]:
    path = seed(prefix)
    review = review_document(
        document_from_bytes(path.read_bytes(), str(path)), "safe", context_for(glossaries)
    )
    text = review.document.text
    return [
        (text[e.start : e.end], e.replacement, review.status[e.id].value)
        for e in review.proposals.edits
        if e.cleaner == "entities"
    ]


@needs_seeds
def test_every_accutel_of_seed_001_becomes_ecutel_and_n0ls_nols() -> None:
    edits = entity_edits("001")
    written = seed("001").read_text(encoding="utf-8").count("Accutel")
    assert written == 8
    assert [e for e in edits if e[0] == "Accutel"] == [("Accutel", "Ecutel", "applied")] * written
    assert ("N0Ls", "NOLs", "applied") in edits
    assert ("phone tax burn out", "PhoTags earn-out", "applied") in edits


@needs_seeds
def test_the_dtn_misheard_as_vpn_in_seed_003_is_restored_and_vpn_alone_is_not() -> None:
    assert entity_edits("003") == [("VPN plus ATN", "DTN plus ATN", "applied")]
    assert not [e for e in entity_edits("002") if "VPN" in e[0]]  # "mobile VPN" is right


@needs_seeds
def test_without_a_glossary_seed_text_is_left_alone() -> None:
    """No glossary, no scope entries: only the call's own names could be proposed."""
    for prefix in ("000", "001", "002", "003"):
        assert entity_edits(prefix, ()) == []


@needs_corpus
@pytest.mark.parametrize("glossaries", [(), GLOSSARIES], ids=["no-glossary", "shipped"])
def test_false_proposals_on_the_real_corpus_stay_under_one_per_10k_words(
    glossaries: tuple[str, ...],
) -> None:
    """The corpus is real, correctly spelled text: every entity proposal counts as false."""
    words = proposals = 0
    for layout in "ABC":
        for path in sorted((CORPUS / layout).glob("*.txt")):
            review = review_document(
                document_from_bytes(path.read_bytes(), str(path)), "safe", context_for(glossaries)
            )
            words += len(re.findall(r"\w+", review.document.text))
            proposals += sum(1 for e in review.proposals.edits if e.cleaner == "entities")
    assert proposals / words * 10_000 <= 1.0, (proposals, words)


def _name_key(name: str) -> tuple[str, str]:
    words = [w for w in name.replace(".", "").split() if w.lower() not in {"jr", "sr", "ii", "iii"}]
    return (words[0].lower(), words[-1].lower()) if words else ("", "")


@needs_corpus
def test_lost_names_in_layout_b_are_restored_against_gold() -> None:
    right = wrong = total = 0
    for gold_path in GOLD:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        path = CORPUS / "B" / f"{gold_path.stem}.txt"
        review = review_document(document_from_bytes(path.read_bytes(), str(path)), "all")

        for mine, theirs in zip(turn_records(review), gold["turns"], strict=True):
            if theirs["role"] == "operator" or theirs["speaker"] in ("", "Unidentified Speaker"):
                continue
            total += 1
            if mine["speaker"]:
                same = _name_key(mine["speaker"])[1] == _name_key(theirs["speaker"])[1]
                right += same
                wrong += not same
    assert right / total >= 0.95, (right, wrong, total)
    assert wrong / total <= 0.01, (right, wrong, total)


def _compact(firm: str) -> str:
    return re.sub(r"[^a-z0-9]", "", firm.casefold())


@needs_corpus
@pytest.mark.parametrize("layout", "ABC")
def test_each_analysts_firm_is_annotated_as_the_gold_gives_it(layout: str) -> None:
    """The gold's firms are the source's own ("Jeferries LLC", "Trust Securities", "Seaport
    Global" for Seaport Research): a firm counts as the gold's when either compact
    spelling holds the other, and the few the gold writes otherwise bound what can agree."""
    agree = total = 0
    for gold_path in GOLD:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        page = parse(
            document_from_bytes((CORPUS / layout / f"{gold_path.stem}.txt").read_bytes(), "p").text
        )
        firms = {
            p.start: str(p.body.get("firm", ""))
            for p in restore_names(page, Context())
            if isinstance(p, Annotation) and p.body["kind"] == "person"
        }
        for turn, theirs in zip(page.turns, gold["turns"], strict=True):
            if theirs["role"] == "analyst" and theirs["firm"]:
                total += 1
                mine, wanted = (
                    _compact(firms.get(turn.speaker_span[0], "")),
                    _compact(theirs["firm"]),
                )
                agree += bool(mine) and (mine in wanted or wanted in mine)
    assert agree / total >= 0.94, (agree, total)


@needs_seeds
def test_seed_002_every_speaker_line_named() -> None:
    path = seed("002")
    review = review_document(document_from_bytes(path.read_bytes(), str(path)), "safe")
    restored = [e for e in review.proposals.edits if e.cleaner == "names"]
    assert len(restored) == 139  # every line but the 18 operator lines
    assert all(review.status[e.id].value == "applied" for e in restored)
    first = next(e for e in restored if e.replacement == "Bruce Quigley ")
    assert "turn the conference over to Bruce Quigley" in first.reason


def test_malformed_glossary_names_line_and_key(tmp_path) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "g.toml"
    broken.write_text('scope = "X"\n\n[[entity]]\nname = "A"\nkind = "company"\naliases = "B"\n')
    with pytest.raises(GlossaryError, match=r"g.toml:6: entity\[0\].aliases: must be a list"):
        load_glossaries([broken])
    broken.write_text("scope = \n")
    with pytest.raises(GlossaryError, match=r"g.toml: .*line 1"):
        load_glossaries([broken])


@pytest.mark.parametrize(
    ("toml", "problem"),
    [
        ('company = "Smith Micro Software Inc"\n', r"g.toml:1: company: needs a ticker scope"),
        ('scope = "SMSI"\ncompany = ["Smith Micro"]\n', r"g.toml:2: company: must be the"),
    ],
)
def test_a_glossary_company_needs_a_ticker_and_a_name(
    tmp_path: Path, toml: str, problem: str
) -> None:
    broken = tmp_path / "g.toml"
    broken.write_text(toml, encoding="utf-8")
    with pytest.raises(GlossaryError, match=problem):
        load_glossaries([broken])


@needs_seeds
def test_a_page_without_a_header_is_read_in_the_scope_whose_company_it_names(
    tmp_path: Path,
) -> None:
    """Seed 002 lost its header (no ticker) and says "SuffIt" once: the SMSI glossary's alias
    of StuffIt applies only because its opening names Smith Micro Software, which the
    glossary declares as SMSI's company; the reason says so."""
    edits = {(old, new): reason for old, new, reason in entity_reasons("002", GLOSSARIES)}
    reason = edits["SuffIt", "StuffIt"]
    assert "(glossary, SMSI; the page has no header and names Smith Micro Software)" in reason
    assert "(glossary, global)" in edits["Collin Stewart", "Collins Stewart"]
    undeclared = tmp_path / "smsi.toml"
    text = (EXAMPLES / "glossaries" / "smsi.toml").read_text(encoding="utf-8")
    undeclared.write_text(re.sub(r"(?m)^company = .*\n", "", text), encoding="utf-8")
    without = {(old, new) for old, new, _ in entity_reasons("002", (str(undeclared),))}
    assert ("SuffIt", "StuffIt") not in without


def entity_reasons(prefix: str, glossaries: tuple[str, ...]) -> list[tuple[str, str, str]]:
    path = seed(prefix)
    review = review_document(
        document_from_bytes(path.read_bytes(), str(path)), "safe", context_for(glossaries)
    )
    text = review.document.text
    return [
        (text[e.start : e.end], e.replacement, e.reason)
        for e in review.proposals.edits
        if e.cleaner == "entities"
    ]


def test_later_glossaries_override_and_add_entry_round_trips(tmp_path) -> None:  # type: ignore[no-untyped-def]
    first, second = tmp_path / "a.toml", tmp_path / "b.toml"
    first.write_text('[[entity]]\nname = "Ecutel"\nkind = "product"\naliases = ["Acutel"]\n')
    add_entry(second, "Ecutel", "company", "Accutel")
    add_entry(second, "Ecutel", "company", "Ecutell")
    merged = load_glossaries([first, second])
    assert [(e.name, e.kind, e.aliases) for e in merged.entities] == [
        ("Ecutel", "company", ("Accutel", "Ecutell"))
    ]
    assert parse_glossary(second.read_text()).entities == merged.entities


@pytest.mark.parametrize("across_files", [False, True])
def test_a_spelling_two_entries_claim_is_the_later_ones(tmp_path: Path, across_files: bool) -> None:
    # an alias added with `glossary add` to a new name was silently outweighed by the
    # entry that already claimed it
    first = tmp_path / "global.toml"
    first.write_text(
        '[[entity]]\nname = "JPMorgan Chase"\nkind = "firm"\naliases = ["JP Morgan Chase"]\n'
    )
    second = tmp_path / "mine.toml" if across_files else first
    displaced = add_entry(second, "J.P. Morgan", "firm", "JP Morgan Chase")
    assert displaced == ([] if across_files else ["JPMorgan Chase"])
    files = [first, second] if across_files else [first]
    page = parse("Operator\nOur next question comes from Lauren Ye from JP Morgan Chase.\n")
    edits = [
        p for p in propose_entities(page, Context(load_glossaries(files))) if isinstance(p, Edit)
    ]
    assert [edit.replacement for edit in edits] == ["J.P. Morgan"]


@pytest.mark.parametrize(
    ("name", "alias", "problem"),
    [
        ("Nestlé", "Nest\nle", "holds a line break"),  # once written raw: a broken TOML file
        ("Nestlé", " ", "the alias is empty"),
        ("Ecutel\x07", "Accutel", "holds a line break or a control character"),
    ],
)
def test_add_entry_refuses_what_could_never_match_and_leaves_the_file(
    tmp_path: Path, name: str, alias: str, problem: str
) -> None:
    glossary = tmp_path / "g.toml"
    add_entry(glossary, 'O"Brien \\ Co', "firm", "OBrien")
    before = glossary.read_bytes()
    with pytest.raises(GlossaryError, match=problem):
        add_entry(glossary, name, "company", alias)
    assert glossary.read_bytes() == before
    (entity,) = parse_glossary(before.decode()).entities
    assert (entity.name, entity.aliases) == ('O"Brien \\ Co', ("OBrien",))


def test_matcher_finds_the_sound_alike_first() -> None:
    ranked = suggest("Accutel", ["Accel", "Ecutel", "Insignia", "QuickLink"])
    assert ranked[0].choice == "Ecutel" and ranked[0].score >= 85


names = st.text(
    alphabet=st.characters(min_codepoint=65, max_codepoint=122), min_size=1, max_size=12
)


@given(names, st.lists(names, min_size=1, max_size=8))
def test_matcher_scores_are_bounded_ranked_and_exact_matches_win(
    query: str, choices: list[str]
) -> None:
    ranked = suggest(query, [*choices, query], score_cutoff=0, limit=None)
    scores = [c.score for c in ranked]
    assert scores == sorted(scores, reverse=True)
    assert all(0 <= s <= 100 for s in scores)
    assert ranked[0].score == 100
    assert all(c.score >= max(c.spelling, 0) for c in ranked)


@given(names, st.lists(names, max_size=12), st.sampled_from([0.0, 60.0, 85.0]))
def test_ranking_against_compared_forms_made_once_equals_ranking_against_the_choices(
    query: str, choices: list[str], cutoff: float
) -> None:
    compared = compared_forms(choices)
    at_once = suggest(query, choices, score_cutoff=cutoff, limit=None, compared=compared)
    assert at_once == suggest(query, choices, score_cutoff=cutoff, limit=None)


@needs_seeds
def test_clean_text_keeps_possessives_and_loses_no_accutel() -> None:
    path = seed("001")
    review = review_document(
        document_from_bytes(path.read_bytes(), str(path)), "safe", context_for(GLOSSARIES)
    )
    text = review.rendering.text
    assert "Accutel" not in text and "Ecutel's customers" in text


short_words = st.text(alphabet="aelost", min_size=1, max_size=6)


class CrowdedDeletionIndex(DeletionIndex):
    """Three bits of hash: most deletions share one, so every lookup meets strangers."""

    _WORD_BITS = 60
    _HASH_MASK = (1 << 3) - 1


@pytest.mark.parametrize("index_class", [DeletionIndex, CrowdedDeletionIndex])
@given(words=st.lists(short_words, max_size=40), query=short_words)
def test_deletion_index_finds_exactly_the_words_sharing_a_deletion(
    index_class: type[DeletionIndex], words: list[str], query: str
) -> None:
    """Against the plain dictionary it replaces: every deletion of every word to its words.
    A six-letter alphabet makes shared deletions common."""
    plain: dict[str, list[str]] = {}
    for word in words:
        for variant in (word, *deletions(word)):
            plain.setdefault(variant, []).append(word)
    expected = list(dict.fromkeys(w for v in (query, *deletions(query)) for w in plain.get(v, ())))
    assert index_class(words).lookup(query) == expected


def test_deletion_index_sent_to_another_process_still_finds_its_words() -> None:
    """str hashes are salted per process: the index must not depend on them."""
    sent = pickle.dumps(DeletionIndex(["ecutel", "photags", "quicklink"]))
    code = "import pickle, sys; print(pickle.loads(sys.stdin.buffer.read()).lookup('ecutels'))"
    for hash_seed in ("1", "2"):
        result = subprocess.run(
            [sys.executable, "-c", code],
            input=sent,
            capture_output=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": hash_seed},
        )
        assert result.stdout.decode().strip() == "['ecutel']"


def test_an_analysts_firm_stops_at_the_end_of_its_line() -> None:
    page = parse(
        "Operator\nOur next question comes from Peter Grom with UBS\n"
        "Please go ahead.\nPeter Grom - Analyst\nHi.\n"
    )
    cast = read_cast(page, Context())
    assert cast.firms == {"Peter Grom": "UBS"}


#: Firms whose names open with initials, as the real corpus's operators say them: each
#: was cut at its first full stop ("D.A", "J.P", "B").
@pytest.mark.parametrize(
    ("introduction", "firm"),
    [
        ("Your next question line of Matt Summerville with D.A. Davidson.", "D.A. Davidson"),
        ("Our next question comes from Doug Leggate with J.P. Morgan Chase.", "J.P. Morgan Chase"),
        ("Next question from Doug Leggate of B. Riley FBR. Please go ahead.", "B. Riley FBR"),
        ("Next question from Doug Leggate with C.L. King. Your line is open.", "C.L. King"),
        ("Our next question comes from Doug Leggate with UBS. A. Smith is next.", "UBS"),
    ],
)
def test_a_firm_named_with_initials_keeps_them(introduction: str, firm: str) -> None:
    cast = read_cast(parse(f"Operator\n{introduction}\n- Analyst\nHi.\n"), Context())
    assert list(cast.firms.values()) == [firm]


def test_an_introduction_whose_line_opens_on_a_bullet_of_its_own_is_read() -> None:
    page = parse(  # layout C of AAN: "Your line is open." is a sentence, so a bullet
        "  • Operator\n\n  • Kyle Joseph with Jefferies.\n\n  • Your line is open.\n\n"
        "  • Kyle Joseph - Analyst\n\n  • Hi.\n"
    )
    assert read_cast(page, Context()).firms == {"Kyle Joseph": "Jefferies"}


def test_a_firm_split_after_its_initials_by_a_sentence_per_bullet_is_read_whole() -> None:
    page = parse(  # layout C of AOS: "with D.A." and "Davidson." are two bullets
        "  • Operator\n\n  • Your next question line of Matt Summerville with D.A.\n\n"
        "  • Davidson.\n\n  • Matt Summerville - Analyst\n\n  • Hi.\n"
    )
    cast = read_cast(page, Context())
    assert cast.firms == {"Matt Summerville": "D.A. Davidson"}
    (mention,) = cast.firm_mentions
    assert page.text[mention.start : mention.end].endswith("• Davidson")


#: An operator's introductions as calls of the real corpus word them (layout B).
@pytest.mark.parametrize(
    "introduction",
    [
        "Your next question line of David McGregor with Longbow Research.",  # AOS
        "Next, we will hear from David McGregor with Longbow Research. Your line is open.",  # MPC
        "David McGregor with Longbow Research. Your line is open.",  # AAN
        "David McGregor with Longbow Research, your line -- your line is open.",  # AAN
        "Our next question comes from the line of David McGregor with Longbow Research.",
        "Next then, we will hear from David McGregor with Longbow Research. You may proceed.",
        "[Operator instructions]. We'll hear next from David McGregor with Longbow Research.",
    ],
)
def test_the_operators_introduction_names_the_analyst_and_the_firm(introduction: str) -> None:
    page = parse(f"Operator\n{introduction}\n- Analyst\nHi, thanks.\n")
    cast = read_cast(page, Context())
    assert cast.firms == {"David McGregor": "Longbow Research"}
    assert cast.restored[1][0] == "David McGregor"


@pytest.mark.parametrize(
    ("stand_in", "named"),
    [
        ("It's Marianne on for Ben.", "Marianne"),  # WWE: the gold names Marianne
        ("This is Seth in for Smedes.", "Seth"),
        ("This is actually Pat Baumann on for Ben.", "Pat Baumann"),
        ("It's Tracy Kogan filling in for Ben.", "Tracy Kogan"),  # OXM
        ("This is Jatin Khanna on behalf of Benjamin Swinburne.", "Jatin Khanna"),  # EXP
        ("Hi. This is Ben on for Marianne.", "Benjamin Swinburne"),  # the one introduced
    ],
)
def test_an_analyst_standing_in_for_the_one_introduced_is_named_with_that_firm(
    stand_in: str, named: str
) -> None:
    page = parse(
        "Operator\nAnd next, we'll go to Benjamin Swinburne from Morgan Stanley.\n- Analyst\n"
        f"{stand_in} Two questions.\n- Chief Executive Officer\nSure.\n- Analyst\nThanks.\n"
    )
    cast = read_cast(page, Context())
    assert [cast.restored[index][0] for index in (1, 3)] == [named, named]
    assert cast.firms[named] == "Morgan Stanley"


def test_a_stand_in_the_page_names_gets_the_firm_of_the_one_introduced() -> None:
    page = parse(  # WWE, layout A: the site names Marianne, the operator her colleague
        "Operator\nAnd next, we'll go to Benjamin Swinburne from Morgan Stanley.\n"
        "Marianne - Analyst\nIt's Marianne on for Ben. Two questions.\n"
        "Nick Khan - CEO\nSure.\n"
    )
    cast = read_cast(page, Context())
    assert cast.firms == {"Benjamin Swinburne": "Morgan Stanley", "Marianne": "Morgan Stanley"}
    assert cast.restored == {}


@pytest.mark.parametrize("layout", ["A", "B"])
def test_an_analyst_who_names_their_firm_is_annotated_with_it_not_the_operators(
    layout: str,
) -> None:
    speaker = "Michael Cyprys - Analyst" if layout == "A" else "- Analyst"
    page = parse(  # IVZ: the operator misheard the firm
        "Operator\nAnd our last question comes from Michael Cyprys with JP Morgan [Phonetic]."
        f" Your line is open.\n{speaker}\nHey. It's Mike Cyprys from Morgan Stanley. Thanks.\n"
    )
    cast = read_cast(page, Context())
    named = "Michael Cyprys" if layout == "A" else cast.restored[1][0]
    assert (named, cast.firms[named]) == (
        "Michael Cyprys" if layout == "A" else "Mike Cyprys",
        "Morgan Stanley",
    )


def test_an_analyst_introduced_under_another_first_name_is_annotated_with_the_firm() -> None:
    page = parse(  # STT, layout A: the site writes the full name, the operator a short one
        "Operator\nOur next question comes from Betsy Graseck with Morgan Stanley.\n"
        "Elizabeth Graseck - Analyst\nHi. Two questions.\nRon O'Hanley - CEO\nSure.\n"
        "Operator\nOur next question comes from Mike Mayo with Wells Fargo.\n"
        "Ken Usdin - Analyst\nThanks.\n"  # another surname: not the one introduced
    )
    people = [
        p.body
        for p in restore_names(page, Context())
        if isinstance(p, Annotation) and p.body["kind"] == "person"
    ]
    speakers = {body["name"]: body.get("firm") for body in people}
    assert speakers == {
        "Elizabeth Graseck": "Morgan Stanley",
        "Ron O'Hanley": None,
        "Ken Usdin": None,
    }


@pytest.mark.parametrize(
    ("passed", "handed_to"),
    [  # IDA: the chief executive hands questions to the chief operating officer
        ("I'm going to have Adam Richins answer that. He knows it best.", ["Adam Richins"]),
        ("I'll let Adam Richins take that one.", ["Adam Richins"]),
        ("Adam, do you want to take that one?", ["Adam"]),
        ("It grew. And Adam, is there anything that you would add?", ["Adam"]),
        ("I'll let you take that one. Lisa, can you add color?", []),
    ],
)
def test_a_question_passed_to_a_colleague_names_the_next_speaker(
    passed: str, handed_to: list[str]
) -> None:
    page = parse(
        "Operator\nOur next question comes from Chris Ellinghaus with Siebert Williams.\n"
        "- Analyst\nHow big is the mine's load?\n- President and Chief Executive Officer\n"
        f"{passed}\n- Senior Vice President and Chief Operating Officer\nYou bet.\n"
    )
    cast = read_cast(page, Context())
    assert [e.name for e in cast.evidence[3] if e.kind == "handover"] == handed_to
    assert cast.evidence[2] == []  # the one passing it is not named by it


FULL_NAMES_FROM_SHORT_FORMS = [
    pytest.param(  # IDA's turns 9 and 10, layout B
        "Operator\nOur next question comes from Chris Ellinghaus with Siebert Williams.\n"
        "- Analyst\nHow big is the mine's load?\n- President and Chief Executive Officer\n"
        "I'm going to have Adam Richins answer that. Adam, do you want to take that one?\n"
        "- Senior Vice President and Chief Operating Officer\nYou bet.\n",
        (3, "Adam Richins", 0.86),
        ["Adam, do you want to take that one?"],
        id="a-first-name-a-question-is-passed-to",
    ),
    pytest.param(  # BLX, layout B: the roster's name, its short form in the hand-over
        "Operator\nJoining us today are Mr. Gabriel Tolchinsky, Chief Executive Officer and "
        "Ms. Ana Graciela de Mendez, Chief Financial Officer.\n- Chief Executive Officer\n"
        "I will now turn the call over to our CFO, Ana Graciela to provide more color.\n"
        "- Chief Financial Officer\nThank you, Gabriel. Revenue rose.\n"
        "- Chief Executive Officer\nThank you, Ana Graciela.\n",
        (2, "Ana Graciela de Mendez", 0.92),
        ["our CFO, Ana Graciela", "Ana Graciela de Mendez, Chief"],
        id="a-short-form-of-the-rosters-name",
    ),
]


@pytest.mark.parametrize(("text", "restored", "quoted"), FULL_NAMES_FROM_SHORT_FORMS)
def test_a_turn_named_by_a_short_form_gets_the_full_name_the_call_knows(
    text: str, restored: tuple[int, str, float], quoted: list[str]
) -> None:
    index, name, confidence = restored
    found, found_confidence, reason = read_cast(parse(text), Context()).restored[index]
    assert (found, found_confidence) == (name, confidence)
    assert all(quote in reason for quote in quoted)


MISPLACED_INTRODUCTIONS = [
    pytest.param(  # DRH: the operator's line before "Our next question" is lost
        "Operator\nOur next question comes from Dany Asad with Bank of America.\n- Analyst\n"
        "Hi. How is demand?\n- Chief Executive Officer\nStrong.\n- Analyst\nUnderstood. Thank "
        "you. Our next question comes from Thomas Allen with Morgan Stanley. Your line is now "
        "open.\n- Analyst\nThanks. Two questions.\n- Chief Executive Officer\nSure. A good "
        "question, we took a question from Dany Asad on that.\n- Analyst\nGot it.\n",
        # the turn that ends with it is still Dany Asad's; an executive's "a question from
        # Dany Asad" is no introduction
        {1: "Dany Asad", 3: "Dany Asad", 4: "Thomas Allen", 6: "Thomas Allen"},
        ("Thomas Allen", "Morgan Stanley"),
        id="at-the-end-of-a-turn",
    ),
    pytest.param(  # RF, layout B: the operator's line went under the next analyst's line
        "Operator\nYour next question is from Ken Usdin of Jefferies.\n- Analyst\n"
        "How is EnerBank?\n- Chief Financial Officer\nGrowing.\n- Analyst\nPerfect. Thanks, "
        "David.\n- Chief Financial Officer\nThank you.\n- Analyst\nYour next question is "
        "from Jennifer Demba of Truist Securities.\n- Chief Executive Officer\nGood morning."
        "\n- Analyst\nGood morning. A question on the slides.\n",
        # the turn that opens with it is Jennifer Demba's (it was named Ken Usdin)
        {1: "Ken Usdin", 3: "Ken Usdin", 5: "Jennifer Demba", 7: "Jennifer Demba"},
        ("Jennifer Demba", "Truist Securities"),
        id="opening-a-turn",
    ),
]


@pytest.mark.parametrize(("text", "named", "firm"), MISPLACED_INTRODUCTIONS)
def test_an_introduction_in_a_turn_that_lost_the_operators_line_names_the_introduced_analyst(
    text: str, named: dict[int, str], firm: tuple[str, str]
) -> None:
    cast = read_cast(parse(text), Context())
    assert {index: cast.restored[index][0] for index in named} == named
    analyst, analysts_firm = firm
    assert cast.firms[analyst] == analysts_firm


def test_a_closing_hand_over_after_the_queue_empties_is_no_introduction() -> None:
    page = parse(  # WWE: "questions ... to Michael Weitz" read as an analyst's introduction
        "Operator\nI will now turn the call over to Michael Weitz, SVP, Investor Relations.\n"
        "- SVP, Investor Relations\nWelcome.\nOperator\nWith no further questions in the "
        "queue, I'll turn it back to Michael Weitz for closing remarks.\n"
        "- SVP, Investor Relations\nThanks all.\n"
    )
    cast = read_cast(page, Context())
    assert "Michael Weitz" not in cast.analysts
    assert cast.restored[1][0] == cast.restored[3][0] == "Michael Weitz"


def test_a_hand_over_through_a_possessive_title_names_the_next_speaker() -> None:
    page = parse(  # EXP: the title runs through "Eagle's" and "and"
        "Operator\nAt this time, I would like to turn the call over to Eagle's President and "
        "Chief Executive Officer, Mr. Michael Haack. Mr. Haack, please go ahead, sir.\n"
        "- President And Chief Executive Officer\nThank you.\n"
    )
    assert read_cast(page, Context()).restored[1][0] == "Michael Haack"


@pytest.mark.parametrize(
    ("hand_over", "name"),
    [
        # SLB: "the" and a title ending in Relations before the name; two capitals for a
        # first name
        (
            "I would now like to turn the conference over to the Vice President of Investor "
            "Relations, ND Maduemezia. Please go ahead.",
            "ND Maduemezia",
        ),
        # CL: a title running past "Relations" stays the title, not a name
        (
            "I would like to turn the call over to Chief Investor Relations Officer, John Faucher.",
            "John Faucher",
        ),
    ],
)
def test_a_hand_over_to_a_title_then_a_name_names_the_next_speaker(
    hand_over: str, name: str
) -> None:
    page = parse(f"Operator\n{hand_over}\n- Vice President of Investor Relations\nThanks.\n")
    assert read_cast(page, Context()).restored[1][0] == name


def test_a_turn_calling_on_a_colleague_by_first_name_hands_them_the_floor() -> None:
    page = parse(  # DRH: the CEO passes the question with one word
        "Operator\nWelcome. With us are Jeff Donnelly, Treasurer, and Tom Healy, Executive Vice "
        "President.\n"
        "- Analyst\nWhat was the leisure mix?\n- CEO\nGood question. Tom?\n- COO\nAbout half.\n"
    )
    assert read_cast(page, Context()).restored[3][0] == "Tom Healy"


#: Regions Financial's call on layout B: the executives are only ever "John" and "David".
RF_GLOSSARY = """scope = "RF"
company = "Regions Financial Corp"

[[entity]]
name = "John Turner"
kind = "person"

[[entity]]
name = "David Turner"
kind = "person"
"""


@needs_corpus
def test_first_names_the_call_never_spells_out_are_named_from_the_tickers_glossary(
    tmp_path: Path,
) -> None:
    """The RF page lost its header and its speakers' names, and says "John" and "David"
    only. A glossary that lists RF's people (and RF's company, which places the page) names
    each of their 43 turns as the gold does; without it they stay unnamed."""
    glossary = tmp_path / "rf.toml"
    glossary.write_text(RF_GLOSSARY, encoding="utf-8")
    gold_path = CORPUS / "gold" / "RF_q3_2021.json"
    gold = json.loads(gold_path.read_text(encoding="utf-8"))["turns"]
    path = CORPUS / "B" / "RF_q3_2021.txt"
    named = {}
    for glossaries in ((), (str(glossary),)):
        review = review_document(
            document_from_bytes(path.read_bytes(), str(path)), "all", context_for(glossaries)
        )
        named[glossaries] = [
            (mine["speaker"], theirs["speaker"])
            for mine, theirs in zip(turn_records(review), gold, strict=True)
            if theirs["speaker"] in ("John M. Turner", "David J. Turner")
        ]
    assert len(named[()]) == 43 and all(mine == "" for mine, _ in named[()])
    listed = named[(str(glossary),)]
    assert all(
        mine.split()[0] == theirs.split()[0] and mine.split()[-1] == theirs.split()[-1]
        for mine, theirs in listed
    ), listed


def test_the_operators_pleasure_to_introduce_the_first_presenter_names_her() -> None:
    page = parse(  # KMB
        "Operator\nIt is now my pleasure to introduce today's first presenter, Taryn Miller.\n"
        "- Vice President, Finance and Interim Head of Investor Relations\nThank you.\n"
    )
    assert read_cast(page, Context()).restored[1][0] == "Taryn Miller"


def test_a_roster_title_counts_its_title_words_not_the_words_around_them() -> None:
    page = parse(  # VFC: "recently appointed" is not part of the title
        "Operator\nWelcome.\n- Vice President, Investor Relations\nJoining me today will be "
        "VF's Chairman and Chief Executive Officer, Steve Rendle and recently appointed Chief "
        "Financial Officer, Matt Puckett. Steve?\n- Chairman and Chief Executive Officer\n"
        "Thanks.\n- Executive Vice President and Chief Financial Officer\nThanks, Steve.\n"
    )
    restored = read_cast(page, Context()).restored
    assert (restored[2][0], restored[3][0]) == ("Steve Rendle", "Matt Puckett")


def test_an_executive_who_says_their_name_is_named_and_a_first_name_needs_a_clause_end() -> None:
    page = parse(  # AAN and IDA
        "Operator\nWelcome.\n- Vice President, Investor Relations\nWith me are Steve Olsen, "
        "our President; and Kelly Wall, our Treasurer.\n"
        "- President\nHey, Alex. This is Steve Olsen. Sure.\n"
        "- Chief Financial Officer\nYes, Kyle. It's Kelly. We grew.\n"
        "- Chief Operating Officer\nRates rose, and this is Idaho primarily that I mean.\n"
    )
    restored = read_cast(page, Context()).restored
    assert restored[2][0] == "Steve Olsen"
    assert restored[3][0] == "Kelly Wall"
    assert 4 not in restored


def test_a_hand_over_title_stops_at_the_end_of_its_line() -> None:
    page = parse(
        "Operator\nI will now turn the call over to Ann Lee, CFO\nPlease go ahead.\n- CFO\nHi.\n"
    )
    assert [(name, title) for name, title, _ in read_cast(page, Context()).roster] == [
        ("Ann Lee", "CFO")
    ]


def test_a_word_is_not_proposed_to_become_itself_with_punctuation() -> None:
    # found by mutating seed 002: a garbled speaker line made "Accutel-" one of the call's
    # names, and every "Accutel" of the text was proposed to become it
    page = parse("Operator\nWelcome.\n- Analyst\nAccutel- VP - CFO\nAccutel grew. Accutel did.\n")
    review = review_document(document_from_bytes(page.text.encode("utf-8"), "x"), "all")
    assert [e.replacement for e in review.proposals.edits if e.cleaner == "entities"] == []


def test_a_page_without_full_stops_quotes_a_bounded_stretch_around_a_name() -> None:
    # a page that lost its full stops is one sentence: each name's evidence quoted it whole
    # (200 KB of text quoted once per name), which made reading the cast quadratic
    words = "and revenue grew in the quarter " * 2_000
    page = parse(
        f"Operator\n{words} I will now turn the call over to Ann Lee, our CFO {words}\n"
        "- CFO\nThanks\n"
    )
    cast = read_cast(page, Context())
    (quote,) = {quote for _name, _title, quote in cast.roster}
    assert "Ann Lee, our CFO" in quote
    assert quote.startswith("… ") and quote.endswith(" …")
    assert len(quote) < 2 * QUOTE_REACH + 100


def test_an_everyday_word_as_an_alias_is_proposed_never_applied_unasked() -> None:
    glossary = parse_glossary(
        '[[entity]]\nname = "Ecutel"\nkind = "company"\naliases = ["the", "Accutel"]\n'
    )
    document = document_from_bytes(b"Operator\nThe deal and the Accutel plant grew.\n", "x")
    review = review_document(document, "safe", Context(glossary))
    found = {
        review.document.text[e.start : e.end]: (review.status[e.id].value, e.confidence)
        for e in review.proposals.edits
        if e.cleaner == "entities"
    }
    assert found == {"the": ("proposed", 0.6), "Accutel": ("applied", 0.93)}
    assert review.rendering.text.endswith("The deal and the Ecutel plant grew.\n")


spelling_letters = st.text(alphabet="aAbB0 .'-éÉİ中•", min_size=1, max_size=6)


@given(
    aliases=st.lists(spelling_letters, min_size=1, max_size=6),
    text=st.text(alphabet="aAbB0 .'-éÉİ中•\n", max_size=60),
)
def test_the_glossary_scan_finds_every_alias_standing_as_whole_words(
    aliases: list[str], text: str
) -> None:
    """Against a search of every position: the scan looks only where a word starts."""
    entities = tuple(Entity(f"Name{n}", "term", (alias,)) for n, alias in enumerate(aliases))
    index = _build_index(Glossary(entities))
    keys = {ascii_lower(alias) for alias in aliases}
    expected = sorted(
        (start, start + len(key), key)
        for key in keys
        for start in range(len(text) - len(key) + 1)
        if ascii_lower(text[start : start + len(key)]) == key
        and _is_word_boundary(text, start, start + len(key))
    )
    assert index.automaton is not None
    found = alias_hits(text, index.automaton)
    assert sorted(found) == expected
    assert found == sorted(found, key=lambda hit: (hit[0], hit[0] - hit[1]))
