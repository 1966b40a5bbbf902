"""Quality gate: extract the evaluation fixtures (and the shared dev set when present), score them
with communique.evaluate, and fail when a metric falls below its floor in tests/eval_baseline.json.

`pytest -s tests/test_eval_gate.py` prints the measured numbers; they are also in any failure message.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from communique.evaluate import evaluate, load_jsonl

REPO = Path(__file__).resolve().parents[1]
BASELINE = Path(__file__).with_name("eval_baseline.json")
SETS = {
    "fixtures": REPO / "tests" / "fixtures" / "eval",
    "dev": REPO.parent / "shared" / "eval" / "dev",
    "real": REPO.parent / "shared" / "eval" / "real",  # 80 real excerpts from 60+ outlets
}
# Baseline key -> key of Report.summary
METRICS = {"person_f1": "person_f1", "dyad_f1": "dyad_f1", "date_acc": "date_acc",
           "location_acc": "location_acc", "title_acc": "person_title_acc",
           "country_acc": "person_country_acc", "pledge_f1": "pledge_f1"}


def run_set(folder: Path):
    """Extract every article of the set's texts/ and score it against its gold.jsonl."""
    from communique.pipeline import extract_documents
    from communique.read import InputError, iter_documents

    failures, articles, docs = [], [], []
    for item in iter_documents([str(folder / "texts")]):
        if isinstance(item, InputError):
            failures.append(str(item))
        else:
            docs.append(item)
    for doc, result in extract_documents(docs):  # one spaCy pipeline for the whole session (nlp.get_nlp)
        if isinstance(result, Exception):
            failures.append(f"{doc.doc_id}: {type(result).__name__}: {result}")
        else:
            articles.append(result.to_dict())
    return evaluate(load_jsonl(folder / "gold.jsonl"), articles), failures


@pytest.fixture(scope="session")
def gate_results():
    """Each set is extracted and scored once per session, however many tests read it."""
    cache = {}

    def get(name):
        if name not in cache:
            cache[name] = run_set(SETS[name])
        return cache[name]

    return get


def test_baseline_names_every_metric_for_every_set():
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    for name in SETS:
        assert set(baseline[name]) == set(METRICS), name
        assert all(0.0 <= v <= 1.0 for v in baseline[name].values()), name


@pytest.mark.parametrize("name", list(SETS))
def test_quality_does_not_drop_below_floor(name, gate_results):
    if not (SETS[name] / "gold.jsonl").is_file():
        pytest.skip(f"{name} set not found at {SETS[name]} (the shared folder beside the repository)")
    floors = json.loads(BASELINE.read_text(encoding="utf-8"))[name]
    report, failures = gate_results(name)
    measured = {key: report.summary[METRICS[key]] for key in METRICS}
    line = f"eval gate [{name}] " + " ".join(f"{k}={v:.3f}" for k, v in measured.items())
    print("\n" + line + f"  (dyad P {report.summary['dyad_p']:.3f} R {report.summary['dyad_r']:.3f},"
          f" mode {report.summary['mode_acc']:.3f}, {report.summary['docs_predicted']}/{report.summary['docs']} docs)")
    assert not failures, f"{line}\nextraction failed for: " + "; ".join(failures)
    below = {k: (round(measured[k], 4), floors[k]) for k in METRICS if measured[k] < floors[k] - 1e-9}
    assert not below, f"{line}\nbelow floor (measured, floor): {below}\n" + report.format_text(per_doc=True)
