"""The site's public content as OParl 1.1 objects: the association is the one Body, each
working group an Organization, each event a Meeting with its Location, AgendaItems and Files.

Only what an anonymous visitor may see goes in: live events outside members-only areas,
documents outside members-only collections, and results of agenda items only where the event's
minutes are for everyone. Agreements have no OParl type and stay on the site.

``published_objects`` builds everything in the order OParl embeds it (files and locations,
then agenda items, then meetings) and hands each object to ``stamp``, which adds its
``created`` and ``modified`` (``oparl/publication.py``), so an embedded object carries the same
timestamps as its own address does.
"""

import mimetypes
import posixpath
from collections import defaultdict

from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.text import normalize_newlines

from documents.access import collection_is_restricted
from documents.models import DocumentKind
from home.models import SiteSettings
from workgroups.formatting import local_time
from workgroups.materials import agenda_with_materials
from workgroups.models import (
    AgendaItem,
    EventMaterial,
    EventPage,
    MinutesAudience,
    WorkingGroupPage,
)

SCHEMA = "https://schema.oparl.org/1.1/"
BODY_ID = 1


def oparl_type(name):
    return f"{SCHEMA}{name}"


class Addresses:
    """Absolute addresses of OParl objects and lists under the site's root URL."""

    def __init__(self, root_url):
        self.root_url = root_url.rstrip("/")

    def __call__(self, name, **kwargs):
        return self.root_url + reverse(f"oparl:{name}", kwargs=kwargs)

    def absolute(self, path):
        return self.root_url + path


def _without_empty(data):
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def _plain_text(html):
    """Rich text as plain text, paragraphs on lines of their own."""
    text = strip_tags(html.replace("</p>", "</p>\n").replace("<br/>", "\n"))
    return normalize_newlines(text).strip()


class PublicContent:
    """What the interface publishes, read from the database in a fixed number of queries."""

    def __init__(self, site):
        self.site = site
        self.url = Addresses(site.root_url)
        self.site_settings = SiteSettings.for_site(site)
        self.groups = list(
            WorkingGroupPage.objects.descendant_of(site.root_page).live().public().order_by("pk")
        )
        group_paths = {group.path: group for group in self.groups}
        self.events = [
            event
            for event in EventPage.objects.live().public().order_by("pk").prefetch_related("topics")
            if event.path[: -EventPage.steplen] in group_paths
        ]
        for event in self.events:
            event.organization = group_paths[event.path[: -EventPage.steplen]]
            event.web = _web(self.url, event, site)
        event_ids = [event.pk for event in self.events]
        self.materials = defaultdict(list)
        for material in EventMaterial.objects.filter(page_id__in=event_ids).select_related(
            "document"
        ):
            if self.is_public(material.document):
                self.materials[material.page_id].append(material.document)
        self.items = defaultdict(list)
        for item in agenda_with_materials(
            AgendaItem.objects.filter(page_id__in=event_ids).order_by("page_id", "sort_order")
        ):
            item.public_documents = [
                material.document
                for material in item.item_materials
                if self.is_public(material.document)
            ]
            self.items[item.page_id].append(item)
        for items in self.items.values():  # numbered within their event
            for number, item in enumerate(items, start=1):
                item.number = number

    @staticmethod
    def is_public(document):
        return not collection_is_restricted(document.collection_id)


def published_objects(site, stamp):
    """Every object the interface publishes for ``site``, as ``(kind, key, organization id,
    data)``, each ``data`` stamped by ``stamp(kind, key, data)``."""
    content = PublicContent(site)
    url = content.url

    # Files: where each document is used, so a file names its meetings and agenda items.
    used_in_meetings, used_in_items, documents = defaultdict(set), defaultdict(set), {}
    for event in content.events:
        for document in content.materials[event.pk]:
            documents[document.pk] = document
            used_in_meetings[document.pk].add(event.pk)
        for item in content.items[event.pk]:
            for document in item.public_documents:
                documents[document.pk] = document
                used_in_items[document.pk].add((event.pk, item.number))
    files = {}
    for pk in sorted(documents):
        data = _file(url, documents[pk], sorted(used_in_meetings[pk]), sorted(used_in_items[pk]))
        files[pk] = stamp("file", str(pk), data)
        yield "file", str(pk), None, files[pk]

    for event in content.events:
        location = None
        if event.is_in_person and event.address_lines:
            location = stamp("location", str(event.pk), _location(url, event))
            yield "location", str(event.pk), None, location
        items = []
        for item in content.items[event.pk]:
            key = f"{event.pk}-{item.number}"
            data = stamp("agendaitem", key, _agenda_item(url, event, item, files))
            items.append(data)
            yield "agendaitem", key, None, data
        data = _meeting(url, event, content.materials[event.pk], files, location, items)
        key = str(event.pk)
        yield "meeting", key, event.organization.pk, stamp("meeting", key, data)

    for group in content.groups:
        data = _organization(url, group, content.site)
        key = str(group.pk)
        yield "organization", key, None, stamp("organization", key, data)
    body = str(BODY_ID)
    yield "body", body, None, stamp("body", body, _body(url, content.site_settings))
    yield "system", "1", None, stamp("system", "1", _system(url, content.site_settings))


