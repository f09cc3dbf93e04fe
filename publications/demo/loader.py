"""Load the demo institute into the database, idempotently.

Every object is looked up by slug and saved only when one of its values differs, so a second run
writes nothing; relations are compared before they are rewritten; generated files are made only
when the field is empty or its file has gone missing, so a second run adds no file and leaves no
orphan. The two items whose dates depend on "now" (one dated in the future, one scheduled) keep
their dates while those are still in the future.
"""

import datetime

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation

from centers.models import Center
from taxonomy.models import Region, Theme
from thinktank.uploads import validate_image_upload, validate_pdf_upload

from ..models import (
    Author,
    PinnedRelation,
    Publication,
    PublicationAuthor,
    Series,
)
from . import art
from .catalogue import PUBLICATIONS
from .content import AUTHORS, CENTERS, PALETTE, REGIONS, SERIES, THEMES
from .content_fr import CENTERS_FR, REGIONS_FR, SERIES_FR, THEMES_FR
from .identifiers import isbn13
from .prose import CONCLUSIONS, RECOMMENDATIONS, REGION_CONTEXT, THEME_ANALYSIS

FUTURE_DATE_DAYS = 45
SCHEDULE_DAYS = 10


def demo_load(*, now=None):
    """Create or update the demo content; returns the number of objects of each kind."""
    now = now or timezone.now()
    written_files = []
    try:
        # The plain names are English: under English, modeltranslation maps `name` to `name_en`.
        with transaction.atomic(), translation.override("en"):
            _load(now=now, written_files=written_files)
    except BaseException:
        # The rows are rolled back: remove the files written for them too.
        for storage, name in written_files:
            storage.delete(name)
        raise
    return demo_counts()


def demo_counts():
    return {
        "regions": Region.objects.count(),
        "themes": Theme.objects.count(),
        "series": Series.objects.count(),
        "centers and programs": Center.objects.count(),
        "experts": Author.objects.count(),
        "publications": Publication.objects.count(),
        "public publications": Publication.objects.published().count(),
        "PDFs": Publication.objects.exclude(pdf="").count(),
    }


# --- Steps ----------------------------------------------------------------------------------


def _load(*, now, written_files):
    regions = _load_tree(Region, REGIONS, REGIONS_FR)
    themes = _load_tree(Theme, THEMES, THEMES_FR)
    series = {
        s["slug"]: _upsert(
            Series,
            s["slug"],
            name=s["name"],
            issn=s["issn"],
            description=s["description"],
            name_fr=SERIES_FR[s["slug"]][0],
            description_fr=SERIES_FR[s["slug"]][1],
        )
        for s in SERIES
    }
    centers = {}
    for c in CENTERS:
        centers[c["slug"]] = center = _upsert(
            Center,
            c["slug"],
            kind=c["kind"],
            parent_id=centers[c["parent"]].pk if c["parent"] else None,
            name=c["name"],
            summary=c["summary"],
            description=c["description"],
            order=c["order"],
            active=True,
            **dict(
                zip(("name_fr", "summary_fr", "description_fr"), CENTERS_FR[c["slug"]], strict=True)
            ),
        )
        _ensure_file(
            center,
            "image",
            f"{c['slug']}.jpg",
            lambda c=c: art.center_image(c["slug"], c["colors"]),
            written_files,
        )
    authors = {}
    for index, a in enumerate(AUTHORS):
        authors[a["slug"]] = author = _upsert(
            Author,
            a["slug"],
            name=a["name"],
            sort_name=a["sort_name"],
            title=a["title"],
            bio=a["bio"],
            orcid=a.get("orcid", ""),
            website=a.get("website", ""),
            email=a.get("email", ""),
            email_public=a.get("email_public", False),
            active=a.get("active", True),
        )
        author.centers.set([centers[s] for s in a["centers"]])
        _ensure_file(
            author,
            "photo",
            f"{a['slug']}.jpg",
            lambda a=a, i=index: art.portrait(a["name"], PALETTE[i % len(PALETTE)]),
            written_files,
        )
    for c in CENTERS:
        centers[c["slug"]].heads.set([authors[s] for s in c["heads"]])

    publications = {}
    for index, record in enumerate(PUBLICATIONS):
        publications[record["slug"]] = _load_publication(
            record,
            index,
            now=now,
            regions=regions,
            themes=themes,
            series=series,
            centers=centers,
            authors=authors,
            publications=publications,
            written_files=written_files,
        )
    for record in PUBLICATIONS:
        _set_pinned(
            publications[record["slug"]], [publications[s] for s in record.get("related", [])]
        )


