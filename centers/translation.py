"""French versions of center and program names, summaries and descriptions (see
publications/translation.py for why django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Center


@register(Center)
class CenterTranslationOptions(TranslationOptions):
    fields = ("name", "summary", "description")
    fallback_languages = {"default": ("en",)}
