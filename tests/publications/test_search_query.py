"""What the search box understands, read by one parser (publications/search/query.py).

The parser's own tests need no database; the behaviour tests run on whichever database the suite
uses (SQLite: the plain substring match; PostgreSQL: full text plus typo tolerance), so the two
paths are held to the same meaning of phrases, `or`, exclusions, accents, case and punctuation.
PostgreSQL-only behaviour (stemming, typos, "did you mean", the issue's examples on the demo-like
catalogue) is in test_search_syntax.py."""

import pytest
from django.http import QueryDict
from django.urls import reverse
from django.utils import translation

from publications.filters import PublicationFilterSet
from publications.models import Publication
from publications.search import clean_query, fold, parse_query, search_index_refresh
from publications.search.query import search_text, word_forms
from tests.factories import AuthorFactory, PublicationFactory


# --- The parser (no database) -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "terms", "phrases", "or_groups", "exclusions"),
    [
        ("nuclear deterrence", ("nuclear", "deterrence"), (), (), ()),
        ('"south korea" nuclear', ("nuclear",), ("south korea",), (), ()),
        ('"south korea', (), ("south korea",), (), ()),  # a quote left open runs to the end
        ('"nuclear', (), ("nuclear",), (), ()),
        ('nuclear"', ("nuclear",), (), (), ()),
        ("iran or korea", (), (), (("iran", "korea"),), ()),
        ("iran OR korea Or japan", (), (), (("iran", "korea", "japan"),), ()),
        (
            'baltic or "arctic route" sanctions',
            ("sanctions",),
            ("arctic route",),
            (("baltic", "arctic route"),),
            (),
        ),
        ("nuclear -korea", ("nuclear",), (), (), ("korea",)),
        ('nuclear -"north korea"', ("nuclear",), (), (), ("north korea",)),
        ("nuclear --korea", ("nuclear",), (), (), ("korea",)),
        # A lone dash is punctuation (websearch_to_tsquery would exclude "Japan").
        ("Korea - Japan", ("Korea", "Japan"), (), (), ()),
        ("- -", (), (), (), ()),
        # An `or` with nothing to join, or next to an exclusion, is not an operator.
        ("or", (), (), (), ()),
        ("war or", ("war",), (), (), ()),
        ("or war", ("war",), (), (), ()),
        ("iran or -korea", ("iran",), (), (), ("korea",)),
        ('"war or peace"', (), ("war or peace",), (), ()),
        ('"a -b"', (), ("a -b",), (), ()),
        ("U.S. COVID-19", ("U.S.", "COVID-19"), (), (), ()),
    ],
)
def test_parser_reads_web_search_syntax(typed, terms, phrases, or_groups, exclusions):
    parsed = parse_query(typed)
    assert parsed.terms == terms
    assert parsed.phrases == phrases
    assert parsed.or_groups == or_groups
    assert parsed.exclusions == exclusions


@pytest.mark.parametrize(
    ("typed", "fuzzy"),
    [
        ("nuclear -korea", ["nuclear"]),
        ('kisinger -"north korea"', ["kisinger"]),
        ("-korea", []),
        ("iran or iraq sanctions", ["iran sanctions", "iraq sanctions"]),
    ],
)
def test_typo_part_sees_only_positive_words(typed, fuzzy):
    assert parse_query(typed).fuzzy_texts() == fuzzy


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        ("COVID-19", ("COVID19", "COVID 19")),
        ("covid19", ("covid19", "covid 19")),
        ("5G", ("5G", "5 G")),
        ("e-mail", ("email", "e mail")),
        ("AUKUS/Quad", ("AUKUSQuad", "AUKUS Quad")),
        ("U.S.", ("US.",)),
        ("A.I", ("AI",)),
        ("Lefèvre", ("Lefèvre",)),
        ("--", ()),
    ],
)
def test_punctuation_inside_a_word(word, forms):
    assert word_forms(word) == forms


def test_punctuation_rules_leave_other_dots_and_dashes_alone():
    text = "U.S.-led talks on e-mail, 3.5% growth, John F. Kennedy, Ph.D. and -5 degrees"
    assert search_text(text) == (
        "US.-led talks on e mail, 3.5% growth, John F. Kennedy, Ph.D. and -5 degrees"
    )


def test_fold_ignores_accents_case_and_punctuation():
    assert fold("Chloé LEFÈVRE à São Paulo, COVID-19, Œuvre, Straße") == (
        "chloe lefevre a sao paulo, covid 19, oeuvre, strasse"
    )


@pytest.mark.parametrize("typed", ["", "   ", '"', '""', "- -", "--", "or", "OR", "!?&*", "\x00"])
def test_nothing_searchable_is_cleaned_to_empty(typed):
    assert clean_query(typed) == ""
    assert not parse_query(typed)


# --- Behaviour on the database of the suite -----------------------------------------------------
def search(text):
    filterset = PublicationFilterSet(
        QueryDict(mutable=True) | {"q": text}, queryset=Publication.objects.published()
    )
    return {p.slug for p in filterset.qs}


