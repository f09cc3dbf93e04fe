import pytest
from django.core.exceptions import ValidationError

from publications.validators import (
    hyphenate_isbn,
    normalize_doi,
    normalize_isbn,
    normalize_issn,
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


# Registration groups the first, hand-copied range table lacked; it printed them as
# "979-865012345-3". The expected splits follow ISBN International's range rules for each group
# (RangeMessage.xml): the registrant's length depends on the range the next digits fall in.
# 978-84-376-0494-7 is a real book (Cátedra); the others carry check digits computed by stdnum.
@pytest.mark.parametrize(
    "isbn, hyphenated",
    [
        ("9798650123453", "979-8-6501-2345-3"),  # United States, registrants 3500-8849
        ("9798890123459", "979-8-89012-345-9"),  # United States, registrants 88500-89999
        ("9788400001230", "978-84-00-00123-0"),  # Spain, registrants 00-09
        ("9788437604947", "978-84-376-0494-7"),  # Spain, registrants 200-699
        ("9788475001234", "978-84-7500-123-4"),  # Spain, registrants 7000-8499
        ("9788812345670", "978-88-12-34567-0"),  # Italy, registrants 00-19
        ("9788845212345", "978-88-452-1234-5"),  # Italy, registrants 363-548
        ("9791125000129", "979-11-250-0012-9"),  # Korea, registrants 250-549
        ("9791155001233", "979-11-5500-123-3"),  # Korea, registrants 5500-8499
    ],
)
def test_isbns_of_every_registration_group_are_hyphenated_by_the_range_rules(isbn, hyphenated):
    validate_isbn(isbn)
    assert hyphenate_isbn(isbn) == hyphenated
    assert hyphenate_isbn(hyphenated) == hyphenated


def test_isbn10_is_shown_as_an_isbn10_hyphenated_by_its_group():
    assert hyphenate_isbn("843760494X") == "84-376-0494-X"
    assert hyphenate_isbn("8845212343") == "88-452-1234-3"


@pytest.mark.parametrize(
    "isbn",
    [
        "979-8-6501-2345-4",
        "978-84-376-0494-8",
        "979-11-5500-123-0",
        "84-376-0494-9",  # the right check character is X
        "843760494",  # a 9-digit SBN is not an ISBN
    ],
)
def test_isbns_with_a_wrong_check_digit_are_refused_and_shown_as_given(isbn):
    with pytest.raises(ValidationError) as raised:
        validate_isbn(isbn)
    assert raised.value.code == "invalid_isbn"
    assert hyphenate_isbn(isbn) == isbn


@pytest.mark.parametrize("issn", ["0378-5955", "2049-3630", "0317-8471", "1050-124X", "1958-5284"])
def test_valid_issns_pass(issn):
    validate_issn(issn)


@pytest.mark.parametrize("issn", ["0378-5954", "1050-1241", "12345678", "0378-595", "ABCD-EFGH"])
def test_invalid_issns_are_refused(issn):
    with pytest.raises(ValidationError):
        validate_issn(issn)


@pytest.mark.parametrize("written", ["1050-124X", "1050-124x", "1050124x", " 1050 124X "])
def test_issn_with_check_character_x_is_valid_in_any_case_and_stored_upper_case(written):
    validate_issn(written)
    assert normalize_issn(written) == "1050-124X"


@pytest.mark.parametrize("issn", ["1050-1240", "105X-1240", "1050-12X4"])
def test_issn_with_x_anywhere_but_the_check_character_or_a_wrong_x_is_refused(issn):
    with pytest.raises(ValidationError) as raised:
        validate_issn(issn)
    assert raised.value.code == "invalid_issn"


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


@pytest.mark.parametrize(
    "orcid_id",
    [
        "0000-0002-1694-2330",  # the check character is X
        "0000-0002-1694-X33X",
        "https://orcid.org/0000-0002-1694-2330",
        "0000-0002-1694-233",
    ],
)
def test_orcid_with_a_wrong_or_misplaced_x_is_refused(orcid_id):
    with pytest.raises(ValidationError) as raised:
        validate_orcid(orcid_id)
    assert raised.value.code == "invalid_orcid"
