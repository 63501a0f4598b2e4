"""Background work on events (django-tasks; immediate in development and tests)."""

from django_tasks import task

from .dossier import build_dossier
from .models import DossierEdition, EventPage


@task()
def build_dossiers(event_id):
    """Both editions of an event's dossier, as the live event is now."""
    event = EventPage.objects.live().filter(pk=event_id).first()
    if event is None:
        return
    for edition in DossierEdition:
        build_dossier(event, edition)
