"""A structured body (sanitised HTML of the contract's subset) as ReportLab flowables, for the
generated edition: headings, paragraphs with bold, italic and links, bulleted and numbered
lists (nested), quotations, tables with header cells (repeated on each page), figures with
their captions (images from this site's media storage), and notes: each reference is a
superscript number linked to its note, each note links back (PDF internal links).

Only what `publications.body.sanitize_html` lets through is read here; any other element
gives its text.
"""

from io import BytesIO
from xml.sax.saxutils import escape

from bs4 import NavigableString
from django.core.files.storage import default_storage
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Image,
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from publications.body.sanitize import NOTE_ID, parse
from thinktank.images import jpeg_bytes, open_normalized
from thinktank.storage import public_media_name, static_file_path

from .layout import ACCENT, HEADING, MUTED, NAVY, RULE, SANS, SERIF

LINK = "#0b5473"


def body_styles(s):
    base = s["body"]

    def derive(name, **kwargs):
        return ParagraphStyle(name, parent=base, **kwargs)

    def heading(name, **kwargs):
        return derive(name, **HEADING, alignment=0, **kwargs)

    return {
        "p": base,
        "h2": heading(
            "body_h2",
            fontName=f"{SANS}-Bold",
            fontSize=13.5,
            leading=17,
            textColor=NAVY,
            spaceBefore=10,
            spaceAfter=6,
        ),
        "h3": heading(
            "body_h3",
            fontName=f"{SANS}-Bold",
            fontSize=11.5,
            leading=15,
            textColor=NAVY,
            spaceBefore=8,
            spaceAfter=4,
        ),
        "h4": heading(
            "body_h4",
            fontName=f"{SANS}-Bold",
            fontSize=10.5,
            leading=14,
            textColor=colors.black,
            spaceBefore=6,
            spaceAfter=3,
        ),
        "li": derive("body_li", spaceAfter=3, alignment=0),
        "quote": derive(
            "body_quote",
            fontName=f"{SERIF}-Italic",
            leftIndent=8 * mm,
            rightIndent=6 * mm,
            textColor=MUTED,
        ),
        "cell": derive(
            "body_cell", fontName=SANS, fontSize=8.5, leading=11, alignment=0, spaceAfter=0
        ),
        "head_cell": derive(
            "body_head_cell",
            fontName=f"{SANS}-Bold",
            fontSize=8.5,
            leading=11,
            alignment=0,
            spaceAfter=0,
        ),
        "caption": derive(
            "body_caption",
            fontName=SANS,
            fontSize=8.5,
            leading=11,
            textColor=MUTED,
            alignment=0,
            spaceBefore=3,
            spaceAfter=8,
        ),
        "note": derive("body_note", fontSize=8.5, leading=11.5, alignment=0, spaceAfter=2),
        "notes_heading": s["h1"],
    }


def inline(element):
    """Paragraph markup of an element's content (text escaped; bold, italic, links, notes)."""
    out = []
    for child in element.children:
        if isinstance(child, NavigableString):
            out.append(escape(" ".join(str(child).split("\n"))))
            continue
        name = child.name
        if name == "strong":
            out.append(f"<b>{inline(child)}</b>")
        elif name == "em":
            out.append(f"<i>{inline(child)}</i>")
        elif name == "sup":
            out.append(_note_reference(child))
        elif name == "a":
            href = child.get("href", "")
            if href.startswith("#") and NOTE_ID.fullmatch(href[1:]):
                out.append(_note_reference(child))
            elif href and not href.startswith("#"):
                out.append(
                    f'<link href="{escape(href, {chr(34): "&quot;"})}" color="{LINK}">'
                    f"{inline(child)}</link>"
                )
            else:
                out.append(inline(child))
        elif name == "img":
            continue
        else:
            out.append(inline(child))
    return "".join(out)


def _note_reference(element):
    link = element if element.name == "a" else element.find("a")
    href = link.get("href", "") if link is not None else ""
    if not (href.startswith("#") and NOTE_ID.fullmatch(href[1:])):
        return f"<super>{inline(element)}</super>"
    number = href[len("#note-") :]
    return (
        f'<a name="ref-{number}"/><super><link href="#note-{number}" color="{LINK}">'
        f"{escape(number)}</link></super>"
    )


def body_flowables(html, s, width):
    """Flowables of a sanitised HTML body; `s` the styles of `layout.styles()`."""
    st = body_styles(s)
    story = []
    for element in parse(html).children:
        if isinstance(element, NavigableString):
            if element.strip():
                story.append(Paragraph(escape(str(element)), st["p"]))
            continue
        story += _block(element, st, width)
    return story


