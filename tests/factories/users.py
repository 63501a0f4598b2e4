from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

import factory


class UserFactory(factory.django.DjangoModelFactory):
    """A user; pass ``groups=["Redaktion"]`` to put them into existing groups by name."""

    username = factory.Sequence(lambda n: f"benutzer{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("geheim-123")

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(self, create, names, **kwargs):
        if create and names:
            self.groups.add(*Group.objects.filter(name__in=names))
