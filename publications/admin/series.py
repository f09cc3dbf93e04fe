"""Staff editing of series, with how many publications each holds."""

from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from publications.models import Series
from thinktank.admin import DESCRIPTION_PAIR, NAME_PAIR, PublicModelAdminMixin


@admin.register(Series)
class SeriesAdmin(PublicModelAdminMixin, TranslationAdmin):
    list_display = ["name", "slug", "issn", "publication_count"]
    search_fields = ["name_en", "name_fr", "slug", "issn"]
    prepopulated_fields = {"slug": ["name"]}
    fields = [NAME_PAIR, "slug", "issn", DESCRIPTION_PAIR]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(num_publications=models.Count("publications"))

    @admin.display(description=_("publications"), ordering="num_publications")
    def publication_count(self, obj):
        return obj.num_publications
