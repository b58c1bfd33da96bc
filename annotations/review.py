"""Decisions on proposals: which edits are applied, proposed or rejected.

The proposals never change; only the status of each edit does. Applied edits never
overlap: accepting an edit rejects any applied edit it overlaps.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from annotations.model import Annotation, Document, Edit, Metadata, Status, Turn
from annotations.render import Rendering, render, resolve_overlaps


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
    """
    edit_list = list(edits)

    def rank(edit: Edit) -> int:
        return cleaner_order.get(edit.cleaner, len(cleaner_order))

    _, losers = resolve_overlaps(edit_list, rank)
    order = sorted(
        range(len(edit_list)),
        key=lambda i: (edit_list[i].start, edit_list[i].end, rank(edit_list[i]), i),
    )
    ids = {index: f"e{n}" for n, index in enumerate(order, start=1)}
    numbered = tuple(
        Edit(e.start, e.end, e.replacement, e.cleaner, e.reason, e.confidence, ids[i])
        for i in order
        for e in (edit_list[i],)
    )
    superseded = {ids[loser]: ids[winner] for loser, winner in losers.items()}
    return numbered, superseded


@dataclass
class Review:
    """A document, its proposals, and the current decision on each edit."""

    document: Document
    proposals: Proposals
    status: dict[str, Status] = field(default_factory=dict)
    turns: tuple[Turn, ...] = ()

    def __post_init__(self) -> None:
        for edit in self.proposals.edits:
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
        self.__dict__.pop("rendering", None)
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
        self.__dict__.pop("rendering", None)

    @cached_property
    def rendering(self) -> Rendering:
        return render(self.document.text, self.applied())

    def counts(self) -> Counter[tuple[str, Status]]:
        """How many edits each cleaner has in each status."""
        return Counter((e.cleaner, self.status[e.id]) for e in self.proposals.edits)
