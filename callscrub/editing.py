"""Opening a transcript for the editor: a raw page, or the ``.json`` of an earlier run.

Whatever the editor decided before comes back: the decisions of an earlier save (the
``.json`` beside the outputs) and, after a crash, the journal of the unsaved session.
UI-free, so the editor and the tests share it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import orjson

from annotations.model import recorded_path_candidates
from annotations.session import Session, overwrites_source
from annotations.writers import SCHEMA, read_json
from callscrub.batch import (
    DEFAULT_MAX_BYTES,
    InputError,
    context_for,
    document_from_bytes,
    read_input,
    run_record,
)
from cleaners.pipeline import review_document


@dataclass
class Opened:
    """A session ready to edit and what was restored into it, in words for the editor."""

    session: Session
    notes: list[str] = field(default_factory=list)


def output_stem(path: Path, out: Path | None) -> Path:
    """Where the annotated copy of raw ``path`` goes: ``out/NAME`` or ``NAME.clean`` beside it.

    >>> output_stem(Path("calls/q2.txt"), None), output_stem(Path("calls/q2.txt"), Path("o"))
    (PosixPath('calls/q2.clean'), PosixPath('o/q2'))
    """
    name = path.name[:-4] if path.name.lower().endswith(".txt") else path.name
    if out is None:
        return path.parent / f"{name}.clean"
    return out / name


def _resaved_stem(json_path: Path, out: Path | None) -> Path:
    """Where the editor saves an earlier output's decisions: over it, or in ``out``."""
    return json_path.with_suffix("") if out is None else out / json_path.stem


def saving_stem(path: Path, out: Path | None) -> Path:
    """Where the editor saves what it opened from ``path`` (a raw page or the ``.json`` of
    an output) when told ``--out out``, or no ``--out``.

    >>> saving_stem(Path("calls/q2.txt"), Path("o")), saving_stem(Path("o/q2.json"), None)
    (PosixPath('o/q2'), PosixPath('o/q2'))
    """
    return _resaved_stem(path, out) if path.suffix == ".json" else output_stem(path, out)


def review_state(path: Path, out: Path | None) -> str:
    """Where a transcript of the file list stands, in a few words: unsaved decisions in
    its journal, saved from the editor (when), only cleaned by a batch run, or untouched.
    ``path`` is one of :func:`editable_files`: a raw page, or the ``.json`` of an output.

    >>> review_state(Path("/no/such/call.txt"), None)
    'not reviewed'
    """
    stem = saving_stem(path, out)
    journal = Path(f"{stem}.journal.jsonl")
    try:
        changes = journal.read_bytes().count(b"\n") - 1  # after its header line
    except OSError:
        changes = 0
    if changes > 0:
        return f"{changes} unsaved change{'s' if changes > 1 else ''}"
    saved = Path(f"{stem}.json")
    try:
        run = orjson.loads(saved.read_bytes()).get("run") or {}
        when = datetime.fromtimestamp(saved.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    except (OSError, orjson.JSONDecodeError, AttributeError):
        return "not reviewed"
    return f"reviewed, saved {when}" if run.get("edited") else "cleaned, not reviewed"


def is_output(path: Path) -> bool:
    """True for the ``.json`` of a callscrub run."""
    if path.suffix != ".json":
        return False
    try:
        return bool(orjson.loads(path.read_bytes()).get("schema") == SCHEMA)
    except (OSError, orjson.JSONDecodeError, AttributeError):
        return False


def editable_files(folder: Path) -> list[Path]:
    """The transcripts under ``folder``: earlier outputs as their ``.json``, raw pages as
    ``.txt``; the ``.txt`` of an output is not listed twice."""
    outputs = sorted(p for p in folder.rglob("*.json") if is_output(p))
    taken = {p.with_suffix(".txt") for p in outputs}
    raw = sorted(p for p in folder.rglob("*.txt") if p not in taken)
    return sorted(outputs + raw)


def _source_of(json_path: Path, recorded: str) -> Path:
    for path in recorded_path_candidates(recorded):
        for candidate in (Path(path), json_path.parent / path, json_path.parent / Path(path).name):
            if candidate.is_file():
                return candidate
    raise InputError(f"its source {recorded} is not found (looked beside it too)")


def _open_output(path: Path, out: Path | None, max_bytes: int) -> Opened:
    try:
        data = orjson.loads(path.read_bytes())
        recorded = data["source"]["path"]
    except (OSError, orjson.JSONDecodeError, KeyError, TypeError) as error:
        raise InputError(f"not a callscrub .json output ({error})") from None
    source = _source_of(path, recorded)
    document = document_from_bytes(read_input(source, max_bytes), recorded)
    if document.source.sha256 != data["source"]["sha256"]:
        raise InputError(f"its source {source} changed since this output was made")
    try:
        review = read_json(data, document.text)
    except (ValueError, KeyError) as error:
        raise InputError(str(error)) from None
    return Opened(
        Session(review, _resaved_stem(path, out)), [f"opened the decisions saved in {path}"]
    )


def _open_raw(
    path: Path, out: Path | None, glossaries: tuple[str, ...], policy: str, max_bytes: int
) -> Opened:
    document = document_from_bytes(read_input(path, max_bytes), str(path))
    review = review_document(document, policy, context_for(glossaries))
    review.run = dict(run_record(policy, glossaries, ()))
    stem = output_stem(path, out)
    opened = Opened(Session(review, stem))
    saved = Path(f"{stem}.json")
    if saved.is_file():
        try:
            data = orjson.loads(saved.read_bytes())
            same = data["source"]["sha256"] == document.source.sha256
            records = data["edits"]
        except (orjson.JSONDecodeError, KeyError, TypeError):
            same, records = False, []
        if same:
            restored, stale = review.replay(records)
            opened.notes.append(f"restored {restored} decisions saved in {saved}")
            opened.notes.extend(stale)
    return opened


def open_for_editing(
    path: Path,
    out: Path | None = None,
    glossaries: tuple[str, ...] = (),
    policy: str = "safe",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Opened:
    """Open ``path`` for the editor and restore what was decided on it before.

    Raises ``InputError`` or ``DecodeError`` (one line, the problem; the caller names the
    file) when it cannot be opened, and when saving would overwrite the raw input.
    """
    if is_output(path):
        opened = _open_output(path, out, max_bytes)
    else:
        opened = _open_raw(path, out, glossaries, policy, max_bytes)
    source = opened.session.review.document.source
    if overwrites_source(opened.session.stem, source.path):
        raise InputError("saving would overwrite the input; choose another --out")
    if source.redecoded:
        opened.notes.insert(
            0,
            f"the page was mojibake from end to end ({source.redecoded}): "
            "re-decoded whole before cleaning",
        )
    recovered, problems = opened.session.recover()
    if recovered:
        opened.notes.append(
            f"recovered {recovered} unsaved changes from {opened.session.journal_path}"
        )
    opened.notes.extend(problems)
    return opened
