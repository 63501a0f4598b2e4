"""The conditional GET helper: private unless its caller says the answer is public."""

import gzip

from django.http import HttpResponse

import pytest

from operations.conditional import conditional_items_response


def _cache_control(response):
    return {part.strip() for part in response["Cache-Control"].split(",")}


def _answer(request, **options):
    return conditional_items_response(
        request,
        key="mias-kalender",
        changes=[],
        build_response=lambda: HttpResponse("Mias Termine"),
        **options,
    )


def test_an_answer_is_private_unless_said_otherwise_also_when_unchanged(rf):
    first = _answer(rf.get("/kalender.ics"))
    unchanged = _answer(rf.get("/kalender.ics", headers={"If-None-Match": first["ETag"]}))

    assert first.status_code == 200 and unchanged.status_code == 304
    for response in (first, unchanged):
        assert _cache_control(response) == {"private", "no-cache"}
        assert not getattr(response, "allow_any_origin", False)


def test_a_public_answer_may_be_kept_and_read_from_other_sites(rf):
    response = _answer(rf.get("/termine.ics"), public=True, max_age=900)

    assert _cache_control(response) == {"public", "max-age=900"}
    assert response.allow_any_origin


def test_a_private_body_is_never_kept_in_the_shared_cache(rf):
    with pytest.raises(ValueError, match="public"):
        _answer(rf.get("/kalender.ics"), keep_built=True)


def _kept_calendar(rf, builds, **headers):
    def build():
        builds.append(1)
        return HttpResponse("BEGIN:VCALENDAR\n" + "SUMMARY:Treffen\n" * 200, "text/calendar")

    return conditional_items_response(
        rf.get("/termine/ical/", headers=headers),
        key="termine",
        changes=[],
        build_response=build,
        public=True,
        keep_built=True,
    )


def test_a_kept_answer_is_built_once_and_sent_compressed_from_its_kept_copy(rf):
    """Compressing a calendar of every event once per version, not per request."""
    builds = []
    first = _kept_calendar(rf, builds)
    compressed = _kept_calendar(rf, builds, accept_encoding="gzip, deflate, br")
    plain = _kept_calendar(rf, builds)

    assert len(builds) == 1
    assert compressed["Content-Encoding"] == "gzip"
    assert compressed["ETag"] == f"W/{first['ETag']}"
    assert "Accept-Encoding" in compressed["Vary"]
    assert gzip.decompress(compressed.content) == first.content == plain.content
    assert not plain.has_header("Content-Encoding")
    assert plain["Content-Type"] == "text/calendar"
