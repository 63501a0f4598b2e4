"""Writes the working groups, topics, demo PDFs and events (used by ``load_demo``)."""

import datetime as dt

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from board.models import BoardPage, CooperationEntry
from documents.models import MembersAreaPage
from home.members import MEMBER_GROUPS
from registrations.models import Registration, RegistrationStatus
from workgroups.models import (
    BERLIN,
    EventIndexPage,
    EventMaterial,
    EventPage,
    EventSpeaker,
    InfoSessionPage,
    MeetingPage,
    Municipality,
    Topic,
    WorkingGroupPage,
    WorkshopPage,
)

from . import events as data
from .images import ensure_illustration
from .pdf import make_pdf

EVENT_CLASSES = {"meeting": MeetingPage, "workshop": WorkshopPage, "info": InfoSessionPage}


def ensure_municipalities():
    for name, kind, district in data.MUNICIPALITIES:
        Municipality.objects.get_or_create(name=name, defaults={"kind": kind, "district": district})


def _new_board_entry(values, **extra):
    """A saved entry from a row like ``data.BOARD_ENTRIES``, or None if it exists already."""
    kind, title, town, topic_slugs, legal_form, phase, description = values
    if CooperationEntry.objects.filter(title=title).exists():
        return None
    municipality = Municipality.objects.get(name=town)
    entry = CooperationEntry(
        kind=kind,
        title=title,
        municipality=municipality,
        description=description,
        legal_form=legal_form,
        phase=phase,
        contact_name=f"Ansprechperson {municipality.name}",
        contact_email=f"kooperation@{slugify(municipality.name)}.example.org",
        contact_phone="+49 5251 000000",
        valid_until=timezone.localdate() + dt.timedelta(days=180),
        **extra,
    )
    entry.save()
    entry.topics.set(Topic.objects.filter(slug__in=topic_slugs))
    entry.save()  # parental many-to-many relations are written on save
    return entry


def ensure_board_entries():
    """At least six live offers and requests on the seed's topics (idempotent by title)."""
    for values in data.BOARD_ENTRIES:
        entry = _new_board_entry(values)
        if entry is not None:
            entry.save_revision().publish()


def ensure_pending_submission(member):
    """One entry by the demo member that waits in the moderation workflow."""
    entry = _new_board_entry(data.PENDING_SUBMISSION, live=False, submitted_by=member)
    if entry is not None:
        entry.save_revision(user=member)
        entry.get_workflow().start(entry, member)


def ensure_topics():
    for name, slug in data.TOPICS:
        Topic.objects.get_or_create(slug=slug, defaults={"name": name})
    return {topic.slug: topic for topic in Topic.objects.all()}


def ensure_members_collection():
    """The collection for protocols: downloadable by members and the editorial team only."""
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=data.MEMBERS_COLLECTION).first()
    if collection is None:
        collection = root.add_child(name=data.MEMBERS_COLLECTION)
    if not CollectionViewRestriction.objects.filter(collection=collection).exists():
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
        restriction.groups.set(Group.objects.filter(name__in=MEMBER_GROUPS))
    return collection


def ensure_document(title, kind, paragraphs, collection):
    document_model = get_document_model()
    document = document_model.objects.filter(title=title).first()
    if document is not None and document.collection_id != collection.pk:
        document.collection = collection
        document.save(update_fields=["collection"])
    if document is None:
        document = document_model(title=title, kind=kind, collection=collection)
        if kind == "protocol":
            paragraphs = [*paragraphs, *data.PROTOCOL_APPENDIX]
        pdf = make_pdf(title, paragraphs)
        document.file.save(f"{slugify(title)[:80]}.pdf", ContentFile(pdf), save=False)
        document.file_size = len(pdf)
        document.save()
    return document


def _publish(page):
    page.save_revision().publish()
    return page


