"""The PDF of a publication, its `/pdf/` shortcut, and the reading list of a filtered list.

Only `Publication.objects.published()` has a PDF URL: anything else is a 404 (with no-store
caching headers), whoever guesses the URL. The uploaded file lives in the private storage,
outside MEDIA_ROOT, so this view is the only way in.
"""

import logging

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django.views.defaults import page_not_found

from publications.filters import PublicationFilterSet
from publications.models import Publication

from .downloads import publication_download_record
from .editions import publication_edition
from .reading_list import reading_list_pdf
from .serving import StoredFile, serve_stored_file

logger = logging.getLogger(__name__)


#: The policy of PDF answers, instead of the site's page policy: a PDF loads nothing and runs
#: nothing of ours (`default-src 'none'`), and `sandbox` gives the document an opaque origin
#: with scripts, forms and popups off, so a PDF that a browser rendered as a page (or a script
#: inside it) can read nothing of the site's. Browsers' built-in viewers render a top-level PDF
#: under this policy (tests/browser/test_pdf_viewer.py opens each way the site links one); the
#: site never frames a PDF, hence `frame-ancestors 'none'`, as X-Frame-Options: DENY says too.
PDF_CONTENT_SECURITY_POLICY = "default-src 'none'; sandbox; frame-ancestors 'none'"


def pdf_headers(response):
    """The headers of every PDF answer: the exact type, no sniffing, the PDF's own policy (the
    CSP middleware leaves a policy that is already set)."""
    if response.status_code in (200, 206):
        response["Content-Type"] = "application/pdf"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = PDF_CONTENT_SECURITY_POLICY
    return response


def public_cache_control():
    return f"public, max-age={settings.PDF_CACHE_MAX_AGE}"


def _with_query(request, url):
    query = request.GET.urlencode()
    return f"{url}?{query}" if query else url


def _not_found(request, exception):
    # A 404 for a draft must not be cached: it becomes a PDF once the item is published.
    response = page_not_found(request, exception)
    add_never_cache_headers(response)
    return response


def _public_publication(slug):
    return (
        Publication.objects.published()
        .select_related("series")
        .defer("pdf_text")
        .filter(slug=slug)
        .first()
    )


def publication_pdf_file(publication):
    """The StoredFile to send: the uploaded PDF, else the generated edition; Http404 when the
    publication has neither (a media item) or its uploaded file is missing from storage."""
    if publication.pdf:
        try:
            return StoredFile.from_storage(publication.pdf.storage, publication.pdf.name)
        except FileNotFoundError:
            logger.error("PDF of %s is missing: %s", publication.slug, publication.pdf.name)
            raise Http404("The file is missing.") from None
    if not publication.has_pdf:
        raise Http404("No PDF for this publication.")
    return publication_edition(publication=publication)


@require_safe
def publication_pdf(request, slug, filename):
    try:
        publication = _public_publication(slug)
        # An old slug in either place is a 404 here, made a 301 by thinktank/redirects.py.
        if publication is None:
            raise Http404("No such publication.")
        if filename != publication.slug:
            raise Http404("No such file.")
        file = publication_pdf_file(publication)
    except Http404 as exception:
        return _not_found(request, exception)

    served = serve_stored_file(
        request,
        file,
        filename=f"{publication.slug}.pdf",
        content_type="application/pdf",
        as_attachment=request.GET.get("download") == "1",
        cache_control=public_cache_control(),
    )
    if served.starts_download:
        publication_download_record(publication_id=publication.pk)
    return pdf_headers(served.response)


@require_safe
def publication_pdf_redirect(request, slug):
    publication = _public_publication(slug)
    if publication is None:
        return _not_found(request, Http404("No such publication."))
    return HttpResponsePermanentRedirect(_with_query(request, publication.get_pdf_url()))


@require_safe
def publication_export_pdf(request):
    """The filtered list as a reading list (same parameters and FilterSet as the list)."""
    queryset = (
        Publication.objects.published()
        .for_listing()
        .defer("pdf_text")
        .prefetch_related("regions", "themes")
    )
    filterset = PublicationFilterSet(request.GET, queryset=queryset)
    list_url = settings.SITE_URL + reverse("publications:list") + filterset.query_string()
    response = FileResponse(
        reading_list_pdf(filterset, list_url=list_url),
        content_type="application/pdf",
        as_attachment=request.GET.get("download") == "1",
        filename=_("reading-list") + ".pdf",
    )
    response["Cache-Control"] = public_cache_control()
    return pdf_headers(response)
