"""One DRF serializer per section of the format, its fields built from the models' own fields.

`ModelSerializer` takes each key's rules from the model field it fills: max lengths, choices,
the identifier validators of `publications/validators.py` (ISBN, ISSN, DOI, ORCID), URL and
e-mail formats, whole numbers ≥ 0. Declared here is only what a model field cannot say: slugs
naming other records (their existence is a cross-record check, see `validation.py`), paths of
source files (checked by `files.py`), and the format's own rules for dates (`YYYY-MM-DD`) and
date-times (ISO 8601 with a UTC offset).

Speed: validation builds one serializer per section and calls `run_validation()` per record
(building a serializer costs more than validating a record); text fields swap DRF's surrogate
check, which walks every character in Python and made validation five times slower, for one
regular expression.
"""

import datetime
import re
import unicodedata

from django.core.validators import RegexValidator, validate_slug
from django.db import models
from rest_framework import serializers
from rest_framework.validators import ProhibitSurrogateCharactersValidator, UniqueValidator

from centers.models import Center
from publications.models import Author, Publication, PublicationAuthor, Series
from publications.validators import normalize_doi, normalize_isbn, normalize_issn
from taxonomy.models import Region, Theme

from .format import FILE_KEYS, KEYS

SURROGATE = re.compile("[\ud800-\udfff]")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
MESSAGES = {
    "required": "is required.",
    "null": "is required.",
    "blank": "is required.",
    "max_length": "longer than {max_length} characters.",
}
MESSAGES_BY_FIELD = {
    serializers.URLField: {"invalid": "“%(value)s” is not a valid URL."},
    serializers.EmailField: {"invalid": "“%(value)s” is not a valid e-mail address."},
    serializers.BooleanField: {"invalid": "must be true or false."},
    serializers.IntegerField: {
        "invalid": "must be a whole number.",
        "min_value": "must be a whole number ≥ {min_value}.",
        "max_value": "is too large.",
    },
}


def no_surrogates(value):
    if not value.isascii() and SURROGATE.search(value):
        raise serializers.ValidationError("contains a lone surrogate (invalid Unicode).")


def choices_message(choices):
    return {"invalid_choice": f"“{{input}}” is not one of {', '.join(choices)}."}


class Text(serializers.CharField):
    """Text kept as written (not trimmed: export → import gives the same text)."""

    default_error_messages = {"invalid": "must be text."}

    def __init__(self, **kwargs):
        kwargs["trim_whitespace"] = False
        super().__init__(**kwargs)
        self.validators = [
            no_surrogates if isinstance(v, ProhibitSurrogateCharactersValidator) else v
            for v in self.validators
        ]

    def run_validation(self, data=serializers.empty):
        if not self.allow_blank and isinstance(data, str) and not data.strip():
            self.fail("blank")
        return super().run_validation(data)

    def to_internal_value(self, data):
        value = super().to_internal_value(data)
        return value if value.isascii() else unicodedata.normalize("NFC", value)


# Django's own slug rule, its regular expression compiled once (a lazy one costs per call).
VALIDATE_SLUG = RegexValidator(
    re.compile(validate_slug.regex.pattern), validate_slug.message, validate_slug.code
)


class Slug(Text):
    def __init__(self, *, allow_unicode=False, **kwargs):
        super().__init__(**kwargs)
        self.validators.append(VALIDATE_SLUG)


class SlugRef(Text):
    """The slug of another record, or null."""

    def __init__(self, **kwargs):
        super().__init__(allow_null=True, allow_blank=True, **kwargs)

    def run_validation(self, data=serializers.empty):
        return super().run_validation(data) or None


class SlugList(serializers.Field):
    """Slugs of other records, each listed once, in the order given."""

    default_error_messages = {
        "invalid": "must be a list of slugs.",
        "twice": "“{slug}” is listed twice.",
    }

    def to_internal_value(self, data):
        if not isinstance(data, list) or not all(isinstance(slug, str) for slug in data):
            self.fail("invalid")
        seen = set()
        for slug in data:
            if slug in seen:
                self.fail("twice", slug=slug)
            seen.add(slug)
        return data


class IsoDate(serializers.Field):
    default_error_messages = {"invalid": "“{value}” is not a date in the form YYYY-MM-DD."}

    def to_internal_value(self, data):
        if not isinstance(data, str) or not DATE.fullmatch(data):
            self.fail("invalid", value=data)
        try:
            return datetime.date.fromisoformat(data)
        except ValueError as exc:
            raise serializers.ValidationError(f"“{data}” is not a valid date ({exc}).") from exc


