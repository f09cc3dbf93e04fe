"""The staff admin for publications, series, experts, regions and themes."""

import datetime

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group, User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from publications.admin.filters import CenterListFilter
from publications.models import (
    Author,
    Publication,
    PublicationAuthor,
    Series,
    SlugRedirect,
)
from taxonomy.models import Region, Theme
from tests.factories import (
    AuthorFactory,
    CenterFactory,
    ProgramFactory,
    PublicationFactory,
    RegionFactory,
    SeriesFactory,
    ThemeFactory,
)
from tests.upload_files import (
    files_under,
    image_upload,
    isolate_storage,
    pdf_upload,
    pdf_without_pages_upload,
    png_header_upload,
    svg_upload,
    text_as_pdf_upload,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def storage(tmp_path, settings, monkeypatch):
    return isolate_storage(tmp_path, settings, monkeypatch)


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def publication_post_data(publication=None, **overrides):
    """What the admin's publication form posts: its fields and the three inline formsets."""
    data = {
        "title": "Security partnerships in East Asia",
        "subtitle": "",
        "slug": "security-partnerships-east-asia",
        "type": Publication.Type.ANALYSIS,
        "language": "en",
        "summary": "A summary.",
        "body": "The body.",
        "status": Publication.Status.DRAFT,
        "published_on": "2024-03-01",
        "publish_at_0": "",
        "publish_at_1": "",
        "pages": "",
        "series": "",
        "series_number": "",
        "isbn": "",
        "doi": "",
        "translation_of": "",
        "external_url": "",
        "source": "",
        "regions": [],
        "themes": [],
        "centers": [],
    }
    if publication is not None:
        data.update(
            title=publication.title,
            slug=publication.slug,
            type=publication.type,
            status=publication.status,
            published_on=publication.published_on.isoformat(),
            regions=[str(pk) for pk in publication.regions.values_list("pk", flat=True)],
            themes=[str(pk) for pk in publication.themes.values_list("pk", flat=True)],
            centers=[str(pk) for pk in publication.centers.values_list("pk", flat=True)],
        )
    links = list(publication.publication_authors.all()) if publication else []
    data.update(
        {
            "publication_authors-TOTAL_FORMS": str(len(links)),
            "publication_authors-INITIAL_FORMS": str(len(links)),
            "pinned_relations-TOTAL_FORMS": "0",
            "pinned_relations-INITIAL_FORMS": "0",
            "slug_redirects-TOTAL_FORMS": "0",
            "slug_redirects-INITIAL_FORMS": "0",
            "review_comments-TOTAL_FORMS": "0",
            "review_comments-INITIAL_FORMS": "0",
        }
    )
    for i, link in enumerate(links):
        data.update(
            {
                f"publication_authors-{i}-id": str(link.pk),
                f"publication_authors-{i}-publication": str(publication.pk),
                f"publication_authors-{i}-author": str(link.author_id),
                f"publication_authors-{i}-role": link.role,
                f"publication_authors-{i}-position": str(link.position),
            }
        )
    data.update(overrides)
    return data


def form_errors(response):
    """Every error message of the admin form, its inlines included, as one string."""
    errors = list(response.context["adminform"].form.errors.values())
    for formset in response.context["inline_admin_formsets"]:
        errors += [e for form_errors in formset.formset.errors for e in form_errors.values()]
        errors.append(formset.formset.non_form_errors())
    return " ".join(str(message) for error_list in errors for message in error_list)


# --- Every page answers ----------------------------------------------------------------------


@pytest.fixture
def content():
    asia = RegionFactory(slug="asia", name="Asia")
    japan = RegionFactory(slug="japan", name="Japan", parent=asia)
    security = ThemeFactory(slug="security", name="Security")
    ThemeFactory(slug="nuclear", name="Nuclear", parent=security)
    series = SeriesFactory(slug="asia-visions", name="Asia Visions")
    center = CenterFactory(slug="asia-center")
    author = AuthorFactory(name="Jane Doe", slug="jane-doe")
    author.centers.add(center)
    publication = PublicationFactory(
        title="Japan and its neighbours",
        series=series,
        authors=[author],
        regions=[japan],
        themes=[security],
        centers=[center],
    )
    return {
        Publication: (publication, "?q=Japan&status__exact=published&region=asia&theme=security"),
        Series: (series, "?q=asia"),
        Author: (author, "?q=doe&active__exact=1"),
        Region: (japan, f"?q=jap&parent__id__exact={asia.pk}"),
        Theme: (security, "?q=sec"),
    }


@pytest.mark.parametrize("model", [Publication, Series, Author, Region, Theme])
def test_admin_pages_answer_for_every_model(admin_client, content, model):
    obj, query = content[model]
    for url in (
        admin_url(model, "changelist"),
        admin_url(model, "changelist") + query,
        admin_url(model, "add"),
        admin_url(model, "change", obj.pk),
    ):
        response = admin_client.get(url)
        assert response.status_code == 200, url


@pytest.mark.parametrize("model", [Publication, Series, Author, Region, Theme])
def test_search_and_filter_find_the_object(admin_client, content, model):
    obj, query = content[model]
    response = admin_client.get(admin_url(model, "changelist") + query)
    assert list(response.context["cl"].result_list) == [obj]


def test_region_filter_includes_descendants(admin_client):
    asia = RegionFactory(slug="asia")
    japan = RegionFactory(slug="japan", parent=asia)
    in_japan = PublicationFactory(regions=[japan])
    PublicationFactory(regions=[RegionFactory(slug="europe")])
    response = admin_client.get(admin_url(Publication, "changelist") + "?region=asia")
    assert list(response.context["cl"].result_list) == [in_japan]


def test_tree_changelist_indents_children_below_their_parent(admin_client):
    asia = RegionFactory(slug="asia", name="Asia")
    RegionFactory(slug="japan", name="Japan", parent=asia)
    RegionFactory(slug="africa", name="Africa")
    response = admin_client.get(admin_url(Region, "changelist"))
    assert [r.slug for r in response.context["cl"].result_list] == ["africa", "asia", "japan"]
    assert 'padding-left:1.5em">Japan' in response.content.decode()


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


# --- Saving through the real forms -----------------------------------------------------------


def test_adding_a_publication_saves_ordered_authors_and_taxonomy(admin_client, storage):
    first, second = AuthorFactory(), AuthorFactory()
    region, theme, center = RegionFactory(), ThemeFactory(), CenterFactory()
    data = publication_post_data(
        regions=[str(region.pk)],
        themes=[str(theme.pk)],
        centers=[str(center.pk)],
        **{
            "publication_authors-TOTAL_FORMS": "2",
            "publication_authors-0-author": str(second.pk),
            "publication_authors-0-role": "editor",
            "publication_authors-0-position": "1",
            "publication_authors-1-author": str(first.pk),
            "publication_authors-1-role": "author",
            "publication_authors-1-position": "0",
        },
    )
    response = admin_client.post(admin_url(Publication, "add"), data)

    assert response.status_code == 302, form_errors(response)
    publication = Publication.objects.get(slug="security-partnerships-east-asia")
    assert publication.ordered_authors == [first, second]
    assert publication.publication_authors.get(author=second).role == "editor"
    assert list(publication.regions.all()) == [region]
    assert list(publication.themes.all()) == [theme]
    assert list(publication.centers.all()) == [center]


def test_change_form_replaces_regions_and_themes(admin_client):
    old_region, new_region, theme = RegionFactory(), RegionFactory(), ThemeFactory()
    publication = PublicationFactory(regions=[old_region])
    data = publication_post_data(publication, regions=[str(new_region.pk)], themes=[str(theme.pk)])
    response = admin_client.post(admin_url(Publication, "change", publication.pk), data)
    assert response.status_code == 302, form_errors(response)
    assert list(publication.regions.all()) == [new_region]
    assert list(publication.themes.all()) == [theme]


def test_changing_the_slug_keeps_the_old_url_redirecting(admin_client):
    publication = PublicationFactory(slug="old-slug")
    data = publication_post_data(publication, slug="new-slug")
    response = admin_client.post(admin_url(Publication, "change", publication.pk), data)
    assert response.status_code == 302, form_errors(response)
    redirect = SlugRedirect.objects.get()
    assert (redirect.old_slug, redirect.publication) == ("old-slug", publication)
    # The change page lists the old URL (read-only).
    page = admin_client.get(admin_url(Publication, "change", publication.pk))
    assert "old-slug" in page.content.decode()


def test_saving_without_slug_change_records_no_redirect(admin_client):
    publication = PublicationFactory(slug="same-slug")
    data = publication_post_data(publication, title="A new title")
    response = admin_client.post(admin_url(Publication, "change", publication.pk), data)
    assert response.status_code == 302, form_errors(response)
    assert not SlugRedirect.objects.exists()


# --- Uploads ---------------------------------------------------------------------------------


def post_publication_with_files(admin_client, **files):
    data = publication_post_data(**files)
    return admin_client.post(admin_url(Publication, "add"), data)


def test_valid_pdf_is_stored_in_private_storage_under_a_generated_name(admin_client, storage):
    media_root, private_root = storage
    response = post_publication_with_files(admin_client, pdf=pdf_upload("My Report (final).pdf"))
    assert response.status_code == 302, form_errors(response)
    publication = Publication.objects.get()
    stored = files_under(private_root)
    assert stored == [publication.pdf.name]
    assert publication.pdf.name.startswith("pdfs/")
    assert "final" not in publication.pdf.name
    # Public media holds only the thumbnail of the first page (publication_process_pdf).
    assert files_under(media_root) == [publication.thumbnail.name]


def test_text_file_renamed_pdf_is_refused_naming_the_file(admin_client, storage):
    response = post_publication_with_files(admin_client, pdf=text_as_pdf_upload("notes.pdf"))
    assert response.status_code == 200
    assert "“notes.pdf” is not a PDF file." in response.context["adminform"].form.errors["pdf"]
    assert not Publication.objects.exists()
    assert [files_under(folder) for folder in storage] == [[], []]


def test_pdf_without_pages_is_refused(admin_client, storage):
    response = post_publication_with_files(admin_client, pdf=pdf_without_pages_upload("empty.pdf"))
    assert response.status_code == 200
    assert "empty.pdf" in " ".join(response.context["adminform"].form.errors["pdf"])
    assert [files_under(folder) for folder in storage] == [[], []]


def test_damaged_pdf_is_refused(admin_client, storage):
    from django.core.files.uploadedfile import SimpleUploadedFile

    damaged = SimpleUploadedFile("cut.pdf", pdf_upload().read()[:200])
    response = post_publication_with_files(admin_client, pdf=damaged)
    assert response.status_code == 200
    assert "cut.pdf" in " ".join(response.context["adminform"].form.errors["pdf"])


def test_oversize_pdf_is_refused(admin_client, storage, settings):
    settings.MAX_PDF_MB = 0
    response = post_publication_with_files(admin_client, pdf=pdf_upload("big.pdf"))
    assert response.status_code == 200
    errors = " ".join(response.context["adminform"].form.errors["pdf"])
    assert "“big.pdf”" in errors and "the limit is 0 MB" in errors
    assert [files_under(folder) for folder in storage] == [[], []]


def test_valid_cover_is_stored_under_a_generated_name(admin_client, storage):
    media_root, _ = storage
    response = post_publication_with_files(admin_client, cover=image_upload("Cover photo.png"))
    assert response.status_code == 302, form_errors(response)
    publication = Publication.objects.get()
    assert files_under(media_root) == [publication.cover.name]
    assert publication.cover.name.startswith("covers/") and "photo" not in publication.cover.name
    page = admin_client.get(admin_url(Publication, "change", publication.pk))
    assert f'<img src="{publication.cover.url}"' in page.content.decode()


def test_decompression_bomb_png_is_refused_with_a_form_error(admin_client, storage):
    response = post_publication_with_files(admin_client, cover=png_header_upload("bomb.png"))
    assert response.status_code == 200
    errors = " ".join(response.context["adminform"].form.errors["cover"])
    assert "“bomb.png” has too many pixels" in errors
    assert [files_under(folder) for folder in storage] == [[], []]


def test_image_in_pillows_warning_band_is_refused(admin_client, storage, settings):
    # 100 megapixels: Pillow only warns (89 to 179 MP); a higher limit of ours must not let it in.
    settings.MAX_IMAGE_PIXELS = 150_000_000
    upload = png_header_upload("wide.png", width=10_000, height=10_000)
    response = post_publication_with_files(admin_client, cover=upload)
    assert response.status_code == 200
    assert "“wide.png” has too many pixels" in " ".join(
        response.context["adminform"].form.errors["cover"]
    )


def test_real_image_over_the_pixel_limit_is_refused(admin_client, storage, settings):
    settings.MAX_IMAGE_PIXELS = 1000
    response = post_publication_with_files(admin_client, cover=image_upload(size=(50, 50)))
    assert response.status_code == 200
    assert "too many pixels" in " ".join(response.context["adminform"].form.errors["cover"])


def test_oversize_image_is_refused(admin_client, storage, settings):
    settings.MAX_IMAGE_MB = 0
    response = post_publication_with_files(admin_client, cover=image_upload("huge.png"))
    assert response.status_code == 200
    assert "“huge.png”" in " ".join(response.context["adminform"].form.errors["cover"])


@pytest.mark.parametrize(
    "upload",
    [svg_upload("logo.svg"), image_upload("anim.gif", fmt="GIF"), text_as_pdf_upload("x.png")],
    ids=["svg", "gif", "text"],
)
def test_only_jpeg_png_webp_images_are_accepted(admin_client, storage, upload):
    response = post_publication_with_files(admin_client, cover=upload)
    assert response.status_code == 200
    assert upload.name in " ".join(response.context["adminform"].form.errors["cover"])
    assert [files_under(folder) for folder in storage] == [[], []]


@pytest.mark.parametrize("fmt", ["JPEG", "WEBP"])
def test_jpeg_and_webp_photos_are_accepted(admin_client, storage, fmt):
    data = {
        "name": "Jane Doe",
        "slug": "jane-doe",
        "title": "",
        "bio": "",
        "orcid": "",
        "website": "",
        "email": "",
        "sort_name": "",
        "active": "on",
        "photo": image_upload(f"jane.{fmt.lower()}", fmt=fmt),
    }
    response = admin_client.post(admin_url(Author, "add"), data)
    assert response.status_code == 302
    assert Author.objects.get().photo.name.startswith("experts/")


def test_bomb_photo_for_an_expert_is_refused(admin_client, storage):
    data = {"name": "Jane Doe", "slug": "jane-doe", "photo": png_header_upload("jane.png")}
    response = admin_client.post(admin_url(Author, "add"), data)
    assert response.status_code == 200
    assert "“jane.png” has too many pixels" in " ".join(
        response.context["adminform"].form.errors["photo"]
    )
    assert not Author.objects.exists()


# --- Bulk actions ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("action", "before", "after"),
    [
        ("publish", Publication.Status.DRAFT, Publication.Status.PUBLISHED),
        ("unpublish", Publication.Status.PUBLISHED, Publication.Status.DRAFT),
        ("archive", Publication.Status.PUBLISHED, Publication.Status.ARCHIVED),
    ],
)
def test_bulk_status_actions_change_status_and_write_history(admin_client, action, before, after):
    chosen = PublicationFactory.create_batch(2, status=before)
    untouched = PublicationFactory(status=before)
    response = admin_client.post(
        admin_url(Publication, "changelist"),
        {"action": action, "_selected_action": [str(p.pk) for p in chosen]},
        follow=True,
    )
    assert response.status_code == 200
    for publication in chosen:
        publication.refresh_from_db()
        assert publication.status == after
    untouched.refresh_from_db()
    assert untouched.status == before
    entries = LogEntry.objects.filter(action_flag=2)
    assert sorted(int(e.object_id) for e in entries) == sorted(p.pk for p in chosen)
    assert "2 publications" in response.content.decode()


