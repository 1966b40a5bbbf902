"""The web API and pages over a real store built from tests/fixtures/web with the real pipeline:
every endpoint, bad parameters (422), missing records (404), the token rules and the size limit."""
import asyncio
import concurrent.futures
import json
import re
import time

import httpx
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from communique.web import create_app
from communique.web.extraction import ExtractionPool
from communique.web.security import is_loopback
from web_corpus import DATED, FIXTURES, TOKEN, build_dated_store, build_store, running_server

BASE = "http://localhost"  # the app answers only to its own Host names (TrustedHost)

ARTICLE = ("Ministers meet in Canberra\n\n"
           "CANBERRA, July 7, 2025 - Australian Foreign Minister Claire Dunmore held talks with Indonesian "
           "Foreign Minister Rudi Hartono in Canberra on Monday.\n\n"
           "The two ministers discussed fisheries and maritime security.\n")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = build_store(str(tmp_path_factory.mktemp("web") / "corpus.db"))
    yield s
    s.close()


@pytest.fixture(scope="module")
def pool():
    """One extraction worker process for the module's apps (each app would otherwise start its own)."""
    p = ExtractionPool()
    yield p
    p.close()


@pytest.fixture(scope="module")
def client(store, pool):
    """Read-only app (no token configured)."""
    with TestClient(create_app(store=store, extraction=pool), base_url=BASE) as c:
        yield c


@pytest.fixture(scope="module")
def guarded(store, pool):
    """An app with a token over the shared store, for requests that must be refused (nothing is written)."""
    with TestClient(create_app(store=store, token=TOKEN, extraction=pool), base_url=BASE) as c:
        yield c


@pytest.fixture()
def writable(tmp_path, pool):
    """An app with a token over its own fresh store (writes do not leak into other tests)."""
    s = build_store(str(tmp_path / "w.db"))
    with TestClient(create_app(store=s, token=TOKEN, extraction=pool), base_url=BASE) as c:
        yield c
    s.close()


def auth(token=TOKEN):
    return {"Authorization": f"Bearer {token}"}


def assert_error(r, status, *words):
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert isinstance(body["message"], str) and body["message"]
    assert "Traceback" not in r.text
    for w in words:
        assert w in body["message"], body["message"]
    return body


# ------------------------------------------------------------------------- events

def test_events_lists_every_event_with_total(client, store):
    r = client.get("/api/events", params={"limit": 500})
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == store.count_events() == len(body["events"]) >= 5
    names = {a["name"] for ev in body["events"] for a in ev["actors"]}
    assert {"Nguyen Van Khiem", "Kenji Morita", "Claire Dunmore", "Pham Thu Lan"} <= names


