"""Images as cameras and editors produce them, built in memory for the image pipeline's tests
(thinktank/images.py): every mode, depth, colour profile and orientation it must handle.

`SAMPLES` maps a name to (bytes, what a reader must see): the colour of the pixel at the top
left (sRGB, after flattening on white) and of the pixel at the bottom left, and the upright size.
"""

import io
import struct

from PIL import Image

RED, BLUE, WHITE, BLACK = (220, 30, 30), (30, 30, 220), (255, 255, 255), (0, 0, 0)


def _encoded(image, fmt, **options):
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def _halves(mode, top, bottom, size=(24, 32)):
    """An image whose top half is `top` and bottom half `bottom`."""
    image = Image.new(mode, size, top)
    image.paste(bottom, (0, size[1] // 2, size[0], size[1]))
    return image


# --- A CMYK profile that says "cyan ink prints red" -------------------------------------------
# A real press profile is a large table; this one is the smallest valid ICC v2 output profile
# (lut16Type A2B0, 2 grid points per ink) whose colours differ from the naive CMYK -> RGB
# conversion, so a test can tell whether the profile was applied at all.


def _lab16(rgb):
    """sRGB (0-255) -> ICC v2 16-bit Lab (L: 0..0xFF00, a/b: 0x8000 = 0)."""

    def linear(c):
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.9505
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.089

    def f(t):
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    lightness = 116 * f(y) - 16
    a, b_ = 500 * (f(x) - f(y)), 200 * (f(y) - f(z))
    return (
        round(max(0, min(100, lightness)) / 100 * 0xFF00),
        round((max(-128, min(127.99, a)) + 128) * 256),
        round((max(-128, min(127.99, b_)) + 128) * 256),
    )


def _corner_rgb(c, m, y, k):
    if c and not (m or y or k):
        return RED  # the profile's twist: pure cyan prints red
    if k:
        return BLACK
    return (255 * (1 - c), 255 * (1 - m), 255 * (1 - y))


def _tag(signature, data):
    return signature, data + b"\0" * (-len(data) % 4)


def cmyk_profile() -> bytes:
    """The bytes of an ICC v2 CMYK output profile (PCS Lab) that maps cyan ink to red."""
    clut = b"".join(
        struct.pack(">3H", *_lab16(_corner_rgb(c, m, y, k)))
        for c in (0, 1)
        for m in (0, 1)
        for y in (0, 1)
        for k in (0, 1)
    )
    identity = struct.pack(">9i", 65536, 0, 0, 0, 65536, 0, 0, 0, 65536)
    lut = (
        b"mft2\0\0\0\0"
        + struct.pack(">4B", 4, 3, 2, 0)
        + identity
        + struct.pack(">2H", 2, 2)
        + struct.pack(">2H", 0, 65535) * 4
        + clut
        + struct.pack(">2H", 0, 65535) * 3
    )
    description = b"Cyan prints red (test)\0"
    desc = (
        b"desc\0\0\0\0"
        + struct.pack(">I", len(description))
        + description
        + b"\0" * 8  # no Unicode description
        + b"\0" * 3  # no ScriptCode (count 0, 67 bytes reserved)
        + b"\0" * 67
    )
    wtpt = b"XYZ \0\0\0\0" + struct.pack(">3i", 63190, 65536, 54061)  # D50
    cprt = b"text\0\0\0\0No copyright, test data\0"
    tags = [_tag(b"desc", desc), _tag(b"wtpt", wtpt), _tag(b"A2B0", lut), _tag(b"cprt", cprt)]
    offset = 128 + 4 + 12 * len(tags)
    table, body = struct.pack(">I", len(tags)), b""
    for signature, data in tags:
        table += signature + struct.pack(">2I", offset + len(body), len(data))
        body += data
    size = offset + len(body)
    header = (
        struct.pack(">I", size)
        + b"lcms"
        + struct.pack(">I", 0x02100000)
        + b"prtr"
        + b"CMYK"
        + b"Lab "
        + b"\0" * 12  # date
        + b"acsp"
        + b"APPL"
        + b"\0" * 4  # flags
        + b"\0" * 8  # manufacturer, model
        + b"\0" * 8  # attributes
        + struct.pack(">I", 0)  # perceptual
        + struct.pack(">3i", 63190, 65536, 54061)
        + b"\0" * 4  # creator
        + b"\0" * 44
    )
    assert len(header) == 128
    return header + table + body


# --- The samples ---------------------------------------------------------------------------


def cmyk_jpeg_with_profile():
    """Top half pure cyan ink: red through its profile (cyan if the profile were ignored)."""
    image = _halves("CMYK", (255, 0, 0, 0), (0, 0, 0, 255))
    return _encoded(image, "JPEG", quality=95, icc_profile=cmyk_profile())


def cmyk_jpeg():
    """No profile: the conversion every CMYK JPEG without one gets (cyan stays cyan)."""
    return _encoded(_halves("CMYK", (0, 255, 255, 0), (0, 0, 0, 255)), "JPEG", quality=95)


def rotated_jpeg(orientation=6):
    """A photo stored sideways (as a phone held upright stores it): 32 wide, 24 high, red on
    the left, blue on the right, with EXIF orientation 6 (rotate 90° clockwise to view). Seen
    upright: 24 wide, 32 high, red on top."""
    image = Image.new("RGB", (32, 24), RED)
    image.paste(BLUE, (16, 0, 32, 24))
    exif = Image.Exif()
    exif[0x0112] = orientation
    return _encoded(image, "JPEG", quality=95, exif=exif.tobytes())


def palette_png_with_transparency():
    """Mode P: top half transparent (index 0), bottom half red."""
    image = Image.new("P", (24, 32), 0)
    image.putpalette([0, 255, 0, *RED] + [0] * (254 * 3))  # index 0 is green, but transparent
    image.paste(1, (0, 16, 24, 32))
    return _encoded(image, "PNG", transparency=0)


def grey_alpha_png():
    """Mode LA: top half transparent, bottom half black."""
    image = Image.new("LA", (24, 32), (0, 0))
    image.paste((0, 255), (0, 16, 24, 32))
    return _encoded(image, "PNG")


def rgba_png():
    image = Image.new("RGBA", (24, 32), (0, 0, 0, 0))
    image.paste((*BLUE, 255), (0, 16, 24, 32))
    return _encoded(image, "PNG")


def sixteen_bit_png():
    """Mode I;16 (16-bit greyscale): top half 65535 (white), bottom half 32896 (mid grey; Pillow's
    plain conversion clips both to white)."""
    image = Image.new("I;16", (24, 32), 65535)
    image.paste(32896, (0, 16, 24, 32))
    return _encoded(image, "PNG")


def one_bit_png():
    image = Image.new("1", (24, 32), 1)
    image.paste(0, (0, 16, 24, 32))
    return _encoded(image, "PNG")


GREY = (128, 128, 128)
CYAN = (0, 255, 255)

#: name -> (builder, top colour, bottom colour) as a reader sees them (on white).
SAMPLES = {
    "cmyk-jpeg-icc": (cmyk_jpeg_with_profile, RED, BLACK),
    "cmyk-jpeg": (cmyk_jpeg, (255, 0, 0), BLACK),
    "exif-rotated-jpeg": (rotated_jpeg, RED, BLUE),
    "p-transparency-png": (palette_png_with_transparency, WHITE, RED),
    "la-png": (grey_alpha_png, WHITE, BLACK),
    "rgba-png": (rgba_png, WHITE, BLUE),
    "i16-png": (sixteen_bit_png, WHITE, GREY),
    "1-bit-png": (one_bit_png, WHITE, BLACK),
}
