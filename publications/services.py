"""Multi-step writes on publications.

The status services are the only code that publishes: each checks the publishing permission
itself (whoever calls it: admin form, bulk action, a future API) and writes the admin's history
(LogEntry) with the user, so "who published this, when" is always answered.
"""

from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thinktank.cache import catalogue_changed
from thinktank.files import file_release

from . import permissions
from .models import BodyImage, Publication, PublicationAuthor
from .pdf import active_content
from .search import search_index_rebuild
from .tasks import enqueue_after_commit, publication_pdf_process_task

# --- Audit -------------------------------------------------------------------------------------


def publication_log(*, publication: Publication, user, message: str) -> LogEntry | None:
    """One line in the admin's history of the publication ("Published", "Scheduled for ...")."""
    if user is None or not user.pk:
        return None
    return LogEntry.objects.create(
        user_id=user.pk,
        content_type=ContentType.objects.get_for_model(Publication),
        object_id=str(publication.pk),
        object_repr=str(publication)[:200],
        action_flag=CHANGE,
        change_message=message,
    )


def transition_message(*, before_status, before_publish_at, publication: Publication) -> str:
    """What a status/schedule change means, in the words of the audit log ("" when none)."""
    status, publish_at = publication.status, publication.publish_at
    if status == before_status and publish_at == before_publish_at:
        return ""
    if publication.is_scheduled:
        when = timezone.localtime(publish_at).strftime("%Y-%m-%d %H:%M %Z")
        return _("Scheduled for %(when)s") % {"when": when}
    if status == Publication.Status.PUBLISHED:
        return _("Published") if before_status != status else _("Schedule cleared")
    if status == Publication.Status.ARCHIVED:
        return _("Archived")
    if before_status in (Publication.Status.PUBLISHED, Publication.Status.ARCHIVED):
        return _("Unpublished (now %(status)s)") % {"status": publication.get_status_display()}
    if status == Publication.Status.REVIEW:
        return _("Sent to review")
    if status == Publication.Status.DRAFT and before_status == Publication.Status.REVIEW:
        return _("Returned to draft")
    return ""


# --- Status changes ----------------------------------------------------------------------------
# One door for every change of status or schedule, whoever asks (admin form, bulk action, a
# future API): it checks the permission and writes the audit line.

UNCHANGED = object()


def _denied(action):
    return PermissionDenied(
        _("You are not allowed to %(action)s publications.") % {"action": action}
    )


def publication_check_transition(*, publication: Publication, user, status, publish_at) -> None:
    """Raise PermissionDenied unless `user` may move `publication` (as saved in the database)
    to `status` with `publish_at`."""
    before, before_publish_at = publication.status, publication.publish_at
    Status = Publication.Status
    workflow_states = (Status.DRAFT, Status.REVIEW)
    if user is None:
        raise _denied(_("change the status of"))
    if publish_at != before_publish_at and not permissions.can_publish(user):
        raise _denied(_("schedule"))
    if status == before:
        return
    if (before, status) == (Status.DRAFT, Status.REVIEW) and permissions.can_submit(
        user, publication
    ):
        return
    if status in workflow_states and before in workflow_states:
        if not permissions.can_review(user):
            raise _denied(_("review"))
    elif not permissions.can_publish(user):
        raise _denied(
            {
                Status.PUBLISHED: _("publish"),
                Status.ARCHIVED: _("archive"),
            }.get(status, _("unpublish"))
        )


def publication_allowed_statuses(*, publication: Publication | None, user) -> list[str]:
    """The statuses `user` may give `publication` (None: a new one, which starts as a draft),
    as `publication_check_transition` decides."""
    current = publication or Publication(status=Publication.Status.DRAFT)
    allowed = []
    for status in Publication.Status.values:
        try:
            publication_check_transition(
                publication=current, user=user, status=status, publish_at=current.publish_at
            )
        except PermissionDenied:
            continue
        allowed.append(status)
    return allowed


