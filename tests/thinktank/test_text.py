"""The site's normal form of text (`thinktank.text`), kind by kind, and as a property."""

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thinktank.text import clean_text, lone_surrogate, xml_text

LINE_BREAKS = [
    ("Line one\u000bline two", "Line one\nline two"),  # Shift+Enter pasted from Word (the issue)
    ("Page one\u000cpage two", "Page one\npage two"),  # a page break pasted from Word
    ("Windows\r\nfile", "Windows\nfile"),
    ("Old Mac\rfile", "Old Mac\nfile"),
    ("Line\u2028separator", "Line\nseparator"),  # LINE SEPARATOR (InDesign, JavaScript)
    ("Next\u0085line", "Next\nline"),  # NEL, from EBCDIC and Windows-1252 read as Latin-1
    ("Paragraph\u2029separator", "Paragraph\n\nseparator"),
]


@pytest.mark.parametrize(("raw", "stored"), LINE_BREAKS)
def test_every_kind_of_line_break_is_stored_as_a_line_feed(raw, stored):
    assert clean_text(raw) == stored
    assert clean_text(raw, multiline=False) == stored.replace("\n", " ")


INVISIBLE = [
    "\u0001",  # the second example
    "\u0000",
    "\u001b",  # ESC, from terminal output
    "\u001f",
    "\u007f",
    "\u009b",  # C1 CSI
    "\u200b",  # zero-width space, pasted from web pages
    "\ufeff",  # a byte-order mark inside a text (files joined together)
    "\ufffe",
    "\uffff",
    "\ufdd0",
    "\U0010ffff",
    "\ud800",  # lone surrogate
]


@pytest.mark.parametrize("char", INVISIBLE)
def test_invisible_and_forbidden_characters_are_removed(char):
    assert clean_text(f"Sécu{char}rité") == "Sécurité"


KEPT = [
    "a\tb",
    "Sécurité\u00a0: enjeux",  # no-break space before a colon, French typography
    "«\u202fdéfense\u202f»",  # narrow no-break spaces
    "👩\u200d💻",  # zero-width joiner in an emoji sequence
    "می\u200cخواهم",  # zero-width non-joiner, Persian
    "\u200fעברית",  # right-to-left mark
    "inter\u00adnational",  # soft hyphen
    "\ufffd",  # the replacement character is a character
]


@pytest.mark.parametrize("text", KEPT)
def test_meaningful_invisible_characters_are_kept(text):
    assert clean_text(text) == unicodedata.normalize("NFC", text)


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("Se\u0301curite\u0301", "Sécurité"),  # macOS file names and some editors: NFD
        ("\u1100\u1161", "\uac00"),  # Hangul jamo
        ("e\u0001\u0301", "é"),  # a control character between a letter and its accent
        ("\u212b", "\u00c5"),  # ANGSTROM SIGN: NFC gives the letter Å
    ],
)
def test_text_is_stored_in_nfc(raw, stored):
    assert clean_text(raw) == stored


def test_lone_surrogate_gives_its_position():
    assert lone_surrogate("ab\ud83d") == 2
    assert lone_surrogate("ab😀") is None


def test_xml_text_keeps_only_what_xml_allows():
    assert xml_text("a\u000bb\u0001c\ufffed\ud800e\tf\ng\u0085h😀") == "abcde\tf\ng\u0085h😀"


NOT_STORED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u200b\ufeff\ufffe\uffff]")


@given(st.text(alphabet=st.characters(codec=None)))
def test_clean_text_is_idempotent_nfc_and_xml_safe(text):
    for multiline in (True, False):
        cleaned = clean_text(text, multiline=multiline)
        assert clean_text(cleaned, multiline=multiline) == cleaned
        assert unicodedata.is_normalized("NFC", cleaned)
        assert not NOT_STORED.search(cleaned)
        assert xml_text(cleaned) == cleaned
        assert multiline or "\n" not in cleaned
        cleaned.encode("utf-8")  # no lone surrogate left


def test_a_plain_line_feed_becomes_a_space_in_a_one_line_field():
    # Found by the property test above: a bare "\n" needed no other work and was kept.
    assert clean_text("Title\nsubtitle", multiline=False) == "Title subtitle"
    assert clean_text("Title\nsubtitle") == "Title\nsubtitle"
