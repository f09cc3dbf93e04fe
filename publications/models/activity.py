"""What happens around a publication: its review comments, its downloads (its old URLs are
`thinktank.models.OldSlug`, shared with every kind that has a slug)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DownloadDay(models.Model):
    """Downloads of a publication's PDF on one day (local time), counted with SQL upserts."""

    publication = models.ForeignKey(
        "publications.Publication",
        verbose_name=_("publication"),
        on_delete=models.CASCADE,
        related_name="download_days",
    )
    day = models.DateField(_("day"))
    count = models.PositiveIntegerField(_("downloads"), default=0)

    class Meta:
        ordering = ["-day", "publication"]
        verbose_name = _("downloads on a day")
        verbose_name_plural = _("downloads by day")
        constraints = [
            models.UniqueConstraint(fields=["publication", "day"], name="downloadday_unique")
        ]
        indexes = [models.Index(fields=["day"], name="downloadday_day_idx")]

    def __str__(self):
        return f"{self.publication_id} {self.day}: {self.count}"


class ReviewComment(models.Model):
    """A reviewer's or editor's note on a publication, shown on its admin page.

    Kept apart from the revisions: a comment needs no change to the text, stays visible on the
    form for the contributor, and is never undone by restoring an older version."""

    publication = models.ForeignKey(
        "publications.Publication",
        verbose_name=_("publication"),
        on_delete=models.CASCADE,
        related_name="review_comments",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("review comment")
        verbose_name_plural = _("review comments")

    def __str__(self):
        return f"{self.author} on {self.publication_id}: {self.text[:40]}"


class EditionClaim(models.Model):
    """A claim on generating the edition of one publication (publications/pdf/editions.py): the
    row's primary key is the lock, so two processes, on any machines that share a database
    without advisory locks, cannot both generate it. Deleted when the generation ends; a claim
    older than `claimed_at` + editions.CLAIM_STALE_SECONDS belonged to a process that died."""

    # The publication's id, without a foreign key: a claim must never wait on, or be removed
    # with, the publication's row (staff saving it, the download counter updating it).
    publication_id = models.BigIntegerField(_("publication"), primary_key=True)
    claimed_at = models.DateTimeField(_("claimed at"))

    class Meta:
        ordering = ["claimed_at"]
        verbose_name = _("edition claim")
        verbose_name_plural = _("edition claims")

    def __str__(self):
        return f"{self.publication_id} @ {self.claimed_at:%Y-%m-%d %H:%M:%S}"
