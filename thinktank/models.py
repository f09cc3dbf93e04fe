"""What the site keeps about its own URLs: the old slugs of renamed objects."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class OldSlugQuerySet(models.QuerySet):
    def of_model(self, model):
        return self.filter(content_type=ContentType.objects.get_for_model(model))


class OldSlug(models.Model):
    """A slug that used to name an object (a publication, an expert, a center, a series, a
    region, a theme): every URL that carried it answers 301 to the object's current URL,
    forever (see thinktank/redirects.py). Recorded by `redirects.old_slug_record()` when staff
    change a slug, never typed in."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    old_slug = models.SlugField(_("old slug"), max_length=200)
    created_at = models.DateTimeField(_("renamed"), auto_now_add=True)

    objects = OldSlugQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("old URL")
        verbose_name_plural = _("old URLs")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "old_slug"], name="oldslug_unique_per_kind"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="oldslug_target_idx")]

    def __str__(self):
        return f"{self.old_slug} → {self.content_type.model} {self.object_id}"
