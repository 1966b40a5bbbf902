"""Incremental corpus resolution: re-resolve only what the changed articles touch.

`resolve_queue` holds the articles whose raw rows changed. Resolving it, in the caller's
transaction (which also empties the queue, so a crash leaves it as it was):

1. **Persons.** The queued articles' person records are folded into distinct name forms
   (`person_forms`: same name, mention, country and titles). Forms that appear, disappear or
   change their earliest record re-cluster their *component*: the forms linked to them through
   blocking keys (`person_form_keys`; every pair a pass of resolve_persons compares shares one),
   so the component is an exact partition and resolving it alone gives what a full run gives.
   One-word names whose word such a component (or a new record) uses are decided again
   (`attach_shorts`). Identity ids stay: a cluster keeps the id most of its records had; an id
   that disappears in a merge redirects (`identity_redirects`).
2. **Events.** Events of the queued articles and of records whose identity changed get new
   blocking keys (`resolve.events.block_keys`); their component (events linked by keys, plus
   the old co-members of their merged events) is merged again with merge_events.

A full rebuild is the same run from empty state with every article queued (old ids kept), so
`resolve --check` can compare the two.
"""
from __future__ import annotations

import json
import re
from collections import Counter, defaultdict

from sqlalchemy import and_, bindparam, delete, func, select, update

from communique.store import schema, tallies
from communique.store.names import fold

CHUNK = 400  # values per IN (...) list: well under SQLite's and PostgreSQL's parameter limits


def _chunks(values, n: int = CHUNK):
    values = list(values)
    for i in range(0, len(values), n):
        yield values[i:i + n]


def _rows_in(conn, query_for, values):
    """Rows of query_for(chunk) over chunks of values."""
    out = []
    for chunk in _chunks(values):
        out += conn.execute(query_for(chunk)).all()
    return out


def _insert(conn, table, rows) -> None:
    for chunk in _chunks(rows, 2000):
        conn.execute(table.insert(), chunk)


def _set_identity(conn, table, key_col, pairs) -> None:
    """UPDATE table SET identity_id = new WHERE key_col = id, for many (id, new) pairs at once."""
    stmt = update(table).where(key_col == bindparam("_k")).values(identity_id=bindparam("_v"))
    for chunk in _chunks([{"_k": k, "_v": v} for k, v in pairs], 2000):
        conn.execute(stmt, chunk)


# ------------------------------------------------------------------ person records and forms

def _article_dates(conn, article_ids) -> dict[int, str | None]:
    """The date a person record carries: its article's publication day, else its first event date."""
    a, e = schema.articles, schema.events
    pub = {r.id: r.published for r in _rows_in(conn, lambda c: select(a.c.id, a.c.published).where(a.c.id.in_(c)),
                                               article_ids)}
    first = dict(_rows_in(conn, lambda c: select(e.c.article_id, func.min(e.c.date_start))
                          .where(e.c.article_id.in_(c)).group_by(e.c.article_id), article_ids))
    return {aid: ((pub.get(aid) or "")[:10] or first.get(aid)) for aid in article_ids}


def person_records(conn, article_ids) -> list[dict]:
    """PersonRecord dicts (STORE_API) of the given articles, in (article, index) order."""
    p = schema.persons
    dates = _article_dates(conn, article_ids)
    out = []
    for r in sorted(_rows_in(conn, lambda c: select(p).where(p.c.article_id.in_(c)), article_ids),
                    key=lambda r: (r.article_id, r.idx)):
        mentions = json.loads(r.mentions or "{}")
        out.append({"key": (r.article_id, r.idx), "article_id": r.article_id, "name": r.name,
                    "titles": json.loads(r.titles or "[]"), "country": r.country, "org": r.org,
                    "date": dates.get(r.article_id), "mentions_text": mentions.get("forms", []) or [r.name]})
    return out


def _prepared(rec: dict, overrides):
    from communique.resolve.persons import _prepare, _split_label

    r = _prepare(0, rec)
    r.label = _split_label(r, overrides)
    return r


def form_sig(r) -> str:
    """What makes two records one name form; a one-word name is a form of its own per record."""
    sig = json.dumps([r.label, r.name, r.raw, list(r.tokens), r.country, sorted(r.title_keys), sorted(r.levels)],
                     ensure_ascii=False)
    return f"short|{r.key[0]}|{r.key[1]}|{sig}" if len(r.tokens) < 2 else sig


def form_keys(r) -> set[str]:
    """Blocking keys of a form: any two forms a pass of resolve_persons compares share one (see
    the passes: same name; same with the full given name; a shorter name inside a longer one
    sharing its first or last word; the same words reordered; initials; the same letters; the
    transliteration skeleton within a country). "t|" keys (first/last word) and "w|" keys (a
    one-word name) are lookups for the one-word pass, not component links."""
    from communique.resolve.persons import skeleton_key

    t, c = r.tokens, r.ctokens
    if len(t) < 2:
        return {f"w|{t[0]}"} if t else set()
    keys = {"n|" + " ".join(t), "g|" + " ".join(c), "o|" + " ".join(sorted(t)), f"i|{t[0][:1]}|{t[-1]}",
            "j|" + re.sub(r"[^a-z0-9]", "", "".join(t)), f"t|{t[0]}", f"t|{t[-1]}"}
    keys |= {f"p|{c[0]}|{x}" for x in c[1:]} | {f"q|{x}|{c[-1]}" for x in c[:-1]}
    if r.country:
        keys.add(f"f|{r.country}|" + " ".join(skeleton_key(t)))
    return {k[:1000] for k in keys}