def _block(element, st, width):
    name = element.name
    if name in ("h2", "h3", "h4"):
        return [Paragraph(inline(element), st[name])]
    if name == "p":
        return [Paragraph(inline(element), st["p"])]
    if name == "blockquote":
        inner = [c for c in element.children if getattr(c, "name", None)]
        if not inner:
            return [Paragraph(inline(element), st["quote"])]
        return [Paragraph(inline(c), st["quote"]) for c in inner]
    if name == "ol" and "notes" in (element.get("class") or []):
        return _notes(element, st)
    if name in ("ul", "ol"):
        return [_list(element, st)]
    if name == "table":
        return _table(element, st, width)
    if name == "figure":
        return _figure(element, st, width)
    text = inline(element)
    return [Paragraph(text, st["p"])] if text.strip() else []


def _list(element, st, depth=0):
    items = []
    for li in element.find_all("li", recursive=False):
        nested = [c for c in li.children if getattr(c, "name", None) in ("ul", "ol")]
        for sub in nested:
            sub.extract()
        flowables = [Paragraph(inline(li), st["li"])]
        flowables += [_list(sub, st, depth + 1) for sub in nested]
        items.append(ListItem(flowables))
    ordered = element.name == "ol"
    return ListFlowable(
        items,
        bulletType="1" if ordered else "bullet",
        start=int(element.get("start", 1)) if ordered else None,
        bulletFontName=SANS,
        bulletFontSize=9,
        bulletColor=ACCENT,
        leftIndent=6 * mm,
        spaceAfter=5,
    )


def _table(element, st, width):
    rows, header_rows = [], 0
    max_cols = 0
    for tr in element.find_all("tr"):
        cells = []
        for cell in tr.find_all(["th", "td"], recursive=False):
            style = st["head_cell"] if cell.name == "th" else st["cell"]
            cells.append(Paragraph(inline(cell), style))
            for _extra in range(int(cell.get("colspan", 1)) - 1):
                cells.append("")
        if tr.find_parent("thead") is not None:
            header_rows += 1
        rows.append(cells)
        max_cols = max(max_cols, len(cells))
    if not rows:
        return []
    rows = [row + [""] * (max_cols - len(row)) for row in rows]
    if not header_rows and all(
        c.name == "th" for c in element.find("tr").find_all(["th", "td"], recursive=False)
    ):
        header_rows = 1
    table = Table(rows, colWidths=[width / max_cols] * max_cols, repeatRows=header_rows)
    style = [
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header_rows:
        style.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#eef2f5")))
    table.setStyle(TableStyle(style))
    return [Spacer(1, 2 * mm), table, Spacer(1, 4 * mm)]


def _figure(element, st, width):
    parts = []
    img = element.find("img")
    image = _image(img.get("src", ""), width) if img is not None else None
    if image is not None:
        parts.append(image)
    caption = element.find("figcaption")
    if caption is not None:
        parts.append(Paragraph(inline(caption), st["caption"]))
    elif img is not None and img.get("alt"):
        parts.append(Paragraph(escape(img["alt"]), st["caption"]))
    return [Spacer(1, 2 * mm), KeepTogether(parts)] if parts else []


def _image(src, width):
    """The image at `src` if this site serves it itself (`_open_site_image`), else None."""
    try:
        handle = _open_site_image(src)
        if handle is None:
            return None
        with handle:
            picture = open_normalized(handle)
            data = jpeg_bytes(picture)
    except Exception:  # a missing or unreadable file: the caption still prints
        return None
    ratio = picture.height / picture.width
    w = min(width, picture.width * 0.75)
    return Image(BytesIO(data), width=w, height=w * ratio)


def _open_site_image(src):
    """The open file of an image this site serves itself, as the page shows it, or None: from
    the media storage (the media library's images, on disk or in the bucket) or the app's own
    static files (images shipped with it, such as the demo's charts). Never fetched over the
    network: an image from elsewhere is not ours to print."""
    name = public_media_name(src)
    if name is not None:
        return default_storage.open(name, "rb")
    path = static_file_path(src)
    return open(path, "rb") if path is not None else None


def _notes(element, st):
    previous = element.find_previous_sibling()
    story = []
    if previous is None or previous.name not in ("h2", "h3", "h4"):  # else the body's own
        story = [Spacer(1, 4 * mm), Paragraph(_("Notes").upper(), st["notes_heading"])]
    for li in element.find_all("li", recursive=False):
        number = li.get("id", "")[len("note-") :]
        label = (
            f'<a name="note-{number}"/><link href="#ref-{number}" color="{LINK}">'
            f"{escape(number)}.</link> "
            if number
            else ""
        )
        story.append(Paragraph(label + inline(li), st["note"]))
    return story
