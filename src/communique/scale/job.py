"""Run extraction as a Dask job: one task per ~1,000 documents, each writing its own Parquet parts.

Without a scheduler address a LocalCluster on loopback is started (one single-threaded worker
process per core asked for). Workers load the model once, through a worker plugin, and run with
Dask's statistical profiler off (it costs about a fifth of a worker's CPU). Needs the `dask`
extra: pip install 'communique[dask]'.
"""
from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from typing import Callable

from communique.read import MAX_BYTES, InputError
from communique.scale import parts
from communique.scale.plan import TASK_SIZE, Task, plan_tasks, read_task

# A task whose worker dies is given to another worker; after this many lost workers it fails
# (Dask's allowed-failures), so a document that crashes every worker cannot loop forever.
ALLOWED_FAILURES = 3
PROFILER_OFF = {"distributed.worker.profile.enabled": False,
                "distributed.scheduler.allowed-failures": ALLOWED_FAILURES}


def _require_dask():
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise RuntimeError("--engine dask needs Dask: pip install 'communique[dask]'") from None


@dataclass
class JobReport:
    """What a job did: documents read, articles written, failures as 'path[:line]: message'."""

    tasks: int = 0
    documents: int = 0
    written: int = 0
    failed: list[str] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        return (f"{self.documents} documents in {self.tasks} tasks: {self.written} articles written, "
                f"{len(self.failed)} failed; {len(self.parts)} Parquet parts")


def run_task(task: Task, dataset: str, published=None, max_bytes: int = MAX_BYTES) -> dict:
    """Read, extract and write one task (runs on a worker; also callable in-process)."""
    from communique.parallel import chunks, extract_chunk
    from communique.store.ingest import content_hash

    rows, failed, n = [], [], 0
    seq = 0
    for chunk in chunks(read_task(task, published=published, max_bytes=max_bytes), 32):
        docs = []
        for item in chunk:
            n += 1
            if isinstance(item, InputError):
                failed.append(str(item))
            elif not item.doc_id:
                failed.append(f"{item.path or '<document>'}: document has no doc_id")
            else:
                docs.append(item)
        for doc, result in zip(docs, extract_chunk(docs)):
            if isinstance(result, BaseException):
                failed.append(_failure(doc, result))
                continue
            rows.append(parts.article_row(doc, result, content_hash(doc), task.index, seq))
            seq += 1
    written = parts.write_parts(dataset, task.id, rows)
    return {"task": task.id, "documents": n, "written": len(rows), "failed": failed, "parts": written}


def _where(task: Task) -> str:
    """The first input a task reads, as 'path[:line]'."""
    unit = task.units[0]
    return unit[1] if unit[0] == "file" else f"{unit[1]}:{unit[3] if unit[0] == 'jsonl' else unit[2] + 1}"


def _failure(doc, exc: BaseException) -> str:
    from communique.store.ingest import describe_failure

    return describe_failure(doc, exc)


def _plugin():
    from distributed.diagnostics.plugin import WorkerPlugin

    class ExtractorPlugin(WorkerPlugin):
        """Loads the model when a worker starts (once per worker) and stops its profiler."""

        name = "communique-extractor"
        idempotent = True

        def setup(self, worker):
            for key in ("profile", "profile-cycle"):  # also on workers started without our config
                callback = worker.periodic_callbacks.pop(key, None)
                if callback is not None:
                    callback.stop()
            from communique.nlp import get_nlp

            get_nlp()

    return ExtractorPlugin()


def local_cluster(workers: int):
    """A LocalCluster on loopback only (its HTTP endpoints too, on a free port): `workers` processes
    of one thread, profiler off."""
    import dask
    from distributed import LocalCluster

    with dask.config.set(PROFILER_OFF):
        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                            dashboard_address="127.0.0.1:0", memory_limit=0)


def _quiet_close(cluster) -> None:
    """Close a local cluster after its results are in; a worker slow to exit (a large heap on a
    busy machine) is killed by its nanny, which is expected here and not worth a warning."""
    import logging

    logger = logging.getLogger("distributed.nanny")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        cluster.close()
    finally:
        logger.setLevel(level)


def run_job(paths, dataset: str, *, scheduler: str | None = None, workers: int = 2, task_size: int = TASK_SIZE,
            published=None, max_bytes: int = MAX_BYTES, client=None,
            on_error: Callable[[str], None] | None = None,
            on_task: Callable[[dict], None] | None = None) -> JobReport:
    """Extract the inputs into a Parquet dataset folder on a Dask cluster; the manifest is written
    last, listing the parts of this run (what `communique ingest DATASET` loads)."""
    _require_dask()
    import dask
    from distributed import Client, as_completed

    started = time.perf_counter()
    report = JobReport()

    def fail(message: str) -> None:
        report.failed.append(message)
        if on_error:
            on_error(message)

    tasks, errors = plan_tasks(paths, task_size, max_bytes=max_bytes)
    for err in errors:
        fail(str(err))
    report.tasks = len(tasks)
    os.makedirs(dataset, exist_ok=True)
    dataset = os.path.abspath(dataset)
    own_cluster = own_client = None
    with dask.config.set(PROFILER_OFF):
        if client is None:
            if scheduler is None:
                own_cluster = local_cluster(workers)
            own_client = client = Client(scheduler or own_cluster, set_as_default=False)
        try:
            client.register_plugin(_plugin())
            futures = [client.submit(run_task, task, dataset, published, max_bytes, pure=False,
                                     key=f"communique-extract-{task.id}") for task in tasks]
            results, by_key = {}, {f.key: t for f, t in zip(futures, tasks)}
            for future in as_completed(futures, loop=client.loop):
                task = by_key[future.key]
                try:
                    result = future.result()
                except Exception as exc:  # noqa: BLE001 - a lost task is reported, the others go on
                    result = {"task": task.id, "documents": 0, "written": 0, "parts": [],
                              "failed": [f"{_where(task)}: task {task.id} failed, its documents are not in the "
                                         f"dataset ({type(exc).__name__}: {' '.join(str(exc).split())[:300]})"]}
                results[task.id] = result
                if on_task:
                    on_task(result)
        finally:
            if own_client is not None:
                own_client.close()
            if own_cluster is not None:
                _quiet_close(own_cluster)
    for task in tasks:  # in input order, whatever order they finished in
        result = results[task.id]
        report.documents += result["documents"]
        report.written += result["written"]
        report.parts.extend(result["parts"])
        for message in result["failed"]:
            fail(message)
    parts.remove_stray_temps(dataset)
    report.seconds = time.perf_counter() - started
    manifest = {"format": "communique-dataset", "version": 1,
                "tasks": [t.id for t in tasks if results[t.id]["parts"]],
                "parts": report.parts, "documents": report.documents, "articles": report.written,
                "failed": len(report.failed)}
    tmp = os.path.join(dataset, f".{parts.MANIFEST}.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, indent=1)
    os.replace(tmp, os.path.join(dataset, parts.MANIFEST))
    return report
