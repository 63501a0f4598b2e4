import pytest

from tests.factories import MeetingPageFactory, UserFactory, in_days


@pytest.fixture(autouse=True)
def mail_through_the_queue(settings):
    """As in production, every mail goes through the task queue (operations/mail.py): queued with
    the registration's transaction, delivered into the test outbox once it commits.

    Django's test runner replaces ``EMAIL_BACKEND`` by its outbox; this puts the queue back.
    """
    settings.EMAIL_BACKEND = "operations.mail.QueuedEmailBackend"


@pytest.fixture
def event(working_group):
    """An upcoming hybrid meeting taking registrations from everyone: 2 places on site, 1 online."""
    return MeetingPageFactory(
        parent=working_group,
        title="Arbeitskreistreffen Vergabe",
        start=in_days(20),
        attendance_mode="hybrid",
        online_url="https://konferenz.example.org/raum-7",
        venue_name="Rathaus Paderborn",
        city="Paderborn",
        registration={"audience": "everyone", "capacity_in_person": 2, "capacity_online": 1},
        contact_name="Petra Plan",
        contact_email="plan@example.org",
    )


@pytest.fixture
def members(db):
    return [
        UserFactory(
            username=f"mitglied{number}",
            first_name="Mia",
            last_name=f"Mitglied {number}",
            groups=["Mitglieder"],
        )
        for number in range(1, 6)
    ]
