"""Two application instances sharing PostgreSQL, Redis and the media folder serve one site.

What an editor publishes or unpublishes on one instance, visitors see on the other at once, even
though both keep visitors' pages in the shared page cache. Each instance is gunicorn with the
production settings, as on a second machine (README, "Von einem Rechner zu mehreren").
"""

import contextlib
import http.cookies
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

from django.conf import settings as django_settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.contrib.auth.models import Group
from django.db import connection

import pytest
import redis

from tests.factories import MeetingPageFactory, UserFactory
from tests.factories.documents import pdf_document
from tests.network import PrivateRedis, free_port

pytestmark = pytest.mark.postgres_only

REDIS_URL = "redis://127.0.0.1:6379/12"  # a database of its own, emptied
PASSWORD = "zwei-instanzen-123"
INSTANCE_SETTINGS = """from config.settings.production import *  # noqa: F403

# Static files come from the source folders: `collectstatic` is not what this test is about.
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
"""


def _production_hash(password):
    """The instances run the production password hashers, not the tests' fast one."""
    hasher = PBKDF2PasswordHasher()
    return hasher.encode(password, hasher.salt())


class Browser:
    """Just enough of a browser for an instance over plain HTTP: it keeps the cookies itself,
    since the production settings mark them ``Secure`` (TLS ends at the proxy)."""

    def __init__(self, address):
        self.address = address
        self.cookies = {}

    def request(self, path, data=None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(f"{self.address}{path}", data=body, headers=headers)  # noqa: S310
        opener = urllib.request.build_opener(_NoRedirects)
        try:
            response = opener.open(request, timeout=30)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in http.cookies.SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response.status, response.read().decode(errors="replace")

    def log_in(self, username):
        self.request("/admin/login/")
        status, _ = self.request(
            "/admin/login/",
            {
                "username": username,
                "password": PASSWORD,
                "csrfmiddlewaretoken": self.cookies["csrftoken"],
            },
        )
        assert status == 302, "login failed"

    def post_admin_form(self, path):
        status, _ = self.request(path, {"csrfmiddlewaretoken": self.cookies["csrftoken"]})
        assert status == 302, f"{path} answered {status}"


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _start_instance(port, environment, log):
    return subprocess.Popen(  # noqa: S603 (our own command line)
        [sys.executable, "-m", "gunicorn", "config.wsgi", "--workers", "1",
         "--bind", f"127.0.0.1:{port}"],
        cwd=django_settings.BASE_DIR, env=environment, stdout=log, stderr=log,
    )  # fmt: skip


def _wait_until_serving(address, process, log_path):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"Instanz beendet:\n{log_path.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{address}/healthz/", timeout=2):  # noqa: S310
                return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"{address} antwortet nicht:\n{log_path.read_text()[-3000:]}")


@contextlib.contextmanager
def _two_instances(redis_url, media_root, tmp_path):
    """Two gunicorn instances on the test database, one Redis, one media folder."""
    (tmp_path / "instance_settings.py").write_text(INSTANCE_SETTINGS)
    database = connection.settings_dict
    environment = {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "instance_settings",
        "SECRET_KEY": "zwei-instanzen-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": (
            f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/"
            f"{database['NAME']}"
        ),
        "REDIS_URL": redis_url,
        "MEDIA_ROOT": str(media_root),
        "LOG_LEVEL": "WARNING",
    }
    instances = []
    try:
        for number in (1, 2):
            port = free_port()
            log_path = tmp_path / f"instance-{number}.log"
            process = _start_instance(port, environment, log_path.open("w"))
            instances.append((f"http://127.0.0.1:{port}", process, log_path))
        for address, process, log_path in instances:
            _wait_until_serving(address, process, log_path)
        yield [address for address, _, _ in instances]
    finally:
        for _, process, _ in instances:
            process.terminate()
            process.wait(timeout=20)


@pytest.fixture
def two_instances(migrated_database, home_page, media_root, tmp_path):
    redis.Redis.from_url(REDIS_URL).flushdb()
    with _two_instances(REDIS_URL, media_root, tmp_path) as addresses:
        yield addresses


@pytest.fixture
def two_instances_on_a_private_redis(migrated_database, home_page, media_root, tmp_path):
    """The same, on a Redis of the test's own that it may freeze."""
    server = PrivateRedis(tmp_path / "redis")
    try:
        with _two_instances(server.url(), media_root, tmp_path) as addresses:
            yield server, addresses
    finally:
        server.stop()


def _chief_editor():
    chief_editor = UserFactory(username="chefredaktion", is_superuser=True)
    type(chief_editor).objects.filter(pk=chief_editor.pk).update(
        password=_production_hash(PASSWORD)
    )
    return chief_editor


def test_a_publish_on_one_instance_is_visible_on_the_other_at_once(two_instances, working_group):
    first, second = two_instances
    document = pdf_document("Programm", kind="programme")
    downloads = [Browser(address).request(document.url)[0] for address in two_instances]
    _chief_editor()
    event = MeetingPageFactory(parent=working_group, title="Treffen auf zwei Rechnern", live=False)
    event.save_revision()
    # The set-up above wrote from this test process, which does not share the instances' cache;
    # what the instances change themselves, they purge.
    redis.Redis.from_url(REDIS_URL).flushdb()
    visitor = Browser(second)
    before = [visitor.request(working_group.url) for _ in range(2)]  # now in the page cache
    assert redis.Redis.from_url(REDIS_URL).keys("*page-cache:page:*"), "nothing was kept"

    editor = Browser(first)
    editor.log_in("chefredaktion")
    editor.post_admin_form(f"/admin/bulk/wagtailcore/page/publish/?id={event.pk}")
    published = visitor.request(working_group.url)[1]

    editor_on_second = Browser(second)
    editor_on_second.log_in("chefredaktion")
    editor_on_second.post_admin_form(f"/admin/pages/{event.pk}/unpublish/")
    unpublished = Browser(first).request(working_group.url)[1]

    assert downloads == [200, 200]  # one media folder
    assert all(status == 200 and working_group.title in html for status, html in before)
    assert all("Treffen auf zwei Rechnern" not in html for _, html in before)
    assert "Treffen auf zwei Rechnern" in published
    assert "Treffen auf zwei Rechnern" not in unpublished


def test_a_page_made_members_only_while_redis_is_frozen_leaves_both_instances_at_once(
    two_instances_on_a_private_redis, working_group
):
    """The editor's change goes through one instance while the shared Redis stalls."""
    redis_server, instances = two_instances_on_a_private_redis
    _chief_editor()
    event = MeetingPageFactory(parent=working_group, title="Interne Klausur")
    redis_server.flush()  # written by this test process, not by the instances
    for address in instances:
        visitor = Browser(address)
        visitor.request(event.url)
        assert "Interne Klausur" in visitor.request(event.url)[1]
    assert redis_server.kept_pages(), "nothing was kept"
    editor = Browser(instances[0])
    editor.log_in("chefredaktion")
    members = Group.objects.get(name="Mitglieder")

    with redis_server.stalled():
        status, answer = editor.request(
            f"/admin/pages/{event.pk}/privacy/",
            {
                "restriction_type": "groups",
                "groups": members.pk,
                "csrfmiddlewaretoken": editor.cookies["csrftoken"],
            },
        )
    after = [Browser(address).request(event.url) for address in instances]

    assert status == 200 and "set_privacy_done" in answer
    assert redis_server.kept_pages(), "the public copies are still in Redis"
    assert [status for status, _ in after] == [302, 302]  # to the members' login
    assert not any("Interne Klausur" in html for _, html in after)
