"""`callscrub clean` as a user runs it: real files, real processes, exit codes as API."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotations.model import Status
from annotations.writers import read_json
from callscrub import __version__
from callscrub.batch import (
    AUTO_WORKERS_MAX,
    POOL_WORTH_BYTES,
    Job,
    auto_workers,
    collect_jobs,
    document_from_bytes,
)
from callscrub.cli import main
from callscrub.editing import open_for_editing
from cleaners import CLEANERS
from cleaners.pipeline import review_document
from cleaners.registry import Context, Proposal
from cleaners.structure import Page
from tests.conftest import EXAMPLES, SEEDS, callscrub, needs_seeds

SUFFIXES = (".txt", ".json", ".review.md", ".annotations.jsonld")


@needs_seeds
def test_cleans_the_seeds_folder(tmp_path: Path) -> None:
    result = callscrub("clean", str(SEEDS[0].parent), "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    for source in SEEDS:
        for suffix in SUFFIXES:
            assert (tmp_path / f"{source.stem}{suffix}").stat().st_size > 0
    summary = result.stdout.decode()
    assert "4 files cleaned, 0 failed, 457 turns" in summary
    assert "layout" in summary and "uncertain spans:" in summary
    assert not list(tmp_path.glob(".*.tmp"))


@needs_seeds
def test_the_summary_names_each_page_redecoded_whole(tmp_path: Path) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    page = SEEDS[0].read_text(encoding="utf-8")
    (inputs / "sound.txt").write_text(page, encoding="utf-8")
    (inputs / "mojibake.txt").write_text(page.encode().decode("latin-1"), encoding="utf-8")
    result = callscrub("clean", str(inputs), "--out", str(out))
    assert result.returncode == 0, result.stderr
    summary = result.stdout.decode().splitlines()
    start = summary.index("  mojibake from end to end, re-decoded whole: 1")
    assert (
        summary[start + 1]
        == f"    {inputs / 'mojibake.txt'}: utf-8 read as windows-1252 or latin-1"
    )
    sound, repaired = (
        json.loads((out / f"{name}.json").read_text()) for name in ("sound", "mojibake")
    )
    assert "redecoded" not in sound["source"]
    assert repaired["source"]["redecoded"] == "utf-8 read as windows-1252 or latin-1"
    assert (out / "mojibake.txt").read_text() == (out / "sound.txt").read_text()
    # the editor says so when it opens the page or its output
    for path in (inputs / "mojibake.txt", out / "mojibake.json"):
        assert open_for_editing(path, tmp_path / "edits").notes[0] == (
            "the page was mojibake from end to end (utf-8 read as windows-1252 or latin-1): "
            "re-decoded whole before cleaning"
        )


def test_bad_inputs_fail_alone_with_one_clear_line(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    good = inputs / "good.txt"
    good.write_text("Operator\n\nWelcome to the call.\n", encoding="utf-8")
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 20)
    (inputs / "huge.txt").write_text("Operator\n\n" + "word " * 100, encoding="utf-8")
    (inputs / "gone.txt").symlink_to(tmp_path / "missing-target.txt")
    pipe = tmp_path / "pipe.txt"  # once waited for a writer forever, as /dev/zero read on
    os.mkfifo(pipe)
    out = tmp_path / "out"
    result = callscrub(
        "clean",
        str(inputs),
        str(tmp_path / "nowhere.txt"),
        str(pipe),
        "--out",
        str(out),
        "--max-bytes",
        "300",
    )
    assert result.returncode == 1
    lines = result.stderr.decode().strip().splitlines()
    errors = [line for line in lines if line.startswith("callscrub: ")]
    assert [line for line in lines if not line.startswith("callscrub: ")] == [
        f"[4/6] {inputs / 'good.txt'}: 1 turns"
    ], "besides errors, only the plain progress line of the good file"
    by_file = {line.split(": ")[1]: line for line in errors}
    assert by_file[str(inputs / "empty.txt")].endswith("empty file")
    assert by_file[str(inputs / "binary.txt")].endswith("binary file (NUL bytes)")
    assert "over the 300-byte limit" in by_file[str(inputs / "huge.txt")]
    assert by_file[str(tmp_path / "nowhere.txt")].endswith("no such file or folder")
    assert "cannot read" in by_file[str(inputs / "gone.txt")]
    assert "not a regular file" in by_file[str(pipe)]
    assert len(errors) == 6, errors
    assert (out / "good.txt").read_text(
        encoding="utf-8"
    ) == "Earnings Call Transcript\n\nOperator\n\nWelcome to the call.\n"
    assert sorted(p.name for p in out.iterdir()) == sorted(f"good{s}" for s in SUFFIXES)


def test_unwritable_output_is_reported_and_leaves_nothing_partial(tmp_path: Path) -> None:
    source = tmp_path / "call.txt"
    source.write_text("Operator\n\nHello.\n", encoding="utf-8")
    out = tmp_path / "out"
    (out / "call.json").mkdir(parents=True)  # a folder where a file must go
    result = callscrub("clean", str(source), "--out", str(out))
    assert result.returncode == 1
    assert f"callscrub: {source}: cannot write" in result.stderr.decode()
    assert sorted(p.name for p in out.iterdir()) == ["call.json"], "no partial or temporary files"


def test_an_input_is_never_overwritten(tmp_path: Path) -> None:
    source = tmp_path / "call.txt"
    original = "  • Operator\n\n  • Hello.\n"
    source.write_text(original, encoding="utf-8")
    result = callscrub("clean", str(source), "--out", str(tmp_path))
    assert result.returncode == 1
    assert "output would overwrite an input" in result.stderr.decode()
    assert source.read_text(encoding="utf-8") == original


def test_two_folders_with_the_same_file_names_say_how_to_clean_both(tmp_path: Path) -> None:
    for layout in ("A", "B"):
        (tmp_path / layout).mkdir()
        (tmp_path / layout / "call.txt").write_text("Operator\n\nHello.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = callscrub(
        "clean", str(tmp_path / "A"), str(tmp_path / "B"), "--out", str(out), "--quiet"
    )
    assert result.returncode == 1
    assert result.stderr.decode().splitlines() == [
        f"callscrub: {tmp_path / 'B' / 'call.txt'}: same output names as "
        f"{tmp_path / 'A' / 'call.txt'}: clean their common folder instead, or each into its "
        "own --out"
    ]
    assert (out / "call.txt").read_text(encoding="utf-8").endswith("Operator\n\nHello.\n")


@pytest.mark.parametrize(
    ("out", "cleaned"),
    [
        # an output folder around the inputs: every file of theirs was once skipped, as if
        # it were an earlier output ("folder holds no .txt files")
        ("data", ["a", "sub/b"]),
        # an output folder inside the input folder: what is there is not cleaned again
        ("data/raw/clean", ["a", "sub/b"]),
    ],
)
def test_output_folders_inside_and_around_the_inputs(
    tmp_path: Path, out: str, cleaned: list[str]
) -> None:
    raw = tmp_path / "data" / "raw"
    (raw / "sub").mkdir(parents=True)
    for name in ("a", "sub/b"):
        (raw / f"{name}.txt").write_text("  • Operator\n\n  • Hello.\n", encoding="utf-8")
    for _ in range(2):  # the second run finds the first one's outputs when they are inside
        assert main(["clean", str(raw), "--out", str(tmp_path / out), "--quiet"]) == 0
    written = sorted(p.relative_to(tmp_path / out) for p in (tmp_path / out).rglob("*.json"))
    assert written == [Path(f"{name}.json") for name in cleaned]


def test_stdin_to_stdout() -> None:
    result = callscrub("clean", "-", stdin="  • Operator\n\n  • Hi (inaudible) all.".encode())
    assert result.returncode == 0
    assert result.stdout.decode() == "Earnings Call Transcript\n\nOperator\n\nHi [Inaudible] all.\n"


def test_stdin_over_the_limit_is_refused_without_reading_it_all() -> None:
    with open("/dev/zero", "rb") as endless:  # once read until memory ran out
        result = subprocess.run(
            [sys.executable, "-m", "callscrub", "clean", "-", "--max-bytes", "1000"],
            stdin=endless,
            capture_output=True,
            check=False,
            timeout=60,
        )
    assert result.returncode == 1 and result.stdout == b""
    assert result.stderr.decode() == "callscrub: -: input over the 1,000-byte limit\n"


@pytest.mark.parametrize(
    "args",
    [
        ["clean", "x.txt"],
        ["clean", "x.txt", "--out", "o", "--apply", "some"],
        ["clean", "x", "--jobs", "0"],
        ["nope"],
    ],
)
def test_bad_usage_exits_2(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(args) == 2


@needs_seeds
def test_two_workers_write_the_same_bytes_as_one(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    assert main(["clean", str(SEEDS[0].parent), "--out", str(one), "--quiet"]) == 0
    assert main(["clean", str(SEEDS[0].parent), "--out", str(two), "--quiet", "--jobs", "2"]) == 0
    for path in one.iterdir():
        assert (two / path.name).read_bytes() == path.read_bytes()


@needs_seeds
@pytest.mark.parametrize("policy", ["safe", "all", "none"])
def test_reading_the_json_back_restores_every_edit_and_decision(
    policy: str, tmp_path: Path
) -> None:
    source = SEEDS[2]
    assert main(["clean", str(source), "--out", str(tmp_path), "--quiet", "--apply", policy]) == 0
    data = json.loads((tmp_path / f"{source.stem}.json").read_text(encoding="utf-8"))
    original = review_document(document_from_bytes(source.read_bytes(), str(source)), policy)
    restored = read_json(data, original.document.text)
    assert restored.edits == original.edits
    assert restored.status == original.status
    assert restored.rendering.text == (tmp_path / f"{source.stem}.txt").read_text(encoding="utf-8")
    if policy == "none":
        assert set(restored.status.values()) <= {Status.PROPOSED, Status.REJECTED}


def test_a_changed_source_is_refused_on_read_back(tmp_path: Path) -> None:
    source = tmp_path / "call.txt"
    source.write_text("  • Operator\n\n  • Hello.\n", encoding="utf-8")
    assert main(["clean", str(source), "--out", str(tmp_path / "o"), "--quiet"]) == 0
    data = json.loads((tmp_path / "o" / "call.json").read_text(encoding="utf-8"))
    with pytest.raises(ValueError, match="no longer matches"):
        read_json(data, "Operator\n\nHello.\n")


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [("end", 10_000, "outside a text"), ("confidence", 1.5, "outside \\[0, 1\\]")],
)
def test_a_tampered_edit_is_refused_on_read_back(
    field: str, value: object, problem: str, tmp_path: Path
) -> None:
    source = tmp_path / "call.txt"
    source.write_text("  • Operator\n\n  • Hello  there.\n", encoding="utf-8")
    assert main(["clean", str(source), "--out", str(tmp_path / "o"), "--quiet"]) == 0
    data = json.loads((tmp_path / "o" / "call.json").read_text(encoding="utf-8"))
    last = data["edits"][-1]
    last[field] = value
    if field == "end":
        last["original"] = source.read_text(encoding="utf-8")[last["start"] :]
    with pytest.raises(ValueError, match=f"edit {last['id']}: .*{problem}"):
        read_json(data, source.read_text(encoding="utf-8"))


def test_examples_clean_to_their_expected_outputs(tmp_path: Path) -> None:
    inputs = EXAMPLES / "transcripts"
    assert (
        main(
            [
                "clean",
                str(inputs),
                "--out",
                str(tmp_path),
                "--quiet",
                "--format",
                "txt,json",
                "--glossary",
                str(EXAMPLES / "glossaries" / "hlrb.toml"),
            ]
        )
        == 0
    )
    expected = EXAMPLES / "expected"
    names = sorted(p.name for p in expected.iterdir())
    assert names == sorted(p.name for p in tmp_path.iterdir())
    for name in names:
        got = (tmp_path / name).read_text(encoding="utf-8")
        want = (expected / name).read_text(encoding="utf-8")
        if name.endswith(".json"):
            got_data, want_data = json.loads(got), json.loads(want)
            for data in (got_data, want_data):  # paths depend on where the test runs
                data["source"]["path"] = ""
                for glossary in data["run"]["glossaries"]:
                    glossary["path"] = ""
            assert got_data == want_data, name
        else:
            assert got == want, name


def test_progress_lines_when_not_a_tty(tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / "transcripts" / "bullets.txt", tmp_path / "a.txt")
    result = callscrub("clean", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o"))
    assert result.returncode == 0
    assert f"[1/1] {tmp_path / 'a.txt'}: " in result.stderr.decode()
    assert os.listdir(tmp_path / "o")


@needs_seeds
def test_resume_redoes_only_what_is_missing_or_stale(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    shutil.copytree(SEEDS[0].parent, inputs, ignore=shutil.ignore_patterns("*.md"))
    out = tmp_path / "out"
    first = callscrub("clean", str(inputs), "--out", str(out))
    assert first.returncode == 0, first.stderr
    stems = sorted(path.stem for path in inputs.glob("*.txt"))
    untouched, removed, changed, corrupt = stems
    (out / f"{removed}.review.md").unlink()
    (inputs / f"{changed}.txt").write_bytes((inputs / f"{changed}.txt").read_bytes() + b"\nOk.\n")
    (out / f"{corrupt}.json").write_text("{not json", encoding="utf-8")
    before = {path.name: path.stat().st_mtime_ns for path in out.iterdir()}

    again = callscrub("clean", str(inputs), "--out", str(out), "--resume")

    assert again.returncode == 0, again.stderr
    after = {path.name: path.stat().st_mtime_ns for path in out.iterdir()}
    rewritten = {name.split(".")[0] for name in after if after[name] != before.get(name)}
    assert rewritten == {removed, changed, corrupt}
    assert all(
        after[f"{untouched}{suffix}"] == before[f"{untouched}{suffix}"] for suffix in SUFFIXES
    )
    summary = again.stdout.decode()
    assert "4 files cleaned (1 already clean, not redone: --resume), 0 failed" in summary
    # the summary and the cross-call table read the same as a full run's
    full = callscrub("clean", str(inputs), "--out", str(tmp_path / "full"))
    assert summary.splitlines()[1:] == full.stdout.decode().splitlines()[1:]
    progress = again.stderr.decode()
    assert re.search(rf"{untouched}\.txt: \d+ turns \(already clean\)", progress)
    assert not re.search(rf"{changed}\.txt: \d+ turns \(already clean\)", progress)


@needs_seeds
def test_resume_redoes_outputs_of_other_options_but_never_what_a_person_saved(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    assert callscrub("clean", str(SEEDS[0].parent), "--out", str(out)).returncode == 0
    made = json.loads((out / f"{SEEDS[0].stem}.json").read_text(encoding="utf-8"))["run"]
    assert made == {"callscrub": __version__, "apply": "safe", "glossaries": [], "decisions": []}
    edited = SEEDS[1].stem
    opened = open_for_editing(out / f"{edited}.json")
    opened.session.save()
    saved = json.loads((out / f"{edited}.json").read_text(encoding="utf-8"))["run"]
    assert saved == {**made, "edited": True}
    before = {path.name: path.stat().st_mtime_ns for path in out.iterdir()}

    glossary = EXAMPLES / "glossaries" / "smsi.toml"
    again = callscrub(
        "clean", str(SEEDS[0].parent), "--out", str(out), "--resume", "--glossary", str(glossary)
    )

    assert again.returncode == 0, again.stderr
    assert "4 files cleaned (1 already clean, not redone: --resume)" in again.stdout.decode()
    after = {path.name: path.stat().st_mtime_ns for path in out.iterdir()}
    kept = {name.split(".")[0] for name in after if after[name] == before.get(name)}
    assert kept == {edited}
    redone = json.loads((out / f"{SEEDS[0].stem}.json").read_text(encoding="utf-8"))["run"]
    assert redone["glossaries"] == [
        {"path": str(glossary), "sha256": hashlib.sha256(glossary.read_bytes()).hexdigest()}
    ]


def test_a_bug_on_one_file_fails_that_file_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A page of one Han character langdetect knows nothing of once raised out of the
    # language cleaner and ended the whole batch with a traceback. The fault is injected
    # here as a cleaner of its own, so the test outlives that bug's fix.
    def faulty(page: Page, context: Context) -> Iterator[Proposal]:
        if "BOOM" in page.text:
            raise ValueError("no language features in 'BOOM'")
        yield from ()

    monkeypatch.setitem(CLEANERS, "faulty", faulty)
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text("Operator\nBOOM.\n", encoding="utf-8")
    (inputs / "b.txt").write_text("Operator\nWelcome.\n", encoding="utf-8")
    assert main(["clean", str(inputs), "--out", str(tmp_path / "out"), "--quiet"]) == 1
    errors = capsys.readouterr().err.strip().splitlines()
    assert len(errors) == 1
    assert errors[0].startswith(f"callscrub: {inputs / 'a.txt'}: callscrub's own error")
    assert "ValueError: no language features in 'BOOM' (at test_clean_cli.py:" in errors[0]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(f"b{s}" for s in SUFFIXES)


def test_workers_unasked_one_per_core_when_the_inputs_pay_for_the_pool(tmp_path: Path) -> None:
    cores = len(os.sched_getaffinity(0))
    small = [tmp_path / f"small{n}.txt" for n in range(12)]
    for path in small:
        path.write_text("Operator\nHi.\n", encoding="utf-8")
    large = [tmp_path / f"large{n}.txt" for n in range(12)]
    for path in large:
        path.write_text("Operator\n" + "Revenue grew. " * 2_000, encoding="utf-8")  # 28 KB
    assert 2 * large[0].stat().st_size < POOL_WORTH_BYTES <= 12 * large[0].stat().st_size
    jobs = {
        name: collect_jobs([str(p) for p in paths], str(tmp_path / "out"))[0]
        for name, paths in (("small", small), ("large", large))
    }
    assert auto_workers(jobs["small"]) == 1  # 168 bytes in all: the pool would cost more
    assert auto_workers(jobs["large"][:1]) == 1
    assert auto_workers(jobs["large"][:2]) == 1  # 56 KB
    assert auto_workers(jobs["large"]) == min(cores, AUTO_WORKERS_MAX, 12)  # 336 KB
    remote = [Job(f"memory://calls/{n}.txt", f"out/{n}") for n in range(3)]
    assert auto_workers(remote) == 1


@needs_seeds
def test_a_file_named_in_bytes_that_are_not_utf8_cleans_and_is_reported(tmp_path: Path) -> None:
    # a name in Latin-1 from a shared drive: "callscrub's own error" (no JSON writer takes
    # the lone surrogates Python reads such a name with), and the variant report with it
    raw = tmp_path / "raw"
    raw.mkdir()
    named = raw / os.fsdecode(b"r\xe9sum\xe9.txt")
    shutil.copy(SEEDS[2], named)  # no header: grouped by the company of seed 000, in a note
    shutil.copy(SEEDS[0], raw / "000.txt")
    out, report = tmp_path / "out", tmp_path / "entities.json"
    result = callscrub("clean", str(raw), "--out", str(out), "--entities", str(report))
    assert result.returncode == 0, result.stderr
    data = json.loads((out / os.fsdecode(b"r\xe9sum\xe9.json")).read_text(encoding="utf-8"))
    assert data["source"]["path"].endswith("r\\xe9sum\\xe9.txt")
    notes = json.loads(report.read_text(encoding="utf-8"))["notes"]
    assert notes and notes[0].startswith(str(raw) + "/r\\xe9sum\\xe9.txt")
    opened = open_for_editing(out / os.fsdecode(b"r\xe9sum\xe9.json"), None, 1_000_000)
    assert opened.session.review.document.text.startswith("使用警語")  # its source, found
