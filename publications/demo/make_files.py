"""Make the demo's files from `catalogue.json`: expert portraits, center images, covers and the
figures of the structured bodies (Pillow), and report-like PDFs (ReportLab), at the paths the
document names.

Not needed at run time: the files are committed. Run it after make_texts.py or after editing
`catalogue.json`:

    .venv/bin/python publications/demo/make_files.py

Same document, same bytes (fixed seeds, no clock, fonts from the font-source-* packages). A
PDF's page count is written back to the publication's `pages` when they differ, so that the two
always agree. Figures go to static/img/demo/ (the HTML bodies refer to them as
/static/img/demo/NAME: a body's <img> may only name an absolute path or URL).
"""

import io
import json
import math
import random
import sys
import zlib
from pathlib import Path
from xml.sax.saxutils import escape

import font_source_sans_pro
import font_source_serif_pro
from PIL import Image, ImageColor, ImageDraw, ImageFilter, ImageFont
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)

try:
    from . import make_texts
except ImportError:  # run as a script
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import make_texts

HERE = Path(__file__).resolve().parent
DOCUMENT = HERE / "catalogue.json"
STATIC_FIGURES = HERE.parent.parent / "static" / "img" / "demo"
INSTITUTE = "Meridian Institute for International Affairs"  # settings.INSTITUTE_NAME's default
SANS = Path(font_source_sans_pro.__path__[0]) / "files"
SERIF = Path(font_source_serif_pro.__path__[0]) / "files"

# (dark, accent) per center or program: center images, and covers of items without a series.
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
# A series has one look on its covers and PDFs, as a publisher's collection does.
SERIES_COLORS = {
    "meridian-papers": ("#14213d", "#fca311"),
    "asia-focus": ("#7b1e2b", "#f2cc8f"),
    "energy-notes": ("#1d4d3a", "#c5e17a"),
    "security-briefs": ("#2b2d42", "#ef8354"),
}
BOOK_COLORS = ("#0b3c49", "#e9c46a")


def _colors(pub):
    if pub["type"] == "book":
        return BOOK_COLORS
    if pub["series"] in SERIES_COLORS:
        return SERIES_COLORS[pub["series"]]
    return CENTER_COLORS.get(pub["centers"][0] if pub["centers"] else "", ("#263238", "#ffcc80"))


def _font(size, face="SourceSansPro-Regular"):
    folder = SERIF if face.startswith("SourceSerif") else SANS
    return ImageFont.truetype(str(folder / f"{face}.ttf"), size)


def _mix(color, other, amount):
    a, b = ImageColor.getrgb(color), ImageColor.getrgb(other)
    return tuple(round(x + (y - x) * amount) for x, y in zip(a, b, strict=True))


def _jpeg(image, size=None, quality=82):
    if size:
        image = image.resize(size, Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality, optimize=True, progressive=True)
    return buffer.getvalue()


def _png(image):
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


# Portraits ---------------------------------------------------------------------------------

