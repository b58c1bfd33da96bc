"""``callscrub``: the command line. Exit status 0 all inputs cleaned, 1 some failed,
2 bad usage. The batch path never imports the editor (``tui``)."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from annotations.glossary import GlossaryError
from annotations.writers import WRITERS
from callscrub.batch import (
    DEFAULT_MAX_BYTES,
    InputError,
    Options,
    Progress,
    Report,
    collect_jobs,
    context_for,
    document_from_bytes,
    run_jobs,
    summary,
)
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
    clean.add_argument("--out", type=Path, help="output folder (required unless PATH is -)")
    clean.add_argument(
        "--apply",
        choices=list(POLICIES),
        default="safe",
        help="which proposals to apply: safe (structural fixes and confident repairs; "
        "default), all, or none",
    )
    clean.add_argument("--jobs", type=_positive, default=1, help="worker processes (default 1)")
    clean.add_argument(
        "--max-bytes",
        type=_positive,
        default=DEFAULT_MAX_BYTES,
        help="skip larger inputs (default 50 MB)",
    )
    clean.add_argument(
        "--format",
        type=_formats,
        default=tuple(WRITERS),
        help=f"comma-separated outputs to write (default all: {','.join(FORMAT_NAMES)})",
    )
    clean.add_argument(
        "--glossary",
        action="append",
        default=[],
        metavar="FILE",
        help="a TOML glossary of canonical names (repeatable; later files override earlier)",
    )
    clean.add_argument("--quiet", action="store_true", help="no progress and no summary")
    return parser


def _clean_stdin(options: Options) -> int:
    data = sys.stdin.buffer.read()
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
        args.out or Path("."), args.apply, args.max_bytes, args.format, tuple(args.glossary)
    )
    try:
        context_for(options.glossaries)
    except GlossaryError as error:
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
    if args.out.exists() and not args.out.is_dir():
        print(f"callscrub: error: --out {args.out} is not a folder", file=sys.stderr)
        return 2
    started = time.perf_counter()
    jobs, reports = collect_jobs(args.paths, args.out)
    for report in reports:
        print(f"callscrub: {report.path}: {report.error}", file=sys.stderr)
    progress = Progress(len(jobs), enabled=not args.quiet)
    done: list[Report] = []
    for report in run_jobs(jobs, options, args.jobs):
        progress.update(report)
        if report.error:
            if progress.tty and progress.enabled:
                sys.stderr.write("\n")
            print(f"callscrub: {report.path}: {report.error}", file=sys.stderr)
        done.append(report)
    progress.close()
    reports.extend(done)
    if not args.quiet:
        print(summary(reports, time.perf_counter() - started))
    return 1 if any(r.error for r in reports) else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    try:
        return clean(args)
    except InputError as error:
        print(f"callscrub: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("callscrub: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
