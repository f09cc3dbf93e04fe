"""PostgreSQL search as readers type it: accents, exclusions and phrases obeyed by the typo-tolerant
part and "did you mean" too, punctuation read alike in the query and the text (issue 14, item 3).
The syntax shared with SQLite is tested in test_search_query.py."""

import pytest
from django.db import connection
from django.http import QueryDict
from django.urls import reverse
from django.utils import translation

from publications.filters import PublicationFilterSet
from publications.models import Publication
from publications.search import search_index_refresh, search_query
from publications.search.query import search_text
from tests.factories import AuthorFactory, PublicationFactory

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def found(client, text, prefix=""):
    # `prefix` "/fr" asks for the French site.
    """Slugs the list page shows for `text` (first page, best first), and its "did you mean"."""
    # The request switches the thread's language: the override puts it back afterwards.
    with translation.override("fr" if prefix else "en"):
        url = reverse("publications:list")
        assert url.startswith(prefix + "/")
        response = client.get(url, {"q": text})
    assert response.status_code == 200
    return [p.slug for p in response.context["publications"]], response.context["did_you_mean"]


def search(text):
    filterset = PublicationFilterSet(
        QueryDict(mutable=True) | {"q": text}, queryset=Publication.objects.published()
    )
    return [p.slug for p in filterset.qs]


@pytest.fixture
def demo_like(db):
    """The demo's publications behind the examples of issue 14."""
    whitfield = AuthorFactory(name="Tom Whitfield", slug="whitfield")
    lefevre = AuthorFactory(name="Chloé Lefèvre", slug="lefevre")
    kissinger = AuthorFactory(name="Henry Kissinger", slug="kissinger")
    rows = [
        ("nato-flank", "Forward Defence on NATO's Eastern Flank", "Brigades.", "en", []),
        ("rearmament", "European rearmament", "Whitfield on defense budgets.", "en", [whitfield]),
        (
            "dissuasion",
            "La dimension européenne de la dissuasion française",
            "La défense européenne et la dissuasion nucléaire.",
            "fr",
            [lefevre],
        ),
        ("securite-maritime", "Sécurité maritime dans l'océan Indien", "Routes.", "fr", []),
        ("economic-security", "Europe's Economic Security Doctrine", "Chips.", "en", []),
        ("korea-nuclear", "Should South Korea Go Nuclear?", "Seoul's nuclear debate.", "en", []),
        ("iran-nuclear", "Iran and the nuclear threshold", "Enrichment.", "en", []),
        ("korea-economy", "Korea's economic security", "Nuclear power and chips.", "en", []),
        ("diplomacy", "Diplomacy", "Order and balance.", "en", [kissinger]),
        ("world-order", "World Order and nuclear weapons", "Arms control.", "en", [kissinger]),
        ("baltic", "Deterrence in the Baltic", "Ships.", "en", []),
        ("sahel", "Deterrence in the Sahel", "Bases.", "en", []),
        ("sao-paulo", "São Paulo and the energy transition", "Grids.", "en", []),
    ]
    for slug, title, summary, language, authors in rows:
        PublicationFactory(
            slug=slug, title=title, summary=summary, body="", language=language, authors=authors
        )
    search_index_refresh()


# --- The examples of the issue, on both sites -----------------------------------------------------
@pytest.mark.parametrize("prefix", ["", "/fr"])
@pytest.mark.parametrize(
    ("accented", "plain"),
    [
        ("défense", "defense"),
        ("sécurité", "securite"),
        ("défense européenne", "defense europeenne"),
    ],
)
def test_accented_and_plain_queries_find_the_same(demo_like, client, prefix, accented, plain):
    with_accents, _ = found(client, accented, prefix)
    without, _ = found(client, plain, prefix)
    assert with_accents and set(with_accents) == set(without)


@pytest.mark.parametrize("prefix", ["", "/fr"])
def test_defense_finds_the_french_text_and_the_defence_title(demo_like, client, prefix):
    slugs, _ = found(client, "défense", prefix)
    assert {"dissuasion", "rearmament", "nato-flank"} <= set(slugs)
    slugs, _ = found(client, "defense europeenne", prefix)
    assert slugs == ["dissuasion"]


@pytest.mark.parametrize("prefix", ["", "/fr"])
def test_excluded_word_is_not_brought_back_by_the_typo_part(demo_like, client, prefix):
    slugs, did_you_mean = found(client, "nuclear -korea", prefix)
    assert slugs[0] != "korea-nuclear"
    assert not {"korea-nuclear", "korea-economy"} & set(slugs)
    assert {"iran-nuclear", "world-order"} <= set(slugs)
    assert did_you_mean is None or "Korea" not in did_you_mean["text"]


# --- Exclusions with the typo-tolerant part -----------------------------------------------------
def test_misspelled_author_minus_a_word_keeps_only_their_other_works(demo_like):
    assert search("Kisinger") != []
    assert set(search("Kisinger -nuclear")) == {"diplomacy"}


def test_misspelled_title_minus_a_word(demo_like):
    # "deterence" is a typo: the titles are found by similarity, the excluded one is not.
    assert set(search("deterence")) >= {"baltic", "sahel"}
    assert "baltic" not in search("deterence -baltic")
    assert "sahel" in search("deterence -baltic")


def test_exclusion_alone_lists_everything_else(demo_like):
    slugs = set(search("-korea"))
    assert "korea-nuclear" not in slugs and "korea-economy" not in slugs
    assert {"iran-nuclear", "baltic"} <= slugs