def test_events_pagination_is_disjoint_and_keeps_total(client):
    first = client.get("/api/events", params={"limit": 2}).json()
    second = client.get("/api/events", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == second["total"]
    assert len(first["events"]) == len(second["events"]) == 2
    assert not {e["id"] for e in first["events"]} & {e["id"] for e in second["events"]}


def test_events_filters(client):
    calls = client.get("/api/events", params={"mode": "call"}).json()
    assert calls["total"] >= 1 and all(e["mode"] == "call" for e in calls["events"])
    assert any(a["name"] == "Claire Dunmore" for e in calls["events"] for a in e["actors"])

    pair = client.get("/api/events", params={"country": "vnm", "with": "JPN"}).json()
    assert pair["filters"] == {"country": "VNM", "with": "JPN"}
    assert pair["total"] >= 2
    for ev in pair["events"]:
        codes = {a["country"] for a in ev["actors"]}
        assert "VNM" in codes and "JPN" in codes

    khiem = client.get("/api/events", params={"actor": "Nguyen Van Khiem"}).json()
    assert khiem["total"] >= 2
    assert all(any(a["name"] == "Nguyen Van Khiem" for a in e["actors"]) for e in khiem["events"])

    june = client.get("/api/events", params={"since": "2025-06-01", "until": "2025-06-30"}).json()
    assert june["total"] >= 1 and all(e["date"].startswith("2025-06") for e in june["events"])
    assert client.get("/api/events", params={"type": "consult"}).json()["total"] >= 5
    assert client.get("/api/events", params={"until": "2001"}).json()["total"] == 0


@pytest.mark.parametrize("query, name", [
    ({"country": "XX"}, "country"), ({"country": "ZZZ"}, "country"), ({"with": "12"}, "with"),
    ({"since": "2025-13-01"}, "since"), ({"until": "June"}, "until"),
    ({"since": "2025-06", "until": "2025-01"}, "since"),
    ({"type": "MEETUP"}, "type"), ({"mode": "lunch"}, "mode"), ({"min_level": "emperor"}, "min_level"),
    ({"actor": "!!"}, "actor"), ({"limit": 0}, "limit"), ({"limit": 501}, "limit"), ({"limit": "many"}, "limit"),
    ({"offset": -1}, "offset"),
])
def test_events_bad_parameters_are_422_with_a_message(client, query, name):
    assert_error(client.get("/api/events", params=query), 422, f"'{name}'")


def test_event_detail_has_sources_and_evidence_pointing_into_the_article(client):
    ev = client.get("/api/events", params={"mode": "call"}).json()["events"][0]
    detail = client.get(f"/api/events/{ev['id']}").json()
    assert detail["id"] == ev["id"]
    assert detail["sources"] and detail["evidence"]
    for e in detail["evidence"]:
        art = client.get(f"/api/articles/{e['doc_id']}").json()
        assert art["text"][e["start"]:e["end"]] == e["text"]
    assert "phone call" in " ".join(e["text"] for e in detail["evidence"])


# ------------------------------------------------------------------------- persons, articles, search

def test_persons_by_name_and_country(client):
    found = client.get("/api/persons", params={"q": "Khiem"}).json()
    assert [p["name"] for p in found["persons"]] == ["Nguyen Van Khiem"]
    vnm = client.get("/api/persons", params={"country": "VNM"}).json()
    assert vnm["total"] >= 3 and all(p["country"] == "VNM" for p in vnm["persons"])
    # Issue 13: country inputs take names as well as codes; what is neither is still a 422.
    assert client.get("/api/persons", params={"country": "Vietnam"}).json()["persons"] == vnm["persons"]
    assert_error(client.get("/api/persons", params={"country": "Atlantis"}), 422, "'country'")


def test_person_detail_by_id_or_name(client):
    by_name = client.get("/api/persons/Nguyen Van Khiem").json()
    by_id = client.get(f"/api/persons/{by_name['id']}").json()
    assert by_id["id"] == by_name["id"]
    assert any("Minister" in r["title"] for r in by_id["roles"])
    assert len(by_id["events"]) >= 2
    assert "Kenji Morita" in {c["name"] for c in by_id["counterparts"]}


def test_articles_list_and_detail(client):
    listed = client.get("/api/articles", params={"limit": 50}).json()["articles"]
    assert {a["doc_id"] for a in listed} == {p.stem for p in FIXTURES.glob("*.txt")}
    art = client.get("/api/articles/web-003").json()
    assert "metro" in art["text"]
    assert {p["name"] for p in art["extraction"]["persons"]} >= {"Hiroshi Tanabe", "Le Quang Vinh"}


def test_search(client):
    hits = client.get("/api/search", params={"q": "metro"}).json()
    assert [h["doc_id"] for h in hits["results"]] == ["web-003"]
    assert_error(client.get("/api/search"), 422, "'q'")
    assert_error(client.get("/api/search", params={"q": "  "}), 422, "'q'")


def test_stats_for_a_pair_and_a_country(client):
    pair = client.get("/api/stats", params={"a": "VNM", "b": "JPN"}).json()
    assert pair["pair"] == ["VNM", "JPN"]
    assert pair["total"] == client.get("/api/events", params={"country": "VNM", "with": "JPN"}).json()["total"]
    assert sum(r["count"] for r in pair["by_month"]) == pair["total"]
    assert {r["month"] for r in pair["by_month"]} <= {"2025-03", "2025-04"}
    assert pair["latest"] and pair["top_counterparts"]
    alone = client.get("/api/stats", params={"a": "VNM"}).json()
    assert alone["total"] >= pair["total"]
    assert_error(client.get("/api/stats", params={"a": "VNM", "b": "NOPE"}), 422, "'b'")
    assert_error(client.get("/api/stats"), 422, "'a'")


def test_network(client):
    net = client.get("/api/network").json()
    nodes = {n["id"]: n for n in net["nodes"]}
    khiem = next(n for n in nodes.values() if n["name"] == "Nguyen Van Khiem")
    assert khiem["count"] >= 3
    assert all(e["source"] in nodes and e["target"] in nodes for e in net["edges"])
    assert any(khiem["id"] in (e["source"], e["target"]) for e in net["edges"])
    assert client.get("/api/network", params={"since": "2025-06-01"}).json()["nodes"] != net["nodes"]
    assert_error(client.get("/api/network", params={"since": "yesterday"}), 422, "'since'")


@pytest.mark.parametrize("path", ["/api/events/ev-nothing", "/api/persons/Nobody Atall", "/api/articles/no-such-doc",
                                  "/api/nothing-here"])
def test_missing_records_are_404_json(client, path):
    assert_error(client.get(path), 404)


# ------------------------------------------------------------------------- pages

@pytest.mark.parametrize("path, expect", [
    ("/", "Latest events"), ("/?a=VNM&b=JPN", "Vietnam"), ("/timeline?mode=call", "Claire Dunmore"),
    ("/network", "Nguyen Van Khiem"), ("/persons", "Kenji Morita"), ("/persons/Nguyen Van Khiem", "Role history"),
    ("/articles/web-001", "Kenji Morita"), ("/search?q=metro", "metro"), ("/extract", "Paste an article"),
    ("/docs", "swagger-ui"),
])
def test_pages_render_without_inline_script(client, path, expect):
    r = client.get(path)
    assert r.status_code == 200, r.text
    assert expect in r.text
    assert not re.search(r"<script(?![^>]*\bsrc=)", r.text), "inline script found"
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert "unsafe-inline" not in r.headers["content-security-policy"].split("script-src")[1].split(";")[0]


def test_event_page_marks_the_evidence(client):
    ev = client.get("/api/events", params={"mode": "call"}).json()["events"][0]
    html = client.get(f"/events/{ev['id']}").text
    marks = re.findall(r'<mark class="evidence[^"]*"[^>]*>(.*?)</mark>', html, flags=re.S)
    assert marks and "phone call" in " ".join(marks)


def test_page_errors_are_html_for_browsers_and_json_otherwise(client):
    r = client.get("/persons/Nobody Atall", headers={"accept": "text/html"})
    assert r.status_code == 404 and "Nobody Atall" in r.text and "Traceback" not in r.text
    assert_error(client.get("/timeline", params={"country": "XX"}), 422, "'country'")


def test_openapi_lists_every_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    for p in ["/api/events", "/api/events/{event_id}", "/api/persons", "/api/persons/{id_or_name}", "/api/articles",
              "/api/articles/{doc_id}", "/api/search", "/api/stats", "/api/network"]:
        assert p in paths
    assert "post" in paths["/api/articles"]


def test_static_assets_and_vendored_licence(client):
    assert client.get("/static/app.js").status_code == 200
    assert "Apache License" in client.get("/static/vendor/swagger-ui/LICENSE").text


# ------------------------------------------------------------------------- writes, token, size

def test_read_only_without_a_token(client):
    r = client.post("/api/articles", content=ARTICLE, headers=auth())
    assert_error(r, 403, "read-only")


@pytest.mark.parametrize("headers", [{}, auth("wrong"), {"Authorization": "Basic " + TOKEN}])
def test_writes_need_the_right_token(guarded, headers):
    r = guarded.post("/api/articles", content=ARTICLE, headers=headers)
    assert_error(r, 401, "token")
    assert r.headers["www-authenticate"] == "Bearer"


def test_post_text_returns_its_extraction_and_stores_it(writable):
    r = writable.post("/api/articles", content=ARTICLE, params={"id": "post-1", "source": "Test Wire"},
                      headers={**auth(), "content-type": "text/plain; charset=utf-8"})
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["doc_id"] == "post-1"
    assert {"Claire Dunmore", "Rudi Hartono"} <= {p["name"] for p in body["extraction"]["persons"]}
    assert body["extraction"]["events"]
    stored = writable.get("/api/articles/post-1").json()
    assert stored["source"] == "Test Wire" and "Rudi Hartono" in stored["text"]
    assert writable.get("/api/persons/Rudi Hartono").status_code == 200


def test_post_json_record_and_html(writable):
    rec = {"id": "post-json", "text": ARTICLE, "url": "https://example.org/a", "published": "2025-07-07",
           "source": "Record Wire", "title": "Ministers meet"}
    r = writable.post("/api/articles", json=rec, headers=auth())
    assert r.status_code == 201, r.text
    assert writable.get("/api/articles/post-json").json()["url"] == "https://example.org/a"

    html = ("<html><head><title>Talks</title></head><body><nav>Home | World</nav><article><h1>Ministers meet</h1>"
            + "".join(f"<p>{para}</p>" for para in ARTICLE.split("\n\n")[1:]) + "</article></body></html>")
    r = writable.post("/api/articles", json={"id": "post-html", "html": html}, headers=auth())
    assert r.status_code == 201, r.text
    text = writable.get("/api/articles/post-html").json()["text"]
    assert "Rudi Hartono" in text and "<p>" not in text


@pytest.mark.parametrize("content, ctype, name", [
    ("", "text/plain", "'text'"), ("{not json", "application/json", "'body'"), ("[1, 2]", "application/json", "'body'"),
    ('{"id": "x"}', "application/json", "'text'"), ('{"text": "a", "published": "soon"}', "application/json",
                                                    "'published'"),
])
def test_post_bad_bodies_are_422(guarded, content, ctype, name):
    r = guarded.post("/api/articles", content=content, headers={**auth(), "content-type": ctype})
    assert_error(r, 422, name)


def test_body_size_limit_is_413_json(guarded):
    big = "x" * (2 * 1024 * 1024 + 1)
    assert_error(guarded.post("/api/articles", content=big, headers=auth()), 413, "larger")

    def chunks():  # no Content-Length: the limit must hold for a streamed body too
        for _ in range(40):
            yield b"y" * 65536
    assert_error(guarded.post("/api/articles", content=chunks(), headers=auth()), 413, "larger")


def test_concurrent_posts_go_through_one_writer(tmp_path):
    store = build_store(str(tmp_path / "c.db"))
    extraction = ExtractionPool(workers=1, queue=3)  # four posts: one extracting, three waiting
    app = create_app(store=store, token=TOKEN, extraction=extraction)

    async def post_all():
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=BASE) as c:
            texts = [ARTICLE.replace("Monday", day) for day in ("Monday", "Tuesday", "Wednesday", "Thursday")]
            return await asyncio.gather(*(c.post("/api/articles", content=t, params={"id": f"par-{i}"},
                                                 headers=auth()) for i, t in enumerate(texts)))
    # run the client loop on its own thread: the browser tests' Playwright session may already
    # own an event loop on this one when the whole suite runs in one process
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        results = pool.submit(asyncio.run, post_all()).result()
    assert [r.status_code for r in results] == [201] * 4
    assert {a["doc_id"] for a in store.articles(limit=100)} >= {f"par-{i}" for i in range(4)}
    app.state.writer.close()
    extraction.close()
    store.close()


