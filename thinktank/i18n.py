"""Helpers for the bilingual site: the translated taxonomy columns and content languages."""

from contextlib import contextmanager

from django.conf import settings
from django.utils import translation

BASE_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE


@contextmanager
def english_base_columns():
    """Run model writes with English active.

    django-modeltranslation writes the base column (`name`) with whatever `name` reads as in the
    active language; under English that is `name_en`, so the base column stays English whatever
    the language of the admin session or of the request that saves.
    """
    with translation.override(BASE_LANGUAGE):
        yield
