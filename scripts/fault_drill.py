"""Fault drill (`make faults`): the production setup under load while its parts fail, and whether
a change of who may see a page reaches every visitor while they do.

Runs entirely on services of its own (``private_services.py``): a PostgreSQL cluster and a
Redis started for the run on free ports, removed afterwards, also on Ctrl-C or an error. The
machine's PostgreSQL and Redis are never touched. Traffic goes only to 127.0.0.1.

The site runs as two gunicorn instances (2 workers each, production settings) sharing that
PostgreSQL and Redis, with the task worker and an editor process (``drill_editor.py``) beside
them. Four threads load a few pages throughout. The phases:

1. before; Redis stopped, and after; PostgreSQL restarted, and after (requests and errors).
2. Redis frozen (SIGSTOP) for 3 s while the editor makes a page members-only; then the page is
   requested anonymously from both instances: every 200 showing it goes to the wrong audience.
3. The worker stopped while the editor takes one page offline and makes another members-only;
   the same count while it stays stopped.
4. With Varnish in front (``deploy/varnish.vcl``, its backends pointed at the two instances, a
   public and a ``purge`` listen address, ``VARNISH_URL`` naming the latter): 2 and 3 again,
   visitors' requests going through Varnish and counted there and on both instances.

"Lost" counts changes the database does not hold afterwards and background tasks queued in a
phase that had not succeeded by the end. The Markdown table goes to the terminal and to
test-artifacts/faults.md; the command fails when anything went to the wrong audience or was
lost, when a phase other than the restart itself had an error, or when a process died.
"""

import concurrent.futures
import datetime as dt
import json
import subprocess
import sys
import threading
import time
from collections import Counter

from private_services import PrivateServices, free_port
from production_like import (
    PYTHON,
    ROOT,
    adapted_vcl,
    environment,
    get,
    set_up,
    start_gunicorn,
    wait_for,
)

LOAD_PAGES = [
    "/",
    "/termine/",
    "/kommunen-ohne-grenzen/",
    "/kooperationsboerse/",
    "/suche/?q=Kooperation",
    "/termine/ical/",
    "/api/v2/termine/",
]
THREADS = 4
PHASE_SECONDS = 6
FREEZE_SECONDS = 3
WATCH_SECONDS = 10
FROZEN = f"Redis {FREEZE_SECONDS} s eingefroren beim Beschränken"
WORKER_STOPPED = "Worker gestoppt beim Zurückziehen und Beschränken"
BEHIND_VARNISH = "Varnish davor: "
# Only these phases may have errors: a restart cuts the connections in use.
ERRORS_EXPECTED = {"PostgreSQL-Neustart"}
ARTIFACTS = ROOT / "test-artifacts"
RESULTS = ARTIFACTS / "faults.md"


def now():
    return dt.datetime.now(dt.UTC)


