"""The status services refuse whoever lacks the permission, whatever calls them (the admin's
forms and actions are tested in tests/publications/admin/test_roles.py)."""

import datetime

import pytest
from django.contrib.auth.models import Group, User
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from publications import services
from publications.models import Publication
from tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db

Status = Publication.Status


def make_user(role):
    user = User.objects.create_user(role.lower(), password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.mark.parametrize(
    "service",
    [
        services.publication_publish,
        services.publication_unpublish,
        services.publication_archive,
    ],
)
@pytest.mark.parametrize("role", ["Contributors", "Reviewers", None])
def test_publishing_services_refuse_without_the_permission(service, role):
    user = make_user(role) if role else None
    publication = PublicationFactory(status=Status.REVIEW)
    if service is services.publication_unpublish:
        publication = PublicationFactory(status=Status.PUBLISHED)
    before = publication.status
    with pytest.raises(PermissionDenied):
        service(publication=publication, user=user)
    publication.refresh_from_db()
    assert publication.status == before


def test_schedule_service_refuses_a_reviewer():
    publication = PublicationFactory(status=Status.REVIEW)
    with pytest.raises(PermissionDenied):
        services.publication_schedule(
            publication=publication,
            user=make_user("Reviewers"),
            publish_at=timezone.now() + datetime.timedelta(days=1),
        )


def test_review_services_refuse_a_contributor():
    draft = PublicationFactory(status=Status.DRAFT)
    with pytest.raises(PermissionDenied):
        services.publication_submit_for_review(publication=draft, user=make_user("Contributors"))
