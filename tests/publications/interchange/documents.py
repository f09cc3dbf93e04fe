"""Documents in the contract's format and the commands that read and write them, for the tests
of `publications.interchange` (the database side is built with tests/factories.py)."""

import copy
import io
import json

from django.conf import settings
from django.core.management import call_command

from centers.models import Center
from publications.models import Author, Publication, PublicationAuthor, Series
from taxonomy.models import Region, Theme
from tests.factories import make_pdf_bytes
from tests.upload_files import image_upload

# The example document of CONTRACT.md, "Import/export format", verbatim.
CONTRACT_EXAMPLE = json.loads(
    """
{
  "regions":  [{"slug": "asia", "name": "Asia", "parent": null},
               {"slug": "japan", "name": "Japan", "parent": "asia"}],
  "themes":   [{"slug": "security", "name": "Security and defence", "parent": null}],
  "series":   [{"slug": "asia-visions", "name": "Asia Visions", "issn": "1958-5284"}],
  "centers":  [{"slug": "asia-center", "name": "Center for Asian Studies", "kind": "center",
                "parent": null, "description": "..."}],
  "authors":  [{"slug": "jane-doe", "name": "Jane Doe", "title": "Research Fellow",
                "bio": "...", "centers": ["asia-center"], "photo": null}],
  "publications": [{
      "slug": "security-partnerships-japan", "title": "...", "subtitle": "",
      "type": "analysis", "series": "asia-visions", "series_number": "61",
      "summary": "...", "body": "...",
      "language": "en", "translation_of": null,
      "published_on": "2013-02-01", "status": "published", "publish_at": null,
      "isbn": "978-2-36567-123-1", "doi": "", "external_url": "", "source": "",
      "authors": ["jane-doe"], "regions": ["japan"], "themes": ["security"],
      "centers": ["asia-center"], "related": [],
      "pdf": "files/security-partnerships-japan.pdf", "cover": null, "pages": 28
  }]
}
"""
)


def write_pdf(path, text="Hello", pages=1):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(make_pdf_bytes(text, pages=pages))


def write_image(path, fmt="PNG", size=(40, 30)):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(image_upload(path.name, size=size, fmt=fmt).read())


def example_document(folder):
    """The contract's example, with its PDF written beside the document."""
    write_pdf(folder / "files" / "security-partnerships-japan.pdf")
    return copy.deepcopy(CONTRACT_EXAMPLE)


def rich_document(folder):
    """The contract's example plus a translation, a media item, a cover, a photo, a program
    with a head, roles, an inactive expert and pinned related reading."""
    doc = example_document(folder)
    write_pdf(folder / "files" / "security-partnerships-japan.pdf", "Security partnerships")
    write_image(folder / "files" / "cover.jpg", "JPEG")
    write_image(folder / "files" / "jane.png")
    doc["regions"] += [
        {"slug": "europe", "name": "Europe", "parent": None, "description": "Europe.", "order": 2},
        {"slug": "france", "name": "France", "parent": "europe"},
    ]
    doc["centers"].append(
        {
            "slug": "japan-program",
            "name": "Japan Program",
            "kind": "program",
            "parent": "asia-center",
            "heads": ["jane-doe"],
        }
    )
    doc["authors"][0].update(
        photo="files/jane.png",
        orcid="0000-0002-1825-0097",
        title_fr="Chercheuse",
        bio_fr="Spécialiste du Japon.",
    )
    doc["authors"].append(
        {"slug": "jean-dupont", "name": "Jean Dupont", "bio": "Été à Paris.", "active": False}
    )
    original = doc["publications"][0]
    original.update(
        cover="files/cover.jpg",
        publish_at="2027-03-01T08:00:00+00:00",
        authors=["jane-doe", "jean-dupont"],
        author_roles=["author", "editor"],
    )
    doc["publications"] += [
        {
            **original,
            "slug": "partenariats-securite-japon",
            "title": "Partenariats de sécurité",
            "language": "fr",
            "translation_of": "security-partnerships-japan",
            "isbn": "",
            "pdf": None,
            "cover": None,
            "authors": ["jean-dupont"],
            "author_roles": None,
            "related": ["security-partnerships-japan"],
            "publish_at": None,
            "featured": True,
        },
        {
            "slug": "op-ed-le-monde",
            "title": "Op-ed",
            "type": "media",
            "status": "draft",
            "published_on": "2024-05-06",
            "external_url": "https://example.org/op-ed",
            "source": "Le Monde",
            "regions": ["france"],
            "doi": "https://doi.org/10.1234/abc",
        },
    ]
    return doc


def write_doc(folder, document, name="import.json"):
    """The document as a JSON file (non-ASCII escaped: a lone surrogate can be written too)."""
    path = folder / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def run_import(path, *args):
    out = io.StringIO()
    call_command("import_publications", str(path), *args, stdout=out)
    return out.getvalue()


def run_export(path=None):
    out = io.StringIO()
    call_command("export_publications", *([str(path)] if path else []), stdout=out)
    return path.read_text(encoding="utf-8") if path else out.getvalue()


def stored_files():
    return {
        str(p)
        for root in (settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT)
        for p in root.rglob("*")
        if p.is_file()
    }


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (Region, Theme, Series, Center, Author, Publication, PublicationAuthor)
    }
