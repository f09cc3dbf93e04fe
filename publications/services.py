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
