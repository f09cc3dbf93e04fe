"""Research centers and the programs that belong to them."""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from thinktank.i18n import english_base_columns
from thinktank.uploads import ServerNamed, validate_image_upload


class CenterQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def centers(self):
        return self.filter(kind=Center.Kind.CENTER)

    def programs(self):
        return self.filter(kind=Center.Kind.PROGRAM)

    def with_programs(self, slugs):
        """The centers named and their programs (a center's work includes its programs')."""
        return self.filter(models.Q(slug__in=slugs) | models.Q(parent__slug__in=slugs))

    def in_tree_order(self):
        """[(center, depth)]: each center followed by its programs (one query). Programs whose
        center is not in the queryset (an inactive center) come last, still indented."""
        nodes = list(self.order_by("parent_id", "order", "name"))
        roots = {node.pk for node in nodes if not node.parent_id}
        ordered = []
        for root in (node for node in nodes if not node.parent_id):
            ordered.append((root, 0))
            ordered += [(node, 1) for node in nodes if node.parent_id == root.pk]
        ordered += [(node, 1) for node in nodes if node.parent_id and node.parent_id not in roots]
        return ordered


class Center(models.Model):
    class Kind(models.TextChoices):
        CENTER = "center", _("Research center")
        PROGRAM = "program", _("Program")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.CENTER)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("center"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="programs",
        limit_choices_to={"kind": "center"},
        help_text=_("The center a program belongs to. Centers have none."),
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    # Old slugs whose URLs redirect here (thinktank/redirects.py); deleted with the row.
    old_slugs = GenericRelation("thinktank.OldSlug")
    summary = models.CharField(_("summary"), max_length=500, blank=True)
    description = models.TextField(_("description"), blank=True)
    image = models.ImageField(
        _("image"), upload_to=ServerNamed("centers"), blank=True, validators=[validate_image_upload]
    )
    heads = models.ManyToManyField(
        "publications.Author", verbose_name=_("heads"), blank=True, related_name="headed_centers"
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    active = models.BooleanField(
        _("active"), default=True, help_text=_("Inactive centers are hidden from the public.")
    )

    objects = CenterQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("center or program")
        verbose_name_plural = _("centers and programs")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["center", "program"]), name="center_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(kind="center", parent__isnull=True)
                | Q(kind="program", parent__isnull=False),
                name="center_program_has_parent",
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # The base columns stay English (see publications/translation.py).
        with english_base_columns():
            super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.kind == self.Kind.PROGRAM and not self.parent_id:
            raise ValidationError({"parent": _("A program belongs to a center: choose it.")})
        if self.kind == self.Kind.CENTER and self.parent_id:
            raise ValidationError({"parent": _("A center does not belong to another center.")})

    @property
    def is_program(self):
        return self.kind == self.Kind.PROGRAM

    def get_absolute_url(self):
        return reverse("centers:detail", kwargs={"slug": self.slug})
