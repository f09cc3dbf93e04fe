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
