from django.urls import path

from . import views
from .export_limits import bounded_export
from .feeds import PublicationFeed
from .pdf import views as pdf_views

app_name = "publications"

# Exports of whole lists are cached, few at once and rate-limited per client (export_limits).
export_list = bounded_export(views.publication_export)
export_pdf = bounded_export(pdf_views.publication_export_pdf)

urlpatterns = [
    path("publications/", views.PublicationListView.as_view(), name="list"),
    path("publications/export.pdf", export_pdf, name="export_pdf"),
    path("publications/export.csv", export_list, {"fmt": "csv"}, name="export_csv"),
    path("publications/export.bib", export_list, {"fmt": "bib"}, name="export_bib"),
    path("publications/export.ris", export_list, {"fmt": "ris"}, name="export_ris"),
    path("publications/<slug:slug>/", views.PublicationDetailView.as_view(), name="detail"),
    path("publications/<slug:slug>/<slug:filename>.pdf", pdf_views.publication_pdf, name="pdf"),
    path(
        "publications/<slug:slug>/cite.bib", views.publication_cite, {"fmt": "bib"}, name="cite_bib"
    ),
    path(
        "publications/<slug:slug>/cite.ris", views.publication_cite, {"fmt": "ris"}, name="cite_ris"
    ),
    path("publications/<slug:slug>/pdf/", pdf_views.publication_pdf_redirect, name="pdf_redirect"),
    path("experts/", views.ExpertListView.as_view(), name="expert_list"),
    path("experts/<slug:slug>/", views.ExpertDetailView.as_view(), name="expert_detail"),
    path("feeds/publications/", PublicationFeed(), name="feed"),
]
