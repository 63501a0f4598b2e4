"""The ``<id:…>`` path converter: a database id in a URL, within what the database can hold.

Django's ``<int:…>`` takes any run of digits. An id beyond a signed 64-bit integer reaches the
query, where SQLite's driver raises ``OverflowError`` (a 500) instead of finding nothing;
Django itself guards only plain integer columns, not the parent link of an inherited model
(``EventPage``) or a foreign key. Such an id cannot name a row, so its URL does not match and
the answer is the usual 404.

Importing this module registers the converter; the URL modules that use it import it.
"""

from django.urls import register_converter

LARGEST_DATABASE_ID = 2**63 - 1


def database_id(value):
    """``value`` (a URL part, a posted field) as an id the database can hold, else None."""
    text = str(value)
    if not (text.isascii() and text.isdigit()):
        return None
    number = int(text)
    return number if number <= LARGEST_DATABASE_ID else None


class DatabaseIdConverter:
    regex = "[0-9]+"

    def to_python(self, value):
        number = database_id(value)
        if number is None:
            raise ValueError(f"{value} is beyond every database id")  # Django: no match, 404
        return number

    def to_url(self, value):
        return str(value)


register_converter(DatabaseIdConverter, "id")
