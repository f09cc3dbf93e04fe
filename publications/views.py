"""Public pages of the catalogue. Every queryset starts from `Publication.objects.published()`;
the list's query string is read by `PublicationFilterSet` alone."""

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import MAX_URL_REDIRECT_LENGTH
from django.utils.translation import get_language
from django.views.generic import DetailView, ListView

from centers.models import Center
from taxonomy.models import Region, Theme

from . import languages, metadata, presenters
from .citations import CITATIONS
from .expert_filters import ExpertFilterSet
from .exports import UrlBuilder, export_response
from .facets import facet_counts
from .filters import PublicationFilterSet
from .models import Author, Publication
from .preview import PublicationWorkflowMixin
from .related import related_publications
from .search import attach_headlines, did_you_mean


class PublicationListView(ListView):
    template_name = "publications/publication_list.html"
    context_object_name = "publications"
    paginate_by = 20

    def get(self, request, *args, **kwargs):
        tidy = PublicationFilterSet.tidy_query_string(request.GET)
        # Django refuses to redirect past MAX_URL_REDIRECT_LENGTH (a 400): such a query string
        # is served as it is (its canonical link still names the clean URL).
        if tidy is not None and len(request.path) + len(tidy) < MAX_URL_REDIRECT_LENGTH - 1:
            return redirect(f"{request.path}?{tidy}" if tidy else request.path)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        queryset = Publication.objects.published().for_listing()
        self.filterset = PublicationFilterSet(self.request.GET, queryset=queryset)
        # One query for every facet; it also gives the size of the result (no COUNT query).
        self.facets = facet_counts(self.filterset)
        # One entry per work, in the page's language when the work has it among the matches
        # (the facet counts and the total count works too, see facets.py).
        return self.filterset.qs.one_per_work(
            self.filterset.unordered_qs(), language=get_language()
        )

    def paginate_queryset(self, queryset, page_size):
        # A malformed or out-of-range page shows the last valid page rather than a 404.
        paginator = self.get_paginator(queryset, page_size)
        paginator.count = self.facets.total
        page = paginator.get_page(self.request.GET.get("page"))
        page.object_list = attach_headlines(page.object_list, self.filterset.search_text)
        languages.attach_language_versions(page.object_list)
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        filterset, facets, query = self.filterset, self.facets, self.filterset.query()
        context = super().get_context_data(**kwargs)
        return context | {
            "filterset": filterset,
            "form": filterset.form,
            "options": presenters.filter_options(filterset, facets),
            "years": presenters.year_links(filterset, facets),
            "chips": filterset.chips(),
            "ignored_messages": filterset.ignored_messages(),
            "did_you_mean": did_you_mean(filterset, total=facets.total),
            "pages": presenters.page_links(context["page_obj"], query),
            "query": query,
            "query_string": filterset.query_string(),
            "canonical_query": filterset.canonical_query(page=context["page_obj"].number),
        }


def publication_export(request, fmt):
    """The current filtered list as CSV, BibTeX or RIS (the list's query parameters)."""
    filterset = PublicationFilterSet(request.GET, queryset=Publication.objects.published())
    return export_response(request, filterset.qs, fmt)


def publication_cite(request, slug, fmt):
    publication = get_object_or_404(
        Publication.objects.published().for_listing().prefetch_related("regions", "themes"),
        slug=slug,
    )
    urls = UrlBuilder(request)
    citation = CITATIONS[fmt]
    text = citation.entry(publication, url=urls.page(publication), pdf_url=urls.pdf(publication))
    response = HttpResponse(text, content_type=citation.content_type)
    response["Content-Disposition"] = f'attachment; filename="{publication.slug}.{fmt}"'
    return response


class PublicationDetailView(PublicationWorkflowMixin, DetailView):
    template_name = "publications/publication_detail.html"
    context_object_name = "publication"

    def get_queryset(self):
        active_centers = Center.objects.active().select_related("parent")
        return (
            Publication.objects.published()
            .for_detail()
            .prefetch_related("regions", "themes", Prefetch("centers", queryset=active_centers))
        )

    def get_context_data(self, **kwargs):
        publication, request = self.object, self.request
        regions, themes = list(publication.regions.all()), list(publication.themes.all())
        links = languages.version_links(publication, request)
        # The PDF URL serves published items whose file is there: link it only then.
        pdf_linked = self.preview_object is None and publication.pdf_available
        meta = metadata.page_metadata(
            publication,
            request=request,
            versions=links["versions"],
            topics=[node.name for node in regions + themes],
            pdf_linked=pdf_linked,
        )
        return super().get_context_data(
            **kwargs,
            **links,
            meta=meta,
            pdf_linked=pdf_linked,
            authors=publication.ordered_authors,
            regions=regions,
            themes=themes,
            centers=list(publication.centers.all()),
            related=related_publications(publication),
        )


class ExpertListView(ListView):
    template_name = "publications/expert_list.html"
    context_object_name = "experts"

    def get_queryset(self):
        experts = Author.objects.active().only("pk", "slug", "name", "sort_name", "title", "photo")
        self.filterset = ExpertFilterSet(self.request.GET or None, queryset=experts)
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, filterset=self.filterset)


class ExpertDetailView(DetailView):
    template_name = "publications/expert_detail.html"
    context_object_name = "expert"
    paginate_by = 20

    def get_queryset(self):
        active_centers = Center.objects.active()
        return Author.objects.public().prefetch_related(Prefetch("centers", active_centers))

    def get_context_data(self, **kwargs):
        theirs = Publication.objects.published().by_author_ids([self.object.pk])
        works = theirs.for_listing().newest_works(language=get_language())
        paginator = Paginator(works, self.paginate_by)
        page = paginator.get_page(self.request.GET.get("page"))
        return super().get_context_data(
            **kwargs,
            regions=Region.objects.tagging(theirs),
            themes=Theme.objects.tagging(theirs),
            publications=page.object_list,
            page_obj=page,
            pages=presenters.page_links(page, QueryDict()),
            canonical_query=f"?page={page.number}" if page.number > 1 else "",
        )
