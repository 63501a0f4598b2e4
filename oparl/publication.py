"""Keeping the OParl records up to date with what the site shows, and reading them.

A request first checks whether the records were made for the current content version and the
site's address (one query after the page cache's own). If not, it rebuilds every object
(``oparl/objects.py``) in one transaction and compares each with its record by a hash of
everything but the timestamps:

- new: ``created`` = ``modified`` = now;
- changed, or back after being gone: ``modified`` = now;
- no longer published (deleted, unpublished, moved into a members-only area, its document made
  members-only): a tombstone with ``deleted: true`` and ``modified`` = now, as the
  specification requires.

An embedded object's timestamps are part of the object that embeds it, so a changed agenda
item also modifies its meeting. Nothing is served from records of an older version: the
rebuild commits with the new state or not at all, and a database that cannot be read serves
nothing (fail closed).
"""

import hashlib
import json

from django.db import transaction
from django.utils import timezone

from operations.page_cache import content_version

from .models import PublicationState, PublishedObject
from .objects import oparl_type, published_objects

#: OParl type of each kind of record.
TYPES = {
    "system": "System",
    "body": "Body",
    "organization": "Organization",
    "meeting": "Meeting",
    "agendaitem": "AgendaItem",
    "file": "File",
    "location": "Location",
}
STATE_ROW = 1


def _digest(data):
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def _timestamp(moment):
    """German time with its offset, to the second, as OParl's examples write it."""
    return timezone.localtime(moment).isoformat(timespec="seconds")


class _Stamper:
    """Adds ``created`` and ``modified`` to each object and notes which records to write."""

    def __init__(self, records, now):
        self.records = records
        self.now = now
        self.changed = []
        self.seen = set()

    def __call__(self, kind, key, data):
        identity = (kind, key)
        self.seen.add(identity)
        digest = _digest(data)
        record = self.records.get(identity)
        if record is None:
            record = PublishedObject(kind=kind, key=key, created=self.now, modified=self.now)
            self.records[identity] = record
        elif record.digest != digest or record.deleted:
            record.modified = self.now
        else:
            return record.data
        record.deleted = False
        record.digest = digest
        record.data = {
            **data,
            "created": _timestamp(record.created),
            "modified": _timestamp(record.modified),
        }
        self.changed.append(record)
        return record.data


def _tombstone(record, now):
    record.deleted = True
    record.modified = now
    record.digest = ""
    record.data = {
        "id": record.data["id"],
        "type": oparl_type(TYPES[record.kind]),
        "created": _timestamp(record.created),
        "modified": _timestamp(now),
        "deleted": True,
    }
    return record


def bring_up_to_date(site):
    """Make the records match the site's public content, if they were made for another
    content version or address (answers whether anything had to be rebuilt)."""
    version = content_version()
    state = PublicationState.objects.filter(pk=STATE_ROW).first()
    if state and state.content_version == version and state.root_url == site.root_url:
        return False
    with transaction.atomic():
        # One rebuild at a time; a request that waited finds the work done.
        state, _created = PublicationState.objects.select_for_update().get_or_create(pk=STATE_ROW)
        if state.content_version == version and state.root_url == site.root_url:
            return False
        now = timezone.now()
        records = {(r.kind, r.key): r for r in PublishedObject.objects.all()}
        stamp = _Stamper(records, now)
        organization_of = {}
        for kind, key, organization_id, _data in published_objects(site, stamp):
            organization_of[(kind, key)] = organization_id
        for record in stamp.changed:
            record.organization_id = organization_of.get((record.kind, record.key))
        gone = [
            _tombstone(record, now)
            for identity, record in records.items()
            if identity not in stamp.seen and not record.deleted
        ]
        new = [record for record in stamp.changed if record.pk is None]
        updated = [record for record in [*stamp.changed, *gone] if record.pk is not None]
        PublishedObject.objects.bulk_create(new)
        PublishedObject.objects.bulk_update(
            updated,
            ["organization_id", "modified", "deleted", "digest", "data"],
            batch_size=500,
        )
        state.content_version = version
        state.root_url = site.root_url
        state.save()
    return True
