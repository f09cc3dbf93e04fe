"""Public pages of the catalogue. Every queryset starts from Publication.objects.published()."""

from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import DetailView, ListView

from centers.models import Center
from taxonomy.models import Region, Theme
from thinktank.templatetags.site import absolute_url

from . import presenters
from .citations import bibtex_entry, ris_entry
from .exports import FORMATS, UrlBuilder, export_response
from .facets import build_facets
from .filters import PublicationFilterSet
from .models import (
    Author,
    Publication,
    PublicationRegion,
    PublicationTheme,
    Series,
)
from .preview import PublicationWorkflowMixin
from .related import related_publications
from .search import attach_headlines, suggestion

SUGGEST_BELOW = 10


class PublicationListView(ListView):
    template_name = "publications/publication_list.html"
    context_object_name = "publications"
    paginate_by = 20

    def get_queryset(self):
        self.filterset = PublicationFilterSet(
            self.request.GET, queryset=Publication.objects.published().for_listing()
        )
        # One query for every facet; it also gives the size of the result (no COUNT query).
        self.facets = build_facets(self.filterset, self.request.GET)
        return self.filterset.qs

    def paginate_queryset(self, queryset, page_size):
        # A malformed or out-of-range page shows the last valid page rather than a 404.
        paginator = self.get_paginator(queryset, page_size)
        paginator.count = self.facets.total
        page = paginator.get_page(self.request.GET.get("page"))
        page.object_list = attach_headlines(page.object_list, self.filterset.search_text)
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET
        regions = Region.objects.in_tree_order()
        themes = Theme.objects.in_tree_order()
        center_tree = Center.objects.active().in_tree_order()
        centers = [center for center, _depth in center_tree]
        series = list(Series.objects.only("pk", "slug", "name"))
        # What the reader asked for, as the FilterSet understood it (unknown and malformed
        # values already dropped), so the form, the chips' labels and the filter agree.
        selected = {
            param: set(self.filterset.selected(param))
            for param in ("region", "theme", "center", "type", "language", "series", "author")
        }
        authors = {}
        if selected["author"]:
            authors = dict(
                Author.objects.filter(slug__in=selected["author"]).values_list("slug", "name")
            )
        labels = {
            "region": {r.slug: r.name for r in regions},
            "theme": {t.slug: t.name for t in themes},
            "center": {c.slug: c.name for c in centers},
            "series": {s.slug: s.name for s in series},
            "type": dict(Publication.Type.choices),
            "language": dict(Publication.Language.choices),
            "author": authors,
        }
        # Each option of the form shows its facet count (disjunctive: what ticking it would
        # give); no query, the counts are already computed.
        counts = {
            group.name: {e.value: e.count for e in group.entries} for group in self.facets.groups
        }
        for param, nodes in (("region", regions), ("theme", themes), ("center", centers)):
            for node in nodes:
                node.facet_count = counts.get(param, {}).get(node.slug, 0)
        form = self.filterset.form
        attach_language_versions(context["publications"])
        context.update(
            facets=self.facets,
            ignored_messages=self.filterset.ignored_messages(),
            did_you_mean=self._did_you_mean(),
            filterset=self.filterset,
            form=form,
            region_tree=regions,
            theme_tree=themes,
            center_tree=center_tree,
            series_list=series,
            type_choices=[
                (value, label, counts.get("type", {}).get(value, 0))
                for value, label in Publication.Type.choices
            ],
            language_choices=[
                (value, label, counts.get("language", {}).get(value, 0))
                for value, label in Publication.Language.choices
            ],
            year_facet=self.facets["year"],
            sort_choices=form.fields["sort"].choices,
            selected=selected,
            chips=presenters.filter_chips(query, labels),
            pages=presenters.page_links(context["page_obj"], query),
            current_sort=query.get("sort", "newest"),
            result_count=context["paginator"].count,
            feed_query=presenters.querystring(query),
        )
        return context

    def _did_you_mean(self):
        text = self.filterset.search_text
        # Only worth a query when the words found little (typos find little).
        suggested = suggestion(text) if text and self.facets.total < SUGGEST_BELOW else ""
        if not suggested or suggested.casefold() == text.casefold():
            return None
        query = self.request.GET.copy()
        query.pop("page", None)
        query["q"] = suggested
        return {"text": suggested, "url": "?" + query.urlencode()}


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
    formatter = bibtex_entry if fmt == "bib" else ris_entry
    text = formatter(publication, url=urls.page(publication), pdf_url=urls.pdf(publication))
    content_type, _filename = FORMATS[fmt]
    response = HttpResponse(text, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{publication.slug}.{fmt}"'
    return response


def attach_language_versions(publications):
    """Give each listed publication `languages`: every public version of its work (itself
    included) as {code, name, url, current}, in one query for the whole page."""
    publications = list(publications)
    roots = {p.translation_root_id for p in publications}
    if not roots:
        return
    works = {}
    for version in (
        Publication.objects.published()
        .work_versions(roots)
        .only("pk", "slug", "language", "translation_of_id")
        .order_by("language", "pk")
    ):
        works.setdefault(version.translation_root_id, []).append(version)
    for publication in publications:
        publication.languages = [
            {
                "code": version.language,
                "name": version.get_language_display(),
                "url": presenters.version_url(version),
                "current": version.pk == publication.pk,
            }
            for version in works.get(publication.translation_root_id, [publication])
        ]


class PublicationDetailView(PublicationWorkflowMixin, DetailView):
    template_name = "publications/publication_detail.html"
    context_object_name = "publication"

    def get_queryset(self):
        return (
            Publication.objects.published()
            .for_detail()
            .prefetch_related(
                "regions",
                "themes",
                Prefetch("centers", queryset=Center.objects.active().select_related("parent")),
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        publication = self.object
        request = self.request
        url = absolute_url(request, publication.get_absolute_url())
        pdf_url = None if publication.is_media else absolute_url(request, publication.get_pdf_url())
        authors = publication.ordered_authors
        author_urls = [absolute_url(request, a.get_absolute_url()) for a in authors]
        versions = list(publication.language_versions())
        for version in versions:
            version.url = presenters.version_url(version)
            version.language_name = presenters.language_name(version.language)
        image = publication.display_image
        image_url = absolute_url(request, image.url) if image else None
        regions = list(publication.regions.all())
        themes = list(publication.themes.all())
        og, twitter = presenters.open_graph(
            publication,
            url=url,
            image_url=image_url,
            author_urls=author_urls,
            versions=versions,
        )
        context.update(
            canonical_url=url,
            pdf_url=pdf_url,
            versions=versions,
            hreflang_versions=[
                (code, absolute_url(request, path))
                for code, path in presenters.version_alternates([publication, *versions])
            ]
            if versions
            else [],
            language_switch=presenters.language_switch(publication, versions, request.path),
            authors=authors,
            regions=regions,
            themes=themes,
            centers=list(publication.centers.all()),
            related=related_publications(publication),
            share_url=url,
            share_links=presenters.share_links(url=url, title=publication.title),
            citation_tags=presenters.citation_tags(publication, authors=authors, pdf_url=pdf_url),
            og_tags=og,
            twitter_tags=twitter,
            meta_description=presenters.description(publication),
            json_ld=presenters.json_ld(
                publication,
                url=url,
                pdf_url=pdf_url,
                image_url=image_url,
                authors=authors,
                author_urls=author_urls,
                home_url=absolute_url(request, reverse("home")),
                topics=[n.name for n in regions + themes],
            ),
        )
        return context


class ExpertListView(ListView):
    template_name = "publications/expert_list.html"
    context_object_name = "experts"

    def get_queryset(self):
        return Author.objects.active().only("pk", "slug", "name", "sort_name", "title", "photo")


class ExpertDetailView(DetailView):
    template_name = "publications/expert_detail.html"
    context_object_name = "expert"
    paginate_by = 20

    def get_queryset(self):
        return Author.objects.public().prefetch_related(
            Prefetch("centers", queryset=Center.objects.active())
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        expert = self.object
        theirs = Publication.objects.published().by_author_ids([expert.pk])
        paginator = Paginator(theirs.for_listing().newest_first(), self.paginate_by)
        page = paginator.get_page(self.request.GET.get("page"))
        context.update(
            regions=Region.objects.filter(
                Exists(
                    PublicationRegion.objects.filter(
                        region=OuterRef("pk"), publication__in=theirs.values("pk")
                    )
                )
            ),
            themes=Theme.objects.filter(
                Exists(
                    PublicationTheme.objects.filter(
                        theme=OuterRef("pk"), publication__in=theirs.values("pk")
                    )
                )
            ),
            publications=page.object_list,
            page_obj=page,
            pages=presenters.page_links(page, self.request.GET),
        )
        return context
