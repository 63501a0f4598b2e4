"""The significant words of a board entry, kept per entry for the matching (``match_terms``).

Pure text work with no model behind it, so the entry model can fill its ``match_terms`` on
save and the matching (``board/matching.py``) can compare them.
"""

import re

MIN_WORD_LENGTH = 5
WORD = re.compile(r"[a-zäöüß]+(?:-[a-zäöüß]+)*", re.IGNORECASE)
#: Suffixes cut off so that "Vergabestelle"/"Vergabestellen" or "Ausbildung"/"Ausbildungen"
#: meet; a deliberately small, predictable stemmer rather than a linguistic one.
SUFFIXES = ("ungen", "innen", "ung", "ern", "en", "er", "es", "e", "n", "s")
#: Words every entry uses; sharing them says nothing about fitting together.
_STOP_WORDS = """
    aber alle allen auch auf aus bei bereits beim bieten bietet bitte dabei damit dann dass
    denen deren derzeit dies diese diesem diesen dieser dort durch eine einem einen einer eines
    erste ersten etwa fuer für gemeinsam gemeinsame gemeinsamen gerne gesucht haben hier ihre
    ihren inzwischen jahr jahre kann können kommune kommunen gemeinde gemeinden stadt städte
    kooperation kooperationen interkommunal interkommunale interkommunalen kreis mehr mehrere
    mit nach nachbarkommunen neue neuen noch oder partner partnerin partnern sich sind sowie
    suchen sucht über unser unsere unserem unseren unserer viele von vor wenn werden wie wir
    wird wollen würden zum zur zwischen anderen andere interessierten interessierte möchten
    verwaltung verwaltungen angebot nachfrage
"""
STOP_WORDS = frozenset(_STOP_WORDS.split())


def stem(word):
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_WORD_LENGTH - 1:
            return word[: -len(suffix)]
    return word


def significant_terms(text):
    """``{stem: first spelling}`` of the words that can tell entries apart, in text order."""
    terms = {}
    for match in WORD.finditer(text):
        word = match.group().lower()
        if len(word) < MIN_WORD_LENGTH or word in STOP_WORDS:
            continue
        terms.setdefault(stem(word), match.group())
    return terms


def match_terms_for(entry):
    """What ``CooperationEntry.match_terms`` stores: the stems of title and description."""
    return " ".join(sorted(significant_terms(f"{entry.title} {entry.description}")))
