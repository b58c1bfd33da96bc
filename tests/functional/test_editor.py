"""The editor driven through Textual's Pilot: every binding, saving, undo, recovery."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList

from annotations.glossary import load_glossaries
from annotations.model import Status
from annotations.writers import turn_records
from callscrub.batch import context_for, document_from_bytes
from callscrub.cli import main
from cleaners.pipeline import review_document
from tests.conftest import EXAMPLES, REPO, needs_seeds, seed
from tui.app import EditorApp, make_editor
from tui.screens import (
    ChoiceScreen,
    ConfirmScreen,
    DiffScreen,
    FileListScreen,
    HelpScreen,
    ReviewScreen,
    TextScreen,
)
from tui.transcript import TranscriptView
from tui.widgets import ProposalList, TranslationPanel

SMSI = [str(EXAMPLES / "glossaries" / n) for n in ("global.toml", "smsi.toml")]
HLRB = str(EXAMPLES / "glossaries" / "hlrb.toml")
SIZE = (150, 45)


async def wait_ready(pilot: Pilot[None]) -> ReviewScreen:
    for _ in range(1000):
        await pilot.pause(0.01)
        screen = pilot.app.screen
        if isinstance(screen, ReviewScreen) and screen.ready:
            await pilot.pause()
            return screen
    raise AssertionError("the editor never finished loading")


@asynccontextmanager
async def editing(app: EditorApp) -> AsyncIterator[tuple[Pilot[None], ReviewScreen]]:
    async with app.run_test(size=SIZE) as pilot:
        yield pilot, await wait_ready(pilot)


def copy_example(tmp_path: Path, name: str = "bullets.txt") -> Path:
    target = tmp_path / name
    shutil.copy(EXAMPLES / "transcripts" / name, target)
    return target


def status_of(screen: ReviewScreen, edit_id: str) -> Status:
    assert screen.session is not None
    return screen.session.review.status[edit_id]


def listed(screen: ReviewScreen) -> ProposalList:
    return screen.query_one(ProposalList)


async def select(pilot: Pilot[None], screen: ReviewScreen, edit_id: str) -> None:
    proposals = listed(screen)
    proposals.move_cursor(row=proposals.order.index(edit_id))
    await pilot.pause()


def edit_with(screen: ReviewScreen, original: str) -> str:
    assert screen.session is not None
    review = screen.session.review
    text = review.document.text
    return next(e.id for e in review.edits if text[e.start : e.end] == original)


async def edit_by_hand(pilot: Pilot[None], replacement: str) -> None:
    """Press ``e``, answer the dialog with ``replacement``, and let the edit land."""
    await pilot.press("e")
    dialog = pilot.app.screen
    assert isinstance(dialog, TextScreen)
    dialog.query_one("#answer").value = replacement  # type: ignore[attr-defined]
    await pilot.press("enter")
    await pilot.pause()


async def test_accept_and_reject_move_on_and_mark_the_text(tmp_path: Path) -> None:
    path = copy_example(tmp_path)
    async with editing(make_editor([path], glossaries=[HLRB], policy="none")) as (pilot, screen):
        first = listed(screen).current
        assert first is not None and status_of(screen, first) is Status.PROPOSED
        await pilot.press("a")
        assert status_of(screen, first) is Status.APPLIED
        second = listed(screen).current
        assert second != first
        await pilot.press("r")
        assert status_of(screen, second) is Status.REJECTED  # type: ignore[arg-type]
        assert "unsaved" in screen.sub_title


async def test_moving_between_proposals(tmp_path: Path) -> None:
    path = copy_example(tmp_path)
    async with editing(make_editor([path], glossaries=[HLRB], policy="none")) as (pilot, screen):
        proposals = listed(screen)
        await pilot.press("j", "j")
        assert proposals.cursor_row == 2
        await pilot.press("k")
        assert proposals.cursor_row == 1
        await pilot.press("down", "up", "up")
        assert proposals.cursor_row == 0
        await pilot.press("a", "a")  # rows 0 and 1 accepted; the cursor is on row 2
        await pilot.press("k", "k", "n")
        assert proposals.cursor_row == 2
        await pilot.press("n")
        assert proposals.cursor_row == 3
        await pilot.press("p", "p")
        assert proposals.cursor_row == 2
        transcript = screen.query_one(TranscriptView)
        assert transcript.selected == proposals.current


@needs_seeds
async def test_accept_all_like_it_by_text_and_reject_all_by_kind(tmp_path: Path) -> None:
    # --out: the decisions' journal goes there, never beside the shared seed
    app = make_editor([seed("001")], out=tmp_path, glossaries=SMSI, policy="none")
    async with editing(app) as (pilot, screen):
        accutel = edit_with(screen, "Accutel")
        await select(pilot, screen, accutel)
        await pilot.press("A")
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("t")
        assert screen.session is not None
        review = screen.session.review
        text = review.document.text
        accutels = [e for e in review.edits if text[e.start : e.end] == "Accutel"]
        assert len(accutels) == 8
        assert all(review.status[e.id] is Status.APPLIED for e in accutels)
        assert "Accutel" not in review.rendering.text
        marker = next(e.id for e in review.edits if e.cleaner == "markers")
        await select(pilot, screen, marker)
        await pilot.press("R", "k")
        assert all(
            review.status[e.id] is Status.REJECTED for e in review.edits if e.cleaner == "markers"
        )


async def test_edit_a_replacement_by_hand_then_undo_and_redo(tmp_path: Path) -> None:
    path = copy_example(tmp_path)
    async with editing(make_editor([path], glossaries=[HLRB])) as (pilot, screen):
        keelsen = edit_with(screen, "Keelsen")
        await select(pilot, screen, keelsen)
        await edit_by_hand(pilot, "Keelson Logistics")
        assert screen.session is not None
        review = screen.session.review
        assert "Keelson Logistics start in Q4" in review.rendering.text
        assert review.status[keelsen] is Status.REJECTED
        hand = [e for e in review.edits if e.cleaner == "editor"]
        assert [e.replacement for e in hand] == ["Keelson Logistics"]
        await pilot.press("u")
        assert not [e for e in screen.session.review.edits if e.cleaner == "editor"]
        assert "Keelsen start in Q4" in screen.session.review.rendering.text
        await pilot.press("U")
        assert "Keelson Logistics start" in screen.session.review.rendering.text
        await pilot.press("ctrl+z", "ctrl+z")
        assert screen.session.review.status[keelsen] is Status.PROPOSED
        await pilot.press("ctrl+y")
        assert screen.session.review.status[keelsen] is Status.REJECTED


async def test_search_then_edit_any_span(tmp_path: Path) -> None:
    path = copy_example(tmp_path)
    async with editing(make_editor([path], glossaries=[HLRB])) as (pilot, screen):
        await pilot.press("slash")
        assert isinstance(pilot.app.screen, TextScreen)
        await pilot.press(*"retrofit kits", "enter")
        assert screen.found is not None
        assert screen.query_one(TranscriptView).found == screen.found
        await edit_by_hand(pilot, "retrofit kit sales")
        assert screen.session is not None
        assert "came from [Inaudible] the retrofit kit sales?" in (
            screen.session.review.rendering.text
        )


async def test_pick_a_ranked_candidate_with_a_number(tmp_path: Path) -> None:
    path = copy_example(tmp_path)
    async with editing(make_editor([path], glossaries=[HLRB])) as (pilot, screen):
        keelsen = edit_with(screen, "Keelsen")
        await select(pilot, screen, keelsen)
        await pilot.press("1")
        assert status_of(screen, keelsen) is Status.APPLIED
        await pilot.press("u", "9")
        assert status_of(screen, keelsen) is Status.PROPOSED


async def test_add_an_accepted_mapping_to_a_glossary(tmp_path: Path) -> None:
    path = copy_example(tmp_path)
    glossary = tmp_path / "mine.toml"
    shutil.copy(HLRB, glossary)
    async with editing(make_editor([path], glossaries=[str(glossary)])) as (pilot, screen):
        keelsen = edit_with(screen, "Keelsen")
        await select(pilot, screen, keelsen)
        await pilot.press("g")  # refused: not accepted yet
        assert not isinstance(pilot.app.screen, ConfirmScreen)
        await pilot.press("a")
        await select(pilot, screen, keelsen)
        await pilot.press("g")
        assert isinstance(pilot.app.screen, ConfirmScreen)
        await pilot.press("y")
    text = glossary.read_text(encoding="utf-8")
    assert 'name = "Keelson"' in text.split("Keelsen")[0].rsplit("[[entity]]", 1)[1]


async def test_a_restored_speaker_name_goes_to_the_glossary_as_a_person(tmp_path: Path) -> None:
    """`g` on a name the names cleaner wrote at a speaker line lists the person in the
    glossary, so that a later call that says only "Priya" names her turn."""
    path = copy_example(tmp_path, "flat.txt")
    glossary = tmp_path / "hlrb.toml"
    shutil.copy(HLRB, glossary)
    async with editing(make_editor([path], glossaries=[str(glossary)])) as (pilot, screen):
        assert screen.session is not None
        review = screen.session.review
        priya = next(
            e.id for e in review.edits if e.cleaner == "names" and e.replacement == "Priya Raman "
        )
        assert review.status[priya] is Status.APPLIED
        await select(pilot, screen, priya)
        await pilot.press("g")
        question = pilot.app.screen
        assert isinstance(question, ConfirmScreen)
        assert "'Priya Raman' as a person" in question.question
        await pilot.press("y")
    (person,) = [e for e in load_glossaries([glossary]).entities if e.kind == "person"]
    assert (person.name, person.scope) == ("Priya Raman", "HLRB")
    page = "Operator\nWelcome to the Harbor Lumen Robotics call. Over to you, Priya.\n"
    page += "- Chief Executive Officer\nThanks, operator.\n- Analyst\nThanks, Priya.\n"
    later = review_document(
        document_from_bytes(page.encode(), "later.txt"), "all", context_for((str(glossary),))
    )
    assert [turn["speaker"] for turn in turn_records(later)][1] == "Priya Raman"


async def test_a_person_is_not_added_where_no_ticker_would_find_it(tmp_path: Path) -> None:
    """The flat page has no header, and without --glossary `g` would write a new global
    glossary.toml, where no call's first names are looked up: it says how instead."""
    path = copy_example(tmp_path, "flat.txt")
    async with editing(make_editor([path])) as (pilot, screen):
        assert screen.session is not None
        review = screen.session.review
        priya = next(e.id for e in review.edits if e.replacement == "Priya Raman ")
        await select(pilot, screen, priya)
        await pilot.press("g")
        assert not isinstance(pilot.app.screen, ConfirmScreen)
        assert any("--scope TICKER" in str(n.message) for n in pilot.app._notifications)
    assert not (tmp_path / "glossary.toml").exists()


