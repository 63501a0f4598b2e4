import os

from django.conf import settings
from django.core.cache import cache
from django.test import TransactionTestCase

from wagtail.models import Page, Site

import pytest

from board.models import BoardPage
from demo.management.commands.load_demo import DEFAULT_PASSWORD as DEMO_PASSWORD
from home.models import SiteSettings
from tests.factories import (
    EventIndexPageFactory,
    HomePageFactory,
    UserFactory,
    WorkingGroupPageFactory,
)
from tests.snapshots import DatabaseSnapshot


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploads of every test land in a temporary folder, never in the project's media."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache; cached filter options never leak between tests."""
    cache.clear()


@pytest.fixture
def home_page(db):
    """A published home page as the root of the default site, with contact settings."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, tagline="Stadt-Umland-Verbund e. V.")
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    SiteSettings.objects.update_or_create(
        site=site,
        defaults={
            "organisation_name": "Verbund e. V.",
            "postal_code": "33098",
            "city": "Paderborn",
            "phone": "+49 5251.88-12597",
            "email": "kontakt@example.org",
        },
    )
    return home


@pytest.fixture
def editor(db):
    return UserFactory(username="redakteurin", groups=["Redaktion"])


@pytest.fixture
def member(db):
    return UserFactory(username="kommune", groups=["Mitglieder"])


@pytest.fixture
def moderator(db):
    return UserFactory(
        username="moderatorin", email="moderation@example.org", groups=["Moderation"]
    )


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test database; its state after the migrations is kept as a snapshot.

    After a test that committed, the database goes back to that snapshot instead of Django's
    ``flush``: flush empties every table and rebuilds content types, permissions and groups
    through ``post_migrate``, which took half a second on PostgreSQL for each of some 240 such
    tests; writing the snapshot back takes a twentieth of that and leaves the same state (and
    the rows of data migrations, which flush loses).
    """
    with django_db_blocker.unblock():
        snapshot = DatabaseSnapshot.capture()
    flush = TransactionTestCase._fixture_teardown
    TransactionTestCase._fixture_teardown = lambda test_case: snapshot.restore()
    yield snapshot
    TransactionTestCase._fixture_teardown = flush


@pytest.fixture
def migrated_database(transactional_db, django_db_setup):
    """For tests that commit: the database as the migrations left it, whatever ran before."""
    django_db_setup.restore()


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo site, built once per test session (and per xdist worker)."""
    with django_db_blocker.unblock():
        return DatabaseSnapshot.build_demo(tmp_path_factory.mktemp("demo-media"), DEMO_PASSWORD)


@pytest.fixture
def demo_site(db, demo_snapshot, media_root):
    """The whole demo site (pages, documents with their files, board, users) for one test."""
    demo_snapshot.restore(media_root)


def pytest_collection_modifyitems(config, items):
    """Browser tests need the async-unsafe ORM switch: Playwright's sync API runs an event loop.

    Tests marked ``postgres_only`` (races between real threads) are left out, not skipped, on
    SQLite, which serialises every write; CI runs them in its PostgreSQL pass.
    """
    if any("e2e" in item.keywords for item in items):
        os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        left_out = [item for item in items if "postgres_only" in item.keywords]
        if left_out:
            config.hook.pytest_deselected(items=left_out)
            items[:] = [item for item in items if "postgres_only" not in item.keywords]


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """In CI a skipped test is a test that did not run: fail the run and say which."""
    if os.environ.get("CI", "").lower() != "true":
        return
    skipped = terminalreporter.stats.get("skipped", [])
    if skipped:
        terminalreporter.write_line(
            f"CI: {len(skipped)} Test(s) übersprungen – in CI muss jeder Test laufen.", red=True
        )
        for report in skipped:
            terminalreporter.write_line(f"  {report.nodeid}", red=True)
        terminalreporter._session.exitstatus = 1


@pytest.fixture
def working_group(home_page):
    return WorkingGroupPageFactory(parent=home_page, slug="kommunen-ohne-grenzen")


@pytest.fixture
def events_page(home_page):
    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def board(home_page):
    return home_page.add_child(instance=BoardPage(title="Kooperationsbörse", slug="boerse"))
