"""Where uploaded media are kept: a folder on disk (``MEDIA_ROOT``), or S3-compatible object
storage for a site on several machines (``MEDIA_S3_BUCKET``).

Either way a file is kept whole or not at all. When the disk is full or read-only (or the
bucket refuses), the storage removes what it had begun to write and raises ``MediaNotStored``
with the reason in words for the editor; the upload views (``operations/uploads.py``) show it on the
form, as they show a refused file, and nothing reaches the database.

On S3, images are public: pages link them directly, so their addresses are plain (unsigned)
URLs a bucket policy opens for reading (``deploy/s3-bucket-policy.json``), and they stay valid
in the page cache however long a page is kept. Documents and their previews are not: they are
only ever delivered by the application after its permission check (``/dokumente/``), so the
storage gives them no address at all, and the bucket policy leaves them private.
"""

import contextvars
import errno
import logging

from django.core.files.storage import FileSystemStorage
from django.utils.translation import gettext as _

from boto3.exceptions import Boto3Error
from botocore.exceptions import BotoCoreError, ClientError
from storages.backends.s3 import S3Storage

from .media import is_public_media

logger = logging.getLogger(__name__)

DISK_FULL = {errno.ENOSPC, errno.EDQUOT}
READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}


class MediaNotStored(OSError):
    """A file the media storage could not keep; nothing of it is left behind."""

    @property
    def message(self):
        """Why, for the person who uploaded it (in the language of the current request)."""
        if self.errno in DISK_FULL:
            reason = _("Auf dem Server ist kein Speicherplatz mehr frei.")
        elif self.errno in READ_ONLY:
            reason = _("Der Dateispeicher des Servers nimmt zurzeit nichts an (schreibgeschützt).")
        else:
            reason = _("Der Dateispeicher des Servers hat einen Fehler gemeldet.")
        return _(
            "Die Datei konnte nicht gespeichert werden: %(reason)s Bitte versuchen Sie es "
            "später noch einmal und geben Sie der Administration Bescheid, wenn es wieder "
            "nicht klappt."
        ) % {"reason": reason}


# The names a save in progress has tried, in this thread or task: Django's storage picks a new
# name when another upload took the chosen one a moment earlier.
_names_tried = contextvars.ContextVar("names_tried")


class LocalMediaStorage(FileSystemStorage):
    """Django's file storage, which leaves no cut-off file when writing fails.

    Django's own leaves whatever it had written when the disk fills up mid-file, under a name
    no database row knows. Here the content is streamed (as every upload below the size of a
    temporary file already is), so the storage's new file exists exactly once it asks for the
    first chunk; if anything fails after that, that file, and only that one, is removed.
    """

    def _save(self, name, content):
        watched = _WatchedContent(content)
        token = _names_tried.set([name])
        try:
            return super()._save(name, watched)
        except OSError as error:
            tried = _names_tried.get()[-1]
            if watched.writing:
                self._remove_partial(tried)
            logger.error("Datei %s nicht gespeichert: %s", tried, error)
            raise MediaNotStored(error.errno, error.strerror, tried) from error
        finally:
            _names_tried.reset(token)

    def get_available_name(self, name, max_length=None):
        available = super().get_available_name(name, max_length=max_length)
        tried = _names_tried.get(None)
        if tried is not None:
            tried.append(available)
        return available

    def _remove_partial(self, name):
        try:
            self.delete(name)
        except OSError as error:  # a read-only disk keeps it; the log names it
            logger.error("Angefangene Datei %s nicht entfernt: %s", name, error)


class _WatchedContent:
    """What the storage writes, handed over chunk by chunk; notes when writing has begun."""

    def __init__(self, content):
        self._content = content
        self.writing = False

    def chunks(self, chunk_size=None):
        self.writing = True
        yield from self._content.chunks(chunk_size)


class MediaStorage(S3Storage):
    """S3 storage whose documents have no direct address.

    A refused or broken upload leaves no object behind (S3 keeps an object whole or not at
    all) and is reported as ``MediaNotStored``, like a full disk.
    """

    querystring_auth = False  # image URLs must not expire while a page is kept
    default_acl = None  # the bucket's policy decides, never a per-file public-read
    file_overwrite = False

    def url(self, name, parameters=None, expire=None, http_method=None):
        if not is_public_media(name):
            # Wagtail's document view asks for a direct URL; without one it streams the file
            # after the permission check, which is the only way a document may leave.
            raise NotImplementedError("Dokumente haben keine direkte Adresse im Objektspeicher.")
        return super().url(name, parameters=parameters, expire=expire, http_method=http_method)

    def _save(self, name, content):
        try:
            return super()._save(name, content)
        except (Boto3Error, BotoCoreError, ClientError) as error:
            logger.error("Datei %s nicht im Objektspeicher gespeichert: %s", name, error)
            raise MediaNotStored(errno.EIO, str(error), name) from error
