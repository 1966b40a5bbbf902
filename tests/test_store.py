"""The corpus store on SQLite and PostgreSQL: ingest, idempotence, queries, search, statistics."""
import sqlalchemy as sa

import pytest

from communique.store import Store, StoreError
from conftest import corpus_articles, make_article


@pytest.fixture
def store(db_url, articles):
    s = Store.open(db_url)
    s.ingest(articles, progress=False)
    yield s
    s.close()


def _table_counts(s):
    with s.engine.connect() as conn:
        return {t: conn.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar_one()
                for t in ("articles", "persons", "events", "event_actors", "commitments", "merged_events",
                          "identities")}


def test_open_records_migrations_once(db_url):
    with Store.open(db_url) as s:
        with s.engine.connect() as conn:
            versions = conn.execute(sa.text("SELECT version FROM schema_migrations")).scalars().all()
    from communique.store.migrations import MIGRATIONS

    assert sorted(versions) == [v for v, _, _ in MIGRATIONS]
    with Store.open(db_url) as s:  # opening again applies nothing new
        with s.engine.connect() as conn:
            assert conn.execute(sa.text("SELECT count(*) FROM schema_migrations")).scalar_one() == len(MIGRATIONS)


def test_a_version_1_database_is_brought_up_to_date(sqlite_url, articles):
    """A corpus made before the (country, event) index gets it on open, its rows untouched."""
    from communique.store import migrations

    with Store.open(sqlite_url) as s:
        s.ingest(articles, progress=False)
        before = _table_counts(s)
        with s.engine.begin() as conn:  # put the database back as version 1 left it
            conn.exec_driver_sql("DROP INDEX ix_merged_event_actors_country_event")
            conn.exec_driver_sql("CREATE INDEX ix_merged_event_actors_country ON merged_event_actors (country)")
            conn.exec_driver_sql("DELETE FROM schema_migrations WHERE version > 1")
    with Store.open(sqlite_url) as s:
        with s.engine.connect() as conn:
            names = set(conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='index'").scalars())
            assert migrations.current_version(conn) == migrations.MIGRATIONS[-1][0]
        assert "ix_merged_event_actors_country_event" in names
        assert "ix_merged_event_actors_country" not in names
        assert _table_counts(s) == before


def test_ingest_reports_and_is_idempotent(db_url, articles):
    with Store.open(db_url) as s:
        first = s.ingest(articles, progress=False)
        assert (first.added, first.updated, first.unchanged, first.failed) == (5, 0, 0, [])
        assert first.raw_events == 6 and first.merged_events == 5  # two outlets on one meeting merge
        assert first.summary() == "5 articles: 5 added, 0 updated, 0 unchanged, 0 failed; 6 raw events -> 5 events"
        counts = _table_counts(s)
        again = s.ingest(corpus_articles(), progress=False)
        assert (again.added, again.updated, again.unchanged) == (0, 0, 5)
        assert _table_counts(s) == counts


def test_changed_text_replaces_old_extraction(db_url, articles):
    with Store.open(db_url) as s:
        s.ingest(articles, progress=False)
        changed = make_article(
            "corp-003", "President Tran Quoc Binh calls Tokyo\nPresident Tran Quoc Binh spoke by phone with "
            "Prime Minister Haruto Sato about port investment.", published="2025-10-06",
            persons=[("Tran Quoc Binh", "VNM", ["President"], None, []),
                     ("Haruto Sato", "JPN", ["Prime Minister"], None, [])])  # no events this time
        report = s.ingest([changed], progress=False)
        assert (report.added, report.updated, report.unchanged) == (0, 1, 0)
        art = s.article("corp-003")
        assert art["title"] == "President Tran Quoc Binh calls Tokyo"
        assert art["extraction"]["events"] == []
        assert s.events(mode="call") == []
        assert _table_counts(s)["articles"] == 5
        assert report.raw_events == 5


def test_duplicate_doc_id_in_one_run_counts_as_update(db_url, articles):
    with Store.open(db_url) as s:
        twice = [articles[0], make_article("corp-001", "Another text\nNothing happened.")]
        report = s.ingest(twice, progress=False)
        assert (report.added, report.updated) == (1, 1)
        assert s.article("corp-001")["text"] == "Another text\nNothing happened."


def test_failed_items_are_reported_and_the_rest_goes_on(db_url, articles):
    from communique.read import InputError

    with Store.open(db_url) as s:
        items = [InputError("feed.jsonl", 3, "not valid JSON"), *articles]
        report = s.ingest(items, progress=False)
        assert report.failed == ["feed.jsonl:3: not valid JSON"]
        assert report.added == 5


def test_event_filters(store):
    assert {e["mode"] for e in store.events(country="VNM", with_="USA")} == {"meeting", "dialogue"}
    assert [e["mode"] for e in store.events(with_="jpn", type="AGREE")] == ["signing"]
    assert [e["mode"] for e in store.events(mode="call")] == ["call"]
    # reduced precision: the "2025-10" call overlaps 2025-10-15; the interval overlaps 2024-12-04
    assert [e["mode"] for e in store.events(since="2025-10-15", until="2025-10-20")] == ["call"]
    assert [e["mode"] for e in store.events(since="2024-12-04", until="2024-12")] == ["dialogue"]
    assert len(store.events(since="2025")) == 4
    assert len(store.events(until="2025-09")) == 2
    # "XXXX-09-09" in the second report takes its year from publication and merges with the first
    meeting = store.events(mode="meeting")[0]
    assert meeting["n_sources"] == 2 and {s["doc_id"] for s in meeting["sources"]} == {"corp-001", "corp-002"}
    assert len(meeting["evidence"]) == 2 and all("Hanoi" in e["text"] for e in meeting["evidence"])
    assert store.count_events(country="VNM") == 5
    assert store.count_events(min_level="head-of-state") == 1
    assert {e["mode"] for e in store.events(min_level="head-of-government")} == {"call", "visit", "signing"}
    assert store.events(limit=2)[0]["date_start"] == "2026-02-13"
    assert len(store.events(limit=2, offset=4)) == 1


def test_actor_filter_matches_names_aliases_and_ids(store):
    for name in ("Le Van Hoa", "le van hoa", "Hoa", "le-van-hoa", "LÊ VĂN HOA"):
        assert [e["mode"] for e in store.events(actor=name)] == ["meeting"], name
    assert len(store.events(actor="Sato")) == 2
    assert store.events(actor="Nobody Known") == []


def test_event_by_id_and_mechanism(store):
    dialogue = store.events(mode="dialogue")[0]
    assert store.event(dialogue["id"]) == dialogue
    assert dialogue["mechanism"] == {"name": "Political and Security Dialogue", "round": 14}
    assert dialogue["date"] == "2024-12-02/2024-12-05"
    assert {a["role"] for a in dialogue["actors"]} == {"co-chair"}
    assert store.event("ev-does-not-exist") is None


def test_persons_and_person(store):
    everyone = store.persons()
    assert {p["name"] for p in everyone} == {"Le Van Hoa", "Karen Whitfield", "Tran Quoc Binh", "Haruto Sato",
                                             "Pham Thu Lan", "Daniel Reyes", "Dao Minh Khoa"}
    assert {p["name"] for p in store.persons(country="USA")} == {"Karen Whitfield", "Daniel Reyes"}
    assert [p["name"] for p in store.persons(name="sato")] == ["Haruto Sato"]
    sato = store.person("Sato")
    assert sato["id"] == "haruto-sato" and sato["n_events"] == 2
    assert sato["roles"][0]["level"] == "head-of-government"
    assert {c["name"] for c in sato["counterparts"]} == {"Tran Quoc Binh", "Dao Minh Khoa"}
    assert len(sato["events"]) == 2
    assert store.person("haruto-sato")["name"] == "Haruto Sato"
    assert store.person("Nobody Known") is None


def test_article_round_trip(store, articles):
    art = store.article("corp-001")
    assert art["extraction"] == articles[0].to_dict()
    assert art["text"] == articles[0].text and art["source"] == "Harbor Daily"
    assert art["event_ids"] == [store.events(mode="meeting")[0]["id"]]
    assert store.article("missing") is None
    listing = store.articles(limit=2)
    assert [a["doc_id"] for a in listing] == ["corp-005", "corp-003"]


def test_search_marks_the_match(store):
    hits = store.search("dioxin")
    assert [h["doc_id"] for h in hits] == ["corp-001"]
    assert "«dioxin»" in hits[0]["snippet"]
    assert "<mark>dioxin</mark>" in hits[0]["snippet_html"]
    assert {h["doc_id"] for h in store.search("remediation")} == {"corp-001", "corp-002"}
    assert [h["doc_id"] for h in store.search('"contaminated soil"')] == ["corp-002"]
    assert store.search("remediation dioxin")[0]["doc_id"] == "corp-001"
    assert store.search("zeppelin") == []


def test_stats_for_a_pair(store):
    st = store.stats("VNM", "usa")
    assert st["pair"] == ["VNM", "USA"] and st["total"] == 2
    assert {(r["month"], r["mode"], r["count"]) for r in st["by_month"]} == {("2024-12", "dialogue", 1),
                                                                            ("2025-09", "meeting", 1)}
    assert {(r["month"], r["level"]) for r in st["by_level"]} == {("2024-12", "deputy-minister"),
                                                                 ("2025-09", "minister")}
    assert [e["mode"] for e in st["latest"]] == ["meeting", "dialogue"]
    alone = store.stats("VNM")
    assert alone["total"] == 5
    assert {c["country"]: c["count"] for c in alone["top_counterparts"]} == {"JPN": 3, "USA": 2}


def test_network(store):
    net = store.network(country="JPN")
    ids = {n["id"] for n in net["nodes"]}
    assert {"haruto-sato", "dao-minh-khoa", "tran-quoc-binh"} <= ids
    edge = {(e["source"], e["target"]): e["count"] for e in net["edges"]}
    assert edge[("dao-minh-khoa", "haruto-sato")] == 1


def test_frames(store):
    frame = store.events_frame(country="VNM")
    assert len(frame) == 5 and "date_start" in frame.columns
    people = store.persons_frame(country="VNM")
    assert set(people["name"]) == {"Le Van Hoa", "Tran Quoc Binh", "Pham Thu Lan", "Dao Minh Khoa"}


@pytest.mark.parametrize("kwargs, fragment", [
    ({"country": "XYZ"}, "unknown ISO3 country code for --country: 'XYZ'"),
    ({"with_": "Vietnam"}, "unknown ISO3 country code for --with"),
    ({"since": "2025-13"}, "malformed date for --since: '2025-13'"),
    ({"until": "yesterday"}, "malformed date for --until"),
    ({"type": "MEET"}, "unknown value for --type: 'MEET'"),
    ({"mode": "lunch"}, "unknown value for --mode"),
    ({"min_level": "emperor"}, "unknown value for --min-level"),
    ({"limit": -1}, "--limit must be a whole number"),
])
def test_bad_filters_raise_store_error(store, kwargs, fragment):
    with pytest.raises(StoreError, match=None) as info:
        store.events(**kwargs)
    assert fragment in str(info.value)
    assert "\n" not in str(info.value)


def test_bad_pair_raises_store_error(store):
    with pytest.raises(StoreError, match="unknown ISO3"):
        store.stats("VNM", "ZZZ")


def test_unreachable_postgres_is_a_store_error():
    with pytest.raises(StoreError, match="cannot connect to postgresql"):
        Store.open("postgresql://postgres@127.0.0.1:1/nothing")


def test_corrupt_sqlite_file_is_a_store_error(tmp_path):
    bad = tmp_path / "garbage.db"
    bad.write_bytes(b"this is not a database at all \x00\x01\x02" * 200)
    with pytest.raises(StoreError, match="not a SQLite database, or the file is corrupt"):
        Store.open(str(bad))


def test_unusable_locations_are_store_errors(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(str(tmp_path / "no" / "such" / "dir" / "x.db"))
    with pytest.raises(StoreError, match="is a folder"):
        Store.open(str(tmp_path))
    with pytest.raises(StoreError, match="unsupported database"):
        Store.open("mysql://localhost/x")


def test_dirty_resolution_is_rebuilt_on_open(db_url, articles):
    with Store.open(db_url) as s:
        s.ingest(articles, progress=False)
        with s.engine.begin() as conn:  # as if a run died between raw rows and resolution
            conn.execute(sa.text("DELETE FROM merged_event_actors"))
            conn.execute(sa.text("DELETE FROM merged_event_members"))
            conn.execute(sa.text("DELETE FROM merged_events"))
            conn.execute(sa.text("UPDATE meta SET value = 'dirty' WHERE key = 'resolution'"))
    with Store.open(db_url) as s:
        assert s.count_events() == 5


def test_reprocess_reextracts_old_versions(db_url, articles):
    by_id = {a.doc_id: a for a in corpus_articles()}

    def extractor(docs):  # stands in for the pipeline: returns the article each text came from
        for doc in docs:
            yield doc, by_id[doc.doc_id]

    with Store.open(db_url) as s:
        s.ingest(articles, progress=False)
        assert s.reprocess(progress=False, extractor=extractor).updated == 0  # all current
        with s.engine.begin() as conn:
            conn.execute(sa.text("UPDATE articles SET extractor_version = '0.0.1' WHERE doc_id IN ('corp-001', 'corp-004')"))
        report = s.reprocess(progress=False, extractor=extractor)
        assert report.updated == 2 and report.merged_events == 5
        with s.engine.connect() as conn:
            assert conn.execute(sa.text("SELECT count(*) FROM articles WHERE extractor_version = '0.0.1'")).scalar_one() == 0
        assert s.reprocess(all=True, progress=False, extractor=extractor).updated == 5
        assert s.count_events() == 5


def test_overrides_are_kept_and_used_by_later_rebuilds(db_url, articles, tmp_path):
    path = tmp_path / "people.toml"
    path.write_text('[[canonical]]\nref = "le-van-hoa"\nname = "Lê Văn Hòa"\n', encoding="utf-8")
    with Store.open(db_url) as s:
        s.ingest(articles, progress=False)
    with Store.open(db_url, overrides=str(path)) as s:
        assert s.person("le van hoa")["name"] == "Lê Văn Hòa"
    with Store.open(db_url) as s:  # no file given: the kept one still applies to a rebuild
        s.rebuild()
        assert s.person("Hoa")["name"] == "Lê Văn Hòa"
        assert s.events(actor="lê văn hòa")[0]["mode"] == "meeting"


def test_bad_overrides_file_is_a_store_error(db_url, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[[merge]\nrefs = 3", encoding="utf-8")
    with pytest.raises(StoreError, match="bad.toml"):
        Store.open(db_url, overrides=str(bad))
    with pytest.raises(StoreError, match="cannot read overrides file"):
        Store.open(db_url, overrides=str(tmp_path / "missing.toml"))
