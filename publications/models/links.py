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


def _one_row_per_tag(field):
    return models.UniqueConstraint(fields=["publication", field], name=f"publication{field}_unique")


def _publications_of_tag(field):
    return models.Index(fields=[field, "publication"], name=f"pub{field}_{field}_idx")


class PublicationTag(models.Model):
    """A publication tagged with one region, theme or center; the facet rows follow these
    tables through database triggers."""

    publication = models.ForeignKey("publications.Publication", on_delete=models.CASCADE)

    class Meta:
        abstract = True

    def __str__(self):
        tag = next(
            f for f in self._meta.concrete_fields if f.is_relation and f.name != "publication"
        )
        return f"{self.publication_id} – {tag.value_from_object(self)}"


class PublicationRegion(PublicationTag):
    region = models.ForeignKey("taxonomy.Region", on_delete=models.PROTECT)

    class Meta:
        constraints = [_one_row_per_tag("region")]
        indexes = [_publications_of_tag("region")]


class PublicationTheme(PublicationTag):
    theme = models.ForeignKey("taxonomy.Theme", on_delete=models.PROTECT)

    class Meta:
        constraints = [_one_row_per_tag("theme")]
        indexes = [_publications_of_tag("theme")]


class PublicationCenter(PublicationTag):
    center = models.ForeignKey("centers.Center", on_delete=models.PROTECT)

    class Meta:
        constraints = [_one_row_per_tag("center")]
        indexes = [_publications_of_tag("center")]


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