class OffsetDateTime(serializers.Field):
    """ISO 8601 with a UTC offset (a time without one is ambiguous), returned in UTC."""

    default_error_messages = {
        "invalid": "“{value}” is not an ISO 8601 date-time with a UTC offset "
        "(2027-03-01T08:00:00+00:00)."
    }

    def to_internal_value(self, data):
        try:
            parsed = datetime.datetime.fromisoformat(data) if "T" in data else None
        except (TypeError, ValueError):
            parsed = None
        if parsed is None or parsed.utcoffset() is None:
            self.fail("invalid", value=data)
        return parsed.astimezone(datetime.UTC)


class SourceFileField(Text):
    """A path relative to the JSON file; the value is the checked `files.SourceFile`."""

    def __init__(self, kind, **kwargs):
        self.kind = kind
        super().__init__(allow_null=True, allow_blank=True, **kwargs)

    def run_validation(self, data=serializers.empty):
        path = super().run_validation(data)
        return self.context["files"].check(path, self.kind) if path else None


class RecordSerializer(serializers.ModelSerializer):
    """Fields from the model; the format's messages; no uniqueness check (upsert by slug).

    A subclass's `Meta` names the `model` and the format's `section`: its fields are that
    section's keys, file keys become `SourceFileField`s."""

    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.CharField: Text,
        models.TextField: Text,
        models.SlugField: Slug,
        models.DateField: IsoDate,
        models.DateTimeField: OffsetDateTime,
    }

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        meta = cls.__dict__.get("Meta")
        if meta is None:
            return
        meta.fields = [*KEYS[meta.section]]
        meta.validators = []
        for key, kind in FILE_KEYS.get(meta.section, {}).items():
            cls._declared_fields[key] = SourceFileField(kind)

    def build_standard_field(self, field_name, model_field):
        field_class, kwargs = super().build_standard_field(field_name, model_field)
        kwargs["validators"] = [
            v for v in kwargs.get("validators", []) if not isinstance(v, UniqueValidator)
        ]
        messages = dict(MESSAGES)
        for base, extra in MESSAGES_BY_FIELD.items():
            if issubclass(field_class, base):
                messages.update(extra)
        if "choices" in kwargs:
            messages.update(choices_message(dict(kwargs["choices"])))
        kwargs["error_messages"] = messages
        return field_class, kwargs


class TreeNodeSerializer(RecordSerializer):
    parent = SlugRef()


class RegionSerializer(TreeNodeSerializer):
    class Meta:
        model, section = Region, "regions"


class ThemeSerializer(TreeNodeSerializer):
    class Meta:
        model, section = Theme, "themes"


class SeriesSerializer(RecordSerializer):
    class Meta:
        model, section = Series, "series"

    def validate_issn(self, value):
        return normalize_issn(value)


class CenterSerializer(RecordSerializer):
    parent = SlugRef()
    heads = SlugList()

    class Meta:
        model, section = Center, "centers"


class AuthorSerializer(RecordSerializer):
    centers = SlugList()

    class Meta:
        model, section = Author, "authors"

    def validate(self, attrs):
        attrs["sort_name"] = attrs["sort_name"] or Author.default_sort_name(attrs["name"])
        return attrs


ROLES = PublicationAuthor.Role


class PublicationSerializer(RecordSerializer):
    series = SlugRef()
    translation_of = SlugRef()
    authors = SlugList()
    regions = SlugList()
    themes = SlugList()
    centers = SlugList()
    related = SlugList()
    author_roles = serializers.ListField(
        child=serializers.ChoiceField(ROLES.choices, error_messages=choices_message(ROLES)),
        allow_null=True,
        error_messages={"not_a_list": "must be a list as long as “authors”."},
    )

    class Meta:
        model, section = Publication, "publications"

    def validate_isbn(self, value):
        return normalize_isbn(value)

    def validate_doi(self, value):
        return normalize_doi(value)

    def validate(self, attrs):
        roles = attrs["author_roles"]
        if roles is None:
            attrs["author_roles"] = [ROLES.AUTHOR] * len(attrs["authors"])
        elif len(roles) != len(attrs["authors"]):
            raise serializers.ValidationError(
                {"author_roles": "must be a list as long as “authors”."}
            )
        if attrs["type"] == Publication.Type.MEDIA and not attrs["external_url"]:
            raise serializers.ValidationError(
                {"external_url": "a media item needs the URL where it was published."}
            )
        if attrs["type"] != Publication.Type.MEDIA and attrs["media_kind"] != "other":
            raise serializers.ValidationError(
                {"media_kind": f"only media items have a kind (this one is “{attrs['type']}”)."}
            )
        return attrs


SERIALIZERS = {
    "regions": RegionSerializer,
    "themes": ThemeSerializer,
    "series": SeriesSerializer,
    "centers": CenterSerializer,
    "authors": AuthorSerializer,
    "publications": PublicationSerializer,
}
