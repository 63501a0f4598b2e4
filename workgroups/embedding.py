"""The association's events on the member municipalities' own websites.

``/termine/einbetten/`` is a bare list of the next public events that other sites may show in
a frame (``EMBED_FRAME_ANCESTORS``, default any site), filterable by working group and topic.
``/termine/einbinden/`` tells webmasters how, with snippets to copy: the frame, or a few lines
of JavaScript reading the public API (``/api/v2/termine/``, open to every origin). Only public
events appear, whoever asks: nothing members-only leaves the site this way.

The routes are ``EventIndexPage``'s (``workgroups/views.py``), which select the events; this
module answers.
"""

from django.conf import settings
from django.template.response import TemplateResponse
from django.utils.http import urlencode

from home.models import SiteSettings

DEFAULT_COUNT = 5
MAX_COUNT = 20


def requested_count(request):
    """``?anzahl=`` within 1 and MAX_COUNT, else DEFAULT_COUNT."""
    value = request.GET.get("anzahl", "")
    if value.isdigit() and len(value) <= 3 and int(value) > 0:
        return min(int(value), MAX_COUNT)
    return DEFAULT_COUNT


def embed_response(request, *, events, index_url):
    """The framed list: soonest first, links open the event on this site in a new tab."""
    response = TemplateResponse(
        request,
        "workgroups/embed.html",
        {
            "events": events,
            "index_url": index_url,
            "site_settings": SiteSettings.for_request(request),
        },
    )
    # Other websites may frame this page (and only this one).
    response._csp_replace = {"frame-ancestors": settings.EMBED_FRAME_ANCESTORS}
    response.xframe_options_exempt = True
    return response


def guide_context(request, *, embed_url, working_groups, topics):
    """What the webmasters' page shows, with this site's addresses filled in."""
    example_group = working_groups[0] if working_groups else None
    return {
        "embed_url": embed_url,
        "example_embed_url": f"{embed_url}?{urlencode({'anzahl': DEFAULT_COUNT})}",
        "example_group_url": (
            f"{embed_url}?{urlencode({'arbeitskreis': example_group.slug})}"
            if example_group
            else ""
        ),
        "api_url": request.build_absolute_uri("/api/v2/termine/"),
        "working_groups": working_groups,
        "topics": topics,
    }
