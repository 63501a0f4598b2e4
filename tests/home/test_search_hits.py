"""Search hits: each source ranks its ids once (which also counts them) and builds objects and
hits only for the page of results shown, across sources."""

from types import SimpleNamespace

from django.core.paginator import Paginator

from home.search import ChainedHits, SearchHits


class FakeSource:
    """What a source hands over: a queryset the backend searches and reads by id."""

    def __init__(self, size, gone=()):
        self.ids = list(range(size))
        self.gone = set(gone)  # left the viewer's sight between ranking and reading
        self.searches, self.reads = 0, []

    def only(self, *_fields):
        return self

    def search(self, _query):
        self.searches += 1
        return [SimpleNamespace(pk=pk) for pk in self.ids]

    def filter(self, pk__in):
        self.reads.append(list(pk__in))
        # The database answers in its own order, not the ranking's.
        return [
            SimpleNamespace(pk=pk) for pk in sorted(pk__in, reverse=True) if pk not in self.gone
        ]


def _hits(name, source, limit=50):
    return SearchHits(
        source, "wort", lambda objects: [f"{name}{obj.pk}" for obj in objects], limit=limit
    )


def test_a_page_across_two_sources_reads_only_its_own_objects():
    pages, entries = FakeSource(3), FakeSource(4)
    hits = ChainedHits([_hits("seite", pages), _hits("eintrag", entries)])

    page = Paginator(hits, 2).page(2)

    assert len(hits) == 7
    assert list(page.object_list) == ["seite2", "eintrag0"]
    assert (pages.reads, entries.reads) == ([[2]], [[0]])  # one object of each, in rank order
    assert (pages.searches, entries.searches) == (1, 1)  # the ranking also counted them


def test_each_source_counts_at_most_its_limit():
    many, entries = FakeSource(120), FakeSource(2)
    hits = ChainedHits([_hits("seite", many, limit=50), _hits("eintrag", entries)])

    assert len(hits) == 52
    assert hits[50:52] == ["eintrag0", "eintrag1"]
    assert many.reads == []


def test_a_hit_that_left_the_viewers_sight_meanwhile_is_left_out():
    source = FakeSource(3, gone={1})

    assert _hits("seite", source)[0:3] == ["seite0", "seite2"]