def test_bulk_action_skips_items_already_in_that_status(admin_client):
    publication = PublicationFactory(status=Publication.Status.PUBLISHED)
    admin_client.post(
        admin_url(Publication, "changelist"),
        {"action": "publish", "_selected_action": [str(publication.pk)]},
    )
    assert not LogEntry.objects.exists()


# --- Protection and links --------------------------------------------------------------------


def test_deleting_a_region_in_use_is_refused(admin_client):
    region = RegionFactory(name="Japan")
    publication = PublicationFactory(regions=[region], title="Japan now")
    url = admin_url(Region, "delete", region.pk)
    page = admin_client.get(url)
    assert page.status_code == 200
    content = page.content.decode()
    assert "Cannot delete region" in content
    assert "would require deleting the following protected related objects" in content
    change_url = admin_url(Publication, "change", publication.pk)
    assert page.context["protected"] == [f'Publication: <a href="{change_url}">Japan now</a>']
    response = admin_client.post(url, {"post": "yes"})
    assert response.status_code == 200
    assert Region.objects.filter(pk=region.pk).exists()


def test_deleting_a_region_with_sub_regions_is_refused(admin_client):
    asia = RegionFactory(name="Asia")
    RegionFactory(name="Japan", parent=asia)
    page = admin_client.get(admin_url(Region, "delete", asia.pk))
    [protected] = page.context["protected"]
    assert protected.startswith("Region: ") and ">Japan</a>" in protected
    admin_client.post(admin_url(Region, "delete", asia.pk), {"post": "yes"})
    assert Region.objects.filter(pk=asia.pk).exists()


