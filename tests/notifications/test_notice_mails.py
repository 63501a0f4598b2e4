"""Followers hear of new events, changes and materials once, by mails a mail program reads as
intended, delivered through the production queue to a real SMTP server."""

import re
import urllib.parse

from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from notifications import follows
from notifications.models import MailPreference, Notice, WorkingGroupFollow
from notifications.tasks import dispatch_due_notices, send_weekly_digests
from registrations.models import Registration, RegistrationStatus
from tests.factories import MeetingPageFactory, UserFactory, in_days
from tests.factories.documents import pdf_document
from tests.mailserver import MailServer, pauses_pass, run_queue
from workgroups.models import EventMaterial

pytestmark = pytest.mark.usefixtures("migrated_database")


@pytest.fixture
def mail_server(settings):
    settings.NOTICE_QUIET_PERIOD = 300
    with MailServer.down(settings) as server:
        server.start()
        yield server


@pytest.fixture
def follower(working_group):
    member = UserFactory(
        username="mia", first_name="Mia", last_name="Mitglied", groups=["Mitglieder"]
    )
    follows.follow(member, working_group)
    return member


def editing_rests():
    """The quiet period is over: pending notices and their dispatch become due, and the worker
    runs (mail deliveries included)."""
    now = timezone.now()
    Notice.objects.filter(dispatched_at__isnull=True).update(due_at=now)
    DBTaskResult.objects.filter(status=TaskResultStatus.READY).update(run_after=now)
    run_queue()
    pauses_pass()
    run_queue()


def publish_new_event(working_group, **fields):
    event = MeetingPageFactory(parent=working_group, live=False, start=in_days(30), **fields)
    event.save_revision().publish()
    return event


def text_of(message):
    return message.get_body(preferencelist=("plain",)).get_content()


def html_of(message):
    return message.get_body(preferencelist=("html",)).get_content()


