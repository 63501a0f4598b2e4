"""Document URLs: Wagtail's, with the download view wrapped for caching rules.

The download keeps Wagtail's URL name, so ``document.url`` and rich-text links point here.
"""

from django.urls import include, path

from wagtail.documents import urls as wagtaildocs_urls

from . import views

urlpatterns = [
    path(
        "<int:document_id>/<str:document_filename>",
        views.serve_document,
        name="wagtaildocs_serve",
    ),
    path("vorschau/<int:document_id>/", views.document_thumbnail, name="document_thumbnail"),
    path("", include(wagtaildocs_urls)),
]
