"""A small hand-made catalogue whose filter and facet results are counted by hand in tests.

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
from types import SimpleNamespace

from publications.models import Publication
from tests.factories import (
    AuthorFactory,
    CenterFactory,
    ProgramFactory,
    PublicationFactory,
    RegionFactory,
    ThemeFactory,
)


def build_catalogue():
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
