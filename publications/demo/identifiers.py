"""Identifiers for the demo, their check digits computed by python-stdnum (as the validators
check them) rather than typed, so they are always valid."""

from stdnum import ean
from stdnum import issn as stdnum_issn
from stdnum.iso7064 import mod_11_2


def isbn13(first12):
    """'978295870012' -> '9782958700126' (ISBN-13 with its EAN-13 check digit)."""
    digits = first12.replace("-", "")
    return digits + ean.calc_check_digit(digits)


def issn(first7):
    """'2780114' -> '2780-1144' (ISSN with its check digit, X for ten)."""
    digits = first7.replace("-", "")
    return stdnum_issn.format(digits + stdnum_issn.calc_check_digit(digits))


def orcid(first15):
    """'000000021825009' -> '0000-0002-1825-0097' (ISO 7064 11-2 check character)."""
    digits = first15.replace("-", "")
    full = digits + mod_11_2.calc_check_digit(digits)
    return "-".join(full[i : i + 4] for i in range(0, 16, 4))
