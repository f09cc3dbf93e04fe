"""The one image pipeline: every image the site stores or draws goes through `normalized()`.

Cameras and editors produce images that browsers, social networks' crawlers (Open Graph),
ReportLab and Pillow's own encoders read differently: CMYK JPEGs with a press profile, palette
PNGs with a transparent colour, grey with alpha, 16-bit greyscale, 1-bit line art, photos stored
sideways with an EXIF orientation tag. `normalized()` gives one of three plain forms, upright and
in sRGB: 8-bit RGB, RGBA (when the image has transparency) or L (plain greyscale).

Consumers:
- uploads of covers, experts' photos and center images, from the admin (`ImageUploadField`) and
  the importer (`interchange/files.py`), stored through `normalized_upload()` (an image that is
  already plain keeps its bytes: no second JPEG compression);
- thumbnails of PDFs' first pages (`publications/pdf/processing.py`, through `jpeg_bytes`);
- covers drawn by ReportLab in generated editions (`publications/pdf/edition_layout.py`, through
  `open_normalized`), so that an image stored before this pipeline existed prints right too;
- Open Graph and JSON-LD images are the stored covers and thumbnails, plain by construction;
  images stored before the pipeline existed are brought in line by `stored_image_normalize`
  (`manage.py normalize_images`).
"""

import contextlib
import os
import uuid
from io import BytesIO

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageCms, ImageOps

#: Modes that need no conversion.
PLAIN_MODES = ("RGB", "RGBA", "L")
#: Modes that carry an alpha channel (besides a palette's or a grey image's transparent colour).
ALPHA_MODES = ("RGBA", "LA", "PA", "RGBa", "La")
#: The EXIF tag of the orientation (TIFF/EXIF 2.3, tag 274); 1 is upright.
ORIENTATION = 0x0112
#: Encoders' settings; JPEG quality 90 with 4:4:4 chroma keeps text on covers sharp.
JPEG_OPTIONS = {"quality": 90, "optimize": True, "progressive": True, "subsampling": 0}
SAVE_OPTIONS = {"JPEG": JPEG_OPTIONS, "PNG": {"optimize": True}, "WEBP": {"quality": 90}}

_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def _has_alpha(image):
    return image.mode in ALPHA_MODES or (
        image.mode in ("P", "L", "RGB", "1") and "transparency" in image.info
    )


def _profile(image):
    """The embedded ICC profile, or None when there is none, it is unreadable, or it is sRGB."""
    data = image.info.get("icc_profile")
    if not data:
        return None
    try:
        profile = ImageCms.ImageCmsProfile(BytesIO(data))
        description = ImageCms.getProfileDescription(profile) or ""
    except (OSError, ImageCms.PyCMSError):
        return None
    return None if "srgb" in description.lower() else profile


def _orientation(image):
    with contextlib.suppress(Exception):
        return image.getexif().get(ORIENTATION, 1)
    return 1


def is_plain(image) -> bool:
    """True when `normalized(image)` would change nothing that a reader sees."""
    return (
        image.mode in PLAIN_MODES
        and "transparency" not in image.info
        and _orientation(image) in (None, 1)
        and _profile(image) is None
    )


def _eight_bits(image):
    """A 16-bit or 32-bit greyscale image (`I;16*`, `I`, `F`) scaled to 8-bit `L` (Pillow's own
    conversion clips everything above 255 to white)."""
    if image.mode.startswith("I;16"):
        image = image.convert("I")
    low, high = image.getextrema()
    if high <= 255 and low >= 0:
        return image.convert("L")
    top = 65535 if high <= 65535 else high
    return image.point(lambda value: value * (255 / top)).convert("L")


