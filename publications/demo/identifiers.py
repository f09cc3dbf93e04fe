"""Identifiers for the demo, their check digits computed (by the validators' own functions)
rather than typed, so they are always valid."""

from publications.validators import isbn13_check_digit, issn_check_character, orcid_check_character


def isbn13(first12):
    """'978295870012' -> '9782958700125' (ISBN-13 with its check digit)."""
    digits = first12.replace("-", "")
    return digits + isbn13_check_digit(digits)


def issn(first7):
    """'2780114' -> '2780-1140' (ISSN with its check digit, X for ten)."""
    digits = first7.replace("-", "")
    full = digits + issn_check_character(digits)
    return f"{full[:4]}-{full[4:]}"


def orcid(first15):
    """'000000021825009' -> '0000-0002-1825-0097' (ISO 7064 11-2 check character)."""
    digits = first15.replace("-", "")
    full = digits + orcid_check_character(digits)
    return "-".join(full[i : i + 4] for i in range(0, 16, 4))
