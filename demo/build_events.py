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
from documents.pdf_writer import make_pdf
from home.members import MEMBER_GROUPS
from registrations.models import Registration, RegistrationSettings, RegistrationStatus
from taxonomy.models import Municipality, Topic
from workgroups.models import (
    BERLIN,
    AgendaItem,
    Agreement,
    EventIndexPage,
    EventMaterial,
    EventPage,
    EventSpeaker,
    InfoSessionPage,
    MeetingPage,
    WorkingGroupPage,
    WorkshopPage,
)

from . import content
from . import events as data
from .images import ensure_illustration
from .records import (
    DemoAllDay,
    DemoBoardEntry,
    DemoDocument,
    DemoEvent,
    DemoGroup,
    DemoInfoSession,
    DemoMeeting,
    DemoWorkshop,
)


def ensure_municipalities():
    for town in data.MUNICIPALITIES:
        Municipality.objects.get_or_create(
            name=town.name, defaults={"kind": town.kind, "district": town.district}
        )


def _new_board_entry(demo: DemoBoardEntry, **extra):
    """A saved entry from a record like those in ``data.BOARD_ENTRIES``, or None if it exists."""
    if CooperationEntry.objects.filter(title=demo.title).exists():
        return None
    municipality = Municipality.objects.get(name=demo.municipality)
    entry = CooperationEntry(
        kind=demo.kind,
        title=demo.title,
        municipality=municipality,
        description=demo.description,
        legal_form=demo.legal_form,
        phase=demo.phase,
        contact_name=f"Ansprechperson {municipality.name}",
        contact_email=f"kooperation@{slugify(municipality.name)}.example.org",
        contact_phone="+49 5251 000000",
        valid_until=timezone.localdate() + dt.timedelta(days=180),
        **extra,
    )
    entry.save()
    entry.topics.set(Topic.objects.filter(slug__in=demo.topics))
    entry.save()  # parental many-to-many relations are written on save
    return entry


def ensure_board_entries():
    """At least six live offers and requests on the seed's topics (idempotent by title)."""
    for demo_entry in data.BOARD_ENTRIES:
        entry = _new_board_entry(demo_entry)
        if entry is not None:
            entry.save_revision().publish()


def ensure_pending_submission(member):
    """One entry by the demo member that waits in the moderation workflow."""
    entry = _new_board_entry(data.PENDING_SUBMISSION, live=False, submitted_by=member)
    if entry is not None:
        entry.save_revision(user=member)
        entry.get_workflow().start(entry, member)


def ensure_topics():
    for topic in data.TOPICS:
        Topic.objects.get_or_create(slug=topic.slug, defaults={"name": topic.name})
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


def ensure_document(demo: DemoDocument, collection):
    document_model = get_document_model()
    document = document_model.objects.filter(title=demo.title).first()
    if document is not None and document.collection_id != collection.pk:
        document.collection = collection
        document.save(update_fields=["collection"])
    if document is None:
        document = document_model(title=demo.title, kind=demo.kind, collection=collection)
        paragraphs = [*demo.paragraphs]
        if demo.kind == "protocol":
            paragraphs += data.PROTOCOL_APPENDIX
        pdf = make_pdf(demo.title, paragraphs)
        document.file.save(f"{slugify(demo.title)[:80]}.pdf", ContentFile(pdf), save=False)
        document.file_size = len(pdf)
        document.save()
    return document


def _publish(page):
    page.save_revision().publish()
    return page


def ensure_working_group(home, demo: DemoGroup, topics):
    group = WorkingGroupPage.objects.child_of(home).filter(slug=demo.slug).first()
    if group is None:
        group = home.add_child(
            instance=WorkingGroupPage(
                title=demo.title,
                slug=demo.slug,
                tagline=demo.tagline,
                intro=demo.intro,
                # The seed names no one for the working groups: the office is the contact,
                # with the association's public number and (placeholder) address.
                contact_role=content.CONTACT_ROLE,
                contact_phone=content.PHONE,
                contact_email=content.EMAIL,
                image=ensure_illustration(
                    f"Illustration {demo.title}",
                    f"Grafik: verbundene Punkte als Sinnbild für den Arbeitskreis „{demo.title}“",
                    demo.slug,
                    demo.palette,
                ),
            )
        )
        group.topics.set([topics[slug] for slug in demo.topics])
        _publish(group)
    return group


def _event_times(demo: DemoEvent):
    """Start, end and all-day flag; upcoming events count from the day the demo is built."""
    when = demo.when
    if isinstance(when, DemoAllDay):
        start = dt.datetime.combine(when.date, dt.time.min, tzinfo=BERLIN)
        end = dt.datetime.combine(when.date, dt.time(23, 59, 59), tzinfo=BERLIN)
        return start, end, True
    day = timezone.localdate() + dt.timedelta(days=when.days_from_today)
    start = dt.datetime.combine(day, dt.time(when.hour, 0), tzinfo=BERLIN)
    return start, start + dt.timedelta(minutes=when.duration_minutes), False


