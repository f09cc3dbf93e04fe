"""What an import changes: each record compared with its row and links in the database.

A record whose values, files (same SHA-256) and links all equal what the database holds is
*unchanged* and is not written at all, so its `updated_at` stays and no trigger fires;
importing the same document twice writes nothing. Comparison is by slug (a parent, a series,
an original are compared as slugs), so it needs no primary key and serves the dry run too.
"""

from dataclasses import dataclass

from thinktank.i18n import BASE_LANGUAGE

from .files import SourceFile
from .format import FRENCH, TRANSLATED
from .queries import chunks
from .tables import Links

BATCH = 500


@dataclass
class Change:
    """A record to write: `pk` None when new; `row` holds the values by column (a file column:
    the kept name, a `SourceFile` to store, or None), `old_files` the names it replaces, and
    `links` the keys of the link sets to replace."""

    slug: str
    pk: int | None
    row: dict
    old_files: dict
    links: set

    def file_changed(self, *names):
        return any(
            name in self.old_files or isinstance(self.row.get(name), SourceFile) for name in names
        )


def table_changes(table, plan):
    """(changes, unchanged count) of a section of the plan, a batch of slugs at a time."""
    items = plan.records[table.section]
    english = [f"{name}_{BASE_LANGUAGE}" for name in TRANSLATED.get(table.section, ())]
    changes, unchanged = [], 0
    for chunk in chunks(items, BATCH):
        rows = table.model.objects.filter(slug__in=chunk).values("slug", "pk", *table.columns)
        current = {row.pop("slug"): row for row in rows}
        for row in current.values():
            # Rows saved outside an import may hold NULL in an English column: it reads as "".
            row.update({column: row[column] or "" for column in english})
        links = _current_links(table, [row["pk"] for row in current.values()])
        for slug in chunk:
            change = _compare(table, slug, items[slug], current.get(slug), links, plan)
            if change is None:
                unchanged += 1
            else:
                changes.append(change)
    return changes, unchanged


def desired_links(links: Links, item):
    if links.roles:
        return list(zip(item[links.key], item["author_roles"], strict=True))
    return list(item[links.key])


def _current_links(table, owner_pks):
    """{link key: {owner pk: [target slug, or (slug, role)]}} in position order."""
    result = {}
    for links in table.links:
        found = result[links.key] = {}
        if not owner_pks:
            continue
        values = [f"{links.target}__slug", *(["role"] if links.roles else [])]
        order = [f"{links.owner}_id", *(["position"] if links.ordered else []), "pk"]
        for chunk in chunks(owner_pks):
            rows = links.model.objects.filter(**{f"{links.owner}_id__in": chunk})
            for owner, *value in rows.order_by(*order).values_list(f"{links.owner}_id", *values):
                found.setdefault(owner, []).append(tuple(value) if links.roles else value[0])
    return result


def _desired_row(table, slug, item, plan):
    row = {}
    for column, key in table.column_keys.items():
        if key is None:  # a node's path and depth
            path = plan.paths[table.section][slug]
            row[column] = path if column == "path" else path.count("/") - 2
        elif key.endswith(f"_{FRENCH}"):
            row[column] = item[key] or None  # empty: no French version
        else:
            row[column] = item[key]
    return row


def _compare(table, slug, item, have, links, plan):
    row = _desired_row(table, slug, item, plan)
    if have is None:
        link_keys = {links.key for links in table.links if item[links.key]}
        return Change(slug, None, row, {}, link_keys)
    old_files = {}
    for name in table.files:
        current, wanted = have[name], row[name]
        if wanted is None and not current:
            row[name] = current
        elif isinstance(wanted, SourceFile) and current:
            storage = table.model._meta.get_field(name).storage
            if wanted.same_as_stored(storage, current):
                row[name] = current
            else:
                old_files[name] = current
        elif current:
            old_files[name] = current
    changed_links = set()
    for spec in table.links:
        wanted, current = desired_links(spec, item), links[spec.key].get(have["pk"], [])
        if (wanted != current) if spec.ordered else (set(wanted) != set(current)):
            changed_links.add(spec.key)
    if not changed_links and all(row[column] == have[column] for column in table.columns):
        return None
    return Change(slug, have["pk"], row, old_files, changed_links)