SKIN = {
    "fair": "#f3d3bd",
    "light": "#e8b896",
    "olive": "#d1a07a",
    "tan": "#b9825c",
    "brown": "#8d5a3b",
    "deep": "#5e3a27",
}
HAIR = {
    "black": "#1d1a19",
    "dark": "#3b2a20",
    "brown": "#6b4631",
    "auburn": "#8a3b22",
    "blond": "#c9a062",
    "grey": "#9a958f",
    "white": "#d9d6d0",
}
# slug: (skin, hair colour, hair style, jacket, shirt, glasses, beard, background)
PEOPLE = {
    "amina-el-sayed": ("tan", "black", "long", "#2c3e50", "#f5efe6", False, False, "#c9d6df"),
    "claire-dubois": ("fair", "brown", "bob", "#7a2e3a", "#f2f2f2", False, False, "#e3d5c6"),
    "daniel-okafor": ("deep", "black", "crop", "#1f3a5f", "#ffffff", False, True, "#d8cbb5"),
    "deniz-aydin": ("olive", "dark", "short", "#4a4e69", "#e9ecef", True, False, "#cfd8cf"),
    "helene-marchand": ("light", "grey", "bun", "#283845", "#ffffff", True, False, "#d9cfc1"),
    "isabel-moreira": ("tan", "dark", "curly", "#1d4d3a", "#f7f3e9", False, False, "#e6d3b3"),
    "jonathan-reyes": ("olive", "black", "short", "#3c3c3c", "#dfe7f2", True, False, "#c7d3dc"),
    "kenji-watanabe": ("light", "grey", "side", "#22313f", "#ffffff", True, False, "#d5dbe1"),
    "lena-hoffmann": ("fair", "blond", "long", "#3d405b", "#f4f1de", False, False, "#d7e3dc"),
    "li-wen": ("light", "black", "bob", "#5c3c4d", "#f0ece2", False, False, "#e5dccd"),
    "marc-antoine-lefevre": (
        "fair",
        "grey",
        "receding",
        "#2e3440",
        "#eceff4",
        False,
        True,
        "#cdd3da",
    ),
    "min-jun-park": ("light", "black", "crop", "#394867", "#ffffff", False, False, "#dcd3c8"),
    "olena-hrytsenko": ("fair", "brown", "long", "#264653", "#f1faee", False, False, "#d4dde0"),
    "priya-raman": ("brown", "black", "bun", "#6d2e46", "#f6e7d7", False, False, "#dccfc0"),
    "robert-ashcombe": ("fair", "white", "bald", "#3e3e4f", "#ffffff", True, False, "#d2d6cf"),
    "sarah-whitfield": ("fair", "auburn", "bob", "#1b263b", "#f8f9fa", False, False, "#d8d2c8"),
    "tomasz-kowalczyk": ("light", "brown", "short", "#4b3f35", "#eef0f2", False, True, "#cbd5d9"),
}


