"""communique.evaluate scores like the shared reference scorer, and its CLI reports bad input clearly."""
from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from communique.cli import main as cli
from communique.evaluate import (EvalError, date_score, evaluate, load_jsonl, location_score, same_person,
                                 same_title)

REPO = Path(__file__).resolve().parents[1]
SHARED_EVAL = REPO.parent / "shared" / "eval"
REFERENCE = SHARED_EVAL / "score.py"
DEV_GOLD = SHARED_EVAL / "dev" / "gold.jsonl"
FIXTURE_GOLD = REPO / "tests" / "fixtures" / "eval" / "gold.jsonl"

needs_reference = pytest.mark.skipif(
    not (REFERENCE.is_file() and DEV_GOLD.is_file()),
    reason=f"reference scorer not found at {REFERENCE} (the shared folder beside the repository)")


def read_gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


# ---------------------------------------------------------------- predictions built from gold

def perfect_prediction(gold: dict) -> dict:
    """The contract object a flawless extractor would write for this gold record."""
    persons = {p["name"]: p for p in gold["persons"]}
    orgs = {o["name"]: o for o in gold["orgs"]}

    def actor(ref):
        if ref in persons:
            return {"name": ref, "kind": "person", "country": persons[ref]["country"], "role": None}
        if re.fullmatch(r"[A-Z]{3}", ref):
            return {"name": ref, "kind": "country", "country": ref, "role": None}
        alias = next((o for o in gold["orgs"] if ref in o["aliases"]), None)
        org = orgs.get(ref) or alias
        return {"name": ref, "kind": "org", "country": org["country"], "role": None}

    events = []
    for ev in gold["events"]:
        loc = ev["location"]
        events.append({"type": ev["type"], "mode": ev["mode"][0], "cameo": "040",
                       "actors": [actor(a) for a in ev["actors"]], "date": ev["date"],
                       "location": None if loc is None else {"name": loc.get("name"), "country": loc.get("country")},
                       "topics": [], "evidence": []})
    return {"doc_id": gold["doc_id"], "title": None, "published": gold.get("published"), "source": None,
            "url": None, "body": [0, 0],
            "persons": [{"name": p["name"], "country": p["country"], "titles": p["titles"][:1], "org": p.get("org"),
                         "mentions": []} for p in gold["persons"]],
            "events": events,
            "commitments": [dict(c, status="pledged", evidence=[]) for c in gold["commitments"]]}


def variant_persons(golds):
    preds = [perfect_prediction(g) for g in golds]
    for i, pred in enumerate(preds):
        people = pred["persons"]
        if people:
            if i % 3 == 0:
                people.pop()                       # a missed person
            if i % 3 == 1:
                people.append(dict(people[0]))     # the same person listed twice
            people[0]["country"] = "FRA" if i % 2 else people[0]["country"]
            people[0]["titles"] = ["Acting " + t for t in people[0]["titles"]]  # a rank word changes the title
            name = people[-1]["name"]
            people[-1]["name"] = "Mr. " + name.upper() if i % 2 else name.split()[-1]  # honorific / surname only
        people.append({"name": "Nguyen Van Extra", "country": "VNM", "titles": ["Reporter"], "org": None,
                       "mentions": []})
    return preds


def variant_dates(golds):
    preds = [perfect_prediction(g) for g in golds]
    shifts = ["2026-02-14", "2024-12-01/2024-12-03", "2025-09", None, "2023", "not a date", "2025-09-22"]
    n = 0
    for pred in preds:
        for ev in pred["events"]:
            ev["date"] = shifts[n % len(shifts)]
            n += 1
    return preds


def variant_duplicated(golds):
    preds = [perfect_prediction(g) for g in golds]
    for pred in preds:
        if pred["events"]:
            pred["events"].append(copy.deepcopy(pred["events"][0]))   # one event reported twice
            pred["events"][-1]["mode"] = "conference"
        if pred["commitments"]:
            pred["commitments"].append(dict(pred["commitments"][0]))
    return preds


