"""Two editors, one lost edit no more: every change form of the admin refuses a stale save, names
what changed with both values, and keeps the editor's input (thinktank/edit_conflicts.py)."""

import pytest
from django.contrib.auth import get_user_model

from centers.models import Center
from publications.models import Author, BodyImage, Publication, PublicationAuthor, Series
from taxonomy.models import Region, Theme
from tests.admin_forms import admin_url, form_data, form_errors
from tests.factories import (
    AuthorFactory,
    CenterFactory,
    PublicationFactory,
    RegionFactory,
    SeriesFactory,
    ThemeFactory,
)
from thinktank.edit_conflicts import KEEP_THEIRS_FIELD, TOKEN_FIELD

pytestmark = pytest.mark.django_db


@pytest.fixture
def alice(client):
    return _editor("alice")


@pytest.fixture
def bob():
    return _editor("bob")


def _editor(name):
    return get_user_model().objects.create_superuser(name, f"{name}@example.org", "x")


def opened(client, user, obj, form_id=None):
    """The change form of `obj` as `user` has it in the browser: its fields' values."""
    client.force_login(user)
    response = client.get(admin_url(type(obj), "change", obj.pk))
    assert response.status_code == 200
    return form_data(response, form_id or f"{obj._meta.model_name}_form")


def save(client, user, obj, data):
    client.force_login(user)
    return client.post(admin_url(type(obj), "change", obj.pk), data)


def conflict_rows(response):
    """{field label: (theirs, yours, keep theirs ticked)} of the conflict table."""
    conflict = response.context["edit_conflict"]
    assert conflict is not None, form_errors(response)
    return {part.label: (part.theirs, part.yours, not part.you_changed) for part in conflict.parts}


# --- The example ---------------------------------------------------------------------
def test_stale_title_fix_gets_a_conflict_and_the_other_summary_survives(client, alice, bob):
    publication = PublicationFactory(title="Nuclear posture", summary="Old summary.")
    form_a = opened(client, alice, publication)
    form_b = opened(client, bob, publication)

    form_a["summary"] = "A new summary by Alice."
    assert save(client, alice, publication, form_a).status_code == 302

    form_b["title"] = "Nuclear Posture Review"
    response = save(client, bob, publication, form_b)

    assert response.status_code == 200
    publication.refresh_from_db()
    assert publication.summary == "A new summary by Alice."
    assert publication.title == "Nuclear posture"  # nothing of Bob's stale form was written
    rows = conflict_rows(response)
    assert rows == {"Summary": ("A new summary by Alice.", "Old summary.", True)}
    page = response.content.decode()
    assert "Someone else saved this publication after you opened it" in page
    assert "alice (" in page  # who saved in between
    # Bob's input is still in the form.
    assert response.context["adminform"].form["title"].value() == "Nuclear Posture Review"


def test_saving_again_after_the_conflict_keeps_both_edits(client, alice, bob):
    publication = PublicationFactory(title="Nuclear posture", summary="Old summary.")
    form_a = opened(client, alice, publication)
    form_b = opened(client, bob, publication)
    form_a["summary"] = "A new summary by Alice."
    save(client, alice, publication, form_a)
    form_b["title"] = "Nuclear Posture Review"
    refused = save(client, bob, publication, form_b)

    # Bob saves the form he got back, as it is (the summary's "keep their value" is ticked).
    again = form_data(refused, "publication_form")
    assert again[KEEP_THEIRS_FIELD] == "summary"
    response = save(client, bob, publication, again)
    assert response.status_code == 302, form_errors(response)
    publication.refresh_from_db()
    assert publication.title == "Nuclear Posture Review"
    assert publication.summary == "A new summary by Alice."


