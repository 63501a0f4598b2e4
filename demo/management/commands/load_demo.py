"""Build the demo site: pages, site settings, groups and users (idempotent).

Existing pages and users are kept, so running it again never duplicates anything and never
overwrites an editor's changes; only the demo users' passwords are set again.
"""

from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.documents import get_document_model
from wagtail.models import Page, Site

from board.entries import CooperationEntry
from board.permissions import grant_board_permissions
from demo import build_events, content
from home import groups
from home.models import HomePage, SiteSettings, StandardPage
from notifications.models import BoardFollow, WorkingGroupFollow
from operations import dev_mail
from taxonomy.models import Municipality, Topic
from taxonomy.permissions import grant_editor_permissions
from workgroups.models import EventPage, WorkingGroupPage

DEFAULT_PASSWORD = "demo-passwort"  # noqa: S105 (demo users only; load_demo refuses DEBUG=False)

DEMO_USERS = [
    # username, first name, last name, group (None: superuser)
    ("admin", "Ada", "Admin", None),
    ("redaktion", "Rita", "Redaktion", groups.EDITORS),
    ("moderation", "Moritz", "Moderation", groups.MODERATORS),
    ("mitglied", "Mia", "Mitglied", groups.MEMBERS),
]


def point_site_at(site, base_url):
    """Give the Site the host and port of ``base_url`` (``WAGTAILADMIN_BASE_URL``).

    Feeds, calendars, the sitemap, canonical links and the links in mails are built from the
    Site's root URL, so they name the server the demo actually runs on: ``make run PORT=8010``
    sets the base URL, and every ``make run`` sets the Site again.
    """
    address = urlsplit(base_url)
    site.hostname = address.hostname or "localhost"
    site.port = address.port or (443 if address.scheme == "https" else 80)


def _mail_files():
    """The mail files in development's mail folder (operations/dev_mail.py), if mails go there."""
    if not dev_mail.is_active() or not dev_mail.mail_folder().is_dir():
        return set()
    return set(dev_mail.mail_folder().glob("*.eml"))


def _shown_path(path):
    """A folder of the project relative to it (``var/mail/``), any other as it is."""
    try:
        return f"{Path(path).relative_to(settings.BASE_DIR)}/"
    except ValueError:
        return f"{path}/"


def demo_summary(password, new_mails=(), verbosity=1):
    """What ``load_demo`` prints: a few lines (what there is, where, who logs in, where the
    mails are); with ``verbosity`` 2 also every working group, event, user and new mail."""
    site_url = Site.objects.get(is_default_site=True).root_url
    events = EventPage.objects.live().order_by("start")
    lines = [
        _(
            "Demo-Inhalte sind geladen: %(groups)d Arbeitskreise, %(events)d Veranstaltungen, "
            "%(documents)d Dokumente, %(entries)d Einträge der Kooperationsbörse, "
            "%(municipalities)d Mitgliedskommunen."
        )
        % {
            "groups": WorkingGroupPage.objects.live().count(),
            "events": events.count(),
            "documents": get_document_model().objects.count(),
            "entries": CooperationEntry.objects.count(),
            "municipalities": Municipality.objects.count(),
        },
        _("Website: %(site)s/ – Redaktion: %(site)s/admin/") % {"site": site_url},
        _(
            "Benutzer %(users)s, alle mit dem Passwort „%(password)s“ "
            "(Login unter /admin/ bzw. /einloggen/)."
        )
        % {"users": ", ".join(name for name, *_rest in DEMO_USERS), "password": password},
    ]
    if dev_mail.is_active():
        where = {
            "count": len(new_mails),
            "folder": _shown_path(dev_mail.mail_folder()),
            "page": site_url + reverse("dev_mail_index"),
        }
        if new_mails:
            line = _("E-Mails: %(count)d neue in %(folder)s, zu lesen unter %(page)s (als admin).")
        else:
            line = _("E-Mails landen in %(folder)s, zu lesen unter %(page)s (als admin).")
        lines.append(line % where)
    else:
        lines.append(_("E-Mails gehen an %(backend)s.") % {"backend": _delivery_backend()})
    if verbosity < 2:
        return lines
    lines.append(_("Arbeitskreise:"))
    lines += [
        f"  {group.title}: {group.full_url}"
        for group in WorkingGroupPage.objects.live().order_by("path")
    ]
    lines.append(_("Veranstaltungen:"))
    lines += [
        f"  {timezone.localtime(event.start):%d.%m.%Y} {event.title}: {event.full_url}"
        for event in events.specific()
    ]
    lines.append(_("Benutzer:"))
    for username, _first, _last, group_name in DEMO_USERS:
        lines.append(f"  {username} ({group_name or _('Superuser')})")
    if new_mails:
        lines.append(_("Neue E-Mails:"))
        lines += [f"  {path.name}" for path in new_mails]
    return lines


def _delivery_backend():
    backend = getattr(settings, "EMAIL_DELIVERY_BACKEND", settings.EMAIL_BACKEND)
    return backend.rpartition(".")[0] if backend.endswith(".EmailBackend") else backend


def _stream(blocks):
    return [{"type": block_type, "value": value} for block_type, value in blocks]