def ensure_working_group(home, fields, topics):
    group = WorkingGroupPage.objects.child_of(home).filter(slug=fields["slug"]).first()
    if group is None:
        title, palette = fields["title"], fields.get("palette", "blau")
        group = home.add_child(
            instance=WorkingGroupPage(
                title=title,
                slug=fields["slug"],
                tagline=fields["tagline"],
                intro=fields["intro"],
                contact_name="Geschäftsstelle",
                contact_phone="+49 5251.88-12597",
                image=ensure_illustration(
                    f"Illustration {title}",
                    f"Grafik: verbundene Punkte als Sinnbild für den Arbeitskreis „{title}“",
                    fields["slug"],
                    palette,
                ),
            )
        )
        group.topics.set([topics[slug] for slug in fields["topics"]])
        _publish(group)
    return group


def _event_instance(fields, start, end, all_day):
    model = EVENT_CLASSES[fields["type"]]
    values = {
        "title": fields["title"],
        "slug": fields["slug"],
        "intro": fields["intro"],
        "start": start,
        "end": end,
        "all_day": all_day,
        "attendance_mode": fields["attendance_mode"],
        "venue_name": fields.get("venue_name", ""),
        "postal_code": fields.get("postal_code", ""),
        "city": fields.get("city", ""),
        "online_url": fields.get("online_url", ""),
        "body": fields.get("body", []),
        "agenda": [
            ("item", {"title": title, "note": note}) for title, note in fields.get("agenda", [])
        ],
    }
    if "registration" in fields:
        values.update(registration_enabled=True, **fields["registration"])
    if model is MeetingPage:
        values.update(meeting_kind=fields["meeting_kind"], outcomes=fields.get("outcomes", ""))
    elif model is WorkshopPage:
        values["moderation"] = fields.get("moderation", "")
    else:
        values["questions"] = [("question", question) for question in fields.get("questions", [])]
    return model(**values)


def ensure_event(group, fields, start, end, all_day, topics, collection, members_collection):
    existing = group.get_children().filter(slug=fields["slug"]).first()
    if existing is not None:
        # Keep the demo's protocols members-only, also in databases built before that rule.
        for title, kind, paragraphs in fields.get("documents", []):
            if kind == "protocol":
                ensure_document(title, kind, paragraphs, members_collection)
        return None
    event = _event_instance(fields, start, end, all_day)
    event.topics.set([topics[slug] for slug in fields["topics"]])
    documents = {
        title: ensure_document(
            title, kind, paragraphs, members_collection if kind == "protocol" else collection
        )
        for title, kind, paragraphs in fields.get("documents", [])
    }
    event.materials = [EventMaterial(document=document) for document in documents.values()]
    event.speakers = [
        EventSpeaker(
            name=name,
            role=role,
            organisation=organisation,
            topic=topic,
            presentation=documents.get(presentation_title),
        )
        for name, role, organisation, topic, presentation_title in fields.get("speakers", [])
    ]
    group.add_child(instance=event)
    return _publish(event)


def _upcoming_times(days, hour, minutes):
    day = timezone.localdate() + dt.timedelta(days=days)
    start = dt.datetime.combine(day, dt.time(hour, 0), tzinfo=BERLIN)
    return start, start + dt.timedelta(minutes=minutes)


def ensure_child_page(parent, page_class, **fields):
    """The parent's child of this type, created and published on the first run only."""
    page = page_class.objects.child_of(parent).first()
    if page is None:
        page = parent.add_child(instance=page_class(show_in_menus=True, **fields))
        _publish(page)
    return page


def ensure_events_index(home):
    return ensure_child_page(
        home,
        EventIndexPage,
        title="Termine",
        slug="termine",
        intro=(
            "Alle Arbeitskreistreffen, Fachwerkstätten und Informationsveranstaltungen "
            "der vier Aktionsfelder – zum Filtern, Blättern und Abonnieren."
        ),
    )


def ensure_board_page(home):
    return ensure_child_page(
        home,
        BoardPage,
        title="Kooperationsbörse",
        slug="kooperationsboerse",
        intro=(
            "Angebote und Nachfragen interkommunaler Zusammenarbeit aus den "
            "Mitgliedskommunen – so, wie es sich der Arbeitskreis im Dezember 2019 "
            "gewünscht hat."
        ),
    )


