"""What the OParl interface has published: each object as last served, with the moments it
first appeared and last changed, and whether it is gone.

OParl clients keep their own copy and update it with ``modified_since``; for that every
object needs a ``created`` and ``modified`` that never go backwards, and an object that
disappears (deleted, unpublished, made members-only) must stay at its address as
``"deleted": true`` (specification, "Gelöschte Objekte"). The site's pages know neither, so
the interface keeps its own record (``oparl/publication.py``) and serves from it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PublishedObject(models.Model):
    """One OParl object: its last published form, or a tombstone once it is gone."""

    kind = models.CharField(_("Art"), max_length=20)
    #: What the object's address names: a page's or document's id, or "<meeting>-<number>"
    #: for an agenda item (an item is its place on the agenda; the rows behind items get new
    #: ids when the editor republishes a draft, their place does not).
    key = models.CharField(_("Schlüssel"), max_length=40)
    #: The organization a meeting belongs to (for an organization's list of meetings).
    organization_id = models.PositiveBigIntegerField(null=True, blank=True)
    created = models.DateTimeField(_("Erstmals veröffentlicht"))
    modified = models.DateTimeField(_("Zuletzt geändert"))
    deleted = models.BooleanField(_("Gelöscht"), default=False)
    #: Hash of the object without its timestamps: a change of it is a modification.
    digest = models.CharField(max_length=64)
    data = models.JSONField()

    class Meta:
        verbose_name = _("Veröffentlichtes OParl-Objekt")
        verbose_name_plural = _("Veröffentlichte OParl-Objekte")
        constraints = [
            models.UniqueConstraint(fields=["kind", "key"], name="oparl_one_record_each")
        ]
        indexes = [models.Index(fields=["kind", "modified"], name="oparl_kind_modified")]

    def __str__(self):
        return f"{self.kind} {self.key}"


class PublicationState(models.Model):
    """The content version and site address the records were last brought up to date for
    (one row): while both still hold, a request serves the records without rebuilding."""

    content_version = models.BigIntegerField(null=True)
    root_url = models.CharField(max_length=255, blank=True)

    class Meta:
        verbose_name = _("Stand der OParl-Veröffentlichung")
        verbose_name_plural = _("Stand der OParl-Veröffentlichung")
