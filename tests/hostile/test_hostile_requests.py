"""Hostile and broken requests against every public address: never a server error.

Each case is what a scanner, a broken client or an attacker sends: NUL bytes, quotes and
full-text operators, huge and negative numbers, invalid UTF-8, 10 kB strings, odd conditional
and Range headers, HEAD on downloads, forms with impossible values. The answer must be a clear
4xx or a normal page (filters report bad values in German and ignore them); a 5xx fails.
The cases are grouped so that the demo is copied once per group, not once per request.
"""

from dataclasses import dataclass, field

from django.test import Client
from django.utils import timezone

import pytest

from demo.management.commands.load_demo import DEFAULT_PASSWORD
from tests.public_urls import public_demo_urls
from workgroups.models import EventPage

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999"
LONG = "x" * 10_000

# Values for free-text parameters: quotes, NUL, full-text syntax, markup, injection attempts.
TEXT_VALUES = [
    '"',
    "'",
    '""',
    "%00",
    "a%00b",
    "\\",
    "*",
    "&",
    "|",
    "!",
    "!!",
    "foo:*",
    "(",
    ")",
    "a & | b",
    "a <-> b",
    "a <2> b",
    "NOT",
    "OR OR",
    "-",
    "' OR 1=1 --",
    "%3Cscript%3Ealert(1)%3C/script%3E",
    "%ff%fe",
    "%c0%af",
    "%e2%82",
    "%F0%9F%98%80",
    "%20",
    "%E2%80%8B",
    LONG,
]
# Values for choice and number parameters.
NUMBER_VALUES = [HUGE, f"-{HUGE}", "-1", "0", "1e99", "NaN", "abc", "%00", "1.5", "0x10", LONG]


@dataclass
class Case:
    method: str
    path: str
    data: dict = field(default_factory=dict)
    headers: dict = field(default_factory=dict)

    def send(self, client):
        if self.method == "GET":
            return client.get(self.path, headers=self.headers)
        if self.method == "HEAD":
            return client.head(self.path, headers=self.headers)
        return client.post(self.path, self.data, headers=self.headers)

    def __str__(self):
        return f"{self.method} {self.path[:120]} {self.data or ''} {self.headers or ''}"


def _query_cases(path, text_params=(), number_params=()):
    separator = "&" if "?" in path else "?"
    cases = [
        Case("GET", f"{path}{separator}{name}={value}")
        for name in text_params
        for value in TEXT_VALUES
    ]
    cases += [
        Case("GET", f"{path}{separator}{name}={value}")
        for name in number_params
        for value in NUMBER_VALUES
    ]
    return cases


def _listing_cases():
    events = _query_cases(
        "/termine/",
        text_params=("typ", "thema", "arbeitskreis"),
        number_params=("jahr", "seite", "kommend"),
    )
    events += [
        Case("GET", "/termine/?typ=treffen&typ=werkstatt&jahr=2020&jahr=abc"),
        Case("GET", "/termine/?thema[]=x&arbeitskreis[$ne]=1"),
    ]
    return events


def _month_cases():
    months = ["0000/00", "9999/99", "2026/0", "2026/13", "1/1", "0001/01", "2026/1", "9999/12"]
    return [Case("GET", f"/termine/monat/{month}/") for month in months] + [
        Case("GET", f"/kommunen-ohne-grenzen/monat/{month}/") for month in months[:4]
    ]


def _search_cases():
    return _query_cases("/suche/", text_params=("q",), number_params=("page",)) + [
        Case("GET", "/suche/?q=Protokoll&page=" + HUGE),
        Case("GET", "/suche/?q=" + "a%20" * 3000),
        Case("GET", "/suche/?q=a&q=b"),
    ]


def _board_cases():
    return _query_cases(
        "/kooperationsboerse/",
        text_params=("q", "art", "thema", "kreis", "status"),
        number_params=("kommune", "seite"),
    ) + [
        Case("GET", "/kooperationsboerse/eintrag/gibt-es-nicht/"),
        Case("GET", "/kooperationsboerse/eintrag/%00/"),
        Case("GET", "/kooperationsboerse/eintrag/" + "a" * 2000 + "/"),
        Case("GET", f"/kooperationsboerse/meine-eintraege/{HUGE}/"),
        Case("GET", "/kooperationsboerse/rss/?seite=-1"),
        Case("POST", "/kooperationsboerse/eintragen/", {"title": "x"}),
    ]