def test_both_changed_one_field_neither_value_is_lost_and_the_editor_chooses(client, alice, bob):
    publication = PublicationFactory(summary="Old summary.")
    form_a = opened(client, alice, publication)
    form_b = opened(client, bob, publication)
    form_a["summary"] = "Alice's summary."
    save(client, alice, publication, form_a)
    form_b["summary"] = "Bob's summary."
    refused = save(client, bob, publication, form_b)

    assert conflict_rows(refused) == {"Summary": ("Alice's summary.", "Bob's summary.", False)}
    publication.refresh_from_db()
    assert publication.summary == "Alice's summary."
    # Unticked by default: saving again stores Bob's value, now knowingly.
    again = form_data(refused, "publication_form")
    assert KEEP_THEIRS_FIELD not in again
    assert save(client, bob, publication, again).status_code == 302
    publication.refresh_from_db()
    assert publication.summary == "Bob's summary."


def test_a_third_save_in_between_is_caught_again(client, alice, bob):
    publication = PublicationFactory(summary="One.")
    form_a = opened(client, alice, publication)
    form_b = opened(client, bob, publication)
    form_a["summary"] = "Two."
    save(client, alice, publication, form_a)
    refused = save(client, bob, publication, {**form_b, "title": "Bob's title"})
    again = form_data(refused, "publication_form")
    # Alice saves once more while Bob reads the table.
    form_a = opened(client, alice, publication)
    form_a["summary"] = "Three."
    save(client, alice, publication, form_a)
    response = save(client, bob, publication, again)
    assert conflict_rows(response) == {"Summary": ("Three.", "One.", True)}
    publication.refresh_from_db()
    assert publication.summary == "Three."


def test_a_change_made_outside_the_admin_is_caught_too(client, bob):
    publication = PublicationFactory(title="Before")
    form_b = opened(client, bob, publication)
    Publication.objects.filter(pk=publication.pk).update(subtitle="Set by an import")
    response = save(client, bob, publication, {**form_b, "title": "After"})
    assert conflict_rows(response) == {"Subtitle": ("Set by an import", "—", True)}
    assert "by another process" in response.content.decode()


def test_an_unchanged_object_saves_without_a_conflict(client, alice):
    publication = PublicationFactory(summary="Line one\r\nline two", title="T")
    data = opened(client, alice, publication)
    data["title"] = "T2"
    response = save(client, alice, publication, data)
    assert response.status_code == 302, form_errors(response)


def test_a_form_refused_for_another_reason_still_stands_on_its_version(client, alice, bob):
    publication = PublicationFactory(summary="One.")
    form_b = opened(client, bob, publication)
    refused = save(client, bob, publication, {**form_b, "title": ""})  # required
    assert refused.status_code == 200
    assert refused.context["edit_conflict"] is None
    form_a = opened(client, alice, publication)
    save(client, alice, publication, {**form_a, "summary": "Two."})
    again = form_data(refused, "publication_form")
    again["title"] = "Fixed"
    assert conflict_rows(save(client, bob, publication, again)) == {
        "Summary": ("Two.", "One.", True)
    }


def test_a_tampered_token_saves_nothing(client, alice):
    publication = PublicationFactory(title="T")
    data = opened(client, alice, publication)
    data[TOKEN_FIELD] = data[TOKEN_FIELD][:-3] + "xyz"
    response = save(client, alice, publication, {**data, "title": "Changed"})
    assert response.status_code == 200
    assert "could not be checked against the saved version" in response.content.decode()
    publication.refresh_from_db()
    assert publication.title == "T"


# --- Inlines and many-to-many ------------------------------------------------------------------
def test_authors_added_by_another_editor_are_a_conflict_and_survive(client, alice, bob):
    jane, john = AuthorFactory(name="Jane Doe"), AuthorFactory(name="John Roe")
    publication = PublicationFactory(authors=[jane], title="T")
    form_a = opened(client, alice, publication)
    form_b = opened(client, bob, publication)
    form_a.update(
        {
            "publication_authors-TOTAL_FORMS": "2",
            "publication_authors-1-author": str(john.pk),
            "publication_authors-1-role": "author",
            "publication_authors-1-position": "2",
        }
    )
    assert save(client, alice, publication, form_a).status_code == 302
    assert PublicationAuthor.objects.filter(publication=publication).count() == 2

    response = save(client, bob, publication, {**form_b, "title": "Bob's title"})
    rows = conflict_rows(response)
    theirs, yours, keep = rows["Authors"]
    assert "Jane Doe" in theirs and "John Roe" in theirs
    assert "Jane Doe" in yours and "John Roe" not in yours
    assert keep is True
    assert list(publication.publication_authors.values_list("author__name", flat=True)) == [
        "Jane Doe",
        "John Roe",
    ]
    # Saved again as it came back: Bob's title, Alice's authors.
    again = form_data(response, "publication_form")
    assert save(client, bob, publication, again).status_code == 302
    publication.refresh_from_db()
    assert publication.title == "Bob's title"
    assert publication.publication_authors.count() == 2


