"""The one sanitiser of structured bodies: HTML in, HTML of the contract's subset out.

Every path that stores a body with `body_format = "html"` goes through `sanitize_html()`: the
model's `save()` (admin, services, shell), the admin form's field and the JSON import. Three
steps:

1. what word processors and editors write is brought to the contract's forms first
   (`wordprocessor.py`: footnotes of mammoth, Word's clipboard and Google Docs become note
   references and a notes list, `<b>`/`<i>` become `<strong>`/`<em>`, a document's `h1`
   levels shift to `h2`, empty paragraphs go);
2. nh3 (the Rust `ammonia` sanitiser) keeps only the allowed tags and attributes; `<script>`
   and `<style>` go with their content, every other tag keeps its text; links keep `http`,
   `https`, `mailto` and in-page `#fragment` targets only, images `http`/`https` or a path on
   this site (the media library);
3. notes are numbered from their structure: the `k`-th item of `<ol class="notes">` is
   `<li id="note-k">` and a `<sup><a href="#note-k">` is given `id="ref-k"`, so an editor that
   does not keep ids (ProseMirror drops them) still gives the contract's form.

The result is idempotent: `sanitize_html(sanitize_html(x)) == sanitize_html(x)`, so export →
import → export gives the same text.
"""

import re

import nh3
from bs4 import BeautifulSoup
from bs4.dammit import EntitySubstitution
from bs4.formatter import HTMLFormatter

from .wordprocessor import normalise_pasted

ALLOWED_TAGS = {
    "h2",
    "h3",
    "h4",
    "p",
    "em",
    "strong",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "figure",
    "img",
    "figcaption",
    "sup",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "id"},
    "img": {"src", "alt"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},  # and class="notes" (allowed_classes)
    "li": {"id"},
}
URL_SCHEMES = {"http", "https", "mailto"}
NOTE_ID = re.compile(r"note-(\d+)")
REF_ID = re.compile(r"ref-(\d+)")
_NUMBER = re.compile(r"[1-9]\d{0,3}")
_SCOPES = {"row", "col", "rowgroup", "colgroup"}
# What `wordprocessor.normalise_pasted` rewrites; a body without any (one already sanitised, or
# written in the contract's form) skips that parse.
_PASTED = re.compile(
    r"<(?:b|i|span|h1|h5|h6|br|o:\w+)\b|href=\"?#(?:footnote|endnote|_ftn|_edn|ftn|edn)",
    re.IGNORECASE,
)


def _attribute_filter(tag, attribute, value):
    """Values nh3 cannot judge alone; None drops the attribute."""
    if tag == "a" and attribute == "href":
        # Relative links mean nothing once the body is in a feed, the API or a PDF: only
        # absolute URLs (schemes checked by nh3) and in-page fragments.
        return value if value.startswith("#") or ":" in value else None
    if tag == "img" and attribute == "src":
        return value if ":" in value or (value.startswith("/") and "//" not in value) else None
    if attribute == "id":
        pattern = REF_ID if tag == "a" else NOTE_ID
        return value if pattern.fullmatch(value) else None
    if attribute in ("colspan", "rowspan", "start"):
        return value if _NUMBER.fullmatch(value.strip()) else None
    if attribute == "scope":
        return value if value in _SCOPES else None
    return value


_CLEANER = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    attribute_filter=_attribute_filter,
    url_schemes=URL_SCHEMES,
    allowed_classes={"ol": {"notes"}},
    link_rel=None,
    strip_comments=True,
)


def parse(html):
    """A BeautifulSoup tree of a fragment (the standard library's parser: no C dependency)."""
    return BeautifulSoup(html, "html.parser")


# HTML5 void elements (`<img>`), and only the escapes XML knows too (`&amp;`, `&lt;`, `&gt;`,
# `&quot;`): the same markup goes into feeds and the API.
_FORMATTER = HTMLFormatter(
    entity_substitution=EntitySubstitution.substitute_xml, void_element_close_prefix=None
)


def serialise(soup):
    return soup.decode(formatter=_FORMATTER)


def sanitize_html(html):
    """`html` (str) as a body of the contract's subset (see the module docstring); "" when
    nothing readable is left. Never raises."""
    if not html or not html.strip():
        return ""
    if _PASTED.search(html):
        soup = parse(html)
        normalise_pasted(soup)
        html = serialise(soup)
    soup = parse(_CLEANER.clean(html))
    _tidy(soup)
    _number_notes(soup)
    result = _CLEANER.clean(serialise(soup)).strip()
    return result if parse(result).get_text().strip() or "<img" in result else ""


def _tidy(soup):
    for a in soup.find_all("a"):
        if not a.get("href") and not a.get("id"):
            a.unwrap()  # its target was not allowed: the text stays
    for li in soup.find_all("li"):
        if li.contents and isinstance(li.contents[-1], str):
            li.contents[-1].replace_with(li.contents[-1].rstrip())
        if li.contents and isinstance(li.contents[0], str):
            li.contents[0].replace_with(li.contents[0].lstrip())
    for img in soup.find_all("img"):
        if not img.get("src"):
            img.decompose()
    # A cell or list item holding one paragraph is that paragraph (mammoth writes <td><p>).
    for cell in soup.find_all(["td", "th", "li", "figcaption"]):
        children = [c for c in cell.contents if not (isinstance(c, str) and not c.strip())]
        if len(children) == 1 and getattr(children[0], "name", None) == "p":
            children[0].unwrap()
    for empty in soup.find_all(["p", "h2", "h3", "h4", "strong", "em", "sup", "blockquote"]):
        if not empty.get_text().strip() and not empty.find("img"):
            empty.decompose()
    for figure in soup.find_all("figure"):
        if not figure.find("img"):
            figure.unwrap()
    for table in soup.find_all("table"):
        if not table.find(["td", "th"]):
            table.decompose()


def _number_notes(soup):
    """Ids of the contract's note form, from the structure (see the module docstring)."""
    # The editor (ProseMirror) writes the link around the superscript: <a><sup>1</sup></a>.
    for a in soup.find_all("a", href=re.compile(r"^#note-\d+$")):
        children = [c for c in a.contents if not (isinstance(c, str) and not c.strip())]
        if a.parent.name != "sup" and len(children) == 1 and children[0].name == "sup":
            children[0].unwrap()
            a.wrap(soup.new_tag("sup"))
    numbers = set()
    for ol in soup.find_all("ol", class_="notes"):
        start = int(ol["start"]) if ol.get("start") else 1
        items = ol.find_all("li", recursive=False)
        for offset, li in enumerate(items):
            li["id"] = f"note-{start + offset}"
            numbers.add(start + offset)
    seen = set()
    for a in soup.find_all("a"):
        match = NOTE_ID.fullmatch((a.get("href") or "").lstrip("#"))
        number = int(match.group(1)) if match and a.get("href", "").startswith("#") else None
        if number in numbers and number not in seen and a.parent.name == "sup":
            a["id"] = f"ref-{number}"
            seen.add(number)
        elif "id" in a.attrs:
            del a["id"]  # a second reference to one note, or one to no note: no duplicate id
    for li in soup.find_all("li"):
        if "id" in li.attrs and not (li.parent and "notes" in (li.parent.get("class") or [])):
            del li["id"]
