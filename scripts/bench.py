"""Benchmark (`make bench`): the public pages under load, on the demo and on a grown site,
without and with the page cache, and behind Varnish.

Runs on a PostgreSQL, a Redis and a Varnish of its own (``private_services.py``: started for the
run on free ports and removed afterwards, also on Ctrl-C; the machine's own are never touched).
Builds a database there with the demo, starts gunicorn on a free port (2 workers, production
settings, Redis as the README says) and measures each page with wrk (Debian's packages wrk and
varnish are installed when missing), sending what a browser sends (gzip, German), for a few
seconds: first the demo without the page cache; then, after adding ``BENCH_GROW`` events and
board entries (default 2,000) and a quarter as many documents, the grown site without and with
the page cache, and through Varnish with the deployment's VCL. For each: requests per second,
latency p50/p99, the server's CPU time per request (the gunicorn processes' user+system time
from /proc, divided by the requests served) and the database queries one request makes. The
summary puts uncached, cached and the static file side by side and gives each page's growth
(CPU grown ÷ CPU demo). Writes the Markdown tables to test-artifacts/bench.md.

Not part of `make test`: timings belong to a benchmark, never to a test. Traffic goes only to
127.0.0.1. ``BENCH_SECONDS`` sets the seconds of wrk per page (default 8; ``BENCH_SECONDS=1``
for a quick check that everything runs); ``BENCH_GROW=10000`` grows the site further.
"""

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from private_services import PrivateServices, free_port
from production_like import (
    DATABASE,
    ROOT,
    SITE_HOST,
    adapted_vcl,
    environment,
    manage,
    run,
    set_up,
    start_gunicorn,
    wait_for,
)

GROWTH = int(os.environ.get("BENCH_GROW", "2000"))
EVENTS, ENTRIES, DOCUMENTS = GROWTH, GROWTH, GROWTH // 4
SECONDS = int(os.environ.get("BENCH_SECONDS", "8"))
CONNECTIONS = 4
PAGES = {
    "Startseite": "/",
    "Arbeitskreis": "/kommunen-ohne-grenzen/",
    "Veranstaltung (Fachwerkstatt)": (
        "/kommunen-ohne-grenzen/fachwerkstatt-aufgabenteilung-2020-11-12/"
    ),
    "Kooperationsbörse": "/kooperationsboerse/",
    "Suche": "/suche/?q=Kooperation",
    "Termine: Monat": f"/termine/monat/{dt.date.today().year}/{dt.date.today().month}/",
    "Kalender (iCal)": "/termine/ical/",
    "Sitemap: Seiten": "/sitemap-seiten.xml",
    "Statische Datei (CSS)": "/static/css/site.css",
}
STATIC = "Statische Datei (CSS)"
RESULTS = ROOT / "test-artifacts" / "bench.md"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def grow(env, postgres):
    """``EVENTS`` events, ``ENTRIES`` board entries and ``DOCUMENTS`` documents on top of the
    demo."""
    code = f"""
import datetime as dt
from django.utils import timezone
from wagtail.documents import get_document_model
from board.entries import CooperationEntry
from board.terms import match_terms_for
from workgroups.models import MeetingPage, WorkingGroupPage
from taxonomy.models import Municipality

groups = list(WorkingGroupPage.objects.all())
start = timezone.now() - dt.timedelta(days=1000)
for number in range({EVENTS}):
    group = groups[number % len(groups)]
    group.add_child(instance=MeetingPage(
        title=f"Arbeitskreistreffen Nr. {{number}}", slug=f"treffen-{{number}}",
        intro="Ein Treffen des Arbeitskreises zu gemeinsamen Aufgaben der Kommunen.",
        start=start + dt.timedelta(days=number % 1400, hours=number % 8),
        city="Paderborn", venue_name="Rathaus",
    ))
towns = list(Municipality.objects.all())
entries = []
for number in range({ENTRIES}):
    entry = CooperationEntry(
        kind="offer" if number % 2 else "request", title=f"Kooperation Nr. {{number}} Bauhof",
        slug=f"kooperation-{{number}}", municipality=towns[number % len(towns)],
        description="Wir suchen eine Nachbarkommune für den gemeinsamen Bauhof und Winterdienst.",
        contact_name="Frau Beispiel", contact_email="kooperation@example.org",
        valid_until=timezone.localdate() + dt.timedelta(days=200), live=True,
    )
    entry.match_terms = match_terms_for(entry)
    entries.append(entry)
CooperationEntry.objects.bulk_create(entries)
model = get_document_model()
template = model.objects.order_by("pk").first()
model.objects.bulk_create(
    model(title=f"Unterlage Nr. {{n}}", file=template.file.name, kind="programme",
          collection_id=template.collection_id)
    for n in range({DOCUMENTS})
)
"""
    manage(env, "shell", "-c", code)
    manage(env, "update_index", "-v0")
    # Fresh planner statistics, as autovacuum keeps them in production; without them PostgreSQL
    # guesses one row where there are 2,000 and the search takes a second instead of 5 ms.
    postgres.psql(DATABASE, "ANALYZE")


