"""The cross-call consistency pass against its plain definition."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

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
