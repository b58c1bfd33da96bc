"""From a decoded document to a review: parse once, run every cleaner, apply a policy."""

from __future__ import annotations

from collections.abc import Iterable

from annotations.model import Document
from annotations.review import Proposals, Review, number_edits
from cleaners.entities import glossary_index
from cleaners.registry import Context, order, run
from cleaners.structure import Page, parse
from cleaners.wordlist import ordinary_words

#: ``--apply``: the lowest confidence applied without asking. ``safe`` applies the
#: structural fixes and high-confidence repairs and leaves the rest as proposals.
POLICIES = {"safe": 0.9, "all": 0.0, "none": None}


def review_document(
    document: Document,
    policy: str = "safe",
    context: Context | None = None,
    page: Page | None = None,
    cleaners: Iterable[str] | None = None,
) -> Review:
    """Propose every edit and annotation for ``document`` and decide by ``policy``.

    >>> from annotations.model import Source
    >>> doc = Document("  • Operator\\n\\n  • Hello (inaudible).", Source("x.txt", "", "utf-8"))
    >>> review_document(doc).rendering.text
    'Earnings Call Transcript\\n\\nOperator\\n\\nHello [Inaudible].\\n'
    """
    if policy not in POLICIES:
        raise ValueError(f"unknown policy {policy!r}: choose one of {', '.join(POLICIES)}")
    page = page or parse(document.text)
    edits, annotations = run(page, context, cleaners)
    numbered, superseded = number_edits(edits, order())
    proposals = Proposals(
        numbered,
        tuple(sorted(annotations, key=lambda a: (a.start, a.end, a.kind))),
        page.metadata,
        superseded,
        page.layout,
    )
    review = Review(document, proposals, turns=page.turns)
    threshold = POLICIES[policy]
    if threshold is not None:
        review.apply_policy(threshold)
    return review


def prepare(context: Context) -> None:
    """Build now what the cleaners would build on the first page: the glossary's index
    (seconds for a large glossary) and the word list. Worker processes forked afterwards
    share them instead of each building its own."""
    glossary_index(context)
    ordinary_words()
