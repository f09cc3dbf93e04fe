"""Trees of regions and themes.

Why a materialized path of our own rather than django-treebeard or django-tree-queries: the trees
are small (tens to a few hundred nodes), editors move nodes rarely, and what every public query
needs is "this node and all its descendants" inside a SQL subquery. A `path` column of ancestor
slugs ("/asia/japan/") gives exactly that with one indexed `LIKE 'prefix%'`, and the importer
writes whole trees in bulk because the path is known before insertion. Keeping it costs the ~30
lines of `save()` below. django-tree-queries would drop those lines but turn every "descendants
of" into a recursive CTE (facets, filters and the related widget all ask it); treebeard's
`MP_Node` keeps a path too, in its own encoding, and wants nodes added and moved through its API
(`add_child()`, `move()`), which the bulk importer and the admin form would have to learn.

Publications' facet rows follow a moved node by themselves (a database trigger, see
`publications/migrations/0014_derived_state_triggers.py`).
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Exists, OuterRef
from django.db.models.functions import Concat, Substr
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from thinktank.i18n import english_base_columns


class TreeQuerySet(models.QuerySet):
    def descendants_of(self, node_or_nodes, *, include_self=True):
        """Nodes below the given node(s), and the nodes themselves unless include_self=False."""
        nodes = node_or_nodes if isinstance(node_or_nodes, list | tuple | set) else [node_or_nodes]
        query = models.Q()
        for node in nodes:
            query |= models.Q(path__startswith=node.path)
        if not nodes:
            return self.none()
        qs = self.filter(query)
        if not include_self:
            qs = qs.exclude(pk__in=[node.pk for node in nodes])
        return qs

    def with_slugs_and_descendants(self, slugs):
        """Every node named by slug plus all its descendants, as one subquery-friendly queryset."""
        return self.descendants_of(list(self.filter(slug__in=slugs).only("pk", "path")))

    def tagging(self, publications):
        """The nodes that tag any of these publications directly (one EXISTS subquery)."""
        links = self.model.publications.through.objects.filter(
            **{self.model._meta.model_name: OuterRef("pk")},
            publication__in=publications.values("pk"),
        )
        return self.filter(Exists(links))

    def roots(self):
        return self.filter(parent__isnull=True)

    def in_tree_order(self):
        """All nodes depth-first, siblings by (order, name): one query, sorted in Python."""
        return depth_first(
            list(self),
            pk=lambda n: n.pk,
            parent=lambda n: n.parent_id,
            key=lambda n: (n.order, n.name),
        )

    def options_in_tree_order(self):
        """(pk, slug, name, depth) of every node depth-first, as `in_tree_order()`, read as
        values: the filter forms of every list page ask for them, so no model instance."""
        rows = self.values_list("pk", "slug", "name", "depth", "parent_id", "order")
        ordered = depth_first(
            list(rows), pk=lambda r: r[0], parent=lambda r: r[4], key=lambda r: (r[5], r[2])
        )
        return [row[:4] for row in ordered]


def depth_first(nodes, *, pk, parent, key):
    """`nodes` depth-first, each node's children sorted by `key`; `pk` and `parent` read a
    node's id and its parent's. A node whose parent is not among them starts a tree."""
    children = {}
    for node in nodes:
        children.setdefault(parent(node), []).append(node)
    known = {pk(node) for node in nodes}
    ordered = []

    def walk(parent_id):
        for node in sorted(children.get(parent_id, []), key=key):
            ordered.append(node)
            walk(pk(node))

    for parent_id in children:
        if parent_id is None or parent_id not in known:
            walk(parent_id)
    return ordered


class TreeNode(models.Model):
    """A node of a small editorial tree (regions, themes)."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    # Old slugs whose URLs redirect here (thinktank/redirects.py); deleted with the row.
    old_slugs = GenericRelation("thinktank.OldSlug")
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_("Leave empty for a top-level entry. A node with children cannot be deleted."),
    )
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveIntegerField(
        _("order"), default=0, help_text=_("Smaller numbers come first among siblings.")
    )
    # Derived from the parents' slugs; maintained by save(); never edited by hand.
    path = models.CharField(max_length=1000, editable=False, db_index=True, default="")
    depth = models.PositiveSmallIntegerField(editable=False, default=0)

    objects = TreeQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    @property
    def indented_name(self):
        return "\u2003" * self.depth + self.name

    def compute_path(self):
        parent_path = self.parent.path if self.parent_id else "/"
        return f"{parent_path}{self.slug}/"

    def clean(self):
        super().clean()
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk and self.pk is not None:
                raise ValidationError(
                    {"parent": _("A node cannot be placed below itself or its descendants.")}
                )
            ancestor = ancestor.parent

    def save(self, *args, **kwargs):
        old_path = None
        if self.pk:
            old_path = type(self).objects.filter(pk=self.pk).values_list("path", flat=True).first()
        self.path = self.compute_path()
        self.depth = self.path.count("/") - 2
        with transaction.atomic(), english_base_columns():
            super().save(*args, **kwargs)
            if old_path and old_path != self.path:
                self._move_descendants(old_path)

    def _move_descendants(self, old_path):
        """Rewrite the paths of every descendant after a rename or a move, in one UPDATE."""
        depth_change = self.depth - (old_path.count("/") - 2)
        type(self).objects.filter(path__startswith=old_path).exclude(pk=self.pk).update(
            path=Concat(models.Value(self.path), Substr("path", len(old_path) + 1)),
            depth=models.F("depth") + depth_change,
        )

    def ancestors(self):
        """Ancestors from the root down, excluding self (one query)."""
        slugs = self.path.strip("/").split("/")[:-1]
        by_slug = {node.slug: node for node in type(self).objects.filter(slug__in=slugs)}
        return [by_slug[s] for s in slugs if s in by_slug]

    def descendants(self, *, include_self=True):
        return type(self).objects.descendants_of(self, include_self=include_self)

    def get_absolute_url(self):
        view = f"taxonomy:{self._meta.model_name}_detail"  # region_detail, theme_detail
        return reverse(view, kwargs={"slug": self.slug})


class Region(TreeNode):
    class Meta(TreeNode.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")


class Theme(TreeNode):
    class Meta(TreeNode.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
