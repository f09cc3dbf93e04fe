r"""Citations of publications: BibTeX and RIS, each value escaped for its format here.

Every value is first brought to one line without control characters
(`thinktank.text.clean_text`), so a stray character stored before text was cleaned on entry
cannot reach a reference manager.

BibTeX keeps UTF-8 (biber and modern BibTeX read it), escapes the characters TeX treats
specially (`& % $ # _ { } ~ ^ \`; braces as `\textbraceleft{}`, since BibTeX counts escaped braces
too) and brace-protects words with capitals in titles so that
styles that lowercase titles keep "Japan" and "NATO". `month` is the standard macro (`month =
mar`, unbraced), which styles turn into the month name of the document's language. `url`, `doi`
and `file` are verbatim fields in biblatex, written as they are (a `\_` would be printed), with
braces and spaces percent-encoded so the value cannot end early. A name holding "and" in any
case is braced so that it stays one author.

RIS follows what Zotero's importer (translators/RIS.js) reads: one `TAG  - value` line per
value, CRLF line ends; a line that does not match `^[A-Z][A-Z0-9] {1,2}- ` continues the
previous value, so a value never holds a line break, nor U+2028/U+2029, which JavaScript also
treats as line ends. RIS uses the type codes reference managers expect.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings

from thinktank.text import clean_text

from .models import Publication

BIBTEX_TYPES = {
    Publication.Type.BOOK: "book",
    Publication.Type.REPORT: "techreport",
    Publication.Type.ANALYSIS: "techreport",
    Publication.Type.BRIEFING: "techreport",
    Publication.Type.ARTICLE: "article",
    Publication.Type.MEDIA: "misc",
}
RIS_TYPES = {
    Publication.Type.BOOK: "BOOK",
    Publication.Type.REPORT: "RPRT",
    Publication.Type.ANALYSIS: "RPRT",
    Publication.Type.BRIEFING: "RPRT",
    Publication.Type.ARTICLE: "JOUR",
    Publication.Type.MEDIA: "ELEC",
}
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    # Not \{ and \}: BibTeX counts every brace, escaped or not, so a lone one would end the
    # field early or never.
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_BIBTEX_RE = re.compile("|".join(re.escape(ch) for ch in _BIBTEX_SPECIAL))


def one_line(text):
    """`text` cleaned, on one line, runs of whitespace as one space."""
    return " ".join(clean_text(str(text or ""), multiline=False).split())


def bibtex_escape(text):
    return _BIBTEX_RE.sub(lambda m: _BIBTEX_SPECIAL[m.group(0)], one_line(text))


def bibtex_verbatim(text):
    """A verbatim field (url, doi, file): as is, but braces and spaces percent-encoded."""
    value = one_line(text)
    return value.replace("{", "%7B").replace("}", "%7D").replace(" ", "%20")


class Macro(str):
    """A value written without braces: a BibTeX macro such as `mar`."""


def bibtex_title(text):
    """Escape, then protect each word holding a capital letter: {Japan}, {NATO}."""
    words = []
    for word in bibtex_escape(text).split(" "):
        words.append("{" + word + "}" if any(ch.isupper() for ch in word) else word)
    return " ".join(words)


_AND = re.compile(r"\sand\s", re.IGNORECASE)


def _bibtex_name(author):
    name = author.sort_name or author.name
    # "and" (in any case) inside a name would split it into two authors: protect it.
    return "{" + bibtex_escape(name) + "}" if _AND.search(name) else bibtex_escape(name)


def bibtex_key(publication):
    return re.sub(r"[^A-Za-z0-9_:.-]", "", publication.slug) or f"pub{publication.pk}"


def bibtex_entry(publication, *, url, pdf_url=""):
    """One BibTeX entry (str) for a publication whose authors, series are at hand."""
    kind = BIBTEX_TYPES.get(publication.type, "misc")
    institute = settings.INSTITUTE_NAME
    title = publication.title + (f": {publication.subtitle}" if publication.subtitle else "")
    authors = " and ".join(_bibtex_name(a) for a in publication.ordered_authors)
    date = publication.published_on
    fields = [
        ("author", authors),
        ("title", bibtex_title(title)),
        ("year", str(date.year)),
        ("month", Macro(MONTHS[date.month - 1])),
        ("date", date.isoformat()),
    ]
    series = publication.series
    if kind == "book":
        fields += [("publisher", bibtex_escape(institute))]
        if series:
            fields += [("series", bibtex_escape(series.name))]
            fields += [("number", bibtex_escape(publication.series_number))]
    elif kind == "techreport":
        fields += [("institution", bibtex_escape(institute))]
        fields += [
            ("type", bibtex_escape(series.name if series else publication.get_type_display()))
        ]
        fields += [("number", bibtex_escape(publication.series_number))]
    elif kind == "article":
        fields += [("journal", bibtex_escape(series.name if series else institute))]
        fields += [("number", bibtex_escape(publication.series_number))]
    else:
        fields += [("howpublished", bibtex_escape(publication.source or institute))]
    fields += [
        ("isbn", publication.isbn_display),
        ("issn", series.issn if series else ""),
        ("doi", bibtex_verbatim(publication.doi)),
        ("url", bibtex_verbatim(publication.external_url if publication.is_media else url)),
        ("language", bibtex_escape(publication.get_language_display())),
    ]
    if pdf_url and not publication.is_media:
        fields.append(("file", bibtex_verbatim(pdf_url)))
    body = ",\n".join(
        f"  {name} = {value}" if isinstance(value, Macro) else f"  {name} = {{{value}}}"
        for name, value in fields
        if value not in ("", None)
    )
    return f"@{kind}{{{bibtex_key(publication)},\n{body}\n}}\n"


def keywords(publication):
    """Region and theme names: from an export's flat lists, else from prefetched relations."""
    names = []
    for relation in ("regions", "themes"):
        flat = getattr(publication, f"export_{relation}", None)
        if flat is not None:
            names += flat
        elif relation in getattr(publication, "_prefetched_objects_cache", {}):
            names += [node.name for node in getattr(publication, relation).all()]
    return names


