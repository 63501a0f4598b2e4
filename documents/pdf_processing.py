"""A PDF's text, page count and first-page thumbnail, read in a child process with limits.

Anyone with an editor's account uploads PDFs, and the libraries that read them are at the mercy
of the file: a 431-byte PDF whose page is 1 pt wide and 14,400 pt tall made the old thumbnail
(scaled to 240 px width) a bitmap of 240 × 3,456,000 pixels, several gigabytes for one tiny
file; other files make pypdf loop for minutes or PDFium (C++) crash. In the worker process any
of these would take the worker, and every task behind it, down with it.

So the work runs in a child process (forked from a ``forkserver`` that has the libraries loaded,
so a child costs milliseconds, not an interpreter start) with an address-space limit
(``RLIMIT_AS``) and a CPU limit; the parent waits at most :data:`TIME_LIMIT_SECONDS` and kills
the child after that. Whatever the file does to the child, the parent gets a
:class:`PdfContents` with what was read and the :class:`Problem`, if any. A child stopped from
outside (SIGTERM, SIGINT or SIGHUP: a worker being stopped, a shutdown) says nothing about the
file, so that raises :class:`Interrupted` instead, and the caller tries again later.

The thumbnail's scale comes from the page's real size, so that the bitmap fits into
:data:`THUMBNAIL_WIDTH` × :data:`THUMBNAIL_MAX_HEIGHT` pixels whatever the page's shape, and
pages of absurd size (outside PDF's own limits, or very long and thin) get no thumbnail at all.

This module imports nothing of Django or the project: it is what the child process loads.
"""

import enum
import io
import math
import multiprocessing
import resource
import signal
import time
from dataclasses import dataclass, replace

import pypdfium2
from pypdf import PdfReader

MAX_TEXT_LENGTH = 200_000  # enough for search; keeps rows small for 300-page PDFs
THUMBNAIL_WIDTH = 240
# Portrait pages up to twice as tall as wide keep the full width; taller ones are narrower.
THUMBNAIL_MAX_HEIGHT = 2 * THUMBNAIL_WIDTH
# A page side must lie within PDF's own limits, 3 to 14,400 units (ISO 32000-1, annex C) ...
MIN_PAGE_SIDE, MAX_PAGE_SIDE = 3, 14_400
# ... and one side be at most this many times the other (a long receipt, not a hair-thin line).
MAX_PAGE_ASPECT_RATIO = 20
MEMORY_LIMIT_BYTES = 768 * 1024 * 1024
TIME_LIMIT_SECONDS = 60


class Problem(enum.Enum):
    """Why a document lacks what a PDF normally yields (the task turns it into a message)."""

    PAGE_SIZE = "page_size"  # text and pages read; no thumbnail of this page
    UNREADABLE = "unreadable"  # broken, or the libraries failed on it
    TOO_BIG = "too_big"  # needed more memory than MEMORY_LIMIT_BYTES
    TOO_SLOW = "too_slow"  # took longer than TIME_LIMIT_SECONDS


# Signals none of the limits sends: someone stopped the child, the file is not to blame.
INTERRUPTING_SIGNALS = frozenset({signal.SIGTERM, signal.SIGINT, signal.SIGHUP})


class Interrupted(Exception):
    """The child was stopped from outside before it finished; the file may be fine."""


@dataclass(frozen=True)
class Limits:
    memory_bytes: int = MEMORY_LIMIT_BYTES
    seconds: float = TIME_LIMIT_SECONDS


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class PdfContents:
    text: str = ""
    page_count: int | None = None
    thumbnail: bytes | None = None  # PNG
    problem: Problem | None = None
    #: The first page's width and height in points, where they are the problem.
    page_size: tuple[float, float] | None = None
    #: What went wrong, for the log (an exception's name and text, a signal).
    detail: str = ""
    #: False while the child has read the text but not yet drawn the thumbnail.
    finished: bool = True