class ActiveContentNotConfirmed(PermissionDenied):
    """Publishing a PDF with active content (pdf/active_content.py) needs an editor's yes."""

    def __init__(self, publication, findings):
        self.findings = findings
        super().__init__(
            _(
                "“%(title)s” was not published: its PDF has active content (%(findings)s). "
                "Check it, then publish it from its change form, ticking “Publish even with "
                "active content”, or upload a PDF without it."
            )
            % {"title": publication, "findings": active_content.describe(findings)}
        )


def publication_check_active_content(
    *, publication: Publication, status, findings=None, confirmed=False
) -> None:
    """Raise ActiveContentNotConfirmed when `status` publishes `publication` (it was not
    published) and its PDF has active content, unless `confirmed`. `findings`: those of a PDF
    about to replace the stored one (default: the stored PDF's)."""
    if confirmed or status != Publication.Status.PUBLISHED:
        return
    if findings is None:
        if publication.status == Publication.Status.PUBLISHED:
            return  # already public: only a new PDF is checked (findings given)
        findings = active_content.stored_active_content(publication)
    if findings:
        raise ActiveContentNotConfirmed(publication, findings)


@transaction.atomic
def publication_set_status(
    *, publication: Publication, user, status, publish_at=UNCHANGED, active_content_confirmed=False
) -> Publication:
    """Give `publication` a status (and a `publish_at`, when given), if `user` may. Publishing
    a PDF with active content needs `active_content_confirmed` (ActiveContentNotConfirmed)."""
    if publish_at is UNCHANGED:
        publish_at = publication.publish_at
    publication_check_transition(
        publication=publication, user=user, status=status, publish_at=publish_at
    )
    publication_check_active_content(
        publication=publication, status=status, confirmed=active_content_confirmed
    )
    before_status, before_publish_at = publication.status, publication.publish_at
    if status == before_status and publish_at == before_publish_at:
        return publication
    catalogue_changed(publications=[publication])
    publication.status, publication.publish_at = status, publish_at
    publication.save(update_fields=["status", "publish_at", "updated_at"])
    message = transition_message(
        before_status=before_status, before_publish_at=before_publish_at, publication=publication
    )
    if message:
        publication_log(publication=publication, user=user, message=message)
    if status == Publication.Status.PUBLISHED and not publication.pdf:
        from .tasks import enqueue_after_commit, publication_edition_render_task

        # Its generated edition, ready before the first reader asks for it.
        enqueue_after_commit(publication_edition_render_task, publication.pk)
    return publication


def publication_publish(*, publication: Publication, user) -> Publication:
    """Make a publication public (a future `publish_at` still holds it back until then)."""
    return publication_set_status(
        publication=publication, user=user, status=Publication.Status.PUBLISHED
    )


def publication_unpublish(*, publication: Publication, user) -> Publication:
    """Take a publication off the site, back to draft."""
    if user is None or not permissions.can_publish(user):
        raise _denied(_("unpublish"))
    return publication_set_status(
        publication=publication, user=user, status=Publication.Status.DRAFT
    )


def publication_archive(*, publication: Publication, user) -> Publication:
    """Withdraw a publication: its page answers 410 Gone, keeping its citation data."""
    return publication_set_status(
        publication=publication, user=user, status=Publication.Status.ARCHIVED
    )


def publication_submit_for_review(*, publication: Publication, user) -> Publication:
    """Draft → review (Reviewers and Editors; Contributors for their own drafts)."""
    _require(publication, Publication.Status.DRAFT, _("Only a draft can be sent to review."))
    return publication_set_status(
        publication=publication, user=user, status=Publication.Status.REVIEW
    )


def publication_return_to_draft(*, publication: Publication, user) -> Publication:
    """Review → draft (Reviewers and Editors)."""
    _require(
        publication,
        Publication.Status.REVIEW,
        _("Only an item in review can be returned to draft."),
    )
    return publication_set_status(
        publication=publication, user=user, status=Publication.Status.DRAFT
    )


