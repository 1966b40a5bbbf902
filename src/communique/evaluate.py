"""Score extraction output (the contract's JSON Lines) against gold annotations.

The rules are those of the shared GOLD.md: persons P/R/F1 with lenient name matching,
country and title accuracy; P/R/F1 of cross-national actor pairs ("dyads") of CONSULT
and AGREE events with date, location and mode slots; pledges P/R/F1. Results are
micro-averaged over documents, so numbers agree with the reference scorer.
"""
from __future__ import annotations

import calendar
import datetime as _dt
import json
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any, Iterable

# The word lists below are part of the scoring definition in GOLD.md (not tunable
# lexicons of the extractor), so they live beside the rules that use them.
SCORED_TYPES = frozenset({"CONSULT", "AGREE"})
HONORIFICS = frozenset({"mr", "mrs", "ms", "madam", "dr", "gen", "general", "sen", "senator", "rep", "hon",
                        "his", "her", "excellency", "lt", "col", "adm", "admiral"})
TITLE_STOPWORDS = frozenset({"of", "the", "for", "and", "s", "us", "usa", "vietnam", "vietnamese", "viet",
                             "nam", "american", "u"})
RANK_WORDS = frozenset({"deputy", "vice", "acting", "assistant", "under", "principal", "senior", "permanent",
                        "first", "co", "former"})
TITLE_OVERLAP = 0.5       # Jaccard overlap of title words needed for a title match
AMOUNT_TOLERANCE = 0.01   # a pledge amount may differ from the gold one by 1%
UNKNOWN_YEAR = 2000       # stands in for "XXXX"; a leap year, so that XXXX-02-29 is a date

_ISO3 = re.compile(r"[A-Z]{3}")
_DATE_PART = re.compile(r"(\d{4}|XXXX)(?:-(\d{2}))?(?:-(\d{2}))?")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


class EvalError(ValueError):
    """Bad evaluation input; `str()` is "PATH:LINE: message" (no LINE when unknown)."""

    def __init__(self, path, line: int | None, message: str):
        self.path, self.line, self.message = str(path), line, message
        where = self.path if line is None else f"{self.path}:{line}"
        super().__init__(f"{where}: {message}")


# ---------------------------------------------------------------- normalisation

def fold(text: str | None) -> str:
    """Lower-case ASCII words of `text`: accents, đ and punctuation removed, "U.S." -> "us"."""
    text = (text or "").replace("đ", "d").replace("Đ", "D")
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    text = text.lower().replace("u.s.", "us").replace("u.n.", "un")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def name_tokens(name: str | None) -> list[str]:
    """The words of a person's name that identify it: no initials, no honorifics."""
    return [tok for tok in fold(name).split() if len(tok) > 1 and tok not in HONORIFICS]


def same_person(a: str | None, b: str | None) -> bool:
    """Equal names, or a name of two or more words all contained in the other."""
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return False
    if ta == tb:
        return True
    sa, sb = set(ta), set(tb)
    return min(len(sa), len(sb)) >= 2 and (sa <= sb or sb <= sa)


def _title_words(title: str | None) -> set[str]:
    text = fold(title)
    text = re.sub(r"\bfm\b", "foreign minister", text).replace("defence", "defense")
    text = text.replace("co chair", "cochair").replace("vice chair", "vicechair")
    return set(text.split()) - TITLE_STOPWORDS


def same_title(a: str | None, b: str | None) -> bool:
    """Titles that share enough words and carry the same rank words (deputy, vice, acting...)."""
    wa, wb = _title_words(a), _title_words(b)
    if not wa or not wb or wa & RANK_WORDS != wb & RANK_WORDS:
        return False
    return len(wa & wb) / len(wa | wb) >= TITLE_OVERLAP


def _org_key(name: str | None) -> str:
    return fold(_LEADING_THE.sub("", name or ""))


# ---------------------------------------------------------------- slots

