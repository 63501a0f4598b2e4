"""System check: every allowed upload type has a content check."""

from django.conf import settings
from django.core import checks

from .validation import SNIFFERS


@checks.register(checks.Tags.security)
def every_extension_is_sniffed(app_configs, **kwargs):
    unchecked = sorted(set(settings.WAGTAILDOCS_EXTENSIONS) - set(SNIFFERS))
    if not unchecked:
        return []
    return [
        checks.Error(
            f"WAGTAILDOCS_EXTENSIONS enthält Typen ohne Inhaltsprüfung: {', '.join(unchecked)}",
            hint="Prüffunktion in documents/validation.py ergänzen oder Typ entfernen.",
            id="documents.E001",
        )
    ]
