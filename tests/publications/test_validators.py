import pytest
from django.core.exceptions import ValidationError

from publications.validators import (
    hyphenate_isbn,
    normalize_doi,
    normalize_isbn,
    validate_doi,
    validate_isbn,
    validate_issn,
    validate_orcid,
)

# Real identifiers: ISBNs of published books, ISSNs of journals, ORCID's documented examples.
VALID_ISBNS = [
    "978-0-306-40615-7",
    "0-306-40615-2",
    "0-8044-2957-X",
    "978-2-07-036822-8",
    "979-10-90636-07-1",
    "978-3-16-148410-0",
    "9781402894626",
]
INVALID_ISBNS = [
    "978-0-306-40615-8",  # wrong check digit
    "0-306-40615-3",
    "978030640615",  # too short
    "977-0-306-40615-7",  # not a Bookland prefix
    "0-8044-2957-Y",
    "ISBN 978-0-306",
]


@pytest.mark.parametrize("isbn", VALID_ISBNS)
def test_valid_isbns_pass(isbn):
    validate_isbn(isbn)


@pytest.mark.parametrize("isbn", INVALID_ISBNS)
def test_invalid_isbns_are_refused(isbn):
    with pytest.raises(ValidationError):
        validate_isbn(isbn)


def test_isbn_is_stored_normalised_and_shown_hyphenated():
    assert normalize_isbn("978-2-36567-123-1") == "9782365671231"
    assert hyphenate_isbn("9782365671231") == "978-2-36567-123-1"
    assert hyphenate_isbn("9780306406157") == "978-0-306-40615-7"
    assert hyphenate_isbn("080442957X") == "0-8044-2957-X"


@pytest.mark.parametrize("issn", ["0378-5955", "2049-3630", "0317-8471", "1050-124X", "1958-5284"])
def test_valid_issns_pass(issn):
    validate_issn(issn)


@pytest.mark.parametrize("issn", ["0378-5954", "1050-1241", "12345678", "0378-595", "ABCD-EFGH"])
def test_invalid_issns_are_refused(issn):
    with pytest.raises(ValidationError):
        validate_issn(issn)


@pytest.mark.parametrize(
    "doi", ["10.1000/182", "https://doi.org/10.1038/nphys1170", "doi:10.5281/zenodo.123"]
)
def test_dois_in_usual_forms_pass_and_normalise(doi):
    validate_doi(doi)
    assert normalize_doi(doi).startswith("10.")


@pytest.mark.parametrize("doi", ["11.1000/182", "10.12/x", "not a doi", "10.1000/"])
def test_malformed_dois_are_refused(doi):
    with pytest.raises(ValidationError):
        validate_doi(doi)


def test_orcid_check_digit():
    validate_orcid("0000-0002-1825-0097")
    validate_orcid("0000-0002-1694-233X")
    with pytest.raises(ValidationError):
        validate_orcid("0000-0002-1825-0098")
