from .board import CooperationEntryFactory, bulk_entries
from .home import HomePageFactory, StandardPageFactory
from .users import UserFactory
from .workgroups import (
    EventIndexPageFactory,
    InfoSessionPageFactory,
    MeetingPageFactory,
    MunicipalityFactory,
    TopicFactory,
    WorkingGroupPageFactory,
    WorkshopPageFactory,
    in_days,
)

__all__ = [
    "CooperationEntryFactory",
    "MunicipalityFactory",
    "bulk_entries",
    "EventIndexPageFactory",
    "HomePageFactory",
    "InfoSessionPageFactory",
    "MeetingPageFactory",
    "StandardPageFactory",
    "TopicFactory",
    "UserFactory",
    "WorkingGroupPageFactory",
    "WorkshopPageFactory",
    "in_days",
]
