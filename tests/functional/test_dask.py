"""`clean --engine dask` on a real Dask LocalCluster (two workers on loopback): the same
outputs byte for byte as local mode, the same failures, fsspec URLs, a worker killed
mid-run."""

from __future__ import annotations

import filecmp
import json
import logging
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import fsspec
import pytest
from distributed import Client, LocalCluster

from callscrub.cli import main
from tests.conftest import CORPUS, EXAMPLES, REPO, SEEDS, needs_corpus, needs_seeds
from tests.conftest import callscrub as run_callscrub


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        silence_logs=logging.ERROR,
    ) as local:
        yield local


def tree(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def assert_same_tree(left: Path, right: Path) -> None:
    names = tree(left)
    assert names == tree(right)
    _, mismatch, errors = filecmp.cmpfiles(left, right, names, shallow=False)
    assert not mismatch and not errors


def callscrub(*args: str) -> subprocess.CompletedProcess[str]:
    return run_callscrub(*args, text=True)


def without_timing(summary: str) -> list[str]:
    return [line for line in summary.splitlines() if not line.startswith("callscrub: ")]


@needs_seeds
@needs_corpus
def test_dask_outputs_are_byte_identical_to_local_mode(tmp_path: Path) -> None:
    """Its own LocalCluster (no --scheduler), on the seeds and the real corpus."""
    inputs = [str(SEEDS[0].parent), str(CORPUS / "A"), str(CORPUS / "B"), str(CORPUS / "C")]
    for source in inputs[1:]:  # three layouts of one corpus share names: one run each
        local = callscrub("clean", source, "--out", str(tmp_path / "local" / source[-1]))
        dask = callscrub(
            "clean", source, "--out", str(tmp_path / "dask" / source[-1]), "--engine", "dask"
        )
        assert local.returncode == dask.returncode == 0, dask.stderr
        assert without_timing(local.stdout) == without_timing(dask.stdout)
    local = callscrub("clean", inputs[0], "--out", str(tmp_path / "local" / "seeds"))
    dask = callscrub(
        "clean", inputs[0], "--out", str(tmp_path / "dask" / "seeds"), "--engine", "dask"
    )
    assert local.returncode == dask.returncode == 0
    assert "Reginal King" in dask.stdout and "Accutel" in dask.stdout  # the cluster's reduce
    assert without_timing(local.stdout) == without_timing(dask.stdout)
    assert len(tree(tmp_path / "local")) == 4 * (4 + 3 * len(list((CORPUS / "A").glob("*.txt"))))
    assert_same_tree(tmp_path / "local", tmp_path / "dask")


def test_failures_read_the_same_on_the_cluster(tmp_path: Path, cluster: LocalCluster) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text("Operator\n\nWelcome to the call.\n", encoding="utf-8")
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 20)
    (inputs / "huge.txt").write_text("Operator\n\n" + "word " * 100, encoding="utf-8")
    runs = {}
    for engine in ("local", "dask"):
        extra = ["--engine", "dask", "--scheduler", cluster.scheduler_address] * (engine == "dask")
        runs[engine] = callscrub(
            "clean", str(inputs), "--out", str(tmp_path / engine), "--max-bytes", "300", *extra
        )
    assert runs["local"].returncode == runs["dask"].returncode == 1
    failures = {
        engine: sorted(line for line in run.stderr.splitlines() if line.startswith("callscrub:"))
        for engine, run in runs.items()
    }
    assert failures["local"] == failures["dask"] and len(failures["dask"]) == 3
    assert_same_tree(tmp_path / "local", tmp_path / "dask")


def test_file_urls_in_and_out_on_the_cluster(tmp_path: Path, cluster: LocalCluster) -> None:
    source = EXAMPLES / "transcripts"
    url_out = tmp_path / "url"
    result = callscrub(
        "clean",
        source.resolve().as_uri(),
        "--out",
        url_out.as_uri(),
        "--engine",
        "dask",
        "--scheduler",
        cluster.scheduler_address,
    )
    assert result.returncode == 0, result.stderr
    assert callscrub("clean", str(source), "--out", str(tmp_path / "path")).returncode == 0
    assert_same_tree(tmp_path / "path", url_out)


