"""The offset map is exact for any subset of accepted edits (hypothesis)."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from annotations.model import Edit
from annotations.render import PIECES_PER_JOIN, render, resolve_overlaps


@st.composite
def text_and_edits(draw: st.DrawFn) -> tuple[str, list[Edit]]:
    text = draw(st.text(alphabet="ab •\n中", max_size=40))
    edits = []
    for _ in range(draw(st.integers(0, 8))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 5)))
        replacement = draw(st.text(alphabet="xy\n", max_size=4))
        confidence = draw(st.sampled_from([0.5, 0.9, 1.0]))
        edits.append(Edit(start, end, replacement, draw(st.sampled_from("pq")), "", confidence))
    return text, edits


def _inside(edits: list[Edit], position: int) -> bool:
    return any(e.start < position < e.end for e in edits)


@settings(max_examples=400)
@given(text_and_edits(), st.data())
def test_offset_map_is_exact_for_any_subset(
    case: tuple[str, list[Edit]], data: st.DataObject
) -> None:
    text, proposed = case
    winners, losers = resolve_overlaps(proposed)
    assert len(winners) + len(losers) == len(proposed)
    for a in winners:
        assert not any(a is not b and a.overlaps(b) for b in winners)
    subset = [e for e in winners if data.draw(st.booleans())]
    rendering = render(text, subset)
    clean = rendering.text
    # unchanged stretches come through verbatim, at the mapped place
    cuts = sorted({0, len(text)} | {e.start for e in subset} | {e.end for e in subset})
    for a, b in itertools.pairwise(cuts):
        if not any(e.start <= a and b <= e.end and e.start < e.end for e in subset):
            start, end = rendering.to_clean(a, "after"), rendering.to_clean(b, "before")
            assert clean[start:end] == text[a:b]
    # for each bias the map is monotonic, and "before" never passes "after"
    for bias in ("before", "after"):
        mapped = [rendering.to_clean(p, bias) for p in range(len(text) + 1)]  # type: ignore[arg-type]
        assert mapped == sorted(mapped)
        assert all(0 <= m <= len(clean) for m in mapped)
    for position in range(len(text) + 1):
        assert rendering.to_clean(position, "before") <= rendering.to_clean(position, "after")
    # every clean position outside a replacement comes from an original position that
    # maps back onto it
    for position in range(len(clean) + 1):
        inside = any(
            (rendering.to_clean(e.start, "before" if e.start == e.end else "after"))
            < position
            < rendering.to_clean(e.end, "after" if e.start == e.end else "before")
            for e in subset
        )
        if inside:
            continue
        for bias in ("before", "after"):
            back = rendering.to_original(position, bias)  # type: ignore[arg-type]
            assert position in (
                rendering.to_clean(back, "before"),
                rendering.to_clean(back, "after"),
            )
    # each replacement sits exactly where its span maps
    for edit in subset:
        if edit.start < edit.end:
            start = rendering.to_clean(edit.start, "after")
            assert clean[start : start + len(edit.replacement)] == edit.replacement
            assert rendering.to_clean(edit.end, "before") == start + len(edit.replacement)
        else:
            assert (
                edit.replacement
                in clean[
                    rendering.to_clean(edit.start, "before") : rendering.to_clean(
                        edit.start, "after"
                    )
                ]
            )


def test_overlap_winner_is_deterministic_and_loser_recorded() -> None:
    strong = Edit(2, 6, "X", "markers", "", 0.95)
    weak = Edit(4, 9, "Y", "encoding", "", 0.9)
    for order in ([strong, weak], [weak, strong]):
        winners, losers = resolve_overlaps(order)
        assert winners == [strong]
        assert [order[i] for i in losers] == [weak]


def test_accepting_an_edit_rejects_applied_edits_it_overlaps() -> None:
    from annotations.model import Document, Metadata, Source, Status
    from annotations.review import Proposals, Review, number_edits

    edits, superseded = number_edits(
        [Edit(0, 4, "A", "markers", "", 0.95), Edit(2, 6, "B", "encoding", "", 0.9)], {}
    )
    review = Review(
        Document("abcdefgh", Source("x", "", "utf-8")), Proposals(edits, (), Metadata(), superseded)
    )
    first, second = edits
    assert superseded == {second.id: first.id} and review.status[second.id] is Status.REJECTED
    review.apply_policy(0.9)
    assert review.rendering.text == "Aefgh"
    assert review.decide(second.id, Status.APPLIED) == [first.id]
    assert review.status[first.id] is Status.REJECTED
    assert review.rendering.text == "abBgh"


def test_a_page_of_more_edits_than_are_joined_at_once_renders_whole() -> None:
    text = "".join(f"• line {n}\n" for n in range(3 * PIECES_PER_JOIN))
    bullets = [
        Edit(start, start + 2, "", "layout", "bullet", 1.0)
        for start in range(len(text))
        if text.startswith("• ", start)
    ]
    rendering = render(text, bullets)
    assert rendering.text == text.replace("• ", "")
    assert rendering.to_original(len(rendering.text)) == len(text)