@pytest.fixture
def catalogue(db):
    lefevre = AuthorFactory(name="Chloé Lefèvre", slug="lefevre")
    rows = [
        ("korea-nuclear", "Should South Korea Go Nuclear?", "The nuclear debate in Seoul.", "en"),
        ("iran-nuclear", "Iran's nuclear threshold", "Enrichment and nuclear diplomacy.", "en"),
        ("north-korea", "North Korea and Russia", "A nuclear-armed partnership.", "en"),
        ("korea-economy", "Korea's economic security", "Chips and supply chains.", "en"),
        ("defense-fr", "La défense européenne", "Sécurité et dissuasion en Europe.", "fr"),
        ("securite-fr", "Sécurité maritime", "L'océan Indien et ses routes.", "fr"),
        ("us-tariffs", "U.S. tariffs and Europe", "Trade after the election.", "en"),
        ("us-china", "US and China in the Pacific", "Rivalry at sea.", "en"),
        ("covid-hyphen", "COVID-19 and supply chains", "Ports closed.", "en"),
        ("covid-space", "After Covid 19", "Recovery plans.", "en"),
        ("covid-joined", "COVID19 vaccines diplomacy", "Donations.", "en"),
        ("email", "E-mail diplomacy", "Leaks and cables.", "en"),
        ("aukus", "AUKUS/Quad: two formats", "Submarines and summits.", "en"),
        ("sao-paulo", "São Paulo and the energy transition", "Ethanol and grids.", "en"),
        ("baltic-sanctions", "Baltic sanctions enforcement", "Ports and ships.", "en"),
        ("arctic-sanctions", "Arctic sanctions", "Shipping routes.", "en"),
        ("baltic-ports", "Baltic ports", "Trade.", "en"),
    ]
    for slug, title, summary, language in rows:
        PublicationFactory(slug=slug, title=title, summary=summary, body="", language=language)
    PublicationFactory(
        slug="by-lefevre", title="Deterrence in Europe", summary="", body="", authors=[lefevre]
    )
    search_index_refresh()


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ('"south korea"', {"korea-nuclear"}),
        ('"SOUTH KOREA"', {"korea-nuclear"}),
        ('"korea south"', set()),  # the words are there, not in this order
        ('"baltic sanctions"', {"baltic-sanctions"}),
        ('"défense européenne"', {"defense-fr"}),
        ('"defense europeenne"', {"defense-fr"}),
    ],
)
def test_quoted_phrase_needs_its_words_in_order(catalogue, typed, expected):
    assert search(typed) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("iran or russia", {"iran-nuclear", "north-korea"}),
        ("iran OR russia", {"iran-nuclear", "north-korea"}),
        ("baltic or arctic sanctions", {"baltic-sanctions", "arctic-sanctions"}),
        ('"south korea" or iran', {"korea-nuclear", "iran-nuclear"}),
    ],
)
def test_or_offers_alternatives(catalogue, typed, expected):
    assert search(typed) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("nuclear -korea", {"iran-nuclear"}),
        ("NUCLEAR -KOREA", {"iran-nuclear"}),
        ('nuclear -"north korea"', {"iran-nuclear", "korea-nuclear"}),
        ("sanctions -baltic", {"arctic-sanctions"}),
        ("iran or russia -north", {"iran-nuclear"}),
    ],
)
def test_excluded_words_exclude_from_the_whole_result(catalogue, typed, expected):
    assert search(typed) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("defense", {"defense-fr"}),
        ("DÉFENSE", {"defense-fr"}),
        ("securite maritime", {"securite-fr"}),
        ("Sao Paulo", {"sao-paulo"}),
        ("são paulo", {"sao-paulo"}),
        ("Lefevre", {"by-lefevre"}),
        ("chloe lefevre", {"by-lefevre"}),
    ],
)
def test_accents_and_case_never_matter(catalogue, typed, expected):
    assert search(typed) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("COVID-19", {"covid-hyphen", "covid-space", "covid-joined"}),
        ("Covid 19 and supply", {"covid-hyphen"}),
        ("U.S. tariffs", {"us-tariffs"}),
        ("US tariffs", {"us-tariffs"}),
        ("U.S. Pacific", {"us-china"}),
        ("e-mail diplomacy", {"email"}),
        ("AUKUS/Quad", {"aukus"}),
        ("quad", {"aukus"}),
    ],
)
def test_punctuation_inside_words_reads_alike_in_query_and_text(catalogue, typed, expected):
    assert search(typed) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ('"nuclear threshold', {"iran-nuclear"}),
        ('threshold"', {"iran-nuclear"}),
        ('"" threshold', {"iran-nuclear"}),
        ("- - threshold", {"iran-nuclear"}),
    ],
)
def test_stray_quotes_and_dashes_are_ignored(catalogue, typed, expected):
    assert search(typed) == expected


@pytest.mark.parametrize("typed", ['"', "- -", "or", '" -'])
def test_a_query_of_nothing_searchable_is_ignored_with_a_message(catalogue, client, typed):
    response = client.get(reverse("publications:list"), {"q": typed})
    assert response.status_code == 200
    assert response.context["paginator"].count == Publication.objects.published().count()
    assert "The search has no words to look for; it was ignored." in response.content.decode()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_excluded_word_is_not_listed_on_either_site(catalogue, client, language):
    # The request switches the thread's language: the override puts it back afterwards.
    with translation.override(language):
        response = client.get(reverse("publications:list"), {"q": "nuclear -korea"})
    assert response.context["LANGUAGE_CODE"] == language
    slugs = [p.slug for p in response.context["publications"]]
    assert slugs == ["iran-nuclear"]