class Load:
    """THREADS loops over LOAD_PAGES on ``targets``; each answer counts for the phase it fell
    into (a request overlapping a fault counts for the fault)."""

    def __init__(self):
        self.phase = "Start"
        self.faults = set()
        self.targets = []
        self.requests = Counter()
        self.errors = Counter()
        self.counting = threading.Lock()
        self.running = True
        self.threads = [threading.Thread(target=self.loop, daemon=True) for _ in range(THREADS)]

    def loop(self):
        number = 0
        while self.running:
            targets = self.targets
            if not targets:
                time.sleep(0.1)
                continue
            page = LOAD_PAGES[number % len(LOAD_PAGES)]
            base = targets[(number // len(LOAD_PAGES)) % len(targets)]
            number += 1
            started_in = self.phase
            status = get(base + page)[0]
            phase = next((p for p in (started_in, self.phase) if p in self.faults), self.phase)
            with self.counting:
                self.requests[phase] += 1
                if status != 200:
                    self.errors[(phase, f"{status} {page}")] += 1

    def start(self):
        for thread in self.threads:
            thread.start()

    def stop(self):
        self.running = False
        for thread in self.threads:
            thread.join()


class Editor:
    """The drill_editor.py process: commands answered one at a time, each within a minute."""

    def __init__(self, services, env, log):
        self.process = services.start(
            [PYTHON, str(ROOT / "scripts" / "drill_editor.py")],
            cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log,
            text=True,
        )  # fmt: skip
        self.pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
        self.pool.submit(self.process.stdout.readline).result(timeout=120)

    def submit(self, do, **arguments):
        return self.pool.submit(self._call, {"do": do, **arguments})

    def __call__(self, do, **arguments):
        return self.submit(do, **arguments).result(timeout=60)

    def _call(self, command):
        self.process.stdin.write(json.dumps(command) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        return json.loads(line) if line else {"ok": False, "error": "Editor beendet"}

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=20)
        self.pool.shutdown()


class Site:
    """Two gunicorn instances, the worker and the editor on the run's own services."""

    def __init__(self, services, env, log, ports=None):
        self.services, self.env, self.log = services, env, log
        self.ports = ports or [free_port(), free_port()]
        self.instances = [f"http://127.0.0.1:{port}" for port in self.ports]
        self.web = []
        self.worker = None
        self.editor = None

    def start(self):
        self.web = [start_gunicorn(self.services, self.env, port, self.log) for port in self.ports]
        self.start_worker()
        for instance, process in zip(self.instances, self.web, strict=True):
            wait_for(instance + "/healthz/", process=process)
        self.editor = Editor(self.services, self.env, self.log)

    def start_worker(self):
        self.worker = self.services.start(
            [PYTHON, "manage.py", "db_worker", "--interval", "0.5", "--no-startup-delay"],
            cwd=ROOT, env=self.env, stdout=self.log, stderr=self.log,
        )  # fmt: skip

    def stop_worker(self):
        self.worker.terminate()
        self.worker.wait(timeout=30)

    def alive(self):
        alive = {f"gunicorn {n}": p.poll() is None for n, p in enumerate(self.web, start=1)}
        alive["db_worker"] = self.worker.poll() is None
        return alive

    def stop(self):
        self.editor.close()
        for process in [*self.web, self.worker]:
            process.terminate()
        for process in [*self.web, self.worker]:
            process.wait(timeout=30)


class Watch(threading.Thread):
    """For WATCH_SECONDS after a change, ``page`` asked for anonymously every way in (both
    instances, Varnish); a 200 that shows it went to the wrong audience."""

    def __init__(self, page, change, ways, row):
        super().__init__()
        self.page, self.change, self.ways = page, change, ways
        self.answers = Counter()  # (status or "leak", way)
        self.last_leak = None
        row["watches"].append(self)
        self.start()

    def run(self):
        started = time.monotonic()
        while (elapsed := time.monotonic() - started) < WATCH_SECONDS:
            for way, base in self.ways.items():
                status, _, body = get(base + self.page["url"])
                leaked = status == 200 and self.page["marker"] in body
                self.answers[("leak" if leaked else status, way)] += 1
                if leaked:
                    self.last_leak = elapsed
            time.sleep(0.05)

    @property
    def leaks(self):
        return sum(n for (status, _), n in self.answers.items() if status == "leak")

    def errors(self):
        """Answers that are neither the page nor a refusal (302 to the login, 404)."""
        return {
            f"{status} {way}": n
            for (status, way), n in self.answers.items()
            if status != "leak" and not (isinstance(status, int) and status < 500)
        }

    def summary(self):
        """E.g. „Treffen“ zurückgezogen: 44× 200 mit Inhalt (Varnish 44, zuletzt nach 9.9 s),
        88× 404."""
        title = self.page["title"]
        title = title if len(title) <= 45 else title[:44] + "…"
        answers = Counter()
        leaks_by_way = Counter()
        for (status, way), n in self.answers.items():
            if status == "leak":
                leaks_by_way[way] += n
            else:
                answers[status] += n
        parts = [f"{n}× {status}" for status, n in sorted(answers.items(), key=str)]
        if leaks_by_way:
            ways = ", ".join(f"{way} {n}" for way, n in leaks_by_way.items())
            parts.insert(0, f"{self.leaks}× 200 mit Inhalt ({ways}, zuletzt nach "
                            f"{self.last_leak:.1f} s von {WATCH_SECONDS} s)")  # fmt: skip
        return f"„{title}“ {self.change}: {', '.join(parts)}"


class Drill:
    """The phases, the load running through them, and what each phase found."""

    def __init__(self, postgres, redis):
        self.postgres, self.redis = postgres, redis
        self.load = Load()
        self.rows = []  # dicts: phase, started, ended, watches, lost, notes
        self.alive = {}

    # --- Bookkeeping ---------------------------------------------------------------------

    def phase(self, name, *, fault=False):
        """Start phase ``name`` (the previous one ends); returns its row."""
        if self.rows:
            self.rows[-1]["ended"] = now()
        if fault:
            self.load.faults.add(name)
        self.load.phase = name
        row = {"phase": name, "started": now(), "ended": None, "watches": [], "lost": 0,
               "notes": []}  # fmt: skip
        self.rows.append(row)
        return row

    # --- Phases ----------------------------------------------------------------------------

    def outages(self, site):
        """Redis stopped, PostgreSQL restarted: requests and errors around each."""
        self.phase("vorher")
        time.sleep(PHASE_SECONDS)

        self.phase("Redis gestoppt", fault=True)
        self.redis.stop()
        time.sleep(PHASE_SECONDS)
        self.redis.start()
        time.sleep(1)
        self.phase("nach Redis-Ausfall")
        time.sleep(PHASE_SECONDS)

        row = self.phase("PostgreSQL-Neustart", fault=True)
        started = time.monotonic()
        self.postgres.restart()
        row["notes"].append(f"{time.monotonic() - started:.1f} s Neustart")
        time.sleep(2)
        row = self.phase("nach PostgreSQL-Neustart")
        time.sleep(PHASE_SECONDS)
        # A task queued after the restart must still be done by the same worker process.
        answer = site.editor("save_document")
        if not answer["ok"]:
            row["lost"] += 1
            row["notes"].append(f"Dokument nicht gespeichert: {answer['error']}")
        time.sleep(2)

    def redis_frozen(self, site, name, page, ways):
        """Redis stops answering (SIGSTOP) while the editor makes ``page`` members-only."""
        self.warm(page, ways)
        row = self.phase(name, fault=True)
        self.redis.freeze()
        frozen_at = time.monotonic()
        try:
            answer = site.editor.submit("restrict", page=page["id"]).result(timeout=60)
            watch = Watch(page, "Mitgliedern vorbehalten", ways, row)
            saved_after = time.monotonic() - frozen_at
            row["notes"].append(f"Änderung {saved_after:.1f} s nach dem Einfrieren gespeichert")
            time.sleep(max(0.0, FREEZE_SECONDS - (time.monotonic() - frozen_at)))
        finally:
            self.redis.thaw()
        self.check_change(site, row, answer, page, restricted=True)
        watch.join()

    def worker_stopped(self, site, name, offline, restricted, ways):
        """The worker is stopped while one page goes offline and another becomes members-only;
        both are watched while it stays stopped."""
        self.warm(offline, ways)
        self.warm(restricted, ways)
        row = self.phase(name, fault=True)
        site.stop_worker()
        try:
            unpublished = site.editor("unpublish", page=offline["id"])
            watches = [Watch(offline, "zurückgezogen", ways, row)]
            restriction = site.editor("restrict", page=restricted["id"])
            watches.append(Watch(restricted, "Mitgliedern vorbehalten", ways, row))
            for watch in watches:
                watch.join()
        finally:
            site.start_worker()
        self.check_change(site, row, unpublished, offline, live=False)
        self.check_change(site, row, restriction, restricted, restricted=True)

    def warm(self, page, ways):
        """Ask for ``page`` twice every way, so every cache holds it before the change."""
        for _ in range(2):
            for base in ways.values():
                get(base + page["url"])

    def check_change(self, site, row, answer, page, **expected):
        """A change the editor was told had succeeded must be in the database."""
        state = site.editor("state", page=page["id"])
        held = (
            answer["ok"]
            and state["ok"]
            and all(state["result"][key] == value for key, value in expected.items())
        )
        if not held:
            row["lost"] += 1
            row["notes"].append(f"Änderung an „{page['title']}“ fehlt: {answer}, {state}")

    # --- The end -----------------------------------------------------------------------------

    def count_tasks(self, site):
        """Tasks queued in each phase that have not succeeded by now count as lost."""
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and '"waiting": 0' not in self.health(site):
            time.sleep(1)
        for row in self.rows:
            if row["ended"] is None or row.get("tasks_counted"):
                continue
            row["tasks_counted"] = True
            answer = site.editor(
                "tasks", since=row["started"].isoformat(), until=row["ended"].isoformat()
            )
            unfinished = {k: n for k, n in answer["result"].items() if k != "SUCCESSFUL"}
            if unfinished:
                row["lost"] += sum(unfinished.values())
                row["notes"].append(f"Aufgaben nicht erledigt: {unfinished}")

    def health(self, site):
        return get(site.instances[0] + "/healthz/")[2]


def run_drill(services, log):
    postgres = services.postgres()
    redis = services.redis()
    env = environment(services, postgres, redis)
    print("Aufbau: eigene Datenbank, Demo, statische Dateien …", flush=True)
    set_up(env, postgres)
    site = Site(services, env, log)
    site.start()
    drill = Drill(postgres, redis)
    pages = site.editor("pages")["result"]
    if len(pages) < 6:
        raise SystemExit(f"Zu wenige Veranstaltungsseiten für die Übung: {len(pages)}")
    direct = {"Instanz 1": site.instances[0], "Instanz 2": site.instances[1]}
    drill.load.targets = site.instances
    drill.load.start()
    try:
        print("Teil 1: zwei Instanzen ohne Varnish …", flush=True)
        drill.outages(site)
        drill.redis_frozen(site, FROZEN, pages[0], direct)
        drill.worker_stopped(site, WORKER_STOPPED, pages[1], pages[2], direct)
        drill.phase("Ende Teil 1")
        drill.alive.update(site.alive())
        drill.count_tasks(site)
        health = drill.health(site)
        drill.load.targets = []
        site.stop()

        ports = [free_port(), free_port()]
        varnish = services.varnish(adapted_vcl(ports))
        if varnish is None:
            print("varnishd fehlt: Teil 2 entfällt", flush=True)
            return drill, health, None
        print("Teil 2: Varnish davor …", flush=True)
        env = environment(services, postgres, redis, varnish_url=varnish.purge_url)
        site = Site(services, env, log, ports)
        site.start()
        try:
            wait_for(varnish.url + "/healthz/", process=varnish.process)
        except SystemExit:
            print(varnish.log_tail(), flush=True)
            raise
        through = {"Varnish": varnish.url, **dict(zip(direct, site.instances, strict=True))}
        drill.load.targets = [varnish.url]
        drill.phase(f"{BEHIND_VARNISH}vorher")
        time.sleep(PHASE_SECONDS)
        drill.redis_frozen(site, f"{BEHIND_VARNISH}{FROZEN}", pages[3], through)
        drill.worker_stopped(site, f"{BEHIND_VARNISH}{WORKER_STOPPED}", pages[4], pages[5], through)
        drill.phase("Ende")
        drill.alive.update({f"{k} (Teil 2)": v for k, v in site.alive().items()})
        drill.count_tasks(site)
        return drill, drill.health(site), varnish
    finally:
        drill.load.stop()


def report(drill, health):
    lines = [
        f"Ausfallübung vom {dt.date.today():%d.%m.%Y}: zwei gunicorn-Instanzen (je 2 Worker, "
        "Produktionseinstellungen) mit eigenem PostgreSQL und Redis, `db_worker`, "
        f"{THREADS} Threads Last; nach jeder Änderung {WATCH_SECONDS} s lang Abrufe der "
        "geänderten Seite ohne Anmeldung über jeden Weg (beide Instanzen, Varnish).",
        "",
        "| Phase | Anfragen | Fehler | an falsches Publikum | verloren | Einzelheiten |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
    ]
    failed = False
    for row in drill.rows:
        if row["phase"].startswith("Ende"):
            continue
        name = row["phase"]
        watches = row["watches"]
        errors_by_kind = Counter(
            {kind: n for (phase, kind), n in drill.load.errors.items() if phase == name}
        )
        for watch in watches:
            errors_by_kind.update(watch.errors())
        errors = sum(errors_by_kind.values())
        requests = drill.load.requests[name] + sum(sum(w.answers.values()) for w in watches)
        leaks = sum(watch.leaks for watch in watches)
        details = [
            *row["notes"],
            *(watch.summary() for watch in watches),
            *(f"{n}× {kind}" for kind, n in sorted(errors_by_kind.items())),
        ]
        lines.append(
            f"| {name} | {requests} | {errors} | {leaks} | {row['lost']} | "
            f"{'; '.join(details) or '–'} |"
        )
        if leaks or row["lost"] or (errors and name not in ERRORS_EXPECTED):
            failed = True
    lines += [
        "",
        f"Prozesse ohne Neustart von Hand noch am Leben: {drill.alive}",
        f"/healthz/ am Ende: {health}",
    ]
    if not all(drill.alive.values()) or '"waiting": 0' not in health:
        failed = True
    lines += ["", "Ergebnis: " + ("FEHLER" if failed else "bestanden")]
    return lines, failed


def main():
    ARTIFACTS.mkdir(exist_ok=True)
    started = time.monotonic()
    with (ARTIFACTS / "fault-drill.log").open("w") as log, PrivateServices("faults") as services:
        drill, health, _ = run_drill(services, log)
    lines, failed = report(drill, health)
    lines.insert(1, f"Dauer: {time.monotonic() - started:.0f} s. Protokoll: "
                    "test-artifacts/fault-drill.log.")  # fmt: skip
    RESULTS.write_text("\n".join(lines) + "\n")
    print("\n" + "\n".join(lines))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
