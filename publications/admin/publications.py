"""Staff editing of publications, series, experts, regions and themes."""

import copy

import reversion
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.admin.views.main import ChangeList
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy
from modeltranslation.admin import TranslationAdmin
from reversion.admin import VersionAdmin
from reversion.models import Version

from centers.models import Center
from publications import permissions, preview, revisions, services
from publications.models import (
    Author,
    PinnedRelation,
    Publication,
    PublicationAuthor,
    ReviewComment,
    Series,
    SlugRedirect,
)
from publications.pdf.processing import publication_process_pdf
from publications.search import search_index_refresh
from taxonomy.models import Region, Theme
from thinktank.admin import (
    DESCRIPTION_PAIR,
    EMPTY,
    NAME_PAIR,
    ProtectedByOwnerMixin,
    UploadValidationMixin,
    image_preview,
)

from .downloads import PublicationDownloadsAdminMixin

# --- Series and experts ----------------------------------------------------------------------


@admin.register(Series)
class SeriesAdmin(TranslationAdmin):
    list_display = ["name", "slug", "issn", "publication_count"]
    search_fields = ["name_en", "name_fr", "slug", "issn"]
    prepopulated_fields = {"slug": ["name"]}
    fields = [NAME_PAIR, "slug", "issn", DESCRIPTION_PAIR]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(num_publications=models.Count("publications"))

    @admin.display(description=_("publications"), ordering="num_publications")
    def publication_count(self, obj):
        return obj.num_publications


@admin.register(Author)
class AuthorAdmin(ProtectedByOwnerMixin, UploadValidationMixin, admin.ModelAdmin):
    list_display = ["name", "title", "photo_thumbnail", "active", "email_public"]
    list_filter = ["active", "email_public", ("centers", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "sort_name", "slug", "title", "email"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["centers"]
    readonly_fields = ["photo_preview"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "title", "bio", "photo", "photo_preview", "centers"]}),
        (_("Contact and links"), {"fields": ["orcid", "website", "email", "email_public"]}),
        (_("Advanced"), {"classes": ["collapse"], "fields": ["sort_name", "active"]}),
    ]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "name" in form.changed_data:
            # Author names are part of their publications' search vectors (emptied by a trigger).
            search_index_refresh()

    @admin.display(description=_("photo"))
    def photo_thumbnail(self, obj):
        return image_preview(obj.photo, height=40)

    @admin.display(description=_("preview"))
    def photo_preview(self, obj):
        return image_preview(obj.photo)


# --- Publications ----------------------------------------------------------------------------


class PublicationPartInline(admin.TabularInline):
    """Rows that belong to a publication (its authors, pinned relations, old URLs): editing them
    is editing the publication, so they follow its permissions, as Django does for the
    auto-created through models. Staff in "Editors" need no permission on these models.
    Whether this publication may be changed by this user is the workflow's answer (a contributor
    changes only their own drafts)."""

    def _has_publication_perm(self, request, action):
        return request.user.has_perm(f"publications.{action}_publication")

    def _can_change(self, request, obj):
        if obj is None:
            return self._has_publication_perm(request, "change")
        return permissions.can_change(request.user, obj)

    def has_view_permission(self, request, obj=None):
        return self._has_publication_perm(request, "view") or self._has_publication_perm(
            request, "change"
        )

    def has_add_permission(self, request, obj=None):
        return self._can_change(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._can_change(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._can_change(request, obj)


class PublicationAuthorInline(PublicationPartInline):
    model = PublicationAuthor
    fields = ["author", "role", "position"]
    autocomplete_fields = ["author"]
    ordering = ["position", "pk"]
    extra = 1


class PinnedRelationInline(PublicationPartInline):
    model = PinnedRelation
    fk_name = "from_publication"
    fields = ["to_publication", "position"]
    autocomplete_fields = ["to_publication"]
    ordering = ["position", "pk"]
    extra = 0


class SlugRedirectInline(PublicationPartInline):
    """Read-only: old URLs are recorded when staff change the slug, never typed in."""

    model = SlugRedirect
    fields = ["old_slug", "created_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = _("old URLs (they redirect here)")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReviewCommentInline(admin.StackedInline):
    """Reviewers' and editors' notes; a comment once written is not edited."""

    model = ReviewComment
    fields = ["text", "author", "created_at"]
    readonly_fields = ["author", "created_at"]
    extra = 0
    can_delete = False
    verbose_name_plural = _("review comments")
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 3})}}

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class PublicationAdminForm(forms.ModelForm):
    """The status and schedule a user may choose depend on their role (see permissions.py)."""

    user = None  # set by PublicationAdmin.get_form()

    def clean(self):
        cleaned = super().clean()
        # The service decides; it is asked twice (the schedule alone, the status alone) so that
        # each refusal lands on its own field.
        before_status, before_publish_at = self.instance.status, self.instance.publish_at
        checks = [
            (
                "publish_at",
                before_status,
                cleaned.get("publish_at", before_publish_at),
                _("Only editors schedule publications."),
            ),
            (
                "status",
                cleaned.get("status", before_status),
                before_publish_at,
                _("You are not allowed to give this status."),
            ),
        ]
        for field, status, publish_at, message in checks:
            try:
                services.publication_check_transition(
                    publication=self.instance, user=self.user, status=status, publish_at=publish_at
                )
            except PermissionDenied:
                self.add_error(field if field in self.fields else None, message)
        return cleaned


