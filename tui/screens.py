"""The editor's screens: the review of one transcript, the file list of a folder, the
diff, the help, and the small modal questions (confirm, edit, search, decide-all-like)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Header, Input, Label, LoadingIndicator, OptionList, Static

from annotations.glossary import GLOBAL, GlossaryError, add_entry, file_scope
from annotations.model import Edit, Status, recorded_path
from annotations.review import Review
from annotations.session import Change, Session
from callscrub.batch import DEFAULT_MAX_BYTES, InputError
from callscrub.editing import Opened, open_for_editing, review_state, saving_stem
from cleaners.decode import DecodeError
from cleaners.registry import kind_of
from tui.diff import DiffView
from tui.transcript import TranscriptView, visible
from tui.widgets import (
    DetailPanel,
    FileList,
    ProposalCounts,
    ProposalList,
    TranslationPanel,
    entity_candidates,
)


@dataclass(frozen=True)
class EditorOptions:
    """What ``callscrub edit`` was asked: where to save, glossaries, the policy."""

    out: Path | None = None
    glossaries: tuple[str, ...] = ()
    policy: str = "safe"
    max_bytes: int = DEFAULT_MAX_BYTES


# --- modal questions -------------------------------------------------------------------


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question: y or enter says yes, n or escape says no."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,enter", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(self.question))
            yield Label(Text("y: yes   n / escape: no", "dim"))

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class ChoiceScreen(ModalScreen[str | None]):
    """Pick one of a few choices by its key; escape picks none."""

    def __init__(self, question: str, choices: dict[str, str]) -> None:
        super().__init__()
        self.question, self.choices = question, choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(self.question, "bold"))
            for key, label in self.choices.items():
                yield Label(Text(f"{key}: {label}"))
            yield Label(Text("escape: cancel", "dim"))

    def on_key(self, event: object) -> None:
        key = getattr(event, "key", "")
        if key == "escape":
            self.dismiss(None)
        elif key in self.choices:
            self.dismiss(key)


class TextScreen(ModalScreen[str | None]):
    """One line of text: enter submits, escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, prompt: str, value: str = "", context: str = "") -> None:
        super().__init__()
        self.prompt, self.value, self.context = prompt, value, context

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(self.prompt, "bold"))
            if self.context:
                yield Label(Text(self.context, "dim"))
            yield Input(value=self.value, id="answer")
            yield Label(Text("enter: done   escape: cancel", "dim"))

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class HelpScreen(Screen[None]):
    """Every key of the review screen, with what it does (a whole screen: it is long)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,question_mark", "close", "Close")]

    def compose(self) -> ComposeResult:
        text = Text("Keys (also in the command palette, ctrl+p)\n\n", "bold")
        for group in ("Proposals", "Document"):
            text.append(f"{group}\n", "bold underline")
            for binding_group, binding, keys in review_bindings():
                if binding_group == group:
                    text.append(f"  {keys:<14}", "bold")
                    text.append(f"{binding.description}\n")
            text.append("\n")
        text.append("  1 … 9         ", "bold")
        text.append("pick an entity's ranked candidate\n")
        text.append("  up/down       ", "bold")
        text.append("move between proposals\n\n")
        text.append("escape: close", "dim")
        yield Header()
        with Vertical(classes="help"):
            yield Static(text)
        yield Footer()

    def action_close(self) -> None:
        self.dismiss(None)


def review_bindings() -> Iterator[tuple[str, Binding, str]]:
    """The review's commands for the help screen and the palette: group, binding, keys.

    The nine candidate keys are one command, described once by the help screen.
    """
    for group, bindings in (
        ("Proposals", ProposalList.BINDINGS),
        ("Document", ReviewScreen.BINDINGS),
    ):
        for binding in bindings:
            if isinstance(binding, Binding) and not binding.action.startswith("pick("):
                keys = binding.key.replace("question_mark", "?").replace("slash", "/")
                yield group, binding, keys


class DiffScreen(Screen[None]):
    """The original and the clean text of the whole document, unified or side by side."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("v", "switch_layout", "Unified / side by side"),
        Binding("escape,d,q", "close", "Back"),
    ]

    def __init__(self, original: str, clean: str) -> None:
        super().__init__()
        self.original, self.clean = original, clean

    def compose(self) -> ComposeResult:
        yield Header()
        yield DiffView(self.original, self.clean, id="diff")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "diff: unified"

    def action_switch_layout(self) -> None:
        view = self.query_one(DiffView)
        view.toggle()
        self.sub_title = f"diff: {'side by side' if view.side_by_side else 'unified'}"

    def action_close(self) -> None:
        self.dismiss(None)