def _load_tree(model, rows, french):
    nodes = {}
    for order, (slug, name, parent, description) in enumerate(rows):
        name_fr, description_fr = french[slug]
        nodes[slug] = _upsert(
            model,
            slug,
            name=name,
            parent_id=nodes[parent].pk if parent else None,
            description=description,
            order=order,
            name_fr=name_fr,
            description_fr=description_fr,
        )
    return nodes


def _load_publication(
    record, index, *, now, regions, themes, series, centers, authors, publications, written_files
):
    slug = record["slug"]
    existing = Publication.objects.filter(slug=slug).first()
    published_on, publish_at = _dates(record, existing, now=now)
    values = {
        "title": record["title"],
        "subtitle": record.get("subtitle", ""),
        "type": record["type"],
        "series_id": series[record["series"]].pk if record.get("series") else None,
        "series_number": record.get("number", ""),
        "summary": "\n\n".join(record["summary"]),
        "body": "\n\n".join(_body(record, index)),
        "language": record.get("language", "en"),
        "translation_of_id": (
            publications[record["translation_of"]].pk if record.get("translation_of") else None
        ),
        "published_on": published_on,
        "status": record.get("status", Publication.Status.PUBLISHED),
        "publish_at": publish_at,
        "featured": record.get("featured", False),
        "isbn": isbn13(record["isbn"]) if record.get("isbn") else "",
        "doi": record.get("doi", ""),
        "external_url": record.get("external_url", ""),
        "source": record.get("source", ""),
    }
    if "pages" in record:  # otherwise the page count is the generated PDF's
        values["pages"] = record["pages"]
    publication = _upsert(Publication, slug, instance=existing, **values)

    publication.regions.set([regions[s] for s in record["regions"]])
    publication.themes.set([themes[s] for s in record["themes"]])
    publication.centers.set([centers[s] for s in record["centers"]])
    _set_authors(publication, [(authors[s], role) for s, role in record["authors"]])

    if record.get("pdf"):
        _ensure_pdf(publication, record, written_files)
    if record.get("cover"):
        center = next(c for c in CENTERS if c["slug"] == record["centers"][0])
        _ensure_file(
            publication,
            "cover",
            f"{slug}.jpg",
            lambda: art.cover(
                record["title"],
                record.get("subtitle", ""),
                _author_line(record),
                settings.INSTITUTE_NAME,
                center["colors"],
            ),
            written_files,
        )
    return publication


def _dates(record, existing, *, now):
    """(published_on, publish_at); relative dates are kept while they are still ahead."""
    today = timezone.localdate(now)
    timing = record.get("timing")
    if timing == "future":
        if existing and existing.published_on > today:
            return existing.published_on, None
        return today + datetime.timedelta(days=FUTURE_DATE_DAYS), None
    if timing == "scheduled":
        if existing and existing.publish_at and existing.publish_at > now:
            return existing.published_on, existing.publish_at
        publish_at = (now + datetime.timedelta(days=SCHEDULE_DAYS)).replace(
            hour=8, minute=0, second=0, microsecond=0, tzinfo=datetime.UTC
        )
        return today, publish_at
    return datetime.date.fromisoformat(record["date"]), None


def _body(record, index):
    """Hand-written when the record has one; else composed from the paragraph banks."""
    if "body" in record:
        return record["body"]
    if record["type"] == Publication.Type.MEDIA:
        return []  # published elsewhere: the summary introduces it
    paragraphs = [REGION_CONTEXT[_context_region(record["regions"])]]
    for k, theme in enumerate(record["themes"][:2]):
        bank = THEME_ANALYSIS[theme]
        for j in range(2 if k == 0 else 1):
            paragraph = bank[(index + j + k) % len(bank)]
            if paragraph not in paragraphs:
                paragraphs.append(paragraph)
    paragraphs.append(RECOMMENDATIONS[record["themes"][0]])
    paragraphs.append(CONCLUSIONS[index % len(CONCLUSIONS)].format(topic=record["topic"]))
    return paragraphs