def portrait(slug, size=480):
    """A stylised head-and-shoulders portrait (drawn at 3× and reduced), 480 × 480 JPEG."""
    skin_name, hair_name, style, jacket, shirt, glasses, beard, ground = PEOPLE[slug]
    skin, hair = SKIN[skin_name], HAIR[hair_name]
    shade = _mix(skin, "#000000", 0.18)
    rng = random.Random(slug)
    s = 3 * size
    image = Image.new("RGB", (s, s), ground)
    draw = ImageDraw.Draw(image)
    for y in range(s):  # a studio backdrop: lighter behind the head
        draw.line([(0, y), (s, y)], fill=_mix(ground, "#ffffff", 0.35 * (1 - y / s)))
    light = Image.new("L", (s, s), 0)
    ImageDraw.Draw(light).ellipse((s * 0.15, s * 0.05, s * 0.85, s * 0.75), fill=90)
    image.paste(
        Image.new("RGB", (s, s), "#ffffff"), mask=light.filter(ImageFilter.GaussianBlur(s / 8))
    )
    draw = ImageDraw.Draw(image)
    cx = s / 2 + rng.uniform(-0.02, 0.02) * s
    head_w, head_h = s * 0.25, s * 0.32
    top = s * 0.2
    # long hair falls behind the shoulders
    if style in ("long", "curly", "bob"):
        width = head_w * {"curly": 1.45, "long": 1.25, "bob": 1.22}[style]
        bottom = top + head_h * (0.98 if style == "bob" else 1.35)
        draw.rounded_rectangle(
            (
                cx - width / 2 - s * 0.02,
                top + head_h * 0.15,
                cx + width / 2 + s * 0.02,
                bottom,
            ),
            radius=s * 0.08,
            fill=hair,
        )
    # shoulders and jacket
    draw.ellipse((cx - s * 0.42, s * 0.62, cx + s * 0.42, s * 1.23), fill=jacket)
    draw.rectangle((cx - s * 0.06, top + head_h * 0.8, cx + s * 0.06, s * 0.68), fill=shade)  # neck
    draw.polygon([(cx - s * 0.1, s * 0.63), (cx + s * 0.1, s * 0.63), (cx, s * 0.8)], fill=shirt)
    lapel = _mix(jacket, "#000000", 0.25)
    draw.polygon(
        [(cx - s * 0.1, s * 0.63), (cx - s * 0.02, s * 0.81), (cx - s * 0.16, s * 0.68)], fill=lapel
    )
    draw.polygon(
        [(cx + s * 0.1, s * 0.63), (cx + s * 0.02, s * 0.81), (cx + s * 0.16, s * 0.68)], fill=lapel
    )
    if PEOPLE[slug][2] not in ("long", "bun", "bob", "curly") and rng.random() < 0.6:
        tie = _mix(jacket, "#b23a48", 0.6)
        draw.polygon(
            [
                (cx - s * 0.015, s * 0.66),
                (cx + s * 0.015, s * 0.66),
                (cx + s * 0.025, s * 0.78),
                (cx, s * 0.81),
                (cx - s * 0.025, s * 0.78),
            ],
            fill=tie,
        )
    # ears and head
    ear_y = top + head_h * 0.45
    for side in (-1, 1):
        x = cx + side * head_w / 2
        draw.ellipse((x - s * 0.025, ear_y, x + s * 0.025, ear_y + s * 0.07), fill=shade)
    draw.ellipse((cx - head_w / 2, top, cx + head_w / 2, top + head_h), fill=skin)
    # hair on top
    hx0, hx1 = cx - head_w / 2 - s * 0.012, cx + head_w / 2 + s * 0.012
    if style == "bald":
        draw.chord(
            (hx0, top + head_h * 0.25, hx0 + s * 0.05, top + head_h * 0.6), 90, 270, fill=hair
        )
        draw.chord(
            (hx1 - s * 0.05, top + head_h * 0.25, hx1, top + head_h * 0.6), 270, 90, fill=hair
        )
    elif style in ("receding", "crop", "short", "side"):
        # Hair hugs the skull down to the temples; a skin-coloured forehead cut into it draws
        # a rounded hairline (higher for a receding one, offset for a side parting).
        grow = s * {"crop": 0.008, "receding": 0.01, "short": 0.02, "side": 0.025}[style]
        draw.chord(
            (hx0 - grow, top - grow * 1.6, hx1 + grow, top + head_h * 0.84), 172, 368, fill=hair
        )
        hairline = {"crop": 0.16, "receding": 0.3, "short": 0.2, "side": 0.19}[style]
        shift = head_w * (0.06 if style == "side" else 0)
        width = head_w * (0.4 if style == "receding" else 0.36)
        draw.ellipse(
            (
                cx + shift - width,
                top + head_h * hairline,
                cx + shift + width,
                top + head_h * (hairline + 0.75),
            ),
            fill=skin,
        )
        if style == "side":
            part = cx - head_w * 0.2
            draw.line(
                [(part, top + head_h * 0.02), (part + head_w * 0.02, top + head_h * 0.2)],
                fill=_mix(hair, "#000000", 0.35),
                width=int(s * 0.006),
            )
    else:  # long, bob, bun, curly: a fringe swept to one side and hair framing the face
        grow = s * (0.05 if style == "curly" else 0.02)
        draw.chord(
            (hx0 - grow, top - s * 0.03 - grow, hx1 + grow, top + head_h * 0.7), 180, 360, fill=hair
        )
        draw.polygon(
            [
                (hx0 - grow, top + head_h * 0.33),
                (cx + head_w * 0.25, top + head_h * 0.12),
                (hx1 + grow, top + head_h * 0.35),
                (hx1, top + head_h * 0.05),
                (hx0, top + head_h * 0.05),
            ],
            fill=hair,
        )
        depth = {"bob": 0.85, "long": 0.95, "curly": 0.95, "bun": 0.45}[style]
        for side in (-1, 1) if style in ("long", "curly") else ():
            x = cx + side * head_w / 2
            draw.rounded_rectangle(
                (
                    min(x, x + side * s * 0.045) - grow * 0.5,
                    top + head_h * 0.3,
                    max(x, x + side * s * 0.045) + grow * 0.5,
                    top + head_h * depth,
                ),
                radius=s * 0.02,
                fill=hair,
            )
        if style == "bun":
            draw.ellipse((cx - s * 0.06, top - s * 0.09, cx + s * 0.06, top + s * 0.02), fill=hair)
    # face
    eye_y = top + head_h * 0.5
    dark = _mix(hair, "#000000", 0.3)
    for side in (-1, 1):
        ex = cx + side * head_w * 0.2
        draw.ellipse(
            (ex - s * 0.02, eye_y - s * 0.011, ex + s * 0.02, eye_y + s * 0.011), fill="#fbfaf7"
        )
        draw.ellipse(
            (ex - s * 0.01, eye_y - s * 0.01, ex + s * 0.01, eye_y + s * 0.01), fill="#2b211c"
        )
        brow_y = eye_y - s * 0.035
        draw.line(
            [(ex - s * 0.028, brow_y + side * 0), (ex + s * 0.028, brow_y - s * 0.004)],
            fill=dark,
            width=int(s * 0.009),
        )
        if glasses:
            draw.rounded_rectangle(
                (ex - s * 0.04, eye_y - s * 0.028, ex + s * 0.04, eye_y + s * 0.028),
                radius=s * 0.012,
                outline="#2d2d2d",
                width=int(s * 0.006),
            )
    if glasses:
        draw.line(
            [(cx - head_w * 0.2 + s * 0.04, eye_y), (cx + head_w * 0.2 - s * 0.04, eye_y)],
            fill="#2d2d2d",
            width=int(s * 0.006),
        )
    nose = _mix(skin, "#000000", 0.28)
    draw.line(
        [
            (cx, eye_y + s * 0.01),
            (cx - s * 0.012, eye_y + s * 0.075),
            (cx + s * 0.01, eye_y + s * 0.08),
        ],
        fill=nose,
        width=int(s * 0.006),
    )
    mouth_y = top + head_h * 0.78
    lips = _mix(skin, "#8a3a3a", 0.45)
    if beard:
        draw.chord(
            (cx - head_w * 0.42, top + head_h * 0.45, cx + head_w * 0.42, top + head_h * 1.02),
            0,
            180,
            fill=_mix(hair, skin, 0.2),
        )
        draw.ellipse(
            (cx - s * 0.026, mouth_y - s * 0.004, cx + s * 0.026, mouth_y + s * 0.014),
            fill=_mix(skin, "#8a3a3a", 0.35),
        )
    draw.arc(
        (cx - s * 0.035, mouth_y - s * 0.02, cx + s * 0.035, mouth_y + s * 0.015),
        20,
        160,
        fill=lips,
        width=int(s * 0.008),
    )
    image = image.filter(ImageFilter.GaussianBlur(1.2)).crop((s * 0.15, s * 0.1, s * 0.85, s * 0.8))
    return _jpeg(image, (size, size), quality=85)


