"""Who may do what with a publication: the editorial roles as permission checks.

The groups (see migration 0006) only bundle permissions; every check here is on a permission,
so a superuser or a custom group works the same way:

- `publications.publish_publication` (Editors): publish, schedule, unpublish, archive, and edit
  anything.
- `publications.review_publication` (Reviewers): move an item between draft and review, comment;
  change items that are in draft or review, never a published or archived one.
- `publications.change_publication` (Contributors): create drafts, change only the drafts
  they created; they see only their own items. With `publications.submit_publication` (given to
  Contributors) they also send their own drafts to review, which ends their editing.
"""

from .models import Publication

Status = Publication.Status
PUBLISH_PERMISSION = "publications.publish_publication"
REVIEW_PERMISSION = "publications.review_publication"
SUBMIT_PERMISSION = "publications.submit_publication"


def can_publish(user):
    return user.has_perm(PUBLISH_PERMISSION)


def can_review(user):
    return can_publish(user) or user.has_perm(REVIEW_PERMISSION)


def can_submit(user, publication):
    """May `user` send this draft to review? Reviewers and editors any draft; a contributor
    with the submit permission only a draft they may change (their own)."""
    if publication.status != Status.DRAFT:
        return False
    if can_review(user):
        return True
    return user.has_perm(SUBMIT_PERMISSION) and can_change(user, publication)


def sees_all(user):
    """Reviewers and editors see every publication; contributors only the ones they created."""
    return can_review(user)


def visible_publications(user, queryset):
    return queryset if sees_all(user) else queryset.filter(created_by=user)


def can_change(user, publication):
    """May `user` save this publication (its fields, authors, taxonomy)?"""
    if not user.has_perm("publications.change_publication"):
        return False
    if publication is None or can_publish(user):
        return True
    if can_review(user):
        return publication.status in (Status.DRAFT, Status.REVIEW)
    return publication.status == Status.DRAFT and publication.created_by_id == user.pk


def can_view(user, publication):
    """May `user` see this publication in the admin or as a preview?"""
    if not (
        user.has_perm("publications.view_publication")
        or user.has_perm("publications.change_publication")
    ):
        return False
    return sees_all(user) or publication.created_by_id == user.pk
