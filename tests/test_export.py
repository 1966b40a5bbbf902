"""Exports read back the way a user would: CSV rows, Parquet tables, PLOVER JSON, CAMEO dyads, GraphML."""
from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from communique import export as ex
from communique.model import Actor, Article, Event, Location, Person

MEETING = {
    "id": "ev-1", "type": "CONSULT", "mode": "meeting", "cameo": "040", "date": "2026-02-13",
    "location": {"name": "Hanoi", "country": "VNM"},
    "actors": [{"name": "To Lam", "kind": "person", "country": "VNM", "role": "host", "person_id": "to-lam"},
               {"name": "Michael DeSombre", "kind": "person", "country": "USA", "role": "guest",
                "person_id": "michael-desombre"}],
    "n_sources": 2,
    "sources": [{"doc_id": "a1", "title": "T1", "source": "Hanoi Daily", "url": "https://example.org/a1",
                 "published": "2026-02-13"},
                {"doc_id": "a2", "title": "T2", "source": "Capital Wire", "url": None, "published": "2026-02-14"}],
    "evidence": [], "merge_reason": "2 reports", "mechanism": None}
VISIT = {
    "id": "ev-2", "type": "CONSULT", "mode": "visit", "cameo": None, "date": "2026-02-12/2026-02-14",
    "location": {"name": None, "country": "VNM"},
    "actors": [{"name": "Vietnam", "kind": "country", "country": "VNM", "role": "host", "person_id": None},
               {"name": "Michael DeSombre", "kind": "person", "country": "USA", "role": "visitor",
                "person_id": "michael-desombre"}],
    "n_sources": 1, "sources": [{"doc_id": "a1", "url": "https://example.org/a1"}], "merge_reason": "single report"}
DIALOGUE = {
    "id": "ev-3", "type": "CONSULT", "mode": "dialogue", "cameo": "046", "date": "2025-06", "location": None,
    "actors": [{"name": "To Lam", "kind": "person", "country": "VNM", "role": "co-chair", "person_id": "to-lam"},
               {"name": "Phan Van Giang", "kind": "person", "country": "VNM", "role": "co-chair",
                "person_id": "phan-van-giang"},
               {"name": "National Democratic Institute", "kind": "org", "country": "USA", "role": "co-chair",
                "person_id": None}],
    "n_sources": 1, "sources": [], "merge_reason": "single report",
    "mechanism": {"name": "Political Dialogue", "round": 3}}
EVENTS = [MEETING, VISIT, DIALOGUE]


def test_csv_has_one_row_per_event_actor_pair():
    buf = io.StringIO()
    assert ex.write_csv(EVENTS, buf) == 7
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert [r["actor_name"] for r in rows[:2]] == ["To Lam", "Michael DeSombre"]
    assert rows[0]["event_id"] == "ev-1" and rows[0]["doc_ids"] == "a1 a2" and rows[0]["person_id"] == "to-lam"


def test_parquet_writes_events_and_actor_tables(tmp_path):
    paths = ex.write_parquet(EVENTS, tmp_path / "out")
    events = pq.read_table(paths[0]).to_pylist()
    actors = pq.read_table(paths[1]).to_pylist()
    assert [e["id"] for e in events] == ["ev-1", "ev-2", "ev-3"] and events[0]["n_sources"] == 2
    assert len(actors) == 7 and {a["actor_kind"] for a in actors} == {"person", "country", "org"}
    single = ex.write_parquet(EVENTS, tmp_path / "e.parquet")
    assert [p.rsplit("/", 1)[1] for p in single] == ["e.parquet", "e_actors.parquet"]
    (tmp_path / "file").write_text("x")
    with pytest.raises(ex.ExportError, match="found a file"):
        ex.write_parquet(EVENTS, tmp_path / "file")


def test_plover_records_carry_type_mode_actors_and_sources():
    recs = ex.plover_records(EVENTS)
    visit = recs[1]
    assert visit["event_type"] == "CONSULT" and visit["event_mode"] == "visit"
    assert visit["actor1"] == "Michael DeSombre" and visit["actor2"] == "Vietnam"  # the visitor acts
    assert recs[0]["sources"][0]["source"] == "Hanoi Daily" and recs[0]["num_sources"] == 2
    buf = io.StringIO()
    ex.write_plover(EVENTS, buf)
    assert json.loads(buf.getvalue().splitlines()[2])["mechanism"] == {"name": "Political Dialogue", "round": 3}


def test_cameo_dyads_with_codes_and_goldstein():
    rows = ex.cameo_rows(EVENTS)
    meeting = [r for r in rows if r["event_id"] == "ev-1"]
    assert len(meeting) == 1
    assert (meeting[0]["actor1_name"], meeting[0]["actor2_name"]) == ("To Lam", "Michael DeSombre")
    assert (meeting[0]["event_code"], meeting[0]["event_root_code"], meeting[0]["quad_class"],
            meeting[0]["goldstein_scale"]) == ("040", "04", 1, 1.0)
    assert meeting[0]["source_urls"] == "https://example.org/a1" and meeting[0]["num_sources"] == 2
    visit = next(r for r in rows if r["event_id"] == "ev-2")
    assert visit["event_code"] == "042" and visit["goldstein_scale"] == 1.9  # default code of a visit
    # the two Vietnamese co-chairs form no dyad with each other: 2 rows, each against the NDI
    dialogue = [r for r in rows if r["event_id"] == "ev-3"]
    assert len(dialogue) == 2 and all(r["actor2_name"] == "National Democratic Institute" for r in dialogue)
    buf = io.StringIO()
    ex.write_cameo(EVENTS, buf)
    header = buf.getvalue().splitlines()[0].split("\t")
    assert header[:3] == ["event_id", "date", "actor1_name"] and "goldstein_scale" in header


