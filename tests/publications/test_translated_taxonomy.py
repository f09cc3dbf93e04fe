"""French names of regions, themes, series and centers (django-modeltranslation): the admin,
the base column that stays English, the import/export format and the demo content."""

import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from centers.models import Center
from publications.interchange import dump_document, export_document, import_document
from publications.models import Series
from taxonomy.models import Region, Theme
from tests.factories import CenterFactory, RegionFactory, SeriesFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def test_name_reads_in_the_active_language_and_falls_back_to_english():
    region = RegionFactory(slug="japan", name="Japan", name_fr="Japon")
    untranslated = RegionFactory(slug="sahel", name="Sahel region")
    assert region.name == "Japan"
    with translation.override("fr"):
        assert region.name == "Japon"
        assert untranslated.name == "Sahel region"
        assert str(Region.objects.get(slug="sahel")) == "Sahel region"
        assert list(Region.objects.filter(slug="japan").values_list("name", flat=True)) == ["Japon"]


def test_saving_under_french_keeps_the_base_column_english():
    center = CenterFactory(slug="asia-center", name="Center for Asian Studies")
    with translation.override("fr"):
        center = Center.objects.get(pk=center.pk)
        center.name = "Centre Asie"  # sets name_fr, the active language's column
        center.save()
    raw = Center.objects.filter(pk=center.pk).raw_values("name", "name_en", "name_fr")[0]
    assert raw == {
        "name": "Center for Asian Studies",
        "name_en": "Center for Asian Studies",
        "name_fr": "Centre Asie",
    }


def test_admin_shows_english_and_french_side_by_side(admin_client):
    region = RegionFactory(slug="japan", name="Japan", name_fr="Japon")
    series = SeriesFactory(slug="asia-focus", name="Asia Focus")
    center = CenterFactory(slug="asia-center", name="Center for Asian Studies")
    for url, pairs in (
        (
            reverse("admin:taxonomy_region_change", args=[region.pk]),
            [("name_en", "name_fr"), ("description_en", "description_fr")],
        ),
        (
            reverse("admin:publications_series_change", args=[series.pk]),
            [("name_en", "name_fr"), ("description_en", "description_fr")],
        ),
        (
            reverse("admin:centers_center_change", args=[center.pk]),
            [("name_en", "name_fr"), ("summary_en", "summary_fr")],
        ),
    ):
        response = admin_client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        form = response.context["adminform"].form
        assert "name" not in form.fields
        for english, french in pairs:
            # One admin row holds both fields, rendered side by side.
            assert f'<div class="form-row field-{english} field-{french}">' in html, (url, french)
            assert f'for="id_{french}">' in html
    japan = admin_client.get(reverse("admin:taxonomy_region_change", args=[region.pk]))
    assert 'name="name_fr" value="Japon"' in japan.content.decode()


