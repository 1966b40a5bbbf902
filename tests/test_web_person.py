"""The person page of a busy person: its events paged (latest first), its counterparts counted over
all its events, the same as queries.person; and found through the actor index, not a scan of every
event (benchmarks/serve_load.py measures the busiest person's page at 10,000 and 50,000 articles)."""
import datetime as dt
import re

import pytest
from fastapi.testclient import TestClient

from web_corpus import synthetic_article

BUSY = ("Odile Ferrand", "FRA", "Foreign Minister")
OTHERS = [("Lena Kovac", "DEU", "Foreign Minister"), ("Piet de Waal", "CAN", "Trade Minister"),
          ("Mara Okonjo", "KEN", "Foreign Minister")]


@pytest.fixture(scope="module")
def app_store(tmp_path_factory):
    from communique.store import Store
    from communique.web import create_app

    start = dt.date(2020, 1, 1)
    arts = [synthetic_article(f"busy-{i:03d}", BUSY, OTHERS[i % 3], (start + dt.timedelta(days=5 * i)).isoformat(),
                              (start + dt.timedelta(days=5 * i)).isoformat(), mode=("meeting", "call", "visit")[i % 3])
            for i in range(130)]
    # and background events the person is not in, so that a scan of every event would show
    arts += [synthetic_article(f"other-{i:04d}", OTHERS[0], OTHERS[1], (start + dt.timedelta(days=i)).isoformat(),
                               (start + dt.timedelta(days=i)).isoformat()) for i in range(600)]
    store = Store.open(str(tmp_path_factory.mktemp("person") / "p.db"))
    assert not store.ingest(arts, progress=False).failed
    with TestClient(create_app(store=store), base_url="http://localhost") as client:
        yield client, store
    store.close()


def test_person_events_are_paged_and_counterparts_count_all(app_store):
    from communique.store import aggregates

    client, store = app_store
    full = store.person("Odile Ferrand")
    assert len(full["events"]) == 130
    page = store._read(aggregates.person_page, full["id"], 50, 100)
    assert [e["id"] for e in page["events"]] == [e["id"] for e in full["events"][100:]]
    assert page["events"] == full["events"][100:]
    assert page["counterparts"] == full["counterparts"]
    assert {c["name"]: c["count"] for c in page["counterparts"]} == {"Lena Kovac": 44, "Piet de Waal": 43,
                                                                     "Mara Okonjo": 43}

    html = client.get(f"/persons/{full['id']}", headers={"accept": "text/html"}).text
    assert html.count('<li class="event') == 50
    assert "Events 1–50 of 130" in html and "page 1 of 3" in html
    last = client.get(f"/persons/{full['id']}", params={"offset": 100}).text
    assert last.count('<li class="event') == 30 and "Events 101–130 of 130" in last
    ids = re.findall(r'href="/events/([^"]+)"', last)
    assert full["events"][-1]["id"] in ids
    assert client.get(f"/persons/{full['id']}", params={"offset": -1}).status_code == 422


def _plans(store, fn, *args) -> list[str]:
    """SQLite's query plan of every statement `fn(conn, *args)` runs."""
    from sqlalchemy import event

    statements = []

    def record(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append((statement, parameters))

    with store.engine.connect() as conn:
        event.listen(conn, "before_cursor_execute", record)
        fn(conn, *args)
        event.remove(conn, "before_cursor_execute", record)
        return [" / ".join(r[3] for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params))
                for sql, params in statements]


def test_busy_person_is_found_by_index_not_scan(app_store):
    """The person's events come through the actor index on person_id: no statement of the page walks
    every merged event (the old page did, in date order, testing each for the person)."""
    from communique.store import aggregates, queries

    _, store = app_store
    busy = store.person("Odile Ferrand")["id"]
    plans = _plans(store, aggregates.person_page, busy, 50, 0)
    assert plans and not [p for p in plans if "SCAN merged_event" in p], plans
    assert any("ix_merged_event_actors_person" in p for p in plans), plans
    old = _plans(store, queries.person, busy)
    assert any("SCAN merged_events" in p for p in old), old  # what the page used to do
