"""What a publication's page tells search engines, scholars' tools and social networks: Google
Scholar's `citation_*` tags (its inclusion guidelines), Open Graph and Twitter card properties,
schema.org JSON-LD (`Report`, `ScholarlyArticle`, `Book`), and plain share links. No queries:
everything works on objects the view has already loaded."""

from urllib.parse import quote, urlencode

from django.conf import settings
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from . import languages
from .models import Publication

SCHEMA_TYPES = {
    Publication.Type.ANALYSIS: "Report",
    Publication.Type.REPORT: "Report",
    Publication.Type.BRIEFING: "Report",
    Publication.Type.BOOK: "Book",
    Publication.Type.ARTICLE: "ScholarlyArticle",
    Publication.Type.MEDIA: "Article",
}
OG_LOCALES = {
    "en": "en_GB",
    "fr": "fr_FR",
    "de": "de_DE",
    "es": "es_ES",
    "it": "it_IT",
    "pt": "pt_PT",
    "pl": "pl_PL",
    "tr": "tr_TR",
    "ru": "ru_RU",
    "ar": "ar_AR",
    "zh": "zh_CN",
    "ja": "ja_JP",
}
REPORT_TYPES = {Publication.Type.REPORT, Publication.Type.ANALYSIS}


def share_links(*, url, title):
    """Plain share links (no third-party script), every parameter URL-encoded."""
    mail = "mailto:?" + urlencode({"subject": title, "body": f"{title}\n{url}"}, quote_via=quote)
    return [
        {"service": "email", "label": _("E-mail"), "url": mail},
        {
            "service": "x",
            "label": "X",
            "url": "https://twitter.com/intent/tweet?"
            + urlencode({"url": url, "text": title}, quote_via=quote),
        },
        {
            "service": "linkedin",
            "label": "LinkedIn",
            "url": "https://www.linkedin.com/sharing/share-offsite/?"
            + urlencode({"url": url}, quote_via=quote),
        },
        {
            "service": "facebook",
            "label": "Facebook",
            "url": "https://www.facebook.com/sharer/sharer.php?"
            + urlencode({"u": url}, quote_via=quote),
        },
    ]


def description(publication, length=300):
    paragraphs = publication.summary_paragraphs
    return Truncator(" ".join(paragraphs)).chars(length) if paragraphs else ""


def citation_tags(publication, *, authors, pdf_url):
    """Google Scholar's tags, in the order of its inclusion guidelines: [(name, content)]."""
    tags = [("citation_title", publication.title)]
    tags += [("citation_author", author.name) for author in authors]
    tags.append(("citation_publication_date", publication.published_on.strftime("%Y/%m/%d")))
    if pdf_url:
        tags.append(("citation_pdf_url", pdf_url))
    if publication.isbn:
        tags.append(("citation_isbn", publication.isbn_display))
    if publication.series and publication.series.issn:
        tags.append(("citation_issn", publication.series.issn))
    if publication.doi:
        tags.append(("citation_doi", publication.doi))
    tags.append(("citation_language", publication.language))
    if publication.type in REPORT_TYPES:
        tags.append(("citation_technical_report_institution", settings.INSTITUTE_NAME))
        number = publication.series_number
        if number:
            tags.append(("citation_technical_report_number", number))
    return tags


def open_graph(publication, *, url, image_url, author_urls, versions):
    """Open Graph properties [(property, content)] and Twitter card names [(name, content)]."""
    text = description(publication)
    og = [
        ("og:type", "article"),
        ("og:site_name", settings.INSTITUTE_NAME),
        ("og:title", publication.title),
        ("og:description", text),
        ("og:url", url),
        ("og:locale", OG_LOCALES.get(publication.language, publication.language)),
    ]
    og += [
        ("og:locale:alternate", OG_LOCALES.get(v.language, v.language))
        for v in versions
        if v.pk != publication.pk
    ]
    if image_url:
        og.append(("og:image", image_url))
    og.append(("article:published_time", publication.published_on.isoformat()))
    og += [("article:author", author_url) for author_url in author_urls]
    twitter = [
        ("twitter:card", "summary_large_image" if image_url else "summary"),
        ("twitter:title", publication.title),
        ("twitter:description", text),
    ]
    if image_url:
        twitter.append(("twitter:image", image_url))
    return og, twitter


