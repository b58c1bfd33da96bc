"""The headless batch: inputs to jobs, one file per job in worker processes, a summary.

Workers get file paths, never texts, and send back small reports. Each failure is one
line naming the file and the problem; the other files are still written.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO

import orjson

from annotations.model import Document, Source, Status, recorded_path
from annotations.writers import DEFAULT_FORMATS, WRITERS, sha256
from callscrub import __version__, storage
from callscrub.glossary_cache import load_context
from cleaners.consistency import Mentions, Variant, mentions
from cleaners.decode import DecodeError, decode
from cleaners.pipeline import prepare, review_document
from cleaners.registry import Context
from cleaners.structure import parse

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
#: What :func:`read_at_most` reads at a time past what it expects.
READ_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Options:
    out: str
    policy: str = "safe"
    max_bytes: int = DEFAULT_MAX_BYTES
    formats: tuple[str, ...] = DEFAULT_FORMATS
    glossaries: tuple[str, ...] = ()
    decisions: tuple[str, ...] = ()
    resume: bool = False


def context_for(glossaries: tuple[str, ...]) -> Context:
    """The cleaners' context for these glossary files, loaded once per process while the
    files stay as they are (large glossaries through the cache of
    :mod:`callscrub.glossary_cache`). A file changed meanwhile, as the editor's ``g``
    changes one, is read again: the next transcript opened sees the new entry.

    Raises ``GlossaryError`` (one line: file, line, key, problem) for a malformed file.
    """
    return _context_for(glossaries, tuple(_file_stamp(path) for path in glossaries))


def _file_stamp(path: str) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None  # reading it reports the problem
    return stat.st_mtime_ns, stat.st_size


@lru_cache(maxsize=4)
def _context_for(glossaries: tuple[str, ...], _stamps: tuple[object, ...]) -> Context:
    return load_context(glossaries)


@lru_cache(maxsize=4)
def run_record(
    policy: str, glossaries: tuple[str, ...], decisions: tuple[str, ...]
) -> dict[str, Any]:
    """What made an output, for its ``.json``: the callscrub version, the ``--apply``
    policy, and each glossary and decisions file with the sha256 of its bytes."""

    def files(paths: tuple[str, ...]) -> list[dict[str, str]]:
        return [
            {"path": recorded_path(path), "sha256": sha256(Path(path).read_bytes())}
            for path in paths
        ]

    return {
        "callscrub": __version__,
        "apply": policy,
        "glossaries": files(glossaries),
        "decisions": files(decisions),
    }


def _same_run(earlier: dict[str, Any], current: dict[str, Any]) -> bool:
    """Whether an earlier output was made as this run would make it (file paths aside)."""

    def identity(run: dict[str, Any]) -> tuple[object, ...]:
        return (
            run.get("callscrub"),
            run.get("apply"),
            [entry.get("sha256") for entry in run.get("glossaries", [])],
            [entry.get("sha256") for entry in run.get("decisions", [])],
        )

    return identity(earlier) == identity(current)


@dataclass(frozen=True)
class Job:
    """One input file and the stem its outputs get (``out/NAME`` + suffix): local paths
    or fsspec URLs, as strings, so that a job is cheap to send to a worker."""

    path: str
    stem: str


@dataclass
class Report:
    """What became of one input: small enough to send back from a worker."""

    path: str
    error: str = ""
    size: int = 0
    turns: int = 0
    edits: Counter[tuple[str, str]] = field(default_factory=Counter)  # (cleaner, status)
    uncertain: int = 0
    translations: int = 0
    unaligned: int = 0
    redecoded: str = ""  # the mojibake undone in the whole page, if it was one
    mentions: Mentions | None = None
    stale_decisions: list[str] = field(default_factory=list)
    skipped: bool = False  # --resume found its outputs already made from this input


class InputError(Exception):
    """A problem with one input that does not stop the batch."""


def _stem(relative: str, out: str) -> str:
    name = relative[:-4] if relative.lower().endswith(".txt") else relative
    local = storage.local_path(out)
    return str(local / name) if local is not None else f"{out.rstrip('/')}/{name}"


def _resolved(location: str) -> str:
    local = storage.local_path(location)
    return str(local.resolve()) if local is not None else location


def _expand(raw: str, out: str) -> tuple[list[Job], str]:
    """The jobs one PATH argument stands for, or the reason it stands for none."""
    path = storage.local_path(raw)
    if path is None:
        found = storage.list_texts(raw, out)
        if found is None:
            return [], "no such file or folder"
        if not found:
            return [], "folder holds no .txt files"
        return [Job(url, _stem(relative, out)) for url, relative in found], ""
    if path.is_dir():
        outputs = _output_folder_inside(path, out)
        texts = sorted(
            p
            for p in path.rglob("*.txt")
            # a broken link is kept so that it is reported, not skipped in silence
            if (p.is_file() or p.is_symlink())
            and (outputs is None or outputs not in p.resolve().parents)
        )
        if not texts:
            return [], "folder holds no .txt files"
        return [Job(str(p), _stem(p.relative_to(path).as_posix(), out)) for p in texts], ""
    if path.exists():
        return [Job(str(path), _stem(path.name, out))], ""
    return [], "no such file or folder"


def _output_folder_inside(folder: Path, out: str) -> Path | None:
    """The output folder, resolved, if it lies inside the input ``folder`` (``clean raw
    --out raw/clean``): what is found there is an earlier run's output, not an input. An
    output folder around the inputs (``clean data/raw --out data``) excludes nothing.

    >>> _output_folder_inside(Path("raw"), "raw/clean") == Path("raw/clean").resolve()
    True
    >>> _output_folder_inside(Path("data/raw"), "data") is None
    True
    """
    out_local = storage.local_path(out)
    if out_local is None:
        return None
    resolved = out_local.resolve()
    return resolved if folder.resolve() in resolved.parents else None


def collect_jobs(
    paths: Iterable[str], out: str, writes: bool = True
) -> tuple[list[Job], list[Report]]:
    """Expand files and folders (``*.txt``, recursively; local or fsspec URLs) into jobs
    with distinct outputs.

    Problems found here (a missing path, two inputs that would write the same output, an
    output that would overwrite an input) come back as failed reports. A run that only
    reads (``writes=False``: ``callscrub entities``) has no outputs to collide: it takes
    every input once, however many arguments name it.
    """
    jobs: list[Job] = []
    failures: list[Report] = []
    for raw in paths:
        try:
            found, problem = _expand(raw, out)
        except storage.StorageError as error:
            found, problem = [], str(error)
        jobs.extend(found)
        if problem:
            failures.append(Report(raw, error=problem))
    if not writes:
        return list({_resolved(job.path): job for job in jobs}.values()), failures
    inputs = {_resolved(job.path) for job in jobs}
    claimed: dict[str, str] = {}
    kept: list[Job] = []
    for job in jobs:
        stem = _resolved(job.stem)
        if any(f"{stem}{suffix}" in inputs for suffix in WRITERS):
            failures.append(
                Report(job.path, error="output would overwrite an input; choose another --out")
            )
        elif stem in claimed:
            failures.append(
                Report(
                    job.path,
                    error=f"same output names as {claimed[stem]}: clean their common "
                    "folder instead, or each into its own --out",
                )
            )
        else:
            claimed[stem] = job.path
            kept.append(job)
    return kept, failures


def read_at_most(stream: BinaryIO, limit: int, expected: int = 0) -> bytes:
    """At most ``limit + 1`` bytes of a buffered ``stream`` (one more than the limit tells
    that it was passed): ``expected`` of them in one read, the rest as they come.

    ``stream.read(limit + 1)`` would take a buffer of the limit's size from the allocator
    for every file, 50 MB by default, whatever the file's size. A buffered read returns
    less than it was asked for only at the end of the stream.

    >>> import io
    >>> read_at_most(io.BytesIO(b"Accutel"), 100, expected=7), read_at_most(io.BytesIO(b"x" * 9), 4)
    (b'Accutel', b'xxxxx')
    """
    chunks: list[bytes] = []
    total, size = 0, expected + 1 if expected else READ_CHUNK
    while total <= limit:
        asked = min(size, limit + 1 - total)
        chunk = stream.read(asked)
        chunks.append(chunk)
        total += len(chunk)
        if len(chunk) < asked:
            break
        size = READ_CHUNK
    return b"".join(chunks)


def read_input(location: Path | str, max_bytes: int) -> bytes:
    """An input's bytes, from a local path or an fsspec URL; ``InputError`` (one line)
    when it is too big or cannot be read."""
    path = location if isinstance(location, Path) else storage.local_path(location)
    if path is None:
        try:
            return storage.read_bytes(str(location), max_bytes)
        except storage.StorageError as error:
            raise InputError(str(error)) from None
    try:
        status = path.stat()
        if stat.S_ISDIR(status.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(status.st_mode):
            # /dev/zero would be read until memory ran out; a pipe would wait for a writer
            raise InputError(
                "not a regular file (a device, pipe or socket); "
                "pipe a stream into 'callscrub clean -' instead"
            )
        if status.st_size > max_bytes:
            raise InputError(storage.over_limit(status.st_size, max_bytes))
        with path.open("rb") as stream:
            data = read_at_most(stream, max_bytes, status.st_size)
        if len(data) > max_bytes:
            raise InputError(f"file grew past the {max_bytes:,}-byte limit while it was read")
        return data
    except PermissionError:
        raise InputError("cannot read: permission denied") from None
    except IsADirectoryError:
        raise InputError("is a folder, not a file") from None
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}") from None


def document_from_bytes(data: bytes, path: str) -> Document:
    decoded = decode(data)
    return Document(
        decoded.text,
        Source(
            recorded_path(path),
            sha256(data),
            decoded.encoding,
            len(data),
            decoded.bom,
            decoded.newlines,
            decoded.redecoded,
        ),
    )


@lru_cache(maxsize=4)
def decisions_for(paths: tuple[str, ...]) -> dict[str, list[dict[str, Any]]]:
    """Earlier outputs' edit records by the sha256 of the input they were made from.

    Raises ``ValueError`` (one line naming the file) for a file that is not an output.
    """
    found: dict[str, list[dict[str, Any]]] = {}
    for path in paths:
        try:
            data = orjson.loads(Path(path).read_bytes())
            found.setdefault(data["source"]["sha256"], []).extend(data["edits"])
        except (OSError, orjson.JSONDecodeError, KeyError, TypeError) as error:
            raise ValueError(f"{path}: not a callscrub .json output ({error})") from None
    return found


def _load(job: Job, options: Options, report: Report) -> Document:
    data = read_input(job.path, options.max_bytes)
    report.size = len(data)
    return document_from_bytes(data, job.path)


def clean_job(job: Job, options: Options) -> Report:
    """Clean one file and write its outputs; any failure becomes the report's error.

    With ``options.resume``, a file whose outputs are all there, with a ``.json`` made
    from the same bytes, is not cleaned again: its report is read from that ``.json``.
    """
    report = Report(job.path)
    context = context_for(options.glossaries)
    try:
        document = _load(job, options, report)
        report.redecoded = document.source.redecoded or ""
        page = parse(document.text)
        if options.resume and _read_earlier_report(job, options, document, report):
            report.mentions = mentions(page, job.path, context)
            context.forget_page()
            return report
        review = review_document(document, options.policy, context, page)
        recorded = decisions_for(options.decisions).get(document.source.sha256, [])
        if recorded:
            _, report.stale_decisions = review.replay(recorded)
        review.run = dict(run_record(options.policy, options.glossaries, options.decisions))
        found = mentions(page, job.path, context)  # before writing: a failure writes nothing
        # The outputs need the review only: the page's lines go before they are made,
        # which is when a worker's memory peaks.
        del page
        context.forget_page()
        try:
            storage.write_all(review, job.stem, options.formats)
        except OSError as error:
            raise InputError(f"cannot write {job.stem}.*: {error.strerror or error}") from None
        except storage.StorageError as error:
            raise InputError(str(error)) from None
        report.mentions = found
    except (InputError, DecodeError) as error:
        report.error = str(error)
        return report
    except Exception as error:  # a bug of callscrub's own: this file fails, the batch goes on
        report.error = internal_error(error)
        return report
    report.turns = len(review.turns)
    report.edits = Counter({(c, s.value): n for (c, s), n in review.counts().items()})
    _count_annotations(report, [(a.kind, a.body) for a in review.proposals.annotations])
    return report


def internal_error(error: Exception) -> str:
    """One line for a failure that is callscrub's bug, not the input's: where it happened,
    so that a report of it can be acted on.

    >>> try:
    ...     {}["speaker"]
    ... except KeyError as error:
    ...     print(internal_error(error))  # doctest: +ELLIPSIS
    callscrub's own error, please report it with this file: KeyError: 'speaker' (at <doc...>:2)
    """
    frame = traceback.extract_tb(error.__traceback__)[-1]
    where = f"{Path(frame.filename).name}:{frame.lineno}"
    message = " ".join(f"{type(error).__name__}: {error}".split())
    return f"callscrub's own error, please report it with this file: {message} (at {where})"


def _count_annotations(report: Report, annotations: list[tuple[str, dict[str, Any]]]) -> None:
    report.uncertain = sum(1 for kind, _ in annotations if kind == "uncertain")
    translations = [body for kind, body in annotations if kind == "translation"]
    report.translations = len(translations)
    report.unaligned = sum(1 for body in translations if not body.get("aligned"))


def _read_earlier_report(job: Job, options: Options, document: Document, report: Report) -> bool:
    """Fill ``report`` from the ``.json`` an earlier run wrote for this very input, if every
    output ``options`` asks for is there and it was made with the same options, or by a
    person in the editor, or by a callscrub that did not record its options; False when
    the input must be cleaned."""
    if not all(storage.exists(f"{job.stem}{suffix}") for suffix in options.formats):
        return False
    earlier = storage.read_earlier(f"{job.stem}.json")
    try:
        data = orjson.loads(earlier or b"")
        if data["source"]["sha256"] != document.source.sha256:
            return False
        made = data.get("run")
        current = run_record(options.policy, options.glossaries, options.decisions)
        if made is not None and not made.get("edited") and not _same_run(made, current):
            return False
        edits = Counter((edit["cleaner"], edit["status"]) for edit in data["edits"])
        turns = len(data["turns"])
        annotations = [(a["kind"], a["body"]) for a in data["annotations"]]
    except (orjson.JSONDecodeError, KeyError, TypeError, AttributeError):
        return False  # not an output this run can read: clean again, which rewrites it
    report.turns, report.edits, report.skipped = turns, edits, True
    _count_annotations(report, annotations)
    return True


def mentions_job(job: Job, options: Options) -> Report:
    """Read one file for the names it mentions; writes nothing."""
    report = Report(job.path)
    context = context_for(options.glossaries)
    try:
        page = parse(_load(job, options, report).text)
        report.mentions = mentions(page, job.path, context)
        context.forget_page()
    except (InputError, DecodeError) as error:
        report.error = str(error)
        return report
    except Exception as error:  # as in clean_job
        report.error = internal_error(error)
        return report
    report.turns = len(page.turns)
    return report


Task = Callable[[Job, Options], Report]


def run_chunk(task: Task, jobs: list[Job], options: Options) -> list[Report]:
    return [task(job, options) for job in jobs]


#: Below this much input, starting a worker pool (about 20 ms) costs more than it saves.
POOL_WORTH_BYTES = 256 * 1024
#: The most workers a run starts unasked: each may hold about ten times its largest input.
AUTO_WORKERS_MAX = 8
#: Files a worker process gets at a time at most: enough to spare most of the cost of
#: sending a task, few enough that the workers stay even.
FILES_PER_TASK = 4
#: Tasks per worker a schedule aims for while files remain, so that the tail is short.
TASKS_PER_WORKER = 4


def auto_workers(jobs: Sequence[Job]) -> int:
    """Worker processes when ``--jobs`` is not given: one per core this process may use (at
    most ``AUTO_WORKERS_MAX``), no more than there are files, and one when the inputs are
    too small to pay for the pool. Remote inputs (fsspec URLs) run in one process unless
    ``--jobs`` says otherwise: their sizes are not known without asking the store."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    most = min(cores or 1, AUTO_WORKERS_MAX, len(jobs))
    if most <= 1:
        return 1
    size = 0
    for job in jobs:
        local = storage.local_path(job.path)
        if local is None:
            return 1
        with contextlib.suppress(OSError):  # unreadable: its job reports that
            size += local.stat().st_size
        if size >= POOL_WORTH_BYTES:
            return most
    return 1