def test_paste_form_extracts_without_storing_when_read_only(client):
    r = client.post("/extract", data={"text": ARTICLE, "store": "1", "token": "guess"})
    assert r.status_code == 200
    assert "read-only" in r.text
    assert re.search(r'<mark class="[^"]*evidence', r.text)
    assert client.get("/api/persons/Rudi Hartono").status_code == 404


def test_paste_form_stores_with_the_token(writable):
    r = writable.post("/extract", data={"text": ARTICLE, "store": "1", "token": TOKEN, "id": "pasted-1"})
    assert r.status_code == 200 and "Stored as" in r.text
    assert writable.get("/api/articles/pasted-1").status_code == 200


# ------------------------------------------------------------------------- counting that never hides (issue 13.1)

@pytest.fixture(scope="module")
def dated(tmp_path_factory, pool):
    """An app over synthetic articles: VNM-USA talks at every date precision, 400 old AUS-USA visits and
    200 newer VNM-USA calls (so the latest 500 events under-count AUS-USA)."""
    store = build_dated_store(str(tmp_path_factory.mktemp("dated") / "dated.db"))
    with TestClient(create_app(store=store, extraction=pool), base_url=BASE) as c:
        yield c
    store.close()


def _bars(html: str) -> dict[str, int]:
    first_chart = html.split('<figure class="chart">')[1]
    return {m: int(n) for m, n in re.findall(r'data-month="([\d-]+)" data-total="(\d+)"', first_chart)}


def test_pair_page_counts_every_engagement_whatever_its_date(dated):
    total = dated.get("/api/events", params={"country": "VNM", "with": "USA"}).json()["total"]
    assert total == len(DATED) + 200
    html = dated.get("/?a=VNM&b=USA").text
    assert f'<strong id="total-engagements">{total}</strong>' in html
    charted = total - 3  # two dated only by year, one undated
    assert re.search(rf"<strong>{charted} of {total}</strong> charted by month", html)
    bars = _bars(html)
    assert sum(bars.values()) == charted
    assert bars["2025-01"] == 0 if "2025-01" in bars else True  # a year-only event is not a January bar
    assert bars["2025-03"] == 2 and bars["2025-02"] == 1
    assert re.search(r'data-month="2025-02" data-total="1" data-ranges="1"', html)  # the range, marked
    table = html.split('id="partial-dates"')[1].split("</table>")[0]
    assert re.search(r"2024 \(year only\)</th><td>1<", table) and re.search(r"2025 \(year only\)</th><td>1<", table)
    assert re.search(r"Undated</th><td>1<", table)


def test_chart_has_a_table_with_the_same_numbers(dated):
    html = dated.get("/?a=VNM&b=USA").text
    figure = html.split('<figure class="chart">')[1].split("</figure>")[0]
    rows = re.findall(r'<tr><th scope="row">([\d-]+)[^<]*</th>(.*?)</tr>', figure)
    totals = {month: int(re.findall(r"<td>(\d+)</td>", cells)[-1]) for month, cells in rows}
    assert totals == {m: n for m, n in _bars(html).items() if n}


