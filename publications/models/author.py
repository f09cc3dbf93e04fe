"""Experts: the authors of publications, with their pages on the site."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from thinktank.i18n import english_base_columns
from thinktank.uploads import ServerNamed, validate_image_upload

from ..querysets import AuthorQuerySet
from ..validators import normalize_orcid, orcid_url, validate_orcid


class Author(models.Model):
    name = models.CharField(_("name"), max_length=200)
    sort_name = models.CharField(
        _("sort name"),
        max_length=200,
        blank=True,
        help_text=_("How the name is alphabetised, e.g. “Doe, Jane”. Filled in when left empty."),
    )
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    # Old slugs whose URLs redirect here (thinktank/redirects.py); deleted with the row.
    old_slugs = GenericRelation("thinktank.OldSlug")
    title = models.CharField(
        _("title"), max_length=200, blank=True, help_text=_("e.g. Research Fellow")
    )
    bio = models.TextField(_("biography"), blank=True)
    photo = models.ImageField(
        _("photo"), upload_to=ServerNamed("experts"), blank=True, validators=[validate_image_upload]
    )
    centers = models.ManyToManyField(
        "centers.Center", verbose_name=_("centers"), blank=True, related_name="members"
    )
    orcid = models.CharField(
        _("ORCID iD"),
        max_length=40,
        blank=True,
        validators=[validate_orcid],
        help_text=_("As on orcid.org (0000-0002-1825-0097); the link works too."),
    )
    website = models.URLField(_("personal page"), blank=True)
    email = models.EmailField(
        _("e-mail"),
        blank=True,
        help_text=_("Never shown publicly unless “e-mail public” is ticked."),
    )
    email_public = models.BooleanField(_("e-mail public"), default=False)
    active = models.BooleanField(
        _("active"), default=True, help_text=_("Inactive experts are left out of the experts list.")
    )

    objects = AuthorQuerySet.as_manager()

    class Meta:
        ordering = ["sort_name", "name"]
        verbose_name = _("expert")
        verbose_name_plural = _("experts")
        indexes = [models.Index(fields=["sort_name"], name="author_sort_name_idx")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.sort_name:
            self.sort_name = self.default_sort_name(self.name)
        self.orcid = normalize_orcid(self.orcid)
        with english_base_columns():
            super().save(*args, **kwargs)

    @staticmethod
    def default_sort_name(name):
        parts = name.split()
        if len(parts) < 2:
            return name
        return f"{parts[-1]}, {' '.join(parts[:-1])}"

    @property
    def orcid_url(self):
        return orcid_url(self.orcid)

    @property
    def public_email(self):
        return self.email if self.email_public else ""

    @property
    def initial(self):
        return (self.sort_name or self.name)[:1].upper()

    @property
    def initials(self):
        """Up to two letters for the placeholder of an expert without a photo: the first and
        last words of the name ("Marc-Antoine Lefèvre" -> "ML")."""
        words = [word for word in self.name.split() if word[:1].isalpha()]
        return "".join(word[0] for word in words[:1] + words[1:][-1:]).upper()

    def get_absolute_url(self):
        return reverse("publications:expert_detail", kwargs={"slug": self.slug})