async def test_filters_and_order(tmp_path: Path) -> None:
    path = copy_example(tmp_path)
    async with editing(make_editor([path], glossaries=[HLRB])) as (pilot, screen):
        proposals = listed(screen)
        everything = len(proposals.order)
        await pilot.press("f")
        assert proposals.kind_filter == "entity"
        assert 0 < len(proposals.order) < everything
        await pilot.press("F")
        assert proposals.status_filter is Status.PROPOSED
        assert all(status_of(screen, i) is Status.PROPOSED for i in proposals.order)
        seen = set()
        while proposals.kind_filter is not None:
            seen.add(proposals.kind_filter)
            await pilot.press("f")
        assert {"entity", "marker", "layout", "boilerplate"} <= seen
        await pilot.press("F", "F", "F")
        assert proposals.status_filter is None
        grouped = list(proposals.order)
        await pilot.press("o")
        assert sorted(grouped) == sorted(proposals.order) and grouped != proposals.order


async def test_translation_diff_and_help_screens(tmp_path: Path) -> None:
    path = copy_example(tmp_path)
    async with editing(make_editor([path], glossaries=[HLRB])) as (pilot, screen):
        panel = screen.query_one(TranslationPanel)
        assert not panel.display
        await pilot.press("t")
        assert panel.display
        await pilot.press("d")
        assert isinstance(pilot.app.screen, DiffScreen)
        await pilot.press("v")
        assert "side by side" in pilot.app.screen.sub_title
        await pilot.press("escape")
        assert pilot.app.screen is screen
        await pilot.press("question_mark")
        assert isinstance(pilot.app.screen, HelpScreen)
        await pilot.press("escape")
        assert pilot.app.screen is screen


