"""Decisions on proposals: which edits are applied, proposed or rejected.

The proposals never change; only the status of each edit does. Applied edits never
overlap: accepting an edit rejects any applied edit it overlaps.
"""

from __future__ import annotations

from bisect import insort
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from annotations.model import Annotation, Document, Edit, Metadata, Status, Turn
from annotations.render import Rendering, render, resolve_overlaps

#: The cleaner name of an edit a person made by hand; its ids are ``h1``, ``h2``, ...
HAND = "editor"


@dataclass(frozen=True)
class Proposals:
    """Everything the cleaners said about one document."""

    edits: tuple[Edit, ...]
    annotations: tuple[Annotation, ...]
    metadata: Metadata
    superseded: Mapping[str, str]  # id of an overlapping loser -> id of the winner
    layout: str = "plain"


def number_edits(
    edits: Iterable[Edit], cleaner_order: Mapping[str, int]
) -> tuple[tuple[Edit, ...], dict[str, str]]:
    """Resolve overlaps, then give every edit a stable id in text order.

    Winners and losers are numbered together, so ids follow the text; each loser is
    mapped to the winner that beat it.

    >>> a, b = Edit(4, 6, "", "x", "", 1.0), Edit(0, 5, "", "y", "", 0.9)
    >>> numbered, superseded = number_edits([a, b], {"x": 0, "y": 1})
    >>> [(e.id, e.cleaner) for e in numbered], superseded
    ([('e1', 'y'), ('e2', 'x')], {'e1': 'e2'})
    """
    edit_list = list(edits)
    unranked = len(cleaner_order)
    ranks = [cleaner_order.get(edit.cleaner, unranked) for edit in edit_list]
    order = sorted(
        range(len(edit_list)),
        key=lambda i: (edit_list[i].start, edit_list[i].end, ranks[i], i),
    )
    ids = [""] * len(edit_list)  # by index in edit_list: a list, a third of a dict's size
    for n, index in enumerate(order, start=1):
        ids[index] = f"e{n}"
    numbered = tuple(
        Edit(e.start, e.end, e.replacement, e.cleaner, e.reason, e.confidence, ids[i])
        for i in order
        for e in (edit_list[i],)
    )
    if not _may_overlap(numbered):
        return numbered, {}
    _, losers = resolve_overlaps(edit_list, lambda edit: cleaner_order.get(edit.cleaner, unranked))
    superseded = {ids[loser]: ids[winner] for loser, winner in losers.items()}
    return numbered, superseded


def _may_overlap(edits: Sequence[Edit]) -> bool:
    """False when no two of ``edits`` (sorted by start) can overlap: each starts at or
    after the end of every replacement before it. Cheap, and true of most pages."""
    reach = -1
    for edit in edits:
        if edit.start < reach:
            return True
        if edit.end > edit.start and edit.end > reach:
            reach = edit.end
    return False


