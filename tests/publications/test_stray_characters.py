"""Issue 14, item 1: one stray character must not take an output down.

Text is cleaned where it enters (the import, every admin form), and every output writes only
what its format allows, so rows stored before the cleaning cannot break it either."""

import json

import pytest
from django.contrib import admin

from publications.models import Author, Publication
from tests.admin_forms import admin_url, form_data, form_errors
from tests.factories import AuthorFactory, PublicationFactory, RegionFactory
from tests.public_outputs import every_output
from tests.publications.interchange.documents import example_document, run_import
from thinktank.admin import CleanTextFormMixin
from thinktank.text import clean_text

pytestmark = pytest.mark.django_db


def import_summary(tmp_path, summary, **changes):
    document = example_document(tmp_path)
    document["publications"][0].update(summary=summary, pdf=None, **changes)
    path = tmp_path / "import.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    run_import(path)
    return Publication.objects.get(slug="security-partnerships-japan")


def feed_description(root):
    return root.find("channel/item/description").text


def test_the_issues_example_imported_summary_with_u000b_keeps_the_feeds_up(client, tmp_path):
    publication = import_summary(tmp_path, "Line one\u000bline two")

    assert publication.summary == "Line one\nline two"
    outputs = every_output(client, publication)
    assert feed_description(outputs["feed"]) == "Line one\nline two"
    assert feed_description(outputs["feed_fr"]) == "Line one\nline two"
    assert ("AB", "Line one line two") in outputs["cite_ris"]


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("Start\u0001end", "Startend"),  # the issue's U+0001
        ("Null\u0000byte", "Nullbyte"),
        ("Unit\u001fseparator", "Unitseparator"),
        ("Not a\ufffecharacter\uffff", "Not acharacter"),
        ("Escape \u001b[1mbold\u001b[0m", "Escape [1mbold[0m"),
        ("Line\u2028separator\u2029paragraph", "Line\nseparator\n\nparagraph"),
        ("Delete\u007f and C1\u0085next", "Delete and C1\nnext"),
    ],
)
def test_imported_control_characters_are_removed_or_made_line_breaks(client, tmp_path, raw, stored):
    publication = import_summary(tmp_path, raw, title=f"Title {raw}")

    assert publication.summary == stored
    assert publication.title == "Title " + stored.replace("\n", " ")
    outputs = every_output(client, publication)
    assert outputs["feed"].find("channel/item/title").text == publication.title


def test_a_lone_surrogate_in_the_json_is_refused_naming_key_and_position(tmp_path):
    with pytest.raises(Exception, match=r"summary: contains a lone surrogate .* character 5"):
        import_summary(tmp_path, "Half\ud83d of an emoji")
    assert not Publication.objects.exists()


# --- The admin --------------------------------------------------------------------------------
def test_admin_change_form_stores_pasted_text_in_normal_form(admin_client):
    publication = PublicationFactory(slug="pasted")
    url = admin_url(Publication, "change", publication.pk)
    data = form_data(admin_client.get(url))
    data.update(
        title="Se\u0301curite\u0301\u0001 in\u2028Asia",
        summary="Line one\u000bline two\r\n\r\nSecond\u200b paragraph\u0002",
        source="Le\u0007 Monde",
    )

    response = admin_client.post(url, data)

    assert response.status_code == 302, form_errors(response)
    publication.refresh_from_db()
    assert publication.title == "Sécurité in Asia"
    assert publication.summary == "Line one\nline two\n\nSecond paragraph"
    assert publication.source == "Le Monde"


def test_admin_form_shown_again_with_an_error_shows_the_cleaned_text(admin_client):
    publication = PublicationFactory(slug="again")
    url = admin_url(Publication, "change", publication.pk)
    data = form_data(admin_client.get(url))
    data.update(title="Title\u0001 kept", slug="")

    response = admin_client.post(url, data)

    assert response.status_code == 200
    assert response.context["adminform"].form["title"].value() == "Title kept"


def test_expert_and_region_admins_clean_too(admin_client):
    author = AuthorFactory(slug="jane")
    url = admin_url(Author, "change", author.pk)
    data = form_data(admin_client.get(url), form_id="author_form")
    data.update(name="Jane\u000b Doe", bio_en="One\u000btwo")
    response = admin_client.post(url, data)
    assert response.status_code == 302, form_errors(response)
    author.refresh_from_db()
    assert (author.name, author.bio) == ("Jane  Doe", "One\ntwo")

    region = RegionFactory(slug="asia", name="Asia")
    url = admin_url(type(region), "change", region.pk)
    data = form_data(admin_client.get(url), form_id="region_form")
    data.update(name_en="Asia\u0001", name_fr="Asie\u2028")
    response = admin_client.post(url, data)
    assert response.status_code == 302, form_errors(response)
    region.refresh_from_db()
    assert (region.name_en, region.name_fr) == ("Asia", "Asie")


OUR_APPS = {"publications", "centers", "taxonomy"}
READ_ONLY = {"DownloadDay"}  # statistics: nothing is typed in


def test_every_admin_form_and_inline_of_the_site_cleans_text(rf, admin_user):
    request = rf.get("/admin/")
    request.user = admin_user
    checked = []
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in OUR_APPS or model.__name__ in READ_ONLY:
            continue
        assert issubclass(model_admin.get_form(request), CleanTextFormMixin), model
        checked.append(model.__name__)
        for inline in model_admin.get_inline_instances(request, None):
            formset = inline.get_formset(request, None)
            assert issubclass(formset.form, CleanTextFormMixin), (model, inline)
    assert {"Publication", "Author", "Series", "Center", "Region", "Theme"} <= set(checked)


# --- Rows stored before the cleaning: every output escapes for its own format ------------------
def test_outputs_survive_rows_stored_before_text_was_cleaned(client, storage):
    publication = PublicationFactory(
        slug="old-row", authors=[AuthorFactory(name="Old\u0001 Author")]
    )
    dirty = "Line one\u000bline two\u0001 \ufffe end"
    Publication.objects.filter(pk=publication.pk).update(
        title="Old\u0008 title", summary=dirty, source="Src\u0002"
    )
    publication.refresh_from_db()

    outputs = every_output(client, publication, clean_page=False)

    assert outputs["feed"].find("channel/item/title").text == "Old title"
    assert feed_description(outputs["feed"]) == "Line oneline two  end"
    assert ("TI", "Old title") in outputs["cite_ris"]
    assert ("AB", "Line one line two end") in outputs["cite_ris"]
    assert outputs["csv"][0]["title"] == "Old title"
    assert outputs["cite_bib"]["old-row"].fields["title"] == "{Old} title"
    # U+000B is a line break in the PDF edition too, as in the feed.
    assert "Line one\r\nline two" in " ".join(outputs["pdf"])
    assert clean_text(dirty) == "Line one\nline two  end"


@pytest.fixture
def storage(tmp_path, settings, monkeypatch):
    from tests.upload_files import isolate_storage

    return isolate_storage(tmp_path, settings, monkeypatch)
