"""PDF decompression bombs for the tests and bench/: small files that expand to gigabytes.

`bomb_pdf_bytes(copies=..., stream_mb=...)` is a valid one-page PDF (it passes upload validation:
`%PDF-` magic, parses, one page) whose page content is one Flate stream of `stream_mb` MB of
spaces (16 KB compressed), listed `copies` times in the page's /Contents array. Reading the
page's text or rendering it makes PDFium decode and join every copy: the default 100 x 16 MB
takes 1.6 GB of memory for a 17 KB file (measured: 3.3 GB resident, 100 s, with no limit).
"""

import zlib


def bomb_pdf_bytes(*, copies=100, stream_mb=16):
    stream = zlib.compress(b" " * (stream_mb << 20), 9)
    contents = b" ".join([b"4 0 R"] * copies)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents [%s]"
        b" /Resources << /Font << /F1 5 0 R >> >> >>" % contents,
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
