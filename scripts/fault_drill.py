"""Fault drill (`make faults`): the production setup under load while PostgreSQL restarts and
Redis goes away. Not part of `make test`: it restarts this machine's PostgreSQL and stops its
Redis for a few seconds, and it sends traffic only to 127.0.0.1.

Sets up a PostgreSQL database `arbeitskreise_faults` with the demo, starts gunicorn (2 workers,
production settings, Redis cache) and the task worker, loads a few pages from 4 threads, and
goes through the phases below. It prints a Markdown table of requests and errors per phase and
fails when a phase after an outage had any error or a process had to be restarted.
"""

import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter

from production_like import (
    PYTHON,
    ROOT,
    environment,
    run,
    set_up,
    start_gunicorn,
    wait_for,
)

PORT = 8011
BASE = f"http://127.0.0.1:{PORT}"
DATABASE = "arbeitskreise_faults"
PAGES = [
    "/",
    "/termine/",
    "/kommunen-ohne-grenzen/",
    "/kooperationsboerse/",
    "/suche/?q=Kooperation",
    "/termine/ical/",
    "/api/v2/termine/",
]
THREADS = 4
OUTAGES = {"Redis gestoppt", "PostgreSQL-Neustart"}
LOG = ROOT / "test-artifacts" / "fault-drill.log"
PHASE_SECONDS = 8
REDIS_START = [
    "redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "--port", "6379",
    "--save", "", "--appendonly", "no", "--dir", "/var/lib/redis",
    "--logfile", "/var/log/redis/ci.log",
]  # fmt: skip


class Load:
    """THREADS loops over PAGES; every answer is recorded with the phase it fell into."""

    def __init__(self):
        self.phase = "Start"
        self.results = Counter()
        self.errors = Counter()
        self.running = True
        self.threads = [threading.Thread(target=self.loop, daemon=True) for _ in range(THREADS)]

    def loop(self):
        number = 0
        while self.running:
            page = PAGES[number % len(PAGES)]
            number += 1
            started_in = self.phase
            try:
                with urllib.request.urlopen(BASE + page, timeout=10) as response:  # noqa: S310
                    status = response.status
            except urllib.error.HTTPError as error:
                status = error.code
            except OSError as error:
                status = type(error).__name__
            # A request that overlaps an outage belongs to it, however it started or ended.
            phase = next((p for p in (started_in, self.phase) if p in OUTAGES), self.phase)
            self.results[phase] += 1
            if status != 200:
                self.errors[(phase, f"{status} {page}")] += 1

    def start(self):
        for thread in self.threads:
            thread.start()

    def stop(self):
        self.running = False
        for thread in self.threads:
            thread.join()


def redis(*args):
    return run("redis-cli", "-h", "127.0.0.1", "-p", "6379", *args, check=False)


def postgres_cluster():
    return sorted(os.listdir("/etc/postgresql"))[0]


def main():
    env = environment(database=DATABASE, port=PORT, redis_db=14, media="fault-drill-media")
    print("Aufbau: Datenbank, Demo, statische Dateien …", flush=True)
    set_up(env, DATABASE)
    LOG.parent.mkdir(exist_ok=True)
    log = LOG.open("w")
    web = start_gunicorn(env, PORT, log)
    worker = subprocess.Popen(  # noqa: S603
        [PYTHON, "manage.py", "db_worker", "--interval", "0.5", "--no-startup-delay"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    load = Load()
    outage_notes = {}
    try:
        wait_for(BASE + "/healthz/")
        load.start()
        load.phase = "vorher"
        time.sleep(PHASE_SECONDS)

        load.phase = "Redis gestoppt"
        redis("shutdown", "nosave")
        time.sleep(PHASE_SECONDS)
        run(*REDIS_START)
        time.sleep(1)
        load.phase = "nach Redis-Ausfall"
        time.sleep(PHASE_SECONDS)

        load.phase = "PostgreSQL-Neustart"
        started = time.monotonic()
        run("pg_ctlcluster", "--skip-systemctl-redirect", postgres_cluster(), "main", "restart")
        outage_notes["PostgreSQL-Neustart"] = f"{time.monotonic() - started:.1f} s Neustart"
        time.sleep(2)
        load.phase = "nach PostgreSQL-Neustart"
        time.sleep(PHASE_SECONDS)
        # A task queued after the restart must still be done by the same worker process.
        run(PYTHON, "manage.py", "shell", "-c",
            "from wagtail.documents import get_document_model as m; m().objects.first().save()",
            env=env)  # fmt: skip
        time.sleep(3)
        load.phase = "Ende"
    finally:
        load.stop()
        if redis("ping").stdout.strip() != "PONG":
            run(*REDIS_START)
    with urllib.request.urlopen(BASE + "/healthz/", timeout=5) as response:  # noqa: S310
        health = response.read().decode()
    alive = {"gunicorn": web.poll() is None, "db_worker": worker.poll() is None}
    web.terminate()
    worker.terminate()
    return report(load, outage_notes, health, alive)


def report(load, notes, health, alive):
    phases = [
        "vorher",
        "Redis gestoppt",
        "nach Redis-Ausfall",
        "PostgreSQL-Neustart",
        "nach PostgreSQL-Neustart",
    ]
    print("\n| Phase | Anfragen | Fehler | Fehlerarten |")
    print("| --- | ---: | ---: | --- |")
    failed = False
    for phase in phases:
        kinds = {kind: n for (p, kind), n in load.errors.items() if p == phase}
        errors = sum(kinds.values())
        detail = ", ".join(f"{n}× {kind}" for kind, n in sorted(kinds.items())) or "–"
        if phase in notes:
            detail = f"{notes[phase]}; {detail}"
        print(f"| {phase} | {load.results[phase]} | {errors} | {detail} |")
        if phase.startswith(("vorher", "nach", "Redis")) and errors:
            failed = True
    print(f"\nProzesse ohne Neustart von Hand noch am Leben: {alive}")
    print(f"/healthz/ am Ende: {health}")
    print(f"Protokoll von gunicorn: {LOG.relative_to(ROOT)}")
    if not all(alive.values()) or '"worker": {"status": "ok"' not in health:
        failed = True
    if '"waiting": 0' not in health:
        failed = True
    print("\nErgebnis:", "FEHLER" if failed else "bestanden")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
