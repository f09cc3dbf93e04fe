"""PDF editions of publications that have no uploaded PDF, and reading lists, with ReportLab.

Rendering is pure (`render_edition(data)`, `render_reading_list(...)`); caching and locking live
in `publication_edition(*, publication)`:

- The cache key is a hash of everything printed: the publication's text fields, its authors
  (names, titles, bios, order), regions, themes, series, cover file, the landing URL, the
  institute's name and `GENERATOR_VERSION`. Editing the publication or one of its authors
  changes the key, so the next request generates a new edition; older editions of the same
  publication are deleted once the new one is in place.
- Editions are written under `generated/` in the private storage (outside MEDIA_ROOT), first to
  a temporary file and then renamed, so a reader never sees half a file.
- Generation never runs twice at once for one publication. On PostgreSQL a transaction-level
  advisory lock (`pg_advisory_xact_lock(namespace, pk)`) serialises generators across every
  worker and machine that share the database; unlike `select_for_update()` on the publication
  row it does not block the download counter's `UPDATE` of that row, nor staff saving the
  publication, while a (second-long) generation runs. On other databases an exclusive `flock`
  on `generated/locks/<pk>.lock` serialises the processes of one machine. Whoever waited then
  finds the file and returns it without generating again.
"""

import contextlib
import datetime
import fcntl
import functools
import hashlib
import json
import os
import tempfile
import uuid
from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape

from django.conf import settings
from django.db import connection, transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    Image,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from publications.models import Publication, private_storage, split_paragraphs

from .serving import StoredFile

#: Bump when the layout changes so that every cached edition is regenerated.
GENERATOR_VERSION = "2"
GENERATED_DIR = "generated"
#: First key of the PostgreSQL advisory lock: "PDFG" in ASCII, so other locks don't collide.
LOCK_NAMESPACE = 0x50444647 & 0x7FFFFFFF

INK = colors.HexColor("#1c2430")
NAVY = colors.HexColor("#15294b")
ACCENT = colors.HexColor("#b8432f")
MUTED = colors.HexColor("#5b6573")
RULE = colors.HexColor("#c9ced6")
PAPER_TINT = colors.HexColor("#f3f1ec")

SERIF = "TTSerif"
SANS = "TTSans"


# --- Fonts ----------------------------------------------------------------------------------
@functools.cache
def register_fonts():
    """Register Source Serif Pro and Source Sans Pro, shipped by PyPI packages the project
    installs (`font-source-serif-pro`, `font-source-sans-pro`); both cover Latin-1 and Latin
    Extended-A (é ç ł ş ő ō), and ReportLab embeds the subset it uses."""
    import font_source_sans_pro
    import font_source_serif_pro

    serif = font_source_serif_pro.font_files_ttf
    sans = font_source_sans_pro.font_files_ttf
    faces = {
        SERIF: serif["SourceSerifPro"],
        f"{SERIF}-Bold": serif["SourceSerifProSemibold"],
        f"{SERIF}-Italic": serif["SourceSerifProIt"],
        f"{SERIF}-BoldItalic": serif["SourceSerifProSemiboldIt"],
        f"{SERIF}-Light": serif["SourceSerifProLight"],
        SANS: sans["SourceSansPro"],
        f"{SANS}-Bold": sans["SourceSansProSemibold"],
        f"{SANS}-Italic": sans["SourceSansProIt"],
        f"{SANS}-BoldItalic": sans["SourceSansProSemiboldIt"],
    }
    for name, path in faces.items():
        pdfmetrics.registerFont(TTFont(name, path))
    for family in (SERIF, SANS):
        pdfmetrics.registerFontFamily(
            family,
            normal=family,
            bold=f"{family}-Bold",
            italic=f"{family}-Italic",
            boldItalic=f"{family}-BoldItalic",
        )