class TreeListFilter(admin.SimpleListFilter):
    """A region or theme, its descendants included, listed in tree order."""

    model = None
    queryset_method = None

    def lookups(self, request, model_admin):
        return [(node.slug, node.indented_name) for node in self.model.objects.in_tree_order()]

    def queryset(self, request, queryset):
        if self.value():
            return getattr(queryset, self.queryset_method)([self.value()])
        return queryset


class RegionListFilter(TreeListFilter):
    title = _("region")
    parameter_name = "region"
    model = Region
    queryset_method = "in_region"


class ThemeListFilter(TreeListFilter):
    title = _("theme")
    parameter_name = "theme"
    model = Theme
    queryset_method = "in_theme"


class CenterListFilter(admin.SimpleListFilter):
    """A center (its programs included) or a program."""

    title = _("center or program")
    parameter_name = "center"

    def lookups(self, request, model_admin):
        return [
            (center.slug, "\u2003" * depth + center.name)
            for center, depth in Center.objects.in_tree_order()
        ]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.in_center([self.value()])
        return queryset


class PublicationChangeList(ChangeList):
    def get_queryset(self, request, exclude_parameters=None):
        # The list shows no body nor PDF text: leave them in the database; the authors column
        # comes from one prefetch query whatever the number of rows (for_listing() does both,
        # and joins the series).
        return super().get_queryset(request, exclude_parameters).for_listing()


