from django.db.models import Prefetch
from django.urls import reverse
from django.views.generic import DetailView, ListView

from publications.models import Publication

from .models import Center


class CenterListView(ListView):
    template_name = "centers/center_list.html"
    context_object_name = "centers"

    def get_queryset(self):
        return (
            Center.objects.active()
            .centers()
            .prefetch_related(Prefetch("programs", queryset=Center.objects.active()))
        )


class CenterDetailView(DetailView):
    template_name = "centers/center_detail.html"
    context_object_name = "center"

    def get_queryset(self):
        return Center.objects.active().select_related("parent")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        center = self.object
        context.update(
            programs=center.programs.active(),
            heads=center.heads.all(),
            team=center.members.active(),
            publications=Publication.objects.published()
            .in_center([center.slug])
            .for_listing()
            .newest_first()[:20],
            more_url=reverse("publications:list") + f"?center={center.slug}",
        )
        return context