@functools.cache
def styles():
    register_fonts()
    base = ParagraphStyle("base", fontName=SERIF, fontSize=10.5, leading=15.5, textColor=INK)
    return {
        "institute": ParagraphStyle(
            "institute",
            base,
            fontName=f"{SANS}-Bold",
            fontSize=10,
            leading=13,
            textColor=colors.white,
        ),
        "series": ParagraphStyle(
            "series", base, fontName=SANS, fontSize=10, leading=13, textColor=colors.white
        ),
        "kind": ParagraphStyle(
            "kind",
            base,
            fontName=f"{SANS}-Bold",
            fontSize=9.5,
            leading=12,
            textColor=ACCENT,
        ),
        "title": ParagraphStyle(
            "title",
            base,
            fontName=f"{SERIF}-Bold",
            fontSize=30,
            leading=35,
            textColor=NAVY,
            spaceAfter=8,
        ),
        "subtitle": ParagraphStyle(
            "subtitle",
            base,
            fontName=f"{SERIF}-Italic",
            fontSize=16,
            leading=21,
            textColor=INK,
            spaceAfter=6,
        ),
        "authors": ParagraphStyle(
            "authors",
            base,
            fontName=f"{SANS}-Bold",
            fontSize=13,
            leading=17,
            textColor=INK,
            spaceBefore=14,
        ),
        "date": ParagraphStyle(
            "date", base, fontName=SANS, fontSize=11, leading=15, textColor=MUTED, spaceBefore=2
        ),
        "h1": ParagraphStyle(
            "h1",
            base,
            fontName=f"{SANS}-Bold",
            fontSize=10,
            leading=13,
            textColor=ACCENT,
            spaceBefore=4,
            spaceAfter=10,
        ),
        "summary": ParagraphStyle(
            "summary",
            base,
            fontName=SERIF,
            fontSize=12,
            leading=18,
            textColor=NAVY,
            spaceAfter=9,
        ),
        "body": ParagraphStyle(
            "body",
            base,
            alignment=TA_JUSTIFY,
            spaceAfter=7,
            firstLineIndent=0,
        ),
        "small": ParagraphStyle(
            "small", base, fontName=SANS, fontSize=9, leading=12.5, textColor=MUTED
        ),
        "author_name": ParagraphStyle(
            "author_name",
            base,
            fontName=f"{SANS}-Bold",
            fontSize=11,
            leading=14,
            spaceBefore=8,
        ),
        "author_bio": ParagraphStyle(
            "author_bio", base, fontSize=9.5, leading=13.5, textColor=INK, spaceAfter=4
        ),
        "cite": ParagraphStyle(
            "cite", base, fontSize=10, leading=14.5, alignment=TA_LEFT, textColor=INK
        ),
        "list_title": ParagraphStyle(
            "list_title",
            base,
            fontName=f"{SERIF}-Bold",
            fontSize=12.5,
            leading=16,
            textColor=NAVY,
        ),
        "list_meta": ParagraphStyle(
            "list_meta", base, fontName=SANS, fontSize=9, leading=12, textColor=MUTED
        ),
        "list_authors": ParagraphStyle(
            "list_authors", base, fontName=SANS, fontSize=10, leading=13, textColor=INK
        ),
    }


def text(value):
    """Plain text as Paragraph markup: escaped, line breaks kept."""
    return escape(value or "").replace("\n", "<br/>")


# --- What an edition prints -----------------------------------------------------------------
def landing_url(publication):
    with translation.override(settings.LANGUAGE_CODE):
        return settings.SITE_URL + publication.get_absolute_url()


def edition_data(publication):
    """Everything an edition prints, as plain values (three queries)."""
    links = publication.publication_authors.select_related("author").order_by("position", "pk")
    authors = [
        {
            "name": link.author.name,
            "title": link.author.title,
            "bio": link.author.bio,
            "sort_name": link.author.sort_name,
        }
        for link in links
    ]
    series = publication.series
    return {
        "version": GENERATOR_VERSION,
        "institute": settings.INSTITUTE_NAME,
        "slug": publication.slug,
        "url": landing_url(publication),
        "title": publication.title,
        "subtitle": publication.subtitle,
        "type": publication.type,
        "type_label": str(publication.get_type_display()),
        "series": series.name if series else "",
        "issn": series.issn if series else "",
        "series_number": publication.series_number,
        "summary": publication.summary,
        "body": publication.body,
        "language": publication.language,
        "published_on": publication.published_on.isoformat(),
        "isbn": publication.isbn_display,
        "doi": publication.doi,
        "cover": publication.cover.name if publication.cover else "",
        "authors": authors,
        "regions": list(publication.regions.order_by("name").values_list("name", flat=True)),
        "themes": list(publication.themes.order_by("name").values_list("name", flat=True)),
    }


