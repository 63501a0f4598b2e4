from .home import HomePageFactory, StandardPageFactory
from .users import UserFactory

__all__ = ["HomePageFactory", "StandardPageFactory", "UserFactory"]
