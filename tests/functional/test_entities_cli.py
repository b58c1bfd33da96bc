"""`callscrub entities`, `glossary add`, and `clean --decisions` as a user runs them."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from callscrub.cli import STDOUT_CLOSED
from tests.conftest import CORPUS, EXAMPLES, REPO, SEEDS, needs_seeds
from tests.functional.test_clean_cli import callscrub


@needs_seeds
def test_entities_pairs_variants_across_seeds_without_a_glossary(tmp_path: Path) -> None:
    report = tmp_path / "entities.json"
    result = callscrub("entities", str(SEEDS[0].parent), "--json", str(report))
    assert result.returncode == 0, result.stderr
    data = json.loads(report.read_text(encoding="utf-8"))
    pairs = {frozenset(s["spelling"] for s in v["spellings"]) for v in data["variants"]}
    assert frozenset({"Accutel", "Ecutel"}) in pairs
    assert frozenset({"Reginal King", "Reg King"}) in pairs
    # the design's "same person or firm spelled differently across calls" (000:233, 001:285)
    assert frozenset({"Lauren Ye", "Lauren Yuman"}) in pairs
    assert frozenset({"JP Morgan Chase", "JP Morgan", "JPMorgan"}) in pairs
    assert "grouped with SMSI by company name" in data["notes"][0]
    table = result.stdout.decode()
    assert "Accutel (8/1), Ecutel (3/1)" in table


@needs_seeds
def test_entities_reads_folders_whose_files_share_names_and_each_file_once(
    tmp_path: Path,
) -> None:
    # layouts A, B and C of one corpus hold the same file names: entities writes nothing
    # per file, yet it refused all but the first folder's ("output name collides")
    for folder, seed in (("first", SEEDS[1]), ("second", SEEDS[2])):
        (tmp_path / folder).mkdir()
        shutil.copy(seed, tmp_path / folder / "call.txt")
    report = tmp_path / "entities.json"
    first, second = str(tmp_path / "first"), str(tmp_path / "second")
    result = callscrub("entities", first, second, first, "--json", str(report))
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    assert "Reginal King (9/1), Reg King (3/1)" in result.stdout.decode()


@needs_seeds
def test_glossary_decides_the_canonical_form(tmp_path: Path) -> None:
    glossary = tmp_path / "mine.toml"
    added = callscrub("glossary", "add", str(glossary), "Ecutel", "Accutel", "--kind", "company")
    assert added.returncode == 0 and glossary.exists()
    report = tmp_path / "entities.json"
    callscrub("entities", str(SEEDS[0].parent), "--glossary", str(glossary), "--json", str(report))
    data = json.loads(report.read_text(encoding="utf-8"))
    ecutel = next(v for v in data["variants"] if v["kind"] == "word" and "Ecutel" in str(v))
    assert (ecutel["canonical"], ecutel["why"]) == ("Ecutel", "glossary")


@needs_seeds
def test_the_shipped_global_glossary_names_the_analysts_firm(tmp_path: Path) -> None:
    report = tmp_path / "entities.json"
    glossary = EXAMPLES / "glossaries" / "global.toml"
    callscrub("entities", str(SEEDS[0].parent), "--glossary", str(glossary), "--json", str(report))
    data = json.loads(report.read_text(encoding="utf-8"))
    firm = next(v for v in data["variants"] if v["kind"] == "firm")
    assert (firm["group"], firm["canonical"], firm["why"]) == ("SMSI", "JPMorgan", "glossary")


def test_malformed_glossary_is_bad_usage_in_one_line(tmp_path: Path) -> None:
    glossary = tmp_path / "bad.toml"
    glossary.write_text('[[entity]]\nname = "X"\nkind = "planet"\n', encoding="utf-8")
    result = callscrub(
        "clean",
        str(EXAMPLES / "transcripts"),
        "--out",
        str(tmp_path / "o"),
        "--glossary",
        str(glossary),
    )
    assert result.returncode == 2
    assert result.stderr.decode().strip().splitlines() == [
        f"callscrub: error: {glossary}:3: entity[0].kind: 'planet' is not one of "
        "company, person, product, firm, term"
    ]


def test_decisions_replay_on_a_rerun_and_stale_ones_are_reported(tmp_path: Path) -> None:
    source = EXAMPLES / "transcripts" / "flat.txt"
    first = tmp_path / "first"
    assert callscrub("clean", str(source), "--out", str(first), "--quiet").returncode == 0
    saved = json.loads((first / "flat.json").read_text(encoding="utf-8"))
    restored = [e for e in saved["edits"] if e["cleaner"] == "names"]
    restored[0]["status"] = "rejected"  # the editor said no to one restored name
    stale = dict(restored[1], id="e999", start=0, end=0, replacement="Nobody ")
    saved["edits"].append(stale)
    decisions = tmp_path / "decisions.json"
    decisions.write_text(json.dumps(saved), encoding="utf-8")

    second = tmp_path / "second"
    result = callscrub(
        "clean", str(source), "--out", str(second), "--decisions", str(decisions), "--quiet"
    )
    assert result.returncode == 0
    again = json.loads((second / "flat.json").read_text(encoding="utf-8"))
    status = {e["id"]: e["status"] for e in again["edits"]}
    assert status[restored[0]["id"]] == "rejected"
    assert result.stderr.decode().strip().splitlines() == [
        f"callscrub: {source}: decision e999 (applied: '' -> 'Nobody ', names) no longer applies"
    ]


def test_an_unwritable_variant_report_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    a_file = tmp_path / "a-file"
    a_file.write_text("", encoding="utf-8")
    inputs = str(EXAMPLES / "transcripts")
    problems = {a_file / "e.json": f"{a_file} is a file, not a folder", tmp_path: "is a folder"}
    for args, option in (
        (["clean", inputs, "--out", str(tmp_path / "out"), "--entities"], "--entities"),
        (["entities", inputs, "--json"], "--json"),
    ):
        for report, problem in problems.items():
            result = callscrub(*args, str(report), text=True)
            assert result.returncode == 2
            assert result.stderr == f"callscrub: error: {option} {report}: {problem}\n"
    assert not (tmp_path / "out").exists()  # refused before the run


@needs_seeds
def test_a_reader_that_stops_early_ends_the_command_quietly(tmp_path: Path) -> None:
    # `callscrub entities ... | head -2` ended in a BrokenPipeError traceback
    report = tmp_path / "entities.json"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "callscrub",
            "entities",
            str(SEEDS[0].parent),
            "--json",
            str(report),
        ],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before the table is printed
    error = process.stderr.read()
    assert process.wait() == STDOUT_CLOSED
    assert error == b""


def test_glossary_add_says_which_entry_a_spelling_no_longer_names(tmp_path: Path) -> None:
    glossary = tmp_path / "firms.toml"
    callscrub(
        "glossary", "add", str(glossary), "JPMorgan Chase", "JP Morgan Chase", "--kind", "firm"
    )
    added = callscrub("glossary", "add", str(glossary), "J.P. Morgan", "JP Morgan Chase")
    assert added.returncode == 0
    assert added.stdout.decode().splitlines()[-1] == (
        "callscrub: note: 'JP Morgan Chase' no longer names 'JPMorgan Chase': the later entry wins"
    )


def test_glossary_add_lists_people_in_a_tickers_file_and_clean_names_them(
    tmp_path: Path,
) -> None:
    """RF's layout-B page gives its executives' first names only. Two people added with
    `glossary add` (no alias) to RF's glossary name their turns in the clean text."""
    page = CORPUS / "B" / "RF_q3_2021.txt"
    if not page.exists():
        pytest.skip(f"real corpus not found in {CORPUS}")
    glossary = tmp_path / "rf.toml"
    glossary.write_text('scope = "RF"\ncompany = "Regions Financial Corp"\n', encoding="utf-8")
    for person in ("John Turner", "David Turner"):
        added = callscrub("glossary", "add", str(glossary), person, "--kind", "person")
        assert added.returncode == 0, added.stderr
        assert added.stdout.decode() == f"callscrub: {glossary}: {person!r} (person)\n"
    refused = callscrub("glossary", "add", str(glossary), "Dana Nolan", "--scope", "SMSI")
    assert refused.returncode == 2
    assert (
        refused.stderr.decode()
        == f"callscrub: error: {glossary}: the file's scope is RF, not SMSI\n"
    )
    out = tmp_path / "out"
    result = callscrub("clean", str(page), "--out", str(out), "--glossary", str(glossary))
    assert result.returncode == 0, result.stderr
    text = (out / "RF_q3_2021.txt").read_text(encoding="utf-8")
    assert text.count("John Turner - President & Chief Executive Officer") == 27
    assert "\n- President & Chief Executive Officer\n" not in text
    # David says only "This is David." (one kind of evidence, 0.86): proposed under safe
    edits = json.loads((out / "RF_q3_2021.json").read_text(encoding="utf-8"))["edits"]
    david = [e for e in edits if e["cleaner"] == "names" and e["replacement"] == "David Turner "]
    assert len(david) == 16 and {e["status"] for e in david} == {"proposed"}
    assert all("the glossary (RF) 'David Turner'" in e["reason"] for e in david)


def test_glossary_add_starts_a_new_file_in_its_scope(tmp_path: Path) -> None:
    glossary = tmp_path / "new.toml"
    added = callscrub(
        "glossary", "add", str(glossary), "Ann Lee", "--kind", "person", "--scope", "rf"
    )
    assert added.returncode == 0, added.stderr
    text = glossary.read_text(encoding="utf-8")
    assert text == 'scope = "RF"\n\n[[entity]]\nname = "Ann Lee"\nkind = "person"\n'
