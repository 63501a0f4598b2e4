"""Models of the exchange board: the entries (snippets under moderation) and the board page."""

from .entries import CooperationEntry, EntryKind, EntryStatus, LegalForm, Phase
from .pages import BoardFilterForm, BoardPage

__all__ = [
    "BoardFilterForm",
    "BoardPage",
    "CooperationEntry",
    "EntryKind",
    "EntryStatus",
    "LegalForm",
    "Phase",
]
