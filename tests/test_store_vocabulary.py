"""The full event vocabulary through the corpus store: event status (planned/happened), Goldstein score
and quad class (from the one CAMEO table), actors' CAMEO codes and sectors - stored, migrated, read
back, exported and filtered (Store, CLI and API), the same on SQLite and PostgreSQL.

Articles written for these tests (people invented): a planned meeting, an accusation by a state actor,
a pledge of aid, and a meeting that happened."""
import csv
import io
import json
from types import SimpleNamespace

import pytest
import sqlalchemy as sa

from communique import export as ex
from communique.store import Store, StoreError
from conftest import ingested_db, make_article, run_cli

PLAN = ("Swedish minister to visit Nairobi\n"
        "Swedish Foreign Minister Annika Holmberg will travel to Nairobi next month to meet Kenyan Foreign "
        "Minister Joseph Waweru, the ministry said.")
ACCUSE = ("Chile accuses Argentina over fishing limits\n"
          "The Chilean foreign ministry accused Argentina's government on Monday of breaking the agreed "
          "fishing limits in the southern channels.")
PLEDGE = ("Norway pledges flood aid to Mongolia\n"
          "Norway's development minister Erik Solvang announced 20 million dollars of flood relief for "
          "Mongolia on Friday.")
MET = ("Swedish and Kenyan ministers meet\n"
       "Swedish Trade Minister Lars Ekdahl received Kenyan Trade Minister Grace Otieno in Stockholm on "
       "Tuesday.")


def _actor(name, kind, country, role, code=None, sector=None):
    return {"name": name, "kind": kind, "country": country, "role": role, "code": code, "sector": sector}


def vocabulary_articles():
    holmberg = ("Annika Holmberg", "SWE", ["Foreign Minister"], None, ["Holmberg"])
    waweru = ("Joseph Waweru", "KEN", ["Foreign Minister"], None, ["Waweru"])
    solvang = ("Erik Solvang", "NOR", ["development minister"], None, ["Solvang"])
    return [
        make_article("voc-plan", PLAN, published="2026-03-02", source="North Wire", persons=[holmberg, waweru],
                     events=[{"type": "AGREE", "cameo": "036", "status": "planned", "date": "2026-04",
                              "location": {"name": "Nairobi", "country": "KEN"},
                              "actors": [_actor("Annika Holmberg", "person", "SWE", "source", "SWEGOV", "GOV"),
                                         _actor("Joseph Waweru", "person", "KEN", "target", "KENGOV", "GOV")],
                              "evidence": [PLAN.split("\n")[1]]}]),
        make_article("voc-accuse", ACCUSE, published="2026-03-03", source="Andes Daily", events=[
            {"type": "ACCUSE", "cameo": "112", "date": "2026-03-02",
             "actors": [_actor("Chilean foreign ministry", "org", "CHL", "source", "CHLGOV", "GOV"),
                        _actor("Argentina", "country", "ARG", "target", "ARGGOV")],
             "evidence": [ACCUSE.split("\n")[1]]}]),
        make_article("voc-pledge", PLEDGE, published="2026-03-07", source="North Wire", persons=[solvang], events=[
            {"type": "AID", "cameo": "033", "status": "planned", "date": "2026-03-06",
             "actors": [_actor("Erik Solvang", "person", "NOR", "source", "NORGOV", "GOV"),
                        _actor("Mongolia", "country", "MNG", "target", "MNG")],
             "evidence": [PLEDGE.split("\n")[1]]}],
            commitments=[{"donor": "NOR", "recipient": "MNG", "amount": 20000000, "currency": "USD",
                          "purpose": "flood relief", "status": "pledged", "evidence": [PLEDGE.split("\n")[1]]}]),
        make_article("voc-met", MET, published="2026-03-05", source="Andes Daily", persons=[
            ("Lars Ekdahl", "SWE", ["Trade Minister"], None, ["Ekdahl"]),
            ("Grace Otieno", "KEN", ["Trade Minister"], None, ["Otieno"])], events=[
            {"type": "CONSULT", "mode": "meeting", "cameo": "040", "date": "2026-03-03",
             "location": {"name": "Stockholm", "country": "SWE"},
             "actors": [_actor("Lars Ekdahl", "person", "SWE", "host"), _actor("Grace Otieno", "person", "KEN", "guest")],
             "evidence": [MET.split("\n")[1]]}]),
    ]