class FileListScreen(Screen[None]):
    """The transcripts of a folder, each with where it stands (unsaved changes, saved,
    untouched), read again on each return from one; enter opens one, q quits."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("q", "app.quit", "Quit")]

    def __init__(self, files: list[Path], options: EditorOptions) -> None:
        super().__init__()
        self.files, self.options = files, options
        # as the outputs record them: a name's bytes that are not UTF-8 shown as \xe9
        self.names = [recorded_path(str(path)) for path in files]

    def compose(self) -> ComposeResult:
        yield Header()
        yield FileList(*[Text(name) for name in self.names], id="files")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"{len(self.files)} transcripts"

    def on_screen_resume(self) -> None:
        self.read_states()

    @work(thread=True, exclusive=True)
    def read_states(self) -> None:
        """Each file's state, read from its outputs and journal: a large folder's outputs
        take a while to read, and the list stays usable meanwhile."""
        states = [review_state(path, self.options.out) for path in self.files]
        self.app.call_from_thread(self.show_states, states)

    def show_states(self, states: list[str]) -> None:
        files = self.query_one("#files", OptionList)
        width = max(len(name) for name in self.names) + 2
        for index, (name, state) in enumerate(zip(self.names, states, strict=True)):
            style = "bold yellow" if "unsaved" in state else "dim" if "not" in state else ""
            files.replace_option_prompt_at_index(
                index, Text.assemble(name.ljust(width), (state, style))
            )

    @on(OptionList.OptionSelected)
    def open_file(self, event: OptionList.OptionSelected) -> None:
        self.app.push_screen(ReviewScreen(self.files[event.option_index], self.options, True))


# --- the review ------------------------------------------------------------------------


class ReviewScreen(Screen[None]):
    """One transcript: the text with proposals inline, the list, the detail panel."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("u,ctrl+z", "undo", "Undo"),
        Binding("U,ctrl+y", "redo", "Redo"),
        Binding("slash", "search", "Search"),
        Binding("t", "toggle_translation", "Translation"),
        Binding("d", "diff", "Diff"),
        Binding("s,ctrl+s", "save", "Save"),
        Binding("S", "save_as", "Save in…"),
        Binding("q", "close", "Quit"),
        Binding("question_mark", "help", "Help"),
    ]

    def __init__(self, path: Path, options: EditorOptions, from_list: bool = False) -> None:
        super().__init__()
        self.path, self.options, self.from_list = path, options, from_list
        self.session: Session | None = None
        self.query_text = ""
        self.found: tuple[int, int] | None = None
        self.selected: str | None = None
        self.journal_warned = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield LoadingIndicator()
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"{recorded_path(str(self.path))} · cleaning…"
        self.load()

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        options = self.options
        try:
            opened = open_for_editing(
                self.path, options.out, options.glossaries, options.policy, options.max_bytes
            )
        except (InputError, DecodeError, GlossaryError, OSError, ValueError) as error:
            self.app.call_from_thread(self.failed, f"{self.path}: {error}")
            return
        # post_message is safe from a thread; the screen mounts its panes on its own loop
        self.post_message(self.Loaded(opened))

    def failed(self, message: str) -> None:
        self.app.notify(message, severity="error", timeout=10)
        if self.from_list:
            self.dismiss(None)
        else:
            self.app.exit(message=f"callscrub: {message}", return_code=1)

    class Loaded(Message):
        def __init__(self, opened: Opened) -> None:
            super().__init__()
            self.opened = opened

    @on(Loaded)
    async def show(self, event: Loaded) -> None:
        opened = event.opened
        review = opened.session.review
        await self.query_one(LoadingIndicator).remove()
        await self.mount(
            Horizontal(
                TranscriptView(review, id="transcript"),
                Vertical(
                    ProposalCounts(id="counts"),
                    ProposalList(review, id="proposals"),
                    DetailPanel(id="detail"),
                    TranslationPanel(id="translation"),
                    id="side",
                ),
            ),
            before=self.query_one(Footer),
        )
        self.session = opened.session
        self.query_one(ProposalList).focus()
        self._update_status()
        for note in opened.notes:
            self.notify(note, timeout=6)

    # --- reading the state -------------------------------------------------------------

    @property
    def ready(self) -> bool:
        return self.session is not None

    def _update_status(self) -> None:
        if self.session is None:
            return
        list_ = self.query_one(ProposalList)
        self.query_one(ProposalCounts).show(
            self.session.review, list_.kind_filter, list_.status_filter
        )
        problem = self.session.journal_problem
        state = "● unsaved" if self.session.dirty else "saved"
        if problem is not None and self.session.dirty:
            state += ", in memory only"
        self.sub_title = (
            f"{recorded_path(str(self.path))} → {recorded_path(str(self.session.stem))}.* · {state}"
        )
        if problem is not None and not self.journal_warned:
            self.journal_warned = True
            self.notify(
                f"Your decisions are kept in memory only: {problem}. Save them (s), or save "
                "them in another folder (S).",
                severity="error",
                timeout=20,
            )
        elif problem is None:
            self.journal_warned = False

    def _after(self, change: Change | None, *, move_on: bool = False) -> None:
        """Show a change: only the touched blocks and rows are drawn again.

        With ``move_on`` the cursor goes to the next row first, in the same handler, so the
        decision and the next selection share one paint.
        """
        if change is None or self.session is None:
            return
        review = self.session.review
        transcript = self.query_one(TranscriptView)
        proposals = self.query_one(ProposalList)
        if change.added is not None:
            transcript.reload(review)
            proposals.populate(keep=change.added.id if change.added.id in review.by_id else None)
        else:
            ids = {edit_id for edit_id, _, _ in change.moves}
            transcript.refresh_blocks(ids)
            proposals.refresh_rows(ids)
        if move_on:
            proposals.move_cursor(proposals.cursor_row + 1, announce=False)
        self._show_selection(proposals.current)
        self._update_status()

    # --- messages from the list --------------------------------------------------------

    @on(ProposalList.Chosen)
    def chosen(self, event: ProposalList.Chosen) -> None:
        self._show_selection(event.edit_id)

    def _show_selection(self, edit_id: str | None) -> None:
        if self.session is None:
            return
        review = self.session.review
        if edit_id != self.selected and self.found is not None:
            self.found = None
            self.query_one(TranscriptView).show_found(None)
        self.selected = edit_id
        self.query_one(DetailPanel).show(review, edit_id)
        self.query_one(TranslationPanel).show(review, edit_id)
        self.query_one(TranscriptView).select(edit_id)

    def _decide(self, edit_ids: list[str], status: Status, *, move_on: bool = False) -> None:
        if self.session is None:
            return
        self._after(self.session.decide(edit_ids, status), move_on=move_on)

    @on(ProposalList.Accepted)
    def accepted(self, event: ProposalList.Accepted) -> None:
        self._decide([event.edit_id], Status.APPLIED, move_on=True)

    @on(ProposalList.Rejected)
    def rejected(self, event: ProposalList.Rejected) -> None:
        self._decide([event.edit_id], Status.REJECTED, move_on=True)

    @on(ProposalList.AllLikeRequested)
    def all_like(self, event: ProposalList.AllLikeRequested) -> None:
        if self.session is None:
            return
        review = self.session.review
        edit = review.by_id[event.edit_id]
        text = review.document.text
        original = text[edit.start : edit.end]
        kind = kind_of(edit.cleaner)
        pending = [e for e in review.edits if review.status[e.id] is Status.PROPOSED]
        same_kind = [e.id for e in pending if kind_of(e.cleaner) == kind]
        same_text = [e.id for e in pending if text[e.start : e.end] == original]
        verb = "accept" if event.status is Status.APPLIED else "reject"
        choices = {
            "k": f"{verb} all {len(same_kind)} pending {kind} proposals",
            "t": f"{verb} all {len(same_text)} pending proposals of {visible(original)!r}",
        }

        def chosen(answer: str | None) -> None:
            if answer is not None:
                ids = same_kind if answer == "k" else same_text
                self._decide(ids, event.status)
                self.notify(f"{verb}ed {len(ids)} proposals", timeout=3)

        self.app.push_screen(
            ChoiceScreen(f"{verb.title()} all pending like {edit.id}", choices), chosen
        )

    @on(ProposalList.EditRequested)
    def edit_requested(self, event: ProposalList.EditRequested) -> None:
        if self.session is None:
            return
        review = self.session.review
        text = review.document.text
        if self.found is not None:
            start, end = self.found
            replaces = None
            value = text[start:end]
            prompt = "Replace the found text with"
        else:
            edit = review.by_id[event.edit_id]
            start, end, replaces, value = edit.start, edit.end, edit.id, edit.replacement
            prompt = f"Replacement for {edit.id}"
        context = f"original: {visible(text[start:end])!r}"

        def typed(answer: str | None) -> None:
            if answer is None or self.session is None:
                return
            if replaces is not None and answer == review.by_id[replaces].replacement:
                self._decide([replaces], Status.APPLIED)
                return
            self.found = None
            self.query_one(TranscriptView).found = None
            self._after(self.session.edit_by_hand(start, end, answer, replaces))

        self.app.push_screen(TextScreen(prompt, value, context), typed)

    @on(ProposalList.CandidatePicked)
    def candidate_picked(self, event: ProposalList.CandidatePicked) -> None:
        if self.session is None:
            return
        review = self.session.review
        edit = review.by_id[event.edit_id]
        candidates = entity_candidates(review, edit)
        if event.number > len(candidates):
            self.notify(f"{edit.id} has {len(candidates)} candidates", severity="warning")
            return
        name = str(candidates[event.number - 1]["name"])
        if name == edit.replacement:
            self._decide([edit.id], Status.APPLIED)
        else:
            self._after(self.session.edit_by_hand(edit.start, edit.end, name, edit.id))

    @on(ProposalList.GlossaryRequested)
    def glossary_requested(self, event: ProposalList.GlossaryRequested) -> None:
        if self.session is None:
            return
        review = self.session.review
        edit = review.by_id[event.edit_id]
        original = review.document.text[edit.start : edit.end]
        if review.status[edit.id] is Status.APPLIED and _names_a_speaker(review, edit):
            self._add_person(self.session, edit.replacement.strip())
            return
        if kind_of(edit.cleaner) not in ("entity", "edit") or not original or not edit.replacement:
            self.notify("only a name or term mapping can go to a glossary", severity="warning")
            return
        if review.status[edit.id] is not Status.APPLIED:
            self.notify("accept the mapping first (a)", severity="warning")
            return
        candidates = entity_candidates(review, edit)
        kind = str(candidates[0].get("kind", "term")) if candidates else "term"
        target = self._glossary_target(self.session)

        def confirmed(answer: bool | None) -> None:
            if not answer:
                return
            try:
                displaced = add_entry(target, edit.replacement, kind, original)
            except (GlossaryError, OSError) as error:
                self.notify(str(error), severity="error")
                return
            note = "".join(f"; it no longer names {other!r}" for other in displaced)
            self.notify(f"added {original!r} → {edit.replacement!r} to {target}{note}", timeout=4)

        question = f"Add {original!r} as an alias of {edit.replacement!r} ({kind}) to {target}?"
        self.app.push_screen(ConfirmScreen(question), confirmed)

    def _glossary_target(self, session: Session) -> Path:
        """Where ``g`` writes: the last ``--glossary``, else ``glossary.toml`` by the outputs."""
        return Path(
            self.options.glossaries[-1]
            if self.options.glossaries
            else session.stem.parent / "glossary.toml"
        )

    def _add_person(self, session: Session, name: str) -> None:
        """List a speaker's name in the ticker's glossary: a later call of that ticker that
        gives only the first name names the turn so."""
        ticker = session.review.proposals.metadata.ticker
        target = self._glossary_target(session)
        if ticker is None:
            try:
                scope = file_scope(target.read_text(encoding="utf-8"), str(target))
            except (GlossaryError, OSError):
                scope = GLOBAL
            if scope == GLOBAL:
                self.notify(
                    f"this page has no ticker and {target} is for none: add the person with "
                    f"callscrub glossary add FILE {name!r} --kind person --scope TICKER",
                    severity="warning",
                    timeout=10,
                )
                return

        def confirmed(answer: bool | None) -> None:
            if not answer:
                return
            try:
                add_entry(target, name, "person", scope=ticker)
            except (GlossaryError, OSError) as error:
                self.notify(str(error), severity="error")
                return
            self.notify(f"added the person {name!r} to {target}", timeout=4)

        calls = f"{ticker}'s calls" if ticker else "the calls of that glossary's ticker"
        question = (
            f"Add {name!r} as a person of {calls} to {target}? A call that gives only the "
            f"first name {name.split()[0]!r} will name the turn so."
        )
        self.app.push_screen(ConfirmScreen(question), confirmed)

    @on(ProposalList.FilterChanged)
    def filter_changed(self) -> None:
        self._update_status()

    # --- document actions --------------------------------------------------------------

    def action_undo(self) -> None:
        if self.session is not None:
            change = self.session.undo()
            if change is None:
                self.notify("nothing to undo", timeout=2)
            self._after(change)

    def action_redo(self) -> None:
        if self.session is not None:
            change = self.session.redo()
            if change is None:
                self.notify("nothing to redo", timeout=2)
            self._after(change)

    def action_search(self) -> None:
        if self.session is None:
            return

        def search(query: str | None) -> None:
            if not query or self.session is None:
                return
            self.query_text = query
            text = self.session.review.document.text
            lowered, needle = text.lower(), query.lower()
            after = self.found[1] if self.found else 0
            position = lowered.find(needle, after)
            if position < 0:
                position = lowered.find(needle)
            if position < 0:
                self.notify(f"{query!r} not found", severity="warning", timeout=3)
                return
            self.found = (position, position + len(query))
            self.query_one(TranscriptView).show_found(self.found)
            self.notify("found: e edits the found text; / and enter finds the next", timeout=3)

        self.app.push_screen(TextScreen("Search the original text", self.query_text), search)

    def action_toggle_translation(self) -> None:
        if self.ready:
            panel = self.query_one(TranslationPanel)
            panel.display = not panel.display
            if self.session is not None:
                panel.show(self.session.review, self.selected)

    def action_diff(self) -> None:
        if self.session is not None:
            review = self.session.review
            self.app.push_screen(DiffScreen(review.document.text, review.rendering.text))

    def action_save(self) -> None:
        if self.session is None:
            return
        try:
            written = self.session.save()
        except OSError as error:
            self.notify(
                f"not saved: {error}. Press S to save in another folder.",
                severity="error",
                timeout=10,
            )
            return
        self._update_status()
        stem = recorded_path(str(self.session.stem))
        self.notify(f"saved {len(written)} files: {stem}.*", timeout=4)

    def action_save_as(self) -> None:
        """Save in another folder (``--out`` chosen late): where the input's folder is
        read-only, or to keep this copy apart. Later saves and the journal go there too."""
        session = self.session
        if session is None:
            return

        def chosen(folder: str | None) -> None:
            if not folder or self.session is None:
                return
            stem = saving_stem(self.path, Path(folder).expanduser())
            if Path(f"{stem}.json").exists() and stem != session.stem:
                question = f"{recorded_path(str(stem))}.* exist. Replace them with this copy?"
                self.app.push_screen(
                    ConfirmScreen(question), lambda yes: self._save_in(stem) if yes else None
                )
            else:
                self._save_in(stem)

        self.app.push_screen(
            TextScreen(
                "Save the annotated copy in folder",
                str(session.stem.parent),
                f"as {saving_stem(self.path, Path('.')).name}.txt, .json, .review.md and "
                ".annotations.jsonld, as --out would",
            ),
            chosen,
        )

    def _save_in(self, stem: Path) -> None:
        if self.session is None:
            return
        try:
            self.session.move_to(stem)
        except ValueError as error:
            self.notify(str(error), severity="error", timeout=10)
            return
        self.action_save()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen())

    def action_close(self) -> None:
        def leave(answer: bool | None = True) -> None:
            if not answer:
                return
            if session is not None:
                session.close()
            if self.from_list:
                self.dismiss(None)
            else:
                self.app.exit()

        session = self.session
        if session is not None and session.dirty:
            moved = session.stem != saving_stem(self.path, self.options.out)
            question = (
                "Quit without saving? Your decisions stay in the journal and come back "
                "when you open this file again"
                + (f" with --out {recorded_path(str(session.stem.parent))}." if moved else ".")
                if session.journal_problem is None
                else "Quit without saving? The journal could not be written: your decisions "
                "will be lost."
            )
            self.app.push_screen(ConfirmScreen(question), leave)
        else:
            leave()


def _names_a_speaker(review: Review, edit: Edit) -> bool:
    """Whether ``edit`` writes a full name at the head of a speaker line that lost it: the
    names cleaner's proposal, or the name typed in its place."""
    name = edit.replacement.strip()
    return (
        edit.start == edit.end
        and " " in name
        and any(turn.speaker_span[0] == edit.start for turn in review.turns)
    )