# Center images, covers, figures ------------------------------------------------------------


def center_image(slug, width=1200, height=630):
    """Abstract artwork, seeded by the slug: a gradient crossed by orbits; stored at 800 × 420."""
    dark, accent = CENTER_COLORS.get(slug, ("#263238", "#ffcc80"))
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


def _wrap(draw, text, font, width):
    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if draw.textlength(trial, font=font) <= width or not line:
            line = trial
        else:
            lines.append(line)
            line = word
    return [*lines, line] if line else lines


def _art(draw, rng, box, dark, accent, motif):
    """Geometric art inside box: arcs, a grid of dots or diagonal bands."""
    x0, y0, x1, y1 = box
    if motif == 0:
        cx, cy = rng.uniform(x0, x1), y1
        for i in range(12, 0, -1):
            r = i * (x1 - x0) / 10
            draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=_mix(accent, dark, 0.1 + i / 14))
    elif motif == 1:
        step = (x1 - x0) / 9
        for i in range(10):
            for j in range(int((y1 - y0) / step) + 1):
                r = step * 0.42 * abs(math.sin(i * 0.7 + j * 0.5 + rng.random()))
                x, y = x0 + i * step, y0 + j * step
                draw.ellipse(
                    (x - r, y - r, x + r, y + r), fill=_mix(accent, dark, rng.random() * 0.6)
                )
    else:
        for i in range(-6, 14):
            x = x0 + i * (x1 - x0) / 8
            width = (x1 - x0) / 16
            draw.polygon(
                [(x, y1), (x + width, y1), (x + width + (y1 - y0), y0), (x + (y1 - y0), y0)],
                fill=_mix(accent, dark, (i % 4) / 5),
            )