def test_deleting_an_unused_region_works(admin_client):
    region = RegionFactory()
    response = admin_client.post(admin_url(Region, "delete", region.pk), {"post": "yes"})
    assert response.status_code == 302
    assert not Region.objects.exists()


def test_changelist_links_public_items_and_previews_drafts(admin_client):
    public = PublicationFactory(slug="public-one")
    draft = PublicationFactory(slug="draft-one", status=Publication.Status.DRAFT)
    content = admin_client.get(admin_url(Publication, "changelist")).content.decode()
    assert f'<a href="{public.get_absolute_url()}" target="_blank" rel="noopener">View on site' in (
        content
    )
    assert f'<a href="{draft.get_absolute_url()}" target="_blank" rel="noopener">Preview' in (
        content
    )


# --- Cost of the changelist ------------------------------------------------------------------


def _changelist_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(admin_url(Publication, "changelist"))
    assert response.status_code == 200
    return queries


def _publication_with_links(series):
    authors = [AuthorFactory(), AuthorFactory()]
    return PublicationFactory(
        series=series,
        authors=authors,
        regions=[RegionFactory()],
        themes=[ThemeFactory()],
        centers=[CenterFactory()],
    )


def test_changelist_query_count_does_not_grow_with_rows(
    admin_client, django_assert_max_num_queries
):
    series = SeriesFactory()
    _publication_with_links(series)
    one = len(_changelist_queries(admin_client))
    for _ in range(20):
        _publication_with_links(SeriesFactory())
    many = len(_changelist_queries(admin_client))
    assert many == one
    # Session, user, the region/theme/center/series filters, two counts, the rows, their
    # authors (one prefetch), the date hierarchy (two).
    with django_assert_max_num_queries(12):
        admin_client.get(admin_url(Publication, "changelist"))


