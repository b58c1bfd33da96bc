"""The editor's session: undo and redo without limit, and a journal that replays exactly."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from annotations.model import Document, Source, Status
from annotations.session import Session
from callscrub.editing import open_for_editing, output_stem
from cleaners.pipeline import review_document
from tests.conftest import EXAMPLES
from tui.transcript import wrap_points

TEXT = (EXAMPLES / "transcripts" / "bullets.txt").read_text(encoding="utf-8")


def fresh_session(folder: Path) -> Session:
    document = Document(TEXT, Source("bullets.txt", "sha-of-bullets", "utf-8"))
    return Session(review_document(document, "safe"), folder / "bullets")


def snapshot(session: Session) -> tuple[dict[str, Status], list[tuple[int, int, str, str]]]:
    review = session.review
    return dict(review.status), [(e.start, e.end, e.replacement, e.id) for e in review.edits]


operation = st.one_of(
    st.tuples(st.just("decide"), st.integers(0, 200), st.sampled_from(list(Status))),
    st.tuples(st.just("hand"), st.integers(0, len(TEXT) - 1), st.integers(0, 12)),
    st.tuples(st.just("undo"), st.just(0), st.just(0)),
    st.tuples(st.just("redo"), st.just(0), st.just(0)),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(operation, max_size=25))
def test_undo_everything_restores_the_start_and_the_journal_replays_exactly(
    operations: list[tuple[str, int, object]],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        session = fresh_session(Path(folder))
        start = snapshot(session)
        for name, number, argument in operations:
            edits = session.review.edits
            if name == "decide":
                session.decide([edits[number % len(edits)].id], argument)  # type: ignore[arg-type]
            elif name == "hand":
                end = min(number + int(argument), len(TEXT))  # type: ignore[call-overload]
                session.edit_by_hand(number, end, "typed")
            elif name == "undo":
                session.undo()
            else:
                session.redo()
        reached = snapshot(session)
        replayed = fresh_session(Path(folder))
        _, problems = replayed.recover()
        assert problems == []
        assert snapshot(replayed) == reached
        while session.undo():
            pass
        assert snapshot(session) == start
        session.close()
        replayed.close()


def test_a_journal_from_another_version_of_the_source_is_refused(tmp_path: Path) -> None:
    session = fresh_session(tmp_path)
    session.decide([session.review.edits[0].id], Status.REJECTED)
    session.close()
    document = Document(TEXT + "\n", Source("bullets.txt", "another-sha", "utf-8"))
    other = Session(review_document(document, "safe"), tmp_path / "bullets")
    count, problems = other.recover()
    assert count == 0 and "another version of the source" in problems[0]


def test_a_torn_last_journal_line_is_ignored(tmp_path: Path) -> None:
    session = fresh_session(tmp_path)
    first = session.review.edits[0].id
    session.decide([first], Status.REJECTED)
    session.close()
    with session.journal_path.open("ab") as journal:
        journal.write(b'{"set": [["e2", "lay')  # a write cut short by kill -9
    replayed = fresh_session(tmp_path)
    count, problems = replayed.recover()
    assert count == 1 and problems == [] and replayed.review.status[first] is Status.REJECTED


def test_an_unwritable_journal_keeps_decisions_in_memory_and_a_move_writes_it_whole(
    tmp_path: Path,
) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder would be", encoding="utf-8")
    session = fresh_session(blocked)
    first, second = (edit.id for edit in session.review.edits[:2])
    session.decide([first], Status.REJECTED)
    session.edit_by_hand(0, 3, "typed")
    session.decide([second], Status.REJECTED)
    assert session.journal_problem is not None
    assert str(blocked / "bullets.journal.jsonl") in session.journal_problem
    assert session.dirty
    reached = snapshot(session)
    session.move_to(tmp_path / "elsewhere" / "bullets")
    assert session.journal_problem is None
    session.close()
    replayed = fresh_session(tmp_path / "elsewhere")
    count, problems = replayed.recover()
    assert count > 0 and problems == [] and snapshot(replayed) == reached


def test_a_full_disk_stops_the_journal_without_losing_a_decision(tmp_path: Path) -> None:
    session = fresh_session(tmp_path)
    (tmp_path / "bullets.journal.jsonl").symlink_to("/dev/full")  # every write: ENOSPC
    first, second = (edit.id for edit in session.review.edits[:2])
    session.decide([first], Status.REJECTED)
    session.decide([second], Status.REJECTED)
    assert session.journal_problem is not None and "No space left" in session.journal_problem
    session.close()
    assert session.review.status[first] is session.review.status[second] is Status.REJECTED


def test_a_moved_session_takes_its_journal_along_and_goes_on_there(tmp_path: Path) -> None:
    session = fresh_session(tmp_path)
    first, second = (edit.id for edit in session.review.edits[:2])
    session.decide([first], Status.REJECTED)
    session.move_to(tmp_path / "other" / "bullets")
    session.decide([second], Status.REJECTED)
    session.close()
    assert not (tmp_path / "bullets.journal.jsonl").exists()
    replayed = fresh_session(tmp_path / "other")
    assert replayed.recover() == (2, [])
    assert replayed.review.status[first] is replayed.review.status[second] is Status.REJECTED


def test_a_session_is_never_moved_onto_the_journal_of_another(tmp_path: Path) -> None:
    other = fresh_session(tmp_path / "other")
    other.decide([other.review.edits[0].id], Status.REJECTED)
    other.close()
    session = fresh_session(tmp_path)
    session.decide([session.review.edits[1].id], Status.REJECTED)
    with pytest.raises(ValueError, match="unsaved changes of another session"):
        session.move_to(tmp_path / "other" / "bullets")
    assert session.stem == tmp_path / "bullets"
    assert fresh_session(tmp_path / "other").recover() == (1, [])


def test_a_session_is_never_moved_where_saving_would_overwrite_its_input(tmp_path: Path) -> None:
    path = tmp_path / "call.txt"
    path.write_text(TEXT, encoding="utf-8")
    session = open_for_editing(path, tmp_path / "out").session
    with pytest.raises(ValueError, match="would overwrite the input"):
        session.move_to(tmp_path / "call")
    assert session.stem == tmp_path / "out" / "call"


def test_saving_beside_the_input_never_overwrites_it(tmp_path: Path) -> None:
    path = tmp_path / "call.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert output_stem(path, None) == tmp_path / "call.clean"
    opened = open_for_editing(path, tmp_path / "out")
    written = opened.session.save()
    assert path.read_text(encoding="utf-8") == TEXT
    assert {p.name for p in written} == {
        "call.txt",
        "call.json",
        "call.review.md",
        "call.annotations.jsonld",
    }
    assert all(p.parent == tmp_path / "out" for p in written)


@given(st.text(alphabet=st.sampled_from("ab 法說會 \t-"), max_size=80), st.integers(2, 30))
def test_wrapping_fits_the_width_and_keeps_every_character(line: str, width: int) -> None:
    points = wrap_points(line, width)
    assert points[0] == 0 and points == sorted(set(points))
    pieces = [line[a:b] for a, b in zip(points, [*points[1:], len(line)], strict=True)]
    assert "".join(pieces) == line
    for piece in pieces:
        # trailing spaces may hang past the edge, as in every word wrapper
        assert cell_len(piece.rstrip()) <= max(width, 2)
