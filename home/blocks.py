"""The body blocks every page of the site shares (bakerydemo's ``BaseStreamBlock`` pattern)."""

import logging

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

from operations.page_cache import leave_out_of_caches

logger = logging.getLogger(__name__)


class HeadingBlock(blocks.StructBlock):
    """A section heading; the page title is the only ``<h1>``, so levels start at 2."""

    text = blocks.CharBlock(label=_("Überschrift"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Ebene"),
        choices=[("h2", _("Ebene 2")), ("h3", _("Ebene 3")), ("h4", _("Ebene 4"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Überschrift")
        template = "blocks/heading_block.html"
        description = _("Zwischenüberschrift, die längere Texte gliedert.")
        help_text = _(
            "Ebene 2 für Hauptabschnitte, Ebene 3 und 4 für Unterabschnitte; der Seitentitel "
            "ist schon die oberste Überschrift."
        )
        preview_value = {"text": "Interkommunale Zusammenarbeit", "level": "h2"}


class LabelledImageBlock(ImageBlock):
    """Wagtail's ``ImageBlock``, whose chooser screen readers announced as "Image": Wagtail
    labels it from the child's name, which no translation reaches."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.child_blocks["image"].label = _("Bild")


class CaptionedImageBlock(blocks.StructBlock):
    """An image with its alternative text (from Wagtail's ``ImageBlock``) and a caption."""

    image = LabelledImageBlock(label=_("Bild"))
    caption = blocks.CharBlock(label=_("Bildunterschrift"), required=False, max_length=300)
    attribution = blocks.CharBlock(label=_("Bildnachweis"), required=False, max_length=200)

    class Meta:
        icon = "image"
        label = _("Bild")
        template = "blocks/captioned_image_block.html"
        description = _("Ein Bild mit Bildunterschrift und Bildnachweis.")
        help_text = _(
            "Der Alternativtext beschreibt das Bild für Menschen, die es nicht sehen; bei "
            "reiner Dekoration leer lassen."
        )

    def render(self, value, context=None):
        """The page goes on without the picture if its size cannot be written (a full disk):
        the first view of a new size writes the file, and a failure there must not cost the
        whole page."""
        try:
            return super().render(value, context)
        except OSError as error:
            logger.warning("Bild auf einer Seite ausgelassen, Größe nicht gespeichert: %s", error)
            leave_out_of_caches("picture")
            return ""


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Zitat"))
    attribution = blocks.CharBlock(label=_("Quelle"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Zitat")
        template = "blocks/quote_block.html"
        description = _("Ein hervorgehobenes Zitat mit Quelle.")
        help_text = _("Nur für wörtliche Zitate; die Quelle nennt Person oder Gremium.")
        preview_value = {
            "quote": "Interkommunale Zusammenarbeit wird künftig deutlich an Bedeutung gewinnen.",
            "attribution": "Arbeitskreis Verwaltungskooperation",
        }


class DocumentLinkBlock(blocks.StructBlock):
    """A download link that tells type and size before the click: "Programm (PDF, 1,2 MB)"."""

    document = DocumentChooserBlock(label=_("Dokument"))
    title = blocks.CharBlock(
        label=_("Linktext"),
        required=False,
        max_length=200,
        help_text=_("Leer lassen, um den Titel des Dokuments zu verwenden."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Dokument-Link")
        template = "blocks/document_link_block.html"
        description = _("Ein Link zum Herunterladen eines Dokuments.")
        help_text = _(
            "Art und Größe der Datei werden automatisch ergänzt. Dokumente, die nur für "
            "Mitglieder sind, sehen Besucher als Hinweis zur Anmeldung."
        )


class LinkStructValue(blocks.StructValue):
    """Resolves the target of a call to action, whichever of page or address was chosen."""

    def url(self):
        page = self.get("page")
        if page:
            return page.url
        return self.get("external_url") or ""


class CallToActionBlock(blocks.StructBlock):
    """A highlighted box that leads the reader to one next step."""

    heading = blocks.CharBlock(label=_("Überschrift"), max_length=200)
    text = blocks.TextBlock(label=_("Text"), required=False)
    button_label = blocks.CharBlock(label=_("Beschriftung der Schaltfläche"), max_length=80)
    page = blocks.PageChooserBlock(label=_("Interne Seite"), required=False)
    external_url = blocks.URLBlock(label=_("Externe Adresse"), required=False)

    class Meta:
        icon = "pick"
        label = _("Handlungsaufforderung")
        template = "blocks/call_to_action_block.html"
        description = _("Ein hervorgehobener Kasten mit einer Schaltfläche.")
        help_text = _(
            "Führt zu genau einem nächsten Schritt: entweder eine interne Seite oder eine "
            "externe Adresse."
        )
        value_class = LinkStructValue
        preview_value = {
            "heading": "Mitmachen im Arbeitskreis",
            "text": "Alle Mitgliedskommunen sind eingeladen, sich zu beteiligen.",
            "button_label": "Kontakt aufnehmen",
            "external_url": "https://example.org/",
        }

    def clean(self, value):
        cleaned = super().clean(value)
        if bool(cleaned.get("page")) == bool(cleaned.get("external_url")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "page": ValidationError(
                        _("Bitte genau ein Ziel wählen: eine interne Seite oder eine Adresse.")
                    )
                }
            )
        return cleaned


class BaseStreamBlock(blocks.StreamBlock):
    """The body of every content page."""

    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        icon="pilcrow",
        help_text=_("Fließtext mit Hervorhebungen, Listen und Links zu Seiten oder Dokumenten."),
        features=["bold", "italic", "link", "document-link", "ol", "ul", "h2", "h3", "h4"],
        template="blocks/paragraph_block.html",
    )
    heading = HeadingBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    document = DocumentLinkBlock()
    call_to_action = CallToActionBlock()


class WorkingFieldBlock(blocks.StructBlock):
    """One of the association's working fields as a card on the home page."""

    title = blocks.CharBlock(label=_("Titel"), max_length=120)
    description = blocks.TextBlock(label=_("Kurzbeschreibung"), required=False)
    page = blocks.PageChooserBlock(label=_("Seite des Aktionsfelds"), required=False)

    class Meta:
        icon = "group"
        label = _("Aktionsfeld")
        template = "blocks/working_field_block.html"
        description = _("Ein Aktionsfeld des Vereins als Karte.")
        help_text = _(
            "Erscheint als Karte auf der Startseite; die Seite des Aktionsfelds macht die "
            "Karte zum Link."
        )
        preview_value = {
            "title": "Die neuen Kommunen ohne Grenzen",
            "description": "Verwaltungskooperation | Zusammenarbeit",
        }
