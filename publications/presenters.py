"""What the public pages show, computed server-side: filter chips, page links, share links and
the discovery metadata of a publication (Scholar tags, Open Graph, JSON-LD). No queries here:
everything works on objects the views have already loaded."""

from urllib.parse import quote, urlencode

from django.conf import settings
from django.urls import translate_url
from django.utils.text import Truncator, capfirst
from django.utils.translation import get_language_info, override
from django.utils.translation import gettext as _

from .models import Publication

CHIP_PARAMS = (
    "q",
    "region",
    "theme",
    "type",
    "center",
    "author",
    "language",
    "series",
    "year_from",
    "year_to",
)
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


def querystring(query):
    """'?a=1&b=2' for a QueryDict (or '' when empty), without the page number."""
    query = query.copy()
    query.pop("page", None)
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else ""


def filter_chips(query, labels):
    """One removable chip per active filter value: [{label, value, url}].

    `labels` maps a parameter to {value: display name}; unknown values show as given.
    """
    chips = []
    for param in CHIP_PARAMS:
        for value in query.getlist(param):
            if not value.strip():
                continue
            names = labels.get(param, {})
            if param in ("year_from", "year_to", "q"):
                display = value
            else:
                display = ", ".join(
                    str(names.get(part.strip(), part.strip()))
                    for part in value.split(",")
                    if part.strip()
                )
            remaining = query.copy()
            remaining.setlist(param, [v for v in query.getlist(param) if v != value])
            chips.append(
                {
                    "param": param,
                    "label": CHIP_LABELS[param](),
                    "value": display,
                    "url": querystring(remaining) or "?",
                }
            )
    return chips


CHIP_LABELS = {
    "q": lambda: _("Search"),
    "region": lambda: _("Region"),
    "theme": lambda: _("Theme"),
    "type": lambda: _("Type"),
    "center": lambda: _("Center"),
    "author": lambda: _("Expert"),
    "language": lambda: _("Language"),
    "series": lambda: _("Series"),
    "year_from": lambda: _("From"),
    "year_to": lambda: _("To"),
}


def page_links(page_obj, query, *, window=2):
    """Links keeping the filters: {previous, next, pages: [{number, url, current} or {gap}]}."""
    if page_obj is None or not page_obj.has_other_pages():
        return None
    base = query.copy()
    base.pop("page", None)

    def url(number):
        q = base.copy()
        if number > 1:
            q["page"] = str(number)
        encoded = q.urlencode()
        return f"?{encoded}" if encoded else "?"

    total = page_obj.paginator.num_pages
    current = page_obj.number
    shown = {1, total, *range(max(1, current - window), min(total, current + window) + 1)}
    links, previous = [], 0
    for number in sorted(shown):
        if number - previous > 1:
            links.append({"gap": True})
        links.append({"number": number, "url": url(number), "current": number == current})
        previous = number
    return {
        "pages": links,
        "previous": url(current - 1) if page_obj.has_previous() else None,
        "next": url(current + 1) if page_obj.has_next() else None,
    }


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
        tags.append(("citation_isbn", publication.isbn))
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
        data["isbn"] = publication.isbn
    if publication.doi:
        data["sameAs"] = f"https://doi.org/{publication.doi}"
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


# --- Languages ------------------------------------------------------------------------------
def interface_language_for(content_language):
    """The interface a text in `content_language` is best read in: its own when the site has
    it, else the default (English)."""
    codes = [code for code, _name in settings.LANGUAGES]
    return content_language if content_language in codes else settings.LANGUAGE_CODE


def language_name(code):
    """A language's name in that language ("Français"), for links whose text is in it."""
    try:
        return capfirst(get_language_info(code)["name_local"])
    except KeyError:
        return dict(Publication.Language.choices).get(code, code)


def version_url(publication):
    """The page of a language version in the interface of its own language
    (/publications/<slug>/ for English, /fr/publications/<slug>/ for French)."""
    with override(interface_language_for(publication.language)):
        return publication.get_absolute_url()


def version_alternates(versions):
    """hreflang alternates between the language versions of one work: [(code, path)], each
    version at its own-language page, then `x-default` (the English version, else the first).

    Every version's page lists the same set, so the links are reciprocal."""
    ordered = sorted(versions, key=lambda v: v.language)
    links = [(v.language, version_url(v)) for v in ordered]
    default = next((v for v in ordered if v.language == settings.LANGUAGE_CODE), ordered[0])
    return [*links, ("x-default", version_url(default))]


def language_switch(publication, versions, path):
    """Where the EN/FR switch of a publication page goes: {interface code: path}.

    To the version written in that language when there is one (shown in that interface),
    otherwise to the same page in the other interface (/fr/ + the same path)."""
    by_language = {v.language: v for v in [publication, *versions]}
    targets = {}
    for code, _name in settings.LANGUAGES:
        version = by_language.get(code)
        targets[code] = version_url(version) if version else translate_url(path, code)
    return targets