def _system(url, site_settings):
    return _without_empty(
        {
            "id": url("system"),
            "type": oparl_type("System"),
            "oparlVersion": SCHEMA,
            "body": url("bodies"),
            "name": site_settings.organisation_name,
            "contactEmail": site_settings.email,
            "website": url.absolute("/"),
        }
    )


def _body(url, site_settings):
    body = {"body_id": BODY_ID}
    return _without_empty(
        {
            "id": url("body", **body),
            "type": oparl_type("Body"),
            "system": url("system"),
            "name": site_settings.organisation_name or "Verbund",
            "website": url.absolute("/"),
            "contactEmail": site_settings.email,
            "classification": "Kommunaler Verbund",
            "organization": url("organizations", **body),
            "person": url("people", **body),
            "meeting": url("meetings", **body),
            "paper": url("papers", **body),
            "agendaItem": url("agenda_items", **body),
            "file": url("files", **body),
            "locationList": url("locations", **body),
            # Required, and the association has no legislative terms: an empty list.
            "legislativeTerm": [],
            "web": url.absolute("/"),
        }
    ) | {"legislativeTerm": []}


def _web(url, page, site):
    return url.absolute(page.relative_url(site))


def _organization(url, group, site):
    return _without_empty(
        {
            "id": url("organization", pk=group.pk),
            "type": oparl_type("Organization"),
            "body": url("body", body_id=BODY_ID),
            "name": group.title,
            "organizationType": "Gremium",
            "classification": "Arbeitskreis",
            "meeting": url("organization_meetings", pk=group.pk),
            "web": _web(url, group, site),
        }
    )


def _location(url, event):
    place = " ".join(part for part in (event.postal_code, event.city) if part)
    return _without_empty(
        {
            "id": url("location", pk=event.pk),
            "type": oparl_type("Location"),
            "description": ", ".join(event.address_lines),
            "room": event.venue_name,
            "streetAddress": event.street,
            "postalCode": event.postal_code,
            "locality": event.city or place,
            "meetings": [url("meeting", pk=event.pk)],
        }
    )


def _file(url, document, meeting_ids, item_ids):
    file_name = posixpath.basename(document.file.name)
    return _without_empty(
        {
            "id": url("file", pk=document.pk),
            "type": oparl_type("File"),
            "name": document.title,
            "fileName": file_name,
            "mimeType": mimetypes.guess_type(file_name)[0] or "application/octet-stream",
            "size": document.file_size,
            "sha1Checksum": document.file_hash,
            "date": document.created_at.date().isoformat(),
            "accessUrl": url.absolute(document.url),
            "meeting": [url("meeting", pk=pk) for pk in meeting_ids],
            "agendaItem": [
                url("agenda_item", meeting=meeting, number=number) for meeting, number in item_ids
            ],
        }
    )


def _agenda_item(url, event, item, files):
    minutes_public = event.minutes_audience == MinutesAudience.EVERYONE
    return _without_empty(
        {
            "id": url("agenda_item", meeting=event.pk, number=item.number),
            "type": oparl_type("AgendaItem"),
            "meeting": url("meeting", pk=event.pk),
            "number": str(item.number),
            "order": item.number,
            "name": item.title,
            "public": True,
            "result": _plain_text(item.result) if minutes_public and item.result else "",
            "auxiliaryFile": [files[document.pk] for document in item.public_documents],
            "web": f"{event.web}#top-{item.number}",
        }
    ) | {"order": item.number}


def _meeting(url, event, documents, files, location, items):
    invitation = next((d for d in documents if d.kind == DocumentKind.PROGRAMME), None)
    protocol = next((d for d in documents if d.kind == DocumentKind.PROTOCOL), None)
    others = [d for d in documents if d not in (invitation, protocol)]
    return _without_empty(
        {
            "id": url("meeting", pk=event.pk),
            "type": oparl_type("Meeting"),
            "name": event.title,
            "cancelled": event.is_cancelled or None,
            "start": local_time(event.start).isoformat(),
            "end": local_time(event.end).isoformat() if event.end else None,
            "location": location,
            "organization": [url("organization", pk=event.organization.pk)],
            "invitation": files[invitation.pk] if invitation else None,
            "resultsProtocol": files[protocol.pk] if protocol else None,
            "auxiliaryFile": [files[document.pk] for document in others],
            "agendaItem": items,
            "keyword": [topic.name for topic in event.topics.all()],
            "web": event.web,
        }
    )
