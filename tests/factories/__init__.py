from .home import HomePageFactory, StandardPageFactory
from .users import UserFactory
from .workgroups import (
    CooperationEntryFactory,
    EventIndexPageFactory,
    InfoSessionPageFactory,
    MeetingPageFactory,
    MunicipalityFactory,
    TopicFactory,
    WorkingGroupPageFactory,
    WorkshopPageFactory,
    bulk_entries,
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
