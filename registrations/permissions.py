"""Editors and moderators see and look after registrations; nobody adds one in the admin,
because a registration made there would bypass the places and the waiting list."""

from django.contrib.auth.models import Group

from home.groups import EDITORS, grant_model_permissions

from .models import Registration


def grant_registration_permissions(**kwargs):
    if Group.objects.filter(name=EDITORS).exists():
        grant_model_permissions(Registration, actions=("change", "view", "delete"))