def test_a_new_event_reaches_followers_once_with_a_one_click_unsubscribe(
    mail_server, working_group, follower
):
    bystander = UserFactory(username="otto", groups=["Mitglieder"])

    event = publish_new_event(working_group, title="Treffen Mobiles Arbeiten")
    run_queue()
    assert mail_server.received == []  # the editing has not come to rest yet
    editing_rests()
    editing_rests()

    (message,) = mail_server.messages_to(follower.email)
    assert str(message["Subject"]).strip() == "Neue Veranstaltung: Treffen Mobiles Arbeiten"
    assert mail_server.messages_to(bystander.email) == []
    assert "Sie bekommen diese E-Mail, weil Sie dem Arbeitskreis" in text_of(message)
    assert f'href="{event.get_full_url()}"' in html_of(message)
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = re.fullmatch(r"<(https?://[^>]+)>", str(message["List-Unsubscribe"]).strip())[1]
    assert unsubscribe in text_of(message)

    # The mail program's one-click POST: no login, no CSRF token (RFC 8058).
    path = urllib.parse.urlsplit(unsubscribe).path
    response = Client(enforce_csrf_checks=True).post(path, {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    follow = WorkingGroupFollow.objects.get(user=follower)
    assert not follow.gets_mail  # still followed: the events stay in the personal calendar
    event.title = "Treffen Mobiles Arbeiten (neuer Raum)"
    event.start = in_days(31)
    event.end = None
    event.save_revision().publish()
    editing_rests()
    assert len(mail_server.messages_to(follower.email)) == 1


def test_five_saves_in_a_minute_make_one_mail(mail_server, working_group, follower):
    event = publish_new_event(working_group, title="Klausur")
    editing_rests()
    mail_server.received.clear()

    for hour in range(9, 14):
        event.start = in_days(40, hour=hour)
        event.end = None
        event.save_revision().publish()
    editing_rests()

    (message,) = mail_server.messages_to(follower.email)
    assert str(message["Subject"]).strip() == "Geändert: Klausur"
    assert "13:00" in text_of(message)  # the event as it is now


def test_nobody_hears_of_what_they_turned_off_may_not_see_or_registered_for(
    mail_server, working_group, follower
):
    quiet = UserFactory(username="ruhig", groups=["Mitglieder"])
    follows.follow(quiet, working_group)
    WorkingGroupFollow.objects.filter(user=quiet).update(new_events=False)
    editor_only = MeetingPageFactory(
        parent=working_group, live=False, start=in_days(30), title="Intern"
    )
    restriction = PageViewRestriction.objects.create(page=editor_only, restriction_type="groups")
    restriction.groups.set(Group.objects.filter(name="Redaktion"))
    editor_only.save_revision().publish()
    visible = publish_new_event(working_group, title="Offen")
    editing_rests()

    assert mail_server.subjects_to(follower.email) == ["Neue Veranstaltung: Offen"]
    assert mail_server.subjects_to(quiet.email) == []

    # Registered followers get the updated invitation, not a second mail about the change.
    Registration.objects.create(
        event=visible,
        user=follower,
        name="Mia",
        email=follower.email,
        status=RegistrationStatus.CONFIRMED,
        attendance="in_person",
        sequence_sent=visible.ical_sequence,
    )
    mail_server.received.clear()
    visible.start = in_days(33)
    visible.end = None
    visible.save_revision().publish()
    editing_rests()
    assert mail_server.subjects_to(follower.email) == ["Geändert: Offen"]
    (update,) = mail_server.messages_to(follower.email)  # the invitation update itself
    (calendar_part,) = [p for p in update.walk() if p.get_content_type() == "text/calendar"]
    assert calendar_part.get_param("method") == "REQUEST"


def test_a_deleted_account_gets_nothing(mail_server, working_group, follower):
    publish_new_event(working_group, title="Nach dem Löschen")
    follower.delete()

    editing_rests()

    assert mail_server.received == []


def test_new_materials_are_announced_with_their_titles(mail_server, working_group, follower):
    event = publish_new_event(working_group, title="Treffen mit Protokoll")
    editing_rests()
    mail_server.received.clear()

    protocol = pdf_document("Protokoll vom Treffen", kind="protocol")
    EventMaterial.objects.create(page=event, document=protocol)
    event.save_revision().publish()
    event.save_revision().publish()
    editing_rests()

    (message,) = mail_server.messages_to(follower.email)
    assert str(message["Subject"]).strip() == "Neue Unterlagen: Treffen mit Protokoll"
    assert "Protokoll vom Treffen" in text_of(message)


def test_the_weekly_overview_gathers_what_single_mails_would_have_said(
    mail_server, working_group, follower
):
    MailPreference.objects.create(user=follower, delivery="weekly")
    publish_new_event(working_group, title="Erstes Treffen")
    publish_new_event(working_group, title="Zweites Treffen")
    editing_rests()
    assert mail_server.received == []

    send_weekly_digests.enqueue()
    editing_rests()
    send_weekly_digests.enqueue()  # a second run the same week sends nothing more
    editing_rests()

    assert mail_server.subjects_to(follower.email) == [
        "Ihre Wochenübersicht: 2 Neuigkeiten aus den Arbeitskreisen"
    ]
    (message,) = mail_server.messages_to(follower.email)
    assert "Erstes Treffen" in text_of(message) and "Zweites Treffen" in text_of(message)
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_with_the_mail_server_down_the_news_arrives_when_it_is_back(
    settings, working_group, follower
):
    settings.NOTICE_QUIET_PERIOD = 300
    with MailServer.down(settings) as server:
        publish_new_event(working_group, title="Während der Störung")
        editing_rests()
        assert server.received == []

        server.start()
        editing_rests()

        assert server.subjects_to(follower.email) == ["Neue Veranstaltung: Während der Störung"]


def _queries_to_dispatch_to(followers, working_group, title):
    for number in range(followers):
        member = UserFactory(username=f"{title}-{number}", groups=["Mitglieder"])
        follows.follow(member, working_group)
        MailPreference.objects.create(user=member, delivery="weekly")
    publish_new_event(working_group, title=title)
    Notice.objects.filter(dispatched_at__isnull=True).update(due_at=timezone.now())
    with CaptureQueriesContext(connection) as queries:
        dispatch_due_notices.call()
    return len(queries)


def test_the_dispatch_reads_followers_together_not_one_by_one(mail_server, working_group):
    """What decides about a follower (account, groups, mail preference, the page's rules) is
    read for all of them at once; each costs only the line kept for their weekly overview."""
    few = _queries_to_dispatch_to(2, working_group, "wenige")
    Notice.objects.all().delete()
    WorkingGroupFollow.objects.all().delete()
    many = _queries_to_dispatch_to(6, working_group, "viele")

    per_overview_line = 4  # DigestItem.get_or_create: look up, then insert within a savepoint
    assert many - few == 4 * per_overview_line