def cover(pub, series_name, author_line, width=1200, height=1696):
    """A designed cover: the series' colour field, geometric art, the title set in serif."""
    dark, accent = _colors(pub)
    rng = random.Random(pub["slug"])
    image = Image.new("RGB", (width, height), dark)
    draw = ImageDraw.Draw(image)
    art_top = int(height * 0.56)
    art = Image.new("RGB", (width, height - 150 - art_top), dark)
    motif = zlib.crc32(pub["slug"].encode()) % 3
    _art(ImageDraw.Draw(art), rng, (0, 0, *art.size), dark, accent, motif)
    image.paste(art, (0, art_top))
    draw.rectangle((0, height - 150, width, height), fill=_mix(dark, "#000000", 0.45))
    margin = 90
    label = (
        series_name or {"book": "Book", "report": "Report"}.get(pub["type"], "Analysis")
    ).upper()
    if pub["series_number"]:
        label += f"  ·  No. {pub['series_number']}"
    draw.text((margin, 110), label, font=_font(34, "SourceSansPro-Semibold"), fill=accent)
    draw.rectangle((margin, 165, margin + 120, 171), fill=accent)
    font = _font(96 if len(pub["title"]) < 40 else 80, "SourceSerifPro-Semibold")
    y = 215
    for line in _wrap(draw, pub["title"], font, width - 2 * margin)[:5]:
        draw.text((margin, y), line, font=font, fill="#ffffff")
        y += int(font.size * 1.12)
    if pub["subtitle"]:
        sub = _font(44, "SourceSerifPro-It")
        y += 20
        for line in _wrap(draw, pub["subtitle"], sub, width - 2 * margin)[:3]:
            draw.text((margin, y), line, font=sub, fill=_mix(accent, "#ffffff", 0.3))
            y += 56
    draw.text(
        (margin, art_top - 80), author_line, font=_font(40, "SourceSansPro-Regular"), fill="#ffffff"
    )
    draw.text(
        (margin, height - 75),
        INSTITUTE.upper(),
        font=_font(30, "SourceSansPro-Semibold"),
        fill="#ffffff",
        anchor="lm",
    )
    draw.text(
        (width - margin, height - 75),
        pub["published_on"][:4],
        font=_font(30),
        fill=accent,
        anchor="rm",
    )
    return _jpeg(image, (600, 848))


CHARTS = {  # figure name: (kind, labels, values, unit)
    "taiwan-strait-shipping.png": (
        "bar",
        [f"{y} Q{q}" for y in (22, 23, 24) for q in (1, 2, 3, 4)],
        [100, 102, 91, 104, 106, 93, 105, 108, 97, 109, 111, 110],
        "index",
    ),
    "shell-production.png": (
        "line",
        ["2022", "2023", "2024", "2025"],
        [300, 600, 1000, 1500],
        "thousand",
    ),
    "reconstruction-needs.png": (
        "bar",
        ["Housing", "Transport", "Energy", "Industry", "Other"],
        [84, 78, 68, 64, 230],
        "$ bn",
    ),
    "lithium-resources.png": (
        "bar",
        ["Bolivia", "Argentina", "Chile", "United States", "Australia"],
        [23, 22, 11, 14, 8.7],
        "Mt",
    ),
}


def chart(kind, labels, values, unit, width=1200, height=640):
    """A plain chart in the site's colours for the figures of the structured bodies."""
    image = Image.new("RGB", (width, height), "#ffffff")
    draw = ImageDraw.Draw(image)
    left, right, top, bottom = 110, width - 40, 40, height - 90
    rough = max(values) * 1.1 / 4  # four intervals of a round size
    magnitude = 10 ** math.floor(math.log10(rough))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= rough)
    top_value = 4 * step
    font = _font(24)
    for i in range(5):
        value = top_value * i / 4
        y = bottom - (bottom - top) * i / 4
        draw.line([(left, y), (right, y)], fill="#e3e6ea", width=2)
        draw.text((left - 14, y), f"{value:,.0f}", font=font, fill="#555b61", anchor="rm")
    draw.text((left, top - 10), unit, font=font, fill="#555b61", anchor="ld")
    step = (right - left) / len(values)
    points = []
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        x = left + step * (i + 0.5)
        y = bottom - (bottom - top) * value / top_value
        if kind == "bar":
            draw.rectangle((x - step * 0.32, y, x + step * 0.32, bottom), fill="#1f4e79")
        points.append((x, y))
        draw.text(
            (x, bottom + 16),
            label,
            font=_font(22 if len(labels) > 6 else 26),
            fill="#2b2f33",
            anchor="ma",
        )
    if kind == "line":
        draw.line(points, fill="#b23a48", width=8, joint="curve")
        for x, y in points:
            draw.ellipse((x - 12, y - 12, x + 12, y + 12), fill="#b23a48")
    draw.line([(left, bottom), (right, bottom)], fill="#2b2f33", width=3)
    return _png(image.quantize(colors=32))