def date_interval(value) -> tuple[_dt.date, _dt.date, bool] | None:
    """'2024-12-02/2024-12-05', '2026-02-13', '2025-09', '2024', 'XXXX-02-13' -> (first, last, year known)."""
    if not isinstance(value, str) or not value:
        return None
    parts = value.split("/")
    if len(parts) > 2:
        return None
    bounds, year_known = [], True
    for part in parts:
        m = _DATE_PART.fullmatch(part.strip())
        if not m:
            return None
        year_s, month_s, day_s = m.groups()
        if year_s == "XXXX":
            year_known, year = False, UNKNOWN_YEAR
        else:
            year = int(year_s)
        try:
            if month_s is None:
                first, last = _dt.date(year, 1, 1), _dt.date(year, 12, 31)
            elif day_s is None:
                month = int(month_s)
                first = _dt.date(year, month, 1)
                last = _dt.date(year, month, calendar.monthrange(year, month)[1])
            else:
                first = last = _dt.date(year, int(month_s), int(day_s))
        except ValueError:  # month 13, February 30...
            return None
        bounds.append((first, last))
    return bounds[0][0], bounds[-1][1], year_known


def date_score(pred, gold) -> float | None:
    """1 inside the gold date, 0.5 overlapping it or right month and day under an unknown year."""
    g = date_interval(gold)
    if g is None:
        return None
    p = date_interval(pred)
    if p is None:
        return 0.0
    if p[2]:
        if g[0] <= p[0] and p[1] <= g[1]:
            return 1.0
        return 0.5 if p[0] <= g[1] and g[0] <= p[1] else 0.0

    def month_day(d: _dt.date) -> tuple[int, int]:
        return d.month, d.day

    return 0.5 if month_day(g[0]) <= month_day(p[0]) and month_day(p[1]) <= month_day(g[1]) else 0.0


def location_score(pred, gold) -> float | None:
    """1 for the right place (name or alias), 0.5 for only the right country; None when gold has none."""
    if not gold:
        return None
    pred = pred if isinstance(pred, dict) else {}
    pred_name, pred_country = fold(pred.get("name")), pred.get("country")
    country_ok = bool(pred_country) and pred_country == gold.get("country")
    if not gold.get("name"):
        return 1.0 if country_ok else 0.0
    if pred_name:
        pred_words = set(pred_name.split())
        for name in [gold["name"], *gold.get("aliases", [])]:
            if fold(name) == pred_name or set(fold(name).split()) <= pred_words:
                return 1.0
    return 0.5 if country_ok else 0.0


# ---------------------------------------------------------------- actors and dyads

class _GoldIndex:
    """Resolves gold and predicted actor names to the gold document's persons and orgs."""

    def __init__(self, gold: dict):
        self.doc_id = gold.get("doc_id")
        self.persons = gold.get("persons") or []
        self.orgs = gold.get("orgs") or []
        self.org_keys = [{_org_key(n) for n in [o["name"], *(o.get("aliases") or [])]} for o in self.orgs]

    def person_index(self, name: str) -> int | None:
        for i, person in enumerate(self.persons):
            if any(same_person(name, n) for n in [person["name"], *(person.get("aliases") or [])]):
                return i
        return None

    def org_index(self, name: str) -> int | None:
        key = _org_key(name)
        return next((i for i, keys in enumerate(self.org_keys) if key in keys), None)

    def gold_actor(self, ref: str) -> tuple[tuple, str | None]:
        """A gold actor: a person's name, an ISO3 code or an org's name/alias."""
        for i, person in enumerate(self.persons):
            if fold(person["name"]) == fold(ref):
                return ("P", i), person.get("country")
        if _ISO3.fullmatch(ref):
            return ("C", ref), ref
        i = self.org_index(ref)
        if i is not None:
            return ("O", i), self.orgs[i].get("country")
        raise EvalError("gold", None, f"{self.doc_id}: actor {ref!r} is not a person, org or ISO3 code")

    def pred_actor(self, actor: dict) -> tuple[tuple, str | None]:
        kind, name, country = actor.get("kind"), actor.get("name") or "", actor.get("country")
        if kind == "country":
            return ("C", country or fold(name)), country
        if kind == "org":
            i = self.org_index(name)
            return (("O", i) if i is not None else ("org?", fold(name))), country
        i = self.person_index(name)
        return (("P", i) if i is not None else ("person?", fold(name))), country


