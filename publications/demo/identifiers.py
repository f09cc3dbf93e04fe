"""Check digits for the demo's identifiers, computed rather than typed so they are always valid."""


def isbn13(first12):
    """'978295870012' -> '9782958700125' (ISBN-13 with its check digit)."""
    digits = first12.replace("-", "")
    total = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(digits))
    return digits + str((10 - total % 10) % 10)


def issn(first7):
    """'2780114' -> '2780-1140' (ISSN with its check digit, X for ten)."""
    digits = first7.replace("-", "")
    total = sum((8 - i) * int(c) for i, c in enumerate(digits))
    check = (11 - total % 11) % 11
    full = digits + ("X" if check == 10 else str(check))
    return f"{full[:4]}-{full[4:]}"


def orcid(first15):
    """'000000021825009' -> '0000-0002-1825-0097' (ISO 7064 11-2 check character)."""
    digits = first15.replace("-", "")
    total = 0
    for c in digits:
        total = (total + int(c)) * 2
    check = (12 - total % 11) % 11
    full = digits + ("X" if check == 10 else str(check))
    return "-".join(full[i : i + 4] for i in range(0, 16, 4))
