"""Public pages of the catalogue. Every queryset starts from Publication.objects.published()."""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.generic import DetailView, ListView

from centers.models import Center

from .filters import PublicationFilterSet
from .models import Author, Publication, Region, Theme


def home(request):
    published = Publication.objects.published().for_listing()
    context = {
        "featured": published.filter(featured=True).newest_first()[:3],
        "latest": published.exclude(type=Publication.Type.MEDIA).newest_first()[:8],
        "media": published.filter(type=Publication.Type.MEDIA).newest_first()[:4],
        "centers": Center.objects.active().centers().prefetch_related("programs"),
    }
    return render(request, "publications/home.html", context)


class PublicationListView(ListView):
    template_name = "publications/publication_list.html"
    context_object_name = "publications"
    paginate_by = 20

    def get_queryset(self):
        self.filterset = PublicationFilterSet(
            self.request.GET, queryset=Publication.objects.published().for_listing()
        )
        return self.filterset.qs

    def paginate_queryset(self, queryset, page_size):
        # A malformed or out-of-range page shows the last valid page rather than a 404.
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get("page"))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(filterset=self.filterset, querystring=query.urlencode())
        return context


class PublicationDetailView(DetailView):
    template_name = "publications/publication_detail.html"
    context_object_name = "publication"

    def get_queryset(self):
        return (
            Publication.objects.published()
            .select_related("series")
            .prefetch_related("publication_authors__author", "regions", "themes", "centers")
        )


def publication_pdf(request, slug, filename):
    publication = get_object_or_404(Publication.objects.published(), slug=slug)
    if filename != publication.slug or not publication.pdf:
        raise Http404
    response = FileResponse(
        publication.pdf.open("rb"),
        as_attachment=request.GET.get("download") == "1",
        filename=f"{publication.slug}.pdf",
        content_type="application/pdf",
    )
    return response


def publication_pdf_redirect(request, slug):
    publication = get_object_or_404(Publication.objects.published(), slug=slug)
    return redirect(publication.get_pdf_url())


class TaxonomyDetailView(DetailView):
    """Landing page of a region or theme: the node, its children, its latest publications."""

    template_name = "publications/taxonomy_detail.html"
    context_object_name = "node"
    queryset_method = ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        node = self.object
        publications = getattr(Publication.objects.published(), self.queryset_method)([node.slug])
        context.update(
            children=node.children.all(),
            ancestors=node.ancestors(),
            publications=publications.for_listing().newest_first()[:20],
        )
        return context


class RegionDetailView(TaxonomyDetailView):
    model = Region
    queryset_method = "in_region"


class ThemeDetailView(TaxonomyDetailView):
    model = Theme
    queryset_method = "in_theme"


class ExpertListView(ListView):
    template_name = "publications/expert_list.html"
    context_object_name = "experts"

    def get_queryset(self):
        return Author.objects.active()


class ExpertDetailView(DetailView):
    template_name = "publications/expert_detail.html"
    context_object_name = "expert"

    def get_queryset(self):
        return Author.objects.public().prefetch_related("centers")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["publications"] = (
            Publication.objects.published()
            .by_author([self.object.slug])
            .for_listing()
            .newest_first()[:50]
        )
        return context
