"""Benchmark (`make bench`): the public pages of a grown site under load, without and with the
page cache.

Builds the PostgreSQL database `arbeitskreise_bench` with the demo plus 2,000 events, 2,000
board entries and 500 documents, starts gunicorn (2 workers, production settings, Redis as the
README says) and measures each page with wrk (Debian's package; installed when missing) for a
few seconds, once with the page cache switched off and once with it: requests per second,
latency p50/p99, the server's CPU time per request (the gunicorn processes' user+system time
from /proc, divided by the requests served) and the database queries one request makes.
Writes the Markdown tables to test-artifacts/bench.md.

Not part of `make test`: timings belong to a benchmark, never to a test. Traffic goes only to
127.0.0.1.
"""

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from production_like import ROOT, environment, run, set_up, start_gunicorn, wait_for

PORT = 8021
BASE = f"http://127.0.0.1:{PORT}"
DATABASE = "arbeitskreise_bench"
EVENTS, ENTRIES, DOCUMENTS = 2000, 2000, 500
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
    "Kalender (iCal)": "/termine/ical/",
    "Statische Datei (CSS)": "/static/css/site.css",
}
RESULTS = ROOT / "test-artifacts" / "bench.md"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def grow(env):
    """2,000 events, 2,000 board entries and 500 documents on top of the demo."""
    code = f"""
import datetime as dt
from django.utils import timezone
from wagtail.documents import get_document_model
from board.entries import CooperationEntry
from board.terms import match_terms_for
from workgroups.models import MeetingPage, Municipality, WorkingGroupPage

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
    run(str(ROOT / ".venv" / "bin" / "python"), "manage.py", "shell", "-c", code, env=env)
    run(str(ROOT / ".venv" / "bin" / "python"), "manage.py", "update_index", "-v0", env=env)
    # Fresh planner statistics, as autovacuum keeps them in production; without them PostgreSQL
    # guesses one row where there are 2,000 and the search takes a second instead of 5 ms.
    run("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", DATABASE, "-qc", "ANALYZE")


QUERY_COUNTER = """
import json
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client = Client(HTTP_HOST="127.0.0.1")
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
    code = f"PATHS = {list(PAGES.values())!r}\n{QUERY_COUNTER}"
    output = run(str(ROOT / ".venv" / "bin" / "python"), "manage.py", "shell", "-c", code, env=env)
    return json.loads(output.stdout.strip().splitlines()[-1])


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


def measure(url, pids):
    run("wrk", "-t1", f"-c{CONNECTIONS}", "-d2s", "--timeout", "10s", url)  # warm-up
    before = cpu_seconds(pids)
    output = run(
        "wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--timeout", "10s", "--latency", url
    ).stdout
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


def measure_all(env, log):
    """Every page under wrk against a fresh gunicorn started with ``env``."""
    web = start_gunicorn(env, PORT, log)
    try:
        wait_for(BASE + "/healthz/")
        pids = gunicorn_pids(web)
        return {name: measure(BASE + path, pids) for name, path in PAGES.items()}
    finally:
        web.terminate()
        web.wait()


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
    if shutil.which("wrk") is None:
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)  # noqa: S607
    env = environment(database=DATABASE, port=PORT, redis_db=13, media="bench-media")
    print("Aufbau: Datenbank, Demo, 2.000 Termine, 2.000 Einträge, 500 Dokumente …", flush=True)
    set_up(env, DATABASE)
    grow(env)
    modes = {
        "Ohne Seiten-Cache": {**env, "PAGE_CACHE": "off"},
        "Mit Seiten-Cache (Redis)": {**env, "PAGE_CACHE": "on"},
    }
    RESULTS.parent.mkdir(exist_ok=True)
    lines = [
        f"Messung vom {dt.date.today():%d.%m.%Y}: PostgreSQL, gunicorn mit 2 Workern, Redis; "
        f"{EVENTS} Termine, {ENTRIES} Börseneinträge und {DOCUMENTS} Dokumente zusätzlich zur "
        f"Demo; wrk mit {CONNECTIONS} Verbindungen, {SECONDS} s je Seite. Abfragen: die einer "
        "zweiten Anfrage als Besucher.",
    ]
    failed = False
    with (ROOT / "test-artifacts" / "bench-gunicorn.log").open("w") as log:
        for mode, mode_env in modes.items():
            run("redis-cli", "-n", "13", "flushdb", check=False)
            queries = queries_per_page(mode_env)
            rows = measure_all(mode_env, log)
            failed = failed or any(row["errors"] for row in rows.values())
            lines += ["", f"**{mode}**", "", *table(rows, queries)]
    RESULTS.write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
