"""Bringing offers and requests together: which entries of the opposite kind fit an entry.

The score is made of three parts a reader can follow, and each part that counts is named in
plain words next to the match:

* shared topics (Themen) weigh most: they are what the members chose themselves;
* region: the same district or a neighbouring one, since cooperation needs short ways;
* text similarity: significant words both entries use (stored per entry as ``match_terms``,
  so the board never tokenises a thousand descriptions per request).

Region alone never makes a match: a neighbour who offers something else is no partner.
Ties are broken by the older entry first (lower primary key), so the result is deterministic.
"""

import math
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from taxonomy.models import NEIGHBOURING_DISTRICTS

from .entries import CooperationEntry, EntryKind, EntryStatus
from .terms import significant_terms

TOPIC_WEIGHT = 3.0
SAME_DISTRICT_WEIGHT = 1.5
NEIGHBOUR_WEIGHT = 1.0
TEXT_WEIGHT = 4.0
#: Shared significant words that make a match without a shared topic.
MIN_SHARED_TERMS_WITHOUT_TOPIC = 2
MAX_MATCHES = 3
MAX_NAMED_TERMS = 3

#: Statuses of entries still looking for a partner; "vermittelt" and "abgeschlossen" are done.
SEEKING_STATUSES = (EntryStatus.OPEN, EntryStatus.IN_TALKS)


@dataclass(frozen=True)
class Match:
    entry: CooperationEntry
    score: float
    reasons: tuple

    @property
    def reason_text(self):
        return " · ".join(self.reasons)


def _region_reason(entry, municipality_id, district):
    """(points, words) for how close the candidate's municipality is to the entry's."""
    own = entry.municipality
    if own.pk == municipality_id:
        return SAME_DISTRICT_WEIGHT, _("gleiche Kommune")
    if own.district == district:
        return SAME_DISTRICT_WEIGHT, _("gleicher Kreis")
    if district in NEIGHBOURING_DISTRICTS.get(own.district, ()):
        return NEIGHBOUR_WEIGHT, _("Nachbarkreis")
    return 0.0, ""


def _topic_reason(shared_topic_names):
    names = ", ".join(shared_topic_names)
    return ngettext(
        "gleiches Thema: %(names)s",
        "gleiche Themen: %(names)s",
        len(shared_topic_names),
    ) % {"names": names}


def find_matches(entry, *, limit=MAX_MATCHES):
    """The best live, unexpired, still seeking entries of the opposite kind, best first.

    Every candidate is scored from a plain row (id, municipality, district, stored terms), not
    a model object: building a thousand entries took 70 ms per page on a grown board, scoring
    their rows takes a few. Only the best ``limit`` are then loaded as entries. Four queries
    whatever the size of the board: the entry's topics, the candidates' rows, their topic
    links, and the winners.
    """
    if entry.status not in SEEKING_STATUSES:
        return []
    own_topics = {topic.pk: topic.name for topic in entry.topics.all()}
    own_spellings = significant_terms(f"{entry.title} {entry.description}")
    own_terms = set(own_spellings)
    opposite = EntryKind.REQUEST if entry.kind == EntryKind.OFFER else EntryKind.OFFER
    candidates = (
        CooperationEntry.objects.on_board()
        .filter(kind=opposite, status__in=SEEKING_STATUSES)
        .exclude(pk=entry.pk)
    )
    rows = list(
        candidates.values_list("pk", "municipality_id", "municipality__district", "match_terms")
    )
    topic_links = CooperationEntry.topics.through.objects.filter(
        cooperationentry__in=candidates.filter(topics__in=own_topics)
    ).values_list("cooperationentry_id", "topic_id")
    topics_by_entry = {}
    for entry_id, topic_id in topic_links:
        topics_by_entry.setdefault(entry_id, set()).add(topic_id)

    scored = []
    for pk, municipality_id, district, match_terms in rows:
        shared_topics = sorted(
            own_topics[topic] for topic in topics_by_entry.get(pk, ()) if topic in own_topics
        )
        candidate_terms = set(match_terms.split())
        shared_terms = own_terms & candidate_terms
        if not shared_topics and len(shared_terms) < MIN_SHARED_TERMS_WITHOUT_TOPIC:
            continue
        score, reasons = 0.0, []
        if shared_topics:
            score += TOPIC_WEIGHT * len(shared_topics)
            reasons.append(_topic_reason(shared_topics))
        region_points, region_words = _region_reason(entry, municipality_id, district)
        if region_points:
            score += region_points
            reasons.append(region_words)
        if shared_terms:
            score += (
                TEXT_WEIGHT * len(shared_terms) / math.sqrt(len(own_terms) * len(candidate_terms))
            )
            words = [own_spellings[term] for term in own_spellings if term in shared_terms]
            reasons.append(
                _("ähnliche Begriffe: %(words)s") % {"words": ", ".join(words[:MAX_NAMED_TERMS])}
            )
        scored.append((round(score, 6), pk, tuple(reasons)))
    best = sorted(scored, key=lambda item: (-item[0], item[1]))[:limit]
    entries = CooperationEntry.objects.select_related("municipality").in_bulk(
        [pk for _score, pk, _reasons in best]
    )
    return [Match(entries[pk], score, reasons) for score, pk, reasons in best]
