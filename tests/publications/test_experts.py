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