def actor_pairs(actors: list[tuple[tuple, str | None]]) -> list[frozenset]:
    """Pairs of actors on different sides; an actor with no state is a side of its own."""
    pairs = []
    for i, (key_a, country_a) in enumerate(actors):
        for key_b, country_b in actors[i + 1:]:
            if key_a != key_b and (country_a or key_a) != (country_b or key_b):
                pairs.append(frozenset((key_a, key_b)))
    return pairs


def _describe_pair(pair: frozenset, index: _GoldIndex) -> str:
    names = []
    for kind, ref in pair:
        if kind == "P":
            names.append(index.persons[ref]["name"])
        elif kind == "O":
            names.append(index.orgs[ref]["name"])
        else:
            names.append(str(ref))
    return " + ".join(sorted(names))


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall, F1; an empty prediction of an empty gold is perfect."""
    p = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    r = tp / n_gold if n_gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# ---------------------------------------------------------------- the report

@dataclass
class DocScore:
    """What one document got right, missed and added."""

    doc_id: str
    predicted: bool
    person_tp: int = 0
    person_pred: int = 0
    person_gold: int = 0
    country_ok: int = 0
    title_ok: int = 0
    missed_persons: list[str] = field(default_factory=list)
    extra_persons: list[str] = field(default_factory=list)
    dyad_tp: int = 0
    dyad_pred: int = 0
    dyad_gold: int = 0
    date_scores: list[float] = field(default_factory=list)
    location_scores: list[float] = field(default_factory=list)
    mode_scores: list[float] = field(default_factory=list)
    missed_events: list[str] = field(default_factory=list)
    extra_dyads: list[str] = field(default_factory=list)
    pledge_tp: int = 0
    pledge_pred: int = 0
    pledge_gold: int = 0


@dataclass
class Report:
    """Micro-averaged `summary` (metric name -> number) and one `DocScore` per gold document."""

    summary: dict[str, float]
    docs: list[DocScore]

    def to_dict(self) -> dict[str, Any]:
        return {"summary": dict(self.summary), "docs": [asdict(d) for d in self.docs]}

    def format_text(self, *, per_doc: bool = False) -> str:
        """A readable summary; with `per_doc`, what each document missed and added first."""
        s, lines = self.summary, []
        if per_doc:
            for d in self.docs:
                lines.append(f"== {d.doc_id}: persons {d.person_tp}/{d.person_gold} (+{len(d.extra_persons)} extra)"
                             f"  dyads {d.dyad_tp}/{d.dyad_gold} (pred {d.dyad_pred})"
                             + ("" if d.predicted else "  [no prediction]"))
                lines += [f"   missed person: {n}" for n in d.missed_persons]
                lines += [f"   extra person:  {n}" for n in d.extra_persons]
                lines += [f"   missed event:  {n}" for n in d.missed_events]
                lines += [f"   extra dyad:    {n}" for n in d.extra_dyads]
        lines += [
            f"documents       {s['docs_predicted']}/{s['docs']} predicted",
            f"persons         P {s['person_p']:.3f}  R {s['person_r']:.3f}  F1 {s['person_f1']:.3f}"
            f"   country {s['person_country_acc']:.3f}  title {s['person_title_acc']:.3f}",
            f"event dyads     P {s['dyad_p']:.3f}  R {s['dyad_r']:.3f}  F1 {s['dyad_f1']:.3f}"
            f"   date {s['date_acc']:.3f}  location {s['location_acc']:.3f}  mode {s['mode_acc']:.3f}",
            f"pledges         P {s['pledge_p']:.3f}  R {s['pledge_r']:.3f}  F1 {s['pledge_f1']:.3f}",
        ]
        return "\n".join(lines)


def _score_persons(score: DocScore, gold: dict, pred: dict) -> None:
    gold_persons = gold.get("persons") or []
    pred_persons = [p for p in pred.get("persons") or [] if isinstance(p, dict)]
    taken: set[int] = set()
    for person in pred_persons:
        name = person.get("name") or ""
        match = next((i for i, g in enumerate(gold_persons) if i not in taken
                      and any(same_person(name, n) for n in [g["name"], *(g.get("aliases") or [])])), None)
        if match is None:
            score.extra_persons.append(name)
            continue
        taken.add(match)
        g = gold_persons[match]
        score.person_tp += 1
        score.country_ok += person.get("country") == g.get("country")
        score.title_ok += any(same_title(a, b) for a in person.get("titles") or [] for b in g.get("titles") or [])
    score.person_pred, score.person_gold = len(pred_persons), len(gold_persons)
    score.missed_persons = [g["name"] for i, g in enumerate(gold_persons) if i not in taken]


def _score_dyads(score: DocScore, gold: dict, pred: dict) -> None:
    index = _GoldIndex(gold)
    gold_pairs = []  # (pair, type, event)
    for event in gold.get("events") or []:
        if event.get("type") in SCORED_TYPES:
            actors = [index.gold_actor(a) for a in event.get("actors") or []]
            gold_pairs += [(pair, event["type"], event) for pair in actor_pairs(actors)]
    used: set[int] = set()
    for event in pred.get("events") or []:
        if not isinstance(event, dict) or event.get("type") not in SCORED_TYPES:
            continue
        if event.get("status", "happened") == "planned":  # intents are no engagements (GOLD.md)
            continue
        actors = [index.pred_actor(a) for a in event.get("actors") or [] if isinstance(a, dict)]
        for pair in actor_pairs(actors):
            hit = next((i for i, (gp, gt, _) in enumerate(gold_pairs)
                        if i not in used and gt == event["type"] and gp == pair), None)
            if hit is None:
                score.dyad_pred += 1
                score.extra_dyads.append(_describe_pair(pair, index))
                continue
            used.add(hit)
            gold_event = gold_pairs[hit][2]
            if gold_event.get("optional"):
                continue  # found a background event: neither right nor wrong
            score.dyad_pred += 1
            score.dyad_tp += 1
            ds = date_score(event.get("date"), gold_event.get("date"))
            ls = location_score(event.get("location"), gold_event.get("location"))
            if ds is not None:
                score.date_scores.append(ds)
            if ls is not None:
                score.location_scores.append(ls)
            score.mode_scores.append(1.0 if event.get("mode") in (gold_event.get("mode") or []) else 0.0)
    required = [i for i, (_, _, ev) in enumerate(gold_pairs) if not ev.get("optional")]
    score.dyad_gold = len(required)
    score.missed_events = [" + ".join(gold_pairs[i][2]["actors"]) for i in required if i not in used]


def _amount_close(pred_amount, gold_amount) -> bool:
    try:
        return abs(float(pred_amount) - gold_amount) <= AMOUNT_TOLERANCE * gold_amount
    except (TypeError, ValueError):
        return False


def _score_pledges(score: DocScore, gold: dict, pred: dict) -> None:
    gold_c = gold.get("commitments") or []
    pred_c = [c for c in pred.get("commitments") or [] if isinstance(c, dict)]
    used: set[int] = set()
    for c in pred_c:
        hit = next((i for i, g in enumerate(gold_c) if i not in used and _amount_close(c.get("amount"), g["amount"])
                    and all(c.get(k) == g.get(k) for k in ("currency", "donor", "recipient"))), None)
        if hit is not None:
            used.add(hit)
    score.pledge_tp, score.pledge_pred, score.pledge_gold = len(used), len(pred_c), len(gold_c)


def score_document(gold: dict, pred: dict | None) -> DocScore:
    """Score one article's prediction (None when the run produced nothing for it)."""
    score = DocScore(doc_id=gold["doc_id"], predicted=pred is not None)
    pred = pred or {}
    _score_persons(score, gold, pred)
    _score_dyads(score, gold, pred)
    _score_pledges(score, gold, pred)
    return score


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def summarize(docs: list[DocScore]) -> dict[str, float]:
    """Micro-averaged metrics over documents."""
    def total(name: str) -> int:
        return sum(getattr(d, name) for d in docs)

    pp, pr, pf = prf(total("person_tp"), total("person_pred"), total("person_gold"))
    dp, dr, df = prf(total("dyad_tp"), total("dyad_pred"), total("dyad_gold"))
    cp, cr, cf = prf(total("pledge_tp"), total("pledge_pred"), total("pledge_gold"))
    matched = total("person_tp")
    return {
        "docs": len(docs), "docs_predicted": sum(d.predicted for d in docs),
        "person_p": pp, "person_r": pr, "person_f1": pf,
        "person_country_acc": total("country_ok") / matched if matched else 0.0,
        "person_title_acc": total("title_ok") / matched if matched else 0.0,
        "dyad_p": dp, "dyad_r": dr, "dyad_f1": df,
        "date_acc": _mean([x for d in docs for x in d.date_scores]),
        "location_acc": _mean([x for d in docs for x in d.location_scores]),
        "mode_acc": _mean([x for d in docs for x in d.mode_scores]),
        "pledge_p": cp, "pledge_r": cr, "pledge_f1": cf,
    }


