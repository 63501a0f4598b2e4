import datetime as dt

from django.utils import timezone

import factory

from board.models import CooperationEntry, EntryKind
from board.terms import match_terms_for

from .workgroups import MunicipalityFactory


class CooperationEntryFactory(factory.django.DjangoModelFactory):
    """A live, open entry valid for 90 days; pass ``topics=[...]`` and ``live=False`` as needed."""

    class Meta:
        model = CooperationEntry
        skip_postgeneration_save = True

    kind = EntryKind.OFFER
    title = factory.Sequence(lambda n: f"Eintrag {n}")
    municipality = factory.SubFactory(MunicipalityFactory)
    description = factory.LazyAttribute(lambda entry: f"Beschreibung zu {entry.title}.")
    contact_name = "Frau Beispiel"
    contact_email = "kontakt@beispiel.example.org"
    contact_phone = "05251 123"
    valid_until = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=90))
    live = True

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)
            self.save()  # parental many-to-many relations are written on save


def bulk_entries(count, *, municipality, topic, kind=EntryKind.OFFER, prefix="Massen"):
    """``count`` live entries in a few queries, for query-count tests at board scale."""
    valid_until = timezone.localdate() + dt.timedelta(days=90)
    entries = [
        CooperationEntry(
            kind=kind,
            title=f"{prefix} {number}",
            slug=f"{prefix.lower()}-{kind}-{number}",
            municipality=municipality,
            description=f"{prefix} Beschreibung {number} über Vergabe und Beschaffung.",
            contact_name="Herr Beispiel",
            contact_email="beispiel@example.org",
            valid_until=valid_until,
            live=True,
        )
        for number in range(count)
    ]
    for entry in entries:
        entry.match_terms = match_terms_for(entry)
    created = CooperationEntry.objects.bulk_create(entries)
    CooperationEntry.topics.through.objects.bulk_create(
        CooperationEntry.topics.through(cooperationentry_id=entry.pk, topic_id=topic.pk)
        for entry in created
    )
    return created
