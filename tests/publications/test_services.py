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


def test_scheduling_is_refused_to_a_reviewer():
    publication = PublicationFactory(status=Status.REVIEW)
    with pytest.raises(PermissionDenied):
        services.publication_set_status(
            publication=publication,
            user=make_user("Reviewers"),
            status=Status.PUBLISHED,
            publish_at=timezone.now() + datetime.timedelta(days=1),
        )


@pytest.mark.parametrize(
    ("group", "status", "allowed"),
    [
        ("Contributors", Status.DRAFT, [Status.DRAFT]),
        ("Reviewers", Status.DRAFT, [Status.DRAFT, Status.REVIEW]),
        ("Reviewers", Status.REVIEW, [Status.DRAFT, Status.REVIEW]),
        ("Editors", Status.DRAFT, list(Status.values)),
    ],
)
def test_the_statuses_a_user_may_give_follow_the_transition_rule(group, status, allowed):
    publication = PublicationFactory(status=status)
    user = make_user(group)
    assert services.publication_allowed_statuses(publication=publication, user=user) == allowed


def test_review_services_refuse_a_contributor():
    draft = PublicationFactory(status=Status.DRAFT)
    with pytest.raises(PermissionDenied):
        services.publication_submit_for_review(publication=draft, user=make_user("Contributors"))
