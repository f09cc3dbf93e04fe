"""Files for upload tests, made in memory: real PDFs and images, and hostile look-alikes."""

import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from reportlab.lib import pdfencrypt
from reportlab.pdfgen import canvas

from tests.factories import make_pdf_bytes


def pdf_upload(name="report.pdf", *, pages=1):
    return SimpleUploadedFile(name, make_pdf_bytes(pages=pages), content_type="application/pdf")


def pdf_from_objects(*objects):
    """A PDF written by hand from the bodies of objects 1, 2, ... (object 1 is the catalog),
    with a correct cross-reference table: for structures no PDF library will write."""
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return out


CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"


def pdf_without_pages_upload(name="empty.pdf"):
    data = pdf_from_objects(CATALOG, b"<< /Type /Pages /Kids [] /Count 0 >>")
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def encrypted_pdf_bytes(password="secret"):
    """A one-page PDF that opens only with `password` (RC4, ReportLab)."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, encrypt=pdfencrypt.StandardEncryption(password))
    pdf.drawString(72, 720, "Confidential")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def text_as_pdf_upload(name="notes.pdf"):
    return SimpleUploadedFile(
        name, b"Just some notes, not a PDF.\n", content_type="application/pdf"
    )


def image_upload(name="cover.png", *, size=(40, 30), fmt="PNG"):
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format=fmt)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{fmt.lower()}")


def _png_chunk(kind, data):
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def png_header_upload(name="bomb.png", *, width=20_000, height=20_000):
    """A few hundred bytes whose header declares width x height pixels (a decompression bomb)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    data = (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + _png_chunk(b"IEND", b"")
    )
    return SimpleUploadedFile(name, data, content_type="image/png")


def svg_upload(name="logo.svg"):
    data = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect/></svg>'
    return SimpleUploadedFile(name, data, content_type="image/svg+xml")


def isolate_storage(tmp_path, settings, monkeypatch):
    """Point MEDIA_ROOT and the PDFs' private storage at empty folders of this test; returns
    (media_root, private_root) so a test can look at what was written."""
    from publications.models import Publication
    from thinktank.storage import SafeFileSystemStorage

    media_root, private_root = tmp_path / "media", tmp_path / "private"
    media_root.mkdir()
    private_root.mkdir()
    settings.MEDIA_ROOT = str(media_root)
    monkeypatch.setattr(
        Publication._meta.get_field("pdf"), "storage", SafeFileSystemStorage(location=private_root)
    )
    return media_root, private_root


def files_under(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
