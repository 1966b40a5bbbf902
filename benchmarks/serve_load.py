"""Load test for `communique serve`: server CPU per request, requests/s and p50/p99 latency of
GET /api/events and the overview page, at two corpus sizes, and the ratio of their costs; also the
first request of each view after a write (nothing cached then) and the busiest person's page.

The corpora: synthetic articles built directly as extraction results (`model.Article`) and loaded through
`Store.ingest`, which stores pre-extracted articles as they are (no spaCy run); each is reused when its
database already holds them. One `communique serve` per corpus runs in its own process on loopback, and
the targets are driven in one interleaved run (small corpus, large corpus, small, large, ...), so that a
busy shared machine slows both alike. The cost per request is the server process's CPU time (user +
system, from /proc: Linux) divided by the requests it answered; the ratio large/small is what says
whether serving grows with the corpus.

    .venv/bin/python benchmarks/serve_load.py [--sizes 10000 50000] [--seconds 5] [--rounds 3] [--concurrency 4]
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


def write_some(db: str, round_: int, n: int = 3) -> None:
    """Update `n` articles in place (same doc ids, another date each round): a write that changes the
    store's revision, as `communique ingest` in another process would, without growing the corpus."""
    from communique.store import Store

    rng = random.Random(round_)
    arts = []
    for i, art in enumerate(synthetic_articles(n, seed=1000)):
        day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        art.doc_id, art.published = f"load-write-{i}", day
        for ev in art.events:
            ev.date = day
        arts.append(art)
    store = Store.open(db)
    try:
        store.ingest(arts, progress=False)
    finally:
        store.close()


def busiest_person(db: str) -> tuple[str, int]:
    from communique.store import Store

    store = Store.open(db)
    try:
        top = store.persons(limit=1)[0]
        return top["id"], top["n_events"]
    finally:
        store.close()


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


