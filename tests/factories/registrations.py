"""An event's registration settings in tests: given when the event is made, changed later."""

from registrations.models import RegistrationSettings


def registration_settings(event, create, extracted, **fields):
    """Post-generation of the event factories: ``registration={"capacity_in_person": 2, …}``
    (or ``registration__audience="everyone"``) makes the event take registrations."""
    if not create or (extracted is None and not fields):
        return
    RegistrationSettings.objects.create(event=event, **{**(extracted or {}), **fields})


def change_registration(event, **fields):
    """Change the saved settings (as publishing the page would) and let ``event`` read them
    anew; an event without settings gets them."""
    RegistrationSettings.objects.update_or_create(event=event, defaults=fields)
    getattr(event, "_prefetched_objects_cache", {}).pop(RegistrationSettings.RELATION, None)
    return RegistrationSettings.of(event)
