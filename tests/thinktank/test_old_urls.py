"""Old URLs after a slug change (thinktank/redirects.py): every URL kind that embeds a slug
answers 301 to the same URL with the current slug, query string kept, in English and French,
for publications, experts, centers, regions and themes; never towards something unpublished."""

import json

import pytest
from django.urls import reverse
from django.utils.translation import override

from centers.models import Center
from publications.models import Author, Publication, Series
from taxonomy.models import Region, Theme
from tests.admin_forms import admin_url, form_data
from tests.factories import AuthorFactory, PublicationFactory, rename
from thinktank.models import OldSlug
from thinktank.redirects import SLUG_URLS, old_slug_record

pytestmark = pytest.mark.django_db


def renamed(obj, new_slug):
    old, obj.slug = obj.slug, new_slug
    obj.save()
    old_slug_record(obj=obj, old_slug=old)
    return obj


def assert_moved(client, old_url, new_url):
    response = client.get(old_url)
    assert response.status_code == 301, (old_url, response.status_code)
    assert response["Location"] == new_url
    return response


# --- Publications: every URL that carries the slug --------------------------------------------


@pytest.mark.parametrize(
    "name", ["publications:cite_bib", "publications:cite_ris", "publications:detail"]
)
def test_citations_and_page_of_a_renamed_publication_answer_301(client, analysis, name):
    # The example: cite.bib and cite.ris answered 404 after a rename.
    rename(analysis, "japan-partnerships")
    old = reverse(name, kwargs={"slug": "security-japan"})
    new = reverse(name, kwargs={"slug": "japan-partnerships"})
    assert_moved(client, old, new)
    assert client.get(new).status_code == 200


def test_the_query_string_is_kept(client, analysis):
    rename(analysis, "japan-partnerships")
    old = reverse("publications:cite_ris", kwargs={"slug": "security-japan"})
    assert_moved(
        client,
        old + "?utm_source=x&a=%C3%A9",
        f"{old.replace('security-japan', 'japan-partnerships')}?utm_source=x&a=%C3%A9",
    )


def test_the_api_answers_301_with_a_json_body(client, analysis):
    rename(analysis, "japan-partnerships")
    response = assert_moved(
        client,
        "/api/v1/publications/security-japan/?format=json",
        "/api/v1/publications/japan-partnerships/?format=json",
    )
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content)["url"] == response["Location"]
    assert client.get(response["Location"]).json()["slug"] == "japan-partnerships"


def test_the_pdf_and_its_shortcut_follow_a_rename(client, analysis):
    rename(analysis, "japan-partnerships")
    assert_moved(
        client,
        "/publications/security-japan/security-japan.pdf?download=1",
        "/publications/japan-partnerships/japan-partnerships.pdf?download=1",
    )
    # An old file name below the new folder, as a link written by hand would have it.
    assert_moved(
        client,
        "/publications/japan-partnerships/security-japan.pdf",
        "/publications/japan-partnerships/japan-partnerships.pdf",
    )
    assert_moved(
        client, "/publications/security-japan/pdf/", "/publications/japan-partnerships/pdf/"
    )


def test_french_urls_stay_french(client, analysis):
    rename(analysis, "japan-partnerships")
    assert_moved(client, "/fr/publications/security-japan/", "/fr/publications/japan-partnerships/")
    assert_moved(
        client,
        "/fr/publications/security-japan/cite.bib",
        "/fr/publications/japan-partnerships/cite.bib",
    )


def test_every_slug_of_a_publication_renamed_twice_leads_to_the_current_one(client, analysis):
    rename(analysis, "second")
    rename(analysis, "third")
    for old in ("security-japan", "second"):
        assert_moved(client, f"/publications/{old}/cite.bib", "/publications/third/cite.bib")


def test_a_slug_taken_back_by_another_publication_is_no_longer_an_old_url(client, analysis):
    rename(analysis, "japan-partnerships")
    newcomer = PublicationFactory(slug="newcomer")
    rename(newcomer, "security-japan")
    assert client.get("/publications/security-japan/cite.bib").status_code == 200
    assert not OldSlug.objects.filter(old_slug="security-japan").exclude(object_id=newcomer.pk)