def content_key(data):
    payload = json.dumps(data, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(payload).hexdigest()


def label_language(language):
    codes = {code for code, _name in settings.LANGUAGES}
    return language if language in codes else settings.LANGUAGE_CODE


def author_names(data):
    names = [author["name"] for author in data["authors"]]
    if len(names) <= 1:
        return "".join(names)
    return _("%(names)s and %(last)s") % {"names": ", ".join(names[:-1]), "last": names[-1]}


def citation(data, date_text):
    names = [author["sort_name"] or author["name"] for author in data["authors"]]
    title = data["title"] + (f": {data['subtitle']}" if data["subtitle"] else "")
    parts = []
    if names:
        parts.append(escape("; ".join(names)) + ".")
    parts.append(f"“{escape(title)}”.")
    if data["series"]:
        series = escape(data["series"])
        if data["series_number"]:
            series += ", " + escape(_("no. %(number)s") % {"number": data["series_number"]})
        parts.append(f"<i>{series}</i>.")
    parts.append(f"{escape(data['institute'])}, {escape(date_text)}.")
    if data["isbn"]:
        parts.append(f"ISBN {escape(data['isbn'])}.")
    if data["doi"]:
        parts.append(f"DOI {escape(data['doi'])}.")
    parts.append(f'<link href="{escape(data["url"])}" color="#15294b">{escape(data["url"])}</link>')
    return " ".join(parts)


# --- Page decoration ------------------------------------------------------------------------
PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 24 * mm
COVER_BAND = 30 * mm


def _draw_cover(canvas, doc):
    data = doc.edition
    canvas.saveState()
    canvas.setFillColor(NAVY)
    canvas.rect(0, PAGE_HEIGHT - COVER_BAND, PAGE_WIDTH, COVER_BAND, stroke=0, fill=1)
    canvas.setFillColor(ACCENT)
    canvas.rect(0, PAGE_HEIGHT - COVER_BAND - 2.2 * mm, PAGE_WIDTH, 2.2 * mm, stroke=0, fill=1)
    canvas.setFillColor(colors.white)
    canvas.setFont(f"{SANS}-Bold", 11)
    canvas.drawString(MARGIN_X, PAGE_HEIGHT - 14 * mm, data["institute"].upper())
    series_line = data["series"]
    if data["series_number"]:
        series_line += " · " + _("No. %(number)s") % {"number": data["series_number"]}
    if series_line:
        canvas.setFont(SANS, 10.5)
        canvas.drawString(MARGIN_X, PAGE_HEIGHT - 21 * mm, series_line)
    # Foot of the cover: keywords and the landing page.
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN_X, 30 * mm, PAGE_WIDTH - MARGIN_X, 30 * mm)
    canvas.setFillColor(MUTED)
    canvas.setFont(SANS, 8.5)
    if not data["cover"]:
        # Without a cover image, a quiet panel carries the regions and themes.
        canvas.setFillColor(PAPER_TINT)
        canvas.rect(MARGIN_X, 40 * mm, PAGE_WIDTH - 2 * MARGIN_X, 62 * mm, stroke=0, fill=1)
        canvas.setFillColor(ACCENT)
        canvas.rect(MARGIN_X, 40 * mm, 1.6 * mm, 62 * mm, stroke=0, fill=1)
        y = 90 * mm
        for label, names in ((_("Regions"), data["regions"]), (_("Themes"), data["themes"])):
            if not names:
                continue
            canvas.setFillColor(ACCENT)
            canvas.setFont(f"{SANS}-Bold", 8.5)
            canvas.drawString(MARGIN_X + 8 * mm, y, label.upper())
            canvas.setFillColor(NAVY)
            canvas.setFont(SERIF, 12.5)
            canvas.drawString(MARGIN_X + 8 * mm, y - 6 * mm, " · ".join(names)[:80])
            y -= 18 * mm
        canvas.setFillColor(MUTED)
        canvas.setFont(SANS, 8.5)
    canvas.drawString(MARGIN_X, 19 * mm, data["url"])
    if data["isbn"]:
        canvas.drawRightString(PAGE_WIDTH - MARGIN_X, 19 * mm, f"ISBN {data['isbn']}")
    canvas.restoreState()


