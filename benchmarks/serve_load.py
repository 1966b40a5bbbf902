"""Load test for `communique serve`: requests/s and p50/p99 latency of GET /api/events and the overview page.

The corpus: 10,000 synthetic articles built directly as extraction results (`model.Article`) and loaded
through `Store.ingest`, which stores pre-extracted articles as they are (no spaCy run, so building takes
about a minute instead of an hour); it is reused when the database already holds them. The server runs as
`communique serve` in a second process on loopback; concurrent httpx clients drive each target for a
bounded time and a bounded number of requests.

    .venv/bin/python benchmarks/serve_load.py [--db PATH] [--articles 10000] [--seconds 20] [--concurrency 8]
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from communique.model import Actor, Article, Event, Location, Person

COUNTRIES = {"VNM": ("Vietnamese", "Hanoi"), "USA": ("US", "Washington"), "JPN": ("Japanese", "Tokyo"),
             "AUS": ("Australian", "Canberra"), "IND": ("Indian", "New Delhi"), "FRA": ("French", "Paris"),
             "KOR": ("South Korean", "Seoul"), "DEU": ("German", "Berlin"), "IDN": ("Indonesian", "Jakarta"),
             "BRA": ("Brazilian", "Brasilia"), "KEN": ("Kenyan", "Nairobi"), "CAN": ("Canadian", "Ottawa")}
TITLES = ["President", "Prime Minister", "Foreign Minister", "Deputy Foreign Minister", "Defence Minister",
          "Trade Minister", "Ambassador"]
MODES = [("meeting", "040", "held talks with"), ("visit", "042", "paid a visit to meet"),
         ("call", "040", "held a phone call with"), ("dialogue", "040", "co-chaired a dialogue with"),
         ("conference", "043", "met on the sidelines of a conference with")]
SYLLABLES = ["an", "ber", "cor", "dal", "el", "fen", "gor", "hal", "is", "jun", "kel", "lor", "mar", "nor", "os",
             "pel", "quin", "ras", "sol", "tam", "ul", "ven", "wil", "yar", "zen"]


def _name(rng: random.Random) -> str:
    def word():
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
    return f"{word()} {word()}"


def synthetic_articles(n: int, seed: int = 1):
    """`n` pre-extracted articles: two officials of two states meet; evidence offsets point into the text."""
    rng = random.Random(seed)
    people = {code: [(_name(rng), rng.choice(TITLES)) for _ in range(25)] for code in COUNTRIES}
    codes = list(COUNTRIES)
    for i in range(n):
        a, b = rng.sample(codes[:4], 2) if rng.random() < 0.5 else rng.sample(codes, 2)
        (name_a, title_a), (name_b, title_b) = rng.choice(people[a]), rng.choice(people[b])
        mode, cameo, verb = rng.choice(MODES)
        year, month, day = rng.randint(2019, 2025), rng.randint(1, 12), rng.randint(1, 28)
        date = f"{year:04d}-{month:02d}-{day:02d}"
        city = COUNTRIES[a][1]
        head = f"{COUNTRIES[a][0]} and {COUNTRIES[b][0]} officials meet in {city}\n\n"
        sentence = (f"{COUNTRIES[a][0]} {title_a} {name_a} {verb} {COUNTRIES[b][0]} {title_b} {name_b} "
                    f"in {city} on {date}.")
        tail = (f" The two sides discussed trade, investment and regional security. {name_b.split()[1]} said "
                f"the talks were productive.\n")
        text = head + sentence + tail
        s0 = len(head)
        pa, pb = s0 + sentence.index(name_a), s0 + sentence.index(name_b)
        roles = ("host", "guest") if mode != "visit" else ("host", "visitor")
        yield Article(
            doc_id=f"syn-{i:06d}", text=text, title=head.strip(), published=date, source="Synthetic Wire",
            body=(0, len(text)),
            persons=[Person(name_a, a, [title_a], None, [(pa, pa + len(name_a))]),
                     Person(name_b, b, [title_b], None, [(pb, pb + len(name_b))])],
            events=[Event(type="CONSULT", cameo=cameo, mode=mode, date=date, location=Location(city, a),
                          actors=[Actor(name_a, "person", a, roles[0]), Actor(name_b, "person", b, roles[1])],
                          evidence=[(s0, s0 + len(sentence))])],
            extractor="communique synthetic")


def build(db: str, n: int) -> None:
    from communique.store import Store

    store = Store.open(db)
    have = len(store.articles(limit=n + 1))
    if have >= n:
        print(f"corpus: reusing {db} ({have} articles)")
        store.close()
        return
    t0 = time.perf_counter()
    report = store.ingest(synthetic_articles(n), progress=True, total=n)
    store.close()
    print(f"corpus: {report.summary()} in {time.perf_counter() - t0:.1f} s ({db})")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str, port: int) -> subprocess.Popen:
    exe = Path(sys.executable).with_name("communique")
    cmd = [str(exe), "serve", "--db", db, "--host", "127.0.0.1", "--port", str(port)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.time() + 60
    while time.time() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited: {proc.stderr.read().decode()[-2000:]}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/articles?limit=1", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("server did not start within 60 s")


async def drive(base: str, urls: list[str], seconds: float, max_requests: int, concurrency: int) -> dict:
    latencies, errors, sent = [], 0, 0
    deadline = time.perf_counter() + seconds

    async def worker(client: httpx.AsyncClient, k: int):
        nonlocal errors, sent
        i = k
        while time.perf_counter() < deadline and sent < max_requests:
            sent += 1
            url = urls[i % len(urls)]
            i += concurrency
            t = time.perf_counter()
            try:
                r = await client.get(url)
                ok = r.status_code == 200
            except httpx.HTTPError:
                ok = False
            latencies.append(time.perf_counter() - t)
            errors += not ok

    t0 = time.perf_counter()
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        await asyncio.gather(*(worker(client, k) for k in range(concurrency)))
    wall = time.perf_counter() - t0
    latencies.sort()
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else latencies * 99
    return {"requests": len(latencies), "errors": errors, "seconds": wall, "rps": len(latencies) / wall,
            "p50_ms": q[49] * 1000, "p99_ms": q[98] * 1000}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", default=os.path.join(tempfile.gettempdir(), "communique-serve-load.db"))
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--seconds", type=float, default=20.0, help="time per target")
    ap.add_argument("--max-requests", type=int, default=20_000, help="request cap per target")
    ap.add_argument("--concurrency", type=int, default=8)
    args = ap.parse_args(argv)
    build(args.db, args.articles)
    port = free_port()
    proc = start_server(args.db, port)
    rng = random.Random(2)
    targets = {
        "GET /api/events": [f"/api/events?limit=50&offset={rng.randrange(0, 2000, 50)}" for _ in range(20)]
        + ["/api/events?country=VNM&with=USA&limit=50", "/api/events?mode=visit&since=2024&limit=50"],
        "GET / (overview VNM-USA)": ["/?a=VNM&b=USA", "/?a=JPN&b=AUS", "/?a=VNM"],
    }
    try:
        print(f"server: communique serve on 127.0.0.1:{port}, {args.concurrency} concurrent clients, "
              f"{args.seconds:g} s or {args.max_requests} requests per target")
        for name, urls in targets.items():
            r = asyncio.run(drive(f"http://127.0.0.1:{port}", urls, args.seconds, args.max_requests,
                                  args.concurrency))
            print(f"{name:28s} {r['requests']:6d} requests in {r['seconds']:5.1f} s  {r['rps']:7.1f} req/s  "
                  f"p50 {r['p50_ms']:7.1f} ms  p99 {r['p99_ms']:7.1f} ms  errors {r['errors']}")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:  # requests still stuck in the database
            proc.kill()
            proc.wait()


if __name__ == "__main__":
    main()