def read_pdf_isolated(data, limits=None):
    """Read ``data`` in a child process under ``limits`` (:data:`DEFAULT_LIMITS`).

    Never raises for a bad file; raises :class:`Interrupted` when the child was stopped from
    outside. The child sends the text as soon as it has it, so a first page that is too much
    for PDFium costs only the thumbnail.
    """
    limits = limits or DEFAULT_LIMITS
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(
        target=_read_pdf_in_child,
        args=(data, limits, sender),
        name="pdf-processing",
        daemon=True,
    )
    child.start()
    sender.close()
    deadline = time.monotonic() + limits.seconds
    contents = PdfContents(finished=False)
    try:
        while not contents.finished:
            if not receiver.poll(max(0.0, deadline - time.monotonic())):
                detail = f"nach {limits.seconds} s beendet"
                return replace(contents, problem=Problem.TOO_SLOW, detail=detail, finished=True)
            contents = receiver.recv()
        return contents
    except EOFError:
        child.join()
        return replace(contents, **_cause_of_death(child.exitcode), finished=True)
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join()


def _cause_of_death(exitcode):
    """The child ended without a final answer: killed at its CPU limit, or crashed (PDFium
    aborts when an allocation fails under the memory limit, or on a file it cannot cope with),
    or stopped from outside, which raises :class:`Interrupted`."""
    if exitcode is not None and exitcode < 0 and -exitcode in INTERRUPTING_SIGNALS:
        raise Interrupted(f"Kindprozess von außen beendet: {signal.Signals(-exitcode).name}")
    if exitcode == -signal.SIGXCPU:
        return {"problem": Problem.TOO_SLOW, "detail": "Rechenzeit-Grenze erreicht"}
    if exitcode is not None and exitcode < 0:
        detail = f"Signal {signal.Signals(-exitcode).name}"
    else:
        detail = f"Exit-Status {exitcode}"
    return {"problem": Problem.UNREADABLE, "detail": f"Kindprozess beendet: {detail}"}


def _read_pdf_in_child(data, limits, connection):
    # Python's own SIGINT handler would end the child with exit status 1, like a crash; the
    # default one shows the signal in the exit status, so the parent knows it was a stop.
    for number in INTERRUPTING_SIGNALS:
        signal.signal(number, signal.SIG_DFL)
    memory = limits.memory_bytes
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    seconds = math.ceil(limits.seconds)
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))
    contents = PdfContents(finished=False)
    try:
        text, page_count = pdf_text_and_page_count(data)
        contents = PdfContents(text=text, page_count=page_count, finished=False)
        connection.send(contents)
        contents = with_thumbnail(contents, data)
    except MemoryError:
        contents = replace(contents, problem=Problem.TOO_BIG, detail="MemoryError")
    except Exception as error:  # whatever a broken file makes either library raise
        detail = f"{type(error).__name__}: {error}"[:500]
        contents = replace(contents, problem=Problem.UNREADABLE, detail=detail)
    connection.send(replace(contents, finished=True))
    connection.close()


def pdf_text_and_page_count(data):
    reader = PdfReader(io.BytesIO(data), strict=False)
    parts, length = [], 0
    for page in reader.pages:
        if length >= MAX_TEXT_LENGTH:
            break
        text = page.extract_text() or ""
        parts.append(text)
        length += len(text)
    return "\n".join(parts)[:MAX_TEXT_LENGTH], len(reader.pages)


def with_thumbnail(contents, data):
    """``contents`` with the first page's thumbnail, or with the page size as its problem."""
    document = pypdfium2.PdfDocument(data)
    try:
        page = document[0]
        width, height = page.get_size()
        if not reasonable_page_size(width, height):
            return replace(contents, problem=Problem.PAGE_SIZE, page_size=(width, height))
        image = page.render(scale=thumbnail_scale(width, height)).to_pil()
    finally:
        document.close()
    output = io.BytesIO()
    image.convert("RGB").save(output, format="PNG", optimize=True)
    return replace(contents, thumbnail=output.getvalue())


def reasonable_page_size(width, height):
    """Within PDF's limits and not absurdly thin; width and height in points (1/72 inch)."""
    short, long = sorted((width, height))
    return (
        short >= MIN_PAGE_SIDE and long <= MAX_PAGE_SIDE and long <= short * MAX_PAGE_ASPECT_RATIO
    )


def thumbnail_scale(width, height):
    """Pixels per point that fit the page into THUMBNAIL_WIDTH × THUMBNAIL_MAX_HEIGHT.

    Computed from the page's real size, before anything is rendered, so that no page shape
    makes a bitmap of more than about THUMBNAIL_WIDTH × THUMBNAIL_MAX_HEIGHT pixels.
    """
    return min(THUMBNAIL_WIDTH / width, THUMBNAIL_MAX_HEIGHT / height)
