"""Take the screenshots docs/web.md shows, with Playwright in Debian's headless chromium, from a
self-written corpus: the web tests' fixture articles (tests/fixtures/web, through the real pipeline)
and a year and a half of fictional Vietnam-United States contacts, cooperation and conflict, made as
extraction results (tests/web_corpus.synthetic_article), so that the pair page's trend has something
to show.

    .venv/bin/python docs/screenshots/take.py            # writes pair.png, trend.png, network.png, export.png here
"""
from __future__ import annotations

import csv
import html
import io
import random
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from web_corpus import USA, VNM, build_store, relationship_articles, running_server, synthetic_article  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
USA2 = ("Paul Reddick", "USA", "Deputy Secretary of State")
VNM2 = ("Le Thi Hoa", "VNM", "Deputy Foreign Minister")
# (type, CAMEO code, mode, verb): the kinds of contact the fictional months are drawn from
KINDS = [("CONSULT", "040", "meeting", "held talks with"), ("CONSULT", "041", "call", "spoke by phone with"),
         ("CONSULT", "042", "visit", "visited"), ("AGREE", "057", "signing", "signed an agreement with"),
         ("COOPERATE", "060", None, "launched a joint programme with"), ("ACCUSE", "112", None, "criticised"),
         ("REJECT", "120", None, "rejected the proposal of"), ("SANCTION", "163", None, "imposed tariffs on")]


def pair_series(seed: int = 5) -> list:
    """Eighteen months of VNM-USA events: cooperative at first, strained in the middle, mending after."""
    rng = random.Random(seed)
    out = []
    for i in range(18):
        year, month = 2024 + (i // 12), i % 12 + 1
        strain = 1.0 if 6 <= i <= 10 else 0.15
        for k in range(rng.randint(2, 5)):
            kind = rng.choice(KINDS[5:]) if rng.random() < strain * 0.7 else rng.choice(KINDS[:5])
            a, b = rng.choice([(VNM, USA), (USA, VNM), (VNM2, USA2), (USA2, VNM2)])
            day = f"{year}-{month:02d}-{rng.randint(1, 28):02d}"
            roles = ("visitor", "host") if kind[2] == "visit" else ("host", "guest")
            out.append(synthetic_article(f"shot-{i:02d}-{k}", a, b, day, day, type=kind[0], cameo=kind[1],
                                         mode=kind[2], verb=kind[3], roles=roles,
                                         source=rng.choice(["Example Wire", "Sample Times"])))
    return out


def export_table(page, path: Path, title: str, keep: list[int] | None = None) -> None:
    rows = list(csv.reader(io.StringIO(path.read_text())))
    keep = keep or list(range(len(rows[0])))
    cells = "".join("<tr>" + "".join(f"<td>{html.escape(r[i])}</td>" for i in keep) + "</tr>" for r in rows[1:19])
    head = "".join(f"<th>{html.escape(rows[0][i])}</th>" for i in keep)
    page.set_content(f"<style>body{{font:13px system-ui;margin:16px}}td,th{{border:1px solid #ccc;padding:3px 6px;"
                     f"text-align:left}}table{{border-collapse:collapse}}</style><h3>{html.escape(title)} "
                     f"({len(rows) - 1} rows)</h3><table><tr>{head}</tr>{cells}</table>")


def main(out: Path = HERE) -> None:
    from playwright.sync_api import sync_playwright

    from communique.web import create_app

    with tempfile.TemporaryDirectory() as tmp:
        store = build_store(str(Path(tmp) / "shots.db"))
        report = store.ingest(relationship_articles() + pair_series(), progress=False)
        assert not report.failed, report.failed
        with running_server(create_app(store=store)) as base, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=base,
                                       accept_downloads=True).new_page()
            page.goto("/?a=VNM&b=USA")
            page.screenshot(path=str(out / "pair.png"), full_page=True)
            page.locator("section.trend-box").screenshot(path=str(out / "trend.png"))
            page.goto("/network")
            page.screenshot(path=str(out / "network.png"))
            page.goto("/?a=VNM&b=USA")
            with page.expect_download() as info:
                page.locator('a.export[href^="/export/trend.csv"]').click()
            target = Path(tmp) / info.value.suggested_filename
            info.value.save_as(target)
            export_table(page, target, target.name)
            page.screenshot(path=str(out / "export.png"), full_page=True)
            browser.close()
        store.close()
    print(f"screenshots written to {out}")


if __name__ == "__main__":
    main()
