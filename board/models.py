"""The board's models, gathered here so Django registers them with the app: the entries
(``board/entries.py``) and the board page (``board/pages.py``)."""

from .entries import CooperationEntry, EntryKind, EntryStatus, LegalForm, Phase
from .pages import BoardPage

__all__ = [
    "BoardPage",
    "CooperationEntry",
    "EntryKind",
    "EntryStatus",
    "LegalForm",
    "Phase",
]