def test_timeline_headings_are_unique_and_readable_for_partial_dates(dated):
    html = dated.get("/timeline", params={"country": "VNM", "limit": 500}).text
    headings = re.findall(r'<section class="month"><h2>(.*?)</h2>', html)
    assert len(headings) == len(set(headings))
    for h in headings:
        assert re.fullmatch(r"(January|February|March|April|May|June|July|August|September|October|November|"
                            r"December) \d{4}|\d{4}, month unknown|Undated", h), h
    assert "2025, month unknown" in headings and headings[-1] == "Undated"


def test_busiest_pairs_are_counted_over_the_whole_corpus(dated):
    html = dated.get("/").text
    pairs = re.findall(r'<li><a href="/\?a=(\w+)&amp;b=(\w+)">[^<]*</a> <span class="count">(\d+)</span>', html)
    assert pairs[0] == ("AUS", "USA", "400")
    for a, b, n in pairs:
        assert int(n) == dated.get("/api/events", params={"country": a, "with": b}).json()["total"]
    assert [int(n) for _, _, n in pairs] == sorted((int(n) for _, _, n in pairs), reverse=True)


def test_each_side_lists_its_own_participants(dated):
    html = dated.get("/?a=VNM&b=USA").text
    vnm = html.split('data-country="VNM"')[1].split("</section>")[0]
    usa = html.split('data-country="USA"')[1].split("</section>")[0]
    assert "Tran Minh Duc" in vnm and "Helen Marsh" not in vnm
    assert "Helen Marsh" in usa and "Tran Minh Duc" not in usa


def test_a_pair_of_one_country_is_422(dated):
    assert_error(dated.get("/", params={"a": "VNM", "b": "vnm"}), 422, "'b'")


