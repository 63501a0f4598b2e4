"""Spreadsheet exports of the admin that open safely in Excel and LibreOffice.

Text typed by members (board entries) may begin with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return; a spreadsheet program opening the CSV would run it as a formula ("CSV
injection"). Such cells get a leading apostrophe, which spreadsheet programs show as plain
text. Wagtail already stores formula-like XLSX cells as text; the same rule applies there too,
so both formats read alike.
"""

from wagtail.admin.views.mixins import SpreadsheetExportMixin

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


class FormulaSafeExportMixin:
    """For an index view with ``list_export``: text cells never start a formula."""

    custom_value_preprocess = {
        **SpreadsheetExportMixin.custom_value_preprocess,
        str: {
            SpreadsheetExportMixin.FORMAT_CSV: neutralise_formula,
            SpreadsheetExportMixin.FORMAT_XLSX: neutralise_formula,
        },
    }