def _require(publication, status, refusal):
    if publication.status != status:
        raise PermissionDenied(refusal)


def publication_restored(*, publication: Publication, user, version, files_before) -> None:
    """What follows the restore of `version` (the rows themselves are put back by reversion's
    admin view): the audit line; the text and thumbnail of a PDF or cover that the restore
    changed (`files_before`: the (pdf, cover) names before it), derived in a background task;
    and search vectors computed from the restored text (a version keeps none, and older ones
    carry another text's)."""
    when = timezone.localtime(version.revision.date_created).strftime("%Y-%m-%d %H:%M %Z")
    by = version.revision.user.get_username() if version.revision.user else "?"
    publication_log(
        publication=publication,
        user=user,
        message=_("Restored the version of %(when)s by %(by)s") % {"when": when, "by": by},
    )
    restored = Publication.objects.get(pk=publication.pk)
    catalogue_changed(publications=[restored])
    if (restored.pdf.name, restored.cover.name) != tuple(files_before):
        publication_pdf_changed(
            publication=restored, pdf_changed=restored.pdf.name != files_before[0]
        )
    search_index_rebuild(publication_ids=[restored.pk])


# --- Authors -----------------------------------------------------------------------------------


def publication_authors_renumber(*, publication: Publication) -> None:
    """Number the authors of `publication` 0..n-1 in their order (position, then the row added
    first): gaps and ties left by a form (two rows at 0, a row appended at 32767) go away, so
    the order every output shows is the one staff saved. One query, and one more if any
    position changes."""
    rows = list(
        PublicationAuthor.objects.filter(publication=publication).order_by("position", "pk")
    )
    changed = []
    for position, row in enumerate(rows):
        if row.position != position:
            row.position = position
            changed.append(row)
    if changed:
        PublicationAuthor.objects.bulk_update(changed, ["position"])


def publication_pdf_changed(*, publication: Publication, pdf_changed: bool = True) -> None:
    """Mark what `publication`'s PDF gives as pending and enqueue its processing (once the
    transaction commits). `pdf_changed`: the PDF itself changed (its page count and text are
    cleared until the task has read the new one), else only the cover did. The old thumbnail
    is let go at once (released from storage after the commit, unless a revision keeps it): a
    reader sees no thumbnail rather than the previous file's."""
    fields = {
        "pdf_status": Publication.PdfStatus.PENDING if publication.pdf else "",
        "pdf_status_message": "",
        "thumbnail": "",
    }
    if pdf_changed:
        fields["pdf_text"] = ""
        if publication.pdf:  # without a file, pages is what staff typed (a printed book)
            fields["pages"] = None
    old_thumbnail = publication.thumbnail.name or ""
    Publication.objects.filter(pk=publication.pk).update(**fields)
    for field, value in fields.items():
        setattr(publication, field, value)
    if old_thumbnail:
        file_release(publication.thumbnail.storage, old_thumbnail)
    catalogue_changed(publications=[publication])
    enqueue_after_commit(publication_pdf_process_task, publication.pk, publication.pdf.name or "")


class BodyImageInUse(ValidationError):
    """A library image that bodies still show; `publications` lists them."""

    def __init__(self, image, publications):
        self.publications = list(publications)
        super().__init__(
            _("“%(image)s” is shown in %(titles)s: take it out of those bodies first."),
            code="body_image_in_use",
            params={
                "image": image,
                "titles": ", ".join(f"“{p.title}”" for p in self.publications),
            },
        )


def body_image_delete(*, image: BodyImage) -> None:
    """Delete a library image and, once the transaction commits, its file (thinktank/files.py).
    Raises BodyImageInUse, deleting nothing, when the body of any publication (whatever its
    status) still shows it: deleting the file would leave a broken figure."""
    with transaction.atomic():
        using = list(Publication.objects.showing_media(image.image.name).order_by("title"))
        if using:
            raise BodyImageInUse(image, using)
        name, storage = image.image.name, image.image.storage
        image.delete()
        file_release(storage, name)
