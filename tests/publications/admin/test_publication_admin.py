"""The publication admin: its pages, search and filters, saving through the real form, links to
the public page, and the cost of the changelist."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from publications.admin.filters import CenterListFilter
from publications.models import Publication, PublicationAuthor
from tests.admin_forms import admin_pages, admin_url, form_data, form_errors
from tests.factories import (
    AuthorFactory,
    CenterFactory,
    ProgramFactory,
    PublicationFactory,
    RegionFactory,
    SeriesFactory,
    ThemeFactory,
)
from thinktank.models import OldSlug

pytestmark = pytest.mark.django_db


def filled_form(client, publication=None, **changes):
    """The change form of `publication` (the add form without one) as the page renders it, with
    a title and slug when adding, and `changes`."""
    if publication is None:
        data = form_data(client.get(admin_url(Publication, "add")))
        data.update(title="Security partnerships in East Asia", slug="security-partnerships")
    else:
        data = form_data(client.get(admin_url(Publication, "change", publication.pk)))
    data.update(changes)
    return data


def authors_rows(*rows, initial=0):
    """Inline rows of authors after the first `initial` ones: (author, role, position)."""
    data = {"publication_authors-TOTAL_FORMS": str(initial + len(rows))}
    for i, (author, role, position) in enumerate(rows, start=initial):
        data.update(
            {
                f"publication_authors-{i}-author": str(author.pk),
                f"publication_authors-{i}-role": role,
                f"publication_authors-{i}-position": str(position),
            }
        )
    return data


# --- Pages, search and filters ---------------------------------------------------------------


def test_publication_pages_answer(admin_client):
    publication = PublicationFactory()
    for url in [*admin_pages(publication), admin_url(Publication, "history", publication.pk)]:
        assert admin_client.get(url).status_code == 200, url


def test_search_and_filters_find_the_publication(admin_client):
    asia = RegionFactory(slug="asia", name="Asia")
    japan = RegionFactory(slug="japan", name="Japan", parent=asia)
    security = ThemeFactory(slug="security", name="Security")
    center = CenterFactory(slug="asia-center")
    found = PublicationFactory(
        title="Japan and its neighbours", regions=[japan], themes=[security], centers=[center]
    )
    PublicationFactory(title="Japan elsewhere")
    query = "?q=Japan&status__exact=published&region=asia&theme=security&center=asia-center"
    response = admin_client.get(admin_url(Publication, "changelist") + query)
    assert list(response.context["cl"].result_list) == [found]


def test_search_finds_a_publication_by_its_authors_name(admin_client):
    found = PublicationFactory(authors=[AuthorFactory(name="Jane Doe")])
    PublicationFactory()
    response = admin_client.get(admin_url(Publication, "changelist") + "?q=doe")
    assert list(response.context["cl"].result_list) == [found]


def test_region_filter_includes_descendants(admin_client):
    asia = RegionFactory(slug="asia")
    japan = RegionFactory(slug="japan", parent=asia)
    in_japan = PublicationFactory(regions=[japan])
    PublicationFactory(regions=[RegionFactory(slug="europe")])
    response = admin_client.get(admin_url(Publication, "changelist") + "?region=asia")
    assert list(response.context["cl"].result_list) == [in_japan]


def test_center_filter_includes_the_programs_of_a_center(admin_client):
    asia = CenterFactory(slug="asia-center")
    in_program = PublicationFactory(centers=[ProgramFactory(slug="japan-program", parent=asia)])
    PublicationFactory(centers=[CenterFactory(slug="europe-center")])
    response = admin_client.get(admin_url(Publication, "changelist") + "?center=asia-center")
    assert list(response.context["cl"].result_list) == [in_program]


def test_region_filter_lists_the_tree_indented(admin_client):
    asia = RegionFactory(slug="asia", name="Asia")
    RegionFactory(slug="japan", name="Japan", parent=asia)
    RegionFactory(slug="africa", name="Africa")
    response = admin_client.get(admin_url(Publication, "changelist"))
    [region_filter] = [s for s in response.context["cl"].filter_specs if s.title == "region"]
    assert region_filter.lookup_choices == [
        ("africa", "Africa"),
        ("asia", "Asia"),
        ("japan", "\u2003Japan"),
    ]


def test_center_filter_lists_each_center_followed_by_its_programs(admin_client):
    asia = CenterFactory(slug="asia-center", name="Asia Center")
    europe = CenterFactory(slug="europe-center", name="Europe Center")
    CenterFactory(slug="africa-center", name="Africa Center", order=1)
    ProgramFactory(slug="korea-program", name="Korea Program", parent=asia, order=1)
    ProgramFactory(slug="japan-program", name="Japan Program", parent=asia)
    ProgramFactory(slug="eu-program", name="EU Program", parent=europe)
    response = admin_client.get(admin_url(Publication, "changelist"))
    [center_filter] = [
        spec for spec in response.context["cl"].filter_specs if isinstance(spec, CenterListFilter)
    ]
    assert center_filter.lookup_choices == [
        ("asia-center", "Asia Center"),
        ("japan-program", "\u2003Japan Program"),
        ("korea-program", "\u2003Korea Program"),
        ("europe-center", "Europe Center"),
        ("eu-program", "\u2003EU Program"),
        ("africa-center", "Africa Center"),
    ]


def test_autocomplete_answers_for_the_regions_field(admin_client):
    RegionFactory(slug="japan", name="Japan")
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "publications",
            "model_name": "publication",
            "field_name": "regions",
            "term": "jap",
        },
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["Japan"]


def test_regions_themes_centers_are_autocomplete_multi_selects(admin_client):
    response = admin_client.get(admin_url(Publication, "add"))
    form = response.context["adminform"].form
    for name in ("regions", "themes", "centers"):
        assert form.fields[name].widget.widget.__class__.__name__ == "AutocompleteSelectMultiple"


# --- Saving through the real form ------------------------------------------------------------


def test_adding_a_publication_saves_ordered_authors_and_taxonomy(admin_client, storage):
    first, second = AuthorFactory(), AuthorFactory()
    region, theme, center = RegionFactory(), ThemeFactory(), CenterFactory()
    data = filled_form(
        admin_client,
        regions=[str(region.pk)],
        themes=[str(theme.pk)],
        centers=[str(center.pk)],
        **authors_rows((second, "editor", 1), (first, "author", 0)),
    )
    response = admin_client.post(admin_url(Publication, "add"), data)

    assert response.status_code == 302, form_errors(response)
    publication = Publication.objects.get(slug="security-partnerships")
    assert publication.ordered_authors == [first, second]
    assert publication.publication_authors.get(author=second).role == "editor"
    assert list(publication.regions.all()) == [region]
    assert list(publication.themes.all()) == [theme]
    assert list(publication.centers.all()) == [center]


def test_change_form_replaces_regions_and_themes(admin_client):
    old_region, new_region, theme = RegionFactory(), RegionFactory(), ThemeFactory()
    publication = PublicationFactory(regions=[old_region])
    data = filled_form(
        admin_client, publication, regions=[str(new_region.pk)], themes=[str(theme.pk)]
    )
    response = admin_client.post(admin_url(Publication, "change", publication.pk), data)
    assert response.status_code == 302, form_errors(response)
    assert list(publication.regions.all()) == [new_region]
    assert list(publication.themes.all()) == [theme]


def test_changing_the_slug_keeps_the_old_url_redirecting(admin_client):
    publication = PublicationFactory(slug="old-slug")
    data = filled_form(admin_client, publication, slug="new-slug")
    response = admin_client.post(admin_url(Publication, "change", publication.pk), data)
    assert response.status_code == 302, form_errors(response)
    redirect = OldSlug.objects.get()
    assert (redirect.old_slug, redirect.target) == ("old-slug", publication)
    # The change page lists the old URL (read-only).
    page = admin_client.get(admin_url(Publication, "change", publication.pk))
    assert "old-slug" in page.content.decode()


def test_saving_without_slug_change_records_no_redirect(admin_client):
    publication = PublicationFactory(slug="same-slug")
    data = filled_form(admin_client, publication, title="A new title")
    response = admin_client.post(admin_url(Publication, "change", publication.pk), data)
    assert response.status_code == 302, form_errors(response)
    assert not OldSlug.objects.exists()


def test_editors_edit_authors_and_pinned_relations_inline(client, editor):
    client.force_login(editor)
    publication = PublicationFactory(authors=[AuthorFactory()])
    response = client.get(admin_url(Publication, "change", publication.pk))
    assert response.status_code == 200
    prefixes = [f.formset.prefix for f in response.context["inline_admin_formsets"]]
    assert {
        "publication_authors",
        "pinned_relations",
        "thinktank-oldslug-content_type-object_id",
    } <= set(prefixes)

    data = form_data(response)
    data.update(authors_rows((AuthorFactory(), "contributor", 1), initial=1))
    response = client.post(admin_url(Publication, "change", publication.pk), data)
    assert response.status_code == 302, form_errors(response)
    assert PublicationAuthor.objects.filter(publication=publication).count() == 2


# --- Links to the public page ----------------------------------------------------------------


def test_changelist_links_public_items_and_previews_drafts(admin_client):
    public = PublicationFactory(slug="public-one")
    draft = PublicationFactory(slug="draft-one", status=Publication.Status.DRAFT)
    content = admin_client.get(admin_url(Publication, "changelist")).content.decode()
    link = '<a href="{}" target="_blank" rel="noopener">{}</a>'
    assert link.format(public.get_absolute_url(), "View on site") in content
    assert link.format(draft.get_absolute_url(), "Preview") in content


def test_scheduled_publication_links_its_preview_not_the_public_page(admin_client):
    scheduled = PublicationFactory(publish_at=datetime.datetime(2999, 1, 1, tzinfo=datetime.UTC))
    content = admin_client.get(admin_url(Publication, "change", scheduled.pk)).content.decode()
    link = f'<a href="{scheduled.get_absolute_url()}" target="_blank" rel="noopener">'
    assert f"{link}Preview</a>" in content
    assert f"{link}View on site</a>" not in content


# --- Cost of the changelist ------------------------------------------------------------------


def _changelist_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(admin_url(Publication, "changelist"))
    assert response.status_code == 200
    return queries


def _publication_with_links():
    return PublicationFactory(
        series=SeriesFactory(),
        authors=[AuthorFactory(), AuthorFactory()],
        regions=[RegionFactory()],
        themes=[ThemeFactory()],
        centers=[CenterFactory()],
    )


def test_changelist_query_count_is_pinned_and_does_not_grow_with_rows(
    admin_client, django_assert_num_queries
):
    _publication_with_links()
    one = len(_changelist_queries(admin_client))
    for _ in range(20):
        _publication_with_links()
    assert len(_changelist_queries(admin_client)) == one
    # Session, user, the region/theme/center/series filters, two counts, the rows, their
    # authors (one prefetch), the date hierarchy (two).
    with django_assert_num_queries(12):
        admin_client.get(admin_url(Publication, "changelist"))


def test_changelist_does_not_load_the_body(admin_client):
    PublicationFactory(body="A very long body " * 100)
    queries = _changelist_queries(admin_client)
    table = connection.ops.quote_name(Publication._meta.db_table)
    for column in ("body", "pdf_text"):
        quoted = connection.ops.quote_name(column)
        assert not any(f"{table}.{quoted}" in q["sql"] for q in queries)
