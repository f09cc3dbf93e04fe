"""Make the demo's files from `catalogue.json`: expert photos, center images, covers (Pillow) and
full-text PDFs (ReportLab), at the paths the document names.

Not needed at run time: the files are committed. Run it after editing `catalogue.json`:

    .venv/bin/python publications/demo/make_files.py

Same document, same bytes (fixed seeds, no clock). A PDF's page count is written back to the
publication's `pages` when they differ, so that the two always agree.
"""

import io
import json
import random
import sys
import textwrap
import zlib
from pathlib import Path
from xml.sax.saxutils import escape

from PIL import Image, ImageColor, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

HERE = Path(__file__).resolve().parent
DOCUMENT = HERE / "catalogue.json"
INSTITUTE = "Meridian Institute for International Affairs"  # settings.INSTITUTE_NAME's default
# (dark, accent) per center or program; covers take the colours of their first center.
CENTER_COLORS = {
    "center-asian-studies": ("#9b2335", "#f4d6a0"),
    "center-european-affairs": ("#1f4e79", "#f2c14e"),
    "center-security-studies": ("#2f3e46", "#84a98c"),
    "center-energy-climate": ("#1b5e20", "#ffd166"),
    "indo-pacific-program": ("#00796b", "#ffe0b2"),
    "eastern-europe-program": ("#283593", "#ffeb3b"),
    "migration-mobility-program": ("#6a1b9a", "#f8bbd0"),
    "nuclear-deterrence-program": ("#37474f", "#ff8a65"),
    "cyber-technology-program": ("#004d40", "#80deea"),
}
PORTRAIT_COLORS = ["#b23a48", "#1d3557", "#2a9d8f", "#e76f51", "#6d597a", "#3a5a40", "#bc6c25"]


def _colors(slug):
    return CENTER_COLORS.get(slug) or ("#263238", "#ffcc80")


def _font(size):
    return ImageFont.load_default(size=size)  # Pillow's own font: the same on every machine


def _mix(color, other, amount):
    a, b = ImageColor.getrgb(color), ImageColor.getrgb(other)
    return tuple(round(x + (y - x) * amount) for x, y in zip(a, b, strict=True))


def _jpeg(image, size=None):
    if size:
        image = image.resize(size, Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80, optimize=True)
    return buffer.getvalue()


def portrait(name, color, size=480):
    """A placeholder portrait: a silhouette and the expert's initials."""
    image = Image.new("RGB", (size, size), color)
    draw = ImageDraw.Draw(image)
    light = _mix(color, "#ffffff", 0.25)
    draw.ellipse((size * 0.32, size * 0.16, size * 0.68, size * 0.52), fill=light)
    draw.ellipse((size * 0.14, size * 0.58, size * 0.86, size * 1.3), fill=light)
    parts = name.replace("-", " ").split()
    initials = (parts[0][0] + parts[-1][0]).upper()
    draw.text((size / 2, size * 0.8), initials, font=_font(size // 5), fill="#fff", anchor="mm")
    return _jpeg(image)


def center_image(slug, width=1200, height=630):
    """Abstract artwork, seeded by the slug: a gradient crossed by orbits; stored at 800 × 420."""
    dark, accent = _colors(slug)
    rng = random.Random(slug)
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    for y in range(height):
        draw.line([(0, y), (width, y)], fill=_mix(dark, "#000000", 0.45 * y / height))
    cx, cy = rng.randint(width // 3, 2 * width // 3), rng.randint(height // 3, 2 * height // 3)
    for i in range(1, 9):
        r = i * rng.randint(38, 60)
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=_mix(accent, dark, i / 10), width=3)
    for _ in range(24):
        x, y, r = rng.randint(0, width), rng.randint(0, height), rng.randint(3, 9)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=accent)
    return _jpeg(image, (800, 420))


def cover(title, subtitle, author_line, colors, width=800, height=1130):
    """A book cover: the title on a coloured ground above a band of pattern; stored 600 wide."""
    dark, accent = colors
    rng = random.Random(title)
    image = Image.new("RGB", (width, height), dark)
    draw = ImageDraw.Draw(image)
    band_top = int(height * 0.58)
    for _ in range(14):
        x, w = rng.randint(-100, width), rng.randint(40, 220)
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
    draw.text((60, height - 45), INSTITUTE, font=_font(26), fill="#ffffff", anchor="lm")
    return _jpeg(image, (600, 848))


def pdf(publication, authors, series):
    """The full text: a title page, the summary, the body; returns (bytes, pages)."""
    buffer = io.BytesIO()
    names = ", ".join(authors)
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=publication["title"],
        author=names,
        creator=INSTITUTE,
        invariant=1,
    )
    styles = getSampleStyleSheet()
    text = ParagraphStyle("text", parent=styles["BodyText"], fontSize=11, leading=16)
    story = [
        Spacer(1, 5 * cm),
        Paragraph(escape(INSTITUTE), styles["Heading4"]),
        Paragraph(escape(publication["title"]), styles["Title"]),
        Paragraph(escape(publication["subtitle"]), styles["Heading2"]),
        Spacer(1, 1 * cm),
        Paragraph(escape(names), styles["Heading3"]),
    ]
    if series:
        story.append(Paragraph(f"{escape(series)} no. {publication['series_number']}"))
    story += [PageBreak(), Paragraph("Summary", styles["Heading2"])]
    story += [Paragraph(escape(p), text) for p in publication["summary"].split("\n\n")]
    story += [PageBreak(), *(Paragraph(escape(p), text) for p in publication["body"].split("\n\n"))]
    doc.build(story)
    return buffer.getvalue(), doc.page


def author_line(publication, names):
    roles = zip(publication["authors"], publication["author_roles"], strict=True)
    editors = [names[slug] for slug, role in roles if role == "editor"]
    if editors:
        return ("Edited by " + " and ".join(editors))[:60]
    return ", ".join(names[slug] for slug in publication["authors"])[:60]


def files(document):
    """(relative path, bytes) of every file the document names; sets PDFs' page counts."""
    names = {author["slug"]: author["name"] for author in document["authors"]}
    series = {s["slug"]: s["name"] for s in document["series"]}
    for author in document["authors"]:
        if author["photo"]:
            color = PORTRAIT_COLORS[zlib.crc32(author["slug"].encode()) % len(PORTRAIT_COLORS)]
            yield author["photo"], portrait(author["name"], color)
    for center in document["centers"]:
        if center["image"]:
            yield center["image"], center_image(center["slug"])
    for pub in document["publications"]:
        if pub["cover"]:
            colors = _colors(pub["centers"][0] if pub["centers"] else "")
            yield (
                pub["cover"],
                cover(pub["title"], pub["subtitle"], author_line(pub, names), colors),
            )
        if pub["pdf"]:
            data, pub["pages"] = pdf(
                pub, [names[s] for s in pub["authors"]], series.get(pub["series"])
            )
            yield pub["pdf"], data


def main():
    document = json.loads(DOCUMENT.read_text(encoding="utf-8"))
    for relative, data in files(document):
        path = HERE / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if text != DOCUMENT.read_text(encoding="utf-8"):
        DOCUMENT.write_text(text, encoding="utf-8")
        print("Page counts changed: catalogue.json updated.", file=sys.stderr)


if __name__ == "__main__":
    main()