def _event_instance(demo: DemoEvent):
    start, end, all_day = _event_times(demo)
    fields = {
        "title": demo.title,
        "slug": demo.slug,
        "intro": demo.intro,
        "start": start,
        "end": end,
        "all_day": all_day,
        "attendance_mode": demo.attendance_mode,
        "venue_name": demo.venue_name,
        "street": demo.street,
        "postal_code": demo.postal_code,
        "city": demo.city,
        "venue_directions": demo.venue_directions,
        "venue_accessibility": demo.venue_accessibility,
        "online_url": demo.online_url,
        "body": list(demo.body),
    }
    if demo.registration is not None:
        registration = demo.registration
        fields.update(
            registration_settings=[
                RegistrationSettings(
                    audience=registration.audience,
                    capacity_in_person=registration.capacity_in_person,
                    capacity_online=registration.capacity_online,
                )
            ],
            contact_name=registration.contact_name,
            contact_email=registration.contact_email,
            contact_phone=registration.contact_phone,
        )
    # The record's class decides the page type; a record of no known kind fails here.
    match demo:
        case DemoMeeting():
            model = MeetingPage
            fields.update(
                meeting_kind=demo.meeting_kind,
                outcomes=demo.outcomes,
                minutes_audience=demo.minutes_audience,
                agreements=[
                    Agreement(
                        task=agreement.task,
                        municipality=Municipality.objects.filter(
                            name=agreement.municipality
                        ).first(),
                        due=agreement.due,
                        done_on=agreement.done_on,
                        sort_order=place,
                    )
                    for place, agreement in enumerate(demo.agreements)
                ],
            )
        case DemoWorkshop():
            model = WorkshopPage
            fields["moderation"] = demo.moderation
        case DemoInfoSession():
            model = InfoSessionPage
            fields["questions"] = [("question", question) for question in demo.questions]
        case _:
            raise TypeError(f"Keine Seitenart für {type(demo).__name__}")
    return model(**fields)


def ensure_event(group, demo: DemoEvent, topics, collection, members_collection):
    existing = group.get_children().filter(slug=demo.slug).first()
    if existing is not None:
        # Keep the demo's protocols members-only, also in databases built before that rule.
        for document in demo.documents:
            if document.kind == "protocol":
                ensure_document(document, members_collection)
        return None
    event = _event_instance(demo)
    event.topics.set([topics[slug] for slug in demo.topics])
    documents = {
        document.title: ensure_document(
            document,
            members_collection
            if document.kind == "protocol" or document.members_only
            else collection,
        )
        for document in demo.documents
    }
    # Documents of an agenda item are listed under that item, not again among the materials.
    of_items = {title for item in demo.agenda for title in item.materials}
    event.materials = [
        EventMaterial(document=document)
        for title, document in documents.items()
        if title not in of_items
    ]
    municipalities = {
        municipality.name: municipality for municipality in Municipality.objects.all()
    }
    event.agenda_items = [
        AgendaItem(
            title=item.title,
            note=item.note,
            presenter=item.presenter,
            municipality=municipalities.get(item.municipality),
            materials=[
                ("material", {"document": documents[title], "title": ""})
                for title in item.materials
            ],
            result=item.result,
            sort_order=place,
        )
        for place, item in enumerate(demo.agenda)
    ]
    event.speakers = [
        EventSpeaker(
            name=speaker.name,
            role=speaker.role,
            organisation=speaker.organisation,
            topic=speaker.topic,
            presentation=documents.get(speaker.presentation),
        )
        for speaker in demo.speakers
    ]
    group.add_child(instance=event)
    return _publish(event)


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
    for demo_group in data.OTHER_GROUPS:
        group = ensure_working_group(home, demo_group, topics)
        groups[group.slug] = group
    for demo_event in [*data.SEED_EVENTS, *data.UPCOMING_EVENTS]:
        ensure_event(seed_group, demo_event, topics, collection, members_collection)
    ensure_event(
        groups["die-neue-mobilitaet"], data.MOBILITY_EVENT, topics, collection, members_collection
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
    for batch in data.REGISTRATIONS:
        event = events.get(batch.event_slug)
        if event is None or event.registrations.filter(attendance=batch.attendance).exists():
            continue
        rows = []
        for position in range(batch.confirmed + batch.waiting):
            confirmed = position < batch.confirmed
            name = names[number % len(names)]
            rows.append(
                Registration(
                    event=event,
                    name=name,
                    email=f"{slugify(name)}.{number}@example.org",
                    organisation=f"Stadt {municipalities[number % len(municipalities)]}",
                    attendance=batch.attendance,
                    status=RegistrationStatus.CONFIRMED
                    if confirmed
                    else RegistrationStatus.WAITING,
                    confirmed_at=timezone.now() if confirmed else None,
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
