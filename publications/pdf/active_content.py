"""Active content in a PDF: what makes a reader's PDF software act rather than show (run
JavaScript, launch a program, open an embedded file, submit a form, act when opened).

Editors are told before such a PDF goes public, and publishing it takes their confirmation
(services.publication_set_status, the change form's "publish with active content" box). It is
not refused outright: `/OpenAction` and `/AA` are written by common layout software to set the
first page's zoom, and an embedded file may be a data annex an author wants; but a think tank's
paper has no need for JavaScript or a launched program, and a reader who downloads it opens it
in desktop software that runs what a browser's viewer would not. So nothing of the kind reaches
readers without an editor having seen the list and said yes.

How: the names of the PDF's dictionaries are read where they stand, in the file's bytes and
inside its compressed object streams (/ObjStm, PDF 1.5), with `#xx` escapes decoded
(`/J#61vaScript` is `/JavaScript`). Names hidden by an encryption or a stream filter other than
Flate are not seen; PDFium refuses encrypted files at upload already (validation.py).
"""

import re
import zlib

from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

#: PDF names (ISO 32000-1) that make a document act, with what they do, for the editor.
ACTIVE_NAMES = {
    b"JavaScript": _("JavaScript"),
    b"JS": _("JavaScript"),
    b"Launch": _("launches a program or a file"),
    b"OpenAction": _("acts when the document is opened"),
    b"AA": _("acts on page or field events"),
    b"EmbeddedFile": _("embedded files"),
    b"EmbeddedFiles": _("embedded files"),
    b"RichMedia": _("embedded media (Flash)"),
    b"XFA": _("XFA form scripts"),
    b"SubmitForm": _("sends form data to a server"),
    b"ImportData": _("imports data from a file"),
}
NAME = re.compile(rb"/([^\s/<>\[\]()%{}]+)")
ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
STREAM = re.compile(rb"stream\r?\n")
#: Decompress at most this much of one object stream (dictionaries are small; a larger one is
#: read up to here).
MAX_OBJECT_STREAM = 20 * 1024 * 1024


def _names(data):
    for match in NAME.finditer(data):
        name = match.group(1)
        if b"#" in name:
            name = ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), name)
        yield name


def _object_streams(data):
    """The decompressed contents of the Flate object streams of `data`."""
    for match in STREAM.finditer(data):
        start = match.end()
        header = data[max(data.rfind(b"obj", 0, match.start()), 0) : match.start()]
        if b"/ObjStm" not in header or b"/FlateDecode" not in header:
            continue
        end = data.find(b"endstream", start)
        try:
            yield zlib.decompressobj().decompress(
                data[start : end if end > 0 else len(data)], MAX_OBJECT_STREAM
            )
        except zlib.error:
            continue


def active_content(data: bytes) -> list[str]:
    """The PDF names of `data` (bytes of a PDF) that make it act, as "/Name" texts in file order
    of first appearance, each once; [] for a PDF that only shows."""
    found = {}
    for chunk in (data, *_object_streams(data)):
        for name in _names(chunk):
            if name in ACTIVE_NAMES and name not in found:
                found[name] = None
    return ["/" + name.decode("ascii") for name in found]


def describe(findings):
    """The findings for an editor: "/JavaScript (JavaScript), /OpenAction (acts when ...)"."""
    return ", ".join(f"{name} ({ACTIVE_NAMES[name[1:].encode()]})" for name in findings)


def stored_active_content(publication) -> list[str]:
    """active_content() of the publication's uploaded PDF, [] without one or when its file is
    missing (then there is nothing to publish either). Cached by file name: stored names are
    made new for every upload (thinktank/uploads.py), so a name always holds the same bytes."""
    if not publication.pdf:
        return []
    key = f"pdf-active-content:{publication.pdf.name}"
    findings = cache.get(key)
    if findings is None:
        try:
            with publication.pdf.storage.open(publication.pdf.name, "rb") as handle:
                findings = active_content(handle.read())
        except (OSError, ValueError):
            return []
        cache.set(key, findings, timeout=None)
    return findings
