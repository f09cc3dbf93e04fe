import pytest
from django.core.files.base import ContentFile

from publications.models import Publication, Series
from tests.factories import (
    AuthorFactory,
    CenterFactory,
    PublicationFactory,
    RegionFactory,
    ThemeFactory,
    make_pdf_bytes,
)


@pytest.fixture
def catalogue(db):
    """A small tree of regions and themes, a center with a program, two experts."""
    asia = RegionFactory(slug="asia", name="Asia")
    japan = RegionFactory(slug="japan", name="Japan", parent=asia)
    security = ThemeFactory(slug="security", name="Security")
    center = CenterFactory(slug="asia-center", name="Center for Asian Studies")
    program = CenterFactory(
        slug="indo-pacific", name="Indo-Pacific Program", kind="program", parent=center
    )
    jane = AuthorFactory(slug="jane-doe", name="Jane Doe")
    john = AuthorFactory(slug="john-roe", name="John Roe")
    jane.centers.add(center)
    series = Series.objects.create(name="Asia Visions", slug="asia-visions", issn="1958-5284")
    return {
        "asia": asia,
        "japan": japan,
        "security": security,
        "center": center,
        "program": program,
        "jane": jane,
        "john": john,
        "series": series,
    }


@pytest.fixture
def analysis(catalogue):
    publication = PublicationFactory(
        slug="security-japan",
        title="Security partnerships of Japan",
        type=Publication.Type.ANALYSIS,
        series=catalogue["series"],
        series_number="61",
        isbn="978-2-36567-123-1",
        pages=28,
        body="",
        authors=[catalogue["jane"], catalogue["john"]],
        regions=[catalogue["japan"]],
        themes=[catalogue["security"]],
        centers=[catalogue["program"]],
    )
    publication.pdf.save("upload.pdf", ContentFile(make_pdf_bytes()), save=True)
    return publication


def make_many(catalogue, count):
    """`count` publications, each with authors, regions, themes and centers."""
    for _ in range(count):
        PublicationFactory(
            authors=[catalogue["jane"], catalogue["john"]],
            regions=[catalogue["japan"]],
            themes=[catalogue["security"]],
            centers=[catalogue["program"]],
            series=catalogue["series"],
        )


@pytest.fixture(autouse=True)
def _english_urls():
    """reverse() in tests gives the English paths, whatever an earlier request activated."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")
