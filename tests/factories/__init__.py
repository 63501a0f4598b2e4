from .home import HomePageFactory, StandardPageFactory
from .users import UserFactory
from .workgroups import (
    EventIndexPageFactory,
    InfoSessionPageFactory,
    MeetingPageFactory,
    TopicFactory,
    WorkingGroupPageFactory,
    WorkshopPageFactory,
    in_days,
)

__all__ = [
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
