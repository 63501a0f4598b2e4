"""Editors publish events in the Wagtail admin."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from tests.factories import (
    HomePageFactory,
    MeetingPageFactory,
    MunicipalityFactory,
    UserFactory,
    WorkingGroupPageFactory,
    in_days,
)
from tests.factories.documents import pdf_document
from workgroups.models import (
    EventPage,
    InfoSessionPage,
    MeetingPage,
    WorkingGroupPage,
    WorkshopPage,
)


def _event_form(**overrides):
    start = in_days(20)
    data = {
        "title": "Arbeitskreistreffen Vergabe",
        "slug": "treffen-vergabe",
        "intro": "Worum es geht.",
        "start": start.strftime("%Y-%m-%d %H:%M"),
        "end": (start + dt.timedelta(hours=2)).strftime("%Y-%m-%d %H:%M"),
        "status": "scheduled",
        "attendance_mode": "in_person",
        "venue_name": "Rathaus",
        "city": "Paderborn",
        "is_free": "on",
        "body": streamfield([]),
        "agenda_items": inline_formset([]),
        "agreements": inline_formset([]),
        "minutes_audience": "members",
        "registration_settings": inline_formset(
            [{"enabled": "on", "audience": "members"}], min=1, max=1
        ),
        "materials": inline_formset([]),
    }
    data.update(overrides)
    return data


class EditorPublishesEventsTest(WagtailPageTestCase):
    def setUp(self):
        home = HomePageFactory(parent=Page.get_first_root_node())
        self.group = WorkingGroupPageFactory(parent=home)
        self.client.force_login(UserFactory(username="redakteurin", groups=["Redaktion"]))

    def test_event_types_live_under_working_groups_only(self):
        for model in (MeetingPage, WorkshopPage, InfoSessionPage):
            self.assertCanCreateAt(WorkingGroupPage, model)
        self.assertCanNotCreateAt(Page, MeetingPage)
        assert not EventPage.is_creatable

    def test_editor_creates_a_meeting_with_agenda_and_outcomes(self):
        paderborn = MunicipalityFactory(name="Stadt Paderborn")
        survey = pdf_document("Umfrage Vergabestelle")
        self.assertCanCreate(
            self.group,
            MeetingPage,
            nested_form_data(
                _event_form(
                    meeting_kind="meeting",
                    outcomes=rich_text("<p>Gemeinsame Vergabestelle wird geprüft.</p>"),
                    agenda_items=inline_formset(
                        [
                            {
                                "title": "Begrüßung",
                                "note": "Kurze Vorstellungsrunde",
                                "presenter": "",
                                "materials": streamfield([]),
                                "result": rich_text(""),
                            },
                            {
                                "title": "Gemeinsame Vergabestelle",
                                "note": "",
                                "presenter": "Herr Meier",
                                "municipality": str(paderborn.pk),
                                "materials": streamfield(
                                    [("material", {"document": survey.pk, "title": "Umfrage"})]
                                ),
                                "result": rich_text("<p>Die Stadt lädt zur Gründung ein.</p>"),
                            },
                        ]
                    ),
                    minutes_audience="everyone",
                    agreements=inline_formset(
                        [
                            {
                                "task": "Entwurf einer Zweckvereinbarung versenden",
                                "municipality": str(paderborn.pk),
                                "due": "2027-01-31",
                                "done_on": "",
                            }
                        ]
                    ),
                )
            ),
        )
        meeting = MeetingPage.objects.get(slug="treffen-vergabe")
        assert meeting.city == "Paderborn"
        assert "Gemeinsame Vergabestelle wird geprüft." in meeting.outcomes
        first, second = meeting.agenda_items.all()
        assert (first.title, first.note) == ("Begrüßung", "Kurze Vorstellungsrunde")
        assert second.presented_by == "Herr Meier (Stadt Paderborn)"
        assert second.material_document_ids() == [survey.pk]
        assert "Die Stadt lädt zur Gründung ein." in second.result
        assert meeting.minutes_audience == "everyone"
        agreement = meeting.agreements.get()
        assert (agreement.responsible, str(agreement.due)) == ("Stadt Paderborn", "2027-01-31")

    def test_editor_creates_a_workshop_with_speakers(self):
        self.assertCanCreate(
            self.group,
            WorkshopPage,
            nested_form_data(
                _event_form(
                    slug="werkstatt",
                    moderation="Geschäftsstelle",
                    speakers=inline_formset(
                        [{"name": "Jürgen Meier", "organisation": "Stadt Paderborn"}]
                    ),
                )
            ),
        )
        assert WorkshopPage.objects.get(slug="werkstatt").speakers.get().name == "Jürgen Meier"

    def test_editor_creates_an_info_session_with_questions(self):
        self.assertCanCreate(
            self.group,
            InfoSessionPage,
            nested_form_data(
                _event_form(
                    slug="info",
                    questions=streamfield([("question", "Was ist mobile Arbeit?")]),
                    programme=streamfield([]),
                )
            ),
        )

        session = InfoSessionPage.objects.get(slug="info")
        assert [block.value for block in session.questions] == ["Was ist mobile Arbeit?"]

    def test_end_before_start_is_refused_with_a_clear_message(self):
        start = in_days(20)
        response = self.client.post(
            reverse("wagtailadmin_pages:add", args=("workgroups", "meetingpage", self.group.pk)),
            nested_form_data(
                _event_form(
                    meeting_kind="meeting",
                    end=(start - dt.timedelta(hours=1)).strftime("%Y-%m-%d %H:%M"),
                )
            ),
        )

        assert response.status_code == 200
        assert "Das Ende liegt vor dem Beginn" in response.content.decode()
        assert not MeetingPage.objects.filter(slug="treffen-vergabe").exists()

    def test_online_event_without_link_is_refused(self):
        response = self.client.post(
            reverse("wagtailadmin_pages:add", args=("workgroups", "meetingpage", self.group.pk)),
            nested_form_data(_event_form(meeting_kind="meeting", attendance_mode="online")),
        )

        assert "Link zur Teilnahme" in response.content.decode()
        assert not MeetingPage.objects.filter(slug="treffen-vergabe").exists()

    def test_preview_shows_the_event(self):
        meeting = MeetingPageFactory(parent=self.group, title="Vorschau-Treffen")
        self.assertPageIsPreviewable(
            meeting,
            post_data=nested_form_data(
                _event_form(title="Vorschau-Treffen", slug=meeting.slug, meeting_kind="meeting")
            ),
        )


@pytest.mark.django_db
def test_dashboard_shows_next_events(client, working_group, editor):
    MeetingPageFactory(parent=working_group, title="Kommendes Treffen", start=in_days(3))
    MeetingPageFactory(parent=working_group, title="Vergangenes Treffen", start=in_days(-3))
    client.force_login(editor)

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Nächste Veranstaltungen" in html
    assert "Kommendes Treffen" in html and "Vergangenes Treffen" not in html


@pytest.mark.django_db
def test_event_listing_in_admin_filters_by_status(client, working_group, editor):
    MeetingPageFactory(parent=working_group, title="Findet statt")
    MeetingPageFactory(parent=working_group, title="Fällt aus", status="cancelled")
    client.force_login(editor)

    everything = client.get("/admin/veranstaltungen/").content.decode()
    cancelled = client.get("/admin/veranstaltungen/", {"status": "cancelled"}).content.decode()

    assert "Findet statt" in everything and "Fällt aus" in everything
    assert "Fällt aus" in cancelled and "Findet statt" not in cancelled


@pytest.mark.django_db
def test_editors_manage_topics(client, editor):
    client.force_login(editor)

    response = client.post(
        reverse("wagtailsnippets_taxonomy_topic:add"),
        {"name": "Bauhof", "slug": "bauhof", "description": ""},
    )

    assert response.status_code == 302
    assert client.get(reverse("wagtailsnippets_taxonomy_topic:list")).status_code == 200


@pytest.mark.django_db
def test_veranstaltung_hinzufuegen_asks_for_working_group_and_type_then_opens_the_form(
    client, working_group, editor
):
    client.force_login(editor)
    listing = client.get("/admin/veranstaltungen/").content.decode()
    assert 'href="/admin/veranstaltungen/choose_parent/"' in listing

    choice = client.get("/admin/veranstaltungen/choose_parent/")

    form_url = reverse(
        "wagtailadmin_pages:add", args=("workgroups", "workshoppage", working_group.pk)
    )
    assert choice.status_code == 200
    html = choice.content.decode()
    assert working_group.title in html
    assert f'href="{form_url}"' in html
    assert html.count(f'/{working_group.pk}/"') == 3  # one link per event type
    form = client.get(form_url)
    assert form.status_code == 200
    assert "Neu: Fachwerkstatt" in form.content.decode()


@pytest.mark.django_db
def test_members_without_admin_rights_get_no_event_choices(client, working_group, member):
    client.force_login(member)

    assert client.get("/admin/veranstaltungen/choose_parent/").status_code == 302


@pytest.mark.django_db
def test_the_dashboard_links_straight_to_the_new_event_forms(client, working_group, editor):
    """Dashboard → form of a new meeting in this working group: one click."""
    client.force_login(editor)

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    form_url = reverse(
        "wagtailadmin_pages:add", args=("workgroups", "meetingpage", working_group.pk)
    )
    assert "Neue Veranstaltung" in html
    assert f'href="{form_url}"' in html


@pytest.mark.django_db
def test_the_event_listing_shows_absolute_start_dates(client, working_group, editor):
    start = timezone.make_aware(dt.datetime(2026, 12, 17, 10, 0))
    MeetingPageFactory(parent=working_group, title="Treffen im Dezember", start=start)
    client.force_login(editor)

    html = client.get("/admin/veranstaltungen/").content.decode()

    assert "Do., 17.12.2026, 10:00" in html


@pytest.mark.django_db
def test_the_type_filter_offers_the_event_types_only(client, working_group, editor):
    MeetingPageFactory(parent=working_group, title="Ein Treffen")
    client.force_login(editor)

    filters = client.get("/admin/veranstaltungen/").context["filters"].form
    offered = {label for _value, label in filters.fields["content_type"].choices}

    assert offered == {"Arbeitskreistreffen", "Fachwerkstatt", "Informationsveranstaltung"}
