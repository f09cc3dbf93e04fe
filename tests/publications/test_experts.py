"""Expert pages: the A-Z list and an expert's page."""

import pytest
from django.urls import reverse

from publications.models import Author

pytestmark = pytest.mark.django_db


def test_expert_page_shows_regions_and_themes_covered(client, analysis, catalogue):
    response = client.get(catalogue["jane"].get_absolute_url())
    assert [r.slug for r in response.context["regions"]] == ["japan"]
    assert [t.slug for t in response.context["themes"]] == ["security"]
    assert list(response.context["publications"]) == [analysis]


def test_expert_list_is_grouped_a_to_z(client, catalogue):
    html = client.get(reverse("publications:expert_list")).content.decode()
    assert 'href="#letter-1"' in html
    assert html.index("Jane Doe") > html.index('id="letter-1"')


def test_french_expert_page_shows_the_french_title_and_biography(client, catalogue):
    jane = catalogue["jane"]
    jane.title_en, jane.title_fr = "Research Fellow", "Chercheuse"
    jane.bio_en, jane.bio_fr = "Works on Japan.", "Travaille sur le Japon."
    jane.save()

    url = jane.get_absolute_url()
    french = client.get("/fr" + url).content.decode()
    english = client.get(url).content.decode()

    assert "Chercheuse" in french and "Travaille sur le Japon." in french
    assert "Research Fellow" not in french and "Works on Japan." not in french
    assert "Research Fellow" in english and "Chercheuse" not in english


def test_french_pages_fall_back_to_the_english_title_and_biography(client, catalogue):
    jane = catalogue["jane"]
    jane.title_en, jane.title_fr, jane.bio_en, jane.bio_fr = "Research Fellow", "", "Works.", ""
    jane.save()

    french = client.get("/fr" + jane.get_absolute_url()).content.decode()

    assert "Research Fellow" in french and "Works." in french


def test_french_publication_page_names_authors_with_their_french_title(client, analysis):
    jane, john = analysis.authors.order_by("slug")
    jane.title_en, jane.title_fr = "Senior Fellow", "Chercheuse principale"
    jane.save()
    john.title_en, john.title_fr = "Analyst", ""
    john.save()

    french = client.get("/fr" + analysis.get_absolute_url()).content.decode()

    # In the authors section and in the JSON-LD; John has no French title: his English one.
    assert french.count("Chercheuse principale") == 2
    assert "Senior Fellow" not in french
    assert french.count("Analyst") == 2


def test_saving_under_french_keeps_english_in_the_base_column(catalogue):
    from django.utils import translation

    jane = catalogue["jane"]
    with translation.override("fr"):
        jane.title_fr = "Chercheuse"
        jane.save()
    jane.refresh_from_db()
    assert jane.title_fr == "Chercheuse"
    assert Author.objects.filter(pk=jane.pk, title=jane.title_en).exists()


# --- The A-Z page's search and filters (GET parameters, no JavaScript needed) ----------------
def _names(client, **params):
    response = client.get(reverse("publications:expert_list"), params)
    assert response.status_code == 200
    return sorted(person.name for person in response.context["experts"])


@pytest.fixture
def experts():
    from tests.factories import (
        AuthorFactory,
        CenterFactory,
        ProgramFactory,
        PublicationFactory,
        RegionFactory,
        ThemeFactory,
    )

    asia = RegionFactory(slug="asia", name="Asia")
    japan = RegionFactory(slug="japan", name="Japan", parent=asia)
    europe = RegionFactory(slug="europe", name="Europe")
    energy = ThemeFactory(slug="energy", name="Energy")
    center = CenterFactory(slug="asia-center", name="Asia Center")
    program = ProgramFactory(slug="korea-program", name="Korea Program", parent=center)
    lefevre = AuthorFactory(name="Marc Lefèvre", slug="lefevre", title="Nuclear analyst")
    kim = AuthorFactory(name="Min Kim", slug="kim", title="Korea fellow")
    ode = AuthorFactory(name="Ada Ode", slug="ode", title="Energy fellow")
    lefevre.centers.add(center)
    kim.centers.add(program)
    PublicationFactory(authors=[lefevre], regions=[japan])
    PublicationFactory(authors=[ode], regions=[europe], themes=[energy])
    # A draft makes nobody an expert on its region.
    PublicationFactory(authors=[kim], regions=[japan], status="draft")
    return {"lefevre": lefevre, "kim": kim, "ode": ode}


def test_expert_search_ignores_accents_and_case_and_reads_titles(client, experts):
    assert _names(client, q="lefevre") == ["Marc Lefèvre"]
    assert _names(client, q="LEFÈVRE marc") == ["Marc Lefèvre"]
    assert _names(client, q="fellow") == ["Ada Ode", "Min Kim"]


def test_expert_center_filter_includes_the_members_of_its_programs(client, experts):
    assert _names(client, center="asia-center") == ["Marc Lefèvre", "Min Kim"]
    assert _names(client, center="korea-program") == ["Min Kim"]


def test_expert_region_and_theme_filters_follow_public_publications_and_subregions(client, experts):
    # Asia includes Japan; Kim's Japan piece is a draft.
    assert _names(client, region="asia") == ["Marc Lefèvre"]
    assert _names(client, theme="energy") == ["Ada Ode"]
    assert _names(client, region="asia", theme="energy") == []


def test_expert_filters_keep_their_values_and_label_every_control(client, experts):
    html = client.get(
        reverse("publications:expert_list"), {"q": "kim", "center": "asia-center"}
    ).content.decode()
    for name in ("q", "center", "region", "theme"):
        assert f'<label for="expert-{name}">' in html and f'id="expert-{name}"' in html
    assert 'value="kim"' in html
    assert '<option value="asia-center" selected>' in html
    assert "1 expert" in html and "Show all experts" in html


def test_expert_filters_with_an_unknown_slug_say_so_and_list_the_rest(client, experts):
    response = client.get(reverse("publications:expert_list"), {"region": "atlantis"})
    assert response.status_code == 200
    assert len(response.context["experts"]) == 3
    assert "Not understood and left out: Region." in response.content.decode()