def test_pages_are_counted_with_a_last_page(dated):
    total = dated.get("/api/events").json()["total"]
    pages = -(-total // 50)
    html = dated.get("/timeline").text
    assert f'page <span id="page">1</span> of <span id="page-count">{pages}</span>' in html
    last = re.search(r'rel="last" href="([^"]+)"', html).group(1).replace("&amp;", "&")
    end = dated.get(last).text
    assert f'page <span id="page">{pages}</span> of' in end and 'rel="next"' not in end
    body = dated.get("/api/events", params={"offset": 100}).json()
    assert body["pages"] == pages and body["page"] == 3 and body["last_offset"] == (pages - 1) * 50
    assert dated.get("/api/events", params={"offset": body["last_offset"]}).json()["next_offset"] is None


def test_overview_answers_are_cached_until_the_store_changes(tmp_path, pool):
    from web_corpus import USA, VNM, synthetic_article

    store = build_dated_store(str(tmp_path / "rev.db"), n_old=5, n_recent=5)
    with TestClient(create_app(store=store, extraction=pool), base_url=BASE) as c:
        before = c.get("/?a=VNM&b=USA").text
        assert c.get("/?a=VNM&b=USA").text == before
        store.ingest([synthetic_article("later", VNM, USA, "2026-01-15", "2026-01-15")], progress=False)
        after = c.get("/?a=VNM&b=USA").text  # written by another writer than the app: still seen
        assert after != before and 'data-month="2026-01" data-total="1"' in after
    store.close()


def test_chart_series_differ_by_pattern_as_well_as_colour(client):
    html = client.get("/?a=VNM&b=JPN").text
    modes = html.split('<figure class="chart">')[1].split("</figure>")[0]
    assert '<pattern id="hatch-modes"' in modes
    legend = re.findall(r'<i class="(s\d)( hatched)?"></i>', modes)
    assert len(legend) >= 2 and all(bool(h) == (int(c[1]) % 2 == 1) for c, h in legend)
    assert 'fill="url(#hatch-modes)"' in modes and html.count('id="hatch-') == 3  # modes, levels, trend


# ------------------------------------------------------------------------- exports of every view (issue 13.2)

def _exports(html: str) -> dict[str, str]:
    """The page's export links of its rows by format (the pair page's trend has links of its own)."""
    return {fmt: href.replace("&amp;", "&") for href, fmt in
            re.findall(r'<a class="export" href="(/export/[^"]+\.(\w+)(?:\?[^"]*)?)"', html)
            if not href.startswith("/export/trend.")}


def _rows(r, fmt: str) -> list[dict]:
    import csv
    import io

    import pyarrow.parquet as pq

    if fmt == "csv":
        return list(csv.DictReader(io.StringIO(r.text)))
    if fmt == "json":
        return r.json()
    return pq.read_table(io.BytesIO(r.content)).to_pylist()


@pytest.mark.parametrize("page, api, key", [
    ("/timeline?mode=call", "/api/events?mode=call", "total"),
    ("/?a=VNM&b=JPN", "/api/events?country=VNM&with=JPN", "total"),
    ("/persons?country=VNM", "/api/persons?country=VNM", "total"),
    ("/persons/Nguyen Van Khiem", "/api/events?actor=Nguyen Van Khiem", "total"),
    ("/search?q=minister", "/api/search?q=minister&limit=500", "results"),
])
def test_every_view_exports_its_rows_with_its_filters(client, page, api, key):
    links = _exports(client.get(page).text)
    assert set(links) == {"csv", "json", "parquet"}, links
    expected = client.get(api).json()[key]
    expected = len(expected) if isinstance(expected, list) else expected
    assert expected >= 1
    for fmt, href in links.items():
        r = client.get(href)
        assert r.status_code == 200, r.text
        disposition = r.headers["content-disposition"]
        assert disposition.startswith("attachment; filename=") and disposition.rstrip('"').endswith("." + fmt)
        assert len(_rows(r, fmt)) == expected, (href, fmt)


def test_exported_events_keep_the_filters(client):
    href = _exports(client.get("/timeline?mode=call").text)["csv"]
    assert "mode=call" in href
    rows = _rows(client.get(href), "csv")
    assert rows and all(r["mode"] == "call" for r in rows)
    assert "Claire Dunmore" in " ".join(r["actors"] for r in rows)


def test_network_exports_graphml_and_edges(client):
    import io

    import networkx as nx

    net = client.get("/api/network").json()
    links = _exports(client.get("/network").text)
    assert set(links) == {"graphml", "csv", "json", "parquet"}
    g = nx.read_graphml(io.BytesIO(client.get(links["graphml"]).content))
    assert g.number_of_nodes() == len(net["nodes"]) and g.number_of_edges() == len(net["edges"])
    assert "Nguyen Van Khiem" in {d["name"] for _, d in g.nodes(data=True)}
    assert len(_rows(client.get(links["csv"]), "csv")) == len(net["edges"])
    assert client.get(links["json"]).json()["nodes"] == net["nodes"]
    since = _exports(client.get("/network?since=2025-06-01").text)["graphml"]
    assert "since=2025-06-01" in since


@pytest.mark.parametrize("path", ["/api/events", "/api/persons", "/api/articles", "/api/search?q=minister",
                                  "/api/network"])
@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_api_list_endpoints_take_a_format(client, path, fmt):
    r = client.get(path + ("&" if "?" in path else "?") + f"format={fmt}")
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/csv" if fmt == "csv" else "application/vnd.apache.parquet")
    assert r.headers["content-disposition"].startswith("attachment")
    assert _rows(r, fmt)


def test_api_events_csv_has_every_matching_event_not_one_page(dated):
    total = dated.get("/api/events").json()["total"]
    assert total > 500
    assert len(_rows(dated.get("/api/events", params={"format": "csv"}), "csv")) == total


def test_a_bad_format_is_422(client):
    assert_error(client.get("/api/events", params={"format": "xls"}), 422, "'format'")
    assert_error(client.get("/export/events.xls"), 422, "'format'")


def test_latest_role_is_the_most_recent_not_the_last_listed():
    from communique.web.exports import latest_role

    person = {"roles": [{"title": "Foreign Minister", "first_seen": "2024-01-02", "last_seen": "2025-06-01"},
                        {"title": "Deputy Foreign Minister", "first_seen": "2019-03-01", "last_seen": "2023-12-01"}]}
    assert latest_role(person)["title"] == "Foreign Minister"


# ------------------------------------------------------------------------- facets and filters (issue 13.3)

def _facet(html: str, name: str) -> dict[str, tuple[int, str]]:
    box = html.split(f'data-facet="{name}"')[1].split("</section>")[0]
    return {v: (int(n), href.replace("&amp;", "&")) for href, v, n in
            re.findall(r'<a href="([^"]+)"[^>]* data-value="([^"]+)">.*?</a> <span class="count">(\d+)</span>', box)}


@pytest.mark.parametrize("facet", ["type", "mode", "level", "country", "source", "year"])
def test_timeline_facets_count_and_filter_when_clicked(dated, facet):
    html = dated.get("/timeline", params={"country": "USA"}).text
    values = _facet(html, facet)
    assert values, facet
    for value, (n, href) in list(values.items())[:3]:
        page = dated.get(href).text
        assert re.search(rf'<strong id="event-total">{n}</strong>', page), (facet, value, href)


def test_pair_page_has_filters_facets_and_date_presets(dated):
    calls = dated.get("/api/events", params={"country": "VNM", "with": "USA", "mode": "call"}).json()["total"]
    html = dated.get("/", params={"a": "VNM", "b": "USA", "mode": "call"}).text
    assert f'<strong id="total-engagements">{calls}</strong>' in html
    mode_facet = _facet(html, "mode")
    assert mode_facet["call"][0] == calls
    assert 'data-facet="year"' in html
    presets = re.findall(r'<p class="presets">(.*?)</p>', html)[0]
    assert "Last 12 months" in presets and "a=VNM" in presets and "mode=call" in presets
    y = dated.get("/", params={"a": "VNM", "b": "USA", "since": "2021", "until": "2021"}).text
    expected = dated.get("/api/events", params={"country": "VNM", "with": "USA", "since": "2021",
                                                "until": "2021"}).json()["total"]
    assert f'<strong id="total-engagements">{expected}</strong>' in y


def test_several_values_of_one_filter_match_any(dated):
    one = {m: dated.get("/api/events", params={"mode": m}).json()["total"] for m in ("call", "visit")}
    both = dated.get("/api/events", params=[("mode", "call"), ("mode", "visit")]).json()
    assert both["total"] == one["call"] + one["visit"] and both["filters"]["mode"] == ["call", "visit"]
    page = dated.get("/timeline", params=[("mode", "call"), ("mode", "visit")]).text
    assert f'<strong id="event-total">{both["total"]}</strong>' in page
    assert_error(dated.get("/api/events", params=[("mode", "call"), ("mode", "lunch")]), 422, "'mode'")


def test_country_inputs_take_names_and_codes(client):
    by_code = client.get("/api/events", params={"country": "VNM", "with": "JPN"}).json()["total"]
    assert client.get("/api/events", params={"country": "Vietnam", "with": "japan"}).json()["total"] == by_code
    html = client.get("/", params={"a": "Vietnam", "b": "Japan"}).text
    assert "<h1>Vietnam – Japan</h1>" in html
    datalist = html.split('<datalist id="countries">')[1].split("</datalist>")[0]
    assert '<option value="Vietnam">VNM</option>' in datalist and '<option value="Japan">JPN</option>' in datalist


def test_a_wrong_filter_is_shown_by_its_field_with_the_form_kept(client):
    r = client.get("/timeline", params={"country": "Atlantis", "actor": "Khiem", "mode": "call"},
                   headers={"accept": "text/html"})
    assert r.status_code == 422
    assert re.search(r'<input name="country" value="Atlantis"[^>]*aria-invalid="true"', r.text)
    assert 'value="Khiem"' in r.text and "<option selected>call</option>" in r.text
    assert re.search(r'id="form-error">[^<]*Atlantis', r.text)
    pair = client.get("/", params={"a": "Vietnam", "b": "Atlantis"}, headers={"accept": "text/html"})
    assert pair.status_code == 422 and 'value="Vietnam"' in pair.text and 'value="Atlantis"' in pair.text


def test_search_counts_every_match_and_pages_through_them(dated):
    html = dated.get("/search", params={"q": "talks"}).text
    total = int(re.search(r'<strong id="result-count">(\d+)</strong>', html).group(1))
    assert total == len(DATED) + 400 + 200  # every article of the corpus says "talks"
    assert "showing 1–50" in html and 'rel="next"' in html
    second = dated.get(re.search(r'rel="next" href="([^"]+)"', html).group(1).replace("&amp;", "&")).text
    assert "showing 51–100" in second


# ------------------------------------------------------------------------- the pair page tells the relationship (13.4)

def test_pair_page_sums_up_the_relationship(tmp_path, pool):
    from communique.store import Store
    from web_corpus import relationship_articles

    store = Store.open(str(tmp_path / "rel.db"))
    assert not store.ingest(relationship_articles(), progress=False).failed
    with TestClient(create_app(store=store, extraction=pool), base_url=BASE) as c:
        html = c.get("/", params={"a": "VNM", "b": "USA"}).text
        assert re.search(r'id="visits-a">2<', html) and re.search(r'id="visits-b">1<', html)
        assert re.search(r'id="signings"><a [^>]*>1<', html)
        mech = html.split('id="mechanisms"')[1].split("</table>")[0]
        assert "Political Security Dialogue</th><td>2</td><td>5</td>" in mech and "2024-10-15" in mech
        pledges = html.split('id="pledges"')[1].split("</table>")[0]
        assert "United States</td><td>Vietnam</td><td>1</td><td>5,000,000 USD" in pledges
        assert re.search(r'id="last-contact"><a href="/events/[^"]+">2024-11-02<', html)
        flipped = c.get("/", params={"a": "USA", "b": "VNM"}).text
        assert re.search(r'id="visits-a">1<', flipped) and re.search(r'id="visits-b">2<', flipped)
    store.close()


# ------------------------------------------------------------------------- a network an analyst can read (13.5)

def test_country_nodes_link_to_their_country(client):
    html = client.get("/network").text
    side = html.split('id="node-list"')[1].split("</ol>")[0]
    assert "country:" not in re.sub(r'data-id="[^"]*"', "", side)
    assert '<a href="/?a=VNM">Vietnam</a>' in side




def test_network_labels_never_overlap_and_most_nodes_are_labelled():
    from communique.web.charts import network_layout

    # 80 actors of 10 countries in a dense graph: the old top-30 rule drew overlapping labels.
    nodes = [{"id": f"p{i}", "name": f"Actor Number {i}", "kind": "person", "country": f"C{i % 10}",
              "count": 100 - i} for i in range(80)]
    edges = [{"source": f"p{i}", "target": f"p{j}", "count": 1 + (i + j) % 5}
             for i in range(80) for j in range(i + 1, 80) if (i * j) % 7 == 1]
    layout = network_layout({"nodes": nodes, "edges": edges})
    boxes = []
    for n in layout["nodes"]:
        if not n["label"]:
            continue
        w = 6.8 * len(n["name"])
        x0 = {"middle": n["lx"] - w / 2, "start": n["lx"], "end": n["lx"] - w}[n["anchor"]]
        boxes.append((x0, n["ly"] - 11, x0 + w, n["ly"] + 2))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)
    assert len(boxes) >= 30
    colours = {n["country"]: n["colour"] for n in layout["nodes"]}
    assert len({colours[f"C{i}"] for i in range(8)}) == 8  # the eight busiest countries: eight colours


