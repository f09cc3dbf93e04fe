"""Fetch every public output of a publication and parse each as its consumer would: the page
and its JSON-LD, the RSS feed (English and French), the sitemap, the API, the CSV, BibTeX and
RIS exports, the citations and the PDF edition. Each checker returns what it parsed, and fails
when the answer is not 200 or the document is not well formed."""

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

import pypdfium2
from django.urls import reverse
from pybtex.database import parse_string

# Zotero's RIS importer (zotero/translators, RIS.js): `^([A-Z][A-Z0-9]) {1,2}-(?: (.*))?$`, in
# JavaScript, where `.` matches no line end (\n, \r, U+2028, U+2029). A line that does not
# match is glued to the previous value.
ZOTERO_RIS_LINE = re.compile("([A-Z][A-Z0-9]) {1,2}-(?: ([^\n\r\u2028\u2029]*))?")
# Control characters are parse errors in HTML and have no place in any text output.
CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def content(response):
    assert response.status_code == 200, (response.status_code, response.get("Content-Type"))
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def text_of(response, *, strict=True):
    text = content(response).decode("utf-8")
    assert not (strict and CONTROL.search(text)), repr(CONTROL.search(text).group())
    return text


def xml_document(response):
    return ET.fromstring(content(response))


def zotero_ris(text):
    """[(tag, value)] of RIS text, read line by line as Zotero does; fails on a line Zotero
    would glue to the previous value."""
    lines = []
    for line in text.split("\r\n"):
        if not line:
            continue
        match = ZOTERO_RIS_LINE.fullmatch(line)
        assert match, f"Zotero would read {line!r} as the continuation of the previous line"
        lines.append((match.group(1), match.group(2) or ""))
    return lines


def bibtex_entries(text):
    try:
        return parse_string(text, "bibtex").entries
    except Exception as exc:
        raise AssertionError(f"BibTeX does not parse ({exc}):\n{text}") from exc


def csv_rows(response):
    raw = content(response)
    assert raw.startswith(b"\xef\xbb\xbf"), "no UTF-8 byte-order mark for Excel"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def pdf_pages(response):
    document = pypdfium2.PdfDocument(content(response))
    try:
        return [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()


def every_output(client, publication, *, clean_page=True):
    """{name: parsed document} of every public output that shows `publication`.

    With `clean_page=False` the HTML page may show control characters stored before text was
    cleaned on entry (browsers skip them); it must still answer 200."""
    slug = publication.slug
    outputs = {
        "page": text_of(client.get(publication.get_absolute_url()), strict=clean_page),
        "feed": xml_document(client.get(reverse("publications:feed"))),
        "feed_fr": xml_document(client.get("/fr" + reverse("publications:feed"))),
        "sitemap": xml_document(client.get(reverse("sitemap"))),
        "api_list": json.loads(text_of(client.get("/api/v1/publications/"))),
        "api_detail": json.loads(text_of(client.get(f"/api/v1/publications/{slug}/"))),
        "csv": csv_rows(client.get(reverse("publications:export_csv"))),
        "bib": bibtex_entries(text_of(client.get(reverse("publications:export_bib")))),
        "cite_bib": bibtex_entries(text_of(client.get(f"/publications/{slug}/cite.bib"))),
        "ris": zotero_ris(text_of(client.get(reverse("publications:export_ris")))),
        "cite_ris": zotero_ris(text_of(client.get(f"/publications/{slug}/cite.ris"))),
        "pdf": pdf_pages(client.get(publication.get_pdf_url())),
    }
    outputs["json_ld"] = [
        json.loads(script)
        for script in re.findall(
            r'<script type="application/ld\+json">(.*?)</script>', outputs["page"], re.S
        )
    ]
    assert outputs["json_ld"], "the page has no JSON-LD"
    assert len(outputs["csv"]) >= 1 and len(outputs["cite_bib"]) == 1
    assert outputs["pdf"], "the PDF edition has no page"
    return outputs