def json_ld(publication, *, url, pdf_url, image_url, authors, author_urls, home_url, topics):
    """schema.org description of the publication (a dict; the template serialises it safely)."""
    data = {
        "@context": "https://schema.org",
        "@type": SCHEMA_TYPES.get(publication.type, "Report"),
        "@id": url,
        "url": url,
        "name": publication.title,
        "headline": Truncator(publication.title).chars(110),
        "description": description(publication, 500),
        "inLanguage": publication.language,
        "datePublished": publication.published_on.isoformat(),
        "author": [
            {"@type": "Person", "name": author.name, "url": author_url}
            | ({"jobTitle": author.title} if author.title else {})
            for author, author_url in zip(authors, author_urls, strict=True)
        ],
        "publisher": {"@type": "Organization", "name": settings.INSTITUTE_NAME, "url": home_url},
    }
    if publication.subtitle:
        data["alternativeHeadline"] = publication.subtitle
    if getattr(publication, "updated_at", None):
        data["dateModified"] = publication.updated_at.isoformat()
    if image_url:
        data["image"] = image_url
    if topics:
        data["about"] = [{"@type": "Thing", "name": name} for name in topics]
        data["keywords"] = ", ".join(topics)
    if publication.isbn:
        data["isbn"] = publication.isbn_display
    if publication.doi:
        data["sameAs"] = publication.doi_url
    if publication.pages:
        data["numberOfPages"] = publication.pages
    if publication.series:
        series = {"@type": "CreativeWorkSeries", "name": publication.series.name}
        if publication.series.issn:
            series["issn"] = publication.series.issn
        data["isPartOf"] = series
    if publication.series_number and data["@type"] == "Report":
        data["reportNumber"] = publication.series_number
    if pdf_url:
        data["encoding"] = {
            "@type": "MediaObject",
            "contentUrl": pdf_url,
            "encodingFormat": "application/pdf",
        }
    if publication.is_media and publication.external_url:
        data["sameAs"] = publication.external_url
        if publication.source:
            data["isPartOf"] = {"@type": "Periodical", "name": publication.source}
    return data


def page_metadata(publication, *, request, versions, topics, pdf_linked=True):
    """Everything the head and the share box of a publication's page carry: {description,
    canonical_url, pdf_url, citation_tags, og_tags, twitter_tags, json_ld, share_links}.

    `versions`: its other public language versions; `topics`: region and theme names;
    `pdf_linked`: whether the PDF URL serves a file for this page (not in a preview, not when
    the file is missing); pdf_url is None otherwise. The canonical URL is the page in the
    current interface, except for a work in several languages: then it is the version's
    own-language page, the one its hreflang cluster names (and the sitemap lists), so that the
    other interface's copy does not compete with it."""
    path = languages.version_url(publication) if versions else publication.get_absolute_url()
    url = request.build_absolute_uri(path)
    pdf_url = (
        request.build_absolute_uri(publication.get_pdf_url())
        if pdf_linked and publication.pdf_available
        else None
    )
    image = publication.display_image
    image_url = request.build_absolute_uri(image.url) if image else None
    authors = publication.ordered_authors
    author_urls = [request.build_absolute_uri(a.get_absolute_url()) for a in authors]
    og_tags, twitter_tags = open_graph(
        publication, url=url, image_url=image_url, author_urls=author_urls, versions=versions
    )
    return {
        "description": description(publication),
        "canonical_url": url,
        "pdf_url": pdf_url,
        "citation_tags": citation_tags(publication, authors=authors, pdf_url=pdf_url),
        "og_tags": og_tags,
        "twitter_tags": twitter_tags,
        "json_ld": json_ld(
            publication,
            url=url,
            pdf_url=pdf_url,
            image_url=image_url,
            authors=authors,
            author_urls=author_urls,
            home_url=request.build_absolute_uri(reverse("home")),
            topics=topics,
        ),
        "share_links": share_links(url=url, title=publication.title),
    }