QUERY_COUNTER = """
import json
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client = Client(HTTP_HOST=HOST)
counts = {}
for path in PATHS:
    client.get(path)
    with CaptureQueriesContext(connection) as captured:
        client.get(path)
    counts[path] = len(captured)
print(json.dumps(counts))
"""


def queries_per_page(env):
    """Queries of the second request to each page (the first warms per-process caches)."""
    code = f"PATHS = {list(PAGES.values())!r}\nHOST = {SITE_HOST!r}\n{QUERY_COUNTER}"
    output = manage(env, "shell", "-c", code)
    return json.loads(output.strip().splitlines()[-1])


def cpu_seconds(pids):
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / CLOCK_TICKS


def gunicorn_pids(master):
    children = run("pgrep", "-P", str(master.pid), check=False).stdout.split()
    return [master.pid, *map(int, children)]


#: What a browser sends that changes the answer's cost: compressed answers, German first.
BROWSER_HEADERS = ("Accept-Encoding: gzip, deflate, br", "Accept-Language: de-DE,de;q=0.9")


def measure(url, pids):
    host = ("-H", f"Host: {SITE_HOST}")
    for header in BROWSER_HEADERS:
        host += ("-H", header)
    warm_up = f"-d{min(2, SECONDS)}s"
    run("wrk", "-t1", f"-c{CONNECTIONS}", warm_up, "--timeout", "10s", *host, url)
    before = cpu_seconds(pids)
    output = run(
        "wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--timeout", "10s", "--latency",
        *host, url,
    ).stdout  # fmt: skip
    used = cpu_seconds(pids) - before
    requests = int(re.search(r"(\d+) requests in", output)[1])
    latency = dict(re.findall(r"\s(50|99)%\s+([\d.]+\w+)", output))
    # Non-2xx answers, and connections that failed or timed out, are both errors.
    errors = sum(
        int(number)
        for number in re.findall(
            r"(?:Non-2xx or 3xx responses|connect|read|write|timeout)"
            r"[: ]+(\d+)",
            output,
        )
    )
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1]),
        "p50": latency.get("50", "?"),
        "p99": latency.get("99", "?"),
        "cpu_ms": 1000 * used / max(requests, 1),
        "errors": errors,
    }


def measure_all(services, env, log, varnish=None):
    """Every page under wrk against a fresh gunicorn started with ``env``; through ``varnish``
    (already started, its backend on the port given) where one is given."""
    port = varnish.backend_port if varnish else free_port()
    base = varnish.url if varnish else f"http://127.0.0.1:{port}"
    web = start_gunicorn(services, env, port, log)
    try:
        wait_for(f"http://127.0.0.1:{port}/healthz/", process=web)
        if varnish:
            # Varnish serves kept pages only once its probe found the purges delivered.
            wait_for(base + "/healthz/frontend-cache/", process=varnish.process)
        pids = gunicorn_pids(web)
        return {name: measure(base + path, pids) for name, path in PAGES.items()}
    finally:
        web.terminate()
        web.wait()


def start_varnish(services):
    """Varnish of our own with the deployment's VCL, its backend on a free port."""
    backend_port = free_port()
    varnish = services.varnish(adapted_vcl([backend_port]))
    varnish.backend_port = backend_port
    return varnish


