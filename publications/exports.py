"""Exports of the current filtered list: CSV, BibTeX and RIS, streamed.

Rows come from `QuerySet.iterator(chunk_size=...)` with the relations prefetched chunk by chunk
(a few queries per chunk), and are written to the response as they are produced, so 100,000 rows
take the memory of one chunk. Only published items ever appear: the querysets come from the
list's FilterSet over `Publication.objects.published()`.

The CSV is for spreadsheets: it starts with a UTF-8 byte-order mark, without which Excel on
Windows reads it as Windows-1252 ("SÃ©curitÃ©"; LibreOffice and Numbers read it either way);
rows end in CRLF and fields are quoted when needed (RFC 4180); text is cleaned
(`thinktank.text.clean_text`: no control characters, "\n" inside a quoted cell); and a cell
that a spreadsheet would run as a formula is neutralised with a leading apostrophe, following
OWASP's "CSV Injection" rules (a cell starting with = + - @, tab or carriage return), extended to
a cell whose first visible character is one of them (LibreOffice may trim the spaces before it)
and to their full-width forms (＝ ＋ － ＠), which Excel in East Asian locales reads as = + - @.
"""

import csv
from types import SimpleNamespace

from django.http import StreamingHttpResponse

from centers.models import Center
from thinktank.text import clean_text

from .citations import CITATIONS
from .models import (
    PublicationAuthor,
    PublicationCenter,
    PublicationRegion,
    PublicationTheme,
)

CHUNK_SIZE = 1000
CSV_COLUMNS = [
    "title",
    "subtitle",
    "authors",
    "date",
    "type",
    "series",
    "series_number",
    "regions",
    "themes",
    "centers",
    "language",
    "isbn",
    "doi",
    "url",
    "pdf_url",
]


def iter_export(queryset, *, chunk_size=CHUNK_SIZE):
    """Publications with their authors, regions, themes and centers, chunk by chunk.

    The rows stream from a server-side cursor; for each chunk, four flat queries fetch the
    relations (values_list: no model instance per link), which is much cheaper than
    prefetch_related for tens of thousands of rows, and keeps memory to one chunk."""

    chunk = []
    # for_listing() for its columns only: _attach brings the relations.
    for publication in (
        queryset.for_listing().prefetch_related(None).iterator(chunk_size=chunk_size)
    ):
        chunk.append(publication)
        if len(chunk) >= chunk_size:
            yield from _attach(chunk)
            chunk = []
    if chunk:
        yield from _attach(chunk)


def _attach(chunk):
    ids = [p.pk for p in chunk]
    authors, regions, themes, centers = {}, {}, {}, {}
    for pub_id, name, sort_name in (
        PublicationAuthor.objects.filter(publication_id__in=ids)
        .order_by("publication_id", "position", "pk")
        .values_list("publication_id", "author__name", "author__sort_name")
    ):
        authors.setdefault(pub_id, []).append(SimpleNamespace(name=name, sort_name=sort_name))
    for target, links, field in (
        (regions, PublicationRegion.objects.all(), "region__name"),
        (themes, PublicationTheme.objects.all(), "theme__name"),
        # Inactive centers are hidden from the public, as on the pages.
        (
            centers,
            PublicationCenter.objects.filter(center__in=Center.objects.active()),
            "center__name",
        ),
    ):
        for pub_id, name in (
            links.filter(publication_id__in=ids)
            .order_by(field)
            .values_list("publication_id", field)
        ):
            target.setdefault(pub_id, []).append(name)
    for publication in chunk:
        publication.__dict__["ordered_authors"] = authors.get(publication.pk, [])
        publication.export_regions = regions.get(publication.pk, [])
        publication.export_themes = themes.get(publication.pk, [])
        publication.export_centers = centers.get(publication.pk, [])
        yield publication


class _Echo:
    """A file-like object whose write() returns what it was given (for csv.writer)."""

    def write(self, value):
        return value


BYTE_ORDER_MARK = "\ufeff"
FORMULA_START = frozenset("=+-@\t\r＝＋－＠")


def _cell(value):
    """A CSV cell: cleaned text, neutralised when a spreadsheet would read a formula."""
    value = "" if value is None else clean_text(str(value))
    if value[:1] in FORMULA_START or value.lstrip()[:1] in FORMULA_START:
        return "'" + value
    return value


def _names(publication, relation):
    return "; ".join(getattr(publication, f"export_{relation}"))


class UrlBuilder:
    def __init__(self, request):
        self.request = request

    def page(self, publication):
        return self.request.build_absolute_uri(publication.get_absolute_url())

    def pdf(self, publication):
        if publication.is_media:
            return ""
        return self.request.build_absolute_uri(publication.get_pdf_url())


def csv_rows(queryset, urls):
    writer = csv.writer(_Echo())
    yield BYTE_ORDER_MARK + writer.writerow(CSV_COLUMNS)
    for publication in iter_export(queryset):
        yield writer.writerow(
            [
                _cell(value)
                for value in (
                    publication.title,
                    publication.subtitle,
                    "; ".join(author.name for author in publication.ordered_authors),
                    publication.published_on.isoformat(),
                    publication.type,
                    publication.series.name if publication.series else "",
                    publication.series_number,
                    _names(publication, "regions"),
                    _names(publication, "themes"),
                    _names(publication, "centers"),
                    publication.language,
                    publication.isbn_display,
                    publication.doi,
                    urls.page(publication),
                    urls.pdf(publication),
                )
            ]
        )


CSV_CONTENT_TYPE = "text/csv; charset=utf-8"


def export_response(request, queryset, fmt):
    """A streaming response of the queryset in `fmt` (csv, bib, ris)."""
    urls = UrlBuilder(request)
    if fmt == "csv":
        rows, content_type = csv_rows(queryset, urls), CSV_CONTENT_TYPE
    else:
        citation = CITATIONS[fmt]
        rows = (
            citation.entry(publication, url=urls.page(publication), pdf_url=urls.pdf(publication))
            for publication in iter_export(queryset)
        )
        content_type = citation.content_type
    response = StreamingHttpResponse(
        (row.encode("utf-8") for row in rows), content_type=content_type
    )
    response["Content-Disposition"] = f'attachment; filename="publications.{fmt}"'
    return response