async def test_every_binding_is_in_the_command_palette(tmp_path: Path) -> None:
    path = copy_example(tmp_path)
    app = make_editor([path], glossaries=[HLRB])
    async with editing(app) as (pilot, screen):
        titles = {command.title for command in app.get_system_commands(screen)}
        for binding in [*ProposalList.BINDINGS, *ReviewScreen.BINDINGS]:
            if not binding.action.startswith("pick("):  # type: ignore[union-attr]
                assert binding.description in titles  # type: ignore[union-attr]
        await pilot.press("ctrl+p")
        await pilot.press(*"Accept all")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)


async def test_save_writes_the_annotated_copy_and_never_the_input(tmp_path: Path) -> None:
    path = copy_example(tmp_path)
    raw = path.read_bytes()
    async with editing(make_editor([path], glossaries=[HLRB])) as (pilot, screen):
        keelsen = edit_with(screen, "Keelsen")
        await select(pilot, screen, keelsen)
        await pilot.press("a", "s")
        assert "saved" in screen.sub_title and "unsaved" not in screen.sub_title
        await pilot.press("q")
    assert path.read_bytes() == raw
    stem = tmp_path / "bullets.clean"
    for suffix in (".txt", ".json", ".review.md", ".annotations.jsonld"):
        assert Path(f"{stem}{suffix}").is_file()
    assert not Path(f"{stem}.journal.jsonl").exists()
    data = json.loads(Path(f"{stem}.json").read_text(encoding="utf-8"))
    decided = {e["original"]: e["status"] for e in data["edits"] if e["cleaner"] == "entities"}
    assert decided["Keelsen"] == "applied"
    assert "shipments to Keelson start" in Path(f"{stem}.txt").read_text(encoding="utf-8")


