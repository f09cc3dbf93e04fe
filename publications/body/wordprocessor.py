"""What word processors put in HTML, brought to the contract's forms before sanitising.

Three sources give footnotes in their own way; each becomes a reference
`<sup><a href="#note-N">N</a></sup>` and one `<ol class="notes">` at the end:

- mammoth (a .docx converted on the server): `<sup><a href="#footnote-1"
  id="footnote-ref-1">[1]</a></sup>` and `<ol><li id="footnote-1"><p>… <a
  href="#footnote-ref-1">↑</a></p></li></ol>` (also `endnote-`);
- Word's clipboard: `<a href="#_ftn1" name="_ftnref1">[1]</a>` and, in a `div` with
  `mso-element:footnote-list`, `<div id="ftn1"><p><a href="#_ftnref1" name="_ftn1">[1]</a>
  text</p></div>` (also `_edn`);
- Google Docs' clipboard: `<sup><a href="#ftnt1" id="ftnt_ref1">[1]</a></sup>` and
  `<div><p><a href="#ftnt_ref1" id="ftnt1">[1]</a> text</p></div>`.

Also: `<b>`/`<i>` (and Google Docs' bold or italic spans) become `<strong>`/`<em>` (its
`<b style="font-weight:normal">` wrapper is dropped); when the text uses `h1`, every heading
moves one level down (the page's title is the `h1`), `h5`/`h6` become `h4`; a line break
becomes a space; Word's `<o:p>` and empty paragraphs go. Styles, classes and the rest are left
for the sanitiser to drop.
"""

import re

# (where a reference points, where the note points back): the id/name forms of each source.
_NOTE_TARGET = re.compile(r"^#?(?:footnote-|endnote-|_ftn|_edn|ftnt|ftn|edn)(\d+)$")
_BACK_TARGET = re.compile(
    r"^#?(?:footnote-ref-|endnote-ref-|_ftnref|_ednref|ftnt_ref|ftnref)(\d+)$"
)
_BRACKETS = re.compile(r"^\s*\[?\s*(\d+)\s*\]?\s*$")


def normalise_pasted(soup):
    """Rewrite `soup` (BeautifulSoup) in place; see the module docstring."""
    _inline_styles(soup)
    _headings(soup)
    for br in soup.find_all("br"):
        br.replace_with(" ")
    for tag in soup.find_all(re.compile(r"^o:")):
        tag.decompose()
    _notes(soup)


def _style(tag):
    return (tag.get("style") or "").replace(" ", "").lower()


def _inline_styles(soup):
    for b in soup.find_all("b"):
        if "font-weight:normal" in _style(b):
            b.unwrap()
        else:
            b.name = "strong"
    for i in soup.find_all("i"):
        i.name = "em"
    for span in soup.find_all("span"):
        style = _style(span)
        bold = re.search(r"font-weight:(bold|[6-9]00)", style)
        italic = "font-style:italic" in style
        if bold:
            span.name = "strong"
            if italic:
                span.wrap(soup.new_tag("em"))
        elif italic:
            span.name = "em"
        elif re.search(r"vertical-align:super", style):
            span.name = "sup"


def _headings(soup):
    shift = 1 if soup.find("h1") else 0
    for heading in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"]):
        heading.name = f"h{min(max(int(heading.name[1]) + shift, 2), 4)}"
        heading.attrs = {}


def _number(text):
    match = _BRACKETS.match(text or "")
    return int(match.group(1)) if match else None


def _notes(soup):
    """Footnotes of the three sources (module docstring) in the contract's form."""
    notes = {}  # number -> the element holding the note's text
    # The notes: an element whose id/name is a note anchor, or that holds a back link.
    for back in soup.find_all("a", href=_BACK_TARGET):
        number = int(_BACK_TARGET.match(back["href"]).group(1))
        # mammoth's item, Word's div with an id; Google Docs: the back link's own paragraph.
        holder = back.find_parent("li") or back.find_parent("div", id=True) or back.find_parent("p")
        if holder is None or number in notes:
            continue
        back.decompose()
        notes[number] = holder
    if not notes:
        return
    # The references: links to a note anchor, their text the number.
    for a in soup.find_all("a", href=_NOTE_TARGET):
        number = int(_NOTE_TARGET.match(a["href"]).group(1))
        if number not in notes:
            continue
        ref = soup.new_tag("a", href=f"#note-{number}")
        ref.string = str(number)
        sup = soup.new_tag("sup")
        sup.append(ref)
        outer = a.parent if a.parent.name == "sup" and len(a.parent.contents) == 1 else a
        outer.replace_with(sup)
    ol = soup.new_tag("ol", attrs={"class": "notes"})
    containers = set()
    for number in sorted(notes):
        holder = notes[number]
        li = soup.new_tag("li")
        inner = holder.find_all("p") if holder.name in ("li", "div") else [holder]
        parts = inner or [holder]
        for index, part in enumerate(parts):
            if index:
                li.append(" ")
            for child in list(part.contents):
                li.append(child.extract())
        _strip_leading_number(li)
        ol.append(li)
        container = holder.parent
        holder.decompose()
        if container is not None:
            containers.add(container)
    for container in containers:
        # mammoth's own <ol>, Word's footnote-list div: gone once emptied.
        if container.name in ("ol", "div") and not container.get_text().strip():
            container.decompose()
    soup.append(ol)


def _strip_leading_number(li):
    """Word and Google Docs repeat "[1]" at the start of the note's text."""
    for child in list(li.contents):
        text = child.get_text() if hasattr(child, "get_text") else str(child)
        if not text.strip():
            child.extract()
            continue
        if _number(text) is not None:
            child.extract()
        elif isinstance(child, str):
            child.replace_with(re.sub(r"^\s*\[\d+\]\s*", "", child))
        break
    if li.contents and isinstance(li.contents[0], str):
        li.contents[0].replace_with(li.contents[0].lstrip())