def evaluate(gold_records: Iterable[dict], pred_records: Iterable[dict]) -> Report:
    """Score predictions (contract dicts, or `Article`s) against gold records (GOLD.md format).

    Predictions are matched to gold by `doc_id`; a prediction for a document that is not in
    the gold is ignored, a gold document without a prediction scores as an empty one. When a
    `doc_id` is predicted twice, the last prediction counts.
    """
    preds: dict[str, dict] = {}
    for rec in pred_records:
        if hasattr(rec, "to_dict"):
            rec = rec.to_dict()
        preds[rec.get("doc_id")] = rec
    docs = [score_document(g, preds.get(g["doc_id"])) for g in gold_records]
    return Report(summary=summarize(docs), docs=docs)


def load_jsonl(path, errors: list[EvalError] | None = None) -> list[dict]:
    """Records of a JSON Lines file; each must be an object with a `doc_id`.

    A broken line raises `EvalError` ("PATH:LINE: ...") unless an `errors` list is given:
    then it is appended there and the rest of the file is still read.
    """
    records = []
    try:
        with open(path, encoding="utf-8") as fh:
            lines = fh.readlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalError(path, None, f"cannot read ({exc.__class__.__name__}: {exc})") from None
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line.rstrip("\r\n"))
            if not isinstance(rec, dict):
                raise EvalError(path, lineno, "not a JSON object")
            if not rec.get("doc_id"):
                raise EvalError(path, lineno, 'record has no "doc_id"')
        except json.JSONDecodeError as exc:
            err = EvalError(path, lineno, f"not JSON ({exc.msg} at column {exc.colno})")
        except EvalError as exc:
            err = exc
        else:
            records.append(rec)
            continue
        if errors is None:
            raise err
        errors.append(err)
    return records


def check_gold(records: list[dict], path="gold") -> None:
    """Raise `EvalError` when a gold record names an event actor it does not define."""
    for rec in records:
        index = _GoldIndex(rec)
        for event in rec.get("events") or []:
            for actor in event.get("actors") or []:
                try:
                    index.gold_actor(actor)
                except EvalError as exc:
                    raise EvalError(path, None, exc.message) from None


def evaluate_files(gold_path, pred_path) -> tuple[Report, list[EvalError]]:
    """Score a prediction file against a gold file; broken prediction lines are skipped and returned."""
    gold = load_jsonl(gold_path)
    check_gold(gold, gold_path)
    problems: list[EvalError] = []
    preds = load_jsonl(pred_path, errors=problems)
    return evaluate(gold, preds), problems


__all__ = ["evaluate", "evaluate_files", "load_jsonl", "check_gold", "Report", "DocScore", "EvalError",
           "same_person", "same_title", "date_score", "location_score"]