def ensure_members_area(home):
    """The Mitgliederbereich, visible to the member groups only."""
    area = ensure_child_page(
        home,
        MembersAreaPage,
        title="Mitgliederbereich",
        slug="mitgliederbereich",
        intro=(
            "Protokolle und weitere Unterlagen der Arbeitskreise, die nur für die "
            "Mitgliedskommunen bestimmt sind."
        ),
    )
    if not PageViewRestriction.objects.filter(page=area).exists():
        restriction = PageViewRestriction.objects.create(
            page=area, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.set(Group.objects.filter(name__in=MEMBER_GROUPS))
    return area


def build(home):
    """Create what is missing; existing pages, topics and documents are left alone."""
    topics = ensure_topics()
    ensure_municipalities()
    ensure_board_entries()
    collection = Collection.get_first_root_node()
    members_collection = ensure_members_collection()
    seed_group = ensure_working_group(home, data.SEED_GROUP, topics)
    groups = {seed_group.slug: seed_group}
    for fields in data.OTHER_GROUPS:
        group = ensure_working_group(home, fields, topics)
        groups[group.slug] = group
    for fields in data.SEED_EVENTS:
        day = dt.date(*fields["date"])
        start = dt.datetime.combine(day, dt.time.min, tzinfo=BERLIN)
        end = dt.datetime.combine(day, dt.time(23, 59, 59), tzinfo=BERLIN)
        ensure_event(seed_group, fields, start, end, True, topics, collection, members_collection)
    for days, hour, minutes, fields in data.UPCOMING_EVENTS:
        start, end = _upcoming_times(days, hour, minutes)
        ensure_event(seed_group, fields, start, end, False, topics, collection, members_collection)
    days, hour, minutes, fields = data.MOBILITY_EVENT
    start, end = _upcoming_times(days, hour, minutes)
    ensure_event(
        groups["die-neue-mobilitaet"],
        fields,
        start,
        end,
        False,
        topics,
        collection,
        members_collection,
    )
    ensure_registrations(seed_group)
    ensure_events_index(home)
    ensure_board_page(home)
    ensure_members_area(home)
    link_home_cards(home, groups)
    return groups


def ensure_registrations(group):
    """Registrations for the upcoming demo events: one nearly full, one with a waiting list.

    Written directly (no e-mails); only for events that have none yet.
    """
    events = {event.slug: event for event in EventPage.objects.child_of(group)}
    names = [f"{first} {last}" for last in data.LAST_NAMES for first in data.FIRST_NAMES]
    municipalities = list(Municipality.objects.values_list("name", flat=True))
    number = 0
    for slug, attendance, confirmed, waiting in data.REGISTRATIONS:
        event = events.get(slug)
        if event is None or event.registrations.filter(attendance=attendance).exists():
            continue
        rows = []
        for position in range(confirmed + waiting):
            name = names[number % len(names)]
            rows.append(
                Registration(
                    event=event,
                    name=name,
                    email=f"{slugify(name)}.{number}@example.org",
                    organisation=f"Stadt {municipalities[number % len(municipalities)]}",
                    attendance=attendance,
                    status=(
                        RegistrationStatus.CONFIRMED
                        if position < confirmed
                        else RegistrationStatus.WAITING
                    ),
                    confirmed_at=timezone.now() if position < confirmed else None,
                    sequence_sent=event.ical_sequence,
                )
            )
            number += 1
        Registration.objects.bulk_create(rows)


def link_home_cards(home, groups):
    """Point the home page's working-field cards at the pages, where not yet linked."""
    by_title = {group.title: group for group in groups.values()}
    changed = False
    blocks = []
    for block in home.working_fields:
        value = dict(block.value)
        if not value.get("page") and value["title"] in by_title:
            value["page"] = by_title[value["title"]]
            changed = True
        blocks.append(("working_field", value))
    if changed:
        home.working_fields = blocks
        _publish(home)