@pytest.fixture
def store(db_url):
    s = Store.open(db_url)
    s.ingest(vocabulary_articles(), progress=False)
    yield s
    s.close()


def _by_type(events):
    return {e["type"]: e for e in events}


def _ids(events):
    return sorted(e["id"] for e in events)


# ---------------------------------------------------------------- stored rows

def test_raw_rows_keep_status_codes_and_sectors(store):
    with store.engine.connect() as conn:
        events = {r.doc_id: r.status for r in conn.execute(sa.text(
            "SELECT a.doc_id, e.status FROM events e JOIN articles a ON a.id = e.article_id"))}
        actors = {r.name: (r.code, r.sector) for r in conn.execute(sa.text("SELECT name, code, sector FROM event_actors"))}
        pledges = conn.execute(sa.text("SELECT donor, recipient, amount, status FROM commitments")).all()
    assert events == {"voc-plan": "planned", "voc-accuse": "happened", "voc-pledge": "planned", "voc-met": "happened"}
    assert actors["Chilean foreign ministry"] == ("CHLGOV", "GOV") and actors["Argentina"] == ("ARGGOV", None)
    assert actors["Annika Holmberg"] == ("SWEGOV", "GOV") and actors["Lars Ekdahl"] == (None, None)
    assert [tuple(p) for p in pledges] == [("NOR", "MNG", 20000000, "pledged")]
    assert store.check() == []  # incremental resolution still equals a full rebuild


def test_events_read_back_with_status_scores_and_actor_codes(store):
    events = _by_type(store.events())
    plan, accuse, aid, met = events["AGREE"], events["ACCUSE"], events["AID"], events["CONSULT"]
    assert (plan["status"], plan["cameo"], plan["goldstein"], plan["quad_class"]) == ("planned", "036", 4.0, 1)
    assert (accuse["status"], accuse["goldstein"], accuse["quad_class"]) == ("happened", -2.0, 3)
    assert (aid["status"], aid["goldstein"], aid["quad_class"]) == ("planned", 5.2, 1)
    assert (met["status"], met["goldstein"], met["quad_class"]) == ("happened", 1.0, 1)
    assert [(a["name"], a["code"], a["sector"]) for a in accuse["actors"]] == [
        ("Chilean foreign ministry", "CHLGOV", "GOV"), ("Argentina", "ARGGOV", None)]
    assert [a["code"] for a in plan["actors"]] == ["SWEGOV", "KENGOV"]
    assert [a["code"] for a in met["actors"]] == [None, None]
    one = store.event(accuse["id"])
    assert one["status"] == "happened" and one["actors"][0]["code"] == "CHLGOV"
    person = store.person("Annika Holmberg")
    assert person["events"][0]["status"] == "planned" and person["events"][0]["actors"][0]["sector"] == "GOV"
    stored = store.article("voc-plan")["extraction"]["events"][0]
    assert stored["status"] == "planned" and stored["actors"][0]["code"] == "SWEGOV"


@pytest.mark.parametrize("filters, types", [
    ({"status": "planned"}, ["AGREE", "AID"]),
    ({"status": "Happened"}, ["ACCUSE", "CONSULT"]),
    ({"type": ["ACCUSE", "aid"]}, ["ACCUSE", "AID"]),
    ({"type": "CONSULT"}, ["CONSULT"]),
    ({"quad_class": 3}, ["ACCUSE"]),
    ({"quad_class": [1, 4]}, ["AGREE", "AID", "CONSULT"]),
    ({"goldstein_max": -0.5}, ["ACCUSE"]),
    ({"goldstein_min": 4, "goldstein_max": 5}, ["AGREE"]),
    ({"goldstein_min": 5}, ["AID"]),
    ({"status": "planned", "country": "SWE"}, ["AGREE"]),
    ({"status": "happened", "quad_class": [1, 2]}, ["CONSULT"]),
])
def test_filters(store, filters, types):
    found = store.events(**filters)
    assert sorted(e["type"] for e in found) == types
    assert store.count_events(**filters) == len(types)


