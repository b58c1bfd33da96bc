"""Patterns rewritten for speed find exactly what their plain spelling finds.

Python's regex engine jumps fast to a pattern's opening only when it is a literal or a
class of characters, so several patterns open that way and check behind them which
alternative they are in. Each is compared here with the plain pattern it stands for, on
text drawn from the characters and words that decide a match, and on near misses a letter
away from one (each of those catches a mutant of a rewritten pattern that the drawn text
may miss).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cleaners import names, tables
from cleaners.structure import _may_open_queue

# The plain spellings, as they read before the rewrite.
CAPITAL = f"[A-Z{tables.LATIN_CAPITALS}]"
SMALL = f"[a-z{tables.LATIN_SMALL}]"
PLAIN_PERSON_WORD = (
    rf"(?:\[{CAPITAL}{SMALL}+\]|Mc{CAPITAL}{SMALL}+|O['’]{CAPITAL}{SMALL}+"
    rf"|{CAPITAL}{SMALL}*{CAPITAL}{SMALL}+|{CAPITAL}{SMALL}+(?:[-'’]{CAPITAL}?{SMALL}+)?)"
    rf"(?![A-Za-z{tables.LATIN_CAPITALS}{tables.LATIN_SMALL}])"
)
PLAIN_PERSON = re.compile(
    rf"{PLAIN_PERSON_WORD}(?:\s+[A-Z]\.)?"
    rf"(?:(?:\s+(?:van|von|de|der|da|del|di|la|le)\b){{0,2}}\s+{PLAIN_PERSON_WORD}){{1,2}}"
)
PLAIN_HANDOVER = re.compile(
    r"(?:(?:like|want)\s+to\s+introduce\s+"
    r"|pleasure\s+to\s+introduce\s+(?:today's\s+(?:first\s+)?(?:presenter|speaker),?\s+)?"
    r"|(?:turn|hand|pass)(?:ing)?\s+"
    r"(?:the\s+(?:call|conference|floor|program|presentation)\s+|it\s+|things\s+)?"
    r"(?:back\s+)?(?:over\s+)?to\s+)(?:our\s+|my\s+colleague,?\s+|the\s+(?=[A-Z]))?"
    r"(?:(?P<role>(?:(?:[A-Z][A-Za-z&]*(?:['’]s)?|and|of)\s+){0,6}?(?:CEO|CFO|COO|CTO|President|Officer|Chairman|"
    r"Director|Treasurer|Controller|Relations(?=,)))\s*,?\s+)?"
    rf"(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?(?P<name>{PLAIN_PERSON.pattern}|[A-Z]{{2}}\s+{PLAIN_PERSON_WORD}"
    rf"|{tables.FIRST_NAME})"
    r"(?:,\s+(?:our\s+)?(?P<title>[A-Z][^.;\n]{3,120}))?"
)
PLAIN_STANDS_IN = (
    r"(?:\s+on\s+for|\s+in\s+for|\s+filling\s+in\s+for|\s+sitting\s+in\s+for"
    r"|\s+standing\s+in\s+for|\s+on\s+behalf\s+of)\b"
)
PLAIN_SELF_INTRODUCTION = re.compile(
    rf"\b(?:[Tt]his\s+is|[Ii]t's|I'm)\s+(?:actually\s+)?"
    rf"(?P<name>{PLAIN_PERSON.pattern}\b|{tables.FIRST_NAME}(?=[.,;!?]|{PLAIN_STANDS_IN}))"
    rf"(?P<stands_in>{PLAIN_STANDS_IN})?(?:\s+(?:from|with)\s+{tables._FIRM})?"
)
PLAIN_LET_ANSWER = re.compile(
    rf"\b(?:[Ll]et|have|ask)\s+(?P<name>{PLAIN_PERSON.pattern}|{tables.FIRST_NAME})\s+"
    r"(?:really\s+|just\s+)?"
    r"(?:answer|take|address|handle|comment|add|respond|speak|talk|start|jump)\b"
)
PLAIN_NEXT_QUESTION = re.compile(r"(?:[Nn]ext|[Ff]irst) question\b")
PLAIN_QUEUE_OPENS = re.compile(
    r"(?i)operator instructions|question[- ]and[- ]answer|\bQ\s*&\s*A\b|first question|"
    r"\bquestions?\b.{0,40}\b(?:queue|line|comes?|from)\b|open (?:the )?(?:call|floor|line)s? "
    r"(?:up )?(?:for|to) questions|operator (?:closing remarks|sign-?off)"
)
PLAIN_TITLE_BEFORE = re.compile(r"[.;:!?()]|\band\b")
PLAIN_TITLE_AFTER = re.compile(r"[.;:!?()]|,\s+and\b|\bwill\b|\bwho\b")
PLAIN_LETTER_DIGIT_CUE = re.compile(r"[015](?:(?<=[A-Za-z][015])|(?=[A-Za-z]))")
PLAIN_PUNCTUATION_AFTER_SPACE = re.compile(r"(?<= )[,;:.?!]")

# The word lists read best packed, so the formatter leaves them.
# fmt: off
WORDS = [
    "Ann", "Lee", "McKay", "AcKay", "Mcbride", "O'Neil", "D'Angelo", "X", "[Gillson]",
    "José", "García", "Łukasz", "Müller", "Zoë", "Ölçer", "McÉwan", "×Lee", "Leeé",
    "DeMarco", "Smith-Jones", "van", "de", "P.", "CEO", "CFO", "Chief", "Officer", "our",
    "ND", "Relations", "Investor",
    "my", "colleague,", "Mr.", "Dr", "the", "it", "to", "and", "band", "will", "willow",
    "who", "whom", "Q&A", "q & a", "IQ&A", "queue", "line", "comes", "from", "operator",
    "Operator", "N0Ls", "5G", "B52s", "2015", "l0", "x1", "a5b",
    # whole cues, and near misses a letter away
    "like to introduce", "hike to introduce", "want to introduce", "turn the call over to",
    "turning it back to", "hand the floor over to", "band it over to", "passing things to",
    "question-and-answer", "questions in the queue", "first question", "open the floor for",
    "open the lines up to questions", "operator instructions", "operator sign-off",
    "squestion comes", "This is", "this is", "It's", "it's", "I'm", "actually", "Kelly.",
    "xthis is", "Iit's", "i'm", "Bit's", "next", "Next", "first", "First", "question",
    "questions", "next question", "First question", "nexts question",
    "on for", "in for", "on form", "son for", "filling in for", "on behalf of", "in behalf",
    "let", "Let", "have", "ask", "bet", "task", "shave", "answer", "take", "comment", "really",
    "takes", "I'll let Ann Lee take", "have Ann answer", "flask Ann take",
]
# fmt: on
SEPARATORS = [" ", "  ", "\n", ", ", ". ", "; ", " (", ") ", " .", " ,", "\n  ", "’", "-"]
# Words with a separator after each, so that names meet names and cue words meet both.
texts = st.lists(
    st.tuples(
        st.one_of(st.sampled_from(WORDS), st.text("aAzZ'.,1", max_size=3)),
        st.sampled_from(SEPARATORS),
    ),
    max_size=16,
).map(lambda pairs: "".join(word + separator for word, separator in pairs))


#: Texts a letter away from a match, always tried besides the drawn ones.
# fmt: off
NEAR_MISSES = [
    "we hike to introduce Ann Lee, our CFO.",
    "we band it over to Ann Lee.", "land it over to Ann Lee", "the lass to Ann Lee",
    "[cKay Lee", "awho, ,ho and ,ill sand", "hurn it over to Ann Lee",
    "pant to introduce Ann Lee",
    "my pleasure to introduce today's first presenter, Ann Lee. A measure to introduce Bo Li.",
    "I'll tpass it to Ann Lee",
    "D'Angelo Smith and AcKay Lee spoke; Xc Lee did not.",
    "IQ&A and Q & A", "squestion comes from Ann", "Operator Sign-Off",
    "Chief Financial Officer Ann Lee, and the band will play",
    "turn it over to the Vice President of Investor Relations, ND Lee. Over to the NDA Lee",
    "turn it over to Chief Investor Relations Officer, Ann Lee.",
    "x1 N0Ls  ,  a .\n  b", "2015 5G B52s l0",
    "our next question, First questions, first  question, nextquestion, Next question",
    "Hi. This is Ann Lee. It's Ann, xthis is Ann Lee, Bit's Ann. i'm Ann.", "I'm actually Ann.",
    "It's Ann on for Bo. It's Ann in for Bo. It's Ann on form. This is Ann Lee in for Bo.",
    "I'll let Ann take it, shave Ann answer, task Ann Lee to add, Let Ann Lee really speak.",
    "It's Ann Lee from Morgan Stanley. This is Ann Lee with UBS, this is Ann from UBS.",
]
# fmt: on


def with_near_misses(test: Callable[[str], None]) -> Callable[[str], None]:
    for text in NEAR_MISSES:
        test = example(text)(test)
    return test


def spans(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict[str, str]]]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


#: Each pattern rewritten for speed, with the plain pattern it stands for.
REWRITTEN = {
    "person": (re.compile(tables.PERSON), PLAIN_PERSON),
    "handover": (tables.HANDOVER, PLAIN_HANDOVER),
    "let-answer": (tables.LET_ANSWER, PLAIN_LET_ANSWER),
    "self-introduction": (tables.SELF_INTRODUCTION, PLAIN_SELF_INTRODUCTION),
}


@pytest.mark.parametrize("name", REWRITTEN)
@settings(max_examples=1000)
@given(texts)
@with_near_misses
def test_a_rewritten_pattern_finds_what_its_plain_spelling_finds(name: str, text: str) -> None:
    fast, plain = REWRITTEN[name]
    assert spans(fast, text) == spans(plain, text)


@settings(max_examples=1000)
@given(texts)
@with_near_misses
def test_next_question_is_where_its_plain_spelling_finds_it(text: str) -> None:
    found = [m.end() for m in tables.NEXT_QUESTION.finditer(text)]
    assert found == [m.end() for m in PLAIN_NEXT_QUESTION.finditer(text)]


@settings(max_examples=1000)
@given(texts)
@with_near_misses
def test_queue_opens_in_lowered_text_finds_what_the_case_blind_spelling_finds(text: str) -> None:
    lowered = text.lower()
    found = bool(_may_open_queue(lowered) and tables.QUEUE_OPENS.search(lowered))
    assert found == bool(PLAIN_QUEUE_OPENS.search(text))


@settings(max_examples=1000)
@given(texts)
@with_near_misses
def test_title_windows_split_where_their_plain_spellings_split(text: str) -> None:
    assert names._TITLE_BEFORE.split(text) == PLAIN_TITLE_BEFORE.split(text)
    assert names._TITLE_AFTER.split(text) == PLAIN_TITLE_AFTER.split(text)


@settings(max_examples=1000)
@given(texts)
@with_near_misses
def test_letter_digit_cues_are_where_the_plain_cue_finds_them(text: str) -> None:
    cues = sorted(m.start() for p in tables.LETTER_DIGIT_CUES for m in p.finditer(text))
    assert cues == [m.start() for m in PLAIN_LETTER_DIGIT_CUE.finditer(text)]


@settings(max_examples=1000)
@given(texts)
@with_near_misses
def test_spacing_patterns_find_what_their_plain_spellings_find(text: str) -> None:
    runs = [m.span() for m in tables.SPACE_RUN.finditer(text) if m.start()]
    plain_runs = [
        m.span() for m in re.finditer("  +", text) if m.start() and text[m.start() - 1] != "\n"
    ]
    assert runs == plain_runs
    marks = sorted(m.start() for p in tables.PUNCTUATION_AFTER_SPACE for m in p.finditer(text))
    assert marks == [m.start() for m in PLAIN_PUNCTUATION_AFTER_SPACE.finditer(text)]
