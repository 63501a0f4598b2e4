"""The editor's side of the fault drill (`make faults`): one Django process with the site's
production settings that makes an editor's changes when the drill says so.

It is started before a fault and waits, so a change lands inside the fault's few seconds rather
than after Django has booted. It reads one JSON command per line on standard input and answers
one JSON line on standard output:

- ``{"do": "pages"}``: public, live event pages that nothing else in the drill requests;
- ``{"do": "restrict", "page": id}``: the page becomes members-only (group "Mitglieder"), as
  the editor's privacy dialog saves it;
- ``{"do": "unpublish", "page": id}``: the page is taken offline, as the editor's button does;
- ``{"do": "state", "page": id}``: whether the page is live and restricted (did a change last?);
- ``{"do": "save_document"}``: saves a document, which queues background tasks;
- ``{"do": "tasks", "since": iso, "until": iso}``: background tasks queued in that time, by
  status.
"""

import datetime as dt
import json
import sys
import traceback

import django


def pages():
    from django.utils.html import escape

    from wagtail.models import Page

    from workgroups.models import EventPage

    found = Page.objects.live().public().type(EventPage).filter(numchild=0).order_by("path")
    return [
        {"id": page.pk, "url": page.url, "title": page.title, "marker": escape(page.title)}
        for page in found.specific()
    ]


def restrict(page_id):
    from django.contrib.auth.models import Group
    from django.db import transaction

    from wagtail.models import Page, PageViewRestriction

    with transaction.atomic():
        restriction = PageViewRestriction.objects.create(
            page=Page.objects.get(pk=page_id), restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.add(Group.objects.get(name="Mitglieder"))
    return {"restricted": page_id}


def unpublish(page_id):
    from wagtail.models import Page

    Page.objects.get(pk=page_id).specific.unpublish()
    return {"unpublished": page_id}


def state(page_id):
    from wagtail.models import Page, PageViewRestriction

    return {
        "live": Page.objects.get(pk=page_id).live,
        "restricted": PageViewRestriction.objects.filter(page_id=page_id).exists(),
    }


def save_document():
    from wagtail.documents import get_document_model

    get_document_model().objects.order_by("pk").first().save()
    return {"saved": True}


def tasks(since, until):
    from django.db.models import Count

    from django_tasks_db.models import DBTaskResult

    rows = (
        DBTaskResult.objects.filter(
            enqueued_at__gte=dt.datetime.fromisoformat(since),
            enqueued_at__lt=dt.datetime.fromisoformat(until),
        )
        .values("status")
        .annotate(number=Count("id"))
    )
    return {row["status"]: row["number"] for row in rows}


COMMANDS = {
    "pages": lambda command: pages(),
    "restrict": lambda command: restrict(command["page"]),
    "unpublish": lambda command: unpublish(command["page"]),
    "state": lambda command: state(command["page"]),
    "save_document": lambda command: save_document(),
    "tasks": lambda command: tasks(command["since"], command["until"]),
}


def main():
    django.setup()
    from django.db import connection

    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        command = json.loads(line)
        # PostgreSQL may have restarted since the last command: a fresh connection each time.
        connection.close()
        try:
            answer = {"ok": True, "result": COMMANDS[command["do"]](command)}
        except Exception as error:  # noqa: BLE001 (the drill reports it as a lost change)
            answer = {"ok": False, "error": f"{type(error).__name__}: {error}"}
            traceback.print_exc()
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    main()
