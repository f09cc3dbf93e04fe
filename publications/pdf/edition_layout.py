"""How a generated edition looks (ReportLab Platypus, A4): a cover page (institute, series
and number, type, title, subtitle, authors, date, the cover image or a panel with the regions
and themes), then the summary, the full text, "About the authors" and "How to cite", under the
running head and foot that `layout` shares with the reading list.

`render_edition(data)` reads nothing but `data` (from `editions.edition_data`) and the cover
image it names.
"""

import datetime
from io import BytesIO

from django.conf import settings
from django.core.files.storage import default_storage
from django.utils import formats, translation
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
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

from publications.models import split_paragraphs
from thinktank.images import jpeg_bytes, open_normalized

from .body_flowables import body_flowables
from .layout import (
    ACCENT,
    MARGIN_X,
    MUTED,
    NAVY,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    PAPER_TINT,
    RULE,
    SANS,
    SERIF,
    TEXT_WIDTH,
    draw_head_and_foot,
    markup,
    styles,
    text,
    text_frame,
)

#: Part of every edition's cache key: bump it when the layout changes, so that every cached
#: edition is generated again.
GENERATOR_VERSION = "5"  # 3: covers through the image pipeline; 4: structured bodies;
# 5: headings kept with what follows, the colophon in one piece, static images printed
COVER_BAND = 30 * mm


def label_language(language):
    codes = {code for code, _name in settings.LANGUAGES}
    return language if language in codes else settings.LANGUAGE_CODE


def author_names(data):
    names = [author["name"] for author in data["authors"]]
    if len(names) <= 1:
        return "".join(names)
    return _("%(names)s and %(last)s") % {"names": ", ".join(names[:-1]), "last": names[-1]}


def citation(data, date_text):
    """ "How to cite" as Paragraph markup."""
    names = [author["sort_name"] or author["name"] for author in data["authors"]]
    title = data["title"] + (f": {data['subtitle']}" if data["subtitle"] else "")
    parts = []
    if names:
        parts.append(markup("; ".join(names)) + ".")
    parts.append(f"“{markup(title)}”.")
    if data["series"]:
        series = markup(data["series"])
        if data["series_number"]:
            series += ", " + markup(_("no. %(number)s") % {"number": data["series_number"]})
        parts.append(f"<i>{series}</i>.")
    parts.append(f"{markup(data['institute'])}, {markup(date_text)}.")
    if data["isbn"]:
        parts.append(f"ISBN {markup(data['isbn'])}.")
    if data["doi"]:
        parts.append(f"DOI {markup(data['doi'])}.")
    parts.append(f'<link href="{markup(data["url"])}" color="#15294b">{markup(data["url"])}</link>')
    return " ".join(parts)