def test_admin_saves_french_names_and_prefills_the_slug_from_english(admin_client):
    response = admin_client.post(
        reverse("admin:taxonomy_theme_add"),
        {
            "name_en": "Energy and climate",
            "name_fr": "Énergie et climat",
            "slug": "energy-climate",
            "parent": "",
            "description_en": "Energy security.",
            "description_fr": "Sécurité énergétique.",
            "order": "0",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    theme = Theme.objects.get(slug="energy-climate")
    assert Theme.objects.filter(pk=theme.pk).raw_values("name", "name_fr")[0] == {
        "name": "Energy and climate",
        "name_fr": "Énergie et climat",
    }
    page = admin_client.get(reverse("admin:taxonomy_theme_add")).content.decode()
    assert "&quot;dependency_ids&quot;: [&quot;#id_name_en&quot;]" in page
    # The French admin too: the list shows the French name, search finds both.
    with translation.override("fr"):
        changelist = admin_client.get("/admin/taxonomy/theme/?q=climat", HTTP_ACCEPT_LANGUAGE="fr")
    assert changelist.status_code == 200
    assert list(changelist.context["cl"].result_list) == [theme]


def test_import_takes_optional_french_keys_and_export_gives_them_back(tmp_path):
    document = {
        "regions": [
            {"slug": "asia", "name": "Asia", "parent": None, "name_fr": "Asie"},
            {"slug": "japan", "name": "Japan", "parent": "asia", "description_fr": "Le Japon."},
        ],
        "themes": [{"slug": "security", "name": "Security", "parent": None}],
        "series": [{"slug": "asia-focus", "name": "Asia Focus", "issn": "", "name_fr": "Regards"}],
        "centers": [
            {
                "slug": "asia-center",
                "name": "Center for Asian Studies",
                "kind": "center",
                "parent": None,
                "description": "",
                "name_fr": "Centre Asie",
                "summary_fr": "L’Asie.",
            }
        ],
        "authors": [],
        "publications": [],
    }
    source = tmp_path / "in.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    with translation.override("fr"):  # whatever the active language, plain keys are English
        report = import_document(source)
    assert report.created["regions"] == 2
    asia = Region.objects.get(slug="asia")
    assert (asia.name_en, asia.name_fr) == ("Asia", "Asie")
    assert Region.objects.filter(slug="asia").raw_values("name")[0]["name"] == "Asia"
    assert Region.objects.get(slug="japan").name_fr is None
    assert Series.objects.get(slug="asia-focus").name_fr == "Regards"
    center = Center.objects.get(slug="asia-center")
    assert (center.name_fr, center.summary_fr, center.description_fr) == (
        "Centre Asie",
        "L’Asie.",
        None,
    )
    with translation.override("fr"):
        exported, _warnings = export_document()
    regions = {r["slug"]: r for r in exported["regions"]}
    assert regions["asia"]["name"] == "Asia" and regions["asia"]["name_fr"] == "Asie"
    assert "name_fr" not in regions["japan"]
    assert regions["japan"]["description_fr"] == "Le Japon."
    assert exported["centers"][0]["name_fr"] == "Centre Asie"
    assert "description_fr" not in exported["centers"][0]


def test_round_trip_with_french_keys_gives_the_same_document(tmp_path, django_db_blocker):
    RegionFactory(slug="asia", name="Asia", name_fr="Asie", description_fr="Le continent.")
    SeriesFactory(slug="asia-focus", name="Asia Focus", name_fr="Regards sur l’Asie")
    CenterFactory(slug="asia-center", name="Center", name_fr="Centre", summary_fr="Résumé.")
    first, _ = export_document()
    path = tmp_path / "export.json"
    path.write_text(dump_document(first), encoding="utf-8")
    Center.objects.all().delete()
    Series.objects.all().delete()
    Region.objects.all().delete()
    import_document(path)
    second, _ = export_document()
    assert dump_document(second) == dump_document(first)


def test_documents_without_french_keys_still_import_and_clear_nothing_else(tmp_path):
    RegionFactory(slug="asia", name="Asia", name_fr="Asie")
    source = tmp_path / "old.json"
    source.write_text(
        json.dumps({"regions": [{"slug": "asia", "name": "Asia (new)", "parent": None}]}),
        encoding="utf-8",
    )
    import_document(source)
    asia = Region.objects.get(slug="asia")
    assert asia.name_en == "Asia (new)"
    # The document is the whole truth for the records it names: no French key, no French name.
    assert asia.name_fr is None


def test_an_overlong_french_name_is_refused_naming_the_record(tmp_path):
    from publications.interchange import InterchangeError

    source = tmp_path / "bad.json"
    source.write_text(
        json.dumps({"regions": [{"slug": "asia", "name": "Asia", "name_fr": "x" * 300}]}),
        encoding="utf-8",
    )
    with pytest.raises(InterchangeError) as error:
        import_document(source)
    assert 'regions[0] (slug "asia"): name_fr: longer than 200 characters.' in str(error.value)
    assert not Region.objects.exists()


def test_demo_content_has_french_names_whatever_the_active_language():
    with translation.override("fr"):
        call_command("load_demo", stdout=io.StringIO())
    assert Region.objects.get(slug="japan").name_fr == "Japon"
    assert Region.objects.filter(slug="japan").raw_values("name")[0]["name"] == "Japan"
    assert Theme.objects.get(slug="security-defence").name_fr == "Sécurité et défense"
    assert Center.objects.get(slug="center-asian-studies").name_fr == "Centre Asie"
    assert Series.objects.get(slug="meridian-papers").name_fr == "Cahiers Meridian"
    assert not Region.objects.filter(name_fr__isnull=True).exists()
    assert not Center.objects.filter(summary_fr__isnull=True).exists()
