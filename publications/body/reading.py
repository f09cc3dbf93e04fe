"""A stored body as readers get it, and as text for search and counts.

`render_body(body, body_format)` gives the page's HTML with what only readers need, added on
every render rather than stored (so a renamed heading gets a new id and the stored HTML stays
the contract's subset):

- each `h2`–`h4` gets a stable id from its text (`the-strait-in-2030`; `-2`, `-3` for a repeat;
  never one of the page's own section ids), and `toc` lists the `h2`/`h3` headings;
- each note reference gets `class="note-ref"` and a label, each note a link back to its
  reference (`↩`), and a notes list without a heading of its own is given "Notes": plain
  links, so both ways work without JavaScript; `:target` styling shows where one landed;
- tables sit in a scrollable region (phones), images load lazily.

`plain_text()` and `headings_text()` are the text without markup (search indexes, word
counts): blocks separated by line breaks, note reference numbers left out.
"""

import functools
import html as html_lib
import re
from dataclasses import dataclass, field

from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .sanitize import NOTE_ID, parse, serialise

WORDS_PER_MINUTE = 230
#: Headings a body needs before its page shows a table of contents.
TOC_MIN_HEADINGS = 3
NOTE_HREF = re.compile(r"^#note-\d+$")
BLOCKS = ("p", "h2", "h3", "h4", "li", "td", "th", "figcaption", "blockquote", "tr")
#: Ids the detail page uses itself (its sections): never given to a heading.
PAGE_IDS = frozenset(
    {
        "summary",
        "summary-heading",
        "full-text",
        "full-text-heading",
        "available-in",
        "regions-themes",
        "identifiers",
        "share",
        "download",
        "authors",
        "related-centers",
        "related-analyses",
        "cite",
        "content",
        "main",
        "contents",
        "takeaways",
        "notes",
    }
)


@dataclass(frozen=True)
class TocEntry:
    level: int  # 2 or 3
    id: str
    text: str


@dataclass
class RenderedBody:
    html: str = ""
    toc: list = field(default_factory=list)
    words: int = 0
    notes: int = 0

    @property
    def minutes(self):
        """Reading time in whole minutes (at least 1 for any text), at 230 words a minute."""
        return max(1, round(self.words / WORDS_PER_MINUTE)) if self.words else 0

    @property
    def toc_tree(self):
        """[(h2 entry, [its h3 entries])]: the contents as nested lists."""
        tree = []
        for entry in self.toc:
            if entry.level == 3 and tree:
                tree[-1][1].append(entry)
            else:
                tree.append((entry, []))
        return tree

    @property
    def show_toc(self):
        return len(self.toc) >= TOC_MIN_HEADINGS


def split_paragraphs(text):
    return [p.strip() for p in (text or "").replace("\r\n", "\n").split("\n\n") if p.strip()]


def render_body(body, body_format):
    """The RenderedBody of a stored body (`body_format` "text" or "html"). Rendering a long
    body takes a few hundred ms (BeautifulSoup): the last ones rendered are kept per process
    (the labels it adds are in the active language)."""
    return _render_body(body or "", body_format, get_language())


@functools.lru_cache(maxsize=64)
def _render_body(body, body_format, _language):
    if body_format != "html":
        paragraphs = split_paragraphs(body)
        markup = "".join(f"<p>{html_lib.escape(p, quote=False)}</p>" for p in paragraphs)
        return RenderedBody(html=mark_safe(markup), words=_count_words(" ".join(paragraphs)))
    soup = parse(body or "")
    # The same words as the parsed text, read from the markup: one parse, not two.
    words = _count_words(plain_text(body, body_format))
    used = set(PAGE_IDS)
    toc = []
    for heading in soup.find_all(["h2", "h3", "h4"]):
        text = " ".join(heading.get_text().split())
        base = slugify(text)[:60].strip("-") or "section"
        anchor, n = base, 1
        while anchor in used:
            n += 1
            anchor = f"{base}-{n}"
        used.add(anchor)
        heading["id"] = anchor
        if heading.name in ("h2", "h3"):
            toc.append(TocEntry(int(heading.name[1]), anchor, text))
    notes = _link_notes(soup, toc)
    for table in soup.find_all("table"):
        wrapper = soup.new_tag(
            "div",
            attrs={"class": "table-scroll", "role": "region", "tabindex": "0"},
        )
        wrapper["aria-label"] = _("Table (scrolls sideways)")
        table.wrap(wrapper)
    for img in soup.find_all("img"):
        img["loading"] = "lazy"
        img["decoding"] = "async"
        img.attrs.setdefault("alt", "")
    return RenderedBody(html=mark_safe(serialise(soup)), toc=toc, words=words, notes=notes)


def _link_notes(soup, toc):
    refs = {}
    for a in soup.find_all("a", id=True):
        if a["id"].startswith("ref-"):
            refs[a["id"][4:]] = a
            a["class"] = "note-ref"
            a["aria-label"] = _("Note %(number)s") % {"number": a["id"][4:]}
    count = 0
    for ol in soup.find_all("ol", class_="notes"):
        previous = ol.find_previous_sibling()
        if previous is None or previous.name not in ("h2", "h3", "h4"):
            heading = soup.new_tag("h2", id="notes")
            heading.string = _("Notes")
            ol.insert_before(heading)
            toc.append(TocEntry(2, "notes", heading.string))
        for li in ol.find_all("li", recursive=False):
            count += 1
            match = NOTE_ID.fullmatch(li.get("id", ""))
            if match and match.group(1) in refs:
                back = soup.new_tag("a", href=f"#ref-{match.group(1)}")
                back["class"] = "note-back"
                back["aria-label"] = _("Back to reference %(number)s") % {"number": match.group(1)}
                back.string = "↩"
                li.append(" ")
                li.append(back)
    return count


def _count_words(text):
    return len(text.split())


# Search indexes read every body: the stored HTML is the sanitiser's serialisation (a known
# subset, `<` and `&` escaped in text), so regular expressions read it ~50 times faster than a
# parse. A tag, quoted attribute values included (an alt text may hold ">").
_TAG = re.compile(r"<(?:[^>\"']|\"[^\"]*\"|'[^']*')*>")
_NOTE_REFERENCE = re.compile(r'<sup><a href="#note-\d+"[^>]*>[^<]*</a></sup>')
_BLOCK_END = re.compile(r"</(?:p|h2|h3|h4|li|td|th|figcaption|blockquote|tr)>")
_HEADING = re.compile(r"<h[234][^>]*>(.*?)</h[234]>", re.DOTALL)


def _strip(markup):
    return html_lib.unescape(_TAG.sub("", markup))


def plain_text(body, body_format):
    """The body's text without markup (str): paragraphs on lines of their own; note reference
    numbers left out, notes kept (at the end). A text body is returned as it is. `body` is a
    stored (sanitised) body."""
    if body_format != "html":
        return body or ""
    text = _strip(_BLOCK_END.sub("\n", _NOTE_REFERENCE.sub("", body or "")))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def headings_text(body, body_format):
    """The text of the body's headings (`h2`–`h4`), one a line; "" for a text body."""
    if body_format != "html" or not body:
        return ""
    return "\n".join(" ".join(_strip(h).split()) for h in _HEADING.findall(body))