class Command(BaseCommand):
    help = "Lädt die Demo-Inhalte (Seiten, Einstellungen, Gruppen, Benutzer). Mehrfach ausführbar."

    def add_arguments(self, parser):
        parser.add_argument(
            "--password",
            default=DEFAULT_PASSWORD,
            help=f"Passwort der Demo-Benutzer (Standard: {DEFAULT_PASSWORD}).",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Auch mit DEBUG=False ausführen (z. B. auf einem Testsystem).",
        )

    def handle(self, *args, password, force, verbosity, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "load_demo legt Demo-Benutzer mit bekanntem Passwort an und läuft deshalb nur "
                "mit DEBUG=True. Mit --force trotzdem ausführen."
            )
        mails_before = _mail_files()
        with transaction.atomic():
            groups.ensure_groups()
            grant_editor_permissions()
            grant_board_permissions()
            home = self.ensure_home_page()
            build_events.build(home)
            legal_pages = self.ensure_standard_pages(home)
            self.ensure_site_settings(home, legal_pages)
            self.ensure_users(password)
            member = get_user_model().objects.get(username="mitglied")
            build_events.ensure_pending_submission(member)
            self.ensure_follows(member)
        # Mails are delivered once the transaction has committed (operations/mail.py).
        new_mails = sorted(_mail_files() - mails_before)
        if verbosity == 0:
            return
        headline, *lines = demo_summary(password, new_mails, verbosity)
        self.stdout.write(self.style.SUCCESS(headline))
        for line in lines:
            self.stdout.write(line)

    def ensure_home_page(self):
        """Make a HomePage the root of the default site, replacing Wagtail's welcome page."""
        site = Site.objects.filter(is_default_site=True).first()
        home = HomePage.objects.first()
        if home is None:
            root = Page.get_first_root_node()
            home = root.add_child(
                instance=HomePage(
                    title=content.HOME_TITLE,
                    slug="startseite",
                    tagline=content.HOME_TAGLINE,
                    intro=content.HOME_INTRO,
                    working_fields=[
                        ("working_field", {"title": card.title, "description": card.description})
                        for card in content.WORKING_FIELDS
                    ],
                )
            )
            home.save_revision().publish()
        if site is None:
            site = Site(is_default_site=True, root_page=home)
        welcome_page = site.root_page if site.pk else None
        point_site_at(site, settings.WAGTAILADMIN_BASE_URL)
        site.site_name = content.ORGANISATION_NAME
        site.root_page = home
        site.save()
        # Wagtail's placeholder page from its first migration is no longer needed.
        if (
            welcome_page is not None
            and welcome_page.pk != home.pk
            and type(welcome_page.specific) is Page
            and not welcome_page.get_children().exists()
        ):
            welcome_page.delete()
        return home

    def ensure_standard_pages(self, home):
        pages = {}
        for key, title, slug, intro, body, in_menu in (
            (
                "about",
                content.ABOUT_TITLE,
                "ueber-den-verein",
                content.ABOUT_INTRO,
                content.ABOUT_BODY,
                True,
            ),
            ("imprint", content.IMPRINT_TITLE, "impressum", "", content.IMPRINT_BODY, False),
            ("privacy", content.PRIVACY_TITLE, "datenschutz", "", content.PRIVACY_BODY, False),
            (
                "accessibility",
                content.ACCESSIBILITY_TITLE,
                "barrierefreiheit",
                "",
                content.ACCESSIBILITY_BODY,
                False,
            ),
        ):
            page = StandardPage.objects.child_of(home).filter(slug=slug).first()
            if page is None:
                page = home.add_child(
                    instance=StandardPage(
                        title=title,
                        slug=slug,
                        intro=intro,
                        body=_stream(body),
                        show_in_menus=in_menu,
                    )
                )
                page.save_revision().publish()
            pages[key] = page
        return pages

    def ensure_site_settings(self, home, legal_pages):
        site = home.get_site()
        site_settings = SiteSettings.for_site(site)
        defaults = {
            "organisation_name": content.ORGANISATION_NAME,
            "postal_code": content.POSTAL_CODE,
            "city": content.CITY,
            "phone": content.PHONE,
            "email": content.EMAIL,
        }
        for field, value in defaults.items():
            if not getattr(site_settings, field):
                setattr(site_settings, field, value)
        site_settings.imprint_page = site_settings.imprint_page or legal_pages["imprint"]
        site_settings.privacy_page = site_settings.privacy_page or legal_pages["privacy"]
        site_settings.accessibility_page = (
            site_settings.accessibility_page or legal_pages["accessibility"]
        )
        site_settings.save()

    def ensure_follows(self, member):
        """The demo member follows one working group and a board topic, so "Meine
        Benachrichtigungen" and the personal calendar show something from the start."""
        group = WorkingGroupPage.objects.filter(slug="der-neue-mittelstand").first()
        if group is not None:
            WorkingGroupFollow.objects.get_or_create(user=member, working_group=group)
        topic = Topic.objects.filter(slug="mobiles-arbeiten").first()
        if topic is not None:
            BoardFollow.objects.get_or_create(user=member, topic=topic, district="")

    def ensure_users(self, password):
        user_model = get_user_model()
        for username, first_name, last_name, group_name in DEMO_USERS:
            user, _created = user_model.objects.get_or_create(
                username=username,
                defaults={
                    "first_name": first_name,
                    "last_name": last_name,
                    "email": f"{username}@example.org",
                    "is_staff": group_name is None,
                    "is_superuser": group_name is None,
                },
            )
            user.set_password(password)
            user.save()
            if group_name:
                user.groups.add(Group.objects.get(name=group_name))
