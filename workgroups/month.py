"""The month view's grid: weeks from Monday to Sunday, each day with its events."""

import calendar
import datetime as dt

from django.utils import timezone


def month_bounds(year, month):
    weeks = calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(year, month)
    return weeks, weeks[0][0], weeks[-1][-1]


def month_grid(year, month, events):
    """Rows of day cells; a multi-day event appears on each of its days."""
    weeks, first_day, last_day = month_bounds(year, month)
    by_day = {}
    for event in events:
        day = max(event.local_start.date(), first_day)
        last = min((event.local_end or event.local_start).date(), last_day)
        while day <= last:
            by_day.setdefault(day, []).append(event)
            day += dt.timedelta(days=1)
    today = timezone.localdate()
    return [
        [
            {
                "date": day,
                "in_month": day.month == month,
                "is_today": day == today,
                "events": by_day.get(day, []),
            }
            for day in week
        ]
        for week in weeks
    ]


def month_spelling(year, month):
    """How the month view's address spells a month: ``("2027", "1")``, the month unpadded."""
    return str(year), str(month)


def adjacent_months(year, month):
    previous = (year - 1, 12) if month == 1 else (year, month - 1)
    following = (year + 1, 1) if month == 12 else (year, month + 1)
    return previous, following