def test_changelist_does_not_load_the_body(admin_client):
    PublicationFactory(body="A very long body " * 100)
    queries = _changelist_queries(admin_client)
    table = Publication._meta.db_table
    for column in ("body", "pdf_text"):
        quoted = connection.ops.quote_name(column)
        assert not any(f"{connection.ops.quote_name(table)}.{quoted}" in q["sql"] for q in queries)


# --- Editors ---------------------------------------------------------------------------------


def test_editors_can_edit_authors_and_pinned_relations_inline(client):
    editor = User.objects.create_user("editor", password="x", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    publication = PublicationFactory(authors=[AuthorFactory()])
    response = client.get(admin_url(Publication, "change", publication.pk))
    assert response.status_code == 200
    prefixes = [f.formset.prefix for f in response.context["inline_admin_formsets"]]
    assert {"publication_authors", "pinned_relations", "slug_redirects"} <= set(prefixes)

    author = AuthorFactory()
    data = publication_post_data(
        publication,
        **{
            "publication_authors-TOTAL_FORMS": "2",
            "publication_authors-1-author": str(author.pk),
            "publication_authors-1-role": "contributor",
            "publication_authors-1-position": "1",
        },
    )
    response = client.post(admin_url(Publication, "change", publication.pk), data)
    assert response.status_code == 302, form_errors(response)
    assert PublicationAuthor.objects.filter(publication=publication).count() == 2


def test_scheduled_publication_shows_preview_link_not_view_on_site(admin_client):
    scheduled = PublicationFactory(publish_at=datetime.datetime(2999, 1, 1, tzinfo=datetime.UTC))
    content = admin_client.get(admin_url(Publication, "change", scheduled.pk)).content.decode()
    assert ">Preview</a>" in content
