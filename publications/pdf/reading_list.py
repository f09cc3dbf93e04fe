"""The reading list: the publications of a filtered list as a PDF (`/publications/export.pdf`),
one numbered row each (title, authors, type, date, series, regions and themes, link), under a
header that names the filters in force (`PublicationFilterSet.criteria()`). At most
READING_LIST_CAP rows, with a note when capped.
"""

import tempfile

from django.conf import settings
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, PageTemplate, Paragraph, Spacer, Table, TableStyle

from .layout import (
    NAVY,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
    SERIF,
    TEXT_WIDTH,
    draw_head_and_foot,
    landing_url,
    markup,
    styles,
    text_frame,
)

READING_LIST_CAP = 2000
#: Rows are rendered into a temporary file kept in memory up to this size, then on disk.
SPOOL_BYTES = 8 * 1024 * 1024

ROW_STYLE = TableStyle(
    [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 7),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
    ]
)


def reading_list_pdf(filterset, *, list_url):
    """The reading list of `filterset.qs` (a PublicationFilterSet over published publications)
    as an open binary temporary file positioned at its start, for a FileResponse to close.

    `list_url` is the absolute URL of the list page the reading list stands for. Rows are read
    from the database in chunks and the PDF goes to a file, so memory stays bounded.
    """
    publications = filterset.qs
    total = publications.count()
    out = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115 (returned open)
    render_reading_list(
        out,
        publications[:READING_LIST_CAP].iterator(chunk_size=200),
        total=total,
        criteria=filterset.criteria(),
        list_url=list_url,
    )
    out.seek(0)
    return out


def _draw_list_page(canvas, doc):
    canvas.saveState()
    canvas.setFillColor(NAVY)
    canvas.rect(0, PAGE_HEIGHT - 6 * mm, PAGE_WIDTH, 6 * mm, stroke=0, fill=1)
    canvas.restoreState()
    draw_head_and_foot(
        canvas, institute=settings.INSTITUTE_NAME, title=doc.list_title, url=doc.list_url
    )


def _names(items):
    return ", ".join(str(item) for item in items)


def _header(title, *, total, criteria):
    s = styles()
    shown = min(total, READING_LIST_CAP)
    compiled = ngettext(
        "%(count)s publication · compiled on %(date)s",
        "%(count)s publications · compiled on %(date)s",
        total,
    ) % {"count": total, "date": formats.date_format(timezone.localdate(), "j F Y")}
    story = [
        Paragraph(markup(title).upper(), s["kind"]),
        Spacer(1, 3 * mm),
        Paragraph(markup(settings.INSTITUTE_NAME), s["list_heading"]),
        Paragraph(markup(compiled), s["date"]),
    ]
    for label, value in criteria:
        story.append(Paragraph(f"<b>{markup(label)}:</b> {markup(value)}", s["small"]))
    if total > shown:
        note = _(
            "Only the first %(shown)s of %(total)s publications are listed; narrow "
            "the filters to see the others."
        ) % {"shown": shown, "total": total}
        story.append(Paragraph(markup(note), s["list_note"]))
    if not total:
        story.append(Spacer(1, 8 * mm))
        story.append(Paragraph(markup(_("No publication matches these filters.")), s["body"]))
    return [*story, Spacer(1, 6 * mm)]


def _row(number, publication):
    s = styles()
    url = landing_url(publication)
    heading = f'<link href="{markup(url)}">{markup(publication.title)}</link>'
    if publication.subtitle:
        heading += f'<font name="{SERIF}-Italic" size="11">: {markup(publication.subtitle)}</font>'
    cells = [Paragraph(heading, s["list_title"])]
    authors = _names(publication.ordered_authors)
    if authors:
        cells.append(Paragraph(markup(authors), s["list_authors"]))
    meta = [
        str(publication.get_type_display()),
        formats.date_format(publication.published_on, "j F Y"),
    ]
    if publication.series_id:
        series = publication.series.name
        if publication.series_number:
            series += f" {publication.series_number}"
        meta.append(series)
    cells.append(Paragraph(markup(" · ".join(meta)), s["list_meta"]))
    tags = [t for t in (_names(publication.regions.all()), _names(publication.themes.all())) if t]
    if tags:
        cells.append(Paragraph(markup(" · ".join(tags)), s["list_meta"]))
    link = f'<link href="{markup(url)}" color="#b8432f">{markup(url)}</link>'
    cells.append(Paragraph(link, s["list_meta"]))
    row = Table(
        [[Paragraph(str(number), s["list_number"]), cells]],
        colWidths=[10 * mm, TEXT_WIDTH - 10 * mm],
    )
    row.setStyle(ROW_STYLE)
    return row


def render_reading_list(out, publications, *, total, criteria, list_url):
    """Write a reading list of `publications` (an iterable of publications with their authors,
    regions, themes and series at hand; only the first READING_LIST_CAP are used) as PDF into
    the binary file `out`. `total` is how many the filters matched; `criteria` are (label,
    value) pairs for the header; `list_url` is printed in the running foot."""
    title = _("Reading list")
    doc = BaseDocTemplate(
        out,
        pagesize=A4,
        title=f"{title} – {settings.INSTITUTE_NAME}",
        author=settings.INSTITUTE_NAME,
        subject=ngettext("%(count)s publication", "%(count)s publications", total)
        % {"count": total},
        creator=settings.INSTITUTE_NAME,
        lang=translation.get_language() or settings.LANGUAGE_CODE,
    )
    doc.list_title = title
    doc.list_url = list_url
    doc.addPageTemplates([PageTemplate(id="list", frames=[text_frame()], onPage=_draw_list_page)])
    story = _header(title, total=total, criteria=criteria)
    for number, publication in enumerate(publications, start=1):
        if number > READING_LIST_CAP:
            break
        story.append(_row(number, publication))
    doc.build(story)