@dataclass
class Review:
    """A document, its proposals, and the current decision on each edit."""

    document: Document
    proposals: Proposals
    status: dict[str, Status] = field(default_factory=dict)
    turns: tuple[Turn, ...] = ()
    #: How the review was made, recorded in its ``.json``: the callscrub version, the
    #: ``--apply`` policy, the glossary and decisions files (path and sha256), and
    #: ``edited`` once a person has saved decisions on it. ``None`` when unknown.
    run: dict[str, Any] | None = None

    def __post_init__(self) -> None:
        text = self.document.text
        for edit in self.proposals.edits:
            edit.check(text)
            self.status.setdefault(edit.id, Status.PROPOSED)
        for loser in self.proposals.superseded:
            self.status[loser] = Status.REJECTED

    @cached_property
    def by_id(self) -> dict[str, Edit]:
        return {edit.id: edit for edit in self.proposals.edits}

    @property
    def edits(self) -> tuple[Edit, ...]:
        return self.proposals.edits

    def applied(self) -> list[Edit]:
        status, applied = self.status, Status.APPLIED
        return [e for e in self.proposals.edits if status[e.id] is applied]

    def decide(self, edit_id: str, status: Status) -> list[str]:
        """Set one edit's status; returns the ids of applied edits it had to reject."""
        edit = self.by_id[edit_id]
        displaced: list[str] = []
        if status is Status.APPLIED:
            for other in self.applied():
                if other.id != edit_id and other.overlaps(edit):
                    self.status[other.id] = Status.REJECTED
                    displaced.append(other.id)
        self.status[edit_id] = status
        self._changed()
        return displaced

    def apply_policy(self, minimum_confidence: float) -> None:
        """Apply every undecided edit at or above ``minimum_confidence``."""
        for edit in self.proposals.edits:
            if (
                self.status[edit.id] is Status.PROPOSED
                and edit.id not in self.proposals.superseded
                and edit.confidence >= minimum_confidence
            ):
                self.status[edit.id] = Status.APPLIED
        self._changed()

    def restore(self, statuses: Mapping[str, Status]) -> None:
        """Set statuses exactly as recorded (undo, redo, a journal): nothing is displaced."""
        self.status.update(statuses)
        self._changed()

    def _changed(self) -> None:
        self.__dict__.pop("rendering", None)
        self.__dict__.pop("by_id", None)

    def add_hand_edit(self, start: int, end: int, replacement: str, note: str = "") -> Edit:
        """Add an edit typed by a person, applied; overlapping applied edits are rejected.

        >>> from annotations.model import Source
        >>> review = Review(Document("Accutel grew.", Source("x", "", "utf-8")),
        ...                 Proposals((), (), Metadata(), {}))
        >>> edit = review.add_hand_edit(0, 7, "Ecutel")
        >>> edit.id, review.rendering.text
        ('h1', 'Ecutel grew.')
        """
        numbers = [int(e.id[1:]) for e in self.proposals.edits if e.cleaner == HAND]
        edit = Edit(
            start,
            end,
            replacement,
            HAND,
            note or "edited by hand",
            1.0,
            f"h{max(numbers, default=0) + 1}",
        )
        self.restore_hand_edit(edit)
        self.decide(edit.id, Status.APPLIED)
        return edit

    def restore_hand_edit(self, edit: Edit) -> None:
        """Put back a hand edit (redo, a journal, an earlier output), with no decision."""
        if edit.cleaner != HAND or edit.id in self.status:
            raise ValueError(f"{edit.id} is not a new hand edit")
        edit.check(self.document.text)
        edits = list(self.proposals.edits)
        insort(edits, edit, key=lambda e: (e.start, e.end))
        self.proposals = replace(self.proposals, edits=tuple(edits))
        self.status[edit.id] = Status.PROPOSED
        self._changed()

    def remove_hand_edit(self, edit_id: str) -> None:
        """Take a hand edit out again (undo of its creation)."""
        edit = self.by_id[edit_id]
        if edit.cleaner != HAND:
            raise ValueError(f"{edit_id} was proposed by {edit.cleaner}, not typed by hand")
        self.proposals = replace(
            self.proposals, edits=tuple(e for e in self.proposals.edits if e.id != edit_id)
        )
        del self.status[edit_id]
        self._changed()

    def replay(self, records: Iterable[Mapping[str, Any]]) -> tuple[int, list[str]]:
        """Apply an earlier review's decisions (its ``.json`` edit records) to this one.

        An edit is the same when cleaner, span, original and replacement all agree; hand
        edits are added back. Returns how many decisions were restored and one line for
        each that no longer applies.
        """
        text = self.document.text
        by_key = {(e.cleaner, e.start, e.end, e.replacement): e for e in self.proposals.edits}
        restored, stale = 0, []
        for record in records:
            key = (record["cleaner"], record["start"], record["end"], record["replacement"])
            fits = (
                record["end"] <= len(text)
                and text[record["start"] : record["end"]] == (record["original"])
            )
            edit = by_key.get(key)
            if fits and edit is None and record["cleaner"] == HAND:
                edit = self.add_hand_edit(record["start"], record["end"], record["replacement"])
                by_key[key] = edit
            if edit is None or not fits:
                stale.append(
                    f"decision {record['id']} ({record['status']}: {record['original']!r} -> "
                    f"{record['replacement']!r}, {record['cleaner']}) no longer applies"
                )
                continue
            self.decide(edit.id, Status(record["status"]))
            restored += 1
        return restored, stale

    @cached_property
    def rendering(self) -> Rendering:
        return render(self.document.text, self.applied())

    def counts(self) -> Counter[tuple[str, Status]]:
        """How many edits each cleaner has in each status."""
        return Counter((e.cleaner, self.status[e.id]) for e in self.proposals.edits)