def _is_link(key: str) -> bool:
    return not key.startswith(("t|", "w|"))


class _Form:
    """A person_forms row being updated in memory."""

    def __init__(self, row=None):
        self.id = row.id if row is not None else None
        self.sig = row.sig if row is not None else None
        self.kind = row.kind if row is not None else None
        self.key = (row.key_article, row.key_idx) if row is not None else None
        self.rep = json.loads(row.rep) if row is not None else None
        self.n = row.n if row is not None else 0
        self.aliases = set(json.loads(row.aliases or "[]")) if row is not None else set()
        self.stats = json.loads(row.stats or "{}") if row is not None else {}
        self.identity = row.identity_id if row is not None else None
        self.old_key = self.key
        self.old_identity = self.identity
        self.dirty = False

    def add(self, rec: dict, r) -> None:
        from communique.resolve.persons import merge_stats, record_stats

        self.n += 1
        self.aliases.update(x for x in (r.name, r.raw, *r.mentions) if x)
        merge_stats(self.stats, record_stats(r))
        key = tuple(rec["key"])
        dates = [d for d in (rec.get("date"), self.rep.get("date") if self.rep else None) if d]
        if self.rep is None or key < self.key:
            self.rep, self.key = {k: v for k, v in rec.items() if k != "key"}, key
        self.rep["date"] = min(dates) if dates else None
        self.rep["label"] = r.label
        self.dirty = True

    def reset(self) -> None:
        self.n, self.aliases, self.stats, self.rep, self.key = 0, set(), {}, None, None
        self.dirty = True

    def record(self) -> dict:
        """The record resolve_persons sees for this form."""
        return {**self.rep, "key": self.key, "article_id": self.key[0], "n": self.n}

    def row(self) -> dict:
        return {"sig": self.sig, "kind": self.kind, "key_article": self.key[0], "key_idx": self.key[1],
                "rep": json.dumps(self.rep, ensure_ascii=False), "n": self.n,
                "aliases": json.dumps(sorted(self.aliases), ensure_ascii=False),
                "stats": json.dumps(self.stats, ensure_ascii=False), "identity_id": self.identity}


# ------------------------------------------------------------------ the run

