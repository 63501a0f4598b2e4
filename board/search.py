"""Board entries in the site search: only what the public board shows, found by their words."""

from django.utils.translation import gettext as _

from home.search import SearchHit, SearchHits, highlight

from .models import BoardPage, CooperationEntry


def board_entry_hits(request, query):
    board = BoardPage.objects.live().public().first()
    if board is None:  # without a public board there is no page to link to
        return []
    entries = CooperationEntry.objects.on_board()

    def to_hits(entries):
        return [
            SearchHit(
                title=entry.title,
                url=board.entry_url(entry),
                kind=entry.get_kind_display(),
                context=_("in: %(board)s – %(municipality)s")
                % {"board": board.title, "municipality": entry.municipality.name},
                snippet=highlight(entry.description, query),
            )
            for entry in entries
        ]

    return SearchHits(
        entries, query, to_hits, prepare=lambda entries: entries.select_related("municipality")
    )