@pytest.mark.parametrize("filters, message", [
    ({"status": "maybe"}, "unknown value for --status: 'maybe'"),
    ({"quad_class": 5}, "unknown value for --quad-class: 5"),
    ({"quad_class": "verbal"}, "unknown value for --quad-class: 'verbal'"),
    ({"goldstein_min": "high"}, "--goldstein-min must be a number from -10 to 10"),
    ({"goldstein_max": 11}, "--goldstein-max must be a number from -10 to 10"),
    ({"goldstein_min": 3, "goldstein_max": -3}, "--goldstein-min 3 is above --goldstein-max -3"),
    ({"type": ["ACCUSE", "MEET"]}, "unknown value for --type: 'MEET'"),
])
def test_bad_filter_values_are_store_errors(store, filters, message):
    with pytest.raises(StoreError, match="^" + message.replace("-", "\\-").replace("(", "\\(")):
        store.events(**filters)


def test_goldstein_and_quad_come_from_the_cameo_table_for_every_code_form(tmp_path):
    """A listed code, an unlisted sub-code (its root's entry) and no code (the type/mode default) all
    select like communique.cameo.cameo_code reads them."""
    from communique.cameo import cameo_code

    arts = []
    for i, (type_, mode, cameo) in enumerate([("ACCUSE", None, "1129"), ("CONSULT", "visit", None),
                                             ("AID", None, ""), ("THREATEN", None, "138"), ("CONSULT", "call", "")]):
        text = f"Report {i}\nOfficials of Peru and Bolivia dealt with each other in case {i}."
        arts.append(make_article(f"code-{i}", text, published="2026-01-10", events=[
            {"type": type_, "mode": mode, "cameo": cameo, "date": f"2026-01-0{i + 1}",
             "actors": [_actor("Peru", "country", "PER", "source"), _actor("Bolivia", "country", "BOL", "target")],
             "evidence": [text.split("\n")[1]]}]))
    with Store.open(str(tmp_path / "codes.db")) as s:
        s.ingest(arts, progress=False)
        events = s.events()
        assert len(events) == 5
        for ev in events:
            entry = cameo_code(ev["cameo"], ev["type"], ev["mode"])
            assert (ev["goldstein"], ev["quad_class"]) == (entry.goldstein, entry.quad_class)
            for q in (1, 2, 3, 4):
                assert (ev["id"] in _ids(s.events(quad_class=q))) == (entry.quad_class == q)
            for lo, hi in ((-10, -5), (-5, 0), (0, 2), (2, 10), (entry.goldstein, entry.goldstein)):
                assert (ev["id"] in _ids(s.events(goldstein_min=lo, goldstein_max=hi))) == (lo <= entry.goldstein <= hi)


def test_a_merged_actor_takes_the_code_its_reports_give_under_any_name_form(tmp_path):
    """Two outlets report one meeting; only the one writing the name with diacritics codes the actors:
    the merged event's actors carry those codes whichever form names them."""
    one = "Ministers meet in Lima\nForeign Minister Trần Văn Minh met Peruvian Foreign Minister Diego Salas in Lima."
    two = "Talks in Lima\nTran Van Minh, the foreign minister, held talks with Diego Salas in Lima on Monday."
    arts = [
        make_article("form-1", one, published="2026-02-03", persons=[
            ("Trần Văn Minh", "VNM", ["Foreign Minister"], None, []), ("Diego Salas", "PER", ["Foreign Minister"], None, [])],
            events=[{"type": "CONSULT", "mode": "meeting", "cameo": "040", "date": "2026-02-02",
                     "location": {"name": "Lima", "country": "PER"},
                     "actors": [_actor("Trần Văn Minh", "person", "VNM", "guest", "VNMGOV", "GOV"),
                                _actor("Diego Salas", "person", "PER", "host", "PERGOV", "GOV")],
                     "evidence": [one.split("\n")[1]]}]),
        make_article("form-2", two, published="2026-02-03", persons=[
            ("Tran Van Minh", "VNM", ["foreign minister"], None, []), ("Diego Salas", "PER", [], None, [])],
            events=[{"type": "CONSULT", "mode": "meeting", "cameo": "040", "date": "2026-02-02",
                     "location": {"name": "Lima", "country": "PER"},
                     "actors": [_actor("Tran Van Minh", "person", "VNM", "guest"),
                                _actor("Diego Salas", "person", "PER", "host")],
                     "evidence": [two.split("\n")[1]]}]),
    ]
    for order in (arts, arts[::-1]):
        with Store.open(str(tmp_path / f"forms-{order[0].doc_id}.db")) as s:
            s.ingest(order, progress=False)
            (event,) = s.events()
            assert event["n_sources"] == 2
            assert {a["country"]: (a["code"], a["sector"]) for a in event["actors"]} == {
                "VNM": ("VNMGOV", "GOV"), "PER": ("PERGOV", "GOV")}


