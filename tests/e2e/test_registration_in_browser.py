"""Registering in Chromium: a guest takes the last place, a member lands on the waiting list and
registers a colleague, who declines by the link in their mail, the guest cancels and the member
moves up, the editor moves the event and everyone hears."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from registrations.models import Registration, RegistrationSettings
from tests.e2e.conftest import describe, save_screenshot
from workgroups.models import EventPage

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

EVENT_SLUG = "information-foerdermittel"  # demo: 14 registered


def _link(mail, name):
    return re.search(rf"https?://[^/\s]+(/veranstaltungsanmeldung/{name}/[^\s]+/)", mail.body)[1]


def _mails_to(mailoutbox, address):
    return [mail for mail in mailoutbox if mail.to == [address]]


def test_guest_member_waiting_list_promotion_and_update(
    demo_server, browser, page, mailoutbox, axe_violations
):
    event = EventPage.objects.get(slug=EVENT_SLUG)
    RegistrationSettings.objects.filter(event=event).update(
        capacity_in_person=15,  # one place left
        others_may_be_registered=True,
    )
    url = demo_server.url + event.url

    # A guest registers and confirms by the link in the e-mail.
    page.goto(url)
    expect(page.locator(".registration-box")).to_contain_text("noch 1 Platz frei")
    page.get_by_role("link", name="Zur Veranstaltung anmelden").click()
    page.fill("#id_name", "Gerda Gast")
    page.fill("#id_email", "gerda@example.org")
    page.fill("#id_organisation", "Kreis Höxter")
    page.get_by_label("Ich bin einverstanden").check()
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    save_screenshot(page, "anmeldung-formular")
    page.get_by_role("button", name="Verbindlich anmelden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Bitte bestätigen Sie Ihre E-Mail-Adresse"
    )
    (confirm_mail,) = _mails_to(mailoutbox, "gerda@example.org")
    guest = browser.new_context(locale="de-DE").new_page()
    guest.goto(demo_server.url + _link(confirm_mail, "bestaetigen"))
    guest.get_by_role("button", name="Ja, Anmeldung bestätigen").click()
    expect(guest.get_by_role("heading", level=1)).to_have_text("Sie sind angemeldet")
    invitation = _mails_to(mailoutbox, "gerda@example.org")[-1]
    assert invitation.subject.startswith("Anmeldung bestätigt")
    (calendar,) = [
        part for part in invitation.message().walk() if part.get_content_type() == "text/calendar"
    ]
    assert b"METHOD:REQUEST" in calendar.get_payload(decode=True)

    # The event is full now: a member lands on the waiting list and sees it in their list.
    page.goto(demo_server.url + "/einloggen/?next=" + event.url)
    page.fill("#id_username", "mitglied")
    page.fill("#id_password", "demo-passwort")
    page.get_by_role("button", name="Einloggen").click()
    expect(page.locator(".registration-box")).to_contain_text("ausgebucht – Warteliste")
    page.get_by_role("link", name="Zur Veranstaltung anmelden").click()
    expect(page.get_by_text("Sie melden sich selbst an, als Mia Mitglied")).to_be_visible()
    assert page.locator("#id_email").count() == 0  # the account's address, nothing typed
    page.get_by_label("Ich bin einverstanden").check()
    page.get_by_role("button", name="Verbindlich anmelden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sie stehen auf der Warteliste")
    page.get_by_role("link", name="Meine Anmeldungen").click()
    expect(page.locator(".event-teaser", has_text=event.title)).to_contain_text(
        "Auf der Warteliste"
    )
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    save_screenshot(page, "meine-anmeldungen")

    # The member registers a colleague; the colleague declines by the link in their mail.
    page.goto(url)
    page.get_by_role("link", name="Weitere Person anmelden").click()
    page.fill("#id_name", "Kurt Kollege")
    page.fill("#id_email", "kurt@example.org")
    page.get_by_label("Die Person weiß von der Anmeldung").check()
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    save_screenshot(page, "anmeldung-weitere-person")
    page.get_by_role("button", name="Person anmelden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Die Person muss noch bestätigen")
    (request_mail,) = _mails_to(mailoutbox, "kurt@example.org")
    assert "Mia Mitglied hat Sie" in request_mail.body
    assert not [p for p in request_mail.message().walk() if p.get_content_type() == "text/calendar"]
    colleague = browser.new_context(locale="de-DE").new_page()
    colleague.goto(demo_server.url + _link(request_mail, "bestaetigen"))
    expect(colleague.get_by_text("Angemeldet hat Sie Mia Mitglied")).to_be_visible()
    colleague.get_by_role("link", name="Nein, ich möchte nicht teilnehmen (ablehnen)").click()
    colleague.get_by_role("button", name="Ja, ablehnen").click()
    expect(colleague.get_by_text("Sie haben die Anmeldung abgelehnt.").first).to_be_visible()
    assert _mails_to(mailoutbox, "kurt@example.org") == [request_mail]
    page.get_by_role("link", name="Meine Anmeldungen").click()

    # The guest cancels by the personal link; the member moves up; both get e-mails.
    guest.goto(demo_server.url + _link(invitation, "absagen"))
    guest.get_by_role("button", name="Ja, Teilnahme absagen").click()
    expect(guest.get_by_text("Ihre Teilnahme ist abgesagt.").first).to_be_visible()
    member_address = Registration.objects.get(user__username="mitglied").email
    assert _mails_to(mailoutbox, "gerda@example.org")[-1].subject.startswith("Teilnahme abgesagt")
    assert _mails_to(mailoutbox, member_address)[-1].subject.startswith("Ein Platz ist frei")
    page.reload()
    expect(page.locator(".event-teaser", has_text=event.title)).to_contain_text("Angemeldet")

    # The editor moves the event by a week; every registrant gets the update.
    editor = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    admin = editor.new_page()
    admin.goto(demo_server.url + "/admin/login/")
    admin.fill("#id_username", "redaktion")
    admin.fill("#id_password", "demo-passwort")
    admin.get_by_role("button", name="Einloggen").click()
    admin.wait_for_url(demo_server.url + "/admin/")
    admin.goto(demo_server.url + f"/admin/pages/{event.pk}/edit/")
    a_week_later = dt.timedelta(days=7)
    new_start = (event.local_start + a_week_later).strftime("%Y-%m-%d %H:%M")
    new_end = (event.local_end + a_week_later).strftime("%Y-%m-%d %H:%M")
    admin.fill("#id_start", new_start)
    admin.fill("#id_end", new_end)
    admin.locator("#id_title").click()  # closes the date picker
    admin.locator("footer [data-w-dropdown-target='toggle']").last.click()
    admin.get_by_role("button", name="Veröffentlichen").click()
    expect(admin.get_by_role("status")).to_contain_text("veröffentlicht")
    updates = [mail for mail in mailoutbox if mail.subject == f"Geändert: {event.title}"]
    registered = Registration.objects.filter(event=event, status="confirmed")
    assert sorted(mail.to[0] for mail in updates) == sorted(r.email for r in registered)
    assert member_address in {mail.to[0] for mail in updates}
