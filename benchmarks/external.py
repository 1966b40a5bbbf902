"""Score communique's event coder on the public gold sets in ../shared/benchmarks (evaluation only:
nothing of them is shipped or copied into the repository) and print one table, side by side with
PETRARCH2's outputs where ../shared/benchmarks/petrarch2_baseline has them.

    python benchmarks/external.py [--benchmarks PATH] [--only up,plover,cameo,re3d] [--errors N]

Metrics:
  UniversalPetrarch GSR: CAMEO root recall over gold triples, precision over coded events (those with a
      PLOVER type, and public statements of root 01 but the bare reporting verb 010), country pairs
      right over gold triples with two state codes (a reciprocal event counts for every pair of its parties).
  PLOVER GSR: PLOVER type accuracy of the sentence's main event over all records (0.5b1 names
      mapped to PLOVER 0.8), actor ISO3 accuracy over gold actors with a state code.
  CAMEO codebook: root and exact code accuracy of the main event over all example sentences.
  re3d: CommWith relations (met / spoke / communicated) against the dyads of coded communication
      events (meetings, calls, appeals, statements to someone, signings, meetings intended), by character overlap.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from communique.coding import code_doc  # noqa: E402
from communique.nlp import get_nlp  # noqa: E402

PLOVER_05_TO_08 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
ISO_SLIPS = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}  # codes in the PLOVER GSR that are not ISO 3166 alpha-3
# CAMEO's three-letter codes for actors of no state (organisations, militarised and religious groups)
NON_STATE = frozenset({"IGO", "NGO", "IMG", "ISM", "MNC", "NGM", "UIS"})


def main_event(events, include_statements=False):
    """The event a one-sentence benchmark is about: the shallowest one that is not the reporting
    verb ("X said ..."); public statements (01) only where asked for."""
    pool = [e for e in events if e.plover or include_statements]
    told = [e for e in pool if e.code != "010"]
    return (told or pool or [None])[0]


def parse(texts):
    return list(get_nlp().pipe(texts, batch_size=32))


# ------------------------------------------------------------------ UniversalPetrarch GSR

def load_up(root: Path):
    raw = (root / "universalpetrarch" / "PETR2_GSR_validation.xml").read_text(encoding="utf-8")
    records = []
    for block in re.split(r"<Sentence\s", raw)[1:]:
        rid = re.search(r'\bid="([^"]+)"', block).group(1)
        gold = [(m.group(2), m.group(3), m.group(1)) for m in
                re.finditer(r'<EventCoding eventcode="(\d+)" sourcecode="([^"]*)" targetcode="([^"]*)"', block)]
        text = re.search(r"<Text>(.*?)</Text>", block, re.S)
        if text:
            records.append((rid, " ".join(text.group(1).split()), gold))
    return records


def _state(code: str) -> str | None:
    c = (code or "")[:3]
    return c if re.fullmatch(r"[A-Z]{3}", c) and c not in ("IGO", "---") else None


def _up_counts(e) -> bool:
    """A coded event the CAMEO metric scores: one with a PLOVER type, or a public statement of root 01
    other than the bare reporting verb (010, "X said"), which PLOVER leaves untyped but CAMEO codes."""
    return bool(e.source or e.target) and bool(e.plover or (e.code[:2] == "01" and e.code != "010"))


def _up_row(e, planned_as_deeds: bool = False) -> tuple:
    """(code, source countries, target countries); a reciprocal event ("X and Y met") is each party's
    with the others, as the gold writes it: every party on both sides. `planned_as_deeds`: a planned
    event scored as the deed it plans ("will meet": 036 read as its 04x), as this GSR codes them."""
    src, tgt = [a.country for a in e.source], [a.country for a in e.target]
    if getattr(e, "reciprocal", False):
        src = tgt = src + [c for c in tgt if c not in src]
    code = e.deed if planned_as_deeds and e.status == "planned" and e.deed else e.code
    return code, src, tgt


def score_up(root: Path, errors: int):
    records = load_up(root)
    docs = parse([t for _, t, _ in records])
    coded = {rid: [e for e in code_doc(doc) if _up_counts(e)] for (rid, _, _), doc in zip(records, docs)}
    ours = {rid: [_up_row(e) for e in events] for rid, events in coded.items()}
    # the GSR codes what is announced as to be done as done ("will meet": 040, "will supply arms":
    # 072); communique codes it as an intent (03x, status planned), as CAMEO's 03 and the contract
    # say. This second row reads communique's planned events as their deeds, to show that gap apart.
    as_deeds = {rid: [_up_row(e, planned_as_deeds=True) for e in events] for rid, events in coded.items()}
    base = _baseline(root, "petrarch2_on_GSR_corenlp_trees.json")
    rows = {}
    for name, pred in (("communique", ours), ("communique, planned as deeds", as_deeds), ("PETRARCH2", base)):
        if pred is None:
            continue
        gold_n = hit = pred_n = pred_ok = pairs_n = pairs_ok = 0
        shown = 0
        for rid, text, gold in records:
            if rid not in pred:
                continue
            p = pred[rid]
            roots = {g[2][:2] for g in gold}
            pred_n += len(p)
            pred_ok += sum(1 for code, _, _ in p if code[:2] in roots)
            for src, tgt, code in gold:
                gold_n += 1
                ok = any(c[:2] == code[:2] for c, _, _ in p)
                hit += ok
                if _state(src) and _state(tgt):
                    pairs_n += 1
                    pairs_ok += any(_state(src) in s and _state(tgt) in t for _, s, t in p)
                if not ok and name == "communique" and shown < errors:
                    shown += 1
                    print(f"  up miss {code} {src}->{tgt}: {text[:150]}  | ours {p}", file=sys.stderr)
        rows[name] = {"records": len(pred), "root_recall": hit / max(gold_n, 1), "root_precision": pred_ok / max(pred_n, 1),
                      "pairs": f"{pairs_ok}/{pairs_n}", "pair_acc": pairs_ok / max(pairs_n, 1)}
    return rows


def _baseline(root: Path, name: str):
    path = root / "petrarch2_baseline" / name
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return {rid: [(c, [_state(s) or s], [_state(t) or t]) for s, t, c in rec.get("pred", [])] for rid, rec in data.items()}


# ------------------------------------------------------------------ PLOVER GSR

def score_plover(root: Path, errors: int):
    data = json.loads((root / "plover_gsr" / "PLOVER_GSR_CAMEO.json").read_text(encoding="utf-8"))
    records = [r for r in data if r.get("event") and r.get("event") != "DOCUMENT"]
    docs = parse([r["text"] for r in records])
    right = actors_n = actors_ok = coded = 0
    shown = actor_shown = 0
    for rec, doc in zip(records, docs):
        gold = PLOVER_05_TO_08.get(rec["event"], rec["event"])
        ev = main_event(code_doc(doc))
        coded += ev is not None
        ok = ev is not None and ev.plover == gold
        right += ok
        if not ok and shown < errors:
            shown += 1
            print(f"  plover miss {gold}: {rec['text'][:140]} | ours {ev.code + ' ' + ev.plover if ev else None}", file=sys.stderr)
        for side in ("source", "target"):
            for actor in rec.get(side) or []:
                if not isinstance(actor, dict):
                    continue
                code = ISO_SLIPS.get(actor.get("code", ""), actor.get("code", ""))
                if not re.fullmatch(r"[A-Z]{3}", code or "") or code in NON_STATE:
                    continue
                actors_n += 1
                got = {a.country for a in getattr(ev, side)} if ev is not None else set()
                actors_ok += code in got
                if code not in got and actor_shown < errors:
                    actor_shown += 1
                    print(f"  plover actor miss {side} {actor.get('actorText')!r}={code}: {rec['text'][:140]} | ours "
                          f"{ev.code if ev else None} {[(a.text, a.country) for a in getattr(ev, side)] if ev else ''}",
                          file=sys.stderr)
    return {"communique": {"records": len(records), "coded": coded / len(records), "type_acc": right / len(records),
                           "actor_iso3_acc": actors_ok / max(actors_n, 1)}}


# ------------------------------------------------------------------ CAMEO codebook examples

def score_cameo(root: Path, errors: int):
    rows = list(csv.DictReader((root / "cameo_codebook_examples" / "cameo-codes.csv").open(encoding="utf-8")))
    rows = [r for r in rows if (r.get("example") or "").strip() and r["example"].strip() != "NA"]
    docs = parse([r["example"] for r in rows])
    root_ok = exact = 0
    shown = 0
    for row, doc in zip(rows, docs):
        gold = row["code"].strip()
        ev = main_event(code_doc(doc), include_statements=True)
        ok = ev is not None and ev.code[:2] == gold[:2]
        root_ok += ok
        exact += ev is not None and ev.code == gold
        if not ok and shown < errors:
            shown += 1
            print(f"  cameo miss {gold}: {row['example'][:140]} | ours {ev.code if ev else None}", file=sys.stderr)
    return {"communique": {"records": len(rows), "root_acc": root_ok / len(rows), "code_acc": exact / len(rows)}}


# ------------------------------------------------------------------ re3d CommWith

def _overlaps(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_re3d(root: Path, errors: int):
    gold_n = gold_hit = pred_n = pred_hit = shown = 0
    for folder in sorted((root / "re3d").iterdir()):
        if not (folder / "documents.json").exists():
            continue
        docs = [json.loads(l) for l in (folder / "documents.json").read_text(encoding="utf-8-sig").splitlines() if l.strip()]
        rels = [json.loads(l) for l in (folder / "relations.json").read_text(encoding="utf-8-sig").splitlines() if l.strip()]
        comm = {}
        for r in rels:
            if r["type"] == "CommWith":
                comm.setdefault(r["documentId"], []).append(((r["sourceBegin"], r["sourceEnd"]), (r["targetBegin"], r["targetEnd"])))
        parsed = parse([d["text"] for d in docs])
        for d, doc in zip(docs, parsed):
            gold = comm.get(d["_id"], [])
            dyads = _comm_dyads(code_doc(doc), doc)
            pred_n += len(dyads)
            hits = [p for p in dyads if any(_pair_match(p, g) for g in gold)]
            pred_hit += len(hits)
            gold_n += len(gold)
            gold_hit += sum(1 for g in gold if any(_pair_match(p, g) for p in dyads))
            for p in dyads:
                if p not in hits and shown < errors:
                    shown += 1
                    print(f"  re3d false {doc.text[p[0][0]:p[0][1]]!r} <-> {doc.text[p[1][0]:p[1][1]]!r}", file=sys.stderr)
            for g in gold:
                if not any(_pair_match(p, g) for p in dyads) and shown < errors:
                    shown += 1
                    a, b = g
                    ctx = doc.text[max(0, min(a[0], b[0]) - 40):max(a[1], b[1]) + 40].replace("\n", " ")
                    print(f"  re3d miss {doc.text[a[0]:a[1]]!r} <-> {doc.text[b[0]:b[1]]!r}: {ctx}", file=sys.stderr)
    return {"communique": {"relations": gold_n, "recall": gold_hit / max(gold_n, 1), "precision": pred_hit / max(pred_n, 1),
                           "dyads": pred_n}}


# CommWith is one party speaking with another: meetings, calls, hosting (04), appeals (02),
# statements made to someone (01 with a target) and agreements signed; a visit (042) is to a
# place, and what was done, not said, is no CommWith
COMM_ROOTS = ("01", "02", "04")
# ... and two codes of other roots whose parties deal with each other: an agreement signed
# (communique's engagements are CONSULT and AGREE/signing), a meeting intended (036, not a
# visit intended: "will travel to Paris" is to a place)
TALK_CODES = frozenset({"057", "036"})
TELL = frozenset({"tell", "inform", "brief", "update", "assure", "convey"})


def _counted(doc, actor) -> bool:
    """An actor named by a counted plural ("the two men", "both leaders"): more than one party."""
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None or actor.pronoun or span[-1].tag_ not in ("NNS", "NNPS"):
        return False
    return any(c.dep_ == "nummod" or c.lower_ == "both" for c in span[-1].children)


def _comm_dyads(events, doc):
    """(source span, target span) pairs of the communication events, told as done or as
    planned (re3d marks who communicates with whom, whatever the tense: "will meet with X" is
    a CommWith); the parties of a reciprocal one ("X and Y met") pair with each other."""
    out = []
    for e in events:
        if e.deed.startswith("042") or not (e.root in COMM_ROOTS or e.code in TALK_CODES):
            continue
        if e.root == "01" and e.lemma not in TELL:
            continue  # "announced the death of a soldier": said, but to no one
        pairs = [(s, t) for s in e.source for t in e.target]
        if not e.target or e.code == "057":  # "A and B met", "A and B signed ... with C": with each other
            pairs += [(a, b) for k, a in enumerate(e.source) for b in e.source[k + 1:]]
        if not e.target and len(e.source) == 1 and e.root == "04" and _counted(doc, e.source[0]):
            pairs.append((e.source[0], e.source[0]))  # "the two men met": among themselves
        for s, t in pairs:
            p = ((s.start, s.end), (t.start, t.end))
            if p not in out:
                out.append(p)
    return out


def _pair_match(p, g) -> bool:
    return (_overlaps(p[0], g[0]) and _overlaps(p[1], g[1])) or (_overlaps(p[0], g[1]) and _overlaps(p[1], g[0]))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--benchmarks", default=str(REPO.parent / "shared" / "benchmarks"))
    ap.add_argument("--only", default="up,plover,cameo,re3d")
    ap.add_argument("--errors", type=int, default=0, help="print up to N misses per benchmark to stderr")
    args = ap.parse_args(argv)
    root = Path(args.benchmarks)
    if not root.exists():
        print(f"external.py: no benchmarks at {root}", file=sys.stderr)
        return 2
    runs = {"up": ("UniversalPetrarch GSR", score_up), "plover": ("PLOVER GSR", score_plover),
            "cameo": ("CAMEO codebook examples", score_cameo), "re3d": ("re3d CommWith", score_re3d)}
    print(f"{'benchmark':<26} {'coder':<28} figures")
    for key in args.only.split(","):
        title, fn = runs[key]
        for coder, figures in fn(root, args.errors).items():
            text = "  ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in figures.items())
            print(f"{title:<26} {coder:<28} {text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
