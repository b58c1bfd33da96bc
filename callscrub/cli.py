"""``callscrub``: the command line. Exit status 0 all inputs cleaned, 1 some failed,
2 bad usage. The batch path never imports the editor (``tui``)."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

import orjson

from annotations.glossary import KINDS, GlossaryError, add_entry
from annotations.writers import DEFAULT_FORMATS, WRITERS, write_atomic
from callscrub.batch import (
    DEFAULT_MAX_BYTES,
    InputError,
    Job,
    Options,
    Progress,
    Report,
    auto_workers,
    collect_jobs,
    context_for,
    decisions_for,
    document_from_bytes,
    in_job_order,
    mentions_job,
    read_at_most,
    read_input,
    run_jobs,
    summary,
    variant_table,
)
from callscrub.engines import Engine, make_engine
from callscrub.storage import local_path
from cleaners.consistency import Variant, variants
from cleaners.decode import DecodeError
from cleaners.pipeline import POLICIES, review_document

FORMAT_NAMES = {suffix.lstrip("."): suffix for suffix in WRITERS}


def _formats(value: str) -> tuple[str, ...]:
    names = [name.strip().lstrip(".") for name in value.split(",") if name.strip()]
    unknown = [name for name in names if name not in FORMAT_NAMES]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"unknown format {', '.join(unknown) or value!r}: choose from {', '.join(FORMAT_NAMES)}"
        )
    return tuple(FORMAT_NAMES[name] for name in names)


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="callscrub",
        description="Clean scraped earnings-call transcripts and show every change made.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    clean = commands.add_parser(
        "clean",
        help="clean files or folders headlessly",
        description="Clean transcripts: files, folders (*.txt, recursively), "
        "or - for stdin to stdout.",
    )
    clean.add_argument("paths", nargs="+", metavar="PATH")
    clean.add_argument(
        "--out",
        help="output folder or fsspec URL such as s3://bucket/out (required unless PATH is -)",
    )
    _apply_option(clean, "which proposals to apply")
    clean.add_argument(
        "--jobs",
        type=_positive,
        help="worker processes (default: one per core, at most 8, for inputs of 256 KB or "
        "more, else 1; with --engine dask and no --scheduler, the LocalCluster's workers, "
        "default 2)",
    )
    clean.add_argument(
        "--engine",
        choices=["local", "dask"],
        default="local",
        help="local worker processes (default), or a Dask distributed cluster",
    )
    clean.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="with --engine dask: the scheduler to use (tcp://host:8786); "
        "without it a LocalCluster is started on loopback",
    )
    clean.add_argument(
        "--max-bytes",
        type=_positive,
        default=DEFAULT_MAX_BYTES,
        help="skip larger inputs (default 50 MB)",
    )
    clean.add_argument(
        "--format",
        type=_formats,
        default=DEFAULT_FORMATS,
        help="comma-separated outputs to write (default "
        f"{','.join(suffix.lstrip('.') for suffix in DEFAULT_FORMATS)}; also tmx and pairs.jsonl "
        "for the translation pairs of bilingual pages)",
    )
    _glossary_option(clean)
    clean.add_argument(
        "--decisions",
        action="append",
        default=[],
        metavar="FILE.json",
        help="replay the accept/reject decisions stored in an earlier .json output "
        "(repeatable; matched to inputs by content)",
    )
    clean.add_argument(
        "--entities",
        type=Path,
        metavar="FILE.json",
        help="also write the cross-call report of variant spellings (as `entities` does)",
    )
    clean.add_argument(
        "--resume",
        action="store_true",
        help="do not clean again an input whose outputs are all there, with a .json made "
        "from the same bytes with the same options, or saved from the editor (to finish an "
        "interrupted run)",
    )
    clean.add_argument("--quiet", action="store_true", help="no progress and no summary")

    entities = commands.add_parser(
        "entities",
        help="report names spelled several ways across calls",
        description="Group calls by ticker and report variant spellings of one person or "
        "name, with a suggested canonical form.",
    )
    entities.add_argument("paths", nargs="+", metavar="PATH")
    entities.add_argument(
        "--json",
        type=Path,
        default=Path("entities.json"),
        help="where to write the report (default entities.json)",
    )
    entities.add_argument("--jobs", type=_positive, help="worker processes (default: as for clean)")
    _glossary_option(entities)

    edit = commands.add_parser(
        "edit",
        help="review proposals in the terminal editor and save an annotated copy",
        description="Open a raw transcript, the .json of an earlier run, or a folder in the "
        "editor. Saves go to --out, or beside the input as NAME.clean.*; never over the input.",
    )
    edit.add_argument("paths", nargs="+", metavar="PATH")
    edit.add_argument("--out", type=Path, help="where saves go (default: beside the input)")
    _apply_option(edit, "which proposals start accepted")
    _glossary_option(edit)

    glossary = commands.add_parser("glossary", help="edit a glossary file")
    glossary_commands = glossary.add_subparsers(dest="glossary_command", required=True)
    add = glossary_commands.add_parser(
        "add",
        help="add a canonical name, or a spelling of one (the file is created if need be)",
        description="Append NAME to FILE, with ALIAS as a known spelling of it if given. A "
        "person listed in a ticker's glossary names the turns a call gives only that "
        "person's first name.",
    )
    add.add_argument("file", type=Path, metavar="FILE")
    add.add_argument("name", metavar="NAME", help="the canonical spelling")
    add.add_argument("alias", metavar="ALIAS", nargs="?", help="a spelling to map to it")
    add.add_argument("--kind", choices=KINDS, default="term")
    add.add_argument(
        "--scope",
        metavar="TICKER",
        help="the ticker the file is for: a new file starts with it, an existing one must be it",
    )
    return parser


def _apply_option(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument(
        "--apply",
        choices=list(POLICIES),
        default="safe",
        help=f"{what}: safe (structural fixes and confident repairs; default), all, or none",
    )


def _glossary_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--glossary",
        action="append",
        default=[],
        metavar="FILE",
        help="a TOML glossary of canonical names (repeatable; later files override earlier)",
    )


def _clean_stdin(options: Options) -> int:
    data = read_at_most(sys.stdin.buffer, options.max_bytes)  # an endless stream stops here
    if len(data) > options.max_bytes:
        print(f"callscrub: -: input over the {options.max_bytes:,}-byte limit", file=sys.stderr)
        return 1
    try:
        document = document_from_bytes(data, "-")
        review = review_document(document, options.policy, context_for(options.glossaries))
    except DecodeError as error:
        print(f"callscrub: -: {error}", file=sys.stderr)
        return 1
    sys.stdout.write(review.rendering.text)
    return 0


def clean(args: argparse.Namespace) -> int:
    options = Options(
        args.out or ".",
        args.apply,
        args.max_bytes,
        args.format,
        tuple(args.glossary),
        tuple(args.decisions),
        args.resume,
    )
    try:
        context_for(options.glossaries)
        decisions_for(options.decisions)
    except (GlossaryError, ValueError) as error:
        print(f"callscrub: error: {error}", file=sys.stderr)
        return 2
    if args.paths == ["-"]:
        return _clean_stdin(options)
    if "-" in args.paths:
        print("callscrub: error: - (stdin) cannot be mixed with other inputs", file=sys.stderr)
        return 2
    if args.out is None:
        print("callscrub: error: --out DIR is required for files and folders", file=sys.stderr)
        return 2
    if args.scheduler and args.engine != "dask":
        print("callscrub: error: --scheduler needs --engine dask", file=sys.stderr)
        return 2
    if args.entities is not None and (problem := _report_path_problem(args.entities)):
        print(f"callscrub: error: --entities {args.entities}: {problem}", file=sys.stderr)
        return 2
    out_local = local_path(args.out)
    if out_local is not None and out_local.exists() and not out_local.is_dir():
        print(f"callscrub: error: --out {args.out} is not a folder", file=sys.stderr)
        return 2
    started = time.perf_counter()
    jobs, reports = collect_jobs(args.paths, args.out)
    for report in reports:
        print(f"callscrub: {report.path}: {report.error}", file=sys.stderr)
    if args.engine == "dask":
        workers = args.jobs or (1 if args.scheduler else 2)
    else:
        workers = args.jobs or auto_workers(jobs)
    try:
        engine = make_engine(args.engine, workers, args.scheduler)
    except OSError as error:
        print(f"callscrub: error: cannot reach the Dask scheduler: {error}", file=sys.stderr)
        return 2
    with engine:
        done = _run(engine, jobs, options, Progress(len(jobs), enabled=not args.quiet))
        found, notes = engine.variants(
            [r.mentions for r in done if r.mentions], context_for(options.glossaries).glossary
        )
    reports.extend(done)
    reported = args.entities is None or _write_report(args.entities, found, notes)
    if not args.quiet:
        print(summary(reports, time.perf_counter() - started))
        print(variant_table(found, notes))
    return 1 if any(r.error for r in reports) or not reported else 0


def _run(engine: Engine, jobs: list[Job], options: Options, progress: Progress) -> list[Report]:
    done: list[Report] = []
    for report in engine.run(jobs, options):
        progress.update(report)
        if report.error:
            if progress.tty and progress.enabled:
                sys.stderr.write("\n")
            print(f"callscrub: {report.path}: {report.error}", file=sys.stderr)
        for line in report.stale_decisions:
            print(f"callscrub: {report.path}: {line}", file=sys.stderr)
        done.append(report)
    progress.close()
    return in_job_order(done, jobs)


def _report_path_problem(path: Path) -> str | None:
    """Why the variant report could not be written at ``path``, if that shows before a run."""
    if path.is_dir():
        return "is a folder"
    for folder in path.parents:
        if folder.exists():
            return None if folder.is_dir() else f"{folder} is a file, not a folder"
    return None


def _write_report(path: Path, found: list[Variant], notes: list[str]) -> bool:
    """Write the variant report; one line on stderr, and False, when it cannot be."""
    try:
        write_atomic(path, _variants_json(found, notes))
    except OSError as error:
        print(f"callscrub: {path}: cannot write: {error.strerror or error}", file=sys.stderr)
        return False
    return True


def _variants_json(found: list[Variant], notes: list[str]) -> str:
    report = {
        "schema": "callscrub.entities/1",
        "variants": [variant.as_dict() for variant in found],
        "notes": notes,
    }
    return orjson.dumps(report, option=orjson.OPT_INDENT_2).decode() + "\n"


def entities(args: argparse.Namespace) -> int:
    # Nothing is written: the output names made from os.devnull are never used.
    options = Options(os.devnull, glossaries=tuple(args.glossary))
    if problem := _report_path_problem(args.json):
        print(f"callscrub: error: --json {args.json}: {problem}", file=sys.stderr)
        return 2
    try:
        glossary = context_for(options.glossaries).glossary
    except GlossaryError as error:
        print(f"callscrub: error: {error}", file=sys.stderr)
        return 2
    jobs, reports = collect_jobs(args.paths, options.out, writes=False)
    workers = args.jobs or auto_workers(jobs)
    reports.extend(in_job_order(run_jobs(jobs, options, workers, task=mentions_job), jobs))
    for report in reports:
        if report.error:
            print(f"callscrub: {report.path}: {report.error}", file=sys.stderr)
    found, notes = variants([r.mentions for r in reports if r.mentions], glossary)
    print(variant_table(found, notes))
    if not _write_report(args.json, found, notes):
        return 1
    print(f"callscrub: {len(found)} names with variant spellings; report in {args.json}")
    return 1 if any(r.error for r in reports) else 0


def glossary_add(args: argparse.Namespace) -> int:
    try:
        displaced = add_entry(args.file, args.name, args.kind, args.alias, args.scope)
    except (GlossaryError, OSError) as error:
        print(f"callscrub: error: {error}", file=sys.stderr)
        return 2
    added = f"{args.alias!r} -> {args.name!r}" if args.alias is not None else repr(args.name)
    print(f"callscrub: {args.file}: {added} ({args.kind})")
    for other in displaced:
        print(f"callscrub: note: {args.alias!r} no longer names {other!r}: the later entry wins")
    return 0


def edit(args: argparse.Namespace) -> int:
    # imported here so that the batch commands never load the editor
    from tui.app import make_editor

    try:
        context_for(tuple(args.glossary))
        app = make_editor(args.paths, args.out, args.glossary, args.apply)
    except (GlossaryError, ValueError) as error:
        print(f"callscrub: error: {error}", file=sys.stderr)
        return 2
    if len(args.paths) == 1 and Path(args.paths[0]).suffix == ".txt":
        # An unreadable page is named here, in one line, before the screen is taken over
        path = args.paths[0]
        try:
            document_from_bytes(read_input(path, DEFAULT_MAX_BYTES), path)
        except (InputError, DecodeError) as error:
            print(f"callscrub: {path}: {error}", file=sys.stderr)
            return 1
    app.run()
    return app.return_code or 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    commands = {"clean": clean, "entities": entities, "glossary": glossary_add, "edit": edit}
    try:
        return commands[args.command](args)
    except InputError as error:
        print(f"callscrub: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("callscrub: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return _stdout_closed()


#: The exit status of a command whose reader closed its output early (`| head`), as a
#: shell reports a program that SIGPIPE ended.
STDOUT_CLOSED = 141


def _stdout_closed() -> int:
    """The reader of standard output stopped reading: what is still buffered for it goes
    nowhere, quietly, instead of raising again when the stream is flushed."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return STDOUT_CLOSED


def run() -> NoReturn:
    """The console script: :func:`main`, then an exit that skips the interpreter's
    teardown. Freeing every module, cache and word list one object at a time takes
    15-20 ms, over a tenth of a run on one file, and nothing is left to do once ``main``
    has returned: its outputs are renamed into place and its workers joined."""
    status = main()
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        status = _stdout_closed()
    sys.stderr.flush()
    os._exit(status)


if __name__ == "__main__":
    run()
