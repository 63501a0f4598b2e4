"""A small, dependable PDF writer for text pages in Helvetica: the cover and agenda of a
meeting's dossier (``workgroups/dossier.py``) and the demo's documents.

Demo PDFs must be real PDFs, because uploads are checked by content and their text is
extracted for search; no PDF library on the stack writes text, so this one does.
"""

import textwrap

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
MARGIN = 64
LINE_HEIGHT = 16
LINES_PER_PAGE = (PAGE_HEIGHT - 2 * MARGIN) // LINE_HEIGHT
WRAP_WIDTH = 82


def _escape(text):
    encoded = text.encode("cp1252", errors="replace")
    return encoded.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _layout(title, paragraphs):
    lines = [("title", title), ("text", "")]
    for paragraph in paragraphs:
        if paragraph.startswith("# "):
            lines += [("text", ""), ("heading", paragraph[2:])]
            continue
        lines += [("text", line) for line in textwrap.wrap(paragraph, WRAP_WIDTH)] or [("text", "")]
        lines.append(("text", ""))
    return [lines[i : i + LINES_PER_PAGE] for i in range(0, len(lines), LINES_PER_PAGE)]


def _content_stream(lines, page_number, page_count, footer):
    out = [b"BT"]
    y = PAGE_HEIGHT - MARGIN
    for style, text in lines:
        font, size = {"title": (b"/F2", 16), "heading": (b"/F2", 12)}.get(style, (b"/F1", 11))
        out.append(b"%s %d Tf 1 0 0 1 %d %d Tm (%s) Tj" % (font, size, MARGIN, y, _escape(text)))
        y -= LINE_HEIGHT + (6 if style == "title" else 0)
    footer_text = f"{footer} – Seite {page_number} von {page_count}"
    out.append(b"/F1 8 Tf 1 0 0 1 %d %d Tm (%s) Tj" % (MARGIN, MARGIN // 2, _escape(footer_text)))
    out.append(b"ET")
    return b"\n".join(out)


def make_pdf(title, paragraphs, *, footer="regiopolREGION PADERBORN e. V."):
    """Bytes of a PDF with ``title`` and ``paragraphs`` ("# " starts a heading)."""
    pages = _layout(title, paragraphs)
    objects = []  # object number n is objects[n - 1]

    def add(body):
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below
    pages_obj = add(b"")
    regular = add(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    bold = add(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
    )
    page_ids = []
    for number, lines in enumerate(pages, start=1):
        stream = _content_stream(lines, number, len(pages), footer)
        content = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        page_ids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
                b"/Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> >> >>"
                % (pages_obj, PAGE_WIDTH, PAGE_HEIGHT, content, regular, bold)
            )
        )
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_obj
    kids = b" ".join(b"%d 0 R" % page_id for page_id in page_ids)
    objects[pages_obj - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_ids))
    info = add(b"<< /Title (%s) /Producer (%s) >>" % (_escape(title), _escape(footer)))

    output = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(output)
    output += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    output += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    output += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        catalog,
        info,
        xref,
    )
    return bytes(output)
