"""Staff editing of publications: the changelist (columns, search, filters, bulk actions) and
the change form (fieldsets, inlines, taxonomy by autocomplete, uploads, links to the public
page and to the preview), saved through the workflow services.

What each role may do is in roles.py, the bulk actions in actions.py, the history and restore in
history.py, the downloads column and chart in downloads.py.
"""

from django.contrib import admin, messages
from django.contrib.admin.views.main import ChangeList
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from reversion.admin import VersionAdmin

from publications import preview, services, workflow
from publications.models import Publication, ReviewComment
from publications.pdf import active_content
from publications.pdf.active_content import stored_active_content
from publications.search import search_index_refresh
from publications.tasks import enqueue_after_commit, publication_edition_render_task
from thinktank.admin import (
    EMPTY,
    CatalogueChangeAdminMixin,
    EditConflictMixin,
    OldSlugAdminMixin,
    UploadValidationMixin,
    image_preview,
)
from thinktank.cache import catalogue_changed
from thinktank.files import StoredFilesAdminMixin
from thinktank.uploads import original_file_name

from .actions import ADMIN_ACTIONS
from .downloads import PublicationDownloadsAdminMixin
from .filters import CenterListFilter, RegionListFilter, StateListFilter, ThemeListFilter
from .history import PublicationHistoryAdminMixin
from .inlines import (
    PinnedRelationInline,
    PublicationAuthorInline,
    ReviewCommentInline,
)
from .roles import PublicationRolesMixin

CLASSIFICATION = _("Classification")


def state_badge(state):
    return format_html('<span class="state-badge state-{}">{}</span>', state.key, state.label)


DOWNLOADS = _("Downloads")
# Fields that another branch adds to the model (the structured body's key takeaways): shown in
# the fieldsets once the model has them, left out until then.
OPTIONAL_FIELDS = {"key_takeaways"}


class PublicationChangeList(ChangeList):
    def get_queryset(self, request, exclude_parameters=None):
        # The list shows no body nor PDF text: leave them in the database; the authors column
        # comes from one prefetch query whatever the number of rows (for_listing() does both,
        # and joins the series).
        return super().get_queryset(request, exclude_parameters).for_listing()


