"""Dates of events as people in Germany read them, in Berlin time."""

from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.dateformat import format as format_date

BERLIN = ZoneInfo("Europe/Berlin")


def local_time(value):
    """An aware datetime in Berlin time (None stays None)."""
    return timezone.localtime(value, BERLIN) if value else None


def format_event_dates(start, end, all_day):
    """German date text for an event; ``start``/``end`` are local datetimes."""
    if start is None:
        return ""
    same_day = end is None or end.date() == start.date()
    if all_day:
        if same_day:
            return format_date(start, "l, j. F Y")
        if start.year != end.year:
            return f"{format_date(start, 'j. F Y')} bis {format_date(end, 'j. F Y')}"
        if start.month != end.month:
            return f"{format_date(start, 'j. F')} bis {format_date(end, 'j. F Y')}"
        return f"{format_date(start, 'j.')} bis {format_date(end, 'j. F Y')}"
    if same_day:
        day = format_date(start, "l, j. F Y")
        if end is None or end == start:
            return f"{day}, {format_date(start, 'H:i')} Uhr"
        return f"{day}, {format_date(start, 'H:i')} bis {format_date(end, 'H:i')} Uhr"
    return f"{format_date(start, 'j. F Y, H:i')} Uhr bis {format_date(end, 'j. F Y, H:i')} Uhr"
