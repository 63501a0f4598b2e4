import datetime as dt
import itertools

from django.utils import timezone

import factory
import wagtail_factories

from taxonomy.models import District, Municipality, Topic
from workgroups.models import (
    BERLIN,
    EventIndexPage,
    InfoSessionPage,
    MeetingPage,
    WorkingGroupPage,
    WorkshopPage,
)

from .registrations import registration_settings


class TopicFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Handlungsfeld {n}")
    slug = factory.Sequence(lambda n: f"handlungsfeld-{n}")

    class Meta:
        model = Topic
        django_get_or_create = ("slug",)


class WorkingGroupPageFactory(wagtail_factories.PageFactory):
    title = "Die neuen Kommunen ohne Grenzen"
    slug = factory.Sequence(lambda n: f"arbeitskreis-{n}")
    tagline = "Verwaltungskooperation | Zusammenarbeit"
    intro = "Verwaltungen arbeiten zusammen."

    class Meta:
        model = WorkingGroupPage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Termine"
    slug = "termine"

    class Meta:
        model = EventIndexPage


def in_days(days, hour=10):
    """A Berlin-time datetime ``days`` from today at ``hour`` o'clock."""
    day = timezone.localdate() + dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(hour), tzinfo=BERLIN)


# One counter for all event types, so slugs never collide under one working group.
_event_numbers = itertools.count()


class EventFactoryMixin(factory.Factory):
    number = factory.LazyFunction(lambda: next(_event_numbers))
    title = factory.LazyAttribute(lambda event: f"Veranstaltung {event.number}")
    slug = factory.LazyAttribute(lambda event: f"veranstaltung-{event.number}")
    intro = "Worum es geht."
    start = factory.LazyFunction(lambda: in_days(14))
    end = factory.LazyAttribute(lambda event: event.start + dt.timedelta(hours=2))
    attendance_mode = "in_person"
    venue_name = "Rathaus"
    street = "Marienplatz 1"
    postal_code = "33098"
    city = "Paderborn"
    # As if published through the admin, which stamps these dates.
    first_published_at = factory.LazyFunction(timezone.now)
    last_published_at = factory.LazyFunction(timezone.now)
    registration = factory.PostGeneration(registration_settings)


class MeetingPageFactory(EventFactoryMixin, wagtail_factories.PageFactory):
    class Meta:
        model = MeetingPage
        exclude = ("number",)
        skip_postgeneration_save = True


class WorkshopPageFactory(EventFactoryMixin, wagtail_factories.PageFactory):
    moderation = "Geschäftsstelle"

    class Meta:
        model = WorkshopPage
        exclude = ("number",)
        skip_postgeneration_save = True


class InfoSessionPageFactory(EventFactoryMixin, wagtail_factories.PageFactory):
    class Meta:
        model = InfoSessionPage
        exclude = ("number",)
        skip_postgeneration_save = True


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Musterstadt {n}")
    district = District.PADERBORN