def test_network_page_colours_lists_thresholds_and_country_view(dated):
    html = dated.get("/network").text
    drawn = re.findall(r'<g class="node k-(\w+) (c[\w-]+)[^"]*" data-id="([^"]+)"', html)
    side = re.findall(r'<li data-id="([^"]+)">', html)
    assert sorted(side) == sorted(d for _, _, d in drawn)
    assert len({c for _, c, _ in drawn}) == 3  # three countries, three colours
    assert all('tabindex="0"' in g for g in re.findall(r'<g class="node [^>]*>', html))
    all_edges = len(re.findall(r"<line data-a=", html))
    heavy = dated.get("/network", params={"min_weight": 300}).text  # AUS-USA (400) stays, VNM-USA (207) goes
    assert len(re.findall(r"<line data-a=", heavy)) < all_edges
    assert "min_weight=300" in _exports(heavy)["graphml"] and "1 link under 300" in heavy
    countries = dated.get("/network", params={"view": "countries"}).text
    ids = re.findall(r'<g class="node k-country[^"]*" data-id="(\w+)"', countries)
    assert sorted(ids) == ["AUS", "USA", "VNM"]
    aus_usa = re.search(r'<line data-a="AUS" data-b="USA"[^>]*><title>(\d+) engagements', countries)
    assert aus_usa and int(aus_usa.group(1)) == 400
    assert_error(dated.get("/network", params={"view": "galaxy"}), 422, "'view'")


def test_network_layout_is_computed_once_per_filter_and_revision(dated, monkeypatch):
    from communique.web import charts

    calls = []
    real = charts.network_layout
    monkeypatch.setattr(charts, "network_layout", lambda *a, **k: calls.append(1) or real(*a, **k))
    first = dated.get("/network", params={"since": "2019"}).text
    assert dated.get("/network", params={"since": "2019"}).text == first
    assert len(calls) == 1
    dated.get("/network", params={"since": "2020"})
    assert len(calls) == 2


# ------------------------------------------------------------------------- links everywhere (13.6)

def test_event_page_marks_mentions_by_identity_not_by_spelling(writable):
    from web_corpus import synthetic_article

    store = writable.app.state.store
    report = store.ingest([synthetic_article("alias-1", ("Khiem", "VNM", "Foreign Minister"),
                                             ("Kenji Morita", "JPN", "Foreign Minister"), "2025-03-04", "2025-03-05")],
                          progress=False)
    assert not report.failed
    ev = next(e for e in writable.get("/api/events", params={"actor": "Kenji Morita"}).json()["events"]
              if "alias-1" in {s["doc_id"] for s in e["sources"]})
    assert {a["name"] for a in ev["actors"]} == {"Nguyen Van Khiem", "Kenji Morita"}
    html = writable.get(f"/events/{ev['id']}").text
    source = html.split("alias-1")[-1].split("</article>")[0]
    marked = re.findall(r'<mark class="[^"]*person[^"]*"[^>]*>(.*?)</mark>', source)
    assert "Khiem" in marked and "Kenji Morita" in marked


