import factory
import wagtail_factories

from home.models import HomePage, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Arbeitskreise der Region"
    slug = "start"
    intro = "Städte und Gemeinden arbeiten zusammen."

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Inhaltsseite {n}")
    intro = "Eine kurze Einleitung."

    class Meta:
        model = StandardPage
