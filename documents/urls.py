"""Document URLs: Wagtail's, with the download view wrapped for caching rules.

The download keeps Wagtail's URL name, so ``document.url`` and rich-text links point here.
"""

from django.urls import include, path

from wagtail.documents import urls as wagtaildocs_urls

import operations.converters  # noqa: F401  registers <id:…>

from . import views

urlpatterns = [
    path(
        "<id:document_id>/<str:document_filename>",
        views.serve_document,
        name="wagtaildocs_serve",
    ),
    path("vorschau/<id:document_id>/", views.document_thumbnail, name="document_thumbnail"),
    path("", include(wagtaildocs_urls)),
]