def _board_form_cases():
    """The members' submission form with impossible values (sent as the demo member)."""
    good = {
        "kind": "offer",
        "title": "Gemeinsamer Bauhof",
        "municipality": "1",
        "topics": ["1"],
        "description": "Wir bieten Mitnutzung unseres Bauhofs für Nachbarkommunen an.",
        "valid_until": (timezone.localdate() + timezone.timedelta(days=30)).isoformat(),
        "contact_name": "Frau Beispiel",
        "contact_email": "beispiel@example.org",
    }
    variants = [
        {"topics": [HUGE]},
        {"topics": ["-1"]},
        {"topics": ["abc"]},
        {"topics": ["%00"]},
        {"municipality": HUGE},
        {"municipality": "abc"},
        {"municipality": "\x00"},
        {"kind": "neither"},
        {"valid_until": "99999-99-99"},
        {"valid_until": "0000-00-00"},
        {"valid_until": "\x00"},
        {"title": "\x00Titel"},
        {"title": LONG},
        {"description": LONG * 2},
        {"description": "Text mit NUL \x00 mitten drin und genug Zeichen für die Länge."},
        {"contact_email": "a@" + "b" * 300 + ".de"},
        {"status": "matched"},
        {"legal_form": "\x00"},
        {"phase": HUGE},
    ]
    return [
        Case("POST", "/kooperationsboerse/eintragen/", {**good, **variant}) for variant in variants
    ]


def _api_cases():
    params = [
        "type=wagtailcore.Page",
        "type=workgroups.MeetingPage",
        "type=auth.User",
        "type=foo",
        f"offset={HUGE}",
        "offset=-1",
        "offset=abc",
        f"limit={HUGE}",
        "limit=-1",
        "limit=abc",
        "search_operator=foo",
        "search=%00",
        'search="',
        "search=" + LONG,
        "order=xyz",
        "order=-start",
        "order=random",
        "fields=*,xyz",
        "fields=_,body",
        "fields=-id",
        "fields=%00",
        "child_of=abc",
        f"child_of={HUGE}",
        f"descendant_of={HUGE}",
        "descendant_of=-1",
        "slug=%00",
        "locale=zz",
        "translation_of=1",
        "id=abc",
        f"id={HUGE}",
        "zeitraum=%00",
        "zeitraum=kommend&order=title",
        "has_children=maybe",
        "show_in_menus=%00",
        "find=1",
        "html_path=/%00/",
        "html_path=" + LONG,
        "search=x&search_operator=true",
        "search=x&search_operator=%00",
        "search=%20",
        "search=%09%0A",
        "search=%20&order=start",
    ]
    # Every field the API filters on, with values its column cannot hold.
    field_values = {
        "start": ["2020", "abc", "2026-13-01", "0001-01-01", "9999-12-31T23:59:59-05:00", HUGE],
        "end": ["2026-12-01T25:00", "%00", LONG],
        "first_published_at": ["x", "0000-00-00"],
        "all_day": ["maybe", HUGE],
        "show_in_menus": ["2"],
        "id": [HUGE, f"-{HUGE}", "1.5"],
        "alias_of": [HUGE, "abc", "-1"],
        "status": [LONG],
        "title": ["%00", LONG],
    }
    params += [f"{name}={value}" for name, values in field_values.items() for value in values]
    cases = [Case("GET", f"/api/v2/termine/?{param}") for param in params]
    cases += [
        Case("GET", f"/api/v2/termine/{HUGE}/"),
        Case("GET", "/api/v2/termine/abc/"),
        Case("GET", "/api/v2/termine/-1/"),
        Case("GET", "/api/v2/termine/find/?html_path=%ff"),
    ]
    return cases


def _registration_cases():
    """The event registration form with ids no event has, and broken confirmation links."""
    cases = []
    for event_id in (HUGE, f"{2**63}", "0", "-1", "abc", "1.5", "%00"):
        cases += [
            Case("GET", f"/veranstaltungsanmeldung/{event_id}/"),
            Case("POST", f"/veranstaltungsanmeldung/{event_id}/", {"name": "x"}),
        ]
    return cases + [
        Case("GET", "/veranstaltungsanmeldung/bestaetigen/%00/"),
        Case("GET", "/veranstaltungsanmeldung/bestaetigen/" + "A" * 2000 + "/"),
        Case("GET", "/veranstaltungsanmeldung/absagen/x:y:z/"),
        Case("POST", "/veranstaltungsanmeldung/absagen/%00/"),
        # The former address of the cancel link, still in mails already sent.
        Case("GET", "/veranstaltungsanmeldung/abmelden/x:y:z/"),
        Case("POST", "/veranstaltungsanmeldung/abmelden/%00/"),
        Case("GET", "/veranstaltungsanmeldung/meine/?seite=" + HUGE),
    ]


def _document_cases():
    cases = [
        Case("GET", f"/dokumente/{HUGE}/x.pdf"),
        Case("GET", "/dokumente/1/..%2f..%2fetc%2fpasswd"),
        Case("GET", "/dokumente/1/%00.pdf"),
        Case("GET", f"/dokumente/vorschau/{HUGE}/"),
        Case("GET", "/dokumente/-1/x.pdf"),
        Case("GET", f"/dokumente/authenticate_with_password/{HUGE}/"),
        Case("POST", f"/dokumente/authenticate_with_password/{HUGE}/", {"password": "x"}),
        Case("GET", f"/_util/authenticate_with_password/{HUGE}/{HUGE}/"),
    ]
    for document_url in _public_document_urls():
        cases += [
            Case("HEAD", document_url),
            Case("GET", document_url, headers={"Range": "bytes=999999999-"}),
            Case("GET", document_url, headers={"Range": "bytes=abc"}),
            Case("GET", document_url, headers={"Range": "bytes=5-1"}),
            Case("GET", document_url, headers={"Range": "bytes=0-1,3-4,0-" + HUGE}),
            Case("GET", document_url, headers={"If-Modified-Since": "gestern"}),
            Case("GET", document_url, headers={"If-None-Match": "*"}),
        ]
    return cases


