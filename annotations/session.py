"""An editor's session on one review: decisions with unlimited undo and redo, hand edits,
a journal that survives a killed process, and saving the annotated copy.

Every change is written to the journal (``STEM.journal.jsonl``, one JSON object a line,
flushed at once) before the call returns, so ``kill -9`` loses nothing: opening the same
file again replays the journal. Saving writes the outputs atomically and then retires the
journal, whose decisions the saved ``.json`` now holds.

Where the journal cannot be written (a read-only folder, a full disk) the session goes on
in memory and says so (:attr:`Session.journal_problem`); moving it to another folder
(:meth:`Session.move_to`) writes its whole journal there.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import orjson

from annotations.model import Edit, Status
from annotations.review import Review
from annotations.writers import WRITERS, write_outputs

JOURNAL_SCHEMA = "callscrub.journal/1"


@dataclass(frozen=True)
class Change:
    """One undoable step: status moves ``(id, before, after)`` and a hand edit it added."""

    moves: tuple[tuple[str, Status, Status], ...]
    added: Edit | None = None


def overwrites_source(stem: Path, source: str) -> bool:
    """Whether one of the outputs at ``stem`` would be the file at ``source``.

    >>> overwrites_source(Path("calls/q2"), "calls/q2.txt")
    True
    """
    resolved = Path(source).resolve()
    return any(Path(f"{stem}{suffix}").resolve() == resolved for suffix in WRITERS)


def _edit_key(edit: Edit) -> list[Any]:
    return [edit.cleaner, edit.start, edit.end, edit.replacement]


def _edit_record(edit: Edit) -> dict[str, Any]:
    return {
        "id": edit.id,
        "start": edit.start,
        "end": edit.end,
        "replacement": edit.replacement,
        "reason": edit.reason,
    }


class Session:
    """Decisions on one review, journaled as they happen.

    >>> import tempfile
    >>> from annotations.model import Document, Metadata, Source
    >>> from annotations.review import Proposals
    >>> doc = Document("Accutel grew.", Source("call.txt", "abc", "utf-8"))
    >>> edit = Edit(0, 7, "Ecutel", "entities", "sound-alike", 0.8, "e1")
    >>> folder = Path(tempfile.mkdtemp())
    >>> session = Session(Review(doc, Proposals((edit,), (), Metadata(), {})), folder / "call")
    >>> _ = session.decide(["e1"], Status.APPLIED)
    >>> session.review.rendering.text, session.dirty
    ('Ecutel grew.', True)
    >>> _ = session.undo()
    >>> session.review.rendering.text
    'Accutel grew.'
    """

    def __init__(self, review: Review, stem: Path) -> None:
        self.review = review
        self.stem = stem
        self.undo_stack: list[Change] = []
        self.redo_stack: list[Change] = []
        self.dirty = False
        self._journal: IO[bytes] | None = None
        #: Every entry of this session's journal, so that it can be written again elsewhere.
        self._entries: list[bytes] = []
        #: Why the journal stopped being written, once it failed; it is not written again
        #: here, since an entry missing in the middle would replay a different history.
        self.journal_problem: str | None = None

    @property
    def journal_path(self) -> Path:
        return Path(f"{self.stem}.journal.jsonl")

    # --- changes ---------------------------------------------------------------------

    def _record(self, before: dict[str, Status], added: Edit | None) -> Change:
        after = self.review.status
        moves = tuple(
            (edit_id, before.get(edit_id, Status.PROPOSED), status)
            for edit_id, status in after.items()
            if before.get(edit_id) is not status
        )
        change = Change(moves, added)
        if moves or added:
            self.undo_stack.append(change)
            self.redo_stack.clear()
            self._write_change(change, forward=True)
        return change

    def decide(self, edit_ids: Iterable[str], status: Status) -> Change:
        """Give each edit ``status``; accepting one rejects the applied edits it overlaps."""
        before = dict(self.review.status)
        for edit_id in edit_ids:
            self.review.decide(edit_id, status)
        return self._record(before, None)

    def edit_by_hand(
        self, start: int, end: int, replacement: str, replaces: str | None = None
    ) -> Change:
        """Replace original ``[start, end)`` with text a person typed, applied at once.

        ``replaces`` names the proposal whose replacement was retyped: it is rejected,
        even when it is an insertion that would not overlap the new edit.
        """
        before = dict(self.review.status)
        if replaces is not None:
            self.review.decide(replaces, Status.REJECTED)
        edit = self.review.add_hand_edit(start, end, replacement)
        return self._record(before, edit)

    def undo(self) -> Change | None:
        if not self.undo_stack:
            return None
        change = self.undo_stack.pop()
        added = change.added.id if change.added is not None else None
        self.review.restore({i: before for i, before, _ in change.moves if i != added})
        if added is not None:
            self.review.remove_hand_edit(added)
        self.redo_stack.append(change)
        self._write_change(change, forward=False)
        return change

    def redo(self) -> Change | None:
        if not self.redo_stack:
            return None
        change = self.redo_stack.pop()
        if change.added is not None:
            self.review.restore_hand_edit(change.added)
        self.review.restore({edit_id: after for edit_id, _, after in change.moves})
        self.undo_stack.append(change)
        self._write_change(change, forward=True)
        return change

    # --- the journal -----------------------------------------------------------------

    def _write(self, entry: dict[str, Any]) -> None:
        line = orjson.dumps(entry) + b"\n"
        self._entries.append(line)
        self._append([line])

    def _append(self, lines: list[bytes]) -> None:
        if self.journal_problem is not None:
            return
        try:
            if self._journal is None:
                fresh = not self.journal_path.exists()
                self.journal_path.parent.mkdir(parents=True, exist_ok=True)
                self._journal = self.journal_path.open("ab")
                if fresh:
                    source = self.review.document.source
                    header = {"journal": JOURNAL_SCHEMA, "sha256": source.sha256}
                    lines = [orjson.dumps(header) + b"\n", *lines]
            self._journal.write(b"".join(lines))
            # the OS keeps flushed bytes when the process is killed; that is the promise
            self._journal.flush()
        except OSError as error:
            self.journal_problem = f"cannot write {self.journal_path}: {error.strerror or error}"
            self.close()

    def _write_change(self, change: Change, *, forward: bool) -> None:
        self.dirty = True
        by_id = self.review.by_id
        if change.added is not None and forward:
            self._write({"add": _edit_record(change.added)})
        statuses = [
            [edit_id, *_edit_key(by_id[edit_id]), (after if forward else before).value]
            for edit_id, before, after in change.moves
            if edit_id in by_id
        ]
        if statuses:
            self._write({"set": statuses})
        if change.added is not None and not forward:
            self._write({"remove": change.added.id})

    def recover(self) -> tuple[int, list[str]]:
        """Replay a journal left by a session that ended without saving.

        Returns how many entries were replayed and one line for each that no longer
        applies. The replayed decisions count as unsaved changes.
        """
        if not self.journal_path.exists():
            return 0, []
        lines = self.journal_path.read_bytes().splitlines()
        problems: list[str] = []
        replayed = 0
        review = self.review
        for number, line in enumerate(lines, start=1):
            try:
                entry = orjson.loads(line)
            except orjson.JSONDecodeError:
                # the last line of a killed write may be cut short; anything else is damage
                if number != len(lines):
                    problems.append(f"{self.journal_path}:{number}: unreadable entry skipped")
                continue
            if "journal" in entry:
                if entry.get("sha256") != review.document.source.sha256:
                    return 0, [f"{self.journal_path}: made from another version of the source"]
                continue
            self._entries.append(line + b"\n")
            if "add" in entry:
                record = entry["add"]
                edit = review.add_hand_edit(record["start"], record["end"], record["replacement"])
                if edit.id != record["id"]:
                    problems.append(f"{self.journal_path}:{number}: hand edit renumbered")
            elif "remove" in entry and entry["remove"] in review.by_id:
                review.remove_hand_edit(entry["remove"])
            recorded: dict[str, Status] = {}
            for edit_id, cleaner, start, end, replacement, status in entry.get("set", []):
                known = review.by_id.get(edit_id)
                if known is None or _edit_key(known) != [cleaner, start, end, replacement]:
                    problems.append(f"{self.journal_path}:{number}: {edit_id} no longer applies")
                    continue
                recorded[edit_id] = Status(status)
            review.restore(recorded)
            replayed += 1
        self.dirty = replayed > 0
        return replayed, problems

    # --- saving ----------------------------------------------------------------------

    def save(self) -> list[Path]:
        """Write the annotated copy (every output format) atomically; retire the journal.

        Its ``.json`` records that a person edited it, so that ``clean --resume`` never
        makes it again over the decisions."""
        self.review.run = {**(self.review.run or {}), "edited": True}
        written = write_outputs(self.review, self.stem)
        self.close()
        self.journal_path.unlink(missing_ok=True)
        self._entries.clear()
        self.dirty = False
        return written

    def move_to(self, stem: Path) -> None:
        """Save to ``stem`` from now on, with the journal of the unsaved changes written
        there whole; the journal left at the old place is removed where it can be.

        Raises ``ValueError`` when saving there would overwrite the source, or when a
        journal of another session is there: replaying both would mix two histories.
        """
        if overwrites_source(stem, self.review.document.source.path):
            raise ValueError(f"saving as {stem}.* would overwrite the input")
        if stem != self.stem and Path(f"{stem}.journal.jsonl").exists():
            raise ValueError(
                f"{stem}.journal.jsonl holds unsaved changes of another session: open that "
                "copy, or choose another folder"
            )
        old = self.journal_path
        self.close()
        self.stem, self.journal_problem = stem, None
        if self._entries:
            self._append(self._entries)
        if self.journal_problem is None:
            with suppress(OSError):
                old.unlink(missing_ok=True)

    def close(self) -> None:
        """Close the journal. Never raises: each entry was flushed as it was written, and
        one that could not be is :attr:`journal_problem` already."""
        if self._journal is not None:
            with suppress(OSError):
                self._journal.close()
            self._journal = None