# ---------------------------------------------------------------- exports

def test_exports_carry_the_vocabulary(store, tmp_path):
    events = store.events()
    plover = {r["event_type"]: r for r in ex.plover_records(events)}
    accuse = plover["ACCUSE"]
    assert (accuse["event_status"], accuse["goldstein"], accuse["quad_class"]) == ("happened", -2.0, 3)
    assert (accuse["actor1_code"], accuse["actor2_code"]) == ("CHLGOV", "ARGGOV")
    assert accuse["actors"][0]["sector"] == "GOV"
    assert plover["AGREE"]["event_status"] == "planned"

    buf = io.StringIO()
    ex.write_cameo(events, buf)
    dyads = {r["event_code"]: r for r in csv.DictReader(io.StringIO(buf.getvalue()), delimiter="\t")}
    assert {k: dyads["112"][k] for k in ("actor1_code", "actor2_code", "goldstein_scale", "quad_class", "status")} \
        == {"actor1_code": "CHLGOV", "actor2_code": "ARGGOV", "goldstein_scale": "-2.0", "quad_class": "3",
            "status": "happened"}
    assert dyads["036"]["status"] == "planned" and dyads["036"]["actor1_code"] == "SWEGOV"

    buf = io.StringIO()
    ex.write_csv(events, buf)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    ministry = next(r for r in rows if r["actor_name"] == "Chilean foreign ministry")
    assert (ministry["actor_code"], ministry["actor_sector"], ministry["quad_class"], ministry["status"]) == \
        ("CHLGOV", "GOV", "3", "happened")

    import pyarrow.parquet as pq

    ex.write_parquet(events, tmp_path / "pq")
    table = pq.read_table(tmp_path / "pq" / "events.parquet").to_pylist()
    by_type = {r["type"]: r for r in table}
    assert (by_type["AID"]["status"], by_type["AID"]["goldstein"], by_type["AID"]["quad_class"]) == ("planned", 5.2, 1)
    assert by_type["ACCUSE"]["actor_codes"] == "CHLGOV; ARGGOV"
    actors = pq.read_table(tmp_path / "pq" / "event_actors.parquet").to_pylist()
    assert {(r["actor_name"], r["actor_code"], r["actor_sector"]) for r in actors if r["type"] == "AGREE"} == {
        ("Annika Holmberg", "SWEGOV", "GOV"), ("Joseph Waweru", "KENGOV", "GOV")}

    out = io.StringIO()
    ex.write_jsonl([store.article("voc-pledge")], out)
    line = json.loads(out.getvalue())
    assert line["events"][0]["status"] == "planned" and line["events"][0]["actors"][0]["code"] == "NORGOV"
    assert line["commitments"][0]["status"] == "pledged"

    frame = store.events_frame(status="planned")
    assert sorted(frame["type"]) == ["AGREE", "AID"] and set(frame["quad_class"]) == {1}


# ---------------------------------------------------------------- migration and bulk load

