"""Text as the site stores it, and the characters each output format may carry.

Where text enters (every admin form, through `CleanTextFormMixin` in `thinktank/admin.py`, and
the JSON import, through its serializers), `clean_text()` brings it to one normal form:

- Unicode NFC (macOS and some editors send "é" as "e" + a combining accent);
- one line break, "\\n": CR LF and CR (Windows, old Mac files), U+000B and U+000C (what
  Shift+Enter and a page break give when pasted from a word processor), U+0085 (NEL) and
  U+2028 (LINE SEPARATOR) become "\\n", U+2029 (PARAGRAPH SEPARATOR) a blank line; a one-line
  field (a title, a name) gets a space instead;
- control characters other than tab and line feed are removed (C0, DEL, C1), as are the
  zero-width space U+200B and U+FEFF (a byte-order mark pasted inside a text), the Unicode
  noncharacters (U+FFFE, U+FFFF, U+FDD0-U+FDEF and the last two code points of every plane)
  and lone surrogates (which cannot be written as UTF-8): none of them shows on screen, and
  XML 1.0 forbids most of them, so one of them took down the RSS feed.

Kept on purpose: tab, no-break spaces (U+00A0 and U+202F, which French typography puts before
":" and inside « »), zero-width joiner and non-joiner (emoji sequences, Persian, Indic
scripts), bidirectional marks, soft hyphens.

For output, `xml_text()` keeps what XML 1.0 allows (the `Char` production, section 2.2), for
feeds and any other XML the site writes.
"""

import re
import unicodedata

# Characters that are line breaks for Unicode (UAX #14 classes BK, CR, LF, NL) but not "\n".
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028]")
_PARAGRAPH_BREAK = "\u2029"
# Invisible characters with no place in stored text (see the module docstring).
_REMOVED = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u200b\ufeff\ufdd0-\ufdef\ud800-\udfff]"
    "|[\ufffe\uffff\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff"
    "\U0004fffe\U0004ffff\U0005fffe\U0005ffff\U0006fffe\U0006ffff\U0007fffe\U0007ffff"
    "\U0008fffe\U0008ffff\U0009fffe\U0009ffff\U000afffe\U000affff\U000bfffe\U000bffff"
    "\U000cfffe\U000cffff\U000dfffe\U000dffff\U000efffe\U000effff\U000ffffe\U000fffff"
    "\U0010fffe\U0010ffff]"
)
# Anything that is not printable ASCII, tab or line feed: text without it needs no work.
_NEEDS_WORK = re.compile("[^\t\n\x20-\x7e]")
# What XML 1.0 does not allow: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD]
# | [#x10000-#x10FFFF].
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean_text(value, *, multiline=True):
    """`value` (str) in the site's normal form (see the module docstring); `multiline=False`
    for one-line fields turns every line break into a space. Never raises; idempotent."""
    if not _NEEDS_WORK.search(value) and (multiline or "\n" not in value):
        return value
    value = _REMOVED.sub("", value)
    value = _LINE_BREAKS.sub("\n", value).replace(_PARAGRAPH_BREAK, "\n\n")
    if not multiline:
        value = value.replace("\n", " ")
    # After the removals: NFC of a text that had a control character between a letter and its
    # accent joins them.
    return unicodedata.normalize("NFC", value)


def lone_surrogate(value):
    """The index of the first lone surrogate in `value` (invalid Unicode: half of a character
    outside the Basic Multilingual Plane, as a program cutting a string in the middle of an
    emoji leaves it), or None."""
    match = re.search("[\ud800-\udfff]", value) if not value.isascii() else None
    return match.start() if match else None


def xml_text(value):
    """`value` (str) without the characters XML 1.0 does not allow (they cannot even be
    written as character references)."""
    return _NOT_XML.sub("", value)