def first_sentence(value, limit=250):
    value = " ".join((value or "").split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


# --- Page decoration ------------------------------------------------------------------------
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
        _draw_keywords_panel(canvas, data)
    canvas.drawString(MARGIN_X, 19 * mm, data["url"])
    if data["isbn"]:
        canvas.drawRightString(PAGE_WIDTH - MARGIN_X, 19 * mm, f"ISBN {data['isbn']}")
    canvas.restoreState()


def _draw_keywords_panel(canvas, data):
    # Without a cover image, a quiet panel carries the regions and themes.
    canvas.setFillColor(PAPER_TINT)
    canvas.rect(MARGIN_X, 40 * mm, TEXT_WIDTH, 62 * mm, stroke=0, fill=1)
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


def _draw_running(canvas, doc):
    data = doc.edition
    draw_head_and_foot(
        canvas,
        institute=data["institute"],
        title=data["title"] if len(data["title"]) <= 70 else data["title"][:67] + "…",
        url=data["url"],
        foot_middle=f"ISBN {data['isbn']}" if data["isbn"] else "",
    )


class EditionTemplate(BaseDocTemplate):
    """A cover page, then body pages with the running head and foot; `edition` is the data."""

    def __init__(self, filename, *, edition, **kwargs):
        self.edition = edition
        super().__init__(filename, pagesize=A4, **kwargs)
        cover_frame = Frame(
            MARGIN_X,
            36 * mm,
            TEXT_WIDTH,
            PAGE_HEIGHT - COVER_BAND - 52 * mm,
            id="cover",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates(
            [
                PageTemplate(id="cover", frames=[cover_frame], onPage=_draw_cover),
                PageTemplate(
                    id="body",
                    frames=[text_frame(inset=8 * mm, frame_id="body")],
                    onPage=_draw_running,
                ),
            ]
        )


# --- The story: the flowables of each part --------------------------------------------------
def _cover_image(name, max_width, max_height):
    # Through the image pipeline: ReportLab prints a CMYK, palette, 16-bit or sideways image
    # as it is stored (inverted, black where transparent, clipped, on its side).
    try:
        with default_storage.open(name, "rb") as fh:
            image = open_normalized(fh)
        raw = BytesIO(jpeg_bytes(image))
        width, height = image.size
    except Exception:  # a missing or unreadable cover must not break the edition
        return None
    scale = min(max_width / width, max_height / height)
    return Image(raw, width=width * scale, height=height * scale, hAlign="LEFT")


def _cover_story(data, date_text, s):
    story = [
        Paragraph(markup(data["type_label"]).upper(), s["kind"]),
        Spacer(1, 5 * mm),
        Paragraph(text(data["title"]), s["title"]),
    ]
    if data["subtitle"]:
        story.append(Paragraph(text(data["subtitle"]), s["subtitle"]))
    if data["authors"]:
        story.append(Paragraph(markup(author_names(data)), s["authors"]))
    story.append(Paragraph(markup(date_text), s["date"]))
    image = _cover_image(data["cover"], TEXT_WIDTH, 95 * mm) if data["cover"] else None
    if image is not None:
        story += [Spacer(1, 10 * mm), image]
    return [*story, NextPageTemplate("body"), PageBreak()]


def _text_story(data, s):
    story = []
    summary = split_paragraphs(data["summary"])
    if summary:
        story.append(Paragraph(_("Summary").upper(), s["h1"]))
        story += [Paragraph(text(p), s["summary"]) for p in summary]
        story.append(Spacer(1, 6 * mm))
    if data.get("body_format") == "html":
        flowables = body_flowables(data["body"], s, TEXT_WIDTH - 16 * mm)
        if flowables:
            story.append(CondPageBreak(40 * mm))
            story.append(Paragraph(_("Full text").upper(), s["h1"]))
            story += flowables
        return story
    body = split_paragraphs(data["body"])
    if body:
        story.append(CondPageBreak(40 * mm))
        story.append(Paragraph(_("Full text").upper(), s["h1"]))
        story += [Paragraph(text(p), s["body"]) for p in body]
    return story


def _authors_story(data, s):
    if not data["authors"]:
        return []
    about = [Spacer(1, 8 * mm), Paragraph(_("About the authors").upper(), s["h1"])]
    for author in data["authors"]:
        line = markup(author["name"])
        if author["title"]:
            line += f' <font name="{SANS}" color="#5b6573">— {markup(author["title"])}</font>'
        about.append(Paragraph(line, s["author_name"]))
        bio = split_paragraphs(author["bio"])
        if bio:
            about.append(Paragraph(text(bio[0]), s["author_bio"]))
    # The heading stays with at least the first author.
    return [KeepTogether(about[:4]), *about[4:]]


CITE_STYLE = TableStyle(
    [
        ("BACKGROUND", (0, 0), (-1, -1), PAPER_TINT),
        ("LINEBEFORE", (0, 0), (0, -1), 2.5, ACCENT),
        ("LEFTPADDING", (0, 0), (-1, -1), 10),
        ("RIGHTPADDING", (0, 0), (-1, -1), 10),
        ("TOPPADDING", (0, 0), (-1, 0), 9),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 10),
    ]
)


def _colophon_story(data, date_text, s):
    cite = Table(
        [
            [Paragraph(_("How to cite").upper(), s["h1"])],
            [Paragraph(citation(data, date_text), s["cite"])],
        ],
        colWidths=[TEXT_WIDTH - 16 * mm],
    )
    cite.setStyle(CITE_STYLE)
    story = [Spacer(1, 10 * mm), cite]
    if data["issn"]:
        story += [
            Spacer(1, 3 * mm),
            Paragraph(markup(f"{data['series']} · ISSN {data['issn']}"), s["small"]),
        ]
    rights = _("© %(year)s %(institute)s. All rights reserved.") % {
        "year": data["published_on"][:4],
        "institute": data["institute"],
    }
    # One block: the rights line never ends up alone on a last page of its own.
    return [KeepTogether([*story, Spacer(1, 2 * mm), Paragraph(markup(rights), s["small"])])]


def render_edition(data):
    """The PDF bytes of an edition of `data` (see `edition_data`); labels in the publication's
    language when the site has it, else the default language."""
    s = styles()
    with translation.override(label_language(data["language"])):
        date_text = formats.date_format(datetime.date.fromisoformat(data["published_on"]), "j F Y")
        story = [
            *_cover_story(data, date_text, s),
            *_text_story(data, s),
            *_authors_story(data, s),
            *_colophon_story(data, date_text, s),
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
