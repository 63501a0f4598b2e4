from django.contrib.auth.models import Group
from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from documents.pdf_writer import make_pdf


def pdf_document(title, *, text="Inhalt", kind="other", collection=None):
    """A stored document holding a real PDF with ``text``, as uploaded in the admin (size and
    hash set); its metadata task has run."""
    document = get_document_model()(
        title=title, kind=kind, collection=collection or Collection.get_first_root_node()
    )
    document.file.save(f"{kind}.pdf", ContentFile(make_pdf(title, [text])), save=False)
    document._set_document_file_metadata()  # size and hash, as an upload in the admin sets them
    document.save()
    document.refresh_from_db()
    return document


def restricted_collection(name="Nur Mitglieder", groups=("Mitglieder",)):
    """A collection only the given groups may open, like the demo's protocols."""
    collection = Collection.get_first_root_node().add_child(name=name)
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name__in=groups))
    return collection