def variant_unknown_year(golds):
    preds = [perfect_prediction(g) for g in golds]
    for pred in preds:
        for ev in pred["events"]:
            if ev["date"]:
                ev["date"] = re.sub(r"\b\d{4}(?=-\d\d)", "XXXX", ev["date"])
            if ev["location"]:
                ev["location"] = {"name": None, "country": ev["location"]["country"]}
    return preds


def variant_mixed(golds):
    """Wrong places and modes, unknown actors, unscored types, pledge amounts near and far."""
    preds = [perfect_prediction(g) for g in golds]
    for i, pred in enumerate(preds):
        for j, ev in enumerate(pred["events"]):
            if j % 2:
                ev["location"] = {"name": "Geneva", "country": "CHE"}
                ev["mode"] = "call"
            for actor in ev["actors"]:
                if actor["kind"] == "org":
                    actor["name"] = "the " + actor["name"]
        pred["events"].append({"type": "CONSULT", "mode": "meeting", "actors": [
            {"name": "Somebody Unknown", "kind": "person", "country": "JPN"},
            {"name": "Another Stranger", "kind": "person", "country": "KOR"},
            {"name": "Some Council", "kind": "org", "country": None}], "date": "2025-01-01", "location": None})
        pred["events"].append({"type": "AID", "mode": None, "actors": [
            {"name": "United States", "kind": "country", "country": "USA"},
            {"name": "Vietnam", "kind": "country", "country": "VNM"}], "date": None, "location": None})
        for k, c in enumerate(pred["commitments"]):
            c["amount"] = c["amount"] * (1.005 if k % 2 == 0 else 1.02)
        if i == 0:
            pred["commitments"].append({"donor": "JPN", "recipient": "VNM", "amount": "lots", "currency": "JPY"})
    preds.append({"doc_id": "not-in-gold", "persons": [{"name": "X Y", "country": "USA", "titles": []}]})
    return preds[1:]  # the first gold document gets no prediction at all


VARIANTS = {"perfect": lambda gs: [perfect_prediction(g) for g in gs], "persons": variant_persons,
            "dates": variant_dates, "duplicated": variant_duplicated, "unknown_year": variant_unknown_year,
            "mixed": variant_mixed}