# PDFs ----------------------------------------------------------------------------------------

_REGISTERED = False


def _register_fonts():
    global _REGISTERED
    if _REGISTERED:
        return
    for name, folder in (
        ("Serif", SERIF / "SourceSerifPro-Regular.ttf"),
        ("Serif-Bold", SERIF / "SourceSerifPro-Semibold.ttf"),
        ("Serif-It", SERIF / "SourceSerifPro-It.ttf"),
        ("Sans", SANS / "SourceSansPro-Regular.ttf"),
        ("Sans-Bold", SANS / "SourceSansPro-Semibold.ttf"),
    ):
        pdfmetrics.registerFont(TTFont(name, str(folder)))
    pdfmetrics.registerFontFamily("Serif", normal="Serif", bold="Serif-Bold", italic="Serif-It")
    _REGISTERED = True


BOOK_PAGE = (15.6 * cm, 23.4 * cm)


def _styles():
    size = 10.5
    return {
        "body": ParagraphStyle(
            "body",
            fontName="Serif",
            fontSize=size,
            leading=size * 1.5,
            spaceAfter=size * 0.7,
            firstLineIndent=0,
        ),
        "h1": ParagraphStyle(
            "h1", fontName="Serif-Bold", fontSize=20, leading=25, spaceAfter=14, spaceBefore=4
        ),
        "h2": ParagraphStyle(
            "h2",
            fontName="Sans-Bold",
            fontSize=13,
            leading=17,
            spaceBefore=14,
            keepWithNext=1,
            spaceAfter=6,
            textColor=HexColor("#1f2d3d"),
        ),
        "summary": ParagraphStyle(
            "summary",
            fontName="Serif-It",
            fontSize=11.5,
            leading=17,
            spaceAfter=9,
            textColor=HexColor("#333333"),
        ),
        "note": ParagraphStyle(
            "note",
            fontName="Sans",
            fontSize=8.5,
            leading=11,
            spaceAfter=3,
            leftIndent=14,
            firstLineIndent=-14,
        ),
    }


def _draw_cover(canvas, doc, info):
    width, height = doc.pagesize
    dark, accent = (HexColor(c) for c in info["colors"])
    canvas.saveState()
    canvas.setFillColor(dark)
    canvas.rect(0, height * 0.42, width, height * 0.58, stroke=0, fill=1)
    rng = random.Random(info["slug"])
    band = canvas.beginPath()
    band.rect(0, height * 0.42, width, height * 0.58)
    canvas.clipPath(band, stroke=0, fill=0)
    for i in range(9):  # the series' band of arcs
        canvas.setStrokeColor(accent)
        canvas.setLineWidth(0.6 + i * 0.15)
        r = (i + 1) * width / 20
        canvas.circle(width * 0.95 + rng.uniform(-10, 10), height * 0.42, r, stroke=1, fill=0)
    canvas.restoreState()
    canvas.saveState()
    m = 2 * cm if width > 16 * cm else 1.6 * cm
    canvas.setFillColor(accent)
    canvas.setFont("Sans-Bold", 9)
    canvas.drawString(m, height - 2.2 * cm, info["label"].upper())
    canvas.rect(m, height - 2.6 * cm, 2 * cm, 2, stroke=0, fill=1)
    canvas.setFillColor(HexColor("#ffffff"))
    size = 26 if width > 16 * cm else 22
    y = height - 4.2 * cm
    for line in _pdf_wrap(info["title"], "Serif-Bold", size, width - 2 * m):
        canvas.setFont("Serif-Bold", size)
        canvas.drawString(m, y, line)
        y -= size * 1.2
    if info["subtitle"]:
        y -= 6
        for line in _pdf_wrap(info["subtitle"], "Serif-It", 14, width - 2 * m):
            canvas.setFont("Serif-It", 14)
            canvas.drawString(m, y, line)
            y -= 18
    canvas.setFont("Sans", 12)
    canvas.drawString(m, height * 0.42 + 1.2 * cm, info["authors"])
    canvas.setFillColor(HexColor("#1f2d3d"))
    canvas.setFont("Sans-Bold", 10)
    canvas.drawString(m, 2.4 * cm, INSTITUTE)
    canvas.setFont("Sans", 10)
    canvas.drawString(m, 1.8 * cm, info["date"])
    if info["identifier"]:
        canvas.drawRightString(width - m, 1.8 * cm, info["identifier"])
    canvas.restoreState()


