"""Titles proposed for new documents: what it is, for which event, from when.

A document's title is the text of every link to it ("Protokoll – Arbeitskreistreffen vom
12.03.2020 (PDF, 1,2 MB, 14 Seiten)"). Wagtail proposes the file name instead, and a title such
as "protokoll-test" then stood on public pages. The document form (``documents/forms.py``)
proposes a title from the kind and, where the upload comes from an event's materials, the
event's title and date; otherwise from the kind and the day of the upload. A title the editor
typed is kept; an empty one, the file's name, or a proposal for another kind is replaced.
"""

import datetime as dt
import os
import re
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext as _

from .models import DocumentKind

#: The query parameters the document chooser of an event's materials sends along (the
#: chooser's ``linked_fields`` in ``documents/visibility.py``): the page's title and start.
OCCASION_TITLE_PARAMETER = "anlass"
OCCASION_DATE_PARAMETER = "datum"
#: Django's storage appends "_" and seven characters to a name already taken.
STORAGE_SUFFIX = re.compile(r"_[A-Za-z0-9]{7}$")
TITLE_MAX_LENGTH = 255


def kind_word(kind):
    """The kind as the first word of a title; "Sonstiges" would read oddly there."""
    words = {
        DocumentKind.PROGRAMME: _("Programm"),
        DocumentKind.PRESENTATION: _("Präsentation"),
        DocumentKind.PROTOCOL: _("Protokoll"),
    }
    return words.get(kind, _("Unterlage"))


@dataclass(frozen=True)
class Occasion:
    """What an upload is for, as far as it is known: an event's title and its day."""

    title: str = ""
    day: dt.date | None = None

    @classmethod
    def from_query(cls, query):
        """From the chooser's query parameters; what cannot be read is left out."""
        title = " ".join(query.get(OCCASION_TITLE_PARAMETER, "").split())[:TITLE_MAX_LENGTH]
        return cls(title=title, day=_day_from_text(query.get(OCCASION_DATE_PARAMETER, "")))


def _day_from_text(text):
    """The day of "10.02.2027 14:00", "10.02.2027" or ISO, as the admin's date fields take it."""
    text = text.strip()[:40]
    if not text:
        return None
    for field in (forms.DateTimeField(), forms.DateField()):
        try:
            value = field.to_python(text)
        except ValidationError:
            continue
        if isinstance(value, dt.datetime):
            return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
        return value
    return None


def proposed_title(kind, occasion=None, upload_day=None):
    """ "Protokoll – Arbeitskreistreffen vom 12.03.2020", or "Unterlage vom 04.12.2026"."""
    occasion = occasion or Occasion()
    word = kind_word(kind)
    if occasion.title:
        title = occasion.title
        if occasion.day:
            day = format_date(occasion.day, "d.m.Y")
            if day not in title:  # many event titles name their day already
                title = _("%(title)s vom %(day)s") % {"title": title, "day": day}
        return f"{word} – {title}"[:TITLE_MAX_LENGTH]
    day = occasion.day or upload_day or timezone.localdate()
    return _("%(kind)s vom %(day)s") % {"kind": word, "day": format_date(day, "d.m.Y")}


def proposed_titles(occasion=None, upload_day=None):
    """The proposal for every kind, for the form to choose from and its script to follow."""
    return {kind.value: proposed_title(kind, occasion, upload_day) for kind in DocumentKind}


def names_of_file(path):
    """What a title copied from this file's name looks like: with and without extension."""
    base = os.path.basename(path or "")
    stem = os.path.splitext(base)[0]
    names = {base, stem, STORAGE_SUFFIX.sub("", stem)}
    return {_normalised(name) for name in names if name}


def _normalised(text):
    """Spaces as typed do not count; capitals do: "Programm" for programm.pdf was typed."""
    return " ".join(text.split())


def is_proposed_or_file_name(title, proposals, file_names):
    """True for a title nobody chose: empty, a proposal (of any kind), or the file's name."""
    normalised = _normalised(title or "")
    if not normalised:
        return True
    if normalised in {_normalised(proposal) for proposal in proposals}:
        return True
    return any(normalised in names_of_file(name) for name in file_names if name)
