"""Publishing an event with an agenda rebuilds its dossier in the task queue, after the
change is committed (the task reads the published state)."""

from functools import partial

from django.db import transaction

from .models import AgendaItem, EventPage
from .tasks import build_dossiers


def rebuild_dossiers(sender, instance, **kwargs):
    if not isinstance(instance, EventPage):
        return
    if not AgendaItem.objects.filter(page_id=instance.pk).exists():
        return
    transaction.on_commit(partial(build_dossiers.enqueue, instance.pk))