def _pdf_wrap(text, font, size, width):
    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if pdfmetrics.stringWidth(trial, font, size) <= width or not line:
            line = trial
        else:
            lines.append(line)
            line = word
    return [*lines, line] if line else lines


def _draw_page(canvas, doc, info):
    width, height = doc.pagesize
    canvas.saveState()
    canvas.setFont("Sans", 8)
    canvas.setFillColor(HexColor("#6b7280"))
    m = doc.leftMargin
    canvas.drawString(m, height - 1.3 * cm, INSTITUTE)
    canvas.drawRightString(width - m, height - 1.3 * cm, info["short"])
    canvas.setStrokeColor(HexColor(info["colors"][0]))
    canvas.setLineWidth(0.8)
    canvas.line(m, height - 1.5 * cm, width - m, height - 1.5 * cm)
    canvas.drawCentredString(width / 2, 1.2 * cm, str(doc.page))
    canvas.restoreState()


MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
}


def _date(iso, language):
    year, month, day = (int(x) for x in iso.split("-"))
    name = MONTHS[language][month - 1]
    return f"{day} {name} {year}" if language == "fr" else f"{name} {year}"


def _sections(pub):
    brief = (make_texts.FRENCH_BRIEFS if pub["language"] == "fr" else make_texts.BRIEFS)[
        pub["slug"]
    ]
    return make_texts.compose(pub, brief, make_texts.POOLS[pub["language"]]), brief


def _piece(pub, styles, heading_style, numbered_notes=True, note_offset=0):
    """Flowables for one piece: its sections with headings, note calls, then its notes."""
    sections, _brief = _sections(pub)
    notes = make_texts.note_texts(pub) if pub["slug"] in make_texts.BRIEFS else []
    story, n = [], 0
    for heading, paragraphs in sections:
        story.append(Paragraph(escape(heading), heading_style))
        for paragraph in paragraphs:
            text = escape(paragraph)
            if n < len(notes) and ". " in paragraph:
                n += 1
                first, rest = text.split(". ", 1)
                text = f"{first}.<super><font size='7'>{n + note_offset}</font></super> {rest}"
            story.append(Paragraph(text, styles["body"]))
    if n:
        story.append(Paragraph("Notes", heading_style))
        story += [
            Paragraph(f"{i + note_offset}.&nbsp;&nbsp;{escape(note)}", styles["note"])
            for i, note in enumerate(notes[:n], start=1)
        ]
    return story


