"""The personal links in registrants' e-mails (confirm, cancel): signed, so nobody can guess
another person's link, and they carry the registration's random key, never its number."""

from django.core import signing

from .models import Registration

#: How long a guest's confirmation link works.
GUEST_CONFIRMATION_MAX_AGE = 3 * 24 * 60 * 60
SIGNING_SALT = "registrations.personal-link"


def personal_token(registration):
    return signing.dumps(str(registration.key), salt=SIGNING_SALT)


def registration_for_token(token, max_age=None):
    """The registration a personal link names, or None for a forged or expired link."""
    try:
        key = signing.loads(token, salt=SIGNING_SALT, max_age=max_age)
    except signing.BadSignature:
        return None
    return Registration.objects.select_related("event").filter(key=key).first()
