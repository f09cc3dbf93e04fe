"""factory_boy factories for the content model."""

import datetime

import factory
from factory.django import DjangoModelFactory

from centers.models import Center
from publications.models import (
    Author,
    Publication,
    PublicationAuthor,
    Series,
)
from taxonomy.models import Region, Theme


class RegionFactory(DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Region {n}")
    slug = factory.Sequence(lambda n: f"region-{n}")


class ThemeFactory(DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")


class SeriesFactory(DjangoModelFactory):
    class Meta:
        model = Series

    name = factory.Sequence(lambda n: f"Series {n}")
    slug = factory.Sequence(lambda n: f"series-{n}")


class CenterFactory(DjangoModelFactory):
    class Meta:
        model = Center

    name = factory.Sequence(lambda n: f"Center {n}")
    slug = factory.Sequence(lambda n: f"center-{n}")
    kind = Center.Kind.CENTER


class AuthorFactory(DjangoModelFactory):
    class Meta:
        model = Author

    name = factory.Sequence(lambda n: f"Jane Doe{n}")
    slug = factory.Sequence(lambda n: f"jane-doe-{n}")
    title = "Research Fellow"


class PublicationFactory(DjangoModelFactory):
    class Meta:
        model = Publication
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Publication {n}")
    slug = factory.Sequence(lambda n: f"publication-{n}")
    type = Publication.Type.ANALYSIS
    status = Publication.Status.PUBLISHED
    summary = "A short summary.\n\nIn two paragraphs."
    body = "The body of the analysis."
    # One day later per publication made in the session, but never in the future: past ~2,500
    # publications the dates would pass today and the later ones turn invisible to the public.
    # Beyond that they share yesterday's date, and "-published_on, -pk" keeps creation order.
    published_on = factory.Sequence(
        lambda n: min(
            datetime.date(2020, 1, 1) + datetime.timedelta(n),
            datetime.date.today() - datetime.timedelta(1),
        )
    )

    @factory.post_generation
    def authors(self, create, extracted, **kwargs):
        if create and extracted:
            for position, author in enumerate(extracted):
                PublicationAuthor.objects.create(publication=self, author=author, position=position)

    @factory.post_generation
    def regions(self, create, extracted, **kwargs):
        if create and extracted:
            self.regions.set(extracted)

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)

    @factory.post_generation
    def centers(self, create, extracted, **kwargs):
        if create and extracted:
            self.centers.set(extracted)


def make_pdf_bytes(title="Test PDF", pages=2):
    """A real, small PDF made with ReportLab (for uploads in tests)."""
    import io

    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    for number in range(pages):
        pdf.drawString(72, 720, f"{title}, page {number + 1}")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def make_bulky_pdf_bytes(*, text="A test document.", pages=1):
    """A real, small PDF (ReportLab) whose pages carry `text`, for upload and serving tests."""
    from io import BytesIO

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for page in range(pages):
        pdf.setFont("Helvetica", 12)
        pdf.drawString(72, 760, f"{text} Page {page + 1}.")
        for line in range(40):  # some bulk, so that ranges have room to land in the middle
            pdf.drawString(72, 740 - line * 16, f"Line {line} of page {page + 1}: {text}")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


class PinnedRelationFactory(DjangoModelFactory):
    class Meta:
        model = "publications.PinnedRelation"

    from_publication = factory.SubFactory(PublicationFactory)
    to_publication = factory.SubFactory(PublicationFactory)
    position = 0


def attach_pdf(publication, data=None):
    """Store `data` (a PDF) as the publication's uploaded PDF; returns the bytes."""
    from django.core.files.base import ContentFile

    data = data if data is not None else make_bulky_pdf_bytes()
    publication.pdf.save("upload.pdf", ContentFile(data), save=True)
    return data


class ProgramFactory(CenterFactory):
    kind = Center.Kind.PROGRAM


def rename(publication, new_slug):
    """Give `publication` a new slug the way the admin's change form does (save, then record
    the old slug, whose URLs then answer 301)."""
    from thinktank.redirects import old_slug_record

    old_slug, publication.slug = publication.slug, new_slug
    publication.save()
    old_slug_record(obj=publication, old_slug=old_slug)
    return publication
