"""URL configuration: site-wide views first, Wagtail's page tree last.

Media: only image files are served in development. Documents never are: they go through
Wagtail's permission-checked ``serve_view`` at ``/dokumente/`` (docs/architecture.md).
"""

from django.conf import settings
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

from home.sitemaps import sitemap_index, sitemap_section
from notifications.views import personal_calendar_view
from operations.views import serve_image_media
from workgroups.api import api_router

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("dokumente/", include("documents.urls")),
    path("veranstaltungsanmeldung/", include("registrations.urls")),
    path("benachrichtigungen/", include("notifications.urls")),
    path("mein-kalender/<str:token>.ics", personal_calendar_view, name="personal_calendar"),
    path("api/v2/", api_router.urls),
    path("oparl/", include("oparl.urls")),
    path("", include("operations.urls")),
    path("", include("home.urls")),
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemap_section, name="sitemap_section"),
]

if settings.DEBUG:
    # Images only, checked after the path is resolved; documents are never served raw.
    urlpatterns += [path("media/<path:path>", serve_image_media)]

urlpatterns += [path("", include(wagtail_urls))]

handler500 = "operations.views.server_error"