def pdf(pub, authors, series_name, chapters=()):
    """A report-like PDF: a designed cover, the summary, the text with headings, note calls,
    notes and running heads; a book adds its chapters. Returns (bytes, pages)."""
    _register_fonts()
    book = pub["type"] == "book"
    pagesize = BOOK_PAGE if book else A4
    margin = 1.8 * cm if book else 2.3 * cm
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=2.2 * cm,
        bottomMargin=2 * cm,
        title=pub["title"],
        author=", ".join(authors),
        creator=INSTITUTE,
        invariant=1,
        pageCompression=1,
    )
    label = series_name or {"book": "Book", "report": "Report"}.get(pub["type"], "Analysis")
    if series_name and pub["series_number"]:
        label += f" · No. {pub['series_number']}"
    info = {
        "slug": pub["slug"],
        "title": pub["title"],
        "subtitle": pub["subtitle"],
        "authors": make_files_author_line(pub, authors),
        "label": label,
        "date": _date(pub["published_on"], pub["language"]),
        "colors": _colors(pub),
        "identifier": f"ISBN {pub['isbn']}"
        if pub["isbn"]
        else (f"DOI {pub['doi']}" if pub["doi"] else ""),
        "short": pub["title"] if len(pub["title"]) < 60 else pub["title"][:57] + "…",
    }
    frame = Frame(
        margin,
        doc.bottomMargin,
        pagesize[0] - 2 * margin,
        pagesize[1] - doc.topMargin - doc.bottomMargin,
        id="f",
    )
    doc.addPageTemplates(
        [
            PageTemplate("cover", frames=[frame], onPage=lambda c, d: _draw_cover(c, d, info)),
            PageTemplate("text", frames=[frame], onPage=lambda c, d: _draw_page(c, d, info)),
        ]
    )
    styles = _styles()
    summary_title = "Résumé" if pub["language"] == "fr" else "Summary"
    story = [NextPageTemplate("text"), PageBreak(), Paragraph(summary_title, styles["h1"])]
    story += [Paragraph(escape(p), styles["summary"]) for p in pub["summary"].split("\n\n")]
    if book:
        contents = ["Introduction", *(c["title"] for c in chapters)]
        story += [Spacer(1, 0.6 * cm), Paragraph("Contents", styles["h2"])]
        story += [
            Paragraph(f"{i}. {escape(t)}" if i else escape(t), styles["body"])
            for i, t in enumerate(contents)
        ]
        story += [PageBreak(), Paragraph("Introduction", styles["h1"])]
    else:
        story.append(Spacer(1, 0.5 * cm))
    story += _piece(pub, styles, styles["h2"])
    for number, chapter in enumerate(chapters, start=1):
        story += [PageBreak(), Paragraph(f"{number}. {escape(chapter['title'])}", styles["h1"])]
        if chapter["subtitle"]:
            story.append(Paragraph(escape(chapter["subtitle"]), styles["summary"]))
        story += _piece(chapter, styles, styles["h2"])
    doc.build(story)
    return buffer.getvalue(), doc.page


def make_files_author_line(pub, names):
    roles = pub["author_roles"] or ["author"] * len(names)
    editors = [name for name, role in zip(names, roles, strict=True) if role == "editor"]
    if editors:
        return "Edited by " + " and ".join(editors)
    return ", ".join(names)


def _chapters(book, publications):
    """The chapters of an edited volume: the English analyses and reports that share a region
    or a theme with the book, oldest first."""
    regions, themes = set(book["regions"]), set(book["themes"])
    chosen = [
        p
        for p in publications
        if p["slug"] != book["slug"]
        and p["status"] == "published"
        and not p["publish_at"]
        and p["published_on"] < "2030"
        and p["language"] == "en"
        and p["slug"] in make_texts.BRIEFS
        and p["type"] in ("analysis", "report", "article", "briefing")
        and (set(p["regions"]) & regions or set(p["themes"]) & themes)
    ]
    return sorted(chosen, key=lambda p: (p["published_on"], p["slug"]))[:24]


def files(document):
    """(relative path, bytes) of every file the document names; sets PDFs' page counts."""
    names = {author["slug"]: author["name"] for author in document["authors"]}
    series = {s["slug"]: s["name"] for s in document["series"]}
    for author in document["authors"]:
        if author["photo"]:
            yield author["photo"], portrait(author["slug"])
    for center in document["centers"]:
        if center["image"]:
            yield center["image"], center_image(center["slug"])
    for pub in document["publications"]:
        authors = [names[s] for s in pub["authors"]]
        if pub["cover"]:
            yield (
                pub["cover"],
                cover(pub, series.get(pub["series"]), make_files_author_line(pub, authors)),
            )
        if pub["pdf"]:
            chapters = _chapters(pub, document["publications"]) if pub["type"] == "book" else ()
            data, pub["pages"] = pdf(pub, authors, series.get(pub["series"]), chapters)
            yield pub["pdf"], data


def figures():
    """(file name, bytes) of the figures under static/img/demo/."""
    for name, (kind, labels, values, unit) in CHARTS.items():
        yield name, chart(kind, labels, values, unit)


def main():
    document = json.loads(DOCUMENT.read_text(encoding="utf-8"))
    for relative, data in files(document):
        path = HERE / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    STATIC_FIGURES.mkdir(parents=True, exist_ok=True)
    for name, data in figures():
        (STATIC_FIGURES / name).write_bytes(data)
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if text != DOCUMENT.read_text(encoding="utf-8"):
        DOCUMENT.write_text(text, encoding="utf-8")
        print("Page counts changed: catalogue.json updated.", file=sys.stderr)


if __name__ == "__main__":
    main()
