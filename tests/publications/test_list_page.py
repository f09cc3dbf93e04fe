"""The list page: filters as chips, pagination, facet counts in the form, notices."""

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from tests.factories import PublicationFactory, RegionFactory

pytestmark = pytest.mark.django_db


def test_list_filter_by_parent_region_includes_children_and_shows_chips(client, catalogue):
    tagged = PublicationFactory(title="On Japan", regions=[catalogue["japan"]])
    PublicationFactory(title="On nothing")
    response = client.get(reverse("publications:list"), {"region": "asia", "type": "analysis"})
    assert list(response.context["publications"]) == [tagged]
    assert response.context["paginator"].count == 1
    chips = {chip["param"]: chip for chip in response.context["chips"]}
    assert chips["region"]["value"] == "Asia"
    # Removing the region chip keeps the type filter.
    assert parse_qs(urlsplit(chips["region"]["url"]).query) == {"type": ["analysis"]}


def test_list_with_unknown_and_malformed_values_never_fails(client, catalogue):
    response = client.get(
        reverse("publications:list"), {"region": "atlantis", "year_from": "abc", "page": "zz"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "No publication matches" in html
    assert "atlantis" in html  # named in the notice of what was ignored


def test_pagination_links_keep_the_filters(client, catalogue, make_many):
    make_many(45)
    response = client.get(reverse("publications:list"), {"region": "asia", "page": "2"})
    pages = response.context["pages"]
    for url in (pages["previous"], pages["next"]):
        query = parse_qs(urlsplit(url).query)
        assert query["region"] == ["asia"]
    assert parse_qs(urlsplit(pages["next"]).query)["page"] == ["3"]
    assert "page" not in parse_qs(urlsplit(pages["previous"]).query)  # page 1 has no number


def test_list_sidebar_includes_facets(client, analysis):
    response = client.get(reverse("publications:list"))
    regions = {o.value: o.count for o in response.context["options"]["region"]}
    assert regions == {"asia": 1, "japan": 1}
    content = response.content.decode()
    # Each option of the filter form shows its count.
    assert 'value="japan">Japan <small>1</small>' in content


def test_search_results_show_a_highlighted_snippet(client):
    PublicationFactory(title="Ports", summary="The Arctic <b>route</b> and its shipping lanes.")
    content = client.get(reverse("publications:list"), {"q": "arctic"}).content.decode()
    assert "<mark>Arctic</mark>" in content
    assert "<b>route</b>" not in content  # the summary's markup never becomes HTML


def test_ignored_input_is_explained_once(client):
    PublicationFactory()
    content = client.get(reverse("publications:list"), {"q": "!!!", "year_from": "abc"}).content
    content = content.decode()
    assert "notice-warning" in content
    assert "The search has no words to look for" in content
    assert "Some filters were not understood" not in content


def test_filter_form_options_show_their_facet_counts(client):
    asia = RegionFactory(slug="asia", name="Asia")
    PublicationFactory(regions=[asia])
    PublicationFactory(regions=[asia])
    response = client.get(reverse("publications:list"))
    assert [o.count for o in response.context["options"]["region"] if o.value == "asia"] == [2]
    assert 'value="asia">Asia <small>2</small>' in response.content.decode()


def _tree_html(content, name):
    start = content.index(f"<legend>{name}</legend>")
    return content[start : content.index("</fieldset>", start)]


def test_filter_trees_show_every_node_nested_with_ticked_branches_open(client):
    asia = RegionFactory(slug="asia", name="Asia")
    japan = RegionFactory(slug="japan", name="Japan", parent=asia)
    RegionFactory(slug="tokyo", name="Tokyo", parent=japan)
    europe = RegionFactory(slug="europe", name="Europe")
    RegionFactory(slug="france", name="France", parent=europe)
    PublicationFactory(regions=[japan])
    response = client.get(reverse("publications:list"), {"region": "tokyo"})
    tree = _tree_html(response.content.decode(), "Region")
    # Every node is in the page (no inner scroll box hides any), children inside their parent's
    # <details>; the branch holding the ticked Tokyo starts open, Europe's stays folded.
    assert "max-height" not in tree
    asia_at, japan_at, tokyo_at = (tree.index(f'value="{s}"') for s in ("asia", "japan", "tokyo"))
    assert asia_at < japan_at < tokyo_at
    assert tree.count("<details open>") == 2  # Asia's and Japan's sub-lists
    assert tree.count("<details>") == 1  # Europe's
    assert tree.count("<ul>") == tree.count("</ul>") - 1  # the outer <ul class="tree"> too
    assert tree.count("<details") == tree.count("</details>")
    assert 'value="tokyo" checked>' in tree
    assert "<summary><span>Inside Europe</span></summary>" in tree


def test_filter_tree_with_nothing_ticked_starts_folded(client):
    asia = RegionFactory(slug="asia", name="Asia")
    RegionFactory(slug="japan", name="Japan", parent=asia)
    tree = _tree_html(client.get(reverse("publications:list")).content.decode(), "Region")
    assert "<details open>" not in tree and tree.count("<details>") == 1


def test_export_links_keep_the_current_filters(client):
    asia = RegionFactory(slug="asia")
    PublicationFactory(regions=[asia])
    response = client.get(reverse("publications:list"), {"region": "asia", "page": "1"})
    content = response.content.decode()
    for name in ("export_csv", "export_bib", "export_ris", "export_pdf"):
        href = content.split(f'href="{reverse(f"publications:{name}")}', 1)[1].split('"', 1)[0]
        query = parse_qs(urlsplit(href.replace("&amp;", "&")).query)
        assert query == {"region": ["asia"]}, name


def test_no_export_links_for_an_empty_result(client):
    content = client.get(reverse("publications:list"), {"q": "nothing-matches"}).content
    assert reverse("publications:export_csv").encode() not in content


def test_an_author_parameter_with_a_nul_byte_is_ignored(client):
    PublicationFactory()
    response = client.get(reverse("publications:list"), {"author": "a\x00b"})
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("query", "tidy"),
    [
        # What the filter form sends when only a region is ticked.
        ("q=&region=asia&series=&sort=newest", "region=asia"),
        ("q=nuclear&sort=relevance&year_from=", "q=nuclear"),
        ("q=+&type=report", "type=report"),
        ("q=&sort=newest", ""),
        # Unknown values stay, so that the page can say it ignored them.
        ("region=nowhere&theme=", "region=nowhere"),
    ],
)
def test_filter_urls_drop_empty_parameters_and_the_default_sort(client, query, tidy):
    response = client.get(f"/publications/?{query}")
    assert response.status_code == 302
    assert response["Location"] == "/publications/" + (f"?{tidy}" if tidy else "")


@pytest.mark.parametrize(
    "query", ["region=asia", "q=nuclear&sort=newest", "sort=title", "region=a&region=b"]
)
def test_tidy_filter_urls_are_served_as_they_are(client, query):
    assert client.get(f"/publications/?{query}").status_code == 200


def test_reversed_year_range_is_read_as_meant_and_said(client):
    inside = PublicationFactory(slug="in-2022", published_on=datetime.date(2022, 5, 1))
    PublicationFactory(slug="in-2019", published_on=datetime.date(2019, 5, 1))

    response = client.get("/publications/?year_from=2025&year_to=2020")

    assert list(response.context["publications"]) == [inside]
    html = response.content.decode()
    assert "The years were in reverse order: showing 2020 to 2025." in html
    api = client.get("/api/v1/publications/?year_from=2025&year_to=2020").json()
    assert [item["slug"] for item in api["results"]] == ["in-2022"]


def test_cards_mark_items_in_another_language_than_the_page(client):
    PublicationFactory(slug="english-one", title="Deterrence today", language="en")
    PublicationFactory(slug="french-one", title="La dissuasion", language="fr")

    french = client.get("/fr/publications/").content.decode()
    english = client.get("/publications/").content.decode()

    assert french.count('<span class="card-lang-note">(en anglais)</span>') == 1
    assert "(en français)" not in french
    assert english.count('<span class="card-lang-note">(in French)</span>') == 1
    assert "(in English)" not in english


def test_filter_option_labels_are_escaped(client):
    RegionFactory(slug="odd", name='<b>Bold</b> & "quoted"')
    PublicationFactory()
    content = client.get(reverse("publications:list")).content.decode()
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; &quot;quoted&quot;" in content
    assert "<b>Bold</b>" not in content