def _draw_head_and_foot(canvas, *, institute, title, url, foot_middle=""):
    """The running head (institute, title, rule) and foot (rule, URL, folio) that editions
    and reading lists share, so their pages look alike."""
    top, bottom = PAGE_HEIGHT - 14 * mm, 13 * mm
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.setFillColor(MUTED)
    canvas.setFont(f"{SANS}-Bold", 8)
    canvas.drawString(MARGIN_X, top, institute.upper())
    canvas.setFont(SANS, 8)
    canvas.drawRightString(PAGE_WIDTH - MARGIN_X, top, title)
    canvas.line(MARGIN_X, top - 2.5 * mm, PAGE_WIDTH - MARGIN_X, top - 2.5 * mm)
    canvas.line(MARGIN_X, bottom + 5 * mm, PAGE_WIDTH - MARGIN_X, bottom + 5 * mm)
    canvas.drawString(MARGIN_X, bottom, url)
    if foot_middle:
        canvas.drawCentredString(PAGE_WIDTH / 2 + 20 * mm, bottom, foot_middle)
    canvas.setFont(f"{SANS}-Bold", 9)
    canvas.setFillColor(NAVY)
    canvas.drawRightString(PAGE_WIDTH - MARGIN_X, bottom, str(canvas.getPageNumber()))
    canvas.restoreState()


def _draw_running(canvas, doc):
    data = doc.edition
    _draw_head_and_foot(
        canvas,
        institute=data["institute"],
        title=data["title"] if len(data["title"]) <= 70 else data["title"][:67] + "…",
        url=data["url"],
        foot_middle=f"ISBN {data['isbn']}" if data["isbn"] else "",
    )


class EditionTemplate(BaseDocTemplate):
    def __init__(self, filename, *, edition, **kwargs):
        self.edition = edition
        super().__init__(filename, pagesize=A4, **kwargs)
        width = PAGE_WIDTH - 2 * MARGIN_X
        cover_frame = Frame(
            MARGIN_X,
            36 * mm,
            width,
            PAGE_HEIGHT - COVER_BAND - 52 * mm,
            id="cover",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        body_frame = Frame(
            MARGIN_X + 8 * mm,
            24 * mm,
            width - 16 * mm,
            PAGE_HEIGHT - 48 * mm,
            id="body",
            leftPadding=0,
            rightPadding=0,
        )
        self.addPageTemplates(
            [
                PageTemplate(id="cover", frames=[cover_frame], onPage=_draw_cover),
                PageTemplate(id="body", frames=[body_frame], onPage=_draw_running),
            ]
        )


def _cover_image(name, max_width, max_height):
    from django.core.files.storage import default_storage

    try:
        with default_storage.open(name, "rb") as fh:
            raw = BytesIO(fh.read())
        width, height = ImageReader(raw).getSize()
    except Exception:  # a missing or unreadable cover must not break the edition
        return None
    scale = min(max_width / width, max_height / height)
    raw.seek(0)
    return Image(raw, width=width * scale, height=height * scale, hAlign="LEFT")


def render_edition(data):
    """The PDF bytes of an edition of `data` (see `edition_data`)."""
    s = styles()
    with translation.override(label_language(data["language"])):
        date_text = formats.date_format(datetime.date.fromisoformat(data["published_on"]), "j F Y")
        story = [
            Paragraph(escape(data["type_label"]).upper(), s["kind"]),
            Spacer(1, 5 * mm),
            Paragraph(text(data["title"]), s["title"]),
        ]
        if data["subtitle"]:
            story.append(Paragraph(text(data["subtitle"]), s["subtitle"]))
        if data["authors"]:
            story.append(Paragraph(escape(author_names(data)), s["authors"]))
        story.append(Paragraph(escape(date_text), s["date"]))
        if data["cover"]:
            image = _cover_image(data["cover"], PAGE_WIDTH - 2 * MARGIN_X, 95 * mm)
            if image is not None:
                story += [Spacer(1, 10 * mm), image]
        story += [NextPageTemplate("body"), PageBreak()]

        summary = split_paragraphs(data["summary"])
        if summary:
            story.append(Paragraph(_("Summary").upper(), s["h1"]))
            story += [Paragraph(text(p), s["summary"]) for p in summary]
            story.append(Spacer(1, 6 * mm))
        body = split_paragraphs(data["body"])
        if body:
            story.append(CondPageBreak(40 * mm))
            story.append(Paragraph(_("Full text").upper(), s["h1"]))
            story += [Paragraph(text(p), s["body"]) for p in body]

        if data["authors"]:
            about = [Spacer(1, 8 * mm), Paragraph(_("About the authors").upper(), s["h1"])]
            for author in data["authors"]:
                line = escape(author["name"])
                if author["title"]:
                    line += (
                        f' <font name="{SANS}" color="#5b6573">— {escape(author["title"])}</font>'
                    )
                about.append(Paragraph(line, s["author_name"]))
                bio = split_paragraphs(author["bio"])
                if bio:
                    about.append(Paragraph(text(bio[0]), s["author_bio"]))
            story.append(KeepTogether(about[:4]))
            story += about[4:]

        cite = Table(
            [
                [Paragraph(_("How to cite").upper(), s["h1"])],
                [Paragraph(citation(data, date_text), s["cite"])],
            ],
            colWidths=[PAGE_WIDTH - 2 * MARGIN_X - 16 * mm],
        )
        cite.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), PAPER_TINT),
                    ("LINEBEFORE", (0, 0), (0, -1), 2.5, ACCENT),
                    ("LEFTPADDING", (0, 0), (-1, -1), 10),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                    ("TOPPADDING", (0, 0), (-1, 0), 9),
                    ("BOTTOMPADDING", (0, -1), (-1, -1), 10),
                ]
            )
        )
        story += [Spacer(1, 10 * mm), cite]
        if data["issn"]:
            story += [
                Spacer(1, 3 * mm),
                Paragraph(escape(f"{data['series']} · ISSN {data['issn']}"), s["small"]),
            ]
        story += [
            Spacer(1, 2 * mm),
            Paragraph(
                escape(
                    _("© %(year)s %(institute)s. All rights reserved.")
                    % {
                        "year": data["published_on"][:4],
                        "institute": data["institute"],
                    }
                ),
                s["small"],
            ),
        ]

        buffer = BytesIO()
        doc = EditionTemplate(
            buffer,
            edition=data,
            title=data["title"],
            author=", ".join(a["name"] for a in data["authors"]),
            subject=data["subtitle"] or first_sentence(data["summary"]),
            keywords=data["regions"] + data["themes"],
            creator=data["institute"],
            lang=data["language"],
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
        )
        doc.build(story)
    return buffer.getvalue()


