"""The suite's data: scenarios built with the factories of `tests/factories.py`, as fixtures.

- `catalogue`: a small tree of regions and themes, a center with a program, two experts and a
  series (no publication); `analysis`: one published analysis in it, with a PDF.
- `demo`: the demo institute (`load_demo`), loaded once for a whole test module and rolled back
  after it; each test's own changes are rolled back as usual.
- `hand_counted`: a catalogue whose filter and facet results are counted by hand in the tests:

  regions: asia > japan, asia > korea; europe > france      themes: security > nuclear; economy
  centers: asia-center (program japan-program); europe-center

      pub   regions        themes     type      lang  year  centers        authors
      p1    japan          security   analysis  en    2020  asia-center    jane
      p2    korea          nuclear    report    en    2021  japan-program  pierre
      p3    japan, korea   economy    briefing  fr    2022  -              jane, pierre
      p4    france         security   analysis  en    2019  europe-center  -
      p5    asia           nuclear    book      fr    2021  -              -
      draft japan          security   analysis  en    2020  asia-center    jane   (never shown)
"""

import datetime
import io
from types import SimpleNamespace

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import transaction

from publications.models import Publication, Series
from tests.factories import (
    AuthorFactory,
    CenterFactory,
    ProgramFactory,
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


@pytest.fixture
def make_many(catalogue):
    """make_many(count): `count` publications, each with authors, regions, themes and centers."""

    def make(count):
        for _ in range(count):
            PublicationFactory(
                authors=[catalogue["jane"], catalogue["john"]],
                regions=[catalogue["japan"]],
                themes=[catalogue["security"]],
                centers=[catalogue["program"]],
                series=catalogue["series"],
            )

    return make


@pytest.fixture(autouse=True)
def _fresh_factory_sequences():
    """Every test counts its factories' sequences from 0. PublicationFactory dates its items
    2020-01-01 plus one day per item: counted over the whole session, the suite's ~2,500th
    publication was dated in the future and silently hidden from every public page."""
    import factory

    from tests import factories

    for value in vars(factories).values():
        if isinstance(value, type) and issubclass(value, factory.Factory) and value._meta.model:
            value.reset_sequence(force=True)


@pytest.fixture(autouse=True)
def _english_urls():
    """reverse() in tests gives the English paths, whatever an earlier request activated."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The output of `load_demo`, run once per module inside a transaction rolled back at the
    end of the module (tests nest their own transaction inside it)."""
    with django_db_blocker.unblock(), transaction.atomic():
        out = io.StringIO()
        call_command("load_demo", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


@pytest.fixture
def hand_counted(db):
    """The catalogue of this module's docstring (as a namespace: `.p1` ... `.draft`)."""
    return _hand_counted()


def _hand_counted():
    asia = RegionFactory(slug="asia", name="Asia")
    japan = RegionFactory(slug="japan", name="Japan", parent=asia)
    korea = RegionFactory(slug="korea", name="Korea", parent=asia)
    europe = RegionFactory(slug="europe", name="Europe")
    france = RegionFactory(slug="france", name="France", parent=europe)
    security = ThemeFactory(slug="security", name="Security")
    nuclear = ThemeFactory(slug="nuclear", name="Nuclear", parent=security)
    economy = ThemeFactory(slug="economy", name="Economy")
    asia_center = CenterFactory(slug="asia-center", name="Center for Asian Studies")
    japan_program = ProgramFactory(slug="japan-program", name="Japan Program", parent=asia_center)
    europe_center = CenterFactory(slug="europe-center", name="Europe Center")
    jane = AuthorFactory(slug="jane-doe", name="Jane Doe")
    pierre = AuthorFactory(slug="pierre-martin", name="Pierre Martin")

    def pub(slug, year, **kwargs):
        return PublicationFactory(slug=slug, published_on=datetime.date(year, 3, 1), **kwargs)

    A, R, B, K = (
        Publication.Type.ANALYSIS,
        Publication.Type.REPORT,
        Publication.Type.BRIEFING,
        Publication.Type.BOOK,
    )
    return SimpleNamespace(
        p1=pub(
            "p1",
            2020,
            type=A,
            language="en",
            regions=[japan],
            themes=[security],
            centers=[asia_center],
            authors=[jane],
        ),
        p2=pub(
            "p2",
            2021,
            type=R,
            language="en",
            regions=[korea],
            themes=[nuclear],
            centers=[japan_program],
            authors=[pierre],
        ),
        p3=pub(
            "p3",
            2022,
            type=B,
            language="fr",
            regions=[japan, korea],
            themes=[economy],
            authors=[jane, pierre],
        ),
        p4=pub(
            "p4",
            2019,
            type=A,
            language="en",
            regions=[france],
            themes=[security],
            centers=[europe_center],
        ),
        p5=pub("p5", 2021, type=K, language="fr", regions=[asia], themes=[nuclear]),
        draft=pub(
            "draft",
            2020,
            type=A,
            language="en",
            status=Publication.Status.DRAFT,
            regions=[japan],
            themes=[security],
            centers=[asia_center],
            authors=[jane],
        ),
    )