async def test_reopening_restores_saved_decisions_and_opens_the_json(tmp_path: Path) -> None:
    path = copy_example(tmp_path)
    async with editing(make_editor([path], glossaries=[HLRB])) as (pilot, screen):
        keelsen = edit_with(screen, "Keelsen")
        await select(pilot, screen, keelsen)
        await pilot.press("r", "s", "q")
    async with editing(make_editor([path], glossaries=[HLRB])) as (pilot, screen):
        assert status_of(screen, keelsen) is Status.REJECTED
    saved = tmp_path / "bullets.clean.json"
    async with editing(make_editor([saved])) as (pilot, screen):
        assert status_of(screen, keelsen) is Status.REJECTED
        assert screen.session is not None and screen.session.stem == tmp_path / "bullets.clean"


async def test_quit_asks_when_unsaved(tmp_path: Path) -> None:
    path = copy_example(tmp_path)
    app = make_editor([path], glossaries=[HLRB], policy="none")
    async with editing(app) as (pilot, screen):
        await pilot.press("a", "q")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert app.screen is screen
        await pilot.press("q", "y")
        await pilot.pause()
    assert app.return_code == 0


KILLED_SESSION = """
import asyncio, os, signal, sys
from pathlib import Path
from tui.app import make_editor
from tui.screens import ReviewScreen

async def main():
    app = make_editor([sys.argv[1]], glossaries=[sys.argv[2]], policy="none")
    async with app.run_test() as pilot:
        while not (isinstance(app.screen, ReviewScreen) and app.screen.ready):
            await pilot.pause(0.01)
        await pilot.press("a", "a", "r", "a")
        await pilot.pause()
        os.kill(os.getpid(), signal.SIGKILL)

asyncio.run(main())
"""


