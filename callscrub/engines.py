"""Where the batch runs: local worker processes, or a Dask distributed cluster.

Both run the same per-file function (:func:`callscrub.batch.clean_job`) on jobs that
carry paths or URLs, never texts, and yield the same reports, so failures read the same
and the exit status is the same. On Dask, jobs go out in partitions (a task costs about
4 ms of scheduling, a file tens of milliseconds of cleaning), a task lost with its
worker is run again elsewhere, and the corpus consistency pass is reduced on the
cluster, one task per ticker group.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, ExitStack
from typing import Any

from annotations.glossary import Glossary
from callscrub.batch import (
    Job,
    Options,
    Report,
    Task,
    clean_job,
    input_size,
    run_chunk,
    run_jobs,
)
from cleaners.consistency import Mentions, Variant, group_calls, group_variants, variants

#: Files per Dask task at most; fewer when that would leave a worker idle at the end.
MAX_PARTITION = 64
#: Tasks per worker thread the partitions aim for, so that the tail stays short.
TASKS_PER_THREAD = 4
#: The LocalCluster shares this machine's cores with its own scheduler and client, and a
#: file is pure-Python work holding the GIL. Measured on 100 MB with two workers, these
#: took it from 0.84 to 0.89-0.92 of ``--jobs 2``'s throughput:
#:
#: - the statistical profiler samples the task's stack every 10 ms;
#: - work stealing re-plans every 100 ms, though the partitions are even;
#: - the event-loop tick and the system monitor wake every 20 and 500 ms.
#:
#: Workers also get no memory limit (``memory_limit=0``), so no memory monitor runs.
LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.scheduler.work-stealing": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.tick.limit": "30s",
    "distributed.admin.system-monitor.interval": "5s",
    # Dask's default MALLOC_TRIM_THRESHOLD_ of 64 KiB hands memory back to the system
    # after every file and takes it again for the next: twice the system time here.
    "distributed.nanny.pre-spawn-environ": {
        "OMP_NUM_THREADS": 1,
        "MKL_NUM_THREADS": 1,
        "OPENBLAS_NUM_THREADS": 1,
    },
}


def partitions(jobs: Sequence[Job], threads: int) -> list[list[Job]]:
    """Split ``jobs`` into about ``TASKS_PER_THREAD`` tasks per thread of even length,
    the largest inputs first (see :func:`callscrub.batch.schedule`: a Dask task costs
    more to send than a local one, so these do not shrink at the end).

    >>> jobs = [Job(f"{n}.txt", f"out/{n}") for n in range(10)]
    >>> [len(p) for p in partitions(jobs, 2)]
    [2, 2, 2, 2, 2]
    >>> len(partitions(jobs * 100, 2)), len(partitions([], 2))
    (16, 0)
    """
    ordered = sorted(jobs, key=input_size, reverse=True)
    size = max(1, min(MAX_PARTITION, -(-len(ordered) // (threads * TASKS_PER_THREAD))))
    return [ordered[i : i + size] for i in range(0, len(ordered), size)]


class LocalEngine(AbstractContextManager["LocalEngine"]):
    """``--jobs N`` worker processes on this machine."""

    def __init__(self, workers: int) -> None:
        self.workers = workers

    def run(self, jobs: list[Job], options: Options, task: Task = clean_job) -> Iterator[Report]:
        return run_jobs(jobs, options, self.workers, task)

    def variants(
        self, calls: Sequence[Mentions], glossary: Glossary
    ) -> tuple[list[Variant], list[str]]:
        return variants(calls, glossary)

    def __exit__(self, *exc: object) -> None:
        """Nothing to release: each run's process pool closes with the run."""


class DaskEngine(AbstractContextManager["DaskEngine"]):
    """A Dask distributed cluster: the one at ``scheduler``, or a LocalCluster of
    ``workers`` single-threaded worker processes on loopback."""

    def __init__(self, scheduler: str | None, workers: int) -> None:
        import logging  # with Dask only: 4 ms that a local run need not pay

        import dask
        from distributed import Client, LocalCluster

        self._stack = ExitStack()
        try:
            if scheduler:
                self.client: Any = self._stack.enter_context(Client(scheduler, timeout="30s"))
            else:
                self._stack.enter_context(dask.config.set(LOCAL_CLUSTER_CONFIG))
                cluster = self._stack.enter_context(
                    LocalCluster(
                        n_workers=workers,
                        threads_per_worker=1,
                        processes=True,
                        host="127.0.0.1",
                        dashboard_address=None,
                        silence_logs=logging.ERROR,
                        memory_limit=0,
                    )
                )
                self.client = self._stack.enter_context(Client(cluster))
        except BaseException:
            self._stack.close()
            raise

    def run(self, jobs: list[Job], options: Options, task: Task = clean_job) -> Iterator[Report]:
        from distributed import as_completed

        threads = max(1, sum(self.client.nthreads().values()))
        chunks = partitions(jobs, threads)
        futures = {
            self.client.submit(run_chunk, task, chunk, options, pure=False): chunk
            for chunk in chunks
        }
        for future in as_completed(futures):
            try:
                reports = future.result()
            except Exception as error:  # the task failed on every worker it was given to
                reason = f"lost on the cluster: {type(error).__name__}: {error}"
                reports = [Report(job.path, error=reason) for job in futures[future]]
            finally:
                future.release()
            yield from reports

    def variants(
        self, calls: Sequence[Mentions], glossary: Glossary
    ) -> tuple[list[Variant], list[str]]:
        groups, notes = group_calls(calls, glossary)
        shared = self.client.scatter(glossary, broadcast=True) if groups else None
        futures = [
            self.client.submit(group_variants, group, members, shared, pure=False)
            for group, members in sorted(groups.items())
        ]
        found: list[Variant] = [v for group in self.client.gather(futures) for v in group]
        return found, notes

    def __exit__(self, *exc: object) -> None:
        self._stack.close()


Engine = LocalEngine | DaskEngine


def make_engine(name: str, workers: int, scheduler: str | None = None) -> Engine:
    """The engine ``clean --engine NAME`` runs on."""
    if name == "dask":
        return DaskEngine(scheduler, workers)
    return LocalEngine(workers)
