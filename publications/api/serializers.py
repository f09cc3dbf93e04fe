"""Read-only representations of the catalogue for /api/v1/."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from centers.models import Center
from publications.models import Author, Publication, Series
from taxonomy.models import Region, Theme


class AuthorRefSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()

    class Meta:
        model = Author
        fields = ["slug", "name", "url"]

    @extend_schema_field(serializers.URLField())
    def get_url(self, obj):
        return self.context["request"].build_absolute_uri(obj.get_absolute_url())


class SeriesRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Series
        fields = ["slug", "name", "issn"]


class PublicationListSerializer(serializers.ModelSerializer):
    authors = serializers.SerializerMethodField()
    series = SeriesRefSerializer(read_only=True, allow_null=True)
    regions = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    themes = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    centers = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    isbn = serializers.CharField(source="isbn_display", read_only=True)
    url = serializers.SerializerMethodField()
    pdf_url = serializers.SerializerMethodField()

    class Meta:
        model = Publication
        fields = [
            "slug",
            "title",
            "subtitle",
            "type",
            "language",
            "published_on",
            "summary",
            "authors",
            "series",
            "series_number",
            "regions",
            "themes",
            "centers",
            "isbn",
            "doi",
            "external_url",
            "source",
            "media_kind",
            "pages",
            "url",
            "pdf_url",
        ]

    @extend_schema_field(AuthorRefSerializer(many=True))
    def get_authors(self, obj):
        return AuthorRefSerializer(obj.ordered_authors, many=True, context=self.context).data

    @extend_schema_field(serializers.URLField())
    def get_url(self, obj):
        return self.context["request"].build_absolute_uri(obj.get_absolute_url())

    @extend_schema_field(
        serializers.URLField(
            allow_null=True,
            help_text="The full text as PDF; null for a media item or while its file is "
            "unavailable.",
        )
    )
    def get_pdf_url(self, obj):
        if not obj.pdf_available:
            return None
        return self.context["request"].build_absolute_uri(obj.get_pdf_url())


class PublicationDetailSerializer(PublicationListSerializer):
    translation_of = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, allow_null=True
    )

    body = serializers.CharField(
        read_only=True,
        help_text="The full text: plain text with blank lines between paragraphs when "
        "`body_format` is `text`, HTML of the contract's subset (sanitised) when `html`.",
    )
    key_takeaways = serializers.ListField(
        child=serializers.CharField(), read_only=True, help_text="Short sentences, in order."
    )

    class Meta(PublicationListSerializer.Meta):
        fields = [
            *PublicationListSerializer.Meta.fields,
            "body",
            "body_format",
            "key_takeaways",
            "translation_of",
        ]


class TreeNodeSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    parent = serializers.SerializerMethodField()
    path = serializers.CharField()
    depth = serializers.IntegerField()
    description = serializers.CharField()

    @extend_schema_field(serializers.SlugField(allow_null=True))
    def get_parent(self, obj):
        parts = obj.path.strip("/").split("/")
        return parts[-2] if len(parts) > 1 else None


class RegionSerializer(TreeNodeSerializer):
    class Meta:
        model = Region


class ThemeSerializer(TreeNodeSerializer):
    class Meta:
        model = Theme


class CenterSerializer(serializers.ModelSerializer):
    parent = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)

    class Meta:
        model = Center
        fields = ["slug", "name", "kind", "parent", "summary", "description"]


class ExpertSerializer(serializers.ModelSerializer):
    centers = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    url = serializers.SerializerMethodField()
    email = serializers.CharField(source="public_email", read_only=True)

    class Meta:
        model = Author
        fields = [
            "slug",
            "name",
            "sort_name",
            "title",
            "bio",
            "centers",
            "orcid",
            "website",
            "email",
            "url",
        ]

    @extend_schema_field(serializers.URLField())
    def get_url(self, obj):
        return self.context["request"].build_absolute_uri(obj.get_absolute_url())