def first_sentence(value, limit=250):
    value = " ".join((value or "").split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


# --- Cache and lock -------------------------------------------------------------------------
def _cache_dir():
    path = Path(private_storage().path(GENERATED_DIR))
    path.mkdir(parents=True, exist_ok=True)
    return path


@contextlib.contextmanager
def generation_lock(pk):
    """Hold an exclusive lock on generating the edition of publication `pk` (see the module
    docstring for why an advisory lock rather than `select_for_update`)."""
    if connection.vendor == "postgresql":
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [LOCK_NAMESPACE, pk])
            yield
        return
    locks = _cache_dir() / "locks"
    locks.mkdir(exist_ok=True)
    with open(locks / f"{pk}.lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def edition_name(pk, key):
    return f"{GENERATED_DIR}/{pk}-{key[:20]}.pdf"


def publication_edition(*, publication: Publication) -> StoredFile:
    """The generated edition of `publication`, from the cache or generated now (once)."""
    data = edition_data(publication)
    name = edition_name(publication.pk, content_key(data))
    storage = private_storage()
    if not storage.exists(name):
        with generation_lock(publication.pk):
            if not storage.exists(name):  # whoever held the lock may have made it meanwhile
                _write_atomically(_cache_dir() / Path(name).name, render_edition(data))
                _remove_stale(publication.pk, keep=name)
    return StoredFile.from_storage(storage, name)


def _write_atomically(path, content):
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{uuid.uuid4().hex}", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        os.chmod(tmp, settings.FILE_UPLOAD_PERMISSIONS or 0o640)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _remove_stale(pk, *, keep):
    keep_name = Path(keep).name
    for old in _cache_dir().glob(f"{pk}-*.pdf"):
        if old.name != keep_name:
            with contextlib.suppress(FileNotFoundError):
                old.unlink()


# --- Reading lists --------------------------------------------------------------------------
READING_LIST_CAP = 2000


def _draw_list_page(canvas, doc):
    canvas.saveState()
    canvas.setFillColor(NAVY)
    canvas.rect(0, PAGE_HEIGHT - 6 * mm, PAGE_WIDTH, 6 * mm, stroke=0, fill=1)
    canvas.restoreState()
    _draw_head_and_foot(
        canvas, institute=settings.INSTITUTE_NAME, title=doc.list_title, url=doc.list_url
    )


def _names(items):
    return ", ".join(str(item) for item in items)


def render_reading_list(out, publications, *, total, criteria, list_url):
    """Write a reading list of `publications` (an iterator, at most READING_LIST_CAP of
    `total`) as PDF into the binary file `out`. `criteria` are (label, value) pairs."""
    s = styles()
    title = _("Reading list")
    doc = BaseDocTemplate(
        out,
        pagesize=A4,
        title=f"{title} – {settings.INSTITUTE_NAME}",
        author=settings.INSTITUTE_NAME,
        subject=_("%(count)s publications") % {"count": total},
        creator=settings.INSTITUTE_NAME,
        lang=translation.get_language() or settings.LANGUAGE_CODE,
    )
    doc.list_title = title
    doc.list_url = list_url
    frame = Frame(
        MARGIN_X,
        24 * mm,
        PAGE_WIDTH - 2 * MARGIN_X,
        PAGE_HEIGHT - 48 * mm,
        leftPadding=0,
        rightPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="list", frames=[frame], onPage=_draw_list_page)])

    shown = min(total, READING_LIST_CAP)
    story = [
        Paragraph(escape(title).upper(), s["kind"]),
        Spacer(1, 3 * mm),
        Paragraph(
            escape(settings.INSTITUTE_NAME),
            ParagraphStyle("h", s["title"], fontSize=22, leading=27),
        ),
        Paragraph(
            escape(
                _("%(count)s publications · compiled on %(date)s")
                % {
                    "count": total,
                    "date": formats.date_format(timezone.localdate(), "j F Y"),
                }
            ),
            s["date"],
        ),
    ]
    for label, value in criteria:
        story.append(Paragraph(f"<b>{escape(label)}:</b> {escape(value)}", s["small"]))
    if total > shown:
        story.append(
            Paragraph(
                escape(
                    _(
                        "Only the first %(shown)s of %(total)s publications are listed; narrow "
                        "the filters to see the others."
                    )
                    % {"shown": shown, "total": total}
                ),
                ParagraphStyle("note", s["small"], textColor=ACCENT, spaceBefore=4),
            )
        )
    if not total:
        story.append(Spacer(1, 8 * mm))
        story.append(Paragraph(escape(_("No publication matches these filters.")), s["body"]))
    story.append(Spacer(1, 6 * mm))

    width = PAGE_WIDTH - 2 * MARGIN_X
    number_style = ParagraphStyle("n", s["list_meta"], fontName=f"{SANS}-Bold", textColor=ACCENT)
    row_style = TableStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 7),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ]
    )
    for number, publication in enumerate(publications, start=1):
        if number > READING_LIST_CAP:
            break
        url = landing_url(publication)
        heading = f'<link href="{escape(url)}">{escape(publication.title)}</link>'
        if publication.subtitle:
            heading += (
                f'<font name="{SERIF}-Italic" size="11">: {escape(publication.subtitle)}</font>'
            )
        cells = [Paragraph(heading, s["list_title"])]
        authors = _names(publication.ordered_authors)
        if authors:
            cells.append(Paragraph(escape(authors), s["list_authors"]))
        meta = [
            str(publication.get_type_display()),
            formats.date_format(publication.published_on, "j F Y"),
        ]
        if publication.series_id:
            series = publication.series.name
            if publication.series_number:
                series += f" {publication.series_number}"
            meta.append(series)
        cells.append(Paragraph(escape(" · ".join(meta)), s["list_meta"]))
        tags = [
            t for t in (_names(publication.regions.all()), _names(publication.themes.all())) if t
        ]
        if tags:
            cells.append(Paragraph(escape(" · ".join(tags)), s["list_meta"]))
        cells.append(
            Paragraph(
                f'<link href="{escape(url)}" color="#b8432f">{escape(url)}</link>', s["list_meta"]
            )
        )
        row = Table(
            [[Paragraph(str(number), number_style), cells]],
            colWidths=[10 * mm, width - 10 * mm],
        )
        row.setStyle(row_style)
        story.append(row)
    doc.build(story)
