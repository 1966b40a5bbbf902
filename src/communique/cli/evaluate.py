"""`communique evaluate`: score an extraction run (JSON Lines) against a gold file."""
from __future__ import annotations

import json

import click

from communique.cli.options import output_option


def register(group):
    group.add_command(evaluate)


@click.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("pred", type=click.Path(exists=True, dir_okay=False))
@click.option("--per-doc", is_flag=True, help="Also list what each document missed and added.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (summary and per-document details).")
@output_option
def evaluate(gold, pred, per_doc, as_json, output):
    """Score predictions PRED against gold annotations GOLD (both JSON Lines).

    PRED is the output of `communique extract --format jsonl`; GOLD follows the
    gold format of docs/evaluation.md. Persons, event dyads (with date, location
    and mode) and pledges are scored; see docs/evaluation.md for the rules. A
    broken prediction line is reported on standard error and skipped.
    """
    from communique.evaluate import EvalError, evaluate_files

    try:
        report, problems = evaluate_files(gold, pred)
    except EvalError as exc:
        raise click.ClickException(str(exc)) from None
    for problem in problems:
        click.echo(f"communique: {problem} (line skipped)", err=True)
    text = json.dumps(report.to_dict(), ensure_ascii=False) if as_json else report.format_text(per_doc=per_doc)
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(text + "\n")
    else:
        click.echo(text)
