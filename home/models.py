"""The ground floor of the site: the shared base page, the home page, content pages and the
site-wide settings every template reads (contact data, legal pages)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from operations.routing import CachedRouteMixin

from .blocks import BaseStreamBlock, WorkingFieldBlock
from .privacy import in_restricted_section


class IntroMixin(models.Model):
    """A short lead text under the page title, also used as the teaser in listings."""

    intro = models.TextField(
        _("Einleitung"),
        blank=True,
        max_length=600,
        help_text=_(
            "Ein bis drei Sätze, die unter dem Titel stehen und in Übersichten erscheinen."
        ),
    )

    content_panels = [FieldPanel("intro")]

    class Meta:
        abstract = True


class BasePage(IntroMixin, Page):
    """Abstract base of every page type: the intro, an optional image, search and meta fields.

    Concrete pages extend ``content_panels`` and ``search_fields`` of this class.
    """

    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Bild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Erscheint oben auf der Seite und in Link-Vorschauen. Als Alternativtext dient die "
            "Beschreibung des Bildes; ohne Beschreibung gilt es als Schmuckbild."
        ),
    )

    search_fields = [*Page.search_fields, index.SearchField("intro")]
    content_panels = [*Page.content_panels, *IntroMixin.content_panels, FieldPanel("image")]

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        """Wagtail reads the restrictions of the page and its ancestors with two queries on
        every request, though most pages have none. The restricted sections' tree paths are
        kept until a rule changes (``home/privacy.py``), so a page outside all of them answers
        without a query; inside one (or for an alias) Wagtail's own reading decides."""
        if self.alias_of_id is None and not in_restricted_section(self):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def get_meta_description(self):
        """Text for ``<meta name="description">``: the SEO field, else the intro."""
        return self.search_description or self.intro


class HomePage(CachedRouteMixin, BasePage):
    """The site's front door: what the association is, its working fields, how to reach it."""

    page_description = _(
        "Die Startseite der Website: Einleitung, Aktionsfelder und die nächsten Termine. Es gibt "
        "sie nur einmal."
    )

    template = "home/home_page.html"
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    tagline = models.CharField(
        _("Unterzeile"),
        max_length=200,
        blank=True,
        help_text=_("Kurzer Satz über dem Titel, z. B. „Stadt-Umland-Verbund e. V.“."),
    )
    working_fields_heading = models.CharField(
        _("Überschrift der Aktionsfelder"), max_length=120, default=_("Unsere Aktionsfelder")
    )
    working_fields = StreamField(
        [("working_field", WorkingFieldBlock())],
        verbose_name=_("Aktionsfelder"),
        blank=True,
        help_text=_("Die Aktionsfelder des Vereins als Karten auf der Startseite."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("Inhalt"), blank=True)

    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [
        *Page.content_panels,
        FieldPanel("tagline"),
        *IntroMixin.content_panels,
        MultiFieldPanel(
            [FieldPanel("working_fields_heading"), FieldPanel("working_fields")],
            heading=_("Aktionsfelder"),
        ),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("Startseite")
        verbose_name_plural = _("Startseiten")

    def get_context(self, request, *args, **kwargs):
        """Sections other apps put on the home page (hook ``home_page_sections``).

        Each hook takes the page and the request and returns HTML (or nothing); the next
        events come this way from ``workgroups``, so the ground floor names no app above it.
        """
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = [
            section
            for add_section in hooks.get_hooks("home_page_sections")
            if (section := add_section(self, request))
        ]
        return context


class StandardPage(BasePage):
    """A plain content page: Impressum, Datenschutz, Über den Verein and the like."""

    page_description = _(
        "Eine einfache Inhaltsseite mit Text, Bildern und Dokument-Links, z. B. „Über den "
        "Verein“ oder das Impressum."
    )

    template = "home/standard_page.html"
    subpage_types = ["home.StandardPage"]

    body = StreamField(BaseStreamBlock(), verbose_name=_("Inhalt"), blank=True)

    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [*BasePage.content_panels, FieldPanel("body")]

    class Meta:
        verbose_name = _("Inhaltsseite")
        verbose_name_plural = _("Inhaltsseiten")


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Contact data and legal links shown in the header and footer of every page.

    Kept here, not in templates, so the office can change a phone number without a deploy.
    """

    organisation_name = models.CharField(_("Name der Organisation"), max_length=200, blank=True)
    street = models.CharField(_("Straße und Hausnummer"), max_length=200, blank=True)
    postal_code = models.CharField(_("Postleitzahl"), max_length=10, blank=True)
    city = models.CharField(_("Ort"), max_length=100, blank=True)
    phone = models.CharField(
        _("Telefon"),
        max_length=40,
        blank=True,
        help_text=_("So, wie die Nummer angezeigt werden soll, z. B. „+49 5251.88-12597“."),
    )
    email = models.EmailField(_("E-Mail"), blank=True)
    imprint_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Impressum"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Datenschutzerklärung"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Erklärung zur Barrierefreiheit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("street"),
                FieldPanel("postal_code"),
                FieldPanel("city"),
                FieldPanel("phone"),
                FieldPanel("email"),
            ],
            heading=_("Kontakt"),
        ),
        MultiFieldPanel(
            [
                PageChooserPanel("imprint_page"),
                PageChooserPanel("privacy_page"),
                PageChooserPanel("accessibility_page"),
            ],
            heading=_("Rechtliche Seiten"),
        ),
    ]

    class Meta:
        verbose_name = _("Website-Einstellungen")

    @property
    def phone_href(self):
        """The phone number as a ``tel:`` link target: digits and a leading plus only."""
        digits = "".join(ch for ch in self.phone if ch.isdigit())
        return f"+{digits}" if self.phone.strip().startswith("+") else digits

    @property
    def address_line(self):
        """The postal address on one line, leaving out whatever is not filled in."""
        place = " ".join(part for part in (self.postal_code, self.city) if part)
        return ", ".join(part for part in (self.organisation_name, self.street, place) if part)
