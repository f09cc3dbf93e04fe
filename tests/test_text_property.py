"""Issue 14's property: arbitrary Unicode text, control characters included, fed through the
import and the admin's change form, never gives a 500 and every public output stays a
well-formed document (page, feeds, sitemap, API, CSV, BibTeX, RIS, PDF edition; see
tests/public_outputs.py for how each is parsed)."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from publications.models import Publication
from tests.admin_forms import admin_url, form_data
from tests.factories import AuthorFactory, PublicationFactory
from tests.public_outputs import every_output
from tests.publications.interchange.documents import CONTRACT_EXAMPLE, run_import
from tests.upload_files import isolate_storage
from thinktank.text import clean_text

pytestmark = pytest.mark.django_db

NASTY = list("\x00\x01\x08\x0b\x0c\r\x1b\x1f\x7f\x85\x9b\u00a0\u200b\u2028\u2029\ufeff\ufffe\uffff")
NASTY += ["\U0010ffff", "e\u0301", "&<>\"'", "{}\\%$#_~^", "=1+1", "ER  - ", "]]>", "</script>"]
# Any code point but lone surrogates (which JSON files may hold and the import refuses, see
# test_editor_files.py), mixed with the characters that broke outputs before.
pieces = st.one_of(
    st.text(st.characters(exclude_categories=["Cs"]), max_size=12), st.sampled_from(NASTY)
)
texts = st.lists(pieces, max_size=6).map("".join)
PROPERTY = settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def storage(tmp_path, settings, monkeypatch):
    return isolate_storage(tmp_path, settings, monkeypatch)


@PROPERTY
@given(title=texts, summary=texts, name=texts, region=texts)
def test_any_text_imported_keeps_every_output_well_formed(
    client, storage, tmp_path, title, summary, name, region
):
    document = json.loads(json.dumps(CONTRACT_EXAMPLE))
    record = document["publications"][0]
    record.update(
        title="T " + title, subtitle=title, summary=summary, body=summary, source=name, pdf=None
    )
    document["authors"][0]["name"] = "A " + name
    document["authors"][0]["bio"] = summary
    document["regions"][1]["name"] = "R " + region
    document["series"][0]["name"] = "S " + region
    path = tmp_path / "import.json"
    path.write_text(json.dumps(document), encoding="utf-8")

    run_import(path)

    publication = Publication.objects.get(slug=record["slug"])
    assert publication.summary == clean_text(summary)
    every_output(client, publication)


@PROPERTY
@given(title=texts, summary=texts)
def test_any_text_typed_in_the_admin_keeps_every_output_well_formed(
    admin_client, client, storage, title, summary
):
    publication = Publication.objects.filter(slug="typed").first() or PublicationFactory(
        slug="typed", authors=[AuthorFactory()]
    )
    url = admin_url(Publication, "change", publication.pk)
    data = form_data(admin_client.get(url))
    data.update(title="T " + title, subtitle=title, summary=summary, body=summary)

    response = admin_client.post(url, data)

    assert response.status_code in (200, 302)  # saved, or the form shown with its errors
    if response.status_code == 302:
        publication.refresh_from_db()
        assert publication.summary == clean_text(summary).strip()
    every_output(client, publication)