def test_a_version_4_store_gains_the_columns_and_keeps_its_rows(db_url):
    """A corpus written before migration 5 (no status, code or sector columns) is upgraded when opened:
    every row stays, and the new columns are filled from the extraction each article keeps."""
    from communique.store import migrations

    with Store.open(db_url) as s:
        s.ingest(vocabulary_articles(), progress=False)
        before = s.events()
        with s.engine.begin() as conn:  # put the database back as version 4 left it
            conn.exec_driver_sql("ALTER TABLE events DROP COLUMN status")
            conn.exec_driver_sql("ALTER TABLE event_actors DROP COLUMN code")
            conn.exec_driver_sql("ALTER TABLE event_actors DROP COLUMN sector")
            conn.exec_driver_sql("DELETE FROM schema_migrations WHERE version >= 5")
            counts = {t: conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar_one()
                      for t in ("articles", "events", "event_actors", "commitments", "merged_events")}
    with Store.open(db_url) as s:
        with s.engine.connect() as conn:
            assert migrations.current_version(conn) == migrations.MIGRATIONS[-1][0]
            assert {t: conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar_one() for t in counts} == counts
            statuses = dict(conn.exec_driver_sql(
                "SELECT a.doc_id, e.status FROM events e JOIN articles a ON a.id = e.article_id").all())
        assert statuses["voc-plan"] == statuses["voc-pledge"] == "planned"
        assert statuses["voc-met"] == statuses["voc-accuse"] == "happened"
        assert s.events() == before
        s.resolve()
        assert s.check() == [] and s.events() == before