def _public_document_urls():
    from wagtail.documents import get_document_model

    document = get_document_model().objects.filter(collection__depth=1).first()
    return [document.url] if document else []


def _conditional_cases():
    """Feeds and calendars with broken conditional headers."""
    feeds = [
        "/termine/rss/",
        "/termine/atom/",
        "/termine/ical/",
        "/kooperationsboerse/rss/",
        _upcoming_event_url() + "ical/",
    ]
    headers = [
        {"If-Modified-Since": "gestern"},
        {"If-Modified-Since": "Thu, 01 Jan 1970 00:00:00 GMT"},
        {"If-Modified-Since": "Fri, 31 Dec 9999 23:59:59 GMT"},
        {"If-Modified-Since": HUGE},
        {"If-None-Match": "*"},
        {"If-None-Match": '"' + LONG + '"'},
        {"If-None-Match": "\x00"},
        {"If-Match": "nope"},
        {"If-Unmodified-Since": "Thu, 01 Jan 1970 00:00:00 GMT"},
        {"Range": "bytes=0-0"},
    ]
    return [Case("GET", feed, headers=header) for feed in feeds for header in headers]


def _upcoming_event_url():
    return EventPage.objects.live().filter(start__gte=timezone.now()).first().url


def _path_cases():
    return [
        Case("GET", "/%ff/"),
        Case("GET", "/%00/"),
        Case("GET", "/" + "a" * 5000 + "/"),
        Case("GET", "/termine/%c0%ae%c0%ae/"),
        Case("GET", "/kommunen-ohne-grenzen/..%2f..%2f/"),
        Case("GET", "/sitemap.xml?p=abc"),
        Case("GET", f"/sitemap.xml?p={HUGE}"),
        Case("GET", "/sitemap.xml?p=-1"),
        Case("GET", "/sitemap-seiten.xml?p=abc"),
        Case("GET", f"/sitemap-seiten.xml?p={HUGE}"),
        Case("GET", "/sitemap-seiten.xml?p=0"),
        Case("GET", "/sitemap-unbekannt.xml"),
        Case("GET", "/sitemap-%00.xml"),
        Case("POST", "/suche/", {"q": "x"}),
        Case("POST", "/healthz/"),
        Case("GET", "/einloggen/?next=%00"),
        Case("GET", "/anmelden/?next=%00"),
        Case("POST", "/abmelden/", {"next": "//evil.example.org/"}),
        Case("GET", "/einloggen/?next=//evil.example.org/"),
        Case("POST", "/einloggen/", {"username": "\x00", "password": "x"}),
        Case("POST", "/einloggen/", {"username": LONG, "password": LONG}),
        Case("POST", "/einloggen/", {"username": ["a", "b"]}),
        Case("POST", "/passwort/vergessen/", {"email": "\x00@example.org"}),
        Case("POST", "/passwort/vergessen/", {"email": LONG}),
        Case("GET", "/passwort/neu/%00/%00/"),
        Case("GET", "/passwort/neu/" + "A" * 500 + "/x-y/"),
    ]


def _every_public_page_with_junk():
    return [
        Case("GET", f"{url}{'&' if '?' in url else '?'}seite=%00&q=%22&page={HUGE}")
        for url in public_demo_urls()
    ] + [Case("HEAD", url) for url in public_demo_urls()]


CASE_GROUPS = {
    "listings": _listing_cases,
    "months": _month_cases,
    "search": _search_cases,
    "board": _board_cases,
    "board-form": _board_form_cases,
    "api": _api_cases,
    "registrations": _registration_cases,
    "documents": _document_cases,
    "conditional": _conditional_cases,
    "paths": _path_cases,
    "every-page": _every_public_page_with_junk,
}
ALLOWED = {200, 204, 206, 301, 302, 304, 308, 400, 403, 404, 405, 412, 416, 429}


@pytest.mark.parametrize("group", CASE_GROUPS)
@pytest.mark.parametrize("viewer", ["visitor", "member"])
def test_hostile_requests_never_get_a_server_error(demo_site, group, viewer):
    client = Client(raise_request_exception=False)
    if viewer == "member":
        client.post("/einloggen/", {"username": "mitglied", "password": DEFAULT_PASSWORD})
    cases = CASE_GROUPS[group]()

    failures = []
    for case in cases:
        response = case.send(client)
        if response.status_code not in ALLOWED:
            failures.append(f"{response.status_code}: {case}")

    assert len(cases) >= 10
    assert not failures, "\n".join(failures)


def test_at_least_150_hostile_requests_per_viewer(demo_site):
    count = sum(len(build()) for build in CASE_GROUPS.values())

    print(f"{count} hostile requests per viewer")
    assert count >= 150