def test_graphml_network_weights_shared_events(tmp_path):
    path = tmp_path / "net.graphml"
    nodes, edges = ex.write_graphml(EVENTS + [dict(MEETING, id="ev-4")], path)
    g = nx.read_graphml(path)
    assert (nodes, edges) == (g.number_of_nodes(), g.number_of_edges())
    assert "Vietnam" not in {d["name"] for _, d in g.nodes(data=True)}  # countries are not nodes
    assert g["to-lam"]["michael-desombre"]["weight"] == 2
    assert g.nodes["org:National Democratic Institute"]["country"] == "USA"


def test_frames_for_events_and_persons():
    df = ex.events_frame(EVENTS)
    assert list(df["id"]) == ["ev-1", "ev-2", "ev-3"] and df.loc[0, "actors"] == "To Lam; Michael DeSombre"
    persons = [{"id": "le-hoai-trung", "name": "Le Hoai Trung", "country": "VNM", "aliases": ["Trung"],
                "roles": [{"title": "Chairman of the Party Commission for External Relations",
                           "level": "senior-official", "first_seen": "2024-12-03", "last_seen": "2024-12-05"},
                          {"title": "Minister of Foreign Affairs", "level": "minister",
                           "first_seen": "2026-01-10", "last_seen": "2026-02-01"}], "n_events": 4}]
    pf = ex.persons_frame(persons)
    row = pf.iloc[0]
    assert (row["title"], row["level"], row["first_seen"], row["last_seen"], row["n_roles"]) == \
        ("Minister of Foreign Affairs", "minister", "2024-12-03", "2026-02-01", 2)


def test_jsonl_writes_the_contract_of_each_article():
    art = Article(doc_id="x1", text="...", published="2026-02-13",
                  persons=[Person("To Lam", "VNM")],
                  events=[Event("CONSULT", "040", [Actor("To Lam", "person", "VNM", "host")], mode="meeting",
                                location=Location("Hanoi", "VNM"))])
    buf = io.StringIO()
    assert ex.write_jsonl([art, {"extraction": {"doc_id": "x2", "events": []}}], buf) == 2
    first, second = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert first["doc_id"] == "x1" and first["events"][0]["mode"] == "meeting" and second["doc_id"] == "x2"


def test_unknown_format_is_a_clear_error():
    with pytest.raises(ex.ExportError, match="unknown export format 'xml'"):
        ex.export("xml", EVENTS)


# ---------------------------------------------------------------- the command, over a real SQLite store

def _store_with(tmp_path, articles):
    store_mod = pytest.importorskip("communique.store")
    db = tmp_path / "c.db"
    store = store_mod.Store.open(str(db))
    store.ingest(articles, progress=False)
    store.close()
    return db


@pytest.fixture
def small_db(tmp_path):
    read = pytest.importorskip("communique.read")
    docs = [read.document_from_text(
        "HANOI, March 4, 2026 - Vietnamese Foreign Minister Hoang Thi Lan held talks with Australian Foreign "
        "Minister Peter Halvorsen in Hanoi on March 4. The two ministers agreed to open new direct flights.\n",
        doc_id="m1", published="2026-03-04", source="Capital Wire")]
    return _store_with(tmp_path, docs)


@pytest.mark.slow
@pytest.mark.parametrize("fmt, name", [("csv", "e.csv"), ("cameo", "e.tsv"), ("plover", "e.jsonl"),
                                       ("graphml", "n.graphml"), ("parquet", "e.parquet"), ("jsonl", "a.jsonl")])
def test_export_command_writes_each_format(small_db, tmp_path, fmt, name):
    from communique.cli import main

    out = tmp_path / name
    result = CliRunner().invoke(main, ["export", "--db", str(small_db), "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.exists() and out.stat().st_size > 0
    if fmt == "jsonl":
        assert json.loads(out.read_text(encoding="utf-8").splitlines()[0])["doc_id"] == "m1"
    if fmt == "csv":
        assert "Peter Halvorsen" in out.read_text(encoding="utf-8")


def test_export_command_bad_input_is_one_line(tmp_path):
    from communique.cli import main

    result = CliRunner().invoke(main, ["export", "--db", str(tmp_path / "x.db"), "--format", "parquet"])
    assert result.exit_code == 2 and "-o FILE.parquet" in result.output
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not a database" * 100)
    result = CliRunner().invoke(main, ["export", "--db", str(bad), "--format", "csv"])
    assert result.exit_code == 2 and "Traceback" not in result.output and "Error" in result.output
