"""Following a working group: the button beside the contact card, one place to choose what
arrives, and nothing about who follows whom on any public page."""

from django.urls import reverse

from notifications.models import BoardFollow, MailPreference, PersonalCalendar, WorkingGroupFollow
from tests.factories import TopicFactory, UserFactory


def test_members_follow_a_working_group_from_its_page_and_can_stop(client, member, working_group):
    client.force_login(member)
    page = client.get(working_group.url).content.decode()
    assert "Arbeitskreis folgen" in page

    response = client.post(
        reverse("notifications:follow", args=[working_group.pk]), {"next": working_group.url}
    )

    assert response.status_code == 302 and response["Location"] == working_group.url
    page = client.get(working_group.url).content.decode()
    assert "Sie folgen jetzt dem Arbeitskreis" in page
    assert "Nicht mehr folgen" in page
    follow = WorkingGroupFollow.objects.get(user=member)
    assert (follow.new_events, follow.changes, follow.materials) == (True, True, True)

    client.post(reverse("notifications:unfollow", args=[working_group.pk]))
    assert not WorkingGroupFollow.objects.exists()


def test_following_twice_stays_one_follow(client, member, working_group):
    client.force_login(member)
    url = reverse("notifications:follow", args=[working_group.pk])

    client.post(url)
    client.post(url)

    assert WorkingGroupFollow.objects.filter(user=member).count() == 1


def test_visitors_see_no_button_and_cannot_follow(client, working_group, settings):
    settings.PAGE_CACHE_ENABLED = True
    assert "Arbeitskreis folgen" not in client.get(working_group.url).content.decode()

    response = client.post(reverse("notifications:follow", args=[working_group.pk]))

    assert response.status_code == 302 and "/einloggen/" in response["Location"]
    assert not WorkingGroupFollow.objects.exists()


def test_accounts_outside_the_member_groups_may_not_follow(client, working_group):
    outsider = UserFactory(username="extern")
    client.force_login(outsider)

    response = client.post(reverse("notifications:follow", args=[working_group.pk]))

    assert response.status_code == 403
    assert not WorkingGroupFollow.objects.exists()


def test_a_member_chooses_per_group_what_arrives_and_how_often(
    client, member, working_group, other_group
):
    client.force_login(member)
    for group in (working_group, other_group):
        client.post(reverse("notifications:follow", args=[group.pk]))
    first, second = WorkingGroupFollow.objects.order_by("working_group__title")

    response = client.post(
        reverse("notifications:settings"),
        {
            "action": "mails",
            f"follow-{first.pk}": ["new_events"],
            f"follow-{second.pk}": ["changes", "materials"],
            "delivery": "weekly",
        },
    )

    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.new_events, first.changes, first.materials) == (True, False, False)
    assert (second.new_events, second.changes, second.materials) == (False, True, True)
    assert MailPreference.objects.get(user=member).delivery == "weekly"
    page = client.get(reverse("notifications:settings")).content.decode()
    assert "Arbeitskreise, denen ich folge" in page and "Adresse erneuern" in page


def test_a_wrong_delivery_choice_saves_nothing_and_says_why(client, member, working_group):
    client.force_login(member)
    client.post(reverse("notifications:follow", args=[working_group.pk]))
    follow = WorkingGroupFollow.objects.get()

    response = client.post(
        reverse("notifications:settings"),
        {"action": "mails", f"follow-{follow.pk}": [], "delivery": "stündlich"},
    )

    assert response.status_code == 200
    assert "Fehler:" in response.content.decode()
    follow.refresh_from_db()
    assert follow.new_events and follow.changes and follow.materials


def test_board_topics_and_districts_are_followed_and_ended_in_the_settings(client, member):
    topic = TopicFactory(name="Mobiles Arbeiten", slug="mobiles-arbeiten")
    client.force_login(member)
    url = reverse("notifications:settings")

    client.post(url, {"action": "board", "topic": topic.pk, "district": "paderborn"})
    client.post(url, {"action": "board", "topic": topic.pk, "district": "paderborn"})
    refused = client.post(url, {"action": "board", "topic": "", "district": ""})

    assert BoardFollow.objects.filter(user=member).count() == 1
    assert "Bitte wählen Sie ein Thema, einen Kreis oder beides." in refused.content.decode()
    page = client.get(url).content.decode()
    assert "Thema „Mobiles Arbeiten“ aus dem Kreis Paderborn" in page

    client.post(url, {"action": "board_remove", "follow": BoardFollow.objects.get().pk})
    assert not BoardFollow.objects.exists()


def test_who_follows_appears_on_no_public_page_or_feed(client, member, working_group):
    client.force_login(member)
    client.post(reverse("notifications:follow", args=[working_group.pk]))
    client.logout()

    for url in (
        working_group.url,
        working_group.url + working_group.reverse_subpage("ical"),
        working_group.url + working_group.reverse_subpage("rss"),
        "/api/v2/pages/?type=workgroups.WorkingGroupPage&fields=*",
    ):
        body = client.get(url).content.decode()
        assert member.username not in body and member.email not in body
        assert "folgen" not in body.lower()


def test_deleting_the_account_deletes_what_it_followed(client, member, working_group):
    client.force_login(member)
    client.post(reverse("notifications:follow", args=[working_group.pk]))
    client.post(
        reverse("notifications:settings"), {"action": "board", "topic": "", "district": "hoexter"}
    )
    client.get(reverse("notifications:settings"))  # creates the calendar and preference

    member.delete()

    assert not WorkingGroupFollow.objects.exists()
    assert not BoardFollow.objects.exists()
    assert not PersonalCalendar.objects.exists()
    assert not MailPreference.objects.exists()


def test_the_settings_are_for_logged_in_members(client, home_page):
    response = client.get(reverse("notifications:settings"))

    assert response.status_code == 302 and "/einloggen/" in response["Location"]


def test_a_made_up_subscription_to_end_changes_nothing_and_breaks_nothing(client, member):
    """Posted by hand: no number, a number beyond any id, or another member's subscription."""
    other = UserFactory(username="otto", groups=["Mitglieder"])
    theirs = BoardFollow.objects.create(user=other, district="lippe")
    client.force_login(member)
    url = reverse("notifications:settings")

    answers = [
        client.post(url, {"action": "board_remove", "follow": follow})
        for follow in ("abc", "9" * 30, "", str(theirs.pk))
    ]

    assert [answer.status_code for answer in answers] == [302] * 4
    assert BoardFollow.objects.filter(pk=theirs.pk).exists()