async def test_a_killed_session_loses_no_decision(tmp_path: Path) -> None:
    path = copy_example(tmp_path)
    script = tmp_path / "killed.py"
    script.write_text(textwrap.dedent(KILLED_SESSION), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(script), str(path), HLRB],
        cwd=REPO,
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=120,
    )
    assert result.returncode == -9, result.stderr.decode()
    assert (tmp_path / "bullets.clean.journal.jsonl").is_file()
    app = make_editor([path], glossaries=[HLRB], policy="none")
    async with editing(app) as (_pilot, screen):
        assert screen.session is not None
        review = screen.session.review
        decided = [e.id for e in review.edits if review.status[e.id] is not Status.PROPOSED]
        order = listed(screen).order
        assert [review.status[i] for i in order[:4]] == [
            Status.APPLIED,
            Status.APPLIED,
            Status.REJECTED,
            Status.APPLIED,
        ]
        assert len(decided) == 4
        assert screen.session.dirty
        assert any("recovered 4 unsaved changes" in str(n.message) for n in app._notifications)


async def test_transcript_text_is_shown_literally(tmp_path: Path) -> None:
    path = tmp_path / "markup.txt"
    path.write_text(
        "Operator\n\nWe said [bold]no[/b and [link=x]y[/link] and \x1b[31mred\x1b[0m [soonums].\n",
        encoding="utf-8",
    )
    async with editing(make_editor([path], policy="none")) as (_pilot, screen):
        view = screen.query_one(TranscriptView)
        shown = "".join(
            view.render_line(y).text for y in range(view.scrollable_content_region.height)
        )
        assert "[bold]no[/b" in shown and "[link=x]y[/link]" in shown
        assert "[soonums]" in shown
        assert "\x1b" not in shown and "␛[31m" in shown


async def test_a_folder_opens_on_its_file_list(tmp_path: Path) -> None:
    copy_example(tmp_path, "bullets.txt")
    copy_example(tmp_path, "flat.txt")
    app = make_editor([tmp_path])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, FileListScreen)
        footer = [b.binding for b in app.screen.active_bindings.values() if b.binding.show]
        assert [(b.key, b.description) for b in footer] == [("enter", "Open"), ("q", "Quit")]
        await pilot.press("enter")
        screen = await wait_ready(pilot)
        assert screen.path.name == "bullets.txt"
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, FileListScreen)


async def file_states(pilot: Pilot[None], expected: list[str]) -> list[str]:
    """The file list's state column once it reads ``expected`` (read in a worker thread)."""
    states: list[str] = []
    for _ in range(500):
        await pilot.pause(0.01)
        files = pilot.app.screen.query_one("#files", OptionList)
        states = [
            str(files.get_option_at_index(index).prompt).split("  ")[-1].strip()
            for index in range(files.option_count)
        ]
        if states == expected:
            break
    return states


async def test_the_file_list_shows_where_each_transcript_stands(tmp_path: Path) -> None:
    calls, out = tmp_path / "calls", tmp_path / "out"
    calls.mkdir()
    for name in ("bullets.txt", "flat.txt", "sentences.txt"):
        copy_example(calls, name)
    assert main(["clean", str(calls / "sentences.txt"), "--out", str(out), "--quiet"]) == 0
    app = make_editor([calls], out=out)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = ["not reviewed", "not reviewed", "cleaned, not reviewed"]
        assert await file_states(pilot, before) == before
        await pilot.press("enter")  # bullets: one decision, then quit without saving
        await wait_ready(pilot)
        await pilot.press("r", "q", "y")
        await pilot.pause()
        assert isinstance(app.screen, FileListScreen)
        after_quit = ["1 unsaved change", "not reviewed", "cleaned, not reviewed"]
        assert await file_states(pilot, after_quit) == after_quit
        await pilot.press("down", "enter")  # flat: saved as it stands
        await wait_ready(pilot)
        await pilot.press("ctrl+s", "q")
        states = await file_states(pilot, [])
        assert states[0] == "1 unsaved change" and states[2] == "cleaned, not reviewed"
        assert states[1].startswith("reviewed, saved ")