def test_did_you_mean_keeps_the_exclusions(demo_like, client):
    _, did_you_mean = found(client, "Kisinger -nuclear")
    assert did_you_mean["text"] == "Henry Kissinger"
    assert QueryDict(did_you_mean["url"].lstrip("?"))["q"] == "Henry Kissinger -nuclear"


def test_did_you_mean_never_comes_from_an_excluded_word(demo_like, client):
    _, did_you_mean = found(client, "-Kisinger")
    assert did_you_mean is None


def test_quoted_phrase_is_exact_even_for_the_typo_part(demo_like):
    assert search('"korea south"') == []
    assert search('"south korea"') == ["korea-nuclear"]
    # A typo beside a phrase: the similar title must still hold the phrase.
    assert search('"economic security" kisinger') == []


# --- Names and places typed without their accents ----------------------------------------------
@pytest.mark.parametrize(
    ("typed", "slug"),
    [("Lefevre", "dissuasion"), ("LEFEVRE", "dissuasion"), ("Sao Paulo", "sao-paulo")],
)
def test_names_without_diacritics(demo_like, typed, slug):
    assert search(typed) == [slug]


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [
        ("Lefevr Chloe", "Chloé Lefèvre"),
        ("Sao Paolo", "São Paulo and the energy transition"),
    ],
)
def test_misspelled_names_without_diacritics_are_suggested(demo_like, client, typed, suggested):
    _, did_you_mean = found(client, typed)
    assert did_you_mean["text"] == suggested


# --- Punctuation: the same rule in SQL and in Python ----------------------------------------------
SAMPLES = [
    "U.S. and U.S.A. e.g. A.I",
    "COVID-19, e-mail, F-35, 9/11, AUKUS/Quad, co-operation, 2024-03-01",
    "John F. Kennedy, Ph.D., 3.5%, -5 degrees, x - y, www.iiss.org/en/analysis",
    "Sécu-rité, É.U., Côte d’Ivoire, São Paulo/Brasília, l'Europe",
    "Hyphens: e‐mail e‑mail (U+2010, U+2011)",
]


@pytest.mark.parametrize("sample", SAMPLES)
def test_punctuation_rule_is_the_same_in_sql_and_python(sample):
    with connection.cursor() as cursor:
        cursor.execute("SELECT publications_search_text(%s)", [sample])
        assert cursor.fetchone()[0] == search_text(sample)


def matched_by_full_text(text):
    """Slugs whose search vector matches `text` (not the typo or unindexed parts)."""
    query = search_query(text)
    return set(Publication.objects.filter(search_vector=query).values_list("slug", flat=True))


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("U.S. position", {"dotted"}),
        ("US position", {"dotted"}),
        ("COVID-19", {"hyphen", "spaced", "joined"}),
        ("covid 19", {"hyphen", "spaced"}),
        ("covid19", {"hyphen", "spaced", "joined"}),
        ("AUKUS/Quad", {"slash"}),
        ("quad", {"slash"}),
        ("e-mail", {"email", "e-mail"}),
    ],
)
def test_punctuation_in_the_text_is_indexed_as_the_query_reads_it(db, typed, expected):
    for slug, body in [
        ("dotted", "The U.S. position on tariffs."),
        ("hyphen", "Ports during COVID-19."),
        ("spaced", "Ports during Covid 19."),
        ("joined", "Ports during COVID19."),
        ("slash", "Submarines for AUKUS/Quad partners."),
        ("email", "Leaks by email."),
        ("e-mail", "Leaks by e-mail."),
    ]:
        PublicationFactory(slug=slug, title="Untitled", summary="", body=body)
    search_index_refresh()
    assert matched_by_full_text(typed) == expected


def test_punctuation_that_postgres_reads_alike_stays_its_own(db):
    for slug, title in [("rd", "R&D spending"), ("nine-eleven", "After 9/11"), ("five-g", "5G")]:
        PublicationFactory(slug=slug, title=title, summary="", body="")
    PublicationFactory(slug="five-g-spaced", title="Networks of 5 G", summary="", body="")
    PublicationFactory(slug="other", title="Spending on defence", summary="", body="")
    search_index_refresh()
    assert search("R&D") == ["rd"]
    assert search("9/11") == ["nine-eleven"]
    assert set(search("5g")) == {"five-g", "five-g-spaced"}


@pytest.mark.parametrize(
    "typed",
    [
        "'",
        "\\",
        "a:*",
        "!korea",
        "(nuclear",
        "nuclear <-> korea",
        "a & b | c",
        "''",
        '"\'"',
        "🙂 nuclear",
        "نووي",
        "<script>alert(1)</script>",
        "100%_",
        '-""',
        "or or or",
        '"-" -"-"',
        "x" * 300,
    ],
)
def test_odd_input_never_fails(demo_like, client, typed):
    response = client.get(
        reverse("publications:list"), {"q": typed, "sort": "relevance"}, follow=True
    )
    assert response.status_code == 200


def test_headline_marks_phrase_words_not_excluded_ones(db, client):
    PublicationFactory(
        slug="p", title="Ports", summary="South Korea and Japan share nuclear worries.", body=""
    )
    search_index_refresh()
    response = client.get(reverse("publications:list"), {"q": '"south korea" -china'})
    [publication] = response.context["publications"]
    assert "<mark>South</mark> <mark>Korea</mark>" in publication.search_headline
    response = client.get(reverse("publications:list"), {"q": "nuclear -japan"})
    assert list(response.context["publications"]) == []
