from .board import CooperationEntryFactory, bulk_entries
from .home import HomePageFactory, StandardPageFactory
from .registrations import change_registration
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
    "change_registration",
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
