"""The page number a listing was asked for, read the same way by every listing."""


def requested_page(request, name="seite"):
    """The number in the query parameter ``name``; 1 for anything that is no number at all.

    Too large numbers are left to the paginator's ``get_page``, which shows the last page.
    """
    try:
        return max(1, int(request.GET.get(name, 1)))
    except (TypeError, ValueError):
        return 1