def test_edit_refuses_a_missing_path_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["edit", "/no/such/file.txt"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "/no/such/file.txt: no such file" in err


@pytest.mark.parametrize(
    ("data", "problem"), [(b"", "empty file"), (b"Operator\x00\x01", "binary file (NUL bytes)")]
)
def test_edit_refuses_an_unreadable_page_in_one_line_before_taking_the_screen(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes, problem: str
) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(data)
    assert main(["edit", str(page)]) == 1
    captured = capsys.readouterr()
    assert captured.err == f"callscrub: {page}: {problem}\n" and captured.out == ""


@needs_seeds
async def test_seed_001_accutel_proposals_reach_the_list(tmp_path: Path) -> None:
    async with editing(make_editor([seed("001")], tmp_path, SMSI)) as (_pilot, screen):
        assert screen.session is not None
        review = screen.session.review
        text = review.document.text
        found = [e for e in review.edits if text[e.start : e.end] == "Accutel"]
        assert len(found) == 8 and all(e.replacement == "Ecutel" for e in found)


async def test_where_the_journal_cannot_be_written_the_editor_says_so_and_saves_elsewhere(
    tmp_path: Path,
) -> None:
    """A read-only input folder without --out, or a full disk: the first decision cannot be
    journaled. The editor keeps going, says so once, and S saves in a folder typed in."""
    path = copy_example(tmp_path)
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the output folder would be", encoding="utf-8")
    app = make_editor([path], out=blocked, glossaries=[HLRB], policy="none")
    async with editing(app) as (pilot, screen):
        first = listed(screen).current
        assert first is not None
        await pilot.press("r", "r")
        assert screen.session is not None and screen.session.journal_problem is not None
        assert "in memory only" in screen.sub_title
        warnings = [n for n in app._notifications if "kept in memory only" in str(n.message)]
        assert len(warnings) == 1
        await pilot.press("S")
        dialog = app.screen
        assert isinstance(dialog, TextScreen)
        dialog.query_one("#answer").value = str(tmp_path / "elsewhere")  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        assert "elsewhere" in screen.sub_title and "unsaved" not in screen.sub_title
        await pilot.press("a")
        assert (tmp_path / "elsewhere" / "bullets.journal.jsonl").is_file()
    saved = json.loads((tmp_path / "elsewhere" / "bullets.json").read_text(encoding="utf-8"))
    assert next(e for e in saved["edits"] if e["id"] == first)["status"] == "rejected"
    assert path.read_text(encoding="utf-8") == (EXAMPLES / "transcripts" / "bullets.txt").read_text(
        encoding="utf-8"
    )


async def test_saving_in_the_inputs_own_folder_under_its_name_is_refused(tmp_path: Path) -> None:
    path = copy_example(tmp_path)
    raw = path.read_bytes()
    async with editing(make_editor([path], glossaries=[HLRB])) as (pilot, screen):
        await pilot.press("r", "S")
        dialog = app_screen = pilot.app.screen
        assert isinstance(app_screen, TextScreen)
        dialog.query_one("#answer").value = str(tmp_path)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        assert screen.session is not None and screen.session.stem == tmp_path / "bullets.clean"
        assert "unsaved" in screen.sub_title
        assert any("would overwrite the input" in str(n.message) for n in pilot.app._notifications)
    assert path.read_bytes() == raw
