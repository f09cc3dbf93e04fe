"""Multi-step writes on publications."""

from django.db import transaction

from .models import Publication, SlugRedirect


@transaction.atomic
def publication_change_slug(*, publication: Publication, new_slug: str) -> Publication:
    """Give a publication a new slug and keep its old URLs answering (301) forever."""
    old_slug = publication.slug
    if new_slug == old_slug:
        return publication
    # The new slug may be an old one of this or another publication: it is now taken for real.
    SlugRedirect.objects.filter(old_slug=new_slug).delete()
    publication.slug = new_slug
    publication.save(update_fields=["slug", "updated_at"])
    SlugRedirect.objects.update_or_create(old_slug=old_slug, defaults={"publication": publication})
    return publication


def slug_redirect_record(*, publication: Publication, old_slug: str) -> None:
    """Record that `old_slug` used to name `publication` (when the slug was already saved)."""
    if old_slug and old_slug != publication.slug:
        SlugRedirect.objects.filter(old_slug=publication.slug).delete()
        SlugRedirect.objects.update_or_create(
            old_slug=old_slug, defaults={"publication": publication}
        )


# --- Status changes (the admin's bulk actions) --------------------------------------------------
# Kept small on purpose: the publishing workflow (who may publish, review steps) builds on them.


def _publication_set_status(*, publication: Publication, status: str) -> Publication:
    publication.status = status
    publication.save(update_fields=["status", "updated_at"])
    return publication


def publication_publish(*, publication: Publication, user=None) -> Publication:
    """Make a publication public (a future `publish_at` still holds it back until then)."""
    return _publication_set_status(publication=publication, status=Publication.Status.PUBLISHED)


def publication_unpublish(*, publication: Publication, user=None) -> Publication:
    """Take a publication off the site, back to draft."""
    return _publication_set_status(publication=publication, status=Publication.Status.DRAFT)


def publication_archive(*, publication: Publication, user=None) -> Publication:
    """Withdraw a publication from the site, keeping it apart from drafts."""
    return _publication_set_status(publication=publication, status=Publication.Status.ARCHIVED)
