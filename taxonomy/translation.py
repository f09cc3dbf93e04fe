"""French versions of region and theme names and descriptions (django-modeltranslation; why
that library: see publications/translation.py)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Region, Theme


class NameDescriptionOptions(TranslationOptions):
    fields = ("name", "description")
    fallback_languages = {"default": ("en",)}


@register(Region)
class RegionTranslationOptions(NameDescriptionOptions):
    pass


@register(Theme)
class ThemeTranslationOptions(NameDescriptionOptions):
    pass
