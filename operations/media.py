"""Which media files are public: Wagtail's images. Documents and their previews are not; they
leave only through the permission-checked views in ``documents/views.py``."""

PUBLIC_MEDIA_FOLDERS = ("original_images", "images")


def is_public_media(name):
    """Whether the media file ``name`` (relative to the media root) may be linked directly."""
    return name.split("/", 1)[0] in PUBLIC_MEDIA_FOLDERS