def reference_scores(gold_path: Path, pred_path: Path) -> dict:
    out = subprocess.run([sys.executable, str(REFERENCE), str(gold_path), str(pred_path), "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def gold_sets():
    sets = [pytest.param(DEV_GOLD, id="dev")]
    if FIXTURE_GOLD.is_file():
        sets.append(pytest.param(FIXTURE_GOLD, id="fixtures"))
    return sets


@needs_reference
@pytest.mark.parametrize("gold_path", gold_sets())
@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_numbers_agree_with_reference_scorer(tmp_path, gold_path, variant):
    golds = read_gold(gold_path)
    preds = VARIANTS[variant](golds)
    pred_path = tmp_path / "pred.jsonl"
    pred_path.write_text("".join(json.dumps(p) + "\n" for p in preds), encoding="utf-8")

    ref = reference_scores(gold_path, pred_path)
    mine = evaluate(load_jsonl(gold_path), load_jsonl(pred_path))

    for key, value in ref["summary"].items():
        assert mine.summary[key] == pytest.approx(value, abs=1e-9), f"{variant}: {key}"
    assert len(mine.docs) == len(ref["docs"])
    for d, r in zip(mine.docs, ref["docs"]):
        assert d.doc_id == r["doc_id"]
        assert (d.person_tp, d.person_pred, d.person_gold) == (r["persons"]["tp"], r["persons"]["pred"],
                                                               r["persons"]["gold"])
        assert (d.country_ok, d.title_ok) == (r["persons"]["country_ok"], r["persons"]["title_ok"])
        assert d.missed_persons == r["persons"]["missed"] and d.extra_persons == r["persons"]["extra"]
        assert (d.dyad_tp, d.dyad_pred, d.dyad_gold) == (r["dyads"]["tp"], r["dyads"]["pred"], r["dyads"]["gold"])
        assert d.missed_events == r["dyads"]["missed"]
        assert len(d.extra_dyads) == len(r["dyads"]["extra"])
        assert d.date_scores == r["dyads"]["slots"]["date"]
        assert d.location_scores == r["dyads"]["slots"]["location"]
        assert d.mode_scores == r["dyads"]["slots"]["mode"]
        assert (d.pledge_tp, d.pledge_pred, d.pledge_gold) == (r["pledges"]["tp"], r["pledges"]["pred"],
                                                               r["pledges"]["gold"])


@needs_reference
def test_variants_actually_cost_something():
    golds = read_gold(DEV_GOLD)
    perfect = evaluate(golds, VARIANTS["perfect"](golds)).summary
    assert perfect["person_f1"] == perfect["dyad_f1"] == perfect["date_acc"] == perfect["pledge_f1"] == 1.0
    assert evaluate(golds, variant_persons(golds)).summary["person_p"] < 1.0
    assert evaluate(golds, variant_dates(golds)).summary["date_acc"] < 1.0
    assert evaluate(golds, variant_duplicated(golds)).summary["dyad_p"] < 1.0
    assert evaluate(golds, variant_unknown_year(golds)).summary["date_acc"] == 0.5


# ---------------------------------------------------------------- the rules, one by one

def test_name_matching_rules():
    assert same_person("Michael DeSombre", "Michael George DeSombre")
    assert same_person("Lương Cường", "Luong Cuong")
    assert same_person("H.E. Mr. KOBAYASHI Hiroshi", "Hiroshi Kobayashi")
    assert same_person("S. Jaishankar", "S Jaishankar")
    assert not same_person("DeSombre", "Michael George DeSombre")  # one word is not enough
    assert not same_person("Kim Jina", "Kim Min-seok")


def test_title_matching_needs_the_same_rank():
    assert same_title("Deputy FM", "Deputy Foreign Minister")
    assert same_title("Minister of National Defence", "Minister of National Defense")
    assert not same_title("Foreign Minister", "Deputy Foreign Minister")
    assert not same_title("Secretary of State", "Assistant Secretary of State")


def test_date_and_location_slots():
    assert date_score("2024-12-03", "2024-12-02/2024-12-05") == 1.0
    assert date_score("2024-12", "2024-12-02/2024-12-05") == 0.5
    assert date_score("XXXX-12-03", "2024-12-02/2024-12-05") == 0.5
    assert date_score("2023-12-03", "2024-12-02/2024-12-05") == 0.0
    assert date_score(None, "2025-09") == 0.0 and date_score("2025-09-01", None) is None
    hanoi = {"name": "Hanoi", "aliases": ["Ha Noi"], "country": "VNM"}
    assert location_score({"name": "Ha Noi", "country": "VNM"}, hanoi) == 1.0
    assert location_score({"name": "Da Nang", "country": "VNM"}, hanoi) == 0.5
    assert location_score({"name": None, "country": "USA"}, {"country": "USA"}) == 1.0
    assert location_score(None, hanoi) == 0.0 and location_score(None, None) is None


def test_optional_event_costs_nothing_either_way():
    gold = {"doc_id": "d", "persons": [{"name": "Joe Biden", "country": "USA", "titles": ["President"]}],
            "orgs": [], "events": [{"type": "CONSULT", "mode": ["visit"], "actors": ["Joe Biden", "VNM"],
                                    "date": "2023-09", "location": None, "optional": True}], "commitments": []}
    found = {"doc_id": "d", "events": [{"type": "CONSULT", "mode": "visit", "actors": [
        {"name": "Joe Biden", "kind": "person", "country": "USA"},
        {"name": "Vietnam", "kind": "country", "country": "VNM"}]}]}
    for pred in (found, {"doc_id": "d"}):
        s = evaluate([gold], [pred]).summary
        assert (s["dyad_p"], s["dyad_r"]) == (1.0, 1.0)


def test_report_lists_misses_and_extras():
    gold = read_gold(FIXTURE_GOLD)[:1]
    pred = perfect_prediction(gold[0])
    pred["persons"] = pred["persons"][1:] + [{"name": "Tammy Bruce", "country": "USA", "titles": []}]
    report = evaluate(gold, [pred])
    doc = report.docs[0]
    assert doc.missed_persons == [gold[0]["persons"][0]["name"]] and doc.extra_persons == ["Tammy Bruce"]
    text = report.format_text(per_doc=True)
    assert "missed person: Marco Rubio" in text and "extra person:  Tammy Bruce" in text
    assert json.loads(json.dumps(report.to_dict()))["summary"]["person_r"] == 0.5


# ---------------------------------------------------------------- files and the command

def test_load_jsonl_names_file_and_line(tmp_path):
    path = tmp_path / "pred.jsonl"
    path.write_text('{"doc_id": "a"}\n\n{"doc_id": \n[1, 2]\n{"title": "no id"}\n{"doc_id": "b"}\n',
                    encoding="utf-8")
    with pytest.raises(EvalError, match=rf"^{re.escape(str(path))}:3: not JSON"):
        load_jsonl(path)
    errors = []
    records = load_jsonl(path, errors=errors)
    assert [r["doc_id"] for r in records] == ["a", "b"]
    assert [str(e) for e in errors] == [f"{path}:3: not JSON (Expecting value at column 12)",
                                        f"{path}:4: not a JSON object", f'{path}:5: record has no "doc_id"']


def test_cli_summary_json_and_errors(tmp_path):
    golds = read_gold(FIXTURE_GOLD)
    pred_path = tmp_path / "pred.jsonl"
    pred_path.write_text("".join(json.dumps(perfect_prediction(g)) + "\n" for g in golds) + "{oops\n",
                         encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(cli, ["evaluate", str(FIXTURE_GOLD), str(pred_path), "--per-doc"])
    assert result.exit_code == 0, result.output
    assert f"documents       {len(golds)}/{len(golds)} predicted" in result.output
    assert "event dyads     P 1.000  R 1.000  F1 1.000" in result.output
    assert f"{pred_path}:{len(golds) + 1}: not JSON" in result.output  # reported, then skipped

    result = runner.invoke(cli, ["evaluate", str(FIXTURE_GOLD), str(pred_path), "--json"])
    summary = json.loads(result.stdout.strip().splitlines()[-1])["summary"]
    assert summary["dyad_f1"] == 1.0 and summary["pledge_f1"] == 1.0

    bad_gold = tmp_path / "gold.jsonl"
    bad_gold.write_text('{"doc_id": "x", "persons": [], "orgs": [], "events": [{"type": "CONSULT", '
                        '"mode": ["meeting"], "actors": ["Nobody Here", "USA"]}], "commitments": []}\n')
    result = runner.invoke(cli, ["evaluate", str(bad_gold), str(pred_path)])
    assert result.exit_code == 1
    assert "Nobody Here" in result.output and "Traceback" not in result.output


def test_planned_events_are_not_scored_as_engagements():
    # as ../shared/eval/score.py: an intent ("agreed to meet", CAMEO 036) is no engagement
    from communique.evaluate import evaluate

    gold = [{"doc_id": "p", "persons": [], "orgs": [], "commitments": [],
             "events": [{"type": "CONSULT", "mode": ["meeting"], "actors": ["FRA", "DEU"]}]}]
    happened = {"type": "CONSULT", "mode": "meeting", "cameo": "040",
                "actors": [{"name": "France", "kind": "country", "country": "FRA"},
                           {"name": "Germany", "kind": "country", "country": "DEU"}]}
    planned = dict(happened, type="AGREE", cameo="036", status="planned")
    pred = [{"doc_id": "p", "persons": [], "commitments": [], "events": [happened, planned]}]
    assert evaluate(gold, pred).summary["dyad_p"] == 1.0
