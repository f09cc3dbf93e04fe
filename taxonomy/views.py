"""Region and theme pages: the whole tree, and a node's landing page."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, TemplateView

from publications.models import Author, Publication

from .models import Region, Theme


class NodeListView(TemplateView):
    """All regions or all themes as a tree (one query)."""

    template_name = "taxonomy/node_list.html"
    model = None
    heading = ""
    intro = ""

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            nodes=self.model.objects.in_tree_order(), heading=self.heading, intro=self.intro
        )


class RegionListView(NodeListView):
    model = Region
    heading = _("Regions")
    intro = _("Our research by region of the world: choose one to see its analyses and experts.")


class ThemeListView(NodeListView):
    model = Theme
    heading = _("Themes")
    intro = _("Our research by theme: choose one to see its analyses and experts.")


class NodeDetailView(DetailView):
    """Landing page of a region or theme: the node, its children, its latest publications (the
    node's and its descendants'), the experts who wrote them."""

    template_name = "taxonomy/node_detail.html"
    context_object_name = "node"
    filter_param = ""  # the list's parameter for this tree, also the QuerySet method's suffix

    def get_context_data(self, **kwargs):
        node = self.object
        publications = getattr(Publication.objects.published(), f"in_{self.filter_param}")(
            [node.slug]
        )
        return super().get_context_data(
            children=node.children.all(),
            ancestors=node.ancestors(),
            publications=publications.for_listing().newest_first()[:20],
            experts=Author.objects.authors_of(publications)[:12],
            filter_param=self.filter_param,
            more_url=reverse("publications:list") + f"?{self.filter_param}={node.slug}",
        )


class RegionDetailView(NodeDetailView):
    model = Region
    filter_param = "region"


class ThemeDetailView(NodeDetailView):
    model = Theme
    filter_param = "theme"
