"""Validators for identifiers (ISBN, ISSN, DOI, ORCID); uploaded files are checked in uploads.py."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# --- Identifiers ------------------------------------------------------------------------------


def normalize_isbn(value):
    """Digits (and a final X) only, upper case: '978-2-36567-123-1' -> '9782365671231'."""
    return re.sub(r"[\s-]", "", value or "").upper()


def _isbn10_ok(isbn):
    if not re.fullmatch(r"\d{9}[\dX]", isbn):
        return False
    total = sum((10 - i) * (10 if c == "X" else int(c)) for i, c in enumerate(isbn))
    return total % 11 == 0


def isbn13_check_digit(first12):
    """The check digit of an ISBN-13 from its first twelve digits."""
    total = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(first12))
    return str((10 - total % 10) % 10)


def _isbn13_ok(isbn):
    return bool(re.fullmatch(r"97[89]\d{10}", isbn)) and isbn[12] == isbn13_check_digit(isbn[:12])


def validate_isbn(value):
    isbn = normalize_isbn(value)
    if not isbn:
        return
    if len(isbn) == 10 and _isbn10_ok(isbn):
        return
    if len(isbn) == 13 and _isbn13_ok(isbn):
        return
    raise ValidationError(
        _("“%(value)s” is not a valid ISBN-10 or ISBN-13 (wrong length or check digit)."),
        code="invalid_isbn",
        params={"value": value},
    )


def normalize_issn(value):
    digits = re.sub(r"[\s-]", "", value or "").upper()
    return f"{digits[:4]}-{digits[4:]}" if len(digits) == 8 else (value or "").strip().upper()


def issn_check_character(first7):
    """The check character of an ISSN from its first seven digits ("X" for ten)."""
    check = (11 - sum((8 - i) * int(c) for i, c in enumerate(first7)) % 11) % 11
    return "X" if check == 10 else str(check)


def validate_issn(value):
    if not value:
        return
    digits = re.sub(r"[\s-]", "", value).upper()
    if re.fullmatch(r"\d{7}[\dX]", digits) and digits[7] == issn_check_character(digits[:7]):
        return
    raise ValidationError(
        _("“%(value)s” is not a valid ISSN (wrong format or check digit)."),
        code="invalid_issn",
        params={"value": value},
    )


DOI_RE = re.compile(r"^10\.\d{4,9}/\S+$")


def normalize_doi(value):
    """Accept 'https://doi.org/10.x/y' and 'doi:10.x/y' as well as the bare DOI."""
    value = (value or "").strip()
    value = re.sub(r"^(https?://(dx\.)?doi\.org/|doi:)", "", value, flags=re.IGNORECASE)
    return value


def validate_doi(value):
    if value and not DOI_RE.match(normalize_doi(value)):
        raise ValidationError(
            _("“%(value)s” is not a DOI (expected the form 10.1234/suffix)."),
            code="invalid_doi",
            params={"value": value},
        )


def orcid_check_character(first15):
    """The ISO 7064 11-2 check character of an ORCID iD from its first fifteen digits."""
    total = 0
    for c in first15:
        total = (total + int(c)) * 2
    check = (12 - total % 11) % 11
    return "X" if check == 10 else str(check)


def validate_orcid(value):
    if not value:
        return
    digits = value.replace("-", "").upper()
    if (
        re.fullmatch(r"\d{15}[\dX]", digits)
        and digits[15] == orcid_check_character(digits[:15])
        and re.fullmatch(r"\d{4}-\d{4}-\d{4}-\d{3}[\dX]", value)
    ):
        return
    raise ValidationError(
        _("“%(value)s” is not a valid ORCID iD (0000-0002-1825-0097)."),
        code="invalid_orcid",
        params={"value": value},
    )


# --- Hyphenation of ISBN-13 for display -------------------------------------------------------
# A compact table of the ranges of the registration groups most used by our institute's
# publishers; other groups fall back to a 3-1-rest split that keeps the check digit apart.
_GROUP_RANGES = {
    # prefix+group: list of (low, high, publisher length) over the 7 digits after the group
    "978-0": [
        (0, 1999999, 2),
        (2000000, 6999999, 3),
        (7000000, 8499999, 4),
        (8500000, 8999999, 5),
        (9000000, 9499999, 6),
        (9500000, 9999999, 7),
    ],
    "978-1": [
        (0, 999999, 2),
        (1000000, 3999999, 3),
        (4000000, 5499999, 4),
        (5500000, 7319999, 5),
        (7320000, 7399999, 7),
        (7400000, 7749999, 5),
        (7750000, 7753999, 7),
        (7754000, 8697999, 5),
        (8698000, 9729999, 6),
        (9730000, 9877999, 4),
        (9878000, 9989999, 6),
        (9990000, 9999999, 7),
    ],
    "978-2": [
        (0, 1999999, 2),
        (2000000, 3499999, 3),
        (3500000, 3999999, 5),
        (4000000, 4869999, 3),
        (4870000, 4949999, 6),
        (4950000, 4959999, 3),
        (4960000, 4966999, 4),
        (4967000, 4969999, 5),
        (4970000, 5279999, 3),
        (5280000, 5299999, 4),
        (5300000, 6999999, 3),
        (7000000, 8399999, 4),
        (8400000, 8999999, 5),
        (9000000, 9197999, 6),
        (9198000, 9499999, 5),
        (9500000, 9999999, 6),
    ],
    "978-3": [
        (0, 299999, 2),
        (300000, 339999, 3),
        (340000, 369999, 4),
        (370000, 399999, 5),
        (400000, 1999999, 2),
        (2000000, 6999999, 3),
        (7000000, 8499999, 4),
        (8500000, 8999999, 5),
        (9000000, 9499999, 6),
        (9500000, 9539999, 7),
        (9540000, 9699999, 5),
        (9700000, 9899999, 7),
        (9900000, 9949999, 5),
        (9950000, 9999999, 5),
    ],
}


_GROUP_RANGES["979-10"] = [
    (0, 1999999, 2),
    (2000000, 6999999, 3),
    (7000000, 8999999, 4),
    (9000000, 9759999, 5),
    (9760000, 9999999, 6),
]


def hyphenate_isbn(value):
    """'9782365671231' -> '978-2-36567-123-1'; ISBN-10 and unknown groups degrade gracefully."""
    isbn = normalize_isbn(value)
    if len(isbn) == 10:
        core = hyphenate_isbn("978" + isbn[:9] + "0")
        if core.count("-") == 4:
            _prefix, group, publisher, title, _check = core.split("-")
            return f"{group}-{publisher}-{title}-{isbn[9]}"
        return isbn
    if len(isbn) != 13:
        return value
    prefix = isbn[:3]
    for group_length in (1, 2):
        group = isbn[3 : 3 + group_length]
        ranges = _GROUP_RANGES.get(f"{prefix}-{group}")
        if ranges:
            rest = isbn[3 + group_length : 12]
            number = int(rest[:7].ljust(7, "0"))
            for low, high, length in ranges:
                if low <= number <= high:
                    return f"{prefix}-{group}-{rest[:length]}-{rest[length:]}-{isbn[12]}"
    # A registration group we do not know: keep the prefix and the check digit apart.
    return f"{prefix}-{isbn[3:12]}-{isbn[12]}"
