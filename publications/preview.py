"""Previews of unpublished publications, and the answers of the detail URL for items that are
not (or no longer) there: 410 Gone for a withdrawn item (an old slug's 301 is
thinktank/redirects.py's).

- Staff who may see the item (see permissions.can_view) get a draft, an item in review, a scheduled
  or an archived item at its public URL, with the "Preview, not published" banner.
- Anyone holding a signed preview link (`?preview=<token>`, made by `preview_url()`, valid for
  `PREVIEW_LINK_MAX_AGE` seconds, 7 days by default) gets the same, without an account.
  A tampered or expired token answers 403.
- A preview is never cached for the public: `Cache-Control: private, no-store`, and
  `X-Robots-Tag: noindex` besides the `<meta name="robots">` of the template.
"""

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from . import permissions
from .models import Publication
from .related import related_publications

SALT = "publications.preview"
DEFAULT_MAX_AGE = 7 * 24 * 60 * 60


def max_age_seconds():
    return int(getattr(settings, "PREVIEW_LINK_MAX_AGE", DEFAULT_MAX_AGE))


def preview_token(publication):
    """A signed, timestamped token naming the publication (by pk, so it names nothing else)."""
    return signing.dumps({"pk": publication.pk}, salt=SALT)


def preview_url(publication):
    """The absolute preview link an editor sends to an outside reviewer."""
    return (
        f"{settings.SITE_URL}{publication.get_absolute_url()}?preview={preview_token(publication)}"
    )


def _token_publication(request, token, slug):
    try:
        data = signing.loads(token, salt=SALT, max_age=max_age_seconds())
    except signing.BadSignature as error:  # SignatureExpired is a BadSignature
        # An old link to an item published since then simply shows the public page.
        if Publication.objects.published().filter(slug=slug).exists():
            return None
        if isinstance(error, signing.SignatureExpired):
            raise PermissionDenied(_("This preview link has expired.")) from None
        raise PermissionDenied(_("This preview link is not valid.")) from None
    pk = data.get("pk") if isinstance(data, dict) else None
    return Publication.objects.for_detail().with_is_public().filter(pk=pk, slug=slug).first()


def preview_publication_for(request, slug):
    """The unpublished publication at `slug` that this request may preview, or None (then the
    detail view goes on as for anyone). Raises PermissionDenied for a bad preview token."""
    token = request.GET.get("preview")
    if token:
        publication = _token_publication(request, token, slug)
    else:
        user = getattr(request, "user", None)
        if user is None or not (user.is_authenticated and user.is_staff):
            return None
        publication = Publication.objects.for_detail().with_is_public().filter(slug=slug).first()
        if publication is not None and not permissions.can_view(user, publication):
            return None
    if publication is None or publication.is_public:
        return None
    return publication


def mark_private(response):
    """Never stored by a shared cache nor indexed."""
    patch_cache_control(response, private=True, no_store=True, no_cache=True, max_age=0)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def gone_or_moved(request, slug):
    """For a slug that is not a public publication: 410 for an archived item (its citation
    data and up to 3 current related publications); None otherwise (404; an old slug's 301
    comes from thinktank/redirects.py)."""
    # The citation data of a list row, body left out.
    archived = (
        Publication.objects.for_listing()
        .filter(slug=slug, status=Publication.Status.ARCHIVED)
        .first()
    )
    if archived is not None:
        # Where a reader can go instead: current pieces on the same subjects.
        context = {"publication": archived, "related": related_publications(archived, limit=3)}
        response = TemplateResponse(
            request, "publications/publication_gone.html", context, status=410
        )
        response["X-Robots-Tag"] = "noindex"
        return response
    return None


class PublicationWorkflowMixin:
    """For the publication DetailView: previews, 410 for archived items.

    Usage: `class PublicationDetailView(PublicationWorkflowMixin, DetailView)`; the template
    adds `{% include "includes/preview_banner.html" %}` and, in its head, the robots meta
    when `is_preview` (see templates/includes/preview_banner.html)."""

    preview_object = None

    def dispatch(self, request, *args, **kwargs):
        slug = kwargs[self.slug_url_kwarg]
        self.preview_object = preview_publication_for(request, slug)
        try:
            return super().dispatch(request, *args, **kwargs)
        except Http404:
            response = gone_or_moved(request, slug)
            if response is None:
                raise
            return response

    def get_object(self, queryset=None):
        if self.preview_object is not None:
            return self.preview_object
        return super().get_object(queryset)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["is_preview"] = self.preview_object is not None
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if self.preview_object is not None:
            mark_private(response)
        return response
