"""What the generated edition and the reading list share, so that their pages look alike:
fonts, colours, paragraph styles, the page geometry, the text frame and the running head and
foot (ReportLab, A4). Lengths are in PDF points unless written with `mm`.
"""

import functools
from xml.sax.saxutils import escape

from django.conf import settings
from django.utils import translation
from reportlab.lib import colors
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Frame

from thinktank.text import clean_text

INK = colors.HexColor("#1c2430")
NAVY = colors.HexColor("#15294b")
ACCENT = colors.HexColor("#b8432f")
MUTED = colors.HexColor("#5b6573")
RULE = colors.HexColor("#c9ced6")
PAPER_TINT = colors.HexColor("#f3f1ec")

SERIF = "TTSerif"
SANS = "TTSans"

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 24 * mm
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X


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


# A heading is never left alone at the foot of a page, away from what it introduces.
HEADING = {"keepWithNext": 1}

# name: (the style it is based on, font, size, leading, colour, other attributes); None keeps
# what the parent has. "base" is the body text: Source Serif 10.5/15.5 in ink.
STYLES = {
    "institute": ("base", f"{SANS}-Bold", 10, 13, colors.white, {}),
    "series": ("base", SANS, 10, 13, colors.white, {}),
    "kind": ("base", f"{SANS}-Bold", 9.5, 12, ACCENT, {}),
    "title": ("base", f"{SERIF}-Bold", 30, 35, NAVY, {"spaceAfter": 8}),
    "subtitle": ("base", f"{SERIF}-Italic", 16, 21, INK, {"spaceAfter": 6}),
    "authors": ("base", f"{SANS}-Bold", 13, 17, INK, {"spaceBefore": 14}),
    "date": ("base", SANS, 11, 15, MUTED, {"spaceBefore": 2}),
    "h1": ("base", f"{SANS}-Bold", 10, 13, ACCENT, {**HEADING, "spaceBefore": 4, "spaceAfter": 10}),
    "summary": ("base", SERIF, 12, 18, NAVY, {"spaceAfter": 9}),
    "body": ("base", None, None, None, None, {"alignment": TA_JUSTIFY, "spaceAfter": 7}),
    "small": ("base", SANS, 9, 12.5, MUTED, {}),
    "author_name": ("base", f"{SANS}-Bold", 11, 14, None, {**HEADING, "spaceBefore": 8}),
    "author_bio": ("base", None, 9.5, 13.5, INK, {"spaceAfter": 4}),
    "cite": ("base", None, 10, 14.5, INK, {"alignment": TA_LEFT}),
    "list_heading": ("title", None, 22, 27, None, {}),
    "list_title": ("base", f"{SERIF}-Bold", 12.5, 16, NAVY, {}),
    "list_authors": ("base", SANS, 10, 13, INK, {}),
    "list_meta": ("base", SANS, 9, 12, MUTED, {}),
    "list_number": ("list_meta", f"{SANS}-Bold", None, None, ACCENT, {}),
    "list_note": ("small", None, None, None, ACCENT, {"spaceBefore": 4}),
}


@functools.cache
def styles():
    """{name: ParagraphStyle} of every paragraph the two documents print (fonts registered)."""
    register_fonts()
    base = ParagraphStyle("base", fontName=SERIF, fontSize=10.5, leading=15.5, textColor=INK)
    built = {"base": base}
    for name, (parent, font, size, leading, colour, other) in STYLES.items():
        given = {"fontName": font, "fontSize": size, "leading": leading, "textColor": colour}
        given = {key: value for key, value in given.items() if value is not None}
        built[name] = ParagraphStyle(name, built[parent], **given, **other)
    return built


def text(value):
    """Plain text as Paragraph markup: cleaned (`thinktank.text.clean_text`: no control
    characters, one kind of line break), escaped, line breaks kept."""
    return escape(clean_text(value or "")).replace("\n", "<br/>")


def markup(value):
    """One line of plain text as Paragraph markup: cleaned, line breaks as spaces, escaped."""
    return escape(clean_text(value or "", multiline=False))


def landing_url(publication):
    """The absolute URL of the publication's page in the site's default language."""
    with translation.override(settings.LANGUAGE_CODE):
        return settings.SITE_URL + publication.get_absolute_url()


def text_frame(*, inset=0, frame_id=None):
    """The frame between the running head and the running foot, `inset` narrower each side."""
    return Frame(
        MARGIN_X + inset,
        24 * mm,
        TEXT_WIDTH - 2 * inset,
        PAGE_HEIGHT - 48 * mm,
        id=frame_id,
        leftPadding=0,
        rightPadding=0,
    )


def draw_head_and_foot(canvas, *, institute, title, url, foot_middle=""):
    """The running head (institute, title, rule) and foot (rule, URL, folio)."""
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