def table(rows, queries):
    lines = [
        "| Seite | Anfragen/s | p50 | p99 | CPU ms/Anfrage | Abfragen | Fehler |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, path in PAGES.items():
        row = rows[name]
        lines.append(
            f"| {name} | {row['rps']:.0f} | {row['p50']} | {row['p99']} | {row['cpu_ms']:.1f} "
            f"| {queries.get(path, '–')} | {row['errors']} |"
        )
    return lines


def main():
    missing = [
        package
        for package, program in (("wrk", "wrk"), ("varnish", "varnishd"))
        if shutil.which(program) is None and not Path(f"/usr/sbin/{program}").exists()
    ]
    if missing:
        subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=True)  # noqa: S603, S607
    RESULTS.parent.mkdir(exist_ok=True)
    with (
        PrivateServices("bench") as services,
        (ROOT / "test-artifacts" / "bench-gunicorn.log").open("w") as log,
    ):
        lines, failed = bench(services, log)
    RESULTS.write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 1 if failed else 0


def summary(demo, grown, cached, behind_varnish):
    """Per page: CPU ms uncached on the demo and grown, the growth, and the request rates
    uncached, from the page cache (also as a share of the static file's rate from the same
    gunicorn, the limit of a page kept there) and through Varnish, as deployed."""
    lines = [
        "| Seite | CPU ms Demo | CPU ms gewachsen | Wachstum | Anfragen/s ohne Cache "
        "| Anfragen/s Seiten-Cache | Anteil statische Datei | Anfragen/s über Varnish |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    static_rps = max(cached[STATIC]["rps"], 1)
    for name in PAGES:
        growth = grown[name]["cpu_ms"] / max(demo[name]["cpu_ms"], 0.01)
        lines.append(
            f"| {name} | {demo[name]['cpu_ms']:.1f} | {grown[name]['cpu_ms']:.1f} "
            f"| ×{growth:.2f} | {grown[name]['rps']:.0f} | {cached[name]['rps']:.0f} "
            f"| {cached[name]['rps'] / static_rps:.0%} | {behind_varnish[name]['rps']:.0f} |"
        )
    return lines


def bench(services, log):
    postgres = services.postgres()
    redis = services.redis()
    env = environment(services, postgres, redis)
    uncached, cached = {**env, "PAGE_CACHE": "off"}, {**env, "PAGE_CACHE": "on"}
    print("Aufbau: Datenbank und Demo …", flush=True)
    set_up(env, postgres)
    passes = [("Demo, ohne Seiten-Cache", uncached)]
    grown_label = f"{EVENTS} Termine, {ENTRIES} Börseneinträge, {DOCUMENTS} Dokumente mehr"
    passes += [
        (f"{grown_label}, ohne Seiten-Cache", uncached),
        (f"{grown_label}, mit Seiten-Cache (Redis)", cached),
    ]
    varnish = start_varnish(services)
    behind_varnish = environment(services, postgres, redis, varnish_url=varnish.purge_url)
    passes.append((f"{grown_label}, Varnish davor (wie in deploy/)", behind_varnish))
    results, details, failed = [], [], False
    for number, (label, mode_env) in enumerate(passes):
        if number == 1:
            print(f"Wachstum: {grown_label} …", flush=True)
            grow(env, postgres)
        print(f"{label} …", flush=True)
        redis.flush()  # our own Redis: each pass starts from an empty cache
        queries = queries_per_page(mode_env)
        through = varnish if mode_env is behind_varnish else None
        rows = measure_all(services, mode_env, log, varnish=through)
        failed = failed or any(row["errors"] for row in rows.values())
        results.append(rows)
        details += ["", f"**{label}**", "", *table(rows, queries)]
    lines = [
        f"Messung vom {dt.date.today():%d.%m.%Y}: PostgreSQL, gunicorn mit 2 Workern, Redis; "
        f"wrk mit {CONNECTIONS} Verbindungen, {SECONDS} s je Seite, Kopfzeilen wie ein Browser "
        "(gzip, Deutsch). Abfragen: die einer zweiten Anfrage als Besucher. Wachstum: CPU je "
        f"Anfrage nach {grown_label} ÷ auf der Demo (beides ohne Seiten-Cache).",
        "",
        *summary(*results),
        *details,
    ]
    return lines, failed


if __name__ == "__main__":
    sys.exit(main())
