"""Series: the collections publications are numbered in (with an ISSN)."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from thinktank.i18n import english_base_columns

from ..validators import normalize_issn, validate_issn


class Series(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    # Old slugs whose URLs redirect here (thinktank/redirects.py); deleted with the row.
    old_slugs = GenericRelation("thinktank.OldSlug")
    issn = models.CharField(
        _("ISSN"),
        max_length=9,
        blank=True,
        validators=[validate_issn],
        help_text=_("Eight digits with the check digit, e.g. 1958-5284."),
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("series")
        verbose_name_plural = _("series")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.issn = normalize_issn(self.issn) if self.issn else ""
        with english_base_columns():
            super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("publications:list") + f"?series={self.slug}"
