"""Every kind of public address of the demo site, for tests that walk the whole site."""

from django.utils import timezone

from wagtail.models import Page

from board.models import CooperationEntry
from workgroups.models import EventPage


def public_demo_urls():
    """Pages, their sub-routes, feeds, calendars, API, search and the site-wide files."""
    pages = Page.objects.live().public().specific().exclude(depth=1)
    urls = {page.url for page in pages}
    for page in pages:
        kind = type(page).__name__
        if kind in {"WorkingGroupPage", "EventIndexPage"}:
            urls |= {f"{page.url}{route}" for route in ("ical/", "rss/", "atom/", "monat/")}
        if kind == "EventIndexPage":
            urls |= {f"{page.url}einbetten/", f"{page.url}einbinden/"}
        if kind == "BoardPage":
            urls |= {f"{page.url}rss/", f"{page.url}eintragen/", f"{page.url}?art=angebot"}
            entry = CooperationEntry.objects.filter(live=True).first()
            urls.add(f"{page.url}eintrag/{entry.slug}/")
    upcoming = EventPage.objects.live().filter(start__gte=timezone.now()).first()
    # Documents in the root collection are public; visitors may download them as a ZIP.
    with_materials = (
        EventPage.objects.live().filter(materials__document__collection__depth=1).first()
    )
    urls |= {f"{upcoming.url}ical/", f"{with_materials.url}unterlagen/"}
    open_for_everyone = EventPage.objects.live().filter(
        registration_settings__enabled=True,
        registration_settings__audience="everyone",
        start__gte=timezone.now(),
    )
    urls.add(f"/veranstaltungsanmeldung/{open_for_everyone.first().pk}/")
    urls |= {
        "/suche/?q=Kooperation",
        "/sitemap.xml",
        "/sitemap-seiten.xml",
        "/sitemap-boerse.xml",
        "/robots.txt",
        "/healthz/",
        "/einloggen/",
        "/passwort/vergessen/",
        "/api/v2/termine/",
    }
    return sorted(urls)