def server_cpu(proc: subprocess.Popen) -> float:
    """CPU seconds (user + system) the server process has used so far."""
    fields = Path(f"/proc/{proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


OVERVIEW = ["/?a=VNM&b=USA", "/?a=JPN&b=AUS", "/?a=VNM", "/"]


def targets(rng: random.Random) -> dict[str, list[str]]:
    return {
        "GET /api/events": [f"/api/events?limit=50&offset={rng.randrange(0, 2000, 50)}" for _ in range(20)]
        + ["/api/events?country=VNM&with=USA&limit=50", "/api/events?mode=visit&since=2024&limit=50"],
        "GET / (overview)": OVERVIEW,
    }


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", default=tempfile.gettempdir(), help="where the corpus databases are kept")
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 50_000])
    ap.add_argument("--seconds", type=float, default=5.0, help="time per target per round")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--max-requests", type=int, default=5_000, help="request cap per target per round")
    ap.add_argument("--concurrency", type=int, default=4)
    ap.add_argument("--build-only", action="store_true")
    ap.add_argument("--writes", type=int, default=3, help="writes, each followed by the first request of each view")
    args = ap.parse_args(argv)
    dbs = {n: os.path.join(args.dir, f"communique-serve-load-{n}.db") for n in args.sizes}
    for n, db in dbs.items():
        build(db, n)
    if args.build_only:
        return
    servers = {}
    try:
        for n, db in dbs.items():
            port = free_port()
            servers[n] = (start_server(db, port), f"http://127.0.0.1:{port}")
        print(f"servers: {', '.join(f'{n} articles on {b}' for n, (_, b) in servers.items())}; "
              f"{args.concurrency} concurrent clients, {args.rounds} interleaved rounds of {args.seconds:g} s "
              f"(or {args.max_requests} requests) per target and size")
        totals = {(name, n): {"cpu": 0.0, "requests": 0, "errors": 0, "lat": []} for name in targets(random.Random(2))
                  for n in servers}
        # First request of each view after a start (or a write): the aggregates are computed and cached
        # for the store's revision. Measured on its own; the rounds below measure serving from then on.
        for name, urls in targets(random.Random(2)).items():
            for n, (proc, base) in servers.items():
                before, t0 = server_cpu(proc), time.perf_counter()
                with httpx.Client(base_url=base, timeout=300) as client:
                    codes = [client.get(u).status_code for u in dict.fromkeys(urls)]
                print(f"{name:18s} {n:6d} articles: first request of each of {len(codes)} views (cold cache) "
                      f"{1000 * (server_cpu(proc) - before) / len(codes):8.1f} ms CPU each, "
                      f"{time.perf_counter() - t0:6.1f} s in all, errors {sum(c != 200 for c in codes)}")
        # The first request of each view after a write: the store's revision changed, so nothing cached
        # holds; what the aggregates cost now is what a live corpus costs on every ingest. The write
        # itself runs in this process (like `communique ingest` beside the server), not in the server.
        small, large = min(servers), max(servers)
        people = {n: busiest_person(db) for n, db in dbs.items()}
        after = {(name, n): [] for name in ("GET / (overview)", "GET /api/events", "GET /persons/<busiest>")
                 for n in servers}
        for k in range(args.writes):
            for n, (proc, base) in servers.items():
                write_some(dbs[n], k)
                views = {"GET / (overview)": OVERVIEW, "GET /api/events": targets(random.Random(2))["GET /api/events"][:3],
                         "GET /persons/<busiest>": [f"/persons/{people[n][0]}"]}
                with httpx.Client(base_url=base, timeout=300) as client:
                    for name, urls in views.items():
                        for u in urls:
                            before = server_cpu(proc)
                            status = client.get(u).status_code
                            if status != 200:
                                raise SystemExit(f"{u} answered {status} at {n} articles")
                            after[(name, n)].append(server_cpu(proc) - before)
        for name in ("GET / (overview)", "GET /api/events", "GET /persons/<busiest>"):
            cost = {n: sum(after[(name, n)]) / len(after[(name, n)]) for n in servers}
            for n in servers:
                extra = f" ({people[n][1]} events)" if "persons" in name else ""
                print(f"{name:18s} {n:6d} articles: first request after a write{extra} {1000 * cost[n]:8.1f} ms CPU "
                      f"(mean of {len(after[(name, n)])})")
            print(f"{name:18s} first request after a write, CPU {large}/{small}: "
                  f"{cost[large] / max(cost[small], 1e-9):.2f}")
        for _ in range(args.rounds):
            for name, urls in targets(random.Random(2)).items():
                for n, (proc, base) in servers.items():
                    before = server_cpu(proc)
                    r = asyncio.run(drive(base, urls, args.seconds, args.max_requests, args.concurrency))
                    t = totals[(name, n)]
                    t["cpu"] += server_cpu(proc) - before
                    t["requests"] += r["requests"]
                    t["errors"] += r["errors"]
                    t["lat"].append(r)
        for name in targets(random.Random(2)):
            for n in servers:
                t = totals[(name, n)]
                rps = sum(x["rps"] for x in t["lat"]) / len(t["lat"])
                p50 = sum(x["p50_ms"] for x in t["lat"]) / len(t["lat"])
                print(f"{name:18s} {n:6d} articles: {t['requests']:6d} requests, {1000 * t['cpu'] / max(1, t['requests']):7.2f} "
                      f"ms CPU/request, {rps:6.1f} req/s, p50 {p50:7.1f} ms, errors {t['errors']}")
            cost = {n: totals[(name, n)]["cpu"] / max(1, totals[(name, n)]["requests"]) for n in servers}
            print(f"{name:18s} CPU per request {large}/{small}: {cost[large] / cost[small]:.2f}")
    finally:
        for proc, _ in servers.values():
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:  # requests still stuck in the database
                proc.kill()
                proc.wait()


if __name__ == "__main__":
    main()
