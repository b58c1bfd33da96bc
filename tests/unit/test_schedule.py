"""How a batch hands its files to worker processes: largest first, tasks shrinking."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from callscrub.batch import Job, schedule


def _jobs(folder: Path, sizes: list[int]) -> list[Job]:
    jobs = []
    for number, size in enumerate(sizes):
        path = folder / f"{number}.txt"
        path.write_bytes(b"x" * size)
        jobs.append(Job(str(path), str(folder / "out" / str(number))))
    return jobs


def test_largest_inputs_go_first_and_remote_ones_last_in_order(tmp_path: Path) -> None:
    local = _jobs(tmp_path, [10, 300, 20, 300, 5])
    remote = [Job("s3://bucket/a.txt", "out/a"), Job("s3://bucket/b.txt", "out/b")]
    tasks = schedule([remote[0], *local, remote[1]], workers=2, most_per_task=4)
    order = [job for task in tasks for job in task]
    assert order == [local[1], local[3], local[2], local[0], local[4], remote[0], remote[1]]


@given(
    sizes=st.lists(st.integers(0, 2000), max_size=60),
    workers=st.integers(1, 8),
    most=st.integers(1, 64),
)
def test_every_job_runs_once_in_tasks_that_only_shrink(
    tmp_path_factory: object, sizes: list[int], workers: int, most: int
) -> None:
    folder = tmp_path_factory.mktemp("jobs")  # type: ignore[attr-defined]
    jobs = _jobs(folder, sizes)
    tasks = schedule(jobs, workers, most)
    assert sorted(job.path for task in tasks for job in task) == sorted(j.path for j in jobs)
    lengths = [len(task) for task in tasks]
    assert all(1 <= length <= most for length in lengths)
    assert lengths == sorted(lengths, reverse=True)
    ordered_sizes = [Path(job.path).stat().st_size for task in tasks for job in task]
    assert ordered_sizes == sorted(ordered_sizes, reverse=True)
    if tasks:
        assert lengths[-1] == 1  # the last task of a run is one file: a short tail
