"""French names and descriptions of series, French titles and biographies of experts, with
django-modeltranslation (regions and themes:
`taxonomy/translation.py`, centers: `centers/translation.py`).

Why django-modeltranslation: it adds plain columns (`name_en`, `name_fr`, ...) to the existing
tables, so every query, filter, `only()` and ordering keeps working with no join and no JSON
lookup; the descriptor on `name` returns the active language's value with a fallback to English;
its TranslationAdmin shows the languages side by side in the existing admin; and it is mature and
maintained for current Django. Alternatives were heavier for this need: django-parler keeps
translations in a separate table (a join or prefetch on every list), and JSON-field libraries
(django-modeltrans) change how lookups are written.

The base column (`name`) always holds English: the models save under English (see
`thinktank.i18n.english_base_columns`), and so do the importer and `load_demo`.
"""

from modeltranslation.translator import TranslationOptions, register

from taxonomy.translation import NameDescriptionOptions

from .models import Author, Series


@register(Series)
class SeriesTranslationOptions(NameDescriptionOptions):
    pass


@register(Author)
class AuthorTranslationOptions(TranslationOptions):
    fields = ("title", "bio")
    fallback_languages = {"default": ("en",)}