def test_a_role_changed_by_another_editor_is_named_with_both_rows(client, alice, bob):
    jane = AuthorFactory(name="Jane Doe")
    publication = PublicationFactory(authors=[jane])
    form_a = opened(client, alice, publication)
    form_b = opened(client, bob, publication)
    save(client, alice, publication, {**form_a, "publication_authors-0-role": "editor"})
    form_b["publication_authors-0-position"] = "3"
    rows = conflict_rows(save(client, bob, publication, form_b))
    theirs, yours, keep = rows["Authors"]
    assert "Editor" in theirs and "Author" in yours
    assert keep is False  # Bob changed the row too: his choice
    assert publication.publication_authors.get().role == "editor"


def test_regions_changed_by_another_editor_are_a_conflict(client, alice, bob):
    asia, europe = RegionFactory(name="Asia"), RegionFactory(name="Europe")
    publication = PublicationFactory(regions=[asia])
    form_a = opened(client, alice, publication)
    form_b = opened(client, bob, publication)
    save(client, alice, publication, {**form_a, "regions": [str(asia.pk), str(europe.pk)]})
    rows = conflict_rows(save(client, bob, publication, {**form_b, "title": "New"}))
    assert rows["Regions"] == ("Asia, Europe", "Asia", True)
    assert set(publication.regions.values_list("name", flat=True)) == {"Asia", "Europe"}


# --- The other change forms of the site ---------------------------------------------------------
@pytest.mark.parametrize(
    ("factory", "field", "label"),
    [
        (lambda: AuthorFactory(bio="Old bio."), "bio_en", "Biography [en]"),
        (lambda: SeriesFactory(), "issn", "ISSN"),
        (lambda: RegionFactory(name="Asia"), "description_en", "Description [en]"),
        (lambda: ThemeFactory(name="Energy"), "description_en", "Description [en]"),
        (lambda: CenterFactory(name="Asia Center"), "summary_en", "Summary [en]"),
    ],
    ids=["author", "series", "region", "theme", "center"],
)
def test_every_change_form_refuses_a_stale_save(client, alice, bob, factory, field, label):
    obj = factory()
    model = type(obj)
    form_a = opened(client, alice, obj)
    form_b = opened(client, bob, obj)
    value = "1050-124X" if field == "issn" else "Alice's text."
    response = save(client, alice, obj, {**form_a, field: value})
    assert response.status_code == 302, form_errors(response)

    name_field = "name_en" if "name_en" in form_b else "name"
    response = save(client, bob, obj, {**form_b, name_field: "Renamed by Bob"})
    assert response.status_code == 200
    rows = conflict_rows(response)
    assert list(rows) == [label]
    theirs, _yours, keep = rows[label]
    assert theirs == value and keep is True
    stored = model.objects.get(pk=obj.pk)
    assert getattr(stored, field) == value
    assert stored.name != "Renamed by Bob"


def test_models_guarded_are_every_model_with_a_change_form():
    from django.contrib import admin

    from thinktank.admin import EditConflictMixin

    editable = {
        model
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label in {"publications", "taxonomy", "centers"}
        and type(model_admin).has_change_permission is not None
        and "has_change_permission" not in type(model_admin).__dict__
    }
    assert editable == {Publication, Author, Series, Region, Theme, Center, BodyImage}
    for model in editable:
        assert isinstance(admin.site._registry[model], EditConflictMixin), model
