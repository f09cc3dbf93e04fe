"""One DRF serializer per section of the format, its fields built from the models' own fields.

Text enters the site here (as it does through the admin's forms): every text value is brought
to the site's normal form by `thinktank.text.clean_text` (NFC, "\n" for every kind of line
break, no control characters; a one-line field, a model `CharField`, gets spaces for line
breaks) before the model's rules judge it. A lone surrogate (`"\ud800"` in the JSON: half of an
emoji, cut by the program that wrote the file) is refused, naming the key and the position.

`ModelSerializer` takes each key's rules from the model field it fills: max lengths, choices,
the identifier validators of `publications/validators.py` (ISBN, ISSN, DOI, ORCID), URL and
e-mail formats, whole numbers ≥ 0. Declared here is only what a model field cannot say: slugs
naming other records (their existence is a cross-record check, see `validation.py`), paths of
source files (checked by `files.py`), and the format's own rules for dates (`YYYY-MM-DD`) and
date-times (ISO 8601 with a UTC offset).

Speed: validation builds one serializer per section and calls `run_validation()` per record
(building a serializer costs more than validating a record); text fields swap DRF's surrogate
check, which walks every character in Python and made validation five times slower, for one
regular expression, and printable ASCII text skips the cleaning.
"""

import datetime
import re

from django.core.validators import RegexValidator, validate_slug
from django.db import models
from rest_framework import serializers
from rest_framework.validators import ProhibitSurrogateCharactersValidator, UniqueValidator

from centers.models import Center
from publications.body import stored_body
from publications.models import Author, Publication, PublicationAuthor, Series
from publications.models.publication import clean_takeaways
from publications.validators import normalize_doi, normalize_isbn, normalize_issn, normalize_orcid
from taxonomy.models import Region, Theme
from thinktank.text import clean_text, lone_surrogate

from .format import FILE_KEYS, KEYS

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


def cleaned(value, *, multiline):
    """`value` in the site's normal form; refuses a lone surrogate (invalid Unicode)."""
    position = lone_surrogate(value)
    if position is not None:
        raise serializers.ValidationError(
            f"contains a lone surrogate (invalid Unicode) at character {position + 1}: the "
            "program that wrote the file cut a character in two."
        )
    return clean_text(value, multiline=multiline)


class Cleaned:
    """A text field whose value is cleaned (see `cleaned`) before its validators run."""

    multiline = False

    def to_internal_value(self, data):
        return cleaned(super().to_internal_value(data), multiline=self.multiline)


def choices_message(choices):
    return {"invalid_choice": f"“{{input}}” is not one of {', '.join(choices)}."}


class Text(Cleaned, serializers.CharField):
    """Multi-line text (a model `TextField`), cleaned, otherwise kept as written (not trimmed:
    export → import gives the same text)."""

    default_error_messages = {"invalid": "must be text."}
    multiline = True

    def __init__(self, **kwargs):
        kwargs["trim_whitespace"] = False
        super().__init__(**kwargs)
        # `cleaned` has refused surrogates already.
        self.validators = [
            v for v in self.validators if not isinstance(v, ProhibitSurrogateCharactersValidator)
        ]

    def run_validation(self, data=serializers.empty):
        # Judged once cleaned: a title made only of invisible characters is no title.
        if not self.allow_blank and isinstance(data, str) and not clean_text(data).strip():
            self.fail("blank")
        return super().run_validation(data)


class Line(Text):
    """One line of text (a model `CharField`: titles, names): line breaks become spaces."""

    multiline = False


class URL(Cleaned, serializers.URLField):
    pass


class Email(Cleaned, serializers.EmailField):
    pass


# Django's own slug rule, its regular expression compiled once (a lazy one costs per call).
VALIDATE_SLUG = RegexValidator(
    re.compile(validate_slug.regex.pattern), validate_slug.message, validate_slug.code
)


class Slug(Line):
    def __init__(self, *, allow_unicode=False, **kwargs):
        super().__init__(**kwargs)
        self.validators.append(VALIDATE_SLUG)


class SlugRef(Line):
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


class LineList(serializers.Field):
    """A list of one-line texts (key takeaways), each cleaned; empty ones left out."""

    default_error_messages = {"invalid": "must be a list of texts."}

    def to_internal_value(self, data):
        if not isinstance(data, list) or not all(isinstance(item, str) for item in data):
            self.fail("invalid")
        return clean_takeaways([cleaned(item, multiline=False) for item in data])


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


class SourceFileField(Line):
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
        models.CharField: Line,
        models.TextField: Text,
        models.URLField: URL,
        models.EmailField: Email,
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

    def validate_orcid(self, value):
        return normalize_orcid(value)

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
    key_takeaways = LineList()
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
        # The one sanitiser of every save: only the contract's subset is stored.
        attrs["body"] = stored_body(attrs["body"], attrs["body_format"])
        if getattr(attrs.get("pdf"), "pages", None):
            # The file's own count: what processing the stored PDF writes too.
            attrs["pages"] = attrs["pdf"].pages
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
