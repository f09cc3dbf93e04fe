"""Validators for identifiers (ISBN, ISSN, DOI, ORCID); uploaded files are checked in uploads.py.

Check digits and ISBN hyphenation come from python-stdnum, whose bundled ISBN range table
follows ISBN International's RangeMessage and is updated with each release. Each identifier is
stored in one form (ISBN: digits; ISSN: NNNN-NNNC; DOI: bare, as registered; ORCID:
NNNN-NNNN-NNNN-NNNC) and every output shows it in its official form: the ISBN hyphenated by
its registration group and registrant ranges (`hyphenate_isbn`), a DOI link percent-encoded as
the DOI Handbook asks (`doi_url`), an ORCID iD as the https://orcid.org/ URI (`orcid_url`)."""

import re
from urllib.parse import quote

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum import isbn, issn
from stdnum.iso7064 import mod_11_2

# --- Identifiers ------------------------------------------------------------------------------


def _invalid(value, message, code):
    """The error of an identifier that fails its check, naming the value as given."""
    return ValidationError(message, code=code, params={"value": value})


def _compact(value):
    return re.sub(r"[\s-]", "", value or "").upper()


def normalize_isbn(value):
    """Digits (and a final X) only, upper case: '978-2-36567-123-1' -> '9782365671231'."""
    return _compact(value)


def _is_isbn(number):
    # stdnum would pad a 9-digit SBN into an ISBN-10; we take only ISBN-10 and ISBN-13.
    return len(number) in (10, 13) and isbn.is_valid(number)


def validate_isbn(value):
    number = normalize_isbn(value)
    if number and not _is_isbn(number):
        raise _invalid(
            value,
            _("“%(value)s” is not a valid ISBN-10 or ISBN-13 (wrong length or check digit)."),
            "invalid_isbn",
        )


def hyphenate_isbn(value):
    """'9782365671231' -> '978-2-36567-123-1'; an ISBN-10 stays an ISBN-10 ('0-8044-2957-X');
    anything that is not a valid ISBN is returned as it was given."""
    number = normalize_isbn(value)
    return isbn.format(number) if _is_isbn(number) else value


def normalize_issn(value):
    # The same compaction as validate_issn's, so whatever it accepts is stored as NNNN-NNNC.
    digits = _compact(value)
    return issn.format(digits) if len(digits) == 8 else (value or "").strip().upper()


def validate_issn(value):
    if value and not issn.is_valid(_compact(value)):
        raise _invalid(
            value,
            _("“%(value)s” is not a valid ISSN (wrong format or check digit)."),
            "invalid_issn",
        )


DOI_RE = re.compile(r"^10\.\d{4,9}/\S+$")


def normalize_doi(value):
    """Accept 'https://doi.org/10.x/y' and 'doi:10.x/y' as well as the bare DOI."""
    value = (value or "").strip()
    value = re.sub(r"^(https?://(dx\.)?doi\.org/|doi:)", "", value, flags=re.IGNORECASE)
    return value


def doi_url(doi):
    """The resolver link of a DOI: https://doi.org/ and the DOI percent-encoded except for its
    slashes (DOI Handbook 3.8.2: characters such as `<`, `>`, `#`, `?`, `%`, `"` and spaces
    of old SICI-style DOIs must be encoded in a URL)."""
    return f"https://doi.org/{quote(doi, safe='/')}" if doi else ""


def validate_doi(value):
    if value and not DOI_RE.match(normalize_doi(value)):
        raise _invalid(
            value, _("“%(value)s” is not a DOI (expected the form 10.1234/suffix)."), "invalid_doi"
        )


ORCID_RE = re.compile(r"\d{4}-\d{4}-\d{4}-\d{3}[\dX]")


def normalize_orcid(value):
    """The iD as written on orcid.org from what people paste: the URI
    ('https://orcid.org/0000-0002-1825-0097'), 16 characters without hyphens, spaces, a
    lower-case check character. Anything else is returned stripped, for the validator to
    refuse."""
    value = (value or "").strip()
    value = re.sub(r"^(https?://)?(www\.)?orcid\.org/", "", value, flags=re.IGNORECASE)
    compact = _compact(value)
    if re.fullmatch(r"\d{15}[\dX]", compact):
        return "-".join(compact[i : i + 4] for i in range(0, 16, 4))
    return value


def orcid_url(orcid):
    """The ORCID iD as the URI ORCID asks sites to display and link."""
    return f"https://orcid.org/{orcid}" if orcid else ""


def validate_orcid(value):
    """ORCID iDs are stored as written on orcid.org: four groups of four, ISO 7064 11-2 check
    (what `normalize_orcid` gives from the forms people paste)."""
    value = normalize_orcid(value)
    if value and not (ORCID_RE.fullmatch(value) and mod_11_2.is_valid(value.replace("-", ""))):
        raise _invalid(
            value, _("“%(value)s” is not a valid ORCID iD (0000-0002-1825-0097)."), "invalid_orcid"
        )