def _context_region(slugs):
    parents = {slug: parent for slug, _name, parent, _description in REGIONS}
    for slug in slugs:
        node = slug
        while node:
            if node in REGION_CONTEXT:
                return node
            node = parents[node]
    return "europe"


def _author_line(record):
    names = {a["slug"]: a["name"] for a in AUTHORS}
    editors = [names[s] for s, role in record["authors"] if role == "editor"]
    if editors:
        return ("Edited by " + " and ".join(editors))[:60]
    return ", ".join(names[s] for s, role in record["authors"] if role == "author")[:60]


# --- Idempotent writes ----------------------------------------------------------------------


def _upsert(model, slug, *, instance=None, **values):
    """Get by slug and save only what differs (validated like a form would)."""
    obj = instance or model.objects.filter(slug=slug).first()
    created = obj is None
    if created:
        obj = model(slug=slug)
    changed = [field for field, value in values.items() if getattr(obj, field) != value]
    for field in changed:
        setattr(obj, field, values[field])
    if created or changed:
        obj.full_clean()
        obj.save()
    return obj


def _set_authors(publication, wanted):
    rows = [(author.pk, position, role) for position, (author, role) in enumerate(wanted)]
    current = list(
        publication.publication_authors.order_by("position").values_list(
            "author_id", "position", "role"
        )
    )
    if current != rows:
        publication.publication_authors.all().delete()
        PublicationAuthor.objects.bulk_create(
            PublicationAuthor(publication=publication, author_id=a, position=p, role=r)
            for a, p, r in rows
        )


def _set_pinned(publication, wanted):
    rows = [(p.pk, position) for position, p in enumerate(wanted)]
    current = list(
        publication.pinned_relations.order_by("position").values_list(
            "to_publication_id", "position"
        )
    )
    if current != rows:
        publication.pinned_relations.all().delete()
        PinnedRelation.objects.bulk_create(
            PinnedRelation(from_publication=publication, to_publication_id=t, position=p)
            for t, p in rows
        )


def _has_file(fieldfile):
    return bool(fieldfile) and fieldfile.storage.exists(fieldfile.name)


def _ensure_file(obj, field, filename, make, written_files, **extra):
    """Generate the file only when the field is empty or its file is missing."""
    fieldfile = getattr(obj, field)
    if _has_file(fieldfile):
        return False
    content = ContentFile(make(), name=filename)
    # The rules staff uploads follow (real PDF / real image, size and pixel limits).
    (validate_pdf_upload if field == "pdf" else validate_image_upload)(content)
    fieldfile.save(filename, content, save=False)
    written_files.append((fieldfile.storage, fieldfile.name))
    for name, value in extra.items():
        setattr(obj, name, value)
    obj.save(update_fields=[field, *extra])
    return True


def _ensure_pdf(publication, record, written_files):
    if _has_file(publication.pdf):
        return
    names = {a["slug"]: a["name"] for a in AUTHORS}
    authors = [names[s] for s, _role in record["authors"]]
    series = next((s for s in SERIES if s["slug"] == record.get("series")), None)
    series_line = f"{series['name']} no. {record['number']}" if series else ""
    summary = record["summary"]
    body = publication.body.split("\n\n") if publication.body else []
    data, pages = art.pdf(
        title=publication.title,
        subtitle=publication.subtitle,
        authors=authors,
        institute=settings.INSTITUTE_NAME,
        series_line=series_line,
        summary=summary,
        body=body,
    )
    text = "\n\n".join([publication.title, publication.subtitle, *summary, *body]).strip()
    extra = {"pdf_text": text}
    if "pages" not in record:
        extra["pages"] = pages
    _ensure_file(
        publication, "pdf", f"{publication.slug}.pdf", lambda: data, written_files, **extra
    )
