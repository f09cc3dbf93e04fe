"""Generated artwork for the demo: portraits, center images and book covers (Pillow) and the
full-text PDFs (ReportLab). Every function returns bytes and depends only on its arguments."""

import io
import random
import textwrap
from xml.sax.saxutils import escape

from PIL import Image, ImageColor, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer


def _font(size):
    # Pillow's bundled scalable font: the same look on every machine, no system font needed.
    return ImageFont.load_default(size=size)


def _mix(color, other, amount):
    a, b = ImageColor.getrgb(color), ImageColor.getrgb(other)
    return tuple(round(x + (y - x) * amount) for x, y in zip(a, b, strict=True))


def _jpeg(image):
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85, optimize=True)
    return buffer.getvalue()


def initials(name):
    parts = [p for p in name.replace("-", " ").split() if p]
    return (parts[0][0] + parts[-1][0]).upper() if len(parts) > 1 else name[:2].upper()


def portrait(name, color, size=480):
    """A coloured placeholder portrait: a silhouette and the expert's initials."""
    image = Image.new("RGB", (size, size), color)
    draw = ImageDraw.Draw(image)
    light = _mix(color, "#ffffff", 0.25)
    draw.ellipse((size * 0.32, size * 0.16, size * 0.68, size * 0.52), fill=light)
    draw.ellipse((size * 0.14, size * 0.58, size * 0.86, size * 1.3), fill=light)
    draw.text(
        (size / 2, size * 0.80),
        initials(name),
        font=_font(size // 5),
        fill="#ffffff",
        anchor="mm",
    )
    return _jpeg(image)


def center_image(slug, colors, width=1200, height=630):
    """Abstract artwork: a gradient crossed by meridians and orbits, seeded by the slug."""
    dark, accent = colors
    rng = random.Random(slug)
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    for y in range(height):
        draw.line([(0, y), (width, y)], fill=_mix(dark, "#000000", 0.45 * y / height))
    cx, cy = rng.randint(width // 3, 2 * width // 3), rng.randint(height // 3, 2 * height // 3)
    for i in range(1, 9):
        r = i * rng.randint(38, 60)
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=_mix(accent, dark, i / 10), width=3)
    for _ in range(7):
        x = rng.randint(0, width)
        draw.arc(
            (x - width, -height // 2, x + width // 3, height * 3 // 2),
            start=rng.randint(250, 290),
            end=rng.randint(60, 110),
            fill=_mix(accent, dark, 0.55),
            width=2,
        )
    for _ in range(24):
        x, y, r = rng.randint(0, width), rng.randint(0, height), rng.randint(3, 9)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=accent)
    return _jpeg(image)


def cover(title, subtitle, author_line, institute, colors, width=800, height=1130):
    """A book cover: title block on a coloured ground with a band of geometric pattern."""
    dark, accent = colors
    rng = random.Random(title)
    image = Image.new("RGB", (width, height), dark)
    draw = ImageDraw.Draw(image)
    band_top = int(height * 0.58)
    for _ in range(14):
        x = rng.randint(-100, width)
        w = rng.randint(40, 220)
        draw.rectangle((x, band_top, x + w, height), fill=_mix(accent, dark, rng.random() * 0.7))
    draw.rectangle((60, 70, width - 60, 76), fill=accent)
    y = 120
    for line in textwrap.wrap(title, 18):
        draw.text((60, y), line, font=_font(72), fill="#ffffff")
        y += 86
    for line in textwrap.wrap(subtitle, 30):
        draw.text((60, y + 10), line, font=_font(38), fill=accent)
        y += 48
    draw.text((60, band_top - 90), author_line, font=_font(32), fill="#ffffff")
    draw.rectangle((0, height - 90, width, height), fill=_mix(dark, "#000000", 0.5))
    draw.text((60, height - 45), institute, font=_font(26), fill="#ffffff", anchor="lm")
    return _jpeg(image)


def pdf(*, title, subtitle, authors, institute, series_line, summary, body):
    """The full text as a PDF: a title page, the summary, then the body; returns (bytes, pages)."""
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        author=", ".join(authors),
        creator=institute,
        leftMargin=2.5 * cm,
        rightMargin=2.5 * cm,
        topMargin=2.5 * cm,
        bottomMargin=2.5 * cm,
        invariant=1,
    )
    styles = getSampleStyleSheet()
    text = ParagraphStyle("text", parent=styles["BodyText"], fontSize=11, leading=16)
    story = [
        Spacer(1, 5 * cm),
        Paragraph(escape(institute), styles["Heading4"]),
        Paragraph(escape(title), styles["Title"]),
    ]
    if subtitle:
        story.append(Paragraph(escape(subtitle), styles["Heading2"]))
    story += [Spacer(1, 1 * cm), Paragraph(escape(", ".join(authors)), styles["Heading3"])]
    if series_line:
        story.append(Paragraph(escape(series_line), styles["Normal"]))
    story += [PageBreak(), Paragraph("Summary", styles["Heading2"])]
    story += [Paragraph(escape(p), text) for p in summary]
    story += [PageBreak()]
    story += [Paragraph(escape(p), text) for p in body]
    doc.build(story, onLaterPages=_footer(institute, title))
    return buffer.getvalue(), doc.page


def _footer(institute, title):
    def draw(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(2.5 * cm, 1.5 * cm, f"{institute} — {title}")
        canvas.drawRightString(A4[0] - 2.5 * cm, 1.5 * cm, str(doc.page))
        canvas.restoreState()

    return draw
