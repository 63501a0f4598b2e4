"""Search hits are built only for the page of results shown, across sources."""

from django.core.paginator import Paginator

from home.search import ChainedHits, SearchHits


class FakeResults(list):
    """A search result as the backends give it: sliceable and countable."""

    def count(self):
        return len(self)


def _source(name, size, built):
    def to_hits(objects):
        built.extend(objects)
        return [f"{name}{number}" for number in objects]

    return SearchHits(FakeResults(range(size)), to_hits, limit=50)


def test_a_page_across_two_sources_builds_only_its_own_hits():
    built = []
    hits = ChainedHits([_source("seite", 3, built), _source("eintrag", 4, built)])

    page = Paginator(hits, 2).page(2)

    assert len(hits) == 7
    assert list(page.object_list) == ["seite2", "eintrag0"]
    assert sorted(built) == [0, 2]  # one object of each source, nothing else


def test_each_source_counts_at_most_its_limit():
    built = []
    source = SearchHits(FakeResults(range(120)), lambda objects: list(objects), limit=50)
    hits = ChainedHits([source, _source("eintrag", 2, built)])

    assert len(hits) == 52
    assert hits[50:52] == ["eintrag0", "eintrag1"]
