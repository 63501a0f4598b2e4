"""Media on S3-compatible object storage, for a site on several machines (``MEDIA_S3_BUCKET``).

Images are public: pages link them directly, so their addresses are plain (unsigned) URLs a
bucket policy opens for reading (``deploy/s3-bucket-policy.json``), and they stay valid in the
page cache however long a page is kept. Documents and their previews are not: they are only
ever delivered by the application after its permission check (``/dokumente/``), so this storage
gives them no address at all, and the bucket policy leaves them private.
"""

from storages.backends.s3 import S3Storage

from .media import is_public_media


class MediaStorage(S3Storage):
    """S3 storage whose documents have no direct address."""

    querystring_auth = False  # image URLs must not expire while a page is kept
    default_acl = None  # the bucket's policy decides, never a per-file public-read
    file_overwrite = False

    def url(self, name, parameters=None, expire=None, http_method=None):
        if not is_public_media(name):
            # Wagtail's document view asks for a direct URL; without one it streams the file
            # after the permission check, which is the only way a document may leave.
            raise NotImplementedError("Dokumente haben keine direkte Adresse im Objektspeicher.")
        return super().url(name, parameters=parameters, expire=expire, http_method=http_method)