class PublicationHistoryAdminMixin:
    """Revisions (django-reversion, see revisions.py): history with compare, restore."""

    object_history_template = "admin/publications/publication/object_history.html"
    history_latest_first = True

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "<path:object_id>/history/compare/",
                self.admin_site.admin_view(self.compare_view),
                name=f"{opts.app_label}_{opts.model_name}_compare",
            ),
            *super().get_urls(),
        ]

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        context = {
            "action_list": [
                {
                    "version_id": version.pk,
                    "revision": version.revision,
                    "url": reverse(
                        "admin:publications_publication_revision", args=[obj.pk, version.pk]
                    ),
                }
                for version in revisions.versions_of(obj.pk)
            ],
            "can_restore": self.has_change_permission(request, obj),
            "compare_url": reverse("admin:publications_publication_compare", args=[obj.pk]),
        }
        context.update(extra_context or {})
        # Django's history view (permission checks, LogEntry list), with our version list.
        return admin.ModelAdmin.history_view(self, request, object_id, context)

    def compare_view(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        versions = revisions.versions_of(obj.pk)
        try:
            chosen = [versions.get(pk=int(request.GET[key])) for key in ("a", "b")]
        except (KeyError, ValueError, Version.DoesNotExist):
            messages.error(request, _("Choose two versions to compare."))
            return self._redirect_to_history(obj)
        older, newer = sorted(chosen, key=lambda v: v.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": obj,
            "title": _("Compare versions of “%(title)s”") % {"title": obj},
            "older": older,
            "newer": newer,
            "rows": revisions.compare_versions(older, newer),
            "can_restore": self.has_change_permission(request, obj),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/publications/publication/compare.html", context)

    def changelist_view(self, request, extra_context=None):
        # Reversion wraps the whole list in a revision (two SAVEPOINT queries per view); the
        # bulk actions here open their own revision per publication instead.
        context = {"has_change_permission": self.has_change_permission(request)}
        context.update(extra_context or {})
        return admin.ModelAdmin.changelist_view(self, request, context)

    def _redirect_to_history(self, obj):
        from django.shortcuts import redirect

        return redirect("admin:publications_publication_history", obj.pk)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        """Restore an old version: its content, authors and taxonomy come back; its URL,
        status and schedule stay as they are now (restoring never publishes nor unpublishes)."""
        current = self.get_object(request, unquote(object_id))
        if current is None:
            raise Http404
        request._publication_kept = {f: getattr(current, f) for f in revisions.KEPT_ON_RESTORE}
        response = super().revision_view(request, object_id, version_id, extra_context)
        if request.method == "POST" and response.status_code == 302:
            version = Version.objects.get(pk=version_id)
            services.publication_restore_logged(
                publication=current, user=request.user, version=version
            )
            revisions.publication_after_restore(publication=current)
        return response

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        kept = getattr(request, "_publication_kept", None)
        if obj is not None and kept:
            for field, value in kept.items():
                setattr(obj, field, value)
        return obj


@admin.register(Publication)
class PublicationAdmin(
    PublicationDownloadsAdminMixin,
    PublicationHistoryAdminMixin,
    UploadValidationMixin,
    VersionAdmin,
):
    form = PublicationAdminForm
    list_display = [
        "title",
        "type",
        "status",
        "published_on",
        "language",
        "author_names",
        "series",
        "featured",
        "downloads_column",
        "public_link",
    ]
    list_filter = [
        "status",
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
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["series", "translation_of"]
    readonly_fields = [
        "cover_preview",
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
        SlugRedirectInline,
        ReviewCommentInline,
    ]
    actions = ["publish", "unpublish", "archive", "send_to_review", "return_to_draft"]
    fieldsets = [
        (None, {"fields": ["title", "subtitle", "slug", "type", "language", "summary", "body"]}),
        (
            _("Publishing"),
            {
                "fields": [
                    "status",
                    "published_on",
                    "publish_at",
                    "featured",
                    "public_link",
                    "preview_link",
                ]
            },
        ),
        (_("Files"), {"fields": ["pdf", "pages", "cover", "cover_preview"]}),
        (_("Classification"), {"fields": []}),  # filled in by get_fieldsets()
        (_("Series and identifiers"), {"fields": ["series", "series_number", "isbn", "doi"]}),
        (_("Downloads"), {"fields": ["download_count", "downloads_chart"]}),
        (
            _("Advanced"),
            {
                "classes": ["collapse"],
                "fields": [
                    "translation_of",
                    "external_url",
                    "source",
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
        fieldsets = copy.deepcopy(super().get_fieldsets(request, obj))
        for name, options in fieldsets:
            if name == _("Classification"):
                options["fields"] = list(self.through_m2m_fields)
        return fieldsets

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name in self.through_m2m_fields:
            db = kwargs.get("using")
            kwargs["widget"] = AutocompleteSelectMultiple(db_field, self.admin_site, using=db)
            kwargs.setdefault("queryset", db_field.remote_field.model._default_manager.using(db))
            kwargs.setdefault("required", False)
            return db_field.formfield(**kwargs)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_changelist(self, request, **kwargs):
        return PublicationChangeList

    # --- Roles (permissions.py) ------------------------------------------------------------
    def get_queryset(self, request):
        queryset = super().get_queryset(request).with_is_public()
        return permissions.visible_publications(request.user, queryset)

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or permissions.can_change(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        if not super().has_delete_permission(request, obj):
            return False
        return obj is None or permissions.can_change(request.user, obj)

    def has_publish_permission(self, request):
        return permissions.can_publish(request.user)

    def has_review_permission(self, request):
        return permissions.can_review(request.user)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not permissions.can_publish(request.user):
            fields += ["publish_at", "featured"]
        return fields

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        return type(form.__name__, (form,), {"user": request.user})

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "status":
            allowed = permissions.allowed_statuses(request.user)
            kwargs["choices"] = [c for c in db_field.choices if c[0] in allowed]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        """Fields are saved as typed; the status and schedule go through the workflow service,
        which checks the publishing permission and writes the audit line."""
        status, publish_at = obj.status, obj.publish_at
        if change:
            obj.status = form.initial.get("status", obj.status)
            obj.publish_at = form.initial.get("publish_at", obj.publish_at)
        else:
            obj.created_by = request.user
            obj.status, obj.publish_at = Publication.Status.DRAFT, None
        super().save_model(request, obj, form, change)
        services.publication_set_status(
            publication=obj, user=request.user, status=status, publish_at=publish_at
        )
        if change and "slug" in form.changed_data:
            services.slug_redirect_record(publication=obj, old_slug=form.initial.get("slug", ""))
        if {"pdf", "cover"} & set(form.changed_data):
            # save_related() refreshes the search vectors (the PDF's text with the rest).
            publication_process_pdf(publication=obj)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Now that authors (inline) and taxonomy (m2m) are saved, the search vectors can be
        # computed from them.
        search_index_refresh()

    def save_formset(self, request, form, formset, change):
        if formset.model is ReviewComment:
            for comment in formset.save(commit=False):
                comment.author = request.user
                comment.save()
            return
        super().save_formset(request, form, formset, change)

    def get_inline_instances(self, request, obj=None):
        inlines = super().get_inline_instances(request, obj)
        if obj is None:  # comments are on an existing publication
            inlines = [i for i in inlines if not isinstance(i, ReviewCommentInline)]
        return inlines

    # --- Columns and read-only fields ---------------------------------------------------------
    @admin.display(description=_("authors"))
    def author_names(self, obj):
        return ", ".join(author.name for author in obj.ordered_authors) or EMPTY

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

    # --- Bulk actions --------------------------------------------------------------------------
    def _change_status(self, request, queryset, *, service, status, message):
        """Apply a status service to each selected publication not already in that status (the
        service checks the permission and writes the admin history); each change is a revision.
        Then tell the user how many changed (`message` is an ngettext_lazy keyed on "count")."""
        changed = 0
        for publication in queryset:
            if publication.status == status:
                continue
            with reversion.create_revision():
                reversion.set_user(request.user)
                service(publication=publication, user=request.user)
                reversion.set_comment(
                    _("Status: %(status)s") % {"status": publication.get_status_display()}
                )
            changed += 1
        self.message_user(request, message % {"count": changed}, messages.SUCCESS)

    @admin.action(description=_("Publish selected publications"), permissions=["publish"])
    def publish(self, request, queryset):
        self._change_status(
            request,
            queryset,
            service=services.publication_publish,
            status=Publication.Status.PUBLISHED,
            message=ngettext_lazy(
                "%(count)d publication was published.",
                "%(count)d publications were published.",
                "count",
            ),
        )

    @admin.action(
        description=_("Unpublish selected publications (back to draft)"), permissions=["publish"]
    )
    def unpublish(self, request, queryset):
        self._change_status(
            request,
            queryset,
            service=services.publication_unpublish,
            status=Publication.Status.DRAFT,
            message=ngettext_lazy(
                "%(count)d publication was set back to draft.",
                "%(count)d publications were set back to draft.",
                "count",
            ),
        )

    @admin.action(description=_("Archive selected publications"), permissions=["publish"])
    def archive(self, request, queryset):
        self._change_status(
            request,
            queryset,
            service=services.publication_archive,
            status=Publication.Status.ARCHIVED,
            message=ngettext_lazy(
                "%(count)d publication was archived.",
                "%(count)d publications were archived.",
                "count",
            ),
        )

    @admin.action(description=_("Send selected drafts to review"), permissions=["review"])
    def send_to_review(self, request, queryset):
        self._change_status(
            request,
            queryset.filter(status=Publication.Status.DRAFT),
            service=services.publication_submit_for_review,
            status=Publication.Status.REVIEW,
            message=ngettext_lazy(
                "%(count)d publication was sent to review.",
                "%(count)d publications were sent to review.",
                "count",
            ),
        )

    @admin.action(description=_("Return selected items in review to draft"), permissions=["review"])
    def return_to_draft(self, request, queryset):
        self._change_status(
            request,
            queryset.filter(status=Publication.Status.REVIEW),
            service=services.publication_return_to_draft,
            status=Publication.Status.DRAFT,
            message=ngettext_lazy(
                "%(count)d publication was returned to draft.",
                "%(count)d publications were returned to draft.",
                "count",
            ),
        )