def test_article_rows_link_to_their_event_and_person(client):
    html = client.get("/articles/web-001").text
    events = re.findall(r'<a href="/events/([^"]+)" title="the merged event">', html)
    persons = re.findall(r'<tr id="person-\d+"><td><a href="/persons/([^"]+)">', html)
    assert events and persons
    for e in events:
        assert client.get(f"/api/events/{e}").status_code == 200
    for p in persons:
        assert client.get(f"/api/persons/{p}").status_code == 200
    assert 'href="/articles"' in html


def test_articles_index_filters_by_source_date_and_no_events(dated):
    html = dated.get("/articles").text
    assert re.search(r'id="article-total">607<', html) and 'rel="last"' in html
    other = dated.get("/articles", params={"source": "Other Wire"}).text
    assert re.search(r'id="article-total">200<', other)
    old = dated.get("/articles", params={"until": "2015-12-31"}).text
    assert re.search(r'id="article-total">400<', old)
    assert re.search(r'id="article-total">0<', dated.get("/articles", params={"no_events": "true"}).text)


def test_navigation_marks_the_current_page_and_has_a_skip_link(client):
    html = client.get("/timeline").text
    assert '<a class="skip" href="#main">' in html and '<main id="main"' in html
    assert '<a href="/timeline" aria-current="page">Timeline</a>' in html
    assert '<a href="/" aria-current="page">' not in html


# ------------------------------------------------------------------------- HTTP done properly (13.7)

def test_responses_are_gzipped(client):
    html = client.get("/docs").text
    bundle = re.search(r'src="(/static/vendor/swagger-ui/swagger-ui-bundle\.[0-9a-f]{12}\.js)"', html).group(1)
    with client.stream("GET", bundle, headers={"accept-encoding": "gzip"}) as r:
        raw = b"".join(r.iter_raw())
    assert r.headers["content-encoding"] == "gzip"
    from communique.web import app as web_app

    size = (web_app.HERE / "static/vendor/swagger-ui/swagger-ui-bundle.js").stat().st_size
    assert len(raw) < 0.35 * size  # the 1.7 MB bundle travels compressed
    assert client.get("/timeline", headers={"accept-encoding": "gzip"}).headers["content-encoding"] == "gzip"


def test_static_files_have_hashed_names_and_long_lived_caching(client):
    html = client.get("/timeline").text
    names = re.findall(r'(?:href|src)="(/static/[^"]+)"', html)
    assert names and all(re.search(r"\.[0-9a-f]{12}\.\w+$", n) for n in names), names
    for n in names:
        r = client.get(n)
        assert r.status_code == 200 and r.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert client.get("/static/app.js").headers["cache-control"] == "no-cache"


@pytest.mark.parametrize("path", ["/api/events?mode=call", "/timeline", "/?a=VNM&b=JPN"])
def test_etag_follows_the_store_revision(writable, path):
    first = writable.get(path)
    etag = first.headers["etag"]
    assert first.headers["cache-control"] == "no-cache"
    again = writable.get(path, headers={"if-none-match": etag})
    assert again.status_code == 304 and again.content == b""
    r = writable.post("/api/articles", content=ARTICLE, params={"id": "etag-1"}, headers=auth())
    assert r.status_code == 201
    changed = writable.get(path, headers={"if-none-match": etag})
    assert changed.status_code == 200 and changed.headers["etag"] != etag


@pytest.mark.parametrize("path", ["/", "/timeline", "/api/events", "/network", "/persons", "/articles"])
def test_head_answers_like_get_without_a_body(client, path):
    get, head = client.get(path), client.head(path)
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]


def test_openapi_documents_responses_and_one_error_schema(client):
    spec = client.get("/openapi.json").json()
    assert "HTTPValidationError" not in json.dumps(spec)
    assert set(spec["components"]["schemas"]["Error"]["properties"]) == {"error", "message"}
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            ok = op["responses"].get("200") or op["responses"].get("201")
            assert ok and "schema" in ok["content"]["application/json"], (path, method)
            assert op["responses"]["422"]["content"]["application/json"]["schema"]["$ref"].endswith("/Error")


# ------------------------------------------------------------------------- hardening (issue 8, web)

# Prose that keeps the parser busy for many seconds on any extractor: long, with runs of "'s",
# capitalised words and commas. The pool's 3 s budget stops it.
SLOW_TEXT = ("Minister Anna Berg's aide's driver's cousin's friend met Envoy Carl Dahl, Envoy Eva Lund, "
             "Envoy Ole Moe, Envoy Per Hald in Oslo. ") * 1500


def test_reads_answer_while_a_pathological_paste_runs(tmp_path):
    """The paste is extracted in a worker process with a time budget: reads stay fast meanwhile, a
    second paste is told the server is busy (503, Retry-After), the slow one is stopped (503)."""
    store = build_store(str(tmp_path / "slow.db"))
    pool = ExtractionPool(workers=1, queue=0, budget_s=3)
    app = create_app(store=store, extraction=pool)
    with running_server(app) as base, httpx.Client(base_url=base, timeout=60) as c:
        assert c.post("/extract", data={"text": ARTICLE}).status_code == 200  # worker up, model loaded
        assert c.get("/api/events", params={"limit": 100}).status_code == 200  # the read path warm, as in use
        with concurrent.futures.ThreadPoolExecutor(1) as bg:
            slow = bg.submit(c.post, "/extract", data={"text": SLOW_TEXT})
            time.sleep(0.5)
            busy = c.post("/api/articles", content=ARTICLE, headers=auth())  # no token configured: 403 first
            assert busy.status_code == 403
            second = c.post("/extract", data={"text": ARTICLE})
            assert second.status_code == 503 and "busy" in second.text
            assert second.headers["retry-after"].isdigit()
            reads = []
            while not slow.done():
                t0 = time.perf_counter()
                r = c.get("/api/events", params={"limit": 100})
                reads.append(time.perf_counter() - t0)
                assert r.status_code == 200
                time.sleep(0.1)
            stopped = slow.result()
        assert len(reads) >= 5 and max(reads) < 2.0, reads
        assert stopped.status_code == 503 and "longer than 3 s" in stopped.text
        after = c.post("/extract", data={"text": ARTICLE})  # a fresh worker took the stopped one's place
        assert after.status_code == 200 and "Rudi Hartono" in after.text
    pool.close()
    store.close()


