"""What a guest types into the registration form, shared by the registration tests."""

GUEST_FORM = {
    "name": "Gerda Gast",
    "email": "gerda@example.org",
    "organisation": "Kreis Höxter",
    "attendance": "in_person",
    "consent": "on",
    "webseite": "",
}