@admin.register(Publication)
class PublicationAdmin(
    EditConflictMixin,
    CatalogueChangeAdminMixin,
    StoredFilesAdminMixin,
    PublicationDownloadsAdminMixin,
    PublicationHistoryAdminMixin,
    PublicationRolesMixin,
    OldSlugAdminMixin,
    UploadValidationMixin,
    VersionAdmin,
):
    class Media:
        css = {"all": ["css/admin-desk.css"]}
        js = ["js/positions.js"]

    list_display = [
        "title_column",
        "type",
        "state_badge",
        "published_on",
        "language",
        "author_names",
        "series",
        "featured",
        "downloads_column",
        "public_link",
    ]
    list_display_links = ["title_column"]
    list_filter = [
        StateListFilter,
        "type",
        "language",
        "featured",
        RegionListFilter,
        ThemeListFilter,
        CenterListFilter,
        ("series", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = [
        "title",
        "subtitle",
        "slug",
        "isbn",
        "doi",
        "publication_authors__author__name",
    ]
    date_hierarchy = "published_on"
    actions = ADMIN_ACTIONS
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["series", "translation_of"]
    readonly_fields = [
        "cover_preview",
        "pdf_original_name",
        "pdf_active_content",
        "pdf_processing",
        "public_link",
        "preview_link",
        "download_count",
        "downloads_chart",
        "created_at",
        "updated_at",
    ]
    inlines = [
        PublicationAuthorInline,
        PinnedRelationInline,
        ReviewCommentInline,
    ]
    # The order an editor works in: what it is, who wrote it (the Authors inline is shown right
    # after this first block: change_form.html), the text, the taxonomy, the files, the
    # identifiers; the rest collapsed. Status and schedule are the workflow control's
    # (workflow.py, at the top of the form), not fields.
    # Changed by the workflow buttons only (form.workflow_target), never as form fields; and
    # body_format, which the body editor sets (publications/body/editor.py): the admin's
    # `exclude` replaces the form's Meta.exclude, so it is named here too.
    exclude = ["status", "publish_at", "body_format"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "subtitle",
                    "slug",
                    "type",
                    "language",
                    "featured",
                    "public_link",
                    "preview_link",
                ]
            },
        ),
        (_("Text"), {"fields": ["summary", "key_takeaways", "body"]}),
        (CLASSIFICATION, {"fields": []}),  # filled in by get_fieldsets()
        (
            _("Files"),
            {
                "fields": [
                    "pdf",
                    "pdf_original_name",
                    "pdf_processing",
                    "pdf_active_content",
                    "publish_with_active_content",
                    "pages",
                    "cover",
                    "cover_preview",
                ]
            },
        ),
        (
            _("Date, series and identifiers"),
            {"fields": ["published_on", "series", "series_number", "isbn", "doi"]},
        ),
        (DOWNLOADS, {"fields": ["download_count", "downloads_chart"]}),
        (
            _("Advanced"),
            {
                "classes": ["collapse"],
                "fields": [
                    "translation_of",
                    "external_url",
                    "source",
                    "media_kind",
                    "created_at",
                    "updated_at",
                ],
            },
        ),
    ]
    # Many-to-many fields with an explicit through model (PublicationRegion etc., which PROTECT
    # the region/theme/center from deletion). Django's admin check E013 refuses them in a static
    # `fieldsets`, and ModelAdmin.formfield_for_manytomany() drops them, but ModelForm saves them
    # with `.set()` (allowed on custom through models since Django 2.2, the through models need
    # no extra data). So they are added here and in formfield_for_manytomany() below.
    through_m2m_fields = ["regions", "themes", "centers"]

    def get_fieldsets(self, request, obj=None):
        model_fields = {field.name for field in self.model._meta.get_fields()}
        fieldsets = []
        for name, options in super().get_fieldsets(request, obj):
            if name == CLASSIFICATION:
                options = {**options, "fields": self.through_m2m_fields}
            elif name == DOWNLOADS and obj is None:
                continue  # nothing downloaded yet: no empty chart on a new item
            fields = [
                field
                for field in options["fields"]
                if field not in OPTIONAL_FIELDS or field in model_fields
            ]
            fieldsets.append((name, {**options, "fields": fields}))
        return fieldsets

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name in self.through_m2m_fields:
            db = kwargs.get("using")
            kwargs["widget"] = AutocompleteSelectMultiple(db_field, self.admin_site, using=db)
            kwargs.setdefault("queryset", db_field.remote_field.model._default_manager.using(db))
            kwargs.setdefault("required", False)
            return db_field.formfield(**kwargs)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_queryset(self, request):
        return super().get_queryset(request).with_is_public()

    def get_changelist(self, request, **kwargs):
        return PublicationChangeList

    def get_inline_instances(self, request, obj=None):
        inlines = super().get_inline_instances(request, obj)
        if obj is None:  # comments are on an existing publication
            inlines = [i for i in inlines if not isinstance(i, ReviewCommentInline)]
        return inlines

    # --- Saving -----------------------------------------------------------------------------
    def catalogue_change(self, objs):
        # A new publication is a draft until publication_set_status() (which tells the cache
        # itself); a saved one changes its own pages, lists and landing pages.
        if saved := [obj for obj in objs if obj.pk]:
            catalogue_changed(publications=saved)

    def save_model(self, request, obj, form, change):
        """Fields are saved as typed (a changed slug is kept as an old URL: OldSlugAdminMixin);
        a workflow button's status and schedule (form.workflow_target) go through the workflow
        service, which checks the publishing permission again and writes the audit line."""
        status, publish_at = getattr(form, "workflow_target", (obj.status, obj.publish_at))
        if not change:
            obj.created_by = request.user
            obj.status, obj.publish_at = Publication.Status.DRAFT, None
        cleaned = getattr(form, "cleaned_data", {})
        if "pdf" in form.changed_data and "pdf" in cleaned:
            upload = cleaned["pdf"]
            obj.pdf_original_name = original_file_name(upload.name) if upload else ""
        super().save_model(request, obj, form, change)
        before = workflow.state_of(obj)
        services.publication_set_status(
            publication=obj,
            user=request.user,
            status=status,
            publish_at=publish_at,
            active_content_confirmed=cleaned.get("publish_with_active_content", False),
        )
        if (after := workflow.state_of(obj)) != before:
            self.message_user(
                request, _("Status: %(state)s.") % {"state": after.label}, messages.SUCCESS
            )
        if "pdf" in form.changed_data and (findings := stored_active_content(obj)):
            self.message_user(
                request,
                _("The new PDF has active content: %(findings)s.")
                % {"findings": active_content.describe(findings)},
                messages.WARNING,
            )
        if {"pdf", "cover"} & set(form.changed_data):
            # Read in a background task; save_related() refreshes the search vectors of the
            # rest, the task those of the PDF's text.
            services.publication_pdf_changed(
                publication=obj, pdf_changed="pdf" in form.changed_data
            )

    # A workflow button saves the form and comes back to it, showing the new state.
    def response_add(self, request, obj, post_url_continue=None):
        return super().response_add(self._continue_after_workflow(request), obj, post_url_continue)

    def response_change(self, request, obj):
        return super().response_change(self._continue_after_workflow(request), obj)

    @staticmethod
    def _continue_after_workflow(request):
        if request.POST.get(workflow.ACTION_FIELD):
            request.POST = request.POST.copy()
            request.POST["_continue"] = "1"
        return request

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        publication = obj or Publication(created_by=request.user)
        context["workflow"] = {
            "state": workflow.state_of(publication),
            "transitions": workflow.transitions_for(publication, request.user),
            "action_field": workflow.ACTION_FIELD,
            "publish_at_field": workflow.PUBLISH_AT_FIELD,
            "publish_at": request.POST.get(workflow.PUBLISH_AT_FIELD)
            or (
                timezone.localtime(obj.publish_at).strftime("%Y-%m-%dT%H:%M")
                if obj is not None and obj.publish_at
                else ""
            ),
            "time_zone": timezone.get_current_timezone_name(),
            "editable": add or self.has_change_permission(request, obj),
        }
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.publication_authors_renumber(publication=form.instance)
        # Now that authors (inline) and taxonomy (m2m) are saved, the search vectors can be
        # computed from them, and the generated edition (which prints them) rendered.
        search_index_refresh()
        if not form.instance.pdf:
            enqueue_after_commit(publication_edition_render_task, form.instance.pk)

    def save_formset(self, request, form, formset, change):
        if formset.model is ReviewComment:
            for comment in formset.save(commit=False):
                comment.author = request.user
                comment.save()
            return
        super().save_formset(request, form, formset, change)

    # --- Columns and read-only fields -------------------------------------------------------
    @admin.display(description=_("title"), ordering="title")
    def title_column(self, obj):
        # Two lines at most (CSS); the full title on hover and for screen readers.
        return format_html('<span class="publication-title" title="{0}">{0}</span>', obj.title)

    @admin.display(description=_("state"), ordering="status")
    def state_badge(self, obj):
        return state_badge(workflow.state_of(obj))

    @admin.display(description=_("authors"))
    def author_names(self, obj):
        names = ", ".join(author.name for author in obj.ordered_authors)
        if not names:
            return EMPTY
        return format_html('<span class="clamp-2" title="{0}">{0}</span>', names)

    @admin.display(description=_("active content of the PDF"))
    def pdf_active_content(self, obj):
        findings = stored_active_content(obj) if obj.pk else []
        if not findings:
            return _("None found.") if obj.pk and obj.pdf else EMPTY
        return format_html(
            '<strong class="errornote" style="display:inline-block">{}</strong>',
            _("Warning: %(findings)s. Publishing it needs the box below ticked.")
            % {"findings": active_content.describe(findings)},
        )

    @admin.display(description=_("PDF processing"))
    def pdf_processing(self, obj):
        """Where the background reading of the PDF (text, pages, thumbnail) stands; why it
        failed, when it did (publications/pdf/processing.py)."""
        if not obj.pk or not obj.pdf_status:
            return EMPTY
        if obj.pdf_status == Publication.PdfStatus.FAILED:
            return format_html(
                '<strong class="errornote" style="display:inline-block">{}</strong>',
                _("Failed: %(message)s") % {"message": obj.pdf_status_message},
            )
        return obj.get_pdf_status_display()

    @admin.display(description=_("cover"))
    def cover_preview(self, obj):
        return image_preview(obj.cover)

    @admin.display(description=_("public page"))
    def public_link(self, obj):
        if not obj.pk:
            return EMPTY
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>',
            obj.get_absolute_url(),
            _("View on site") if obj.is_public else _("Preview"),
        )

    @admin.display(description=_("preview link for outside reviewers"))
    def preview_link(self, obj):
        if not obj.pk or obj.is_public:
            return EMPTY
        url = preview.preview_url(obj)
        days = preview.max_age_seconds() // 86400
        return format_html(
            '<a href="{0}">{0}</a><br><span class="help">{1}</span>',
            url,
            ngettext(
                "Anyone with this link sees the preview for %(days)d day; no account needed.",
                "Anyone with this link sees the preview for %(days)d days; no account needed.",
                days,
            )
            % {"days": days},
        )
