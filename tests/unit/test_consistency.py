"""The cross-call consistency pass against its plain definition."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotations.glossary import Glossary
from cleaners.consistency import VARIANT_CUTOFF, Mentions, variants
from cleaners.matcher import suggest

# Few syllables, so that words a letter or a sound apart are common.
words = st.lists(
    st.sampled_from(["ka", "ca", "lo", "tel", "tell", "ek", "ac", "u"]), min_size=2, max_size=4
).map(lambda parts: "".join(parts).capitalize())


def plain_word_clusters(vocabulary: list[str]) -> set[frozenset[str]]:
    """Each word, in order, against every other word no cluster has taken yet."""
    seen: set[str] = set()
    clusters = set()
    for word in vocabulary:
        if word in seen:
            continue
        others = [w for w in vocabulary if w != word and w not in seen]
        close = [
            c.choice
            for c in suggest(word, others, score_cutoff=VARIANT_CUTOFF, limit=None)
            if c.choice.casefold().removesuffix("s") != word.casefold().removesuffix("s")
            and c.choice.casefold() not in word.casefold()
            and word.casefold() not in c.choice.casefold()
        ]
        if close:
            seen.update([word, *close])
            clusters.add(frozenset([word, *close]))
    return clusters


@settings(max_examples=300)
@given(st.lists(words, min_size=2, max_size=40, unique=True))
def test_word_variants_are_the_clusters_of_the_plain_definition(vocabulary: list[str]) -> None:
    # Every word in two calls: no cluster is left out as one call's business.
    calls = [Mentions(f"{n}.txt", "ACME", "Acme Inc", words=Counter(vocabulary)) for n in range(2)]
    found, _ = variants(calls)
    reported = {frozenset(s for s, _, _ in v.spellings) for v in found if v.kind == "word"}
    assert reported == plain_word_clusters(sorted(vocabulary))


def _call(path: str, firms: dict[str, str], turns: int = 3) -> Mentions:
    """A call whose operator introduced each analyst of ``firms`` with their firm."""
    return Mentions(
        path,
        "SMSI",
        "Smith Micro Software Inc",
        people=Counter(dict.fromkeys(firms, turns)),
        introduced=set(firms),
        firms=firms,
        firms_said=Counter(firms.values()),
    )


def _reported(calls: list[Mentions], kind: str) -> set[frozenset[str]]:
    found, _ = variants(calls)
    return {frozenset(s for s, _, _ in v.spellings) for v in found if v.kind == kind}


def test_a_firm_written_with_or_without_spaces_full_stops_or_its_last_words_is_one_firm() -> None:
    calls = [  # seeds 000, 001 and 002
        _call("000.txt", {"Lauren Ye": "JP Morgan Chase"}),
        _call("001.txt", {"Lauren Yuman": "JP Morgan"}),
        _call("002.txt", {"Lauren Ye": "JPMorgan", "Ann Lee": "J.P. Morgan"}),
    ]
    assert _reported(calls, "firm") == {
        frozenset({"JP Morgan Chase", "JP Morgan", "JPMorgan", "J.P. Morgan"})
    }


@pytest.mark.parametrize(
    "firms",
    [
        ["Morgan Stanley", "Morgan Keegan"],  # only a first word in common
        ["Citi", "Citigroup"],  # one name inside the other's word, not its words
        ["Piper", "Piper Jaffray", "Piper Sandler"],  # "Piper" could be either
    ],
)
def test_firms_that_only_look_alike_are_not_reported(firms: list[str]) -> None:
    calls = [_call(f"{n}.txt", {f"Analyst {n}": firm}) for n, firm in enumerate(firms)]
    assert _reported(calls, "firm") == set()


def test_one_analyst_of_one_firm_with_a_misheard_surname_is_one_person() -> None:
    calls = [
        _call("000.txt", {"Lauren Ye": "JP Morgan Chase"}),
        _call("001.txt", {"Lauren Yuman": "JP Morgan"}),
    ]
    assert _reported(calls, "person") == {frozenset({"Lauren Ye", "Lauren Yuman"})}


@pytest.mark.parametrize(
    "calls",
    [
        # two firms
        [_call("1.txt", {"Lauren Ye": "UBS"}), _call("2.txt", {"Lauren Yuman": "JP Morgan"})],
        # surnames with other initials
        [_call("1.txt", {"Lauren Ye": "UBS"}), _call("2.txt", {"Lauren Smith": "UBS"})],
        # both in one call: two people
        [_call("1.txt", {"Lauren Ye": "UBS", "Lauren Yuman": "UBS"})],
        # no firm said: nothing ties them
        [
            Mentions("1.txt", "SMSI", None, people=Counter({"Lauren Ye": 2})),
            Mentions("2.txt", "SMSI", None, people=Counter({"Lauren Yuman": 2})),
        ],
    ],
)
def test_analysts_the_calls_tell_apart_are_not_reported(calls: list[Mentions]) -> None:
    assert _reported(calls, "person") == set()


def test_a_call_without_a_header_joins_the_ticker_whose_glossary_company_it_names() -> None:
    """Alone in its batch, no other call's header names the company: the glossary does."""
    lost = Mentions(
        "002.txt",
        None,
        None,
        words=Counter({"Accutel": 2}),
        text_sample="Welcome to the Smith Micro Software third quarter call.",
    )
    glossary = Glossary(companies={"SMSI": "Smith Micro Software Inc"})
    assert variants([lost], glossary)[1] == [
        "002.txt: no header; grouped with SMSI by company name"
    ]
    assert variants([lost])[1] == []
