"""The pair page's cooperation-conflict trend: monthly mean Goldstein and events per CAMEO quad class,
scored by the project's CAMEO table, with a table alternative and CSV/JSON/Parquet exports."""
import csv
import io
import json
import re

import pytest
from fastapi.testclient import TestClient

from web_corpus import AUS, USA, synthetic_article

IND = ("Ravi Menon", "IND", "External Affairs Minister")


def articles() -> list:
    return [
        synthetic_article("c-meet", USA, IND, "2024-05-02", "2024-05-02"),                      # 040: +1.0, quad 1
        synthetic_article("c-visit", IND, USA, "2024-05-20", "2024-05-20", mode="visit",
                          roles=("visitor", "host"), cameo="042"),                               # 042: +1.9, quad 1
        synthetic_article("c-accuse", USA, IND, "2024-06-11", "2024-06-11", type="ACCUSE", cameo="112", mode=None,
                          verb="accused"),                                                       # -2.0, quad 3
        synthetic_article("c-sanction", USA, IND, "2024-06-20", "2024-06-20", type="SANCTION", cameo="163",
                          mode=None, verb="imposed sanctions on"),                               # -8.0, quad 4
        synthetic_article("c-aid", USA, IND, "2024-08-03", "2024-08-03", type="AID", cameo=None, mode=None,
                          verb="pledged aid to"),                              # no code: AID's default 070, +7.0, quad 2
        synthetic_article("c-year", USA, IND, "2023", "2023-03-01"),                             # counted, not charted
        synthetic_article("c-planned", USA, IND, "2024-09-09", "2024-08-01", mode="visit", status="planned",
                          roles=("visitor", "host"), verb="will visit"),
        synthetic_article("c-other", USA, AUS, "2024-06-01", "2024-06-01", type="THREATEN", cameo="130", mode=None,
                          verb="warned"),
    ]


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from communique.store import Store
    from communique.web import create_app

    store = Store.open(str(tmp_path_factory.mktemp("trend") / "t.db"))
    assert not store.ingest(articles(), progress=False).failed
    with TestClient(create_app(store=store), base_url="http://localhost") as c:
        yield c
    store.close()


def _planned_stored() -> bool:
    from communique.store import schema

    return "status" in schema.events.c


def test_trend_means_and_quad_counts(client):
    from communique.web import charts

    html = client.get("/?a=USA&b=IND", headers={"accept": "text/html"}).text
    assert 'id="trend-h">Cooperation and conflict' in html
    rows = {r["month"]: r for r in json.loads(client.get("/export/trend.json?country=USA&with=IND").content)}
    assert rows["2024-05"]["mean_goldstein"] == pytest.approx(1.45)
    assert rows["2024-05"]["verbal_cooperation"] == 2
    assert rows["2024-06"]["mean_goldstein"] == pytest.approx(-5.0)
    assert (rows["2024-06"]["verbal_conflict"], rows["2024-06"]["material_conflict"]) == (1, 1)
    assert rows["2024-08"]["material_cooperation"] == 1 and rows["2024-08"]["mean_goldstein"] == pytest.approx(7.0)
    assert "2024-07" not in rows  # months without events have no row (and break the line)
    assert ("2024-09" in rows) != _planned_stored()
    assert "2023-01" not in rows  # dated only by year: counted, not charted
    charted = 6 if not _planned_stored() else 5
    assert f"<strong>{charted} of {charted + 1}</strong> charted" in html
    # the data table alternative and the points carry the same numbers
    assert '<table class="tbl" id="trend-table">' in html
    assert 'data-month="2024-06" data-mean="-5.0"' in html
    assert charts.QUADS[4] in html


def test_trend_exports_keep_the_filters(client):
    import pyarrow.parquet as pq

    r = client.get("/export/trend.csv", params={"country": "USA", "with": "IND"})
    assert r.status_code == 200
    assert r.headers["content-disposition"] == 'attachment; filename="trend-country-USA-with-IND.csv"'
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert rows[0].keys() >= {"month", "events", "mean_goldstein", "verbal_conflict"}
    assert [x["month"] for x in rows][:2] == ["2024-05", "2024-06"]
    table = pq.read_table(io.BytesIO(client.get("/export/trend.parquet?country=USA&with=IND").content)).to_pylist()
    assert table[1]["mean_goldstein"] == pytest.approx(-5.0) and table[1]["events"] == 2
    other = json.loads(client.get("/export/trend.json?country=USA&with=AUS").content)
    assert [(x["month"], x["verbal_conflict"]) for x in other] == [("2024-06", 1)]
    assert client.get("/export/trend.xml?country=USA").status_code == 422


def test_trend_of_filtered_pair_page(client):
    html = client.get("/?a=USA&b=IND&type=CONSULT", headers={"accept": "text/html"}).text
    assert 'data-month="2024-06" data-mean' not in html and 'data-month="2024-05" data-mean="1.45"' in html


def _timeline_ids(client, **query) -> list[str]:
    html = client.get("/timeline", params=query, headers={"accept": "text/html"}).text
    return sorted(re.findall(r'<a class="kind" href="/events/([^"]+)"', html))


def _api_ids(client, **query) -> list[str]:
    return sorted(e["id"] for e in client.get("/api/events", params={**query, "limit": 100}).json()["events"])


@pytest.mark.parametrize("query", [{"quad_class": ["3", "4"]}, {"quad_class": "2"}, {"goldstein_max": "0"},
                                   {"goldstein_min": "1.5", "goldstein_max": "7"}, {"status": "planned"},
                                   {"status": "happened", "quad_class": "1"}])
def test_timeline_filters_by_quad_class_goldstein_and_status_as_the_api_does(client, query):
    ids = _timeline_ids(client, **query)
    assert ids and ids == _api_ids(client, **query), query
    assert len(ids) < len(_api_ids(client)), query


def test_timeline_conflict_filter_keeps_only_conflict_and_shows_scores(client):
    html = client.get("/timeline", params={"goldstein_max": "-1"}, headers={"accept": "text/html"}).text
    scores = [float(x) for x in re.findall(r'<span class="goldstein"[^>]*>([+-][0-9.]+)</span>', html)]
    assert sorted(scores) == [-8.0, -4.4, -2.0]  # the sanction, the warning and the accusation
    assert 'name="goldstein_max" value="-1"' in html
    assert '<option value="4" selected>' not in html and '<option value="3">verbal conflict</option>' in html


def test_a_wrong_goldstein_bound_is_shown_by_its_field(client):
    r = client.get("/timeline", params={"goldstein_min": "5", "goldstein_max": "-5"}, headers={"accept": "text/html"})
    assert r.status_code == 422
    assert re.search(r'<input name="goldstein_min" value="5"[^>]*aria-invalid="true"', r.text)
    r = client.get("/", params={"a": "USA", "b": "IND", "goldstein_min": "eleven"}, headers={"accept": "text/html"})
    assert r.status_code == 422 and 'value="eleven"' in r.text