def input_size(job: Job) -> int:
    """The size of a job's input in bytes; 0 for a remote input (its size is not known
    without asking the store) or one that cannot be read (its job reports that)."""
    local = storage.local_path(job.path)
    if local is None:
        return 0
    try:
        return local.stat().st_size
    except OSError:
        return 0


def schedule(jobs: Sequence[Job], workers: int, most_per_task: int) -> list[list[Job]]:
    """``jobs`` in tasks for ``workers``: the largest inputs first, and tasks that shrink
    to one file each as the jobs run out, so that the last tasks are short ones and no
    worker waits long for another at the end. Remote inputs, of no known size, go last in
    the order given. Each task holds at most ``most_per_task`` files and about one
    ``TASKS_PER_WORKER``-th of a worker's share of what is left.

    >>> jobs = [Job(f"{n}.txt", f"out/{n}") for n in range(40)]
    >>> [len(task) for task in schedule(jobs, 2, 4)]
    [4, 4, 4, 3, 3, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]
    >>> [len(task) for task in schedule(jobs, 2, 2)][:3], schedule([], 2, 4)
    ([2, 2, 2], [])
    """
    ordered = sorted(jobs, key=input_size, reverse=True)  # stable: ties keep their order
    tasks: list[list[Job]] = []
    start = 0
    while start < len(ordered):
        size = max(1, min(most_per_task, (len(ordered) - start) // (workers * TASKS_PER_WORKER)))
        tasks.append(ordered[start : start + size])
        start += size
    return tasks


def run_jobs(
    jobs: list[Job], options: Options, workers: int, task: Task = clean_job
) -> Iterator[Report]:
    """Reports in completion order; ``workers`` > 1 uses that many processes."""
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            yield task(job, options)
        return
    # Imported here: with multiprocessing and logging it costs 15 ms, which a --jobs 1
    # run (and every run on one file) would pay for nothing.
    from concurrent.futures import ProcessPoolExecutor, as_completed

    if task is clean_job:
        prepare(context_for(options.glossaries))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [
            pool.submit(run_chunk, task, chunk, options)
            for chunk in schedule(jobs, workers, FILES_PER_TASK)
        ]
        for future in as_completed(futures):
            yield from future.result()


def in_job_order(reports: Iterable[Report], jobs: Sequence[Job]) -> list[Report]:
    """``reports`` in the order of their ``jobs``: workers finish in any order, and what a
    run reports (its summary, its consistency report) must be the same on every run.

    >>> jobs = [Job("a.txt", "out/a"), Job("b.txt", "out/b")]
    >>> [r.path for r in in_job_order([Report("b.txt"), Report("a.txt")], jobs)]
    ['a.txt', 'b.txt']
    """
    place = {job.path: number for number, job in enumerate(jobs)}
    return sorted(reports, key=lambda report: place.get(report.path, len(place)))


class Progress:
    """A bar on a terminal, one plain line per file otherwise (logs, CI)."""

    def __init__(self, total: int, stream: object = sys.stderr, enabled: bool = True) -> None:
        self.total = total
        self.done = 0
        self.bytes = 0
        self.started = time.perf_counter()
        self.stream = stream
        self.enabled = enabled
        self.tty = bool(getattr(stream, "isatty", lambda: False)())

    def _write(self, text: str) -> None:
        self.stream.write(text)  # type: ignore[attr-defined]
        self.stream.flush()  # type: ignore[attr-defined]

    def update(self, report: Report) -> None:
        self.done += 1
        self.bytes += report.size
        if not self.enabled:
            return
        if self.tty:
            width = 30
            filled = width * self.done // max(self.total, 1)
            rate = self.bytes / 1e6 / max(time.perf_counter() - self.started, 1e-9)
            self._write(
                f"\r[{'#' * filled}{'.' * (width - filled)}] "
                f"{self.done}/{self.total} files {rate:.1f} MB/s"
            )
        elif not report.error:
            done = " (already clean)" if report.skipped else ""
            self._write(f"[{self.done}/{self.total}] {report.path}: {report.turns} turns{done}\n")

    def close(self) -> None:
        if self.enabled and self.tty:
            self._write("\n")


def summary(reports: list[Report], seconds: float) -> str:
    """The closing summary: files, turns, edits by cleaner and status, uncertain spans."""
    cleaned = [r for r in reports if not r.error]
    failed = len(reports) - len(cleaned)
    size = sum(r.size for r in cleaned)
    edits: Counter[tuple[str, str]] = Counter()
    for report in cleaned:
        edits.update(report.edits)
    skipped = sum(r.skipped for r in cleaned)
    already = f" ({skipped} already clean, not redone: --resume)" if skipped else ""
    lines = [
        f"callscrub: {len(cleaned)} files cleaned{already}, {failed} failed, "
        f"{sum(r.turns for r in cleaned)} turns, {size / 1e6:.2f} MB in {seconds:.2f} s",
    ]
    cleaners = sorted({cleaner for cleaner, _ in edits})
    if cleaners:
        statuses = [s.value for s in Status]
        lines.append(f"  {'edits by cleaner':<18}" + "".join(f"{s:>10}" for s in statuses))
        for cleaner in cleaners:
            lines.append(f"  {cleaner:<18}" + "".join(f"{edits[cleaner, s]:>10}" for s in statuses))
    lines.append(f"  uncertain spans: {sum(r.uncertain for r in cleaned)}")
    translations = sum(r.translations for r in cleaned)
    if translations:
        unaligned = sum(r.unaligned for r in cleaned)
        lines.append(
            f"  translations: {translations - unaligned} aligned, "
            f"{unaligned} not aligned (kept on their turns)"
        )
        lines.extend(f"    {r.path}: {r.unaligned} not aligned" for r in cleaned if r.unaligned)
    redecoded = [r for r in cleaned if r.redecoded]
    if redecoded:
        lines.append(f"  mojibake from end to end, re-decoded whole: {len(redecoded)}")
        lines.extend(f"    {r.path}: {r.redecoded}" for r in redecoded)
    return "\n".join(lines)


def variant_table(found: list[Variant], notes: list[str]) -> str:
    """Variant spellings across calls, one line per name, canonical first; each column as
    wide as its longest cell, so long spellings never run into the next column.

    >>> long = Variant("AOS", "person", "Chuck Lauber", "used in more calls",
    ...                (("Chuck Lauber", 21, 3), ("Charles T. Lauber", 42, 2)))
    >>> print(variant_table([long], []))
      group  kind    canonical     spelling (mentions/calls)                      why
      AOS    person  Chuck Lauber  Chuck Lauber (21/3), Charles T. Lauber (42/2)  used in more calls
    """
    if found:
        rows = [("group", "kind", "canonical", "spelling (mentions/calls)", "why")]
        for variant in found:
            spellings = ", ".join(f"{s} ({m}/{c})" for s, m, c in variant.spellings)
            rows.append((variant.group, variant.kind, variant.canonical, spellings, variant.why))
        widths = [max(len(row[column]) for row in rows) + 2 for column in range(4)]
        lines = ["  " + "".join(map(str.ljust, row[:-1], widths)) + row[-1] for row in rows]
    else:
        lines = ["  no variant spellings across calls"]
    return "\n".join(lines + _notes_shown(notes))


#: Notes shown under the variant table; the rest are counted (every note is in the JSON).
SHOWN_NOTES = 3


def _notes_shown(notes: list[str]) -> list[str]:
    """A few notes and a count of the rest: a folder of flat pages (layout B, no header)
    gives one note a call, which buried the table.

    >>> print("\\n".join(_notes_shown([f"n{number}" for number in range(5)])))
      note: n0
      note: n1
      note: and 3 more (all in the JSON report: clean --entities FILE, entities --json FILE)
    """
    if len(notes) <= SHOWN_NOTES:
        return [f"  note: {note}" for note in notes]
    shown = [f"  note: {note}" for note in notes[: SHOWN_NOTES - 1]]
    rest = len(notes) - len(shown)
    report = "the JSON report: clean --entities FILE, entities --json FILE"
    return [*shown, f"  note: and {rest} more (all in {report})"]