def test_paste_over_the_size_cap_is_413(client, pool):
    r = client.post("/extract", data={"text": "word " * (pool.max_chars // 5 + 1)})
    assert r.status_code == 413 and "at most" in r.text


@pytest.mark.parametrize("host, status", [("localhost", 200), ("localhost:8000", 200), ("127.0.0.1:8000", 200),
                                          ("[::1]:8000", 200), ("evil.example", 400), ("127.0.0.1.nip.io", 400)])
def test_host_header_allow_list(client, host, status):
    r = client.get("/api/events", headers={"host": host})
    if status == 400:
        assert_error(r, 400, "Host")
    else:
        assert r.status_code == 200


def test_serve_answers_to_its_bound_host_and_added_names(store, pool):
    from communique.web.security import default_hosts

    assert default_hosts("192.168.1.5") == ["localhost", "127.0.0.1", "[::1]", "192.168.1.5"]
    app = create_app(store=store, allowed_hosts=default_hosts("10.0.0.7") + ["corpus.lan"], extraction=pool)
    with TestClient(app, base_url="http://corpus.lan") as c:
        assert c.get("/api/events").status_code == 200
        assert c.get("/api/events", headers={"host": "10.0.0.7:8000"}).status_code == 200
        assert_error(c.get("/api/events", headers={"host": "other.lan"}), 400)


def test_database_errors_do_not_show_where_the_database_is(tmp_path, pool):
    path = tmp_path / "secret-location" / "gone.db"
    path.parent.mkdir()
    store = build_store(str(path))
    with TestClient(create_app(store=store, extraction=pool), base_url=BASE) as c:
        assert c.get("/api/events").status_code == 200
        store.engine.dispose()
        for suffix in ("", "-wal", "-shm"):
            p = path.with_name(path.name + suffix)
            if p.exists():
                p.write_bytes(b"this is not a database " * 512)
        r = c.get("/api/events")
        body = assert_error(r, 503, "database")
        assert "secret-location" not in r.text and str(tmp_path) not in r.text, body
    store.close()


@pytest.mark.parametrize("body", ["[" * 100_000 + "]" * 100_000, '{"text": ' + "[" * 50_000 + "]" * 50_000 + "}"])
def test_deeply_nested_json_is_422(guarded, body):
    r = guarded.post("/api/articles", content=body, headers={**auth(), "content-type": "application/json"})
    assert r.status_code in (422, 400), r.text
    assert_error(r, r.status_code)


@pytest.mark.parametrize("record, name", [({"text": "Talks in Hanoi \ud800 today"}, "'text'"),
                                          ({"text": "Talks in Hanoi today", "id": "a\udfffb"}, "'id'")])
def test_lone_surrogate_is_422(guarded, record, name):
    body = json.dumps(record)  # ASCII JSON: the lone surrogate travels as a \\ud800-style escape
    r = guarded.post("/api/articles", content=body, headers={**auth(), "content-type": "application/json"})
    assert_error(r, 422, name, "surrogate")


@pytest.mark.parametrize("path", ["/api/events", "/api/articles", "/api/persons", "/timeline"])
@pytest.mark.parametrize("offset", [str(2 ** 63), "99999999999999999999", str(2 ** 31)])
def test_huge_offsets_are_422_not_500(client, path, offset):
    assert_error(client.get(path, params={"offset": offset}), 422, "'offset'")


def test_half_open_connections_are_closed(store, pool):
    """A client that sends half its request headers and stops is disconnected after the read timeout."""
    import socket

    from communique.web import server

    class Quick(server.GuardedH11Protocol):
        read_timeout = 1

    with running_server(create_app(store=store, extraction=pool), http=Quick) as base:
        port = int(base.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
            sock.sendall(b"GET /api/events HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
            t0 = time.monotonic()
            assert sock.recv(1024) == b""  # closed by the server
            assert time.monotonic() - t0 < 5
        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:  # idle, never a byte
            t0 = time.monotonic()
            assert sock.recv(1024) == b""
            assert time.monotonic() - t0 < 5


# ------------------------------------------------------------------------- serve command, PostgreSQL

def test_serve_refuses_public_host_without_token(monkeypatch):
    from communique.cli import main

    monkeypatch.delenv("COMMUNIQUE_TOKEN", raising=False)
    result = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0", "--db", "unused.db"])
    assert result.exit_code == 2
    assert "without a token" in result.output and len(result.output.strip().splitlines()) == 1


def test_loopback_hosts():
    assert all(is_loopback(h) for h in ["127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost"])
    assert not any(is_loopback(h) for h in ["0.0.0.0", "192.168.1.5", "::", "example.org"])


@pytest.mark.postgres
def test_api_over_postgresql(pg_url, pool):
    store = build_store(pg_url)
    with TestClient(create_app(store=store, token=TOKEN, extraction=pool), base_url=BASE) as c:
        events = c.get("/api/events", params={"country": "VNM", "with": "JPN"}).json()
        assert events["total"] >= 2
        assert c.get("/api/persons/Nguyen Van Khiem").json()["counterparts"]
        assert [h["doc_id"] for h in c.get("/api/search", params={"q": "metro"}).json()["results"]] == ["web-003"]
        assert c.get("/api/stats", params={"a": "VNM", "b": "JPN"}).json()["total"] == events["total"]
        r = c.post("/api/articles", content=ARTICLE, params={"id": "pg-post"}, headers=auth())
        assert r.status_code == 201, r.text
        assert c.get("/api/articles/pg-post").json()["doc_id"] == "pg-post"
        assert_error(c.get("/api/events/none"), 404)
    store.close()