def test_any_fsspec_filesystem_in_and_out(tmp_path: Path) -> None:
    """memory:// stands for s3:// and the rest: listed, read and written through fsspec."""
    memory = fsspec.filesystem("memory")
    for path in (EXAMPLES / "transcripts").glob("*.txt"):
        memory.pipe(f"/calls/2008/{path.name}", path.read_bytes())
    memory.pipe("/calls/empty.txt", b"")
    try:
        assert main(["clean", "memory://calls", "--out", "memory://out", "--quiet"]) == 1
        assert (
            main(["clean", str(EXAMPLES / "transcripts"), "--out", str(tmp_path), "--quiet"]) == 0
        )
        for path in (EXAMPLES / "transcripts").glob("*.txt"):
            remote = f"/out/2008/{path.stem}"
            assert memory.cat_file(f"{remote}.txt") == (tmp_path / f"{path.stem}.txt").read_bytes()
            record = json.loads(memory.cat_file(f"{remote}.json"))
            local = json.loads((tmp_path / f"{path.stem}.json").read_bytes())
            assert record["source"]["path"] == f"memory:///calls/2008/{path.name}"
            assert (record["turns"], record["edits"]) == (local["turns"], local["edits"])
            assert memory.exists(f"{remote}.review.md") and memory.exists(
                f"{remote}.annotations.jsonld"
            )
        assert not memory.exists("/out/empty.txt")
        assert not [p for p in memory.find("/out") if p.endswith(".tmp")]
    finally:
        memory.rm("/calls", recursive=True)
        if memory.exists("/out"):
            memory.rm("/out", recursive=True)


def test_an_output_folder_inside_a_remote_input_folder_is_not_cleaned_again() -> None:
    memory = fsspec.filesystem("memory")
    memory.pipe("/calls/q2.txt", (EXAMPLES / "transcripts" / "bullets.txt").read_bytes())
    try:
        for _ in range(2):  # the second run lists the first one's outputs beside its input
            assert (
                main(["clean", "memory://calls", "--out", "memory://calls/clean", "--quiet"]) == 0
            )
        assert sorted(p for p in memory.find("/calls") if p.endswith(".json")) == [
            "/calls/clean/q2.json"
        ]
    finally:
        memory.rm("/calls", recursive=True)


@needs_corpus
def test_a_worker_killed_mid_run_loses_no_file(tmp_path: Path, cluster: LocalCluster) -> None:
    corpus = CORPUS / "A"
    with Client(cluster) as client:
        pids = client.run(os.getpid)
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "callscrub",
                "clean",
                str(corpus),
                "--out",
                str(tmp_path / "dask"),
                "--engine",
                "dask",
                "--scheduler",
                cluster.scheduler_address,
            ],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert process.stderr is not None
        first = process.stderr.readline()  # the first partition is done: the run is under way
        assert first.startswith("[1/")
        busy = [address for address, keys in client.processing().items() if keys]
        assert busy, "both workers idle: the run ended before the kill"
        victim = pids[busy[0]]
        os.kill(victim, signal.SIGKILL)  # with the partition it was cleaning
        stdout, stderr = process.communicate(timeout=300)
        assert process.returncode == 0, stderr
        deadline = time.monotonic() + 30
        while len(client.nthreads()) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert victim not in client.run(os.getpid).values(), "the nanny started a new worker"
    total = len(list(corpus.glob("*.txt")))
    assert f"{total} files cleaned, 0 failed" in stdout
    assert callscrub("clean", str(corpus), "--out", str(tmp_path / "local")).returncode == 0
    assert_same_tree(tmp_path / "local", tmp_path / "dask")