def normalized(image: Image.Image) -> Image.Image:
    """`image` upright (EXIF orientation applied), in sRGB (an embedded ICC profile converted
    with LittleCMS, perceptual intent), 8 bits per channel, as RGB, RGBA (when it has an alpha
    channel or a transparent colour) or L (greyscale without a profile). A new image; `image`
    is loaded but not changed. An unreadable profile is ignored (the pixels are taken as sRGB).
    """
    image = ImageOps.exif_transpose(image) or image
    alpha = _has_alpha(image)
    if image.mode.startswith("I") or image.mode == "F":
        image = _eight_bits(image)
    profile = _profile(image)
    if image.mode == "P" or image.mode == "1" or (alpha and image.mode not in ("RGBA",)):
        image = image.convert("RGBA" if alpha else "RGB")
    if profile is not None:
        output = "RGBA" if image.mode == "RGBA" else "RGB"
        try:
            if image.mode == "RGBA":
                # LittleCMS converts the colour channels; the alpha channel is put back as is.
                colour = ImageCms.profileToProfile(
                    image.convert("RGB"), profile, _SRGB, outputMode="RGB"
                )
                colour.putalpha(image.getchannel("A"))
                image = colour
            else:
                image = ImageCms.profileToProfile(image, profile, _SRGB, outputMode=output)
        except ImageCms.PyCMSError:
            pass  # a profile that does not fit the pixels (a grey profile on RGB...)
    if image.mode not in PLAIN_MODES:  # CMYK without a profile, YCbCr, LAB, HSV, LA...
        image = image.convert("RGBA" if alpha else "RGB")
    image.info.pop("icc_profile", None)
    image.info.pop("transparency", None)
    image.info.pop("exif", None)
    return image


def flattened(image: Image.Image, background="white") -> Image.Image:
    """A normalized RGB image: transparent parts laid on `background`, as JPEG and print
    need."""
    image = normalized(image)
    if image.mode != "RGBA":
        return image.convert("RGB")
    ground = Image.new("RGB", image.size, background)
    ground.paste(image, mask=image.getchannel("A"))
    return ground


def open_normalized(file) -> Image.Image:
    """The image in `file` (a path, bytes in a file object, a Django File) decoded and
    normalized. Raises what Pillow raises for a file that is not an image."""
    with Image.open(file) as image:
        image.load()
        return normalized(image)


def jpeg_bytes(image: Image.Image, **options) -> bytes:
    """`image` flattened and encoded as a progressive JPEG (JPEG_OPTIONS, overridable)."""
    out = BytesIO()
    flattened(image).save(out, format="JPEG", **{**JPEG_OPTIONS, **options})
    return out.getvalue()


def encoded(image: Image.Image, image_format: str) -> bytes:
    """`image` normalized and encoded in `image_format` (JPEG, PNG or WEBP); JPEG flattens."""
    if image_format == "JPEG":
        return jpeg_bytes(image)
    out = BytesIO()
    normalized(image).save(out, format=image_format, **SAVE_OPTIONS.get(image_format, {}))
    return out.getvalue()


def normalized_bytes(file) -> tuple[bytes, str] | None:
    """(bytes, Pillow format) of the image in `file` normalized and re-encoded in its own
    format; None when it is plain already (its bytes are kept). `file` is rewound."""
    file.seek(0)
    try:
        with Image.open(file) as image:
            image_format = image.format
            if is_plain(image):
                return None
            image.load()
            return encoded(image, image_format), image_format
    finally:
        file.seek(0)


def normalized_upload(upload):
    """The upload (a validated JPEG, PNG or WebP) as it is stored: itself when plain, else a
    new in-memory upload of the same name and format with the normalized image."""
    result = normalized_bytes(upload)
    if result is None:
        return upload
    data, image_format = result
    name = os.path.basename(getattr(upload, "name", "") or "image")
    return SimpleUploadedFile(name, data, content_type=Image.MIME.get(image_format, ""))


def stored_image_normalize(field_file) -> str | None:
    """Pass an image already in storage (a model's ImageField value) through the pipeline: when
    it is not plain, the normalized image is stored under a new server-made name in the same
    folder (a new URL, so no cache keeps the old pixels) and that name is returned; the caller
    saves it on the row, then deletes the old file. None when there is nothing to do (plain,
    missing or unreadable: logged by the caller's count, never raised)."""
    if not field_file:
        return None
    try:
        with field_file.storage.open(field_file.name, "rb") as handle:
            result = normalized_bytes(BytesIO(handle.read()))
    except Exception:  # missing, or not an image any more
        return None
    if result is None:
        return None
    data, _format = result
    folder, name = os.path.split(field_file.name)
    extension = name.rsplit(".", 1)[-1] if "." in name else "jpg"
    target = (
        f"{folder}/{uuid.uuid4().hex}.{extension}" if folder else f"{uuid.uuid4().hex}.{extension}"
    )
    return field_file.storage.save(target, ContentFile(data))