def _dataset_file(path, articles):
    """The articles as one Parquet file of dataset rows (what `extract --engine dask` writes per part)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from communique.scale import parts
    from communique.store.ingest import content_hash

    rows = []
    for seq, art in enumerate(articles):
        doc = SimpleNamespace(doc_id=art.doc_id, text=art.text, path=f"{art.doc_id}.txt", line=None, url=None,
                              published=art.published, source=art.source, title=art.title, is_html=False)
        rows.append(parts.article_row(doc, art, content_hash(art), 0, seq))
    pq.write_table(pa.Table.from_pylist(rows, schema=parts.SCHEMA), path)
    return str(path)


def test_bulk_load_writes_the_same_vocabulary_as_ingest(db_url, tmp_path):
    from communique.store.bulk import ingest_datasets

    path = _dataset_file(tmp_path / "voc.parquet", vocabulary_articles())
    with Store.open(db_url) as s:
        report = ingest_datasets(s, [path], progress=False)
        assert (report.added, report.failed) == (4, [])
        with s.engine.connect() as conn:
            bulk = sorted(tuple(r) for r in conn.execute(sa.text(
                "SELECT e.type, e.status, ea.name, ea.code, ea.sector FROM events e "
                "JOIN event_actors ea ON ea.article_id = e.article_id AND ea.event_idx = e.idx")))
        planned = sorted(e["type"] for e in s.events(status="planned"))
    with Store.open(str(tmp_path / "raw.db")) as s:
        s.ingest(vocabulary_articles(), progress=False)
        with s.engine.connect() as conn:
            raw = sorted(tuple(r) for r in conn.execute(sa.text(
                "SELECT e.type, e.status, ea.name, ea.code, ea.sector FROM events e "
                "JOIN event_actors ea ON ea.article_id = e.article_id AND ea.event_idx = e.idx")))
    assert bulk == raw and ("ACCUSE", "happened", "Chilean foreign ministry", "CHLGOV", "GOV") in bulk
    assert planned == ["AGREE", "AID"]


def test_postgresql_answers_as_sqlite(sqlite_url, pg_url):
    answers = []
    for url in (sqlite_url, pg_url):
        with Store.open(url) as s:
            s.ingest(vocabulary_articles(), progress=False)
            answers.append([[(e["id"], e["status"], e["goldstein"], e["quad_class"],
                              [(a["name"], a["code"], a["sector"]) for a in e["actors"]]) for e in s.events(**f)]
                            for f in ({}, {"status": "planned"}, {"quad_class": [3, 4]},
                                      {"goldstein_min": 1, "goldstein_max": 4.5}, {"type": ["AID", "ACCUSE"]})])
    assert answers[0] == answers[1]


# ---------------------------------------------------------------- CLI

run = run_cli


@pytest.fixture
def db(tmp_path):
    return ingested_db(tmp_path / "cli.db", vocabulary_articles())


def _json_types(result):
    assert result.exit_code == 0, result.output
    return sorted(e["type"] for e in json.loads(result.stdout))


def test_cli_events_filters(db):
    assert _json_types(run("events", "--db", db, "--status", "planned", "--format", "json")) == ["AGREE", "AID"]
    assert _json_types(run("events", "--db", db, "--type", "accuse", "--type", "AID", "--format", "json")) == \
        ["ACCUSE", "AID"]
    assert _json_types(run("events", "--db", db, "--type", "ACCUSE,CONSULT", "--format", "json")) == \
        ["ACCUSE", "CONSULT"]
    assert _json_types(run("events", "--db", db, "--quad-class", "3", "--format", "json")) == ["ACCUSE"]
    assert _json_types(run("events", "--db", db, "--goldstein-min", "-10", "--goldstein-max", "0",
                           "--format", "json")) == ["ACCUSE"]
    table = run("events", "--db", db, "--status", "planned")
    assert table.stdout.splitlines()[0].split()[:6] == ["date", "type", "mode", "status", "cameo", "goldstein"]
    assert "planned" in table.stdout and "happened" not in table.stdout
    rows = list(csv.DictReader(io.StringIO(run("events", "--db", db, "--format", "csv", "--quad-class", "1").stdout)))
    assert sorted(r["type"] for r in rows) == ["AGREE", "AID", "CONSULT"] and {r["quad_class"] for r in rows} == {"1"}


def test_cli_export_filters(db, tmp_path):
    out = tmp_path / "dyads.tsv"
    result = run("export", "--db", db, "--format", "cameo", "--type", "ACCUSE", "-o", out)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8"), delimiter="\t"))
    assert [(r["actor1_code"], r["actor2_code"], r["goldstein_scale"], r["quad_class"]) for r in rows] == [
        ("CHLGOV", "ARGGOV", "-2.0", "3")]
    plover = run("export", "--db", db, "--format", "plover", "--status", "planned")
    records = [json.loads(line) for line in plover.stdout.splitlines()]
    assert sorted(r["event_type"] for r in records) == ["AGREE", "AID"]
    assert all(r["event_status"] == "planned" for r in records)


@pytest.mark.parametrize("command", ["events", "export"])
@pytest.mark.parametrize("args, message", [
    (["--status", "maybe"], "Invalid value for '--status'"),
    (["--quad-class", "5"], "Invalid value for '--quad-class'"),
    (["--goldstein-min", "twenty"], "Invalid value for '--goldstein-min'"),
    (["--goldstein-max", "11"], "Invalid value for '--goldstein-max'"),
    (["--goldstein-min", "3", "--goldstein-max", "-3"], "--goldstein-min 3 is above --goldstein-max -3"),
    (["--type", "ACCUSE,MEET"], "'MEET' is not a PLOVER event type"),
])
def test_cli_bad_filter_values_are_usage_errors(db, command, args, message):
    result = run(command, "--db", db, *args)
    assert result.exit_code == 2
    assert "Usage:" in result.stderr and message in result.stderr and "Traceback" not in result.output


# ---------------------------------------------------------------- API

@pytest.fixture
def client(db):
    from fastapi.testclient import TestClient

    from communique.web import create_app

    with TestClient(create_app(db), base_url="http://localhost") as c:
        yield c


def test_api_events_filters_and_fields(client):
    def types(**query):
        r = client.get("/api/events", params=query)
        assert r.status_code == 200, r.text
        return sorted(e["type"] for e in r.json()["events"])

    assert types(status="planned") == ["AGREE", "AID"]
    assert types(type=["ACCUSE", "aid"]) == ["ACCUSE", "AID"]
    assert types(quad_class=["3", "4"]) == ["ACCUSE"]
    assert types(goldstein_min="4", goldstein_max="6") == ["AGREE", "AID"]
    assert types(status="happened", goldstein_max="0") == ["ACCUSE"]
    page = client.get("/api/events", params={"type": "ACCUSE"}).json()
    accuse = page["events"][0]
    assert (accuse["status"], accuse["goldstein"], accuse["quad_class"]) == ("happened", -2.0, 3)
    assert [(a["code"], a["sector"]) for a in accuse["actors"]] == [("CHLGOV", "GOV"), ("ARGGOV", None)]
    assert page["filters"] == {"type": "ACCUSE"}
    one = client.get(f"/api/events/{accuse['id']}").json()
    assert one["quad_class"] == 3 and one["actors"][0]["code"] == "CHLGOV"


def test_api_exports_filter_and_carry_the_fields(client):
    r = client.get("/api/events", params={"status": "planned", "format": "csv"})
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert sorted(r["type"] for r in rows) == ["AGREE", "AID"] and {r["status"] for r in rows} == {"planned"}
    r = client.get("/export/events.csv", params={"quad_class": "3"})
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [(r["type"], r["goldstein"], r["quad_class"]) for r in rows] == [("ACCUSE", "-2.0", "3")]
    import pyarrow as pa
    import pyarrow.parquet as pq

    r = client.get("/export/events.parquet", params={"goldstein_min": "5"})
    table = pq.read_table(pa.BufferReader(r.content)).to_pylist()
    assert [(t["type"], t["goldstein"], t["quad_class"], t["status"]) for t in table] == [("AID", 5.2, 1, "planned")]


@pytest.mark.parametrize("path", ["/api/events", "/export/events.csv"])
@pytest.mark.parametrize("query, name", [
    ({"status": "maybe"}, "status"), ({"quad_class": "7"}, "quad_class"), ({"quad_class": ["1", "x"]}, "quad_class"),
    ({"goldstein_min": "high"}, "goldstein_min"), ({"goldstein_max": "12"}, "goldstein_max"),
    ({"goldstein_min": "nan"}, "goldstein_min"), ({"goldstein_min": "3", "goldstein_max": "-3"}, "goldstein_min"),
    ({"type": ["ACCUSE", "MEET"]}, "type"),
])
def test_api_bad_filter_values_are_422(client, path, query, name):
    r = client.get(path, params=query)
    assert r.status_code == 422
    body = r.json()
    assert set(body) == {"error", "message"} and body["error"] == 422
    assert body["message"].startswith(f"parameter '{name}'")


# ---------------------------------------------------------------- end to end, from raw text

def test_raw_articles_through_the_pipeline(tmp_path):
    """Self-written raw articles, extracted by the pipeline: what the extractor says about status,
    Goldstein and actor codes is what the store gives back and filters on."""
    from communique.read import Document

    texts = {
        "raw-plan": "Finnish minister to visit Santiago\n\nHELSINKI, May 4, 2026 - Finnish Foreign Minister "
                    "Mikko Rantala will visit Chile next week, the ministry said on Monday. Rantala is expected "
                    "to meet Chilean Foreign Minister Rosa Fuentes in Santiago.",
        "raw-accuse": "Peru accuses Ecuador over border post\n\nLIMA, May 6, 2026 - Peru's Ministry of Foreign "
                      "Affairs on Wednesday accused Ecuador of building a military post inside Peruvian territory.",
        "raw-pledge": "Canada pledges aid to Haiti\n\nOTTAWA, May 8, 2026 - Canadian Prime Minister Paul Girard "
                      "pledged 40 million US dollars in emergency aid to Haiti on Friday.",
    }
    docs = [Document(doc_id=k, text=v) for k, v in texts.items()]
    with Store.open(str(tmp_path / "raw.db")) as s:
        report = s.ingest(docs, progress=False)
        assert report.failed == []
        extracted = [ev for k in texts for ev in s.article(k)["extraction"]["events"]]
        events = s.events()
        assert len(events) >= 1 and s.check() == []
        for ev in events:  # every merged event is read back with its vocabulary
            assert ev["status"] in ("happened", "planned") and ev["quad_class"] in (1, 2, 3, 4)
            assert -10 <= ev["goldstein"] <= 10
        if any(e["status"] == "planned" for e in extracted):
            assert s.events(status="planned")
        stored_codes = {a.get("code") for e in extracted for a in e["actors"]} - {None}
        read_codes = {a["code"] for e in events for a in e["actors"]} - {None}
        assert read_codes <= stored_codes
        assert sorted(e["type"] for e in s.events(status="planned")) == \
            sorted(e["type"] for e in events if e["status"] == "planned")
        pledge = s.article("raw-pledge")["extraction"]["commitments"]
        assert all(c["status"] in ("pledged", "delivered", "requested", "agreed") for c in pledge)
