"""`communique extract --engine dask`: the Dask job over the inputs, writing a Parquet dataset."""
from __future__ import annotations

import os
import sys

import click


def extract_dataset(paths, output, *, engine, scheduler, workers, fmt, published, max_bytes) -> None:
    """Run the job, print one line per failed input and a summary; exit 1 if any input failed."""
    if engine != "dask":
        raise click.BadParameter("--scheduler goes with --engine dask", param_hint="--scheduler")
    if not output:
        raise click.BadParameter("--engine dask writes a Parquet dataset: give its folder with -o DATASET/",
                                 param_hint="-o")
    if os.path.isfile(output):
        raise click.BadParameter(f"{output} is a file; --engine dask writes a folder", param_hint="-o")
    ctx = click.get_current_context()
    if ctx.get_parameter_source("fmt") != click.core.ParameterSource.DEFAULT:
        raise click.BadParameter("--engine dask always writes Parquet; leave --format out", param_hint="--format")
    if scheduler is None and ctx.get_parameter_source("workers") == click.core.ParameterSource.DEFAULT:
        workers = os.cpu_count() or 1  # a local cluster of one worker would gain nothing
    try:
        from communique.scale.job import run_job
        import distributed  # noqa: F401
    except ImportError:
        click.echo("Error: --engine dask needs Dask: pip install 'communique[dask]'", err=True)
        raise SystemExit(2)
    from tqdm import tqdm

    from communique.scale.plan import TASK_SIZE

    bar = tqdm(unit="task", desc="extract", file=sys.stderr, dynamic_ncols=True, disable=not sys.stderr.isatty())

    def on_error(message: str) -> None:
        bar.write(f"communique: {message}", file=sys.stderr)

    try:
        report = run_job(list(paths), output, scheduler=scheduler, workers=workers, task_size=TASK_SIZE,
                         published=published, max_bytes=max_bytes, on_error=on_error,
                         on_task=lambda result: bar.update(1))
    except OSError as exc:
        bar.close()
        click.echo(f"Error: {exc}", err=True)
        raise SystemExit(2)
    bar.close()
    click.echo(f"{report.summary()} -> {output}", err=True)
    sys.exit(1 if report.failed else 0)