@pytest.mark.parametrize("status", ["draft", "review"])
def test_no_redirect_reveals_an_unpublished_publication(client, catalogue, status):
    draft = PublicationFactory(slug="secret", status=status)
    rename(draft, "secret-new-name")
    for url in (
        "/publications/secret/",
        "/publications/secret/cite.bib",
        "/publications/secret/cite.ris",
        "/publications/secret/secret.pdf",
        "/api/v1/publications/secret/",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert b"secret-new-name" not in response.content


def test_the_old_slug_of_an_archived_publication_leads_to_its_gone_page(client, analysis):
    rename(analysis, "japan-partnerships")
    Publication.objects.filter(pk=analysis.pk).update(status=Publication.Status.ARCHIVED)
    response = client.get("/publications/security-japan/", follow=True)
    assert response.redirect_chain == [("/publications/japan-partnerships/", 301)]
    assert response.status_code == 410


def test_an_unknown_slug_is_still_404(client, analysis):
    for url in ("/publications/nothing/cite.bib", "/api/v1/publications/nothing/"):
        assert client.get(url).status_code == 404


# --- Other kinds ------------------------------------------------------------------------------


def test_a_renamed_expert_page_and_api_answer_301(client, catalogue):
    jane = renamed(catalogue["jane"], "jane-smith")
    assert_moved(client, "/experts/jane-doe/", "/experts/jane-smith/")
    assert_moved(client, "/fr/experts/jane-doe/?page=2", "/fr/experts/jane-smith/?page=2")
    assert_moved(client, "/api/v1/experts/jane-doe/", "/api/v1/experts/jane-smith/")
    assert client.get(jane.get_absolute_url()).status_code == 200


def test_an_inactive_expert_without_public_work_gets_no_redirect(client, catalogue):
    hidden = AuthorFactory(slug="hidden", active=False)
    renamed(hidden, "hidden-too")
    assert client.get("/experts/hidden/").status_code == 404
    assert client.get("/api/v1/experts/hidden/").status_code == 404


def test_a_renamed_center_page_and_api_answer_301(client, catalogue):
    renamed(catalogue["center"], "asian-studies")
    assert_moved(client, "/centers/asia-center/", "/centers/asian-studies/")
    assert_moved(client, "/fr/centers/asia-center/", "/fr/centers/asian-studies/")
    assert_moved(client, "/api/v1/centers/asia-center/", "/api/v1/centers/asian-studies/")
    Center.objects.filter(slug="asian-studies").update(active=False)
    assert client.get("/centers/asia-center/").status_code == 404


@pytest.mark.parametrize(
    ("key", "path", "api"), [("japan", "regions", "regions"), ("security", "themes", "themes")]
)
def test_a_renamed_region_or_theme_answers_301(client, catalogue, key, path, api):
    old = catalogue[key].slug
    renamed(catalogue[key], f"{old}-renamed")
    assert_moved(client, f"/{path}/{old}/", f"/{path}/{old}-renamed/")
    assert_moved(client, f"/fr/{path}/{old}/", f"/fr/{path}/{old}-renamed/")
    assert_moved(client, f"/api/v1/{api}/{old}/", f"/api/v1/{api}/{old}-renamed/")


@pytest.mark.parametrize(
    ("model", "key", "form_id"),
    [
        (Author, "jane", "author_form"),
        (Center, "center", "center_form"),
        (Region, "japan", "region_form"),
        (Theme, "security", "theme_form"),
        (Series, "series", "series_form"),
    ],
)
def test_the_admin_keeps_the_old_slug_of_every_kind(admin_client, catalogue, model, key, form_id):
    obj = catalogue[key]
    old = obj.slug
    page = admin_client.get(admin_url(model, "change", obj.pk))
    data = form_data(page, form_id=form_id)
    data["slug"] = f"{old}-new"
    response = admin_client.post(admin_url(model, "change", obj.pk), data)
    assert response.status_code == 302
    record = OldSlug.objects.get()
    assert (record.old_slug, record.target) == (old, model.objects.get(pk=obj.pk))
    # The change form lists it, read-only.
    assert old in admin_client.get(admin_url(model, "change", obj.pk)).content.decode()


def test_every_url_that_embeds_a_slug_is_covered():
    """A URL added later with a slug in it must be named in SLUG_URLS (or knowingly left out)."""
    from django.urls import get_resolver

    def walk(patterns, namespace=""):
        for pattern in patterns:
            if hasattr(pattern, "url_patterns"):
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                yield from walk(pattern.url_patterns, inner)
            elif pattern.name and "slug" in str(pattern.pattern):
                yield f"{namespace}{pattern.name}"

    with override("en"):
        names = set(walk(get_resolver().url_patterns))
    assert names - {"admin:view_on_site"} <= set(SLUG_URLS), names - set(SLUG_URLS)


# --- Slugs in query parameters: the list, its exports, the feed and the API --------------------


@pytest.mark.parametrize(
    ("key", "param", "model"),
    [
        ("japan", "region", Region),
        ("security", "theme", Theme),
        ("center", "center", Center),
        ("series", "series", Series),
        ("jane", "author", Author),
    ],
)
def test_an_old_slug_in_a_filter_still_filters_and_the_canonical_names_the_new_one(
    client, analysis, key, param, model
):
    obj = model.objects.get(pk=catalogue_pk(analysis, key))
    old = obj.slug
    renamed(obj, f"{old}-new")
    page = client.get(f"/publications/?{param}={old}")
    assert analysis.title in page.content.decode()
    assert not page.context["ignored_messages"]
    assert f'rel="canonical" href="http://testserver/publications/?{param}={old}-new"' in (
        page.content.decode()
    )
    api = client.get(f"/api/v1/publications/?{param}={old}")
    assert api.status_code == 200
    assert [row["slug"] for row in api.json()["results"]] == [analysis.slug]


def catalogue_pk(analysis, key):
    return {
        "japan": lambda: analysis.regions.get().pk,
        "security": lambda: analysis.themes.get().pk,
        "center": lambda: analysis.centers.get().parent_id,
        "series": lambda: analysis.series_id,
        "jane": lambda: analysis.authors.get(slug="jane-doe").pk,
    }[key]()
