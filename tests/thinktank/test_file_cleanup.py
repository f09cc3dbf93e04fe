"""Replaced and deleted files leave storage once nothing refers to them, never before the
commit (thinktank/files.py), and `cleanup_media` finds what is left (thinktank/management/)."""

import os
import time
from io import StringIO

import pytest
import reversion
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

from centers.models import Center
from publications.models import Publication
from tests.admin_forms import form_data
from tests.factories import CenterFactory, PublicationFactory
from tests.upload_files import files_under, image_upload, isolate_storage
from thinktank.files import file_release


@pytest.fixture
def storage(tmp_path, settings, monkeypatch):
    return isolate_storage(tmp_path, settings, monkeypatch)


def with_cover(name="first.png"):
    publication = PublicationFactory()
    publication.cover.save(name, image_upload(name), save=True)
    return publication


def replace_cover(publication, name="second.png"):
    old = publication.cover.name
    publication.cover.save(name, image_upload(name), save=True)
    file_release(publication.cover.storage, old)
    return old


@pytest.mark.django_db
def test_a_replaced_cover_is_deleted_once_the_transaction_commits(
    storage, django_capture_on_commit_callbacks
):
    publication = with_cover()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        old = replace_cover(publication)
        assert publication.cover.storage.exists(old)  # not before the commit
    for callback in callbacks:  # the commit
        callback()
    assert not publication.cover.storage.exists(old)
    assert publication.cover.storage.exists(publication.cover.name)


@pytest.mark.django_db
def test_a_replaced_cover_that_a_revision_refers_to_is_kept(
    storage, django_capture_on_commit_callbacks
):
    publication = with_cover()
    with reversion.create_revision():
        publication.save()  # the revision holds the first cover's name
    with django_capture_on_commit_callbacks(execute=True):
        old = replace_cover(publication)
    assert publication.cover.storage.exists(old)  # restoring the revision brings it back


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_replacement_keeps_the_old_file(storage):
    publication = with_cover()
    old = publication.cover.name
    with pytest.raises(RuntimeError), transaction.atomic():
        replace_cover(publication)
        raise RuntimeError("the save fails after the new file was stored")
    assert Publication.objects.get(pk=publication.pk).cover.name == old
    assert publication.cover.storage.exists(old)


@pytest.mark.django_db
def test_replacing_a_center_image_in_the_admin_deletes_the_old_one_after_the_commit(
    admin_client, storage, django_capture_on_commit_callbacks
):
    media_root, _ = storage
    center = CenterFactory()
    center.image.save("old.png", image_upload("old.png"), save=True)
    old = center.image.name
    change_url = reverse("admin:centers_center_change", args=[center.pk])
    data = form_data(admin_client.get(change_url), "center_form")
    data["image"] = image_upload("new.jpg", fmt="JPEG")
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(change_url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    new = Center.objects.get(pk=center.pk).image.name
    assert new != old
    assert files_under(media_root) == [new]


@pytest.mark.django_db
def test_cleanup_media_lists_then_deletes_only_old_unreferenced_files(storage):
    media_root, _ = storage
    kept = with_cover("kept.png").cover.name
    storage_ = Publication._meta.get_field("cover").storage
    orphan = storage_.save("covers/orphan.png", ContentFile(b"x"))
    young = storage_.save("covers/young.png", ContentFile(b"y"))
    hour_ago = time.time() - 2 * 3600
    for name in (orphan, kept):
        os.utime(media_root / name, (hour_ago, hour_ago))

    out = StringIO()
    call_command("cleanup_media", "--dry-run", stdout=out)
    assert f"would delete {orphan}" in out.getvalue()
    assert "1 unreferenced" in out.getvalue()
    assert storage_.exists(orphan)

    call_command("cleanup_media", stdout=StringIO())
    assert not storage_.exists(orphan)
    assert storage_.exists(kept) and storage_.exists(young)
