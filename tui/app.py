"""The editor application and its one factory, shared by ``callscrub edit`` and the tests."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import partial
from pathlib import Path

from textual.app import App, SystemCommand
from textual.screen import Screen

from callscrub.editing import editable_files
from tui.screens import EditorOptions, FileListScreen, ReviewScreen, review_bindings
from tui.widgets import ProposalList


class EditorApp(App[None]):
    """Review the proposals of one transcript, or of each transcript in a folder."""

    CSS_PATH = "editor.tcss"
    TITLE = "callscrub edit"

    def __init__(self, files: Sequence[Path], options: EditorOptions, folder: bool) -> None:
        super().__init__()
        self.files, self.options, self.folder = list(files), options, folder

    def on_mount(self) -> None:
        if self.folder:
            self.push_screen(FileListScreen(self.files, self.options))
        else:
            self.push_screen(ReviewScreen(self.files[0], self.options))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if not isinstance(screen, ReviewScreen) or not screen.ready:
            return
        proposals = screen.query_one(ProposalList)
        for group, binding, keys in review_bindings():
            target = proposals if group == "Proposals" else screen
            yield SystemCommand(
                binding.description, f"key: {keys}", partial(target.run_action, binding.action)
            )


def make_editor(
    paths: Sequence[str | Path],
    out: Path | None = None,
    glossaries: Sequence[str] = (),
    policy: str = "safe",
) -> EditorApp:
    """The editor for one file (a raw page or an earlier ``.json``) or a folder.

    Raises ``ValueError`` (one line) when there is nothing to open.
    """
    options = EditorOptions(out, tuple(glossaries), policy)
    files: list[Path] = []
    folder = len(paths) > 1
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            folder = True
            found = editable_files(path)
            if not found:
                raise ValueError(f"{path}: folder holds no transcripts (.txt or .json)")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise ValueError(f"{path}: no such file or folder")
    if not files:
        raise ValueError("nothing to open")
    return EditorApp(files, options, folder)