class Run:
    """One resolution of the queue (or, with full=True, of everything)."""

    def __init__(self, conn, overrides=None, full: bool = False):
        self.conn, self.overrides, self.full = conn, overrides, full
        self.previous: dict[tuple, str] = {}      # record -> identity id before this run (full runs)
        self.forms: dict[int, _Form] = {}         # loaded forms by id
        self.changed_articles: set[int] = set()   # articles whose records changed identity
        self.touched: set[str] = set()            # identity ids whose rows must be rewritten
        self.new_links: dict[str, list] = {}      # identity id -> links of its full-name clusters
        self.short_links: dict[str, dict] = defaultdict(dict)  # identity id -> word -> links
        self.redecided_words: set[str] = set()
        self._recs: dict[int, object] = {}        # form id -> prepared _Rec of its representative
        self.claimed: set[str] = set()            # ids given to a cluster in this run
        self.named: dict[str, str] = {}           # identity id -> name an override gives it
        self.record_form: dict[tuple, _Form] = {}  # this run's records (queued articles) -> form
        self.queued: set[int] = set()
        self._redirected: set[str] | None = None

    # -------------------------------------------------------------- entry

    def run(self, queue: list[int]) -> None:
        conn = self.conn
        if self.full:
            im = schema.identity_members
            self.previous = {(r.article_id, r.person_idx): r.identity_id
                             for r in conn.execute(select(im.c.article_id, im.c.person_idx, im.c.identity_id))}
            for table in (*reversed(schema.RESOLUTION_TABLES), *schema.INCREMENTAL_TABLES):
                conn.execute(delete(table))
            tallies.clear(conn)  # event tallies: recounted as the events are written again
        queue = sorted(set(queue))
        if not queue:
            return
        self._persons(queue)
        self._events(sorted(set(queue) | self.changed_articles))

    # -------------------------------------------------------------- persons

    def _load_forms(self, query) -> list[_Form]:
        out = []
        for row in self.conn.execute(query).all():
            if row.id not in self.forms:
                self.forms[row.id] = _Form(row)
            out.append(self.forms[row.id])
        return out

    def _forms_where(self, cond_for, values) -> list[_Form]:
        pf = schema.person_forms
        out = []
        for chunk in _chunks(values):
            out += self._load_forms(select(pf).where(cond_for(chunk)))
        return out

    def _rec(self, f: _Form):
        if f.id not in self._recs:
            from communique.resolve.persons import _prepare

            self._recs[f.id] = _prepare(0, f.record())
        return self._recs[f.id]

    def _persons(self, queue: list[int]) -> None:
        conn, im, pf, pk = self.conn, schema.identity_members, schema.person_forms, schema.person_form_keys
        # 1. the queued articles' old records leave their forms
        old = _rows_in(conn, lambda c: select(im).where(im.c.article_id.in_(c)), queue)
        for chunk in _chunks(queue):
            conn.execute(delete(im).where(im.c.article_id.in_(chunk)))
        for r in old:
            self.touched.add(r.identity_id)
            self.changed_articles.add(r.article_id)
        lost = {r.form_id for r in old if r.form_id is not None}
        # 2. the queued articles' current records, prepared
        recs = person_records(conn, queue)
        prepared = [(rec, _prepared(rec, self.overrides)) for rec in recs]
        sigs = {form_sig(r) for _, r in prepared}
        by_sig = {f.sig: f for f in self._forms_where(lambda c: pf.c.sig.in_(c), sigs)}
        lost_forms = self._forms_where(lambda c: pf.c.id.in_(c), lost)
        for f in lost_forms:  # rebuilt from the records they keep (an updated article is rare)
            f.reset()
            keep = {(r.article_id, r.person_idx) for r in conn.execute(select(im.c.article_id, im.c.person_idx)
                                                                         .where(im.c.form_id == f.id))}
            for rec in person_records(conn, sorted({a for a, _ in keep})):
                if tuple(rec["key"]) in keep:
                    f.add(rec, _prepared(rec, self.overrides))
        new_forms = []
        record_form = self.record_form
        self.queued = set(queue)
        for rec, r in prepared:
            sig = form_sig(r)
            f = by_sig.get(sig)
            if f is None:
                f = _Form()
                f.sig, f.kind = sig, ("full" if len(r.tokens) >= 2 else "short")
                by_sig[sig] = f
                new_forms.append(f)
            f.add(rec, r)
            record_form[tuple(rec["key"])] = f
        # votes for old ids: a form's own identity, or (full runs) its records' previous ids
        votes: dict[int, Counter] = defaultdict(Counter)
        for key, f in record_form.items():
            if key in self.previous:
                votes[id(f)][self.previous[key]] += 1
        for f in list(by_sig.values()) + lost_forms:
            if f.identity and f.n:
                votes[id(f)][f.identity] += f.n
        # 3. write forms (new ids), drop emptied ones
        gone = [f for f in lost_forms if f.n == 0]
        gone_keys = set()
        if gone:
            gone_keys = {r.key for r in _rows_in(conn, lambda c: select(pk.c.key).where(pk.c.form_id.in_(c)),
                                                 [f.id for f in gone])}
            for chunk in _chunks([f.id for f in gone]):
                conn.execute(delete(pk).where(pk.c.form_id.in_(chunk)))
                conn.execute(delete(pf).where(pf.c.id.in_(chunk)))
            for f in gone:
                self.touched.add(f.identity)
                self.forms.pop(f.id, None)
        for chunk in _chunks(new_forms, 1000):
            ids = {r.sig: r.id for r in conn.execute(pf.insert().returning(pf.c.id, pf.c.sig), [f.row() for f in chunk])}
            for f in chunk:
                f.id = ids[f.sig]
                self.forms[f.id] = f
        _insert(conn, pk, [{"key": k, "form_id": f.id} for f in new_forms for k in sorted(form_keys(self._rec(f)))])
        # 4. which forms re-cluster: new, emptied, or with another earliest record
        seeds_full = [f for f in new_forms if f.kind == "full"] + \
            [f for f in lost_forms if f.n and f.kind == "full" and f.key != f.old_key]
        words = set()
        for f in list(new_forms) + [f for f in lost_forms if f.kind == "short"]:
            if f.kind == "short" and f.n:
                words.add(self._rec(f).tokens[0])
        for k in gone_keys:
            if k.startswith("w|"):
                words.add(k[2:])
        start_keys = {k for f in seeds_full for k in form_keys(self._rec(f)) if _is_link(k)} | \
            {k for k in gone_keys if _is_link(k)}
        component = self._component(start_keys)
        if component:
            self._cluster(component, votes)
            for f in component:
                r = self._rec(f)
                words |= {r.tokens[0], r.tokens[-1]}
        # 5. one-word names of those words
        for word in sorted(w for w in words if w):
            self._shorts(word, votes)
        # forms whose stats changed belong to touched identities
        for f in by_sig.values():
            if f.dirty:
                self.touched.add(f.identity)
        for f in lost_forms:
            self.touched.add(f.identity)
        # 6. write forms, members, identities
        dirty = {f.id: f for f in list(by_sig.values()) + [f for f in lost_forms if f.n] if f.id is not None and f.dirty}
        stmt = update(pf).where(pf.c.id == bindparam("_id")).values(
            {c: bindparam(c) for c in ("key_article", "key_idx", "rep", "n", "aliases", "stats", "identity_id")})
        for chunk in _chunks(sorted(dirty), 1000):
            rows = []
            for fid in chunk:
                row = dirty[fid].row()
                rows.append({"_id": fid, **{c: row[c] for c in ("key_article", "key_idx", "rep", "n", "aliases",
                                                                "stats", "identity_id")}})
            conn.execute(stmt, rows)
        retired = self._write_identities()  # rows first: members point at them
        _insert(conn, im, [{"identity_id": f.identity, "article_id": k[0], "person_idx": k[1], "form_id": f.id}
                           for k, f in sorted(record_form.items())])
        moved = [f for f in self.forms.values() if f.identity != f.old_identity and f.old_identity is not None]
        _set_identity(conn, im, im.c.form_id, [(f.id, f.identity) for f in moved])
        _set_identity(conn, pf, pf.c.id, [(f.id, f.identity) for f in moved])
        if moved:
            self.changed_articles |= {r.article_id for r in _rows_in(
                conn, lambda c: select(im.c.article_id).where(im.c.form_id.in_(c)).distinct(), [f.id for f in moved])}
        self.changed_articles |= set(queue)
        self._retire(retired)

    def _component(self, start_keys: set[str]) -> list[_Form]:
        """Every form linked to the start keys through blocking keys (an exact partition)."""
        pk = schema.person_form_keys
        seen_keys, seen_forms = set(), {}
        frontier = set(start_keys)
        while frontier:
            seen_keys |= frontier
            ids = {r.form_id for r in _rows_in(self.conn, lambda c: select(pk.c.form_id).where(pk.c.key.in_(c)),
                                               frontier)} - set(seen_forms)
            if not ids:
                break
            for f in self._forms_where(lambda c: schema.person_forms.c.id.in_(c), ids):
                seen_forms[f.id] = f
            frontier = {r.key for r in _rows_in(self.conn, lambda c: select(pk.c.key).where(pk.c.form_id.in_(c)), ids)
                        if _is_link(r.key)} - seen_keys
        return sorted((f for f in seen_forms.values() if f.kind == "full" and f.n), key=lambda f: f.key)

    def _cluster(self, forms: list[_Form], votes) -> None:
        from communique.resolve import resolve_persons

        by_key = {f.key: f for f in forms}
        found = resolve_persons([f.record() for f in forms], self.overrides)
        clusters = [([by_key[tuple(k)] for k in ident.members], ident) for ident in found]
        forced = set()
        if self.overrides:
            forced = {n for _, n in self.overrides.canonical} | {x.as_name for x in self.overrides.splits if x.as_name}
        ids = self._assign([c for c, _ in clusters], votes, [ident.name for _, ident in clusters],
                           prefer_slug=[ident.name in forced for _, ident in clusters])
        changed = []
        for (members, ident), new_id in zip(clusters, ids):
            if ident.name in forced:
                self.named[new_id] = ident.name
            for f in members:
                if f.identity != new_id:
                    f.identity, f.dirty = new_id, True
                    changed.append((f.id, new_id))
            self.touched.add(new_id)
            self.new_links[new_id] = [[list(a), list(b), why] for a, b, why in ident.links]
        # written now: the one-word pass looks identities up by their forms
        _set_identity(self.conn, schema.person_forms, schema.person_forms.c.id, changed)

    def _assign(self, clusters: list[list[_Form]], votes, names: list[str], shorts: bool = False,
                prefer_slug=None) -> list[str]:
        """Ids for new clusters: the old id with most of a cluster's records (each old id to one
        cluster; one-word names never take an id a full name still holds), else a new slug not
        used before (nor redirected)."""
        from communique.resolve.names import slug

        def free(old: str) -> bool:
            if old in self.claimed:
                return False
            if shorts:
                pf = schema.person_forms
                held = self.conn.execute(select(pf.c.id).where(and_(pf.c.identity_id == old, pf.c.kind == "full",
                                                                    pf.c.n > 0)).limit(1)).first()
                return held is None
            return True

        tally = []
        for i, members in enumerate(clusters):
            c = Counter()
            for f in members:
                c.update(self._votes(f, votes))
            tally.append(c)
        order = sorted(range(len(clusters)), key=lambda i: (-(max(tally[i].values()) if tally[i] else 0),
                                                            min(f.key for f in clusters[i])))
        taken_now, out = set(), [None] * len(clusters)
        for i in order:  # a name given by an override: the id follows it
            if prefer_slug and prefer_slug[i]:
                base = slug(names[i])
                mine = any(base in self._votes(f, votes) for f in clusters[i])
                out[i] = base if mine and base not in self.claimed else self._free_id(base, self.claimed)
                taken_now.add(out[i])
        claims = sorted(((n, old, i) for i in order for old, n in tally[i].items()),
                        key=lambda x: (-x[0], min(f.key for f in clusters[x[2]]), x[1]))
        for n, old, i in claims:
            if out[i] is None and old not in taken_now and free(old):
                out[i] = old
                taken_now.add(old)
        for i in order:
            if out[i] is None:
                base = slug(names[i])
                out[i] = self._free_id(base, taken_now | self.claimed)
                taken_now.add(out[i])
        self.claimed |= taken_now
        for members in clusters:
            for f in members:
                for old in self._votes(f, votes):
                    self.touched.add(old)
        return out

    @staticmethod
    def _votes(f: _Form, votes) -> Counter:
        """Old ids a form's records had: its own identity, or (full runs) its records' previous ids."""
        if id(f) in votes:
            return votes[id(f)]
        return Counter({f.old_identity: f.n}) if f.old_identity else Counter()

    def _free_id(self, base: str, taken_now: set) -> str:
        ident, red = schema.identities, schema.identity_redirects
        used = set(taken_now)
        if self.full:  # everything was cleared but the redirects: read those once
            if self._redirected is None:
                self._redirected = {r[0] for r in self.conn.execute(select(red.c.old_id))}
            used |= self._redirected
        else:  # base and base-N (a slug has no LIKE wildcards; LIKE does not depend on collation)
            for col in (ident.c.id, red.c.old_id):
                used |= {r[0] for r in self.conn.execute(select(col).where((col == base) | col.like(base + "-%")))}
        n, candidate = 1, base
        while candidate in used:
            n += 1
            candidate = f"{base}-{n}"
        return candidate

    def _shorts(self, word: str, votes) -> None:
        """Decide again every one-word name `word` against the identities with that first/last word."""
        from communique.resolve.persons import Group, _Clusters, attach_shorts

        pf, pk, im = schema.person_forms, schema.person_form_keys, schema.identity_members
        shorts = [f for f in self._forms_where(lambda c: pf.c.id.in_(select(pk.c.form_id).where(pk.c.key.in_(c))),
                                               [f"w|{word}"]) if f.n]
        self.redecided_words.add(word)
        fulls = [f for f in self._forms_where(lambda c: pf.c.id.in_(select(pk.c.form_id).where(pk.c.key.in_(c))),
                                              [f"t|{word}"]) if f.n]
        idents = {f.identity for f in fulls if f.identity}
        members = [f for f in self._forms_where(lambda c: pf.c.identity_id.in_(c), idents) if f.kind == "full" and f.n]
        groups, by_token = {}, defaultdict(set)
        for f in sorted(members, key=lambda f: f.key):
            r = self._rec(f)
            g = groups.setdefault(f.identity, Group(set(), set(), set()))
            if r.country:
                g.countries.add(r.country)
            g.title_keys |= set(r.title_keys)
            g.levels |= set(r.levels)
            for tok in {r.tokens[0], r.tokens[-1]}:
                by_token[(r.label, tok)].add(f.identity)
        local = defaultdict(list)
        arts = sorted({f.key[0] for f in shorts})
        # full names of the same articles: this run's records (not written yet), else the stored ones
        pairs = [(k[0], f.id) for k, f in self.record_form.items() if k[0] in set(arts)]
        stored = [a for a in arts if a not in self.queued]
        pairs += [(r.article_id, r.form_id) for r in _rows_in(
            self.conn, lambda c: select(im.c.article_id, im.c.form_id).where(im.c.article_id.in_(c)), stored)]
        lf = {f.id: f for f in self._forms_where(lambda c: pf.c.id.in_(c), {fid for _, fid in pairs if fid})}
        for aid, fid in sorted(pairs, key=lambda x: (x[0], lf[x[1]].key if x[1] in lf else (0, 0))):
            f = lf.get(fid)
            if f is not None and f.kind == "full" and f.identity:
                r = self._rec(f)
                local[aid].append((r.label, r.tokens[0], r.tokens[-1], r.country, f.identity))
        short_recs = {f.key: (f, self._rec(f)) for f in shorts}
        joins, among = attach_shorts([r for _, r in short_recs.values()], groups, by_token, local)
        for ident in list(self.short_links):
            self.short_links[ident].pop(word, None)
        target = {}
        for r, gid, why in joins:
            f = short_recs[r.key][0]
            target[f.id] = gid
            self.short_links[gid].setdefault(word, []).append([list(r.key), list(r.key), why])
        rest = [short_recs[k] for k in sorted(short_recs) if short_recs[k][0].id not in target]
        cl = _Clusters([r for _, r in rest])
        pos = {r.key: i for i, (_, r) in enumerate(rest)}
        pairs = [(pos[a.key], pos[b.key], why) for a, b, why in among]
        for a, b, _ in pairs:
            cl.union(a, b, force=True)
        groups_of = defaultdict(list)
        for i, (f, _) in enumerate(rest):
            groups_of[cl.find(i)].append(f)
        clusters = [groups_of[k] for k in sorted(groups_of)]
        ids = self._assign(clusters, votes, [self._rec(c[0]).name for c in clusters], shorts=True)
        for c, new_id in zip(clusters, ids):
            for f in c:
                target[f.id] = new_id
        for a, b, why in pairs:
            gid = target[rest[a][0].id]
            self.short_links[gid].setdefault(word, []).append([list(rest[a][1].key), list(rest[b][1].key), why])
        changed = []
        for f in shorts:
            new = target[f.id]
            self.touched |= {f.identity, new}
            if f.identity != new:
                f.identity, f.dirty = new, True
                changed.append((f.id, new))
        _set_identity(self.conn, pf, pf.c.id, changed)

    def _write_identities(self) -> None:
        """Rewrite the rows of every touched identity from its forms; retire emptied ids."""
        from communique.levels import level_of
        from communique.resolve.persons import _choose_name, merge_stats, roles_from_stats

        conn = self.conn
        ident, al, ro, red, pf = (schema.identities, schema.identity_aliases, schema.roles,
                                  schema.identity_redirects, schema.person_forms)
        touched = sorted(t for t in self.touched if t)
        forms_of = defaultdict(list)
        for f in self._forms_where(lambda c: pf.c.identity_id.in_(c), touched):
            if f.n and f.identity in set(touched):
                forms_of[f.identity].append(f)
        for f in self.forms.values():  # in-memory state wins over rows not yet rewritten
            if f.n and f.identity in set(touched) and f not in forms_of[f.identity]:
                forms_of[f.identity].append(f)
        old_rows = {r.id: r for r in _rows_in(conn, lambda c: select(ident).where(ident.c.id.in_(c)), touched)}
        for chunk in _chunks(touched):
            conn.execute(delete(al).where(al.c.identity_id.in_(chunk)))
            conn.execute(delete(ro).where(ro.c.identity_id.in_(chunk)))
        rows, alias_rows, role_rows = [], [], []
        for iid in touched:
            forms = sorted({id(f): f for f in forms_of.get(iid, [])}.values(), key=lambda f: f.key)
            forms = [f for f in forms if f.identity == iid]
            if not forms:
                continue
            recs = [self._rec(f) for f in forms]
            for r, f in zip(recs, forms):
                r.n, r.date = f.n, f.rep.get("date")
            name = self.named.get(iid) or self._override_name(iid, recs, forms) or _choose_name(recs)
            countries = Counter()
            for r in recs:
                if r.country:
                    countries[r.country] += r.n
            aliases = set()
            stats: dict = {}
            for f in forms:
                aliases |= f.aliases
                merge_stats(stats, f.stats)
            aliases.discard(name)
            old = old_rows.get(iid)
            links = json.loads(old.links or "[]") if old is not None and old.links else []
            if iid in self.new_links:
                links = [x for x in links if x[2].startswith("one-word name")] + self.new_links[iid]
            for word in self.redecided_words:
                links = [x for x in links if not x[2].startswith(f"one-word name {word} ")
                         and not x[2].startswith(f"one-word name {word},")]
            for word_links in self.short_links.get(iid, {}).values():
                links += word_links
            roles = roles_from_stats(stats)
            alias_list = sorted(aliases, key=lambda a: (fold(a), a))
            rows.append({"id": iid, "name": name, "country": countries.most_common(1)[0][0] if countries else None,
                         "aliases": json.dumps(alias_list, ensure_ascii=False),
                         "n_events": old.n_events if old is not None else 0,
                         "links": json.dumps(sorted(links), ensure_ascii=False)})
            alias_rows += [{"identity_id": iid, "key": k} for k in sorted({fold(n) for n in [name, *alias_list] if fold(n)})]
            for i, role in enumerate(roles):
                role_rows.append({"identity_id": iid, "idx": i, "title": role.title, "org": role.org,
                                  "country": role.country, "level": role.level or level_of(role.title),
                                  "first_seen": role.first_seen, "last_seen": role.last_seen,
                                  "article_ids": json.dumps(sorted(role.article_ids))})
        kept = {r["id"] for r in rows}
        retired = [t for t in touched if t not in kept and t in old_rows]
        for row in rows:  # update in place: deleting a row would cascade to its members
            if row["id"] in old_rows:
                conn.execute(update(ident).where(ident.c.id == row["id"]).values(**row))
        _insert(conn, ident, [row for row in rows if row["id"] not in old_rows])
        _insert(conn, al, alias_rows)
        _insert(conn, ro, role_rows)
        for chunk in _chunks(sorted(kept)):
            conn.execute(delete(red).where(red.c.old_id.in_(chunk)))
        return retired

    def _override_name(self, iid: str, recs, forms) -> str | None:
        """The name a split's `as` or a canonical override gives an identity (as resolve_persons)."""
        ov = self.overrides
        if not ov:
            return None
        label = recs[0].label
        if label and ov.splits[label - 1].as_name:
            return ov.splits[label - 1].as_name
        names = {fold(x) for f in forms for x in (f.rep.get("name") or "", *f.aliases)} | {iid}
        for ref, new_name in ov.canonical:
            if fold(ref) in names:
                return new_name
        return None

    def _retire(self, retired: list[str]) -> None:
        """Drop identities left without records; an id merged into another redirects to it."""
        conn, ident, red = self.conn, schema.identities, schema.identity_redirects
        for chunk in _chunks(retired):
            conn.execute(delete(ident).where(ident.c.id.in_(chunk)))
        # a retired id answers with the identity that now holds most of its old records
        for old_id in retired:
            dest = Counter()
            for f in self.forms.values():
                if f.old_identity == old_id and f.identity and f.identity != old_id and f.n:
                    dest[f.identity] += f.n
            if dest:
                new_id = max(dest, key=lambda k: (dest[k], k))
                conn.execute(delete(red).where(red.c.old_id == old_id))
                conn.execute(red.insert().values(old_id=old_id, new_id=new_id))
                conn.execute(update(red).where(red.c.new_id == old_id).values(new_id=new_id))

    # -------------------------------------------------------------- events

    def _event_records(self, article_ids) -> tuple[list[dict], dict]:
        """EventRecords of the given articles, with actors' identities; plus data for the rows."""
        from communique.store.resolution import _match_person

        conn = self.conn
        a, p, e, ea, im = schema.articles, schema.persons, schema.events, schema.event_actors, schema.identity_members
        arts = {r.id: r for r in _rows_in(conn, lambda c: select(a.c.id, a.c.doc_id, a.c.published, a.c.source)
                                          .where(a.c.id.in_(c)), article_ids)}
        persons = defaultdict(list)
        for r in sorted(_rows_in(conn, lambda c: select(p).where(p.c.article_id.in_(c)), article_ids),
                        key=lambda r: (r.article_id, r.idx)):
            mentions = json.loads(r.mentions or "{}")
            persons[r.article_id].append({"idx": r.idx, "name": r.name, "titles": json.loads(r.titles or "[]"),
                                          "forms": mentions.get("forms", [])})
        identity_of = {(r.article_id, r.person_idx): r.identity_id for r in
                       _rows_in(conn, lambda c: select(im.c.article_id, im.c.person_idx, im.c.identity_id)
                                .where(im.c.article_id.in_(c)), article_ids)}
        actors = defaultdict(list)
        for r in sorted(_rows_in(conn, lambda c: select(ea).where(ea.c.article_id.in_(c)), article_ids),
                        key=lambda r: (r.article_id, r.event_idx, r.idx)):
            actors[(r.article_id, r.event_idx)].append(r)
        records, person_of_actor = [], {}
        for ev in sorted(_rows_in(conn, lambda c: select(e).where(e.c.article_id.in_(c)), article_ids),
                         key=lambda r: (r.article_id, r.idx)):
            art = arts[ev.article_id]
            plist = persons.get(ev.article_id, [])
            actor_dicts = []
            for r in actors.get((ev.article_id, ev.idx), []):
                person = None
                if r.kind == "person":  # an actor row's person index when the store has one, else by name
                    given = r._mapping.get("person")
                    person = next((p for p in plist if p["idx"] == given), None) if isinstance(given, int) else None
                    person = person or _match_person(r.name, plist)
                if person:
                    person_of_actor[(ev.article_id, ev.idx, r.idx)] = person
                actor_dicts.append({"name": r.name, "kind": r.kind, "country": r.country, "role": r.role,
                                    "identity": identity_of.get((ev.article_id, person["idx"])) if person else None})
            evidence = json.loads(ev.evidence or "[]")
            records.append({
                "key": (ev.article_id, ev.idx), "article_id": ev.article_id, "type": ev.type, "mode": ev.mode,
                "cameo": ev.cameo, "date": ev.date,
                "location": ({"name": ev.location_name, "country": ev.location_country}
                             if ev.location_name or ev.location_country else None),
                "actors": actor_dicts, "evidence_text": [x["text"] for x in evidence],
                "published": art.published, "source": art.source,
                "mechanism": json.loads(ev.mechanism) if ev.mechanism else None,
                "status": ev._mapping.get("status") or "happened", "background": bool(ev.background)})
        context = {"arts": arts, "persons": persons, "identity_of": identity_of, "actors": actors,
                   "person_of_actor": person_of_actor}
        return records, context

    def _events(self, article_ids: list[int]) -> None:
        from communique.resolve import merge_events
        from communique.resolve.events import block_keys

        conn = self.conn
        ek, mm = schema.event_keys, schema.merged_event_members
        records, first_context = self._event_records(article_ids)
        for chunk in _chunks(article_ids):
            conn.execute(delete(ek).where(ek.c.article_id.in_(chunk)))
        for part in _chunks(records, 1000):  # written as they are made: a full run has ~20 per event
            key_rows = []
            for rec in part:
                occupied, probed = block_keys(rec)
                key_rows += [{"key": k[:2000], "kind": "o", "article_id": rec["key"][0], "event_idx": rec["key"][1]}
                             for k in sorted(occupied)]
                key_rows += [{"key": k[:2000], "kind": "p", "article_id": rec["key"][0], "event_idx": rec["key"][1]}
                             for k in sorted(probed)]
            _insert(conn, ek, key_rows)
        # the component: events linked by keys, and the old co-members of their merged events
        old_ids = {r.merged_event_id for r in _rows_in(conn, lambda c: select(mm.c.merged_event_id)
                                                       .where(mm.c.article_id.in_(c)), article_ids)}
        comp = {tuple(r["key"]) for r in records}
        frontier = set() if self.full else set(comp)  # a full run has every event already
        seen_merged = set()
        while not self.full:
            new_merged = old_ids - seen_merged
            seen_merged |= new_merged
            for r in _rows_in(conn, lambda c: select(mm.c.article_id, mm.c.event_idx).where(mm.c.merged_event_id.in_(c)),
                              new_merged):
                k = (r.article_id, r.event_idx)
                if k not in comp:
                    comp.add(k)
                    frontier.add(k)
            if not frontier:
                break
            arts = sorted({k[0] for k in frontier})
            mine = [r for r in _rows_in(conn, lambda c: select(ek).where(ek.c.article_id.in_(c)), arts)
                    if (r.article_id, r.event_idx) in frontier]
            probes = {r.key for r in mine if r.kind == "p"}
            occupies = {r.key for r in mine if r.kind == "o"}
            found = set()
            for r in _rows_in(conn, lambda c: select(ek.c.article_id, ek.c.event_idx)
                              .where(and_(ek.c.kind == "o", ek.c.key.in_(c))), probes):
                found.add((r.article_id, r.event_idx))
            for r in _rows_in(conn, lambda c: select(ek.c.article_id, ek.c.event_idx)
                              .where(and_(ek.c.kind == "p", ek.c.key.in_(c))), occupies):
                found.add((r.article_id, r.event_idx))
            frontier = found - comp
            comp |= frontier
            if frontier:
                old_ids |= {r.merged_event_id for r in _rows_in(
                    conn, lambda c: select(mm.c.merged_event_id).where(mm.c.article_id.in_(c)),
                    sorted({k[0] for k in frontier})) }
        comp_articles = sorted({k[0] for k in comp})
        if set(comp_articles) == set(article_ids):
            all_records, context = records, first_context
        else:
            all_records, context = self._event_records(comp_articles)
        chosen = [r for r in all_records if tuple(r["key"]) in comp]
        merged = merge_events(chosen) if chosen else []
        ma = schema.merged_event_actors
        before = {r.person_id for r in _rows_in(conn, lambda c: select(ma.c.person_id).where(ma.c.merged_event_id.in_(c)),
                                               old_ids) if r.person_id}
        tallies.retract(conn, old_ids)  # event tallies (store/tallies.py): out with the old events
        for chunk in _chunks(sorted(old_ids)):
            conn.execute(delete(ma).where(ma.c.merged_event_id.in_(chunk)))
            conn.execute(delete(mm).where(mm.c.merged_event_id.in_(chunk)))
            conn.execute(delete(schema.merged_events).where(schema.merged_events.c.id.in_(chunk)))
        from communique.store.resolution import merged_rows

        me_rows, member_rows, actor_rows = merged_rows(merged, chosen, context)
        _insert(conn, schema.merged_events, me_rows)
        _insert(conn, mm, member_rows)
        _insert(conn, ma, actor_rows)
        tallies.add(conn, [r["id"] for r in me_rows], fresh=self.full)  # ... and in with the new
        after = {r["person_id"] for r in actor_rows if r["person_id"]}
        self._count_events(sorted(before | after | {t for t in self.touched if t}))

    def _count_events(self, identity_ids) -> None:
        ma, ident = schema.merged_event_actors, schema.identities
        counts = dict(_rows_in(self.conn, lambda c: select(ma.c.person_id, func.count(func.distinct(ma.c.merged_event_id)))
                               .where(ma.c.person_id.in_(c)).group_by(ma.c.person_id), identity_ids))
        stmt = update(ident).where(ident.c.id == bindparam("_k")).values(n_events=bindparam("_v"))
        for chunk in _chunks([{"_k": iid, "_v": counts.get(iid, 0)} for iid in identity_ids], 2000):
            self.conn.execute(stmt, chunk)


def queued(conn) -> list[int]:
    return [r[0] for r in conn.execute(select(schema.resolve_queue.c.article_id))]


def enqueue(conn, article_ids) -> None:
    """Queue articles for resolution (in the transaction that changed their rows)."""
    q = schema.resolve_queue
    ids = sorted(set(article_ids))
    if not ids:
        return
    have = {r[0] for r in _rows_in(conn, lambda c: select(q.c.article_id).where(q.c.article_id.in_(c)), ids)}
    _insert(conn, q, [{"article_id": i} for i in ids if i not in have])


def dequeue(conn, article_ids) -> None:
    q = schema.resolve_queue
    for chunk in _chunks(sorted(set(article_ids))):
        conn.execute(delete(q).where(q.c.article_id.in_(chunk)))

