"""The rows that tie a publication to its authors, regions, themes, centers and pinned reading."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class PublicationAuthor(models.Model):
    class Role(models.TextChoices):
        AUTHOR = "author", _("Author")
        EDITOR = "editor", _("Editor")
        CONTRIBUTOR = "contributor", _("Contributor")

    publication = models.ForeignKey(
        "publications.Publication", on_delete=models.CASCADE, related_name="publication_authors"
    )
    author = models.ForeignKey(
        "publications.Author",
        verbose_name=_("expert"),
        on_delete=models.PROTECT,
        related_name="publication_links",
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.AUTHOR)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        constraints = [
            models.UniqueConstraint(
                fields=["publication", "author"], name="publicationauthor_unique"
            ),
            models.CheckConstraint(
                condition=Q(role__in=["author", "editor", "contributor"]),
                name="publicationauthor_role_valid",
            ),
        ]

    def __str__(self):
        return f"{self.author} ({self.get_role_display()})"


class PublicationRegion(models.Model):
    publication = models.ForeignKey("publications.Publication", on_delete=models.CASCADE)
    region = models.ForeignKey("taxonomy.Region", on_delete=models.PROTECT)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["publication", "region"], name="publicationregion_unique"
            )
        ]
        indexes = [models.Index(fields=["region", "publication"], name="pubregion_region_idx")]

    def __str__(self):
        return f"{self.publication_id} – {self.region_id}"


class PublicationTheme(models.Model):
    publication = models.ForeignKey("publications.Publication", on_delete=models.CASCADE)
    theme = models.ForeignKey("taxonomy.Theme", on_delete=models.PROTECT)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["publication", "theme"], name="publicationtheme_unique")
        ]
        indexes = [models.Index(fields=["theme", "publication"], name="pubtheme_theme_idx")]

    def __str__(self):
        return f"{self.publication_id} – {self.theme_id}"


class PublicationCenter(models.Model):
    publication = models.ForeignKey("publications.Publication", on_delete=models.CASCADE)
    center = models.ForeignKey("centers.Center", on_delete=models.PROTECT)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["publication", "center"], name="publicationcenter_unique"
            )
        ]
        indexes = [models.Index(fields=["center", "publication"], name="pubcenter_center_idx")]

    def __str__(self):
        return f"{self.publication_id} – {self.center_id}"


class PinnedRelation(models.Model):
    """An editor's choice of related reading, shown first in "Related analyses"."""

    from_publication = models.ForeignKey(
        "publications.Publication", on_delete=models.CASCADE, related_name="pinned_relations"
    )
    to_publication = models.ForeignKey(
        "publications.Publication",
        verbose_name=_("publication"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("pinned related publication")
        verbose_name_plural = _("pinned related publications")
        constraints = [
            models.UniqueConstraint(
                fields=["from_publication", "to_publication"], name="pinnedrelation_unique"
            ),
            models.CheckConstraint(
                condition=~Q(from_publication=models.F("to_publication")),
                name="pinnedrelation_not_self",
            ),
        ]

    def __str__(self):
        return f"{self.from_publication_id} → {self.to_publication_id}"