def ris_entry(publication, *, url, pdf_url=""):
    """One RIS record (str, CRLF line ends) for a publication whose relations are at hand."""
    lines = [("TY", RIS_TYPES.get(publication.type, "GEN"))]
    lines += [("AU", author.sort_name or author.name) for author in publication.ordered_authors]
    lines.append(("TI", publication.title))
    if publication.subtitle:
        lines.append(("ST", publication.subtitle))
    if publication.series:
        lines.append(("T2", publication.series.name))
        if publication.series.issn:
            lines.append(("SN", publication.series.issn))
    if publication.series_number:
        lines.append(
            (
                "IS" if publication.type == Publication.Type.ARTICLE else "M1",
                publication.series_number,
            )
        )
    date = publication.published_on
    lines += [("PY", str(date.year)), ("DA", date.strftime("%Y/%m/%d"))]
    if publication.summary:
        lines.append(("AB", publication.summary))
    if publication.is_media:
        lines.append(("PB", publication.source or settings.INSTITUTE_NAME))
        lines.append(("UR", publication.external_url))
    else:
        lines.append(("PB", settings.INSTITUTE_NAME))
        lines.append(("UR", url))
        if pdf_url:
            lines.append(("L1", pdf_url))
    if publication.isbn:
        lines.append(("SN", publication.isbn_display))
    if publication.doi:
        lines.append(("DO", publication.doi))
    lines.append(("LA", publication.get_language_display()))
    lines += [("KW", name) for name in keywords(publication)]
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {one_line(value)}\r\n" for tag, value in lines)


@dataclass(frozen=True)
class CitationFormat:
    """How one citation format is written (`entry(publication, *, url, pdf_url)`) and served."""

    entry: Callable
    content_type: str


CITATIONS = {
    "bib": CitationFormat(bibtex_entry, "application/x-bibtex; charset=utf-8"),
    "ris": CitationFormat(ris_entry, "application/x-research-info-systems; charset=utf-8"),
}
