"""The terms the working groups and the board share: topics, member municipalities and the
districts they lie in."""

from .municipalities import NEIGHBOURING_DISTRICTS, District, Municipality, MunicipalityKind
from .topics import Topic

__all__ = ["NEIGHBOURING_DISTRICTS", "District", "Municipality", "MunicipalityKind", "Topic"]
