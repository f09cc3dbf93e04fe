"""Structured bodies: the one home of the body's HTML (contract: `body_format`).

A publication's `body` is plain text (`body_format = "text"`: paragraphs separated by a blank
line, as earlier imports gave it) or HTML of the contract's subset (`"html"`). This package owns:

- `sanitize.py`: `sanitize_html(html)`, the one sanitiser (nh3), called by the model's
  `save()`, the admin form and the import; `wordprocessor.py`: what Word, Google Docs and
  mammoth write, brought to the contract's forms first (footnotes → notes);
- `reading.py`: `render_body()` for the page (heading ids, table of contents, reading time,
  two-way note links), `plain_text()` / `headings_text()` for search and counts;
- `text_to_html(text)`: a text body as the editor's HTML (paragraphs).

Search (`publications/search/`) indexes `body_plain_text(publication)` with
`body_headings_text(publication)` weighted above it; the PDF edition reads the sanitised HTML
(`publications/pdf/body_flowables.py`).
"""

import html as html_lib

from .reading import RenderedBody, headings_text, plain_text, render_body, split_paragraphs
from .sanitize import sanitize_html

TEXT, HTML = "text", "html"

__all__ = [
    "HTML",
    "TEXT",
    "RenderedBody",
    "body_headings_text",
    "body_plain_text",
    "headings_text",
    "plain_text",
    "render_body",
    "sanitize_html",
    "stored_body",
    "text_to_html",
]


def stored_body(body, body_format):
    """The body as it is stored: sanitised when HTML, untouched when text."""
    return sanitize_html(body) if body_format == HTML else (body or "")


def text_to_html(text):
    """A plain-text body as HTML paragraphs (what the editor shows for an older text body)."""
    return "".join(f"<p>{html_lib.escape(p, quote=False)}</p>" for p in split_paragraphs(text))


def body_plain_text(publication):
    """The publication's body without markup (str), for search indexes and counts."""
    return plain_text(publication.body, publication.body_format)


def body_headings_text(publication):
    """The text of the publication's body headings, one a line (str; "" for a text body)."""
    return headings_text(publication.body, publication.body_format)
