"""The bilingual site: the French catalogue, French pages, language versions, hreflang, sitemap
and feeds per interface language."""

import ast
import datetime
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import polib
import pytest
from django.conf import settings
from django.db import connection
from django.template.base import Lexer, TokenType
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation.template import templatize

from tests.factories import (
    AuthorFactory,
    CenterFactory,
    PublicationFactory,
    RegionFactory,
    SeriesFactory,
    ThemeFactory,
)

ROOT = Path(settings.BASE_DIR)
PO_PATH = ROOT / "locale" / "fr" / "LC_MESSAGES" / "django.po"
MO_PATH = PO_PATH.with_suffix(".mo")
TEMPLATES = ROOT / "templates"
SOURCE_DIRS = ("thinktank", "publications", "centers")
NBSP, NNBSP = "\u00a0", "\u202f"


@pytest.fixture(autouse=True)
def _english_between_requests():
    """A request under /fr/ leaves French active in the test's thread; start each test in
    English so that factories fill the English columns."""
    with translation.override("en"):
        yield


# --- The catalogue --------------------------------------------------------------------------
def catalogue():
    return polib.pofile(str(PO_PATH))


def entry_key(entry):
    return (entry.msgctxt or "", entry.msgid, entry.msgid_plural or "")


def test_every_msgid_of_the_french_catalogue_has_a_msgstr_and_none_is_fuzzy():
    po = catalogue()
    assert len(po) > 200
    untranslated = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert untranslated == []
    assert fuzzy == []
    for entry in po:
        if entry.msgid_plural:
            assert all(entry.msgstr_plural.get(i) for i in (0, 1)), entry.msgid


def test_placeholders_survive_translation():
    placeholder = re.compile(r"%\(\w+\)(?:\.\d+)?[sdf]")
    for entry in catalogue():
        expected = set(placeholder.findall(entry.msgid + (entry.msgid_plural or "")))
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for text in translations:
            assert set(placeholder.findall(text)) == expected, entry.msgid


def test_french_typography_non_breaking_spaces_and_guillemets():
    for entry in catalogue():
        for text in entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]:
            plain = re.sub(r"<[^>]+>", "", text)
            # A normal space before : ; ? ! or inside « » is a typographic error in French.
            assert not re.search(r" [:;?!]", plain), text
            assert "« " not in plain and " »" not in plain, text
            assert '"' not in plain and "“" not in plain, text
            if "«" in plain:
                assert f"«{NBSP}" in plain and f"{NBSP}»" in plain, text
            for mark in ";?!":
                if re.search(rf"\w{re.escape(mark)}", plain):
                    pytest.fail(f"no space before {mark!r}: {text}")
    po = catalogue()
    assert po.find("%(label)s: %(value)s").msgstr == f"%(label)s{NBSP}: %(value)s"


def test_committed_mo_is_up_to_date_with_the_po():
    """The compiled catalogue is committed (no gettext needed to run the site): it must hold
    exactly the translations of the .po."""
    po = catalogue()
    mo = polib.mofile(str(MO_PATH))

    def translations(entries):
        table = {}
        for entry in entries:
            if not entry.msgid or "fuzzy" in entry.flags:
                continue
            if entry.msgid_plural:
                value = tuple(entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural))
            else:
                value = entry.msgstr
            table[entry_key(entry)] = value
        return table

    assert translations(mo) == translations(po), "run `make messages` and commit django.mo"


def marked_in_templates():
    """(context, msgid, plural) of every string marked in the templates, read as
    makemessages reads them (Django's templatize)."""
    string = r"u?'((?:[^'\\]|\\.)*)'"
    call = re.compile(rf"(?<!\w)(n?p?gettext|_)\({string}(?:\s*,\s*{string})?(?:\s*,\s*{string})?")
    found = set()
    for path in TEMPLATES.rglob("*.html"):
        code = templatize(path.read_text(encoding="utf-8"), origin=str(path))
        for match in call.finditer(code):
            name, first, second, third = (
                ast.literal_eval(f"'{value}'") if value is not None else ""
                for value in match.groups()
            )
            if name == "pgettext":
                found.add((first, second, ""))
            elif name == "npgettext":
                found.add((first, second, third))
            elif name == "ngettext":
                found.add(("", first, second))
            else:
                found.add(("", first, ""))
    return found


def marked_in_python():
    names = {"_", "gettext", "gettext_lazy", "ngettext", "ngettext_lazy", "pgettext"}
    found = set()
    for directory in SOURCE_DIRS:
        for path in (ROOT / directory).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                    continue
                if node.func.id not in names or not node.args:
                    continue
                args = [a.value if isinstance(a, ast.Constant) else None for a in node.args]
                if node.func.id == "pgettext":
                    found.add((args[0], args[1], ""))
                elif node.func.id.startswith("ngettext"):
                    found.add(("", args[0], args[1]))
                elif isinstance(args[0], str):
                    found.add(("", args[0], ""))
    return found


def test_every_marked_string_is_in_the_french_catalogue():
    """A string marked for translation but missing from the .po shows in English on French
    pages: `make messages` then translating it makes this pass."""
    known = {entry_key(e) for e in catalogue()}
    marked = marked_in_templates() | marked_in_python()
    assert len(marked) > 200
    missing = sorted(str(m) for m in marked - known)
    assert missing == [], "run `make messages` and translate: " + "; ".join(missing)


# Words that stay as they are in both languages.
UNTRANSLATED_OK = {
    "PDF",
    "ISBN",
    "ISSN",
    "DOI",
    "RSS",
    "CSV",
    "BibTeX",
    "RIS",
    "ORCID",
    "X",
    "LinkedIn",
    "Facebook",
    "copy",
}


def test_no_bare_english_text_in_templates():
    """Text outside {% translate %}/{% blocktranslate %} is never shown in English."""
    assert bare_text_in_templates() == []


def bare_text_in_templates():
    """Words a reader sees that no {% translate %} or {% blocktranslate %} covers."""
    problems = []
    attribute = re.compile(
        r'\b(?:alt|title|placeholder|aria-label|content|data-copied)="([^"\x00]*[A-Za-z][^"\x00]*)"'
    )
    for path in TEMPLATES.rglob("*.html"):
        # The template as HTML with every tag, variable and translated block as \x00.
        parts, inside = [], 0
        for token in Lexer(path.read_text(encoding="utf-8")).tokenize():
            if token.token_type == TokenType.BLOCK:
                word = token.contents.split()[0]
                inside += {
                    "blocktranslate": 1,
                    "endblocktranslate": -1,
                    "comment": 1,
                    "endcomment": -1,
                }.get(word, 0)
            if token.token_type == TokenType.TEXT and not inside:
                parts.append(token.contents)
            else:
                parts.append("\x00")
        html = "".join(parts)
        html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
        for value in attribute.findall(html):
            if value not in UNTRANSLATED_OK and not value.startswith(("noindex", "width=")):
                problems.append(f"{path.name}: attribute {value!r}")
        text = re.sub(r"<!DOCTYPE[^>]*>|<[^>]*>", " ", html)
        text = re.sub(r"&#?\w+;", " ", text)
        text = re.sub(r"[\W\x00]+", " ", text)
        problems += [
            f"{path.name}: {word!r}"
            for word in text.split()
            if re.search(r"[A-Za-z]", word) and word not in UNTRANSLATED_OK
        ]
    return problems


# --- Pages ----------------------------------------------------------------------------------
class Page(HTMLParser):
    """The bits of a page the tests look at."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.html_lang = None
        self.alternates = {}
        self.switch = {}
        self.nav_text = []
        self.langs = []  # (tag, lang, id/class)
        self._in_nav = 0
        self._in_switch = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_lang = attrs.get("lang")
        if tag == "link" and attrs.get("rel") == "alternate" and "hreflang" in attrs:
            self.alternates[attrs["hreflang"]] = attrs["href"]
        if tag in ("nav", "footer") or (tag == "a" and attrs.get("class") == "skip-link"):
            self._in_nav += 1
        if tag == "ul" and attrs.get("class") == "language-switch":
            self._in_switch = True
        if self._in_switch and tag == "a":
            self.switch[attrs["hreflang"]] = attrs["href"]
        if "lang" in attrs and tag != "html":
            self.langs.append((tag, attrs["lang"], attrs.get("class", "")))

    def handle_endtag(self, tag):
        if tag in ("nav", "footer") and self._in_nav:
            self._in_nav -= 1
        if tag == "ul":
            self._in_switch = False

    def handle_data(self, data):
        if self._in_nav and data.strip():
            self.nav_text.append(data.strip())


def get_page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return Page(response.content.decode())


@pytest.fixture
def site(db):
    """Translated taxonomy, an English publication with a French version, one without."""
    asia = RegionFactory(slug="asia", name="Asia", name_fr="Asie", description="The continent.")
    japan = RegionFactory(slug="japan", name="Japan", name_fr="Japon", parent=asia)
    africa = RegionFactory(slug="africa", name="Africa")  # no French name: falls back
    security = ThemeFactory(slug="security", name="Security and defence")
    security.name_fr = "Sécurité et défense"
    security.save()
    center = CenterFactory(
        slug="asia-center",
        name="Center for Asian Studies",
        name_fr="Centre Asie",
        summary="Research on Asia.",
        summary_fr="La recherche sur l’Asie.",
    )
    series = SeriesFactory(slug="asia-focus", name="Asia Focus", name_fr="Regards sur l’Asie")
    jane = AuthorFactory(slug="jane-doe", name="Jane Doe")
    english = PublicationFactory(
        slug="security-japan",
        title="Security partnerships of Japan",
        language="en",
        published_on=datetime.date(2013, 2, 3),
        series=series,
        authors=[jane],
        regions=[japan],
        themes=[security],
        centers=[center],
    )
    french = PublicationFactory(
        slug="securite-japon",
        title="Les partenariats de sécurité du Japon",
        language="fr",
        translation_of=english,
        published_on=datetime.date(2013, 2, 3),
        authors=[jane],
        regions=[japan],
    )
    alone = PublicationFactory(
        slug="sahel-outlook",
        title="Sahel outlook",
        language="en",
        published_on=datetime.date(2014, 3, 1),
        regions=[africa],
    )
    return {
        "asia": asia,
        "japan": japan,
        "africa": africa,
        "security": security,
        "center": center,
        "series": series,
        "jane": jane,
        "english": english,
        "french": french,
        "alone": alone,
    }


def both_interfaces(site):
    paths = [
        "/",
        "/publications/",
        "/publications/sahel-outlook/",
        "/regions/",
        "/regions/asia/",
        "/themes/",
        "/themes/security/",
        "/centers/",
        "/centers/asia-center/",
        "/experts/",
        "/experts/jane-doe/",
    ]
    return paths + ["/fr" + p for p in paths]


ENGLISH_NAV = [
    "Skip to content",
    "Search",
    "Centers & programs",
    "Regions",
    "Themes",
    "All publications",
    "RSS feed",
    "Home",
]


def test_html_lang_is_the_interface_language_on_every_page(client, site):
    for path in [*both_interfaces(site), "/publications/security-japan/"]:
        expected = "fr" if path.startswith("/fr/") else "en"
        assert get_page(client, path).html_lang == expected, path
    for path, expected in (("/nowhere/", "en"), ("/fr/nowhere/", "fr")):
        response = client.get(path)
        assert response.status_code == 404
        assert Page(response.content.decode()).html_lang == expected


def test_french_pages_show_french_navigation_and_no_english_nav_label(client, site):
    for path in both_interfaces(site):
        if not path.startswith("/fr/"):
            continue
        page = get_page(client, path)
        text = page.nav_text
        for label in ("Centres et programmes", "Régions", "Thèmes", "Experts", "Flux RSS"):
            assert label in text, (path, label)
        leaked = [label for label in ENGLISH_NAV if label in text]
        assert leaked == [], (path, leaked)


def test_english_pages_keep_english_navigation(client, site):
    text = get_page(client, "/publications/").nav_text
    assert "Centers & programs" in text and "Centres et programmes" not in text


def test_french_pages_show_french_dates_and_numbers(client, site):
    for path in ("/fr/publications/", "/fr/publications/securite-japon/", "/fr/experts/jane-doe/"):
        html = client.get(path).content.decode()
        assert "3 février 2013" in html, path
    assert "Feb. 3, 2013" in client.get("/publications/").content.decode()
    listing = client.get("/fr/publications/").content.decode()
    assert (
        "2 publications" in listing
    )  # one entry per work: the original and its translation are one
    assert "Dernières publications" in client.get("/fr/").content.decode()


def test_french_pages_show_french_taxonomy_names_falling_back_to_english(client, site):
    regions = client.get("/fr/regions/").content.decode()
    assert "Asie" in regions and "Japon" in regions
    assert "Africa" in regions  # no French name: the English one
    detail = client.get("/fr/publications/security-japan/").content.decode()
    for name in ("Japon", "Sécurité et défense", "Centre Asie", "Regards sur l’Asie"):
        assert name in detail, name
    center = client.get("/fr/centers/asia-center/").content.decode()
    assert "Centre Asie" in center and "La recherche sur l’Asie." in center
    listing = client.get("/fr/publications/").content.decode()
    assert "Asie" in listing and "Regards sur l’Asie" in listing
    english = client.get("/publications/security-japan/").content.decode()
    assert ">Japan</a>" in english and ">Japon</a>" not in english


def test_switcher_on_english_publication_with_french_version_lands_on_that_version(client, site):
    page = get_page(client, "/publications/security-japan/")
    assert page.switch == {"fr": "http://testserver/fr/publications/securite-japon/"}
    landed = client.get(urlsplit(page.switch["fr"]).path)
    assert landed.status_code == 200
    assert "Les partenariats de sécurité du Japon" in landed.content.decode()
    # And back: the French version's switch goes to the English original.
    back = get_page(client, "/fr/publications/securite-japon/")
    assert back.switch == {"en": "http://testserver/publications/security-japan/"}


def test_switcher_without_a_version_in_the_other_language_lands_on_fr_plus_same_path(client, site):
    page = get_page(client, "/publications/sahel-outlook/")
    assert page.switch == {"fr": "http://testserver/fr/publications/sahel-outlook/"}
    assert client.get("/fr/publications/sahel-outlook/").status_code == 200
    back = get_page(client, "/fr/publications/sahel-outlook/")
    assert back.switch == {"en": "http://testserver/publications/sahel-outlook/"}
    for path in ("/regions/asia/", "/centers/", "/publications/"):
        assert get_page(client, path).switch == {"fr": f"http://testserver/fr{path}"}


def test_publication_text_is_marked_with_its_own_language(client, site):
    html = client.get("/publications/securite-japon/").content.decode()
    page = Page(html)
    assert page.html_lang == "en"
    assert ("h1", "fr", "") in page.langs
    assert ("div", "fr", "publication__body") in page.langs
    # The interface headings are not marked as French.
    assert re.search(r'<section id="summary"[^>]*>\s*<h2 id="summary-heading">Summary</h2>', html)
    available = html.split('id="available-in"', 1)[1].split("</section>", 1)[0]
    assert 'href="/publications/security-japan/" hreflang="en" lang="en">English</a>' in available


def test_available_in_links_each_version(client, site):
    html = client.get("/fr/publications/security-japan/").content.decode()
    available = html.split('id="available-in"', 1)[1].split("</section>", 1)[0]
    assert 'href="/fr/publications/securite-japon/" hreflang="fr" lang="fr">Français</a>' in (
        available
    )
    assert f"Français</a>{NBSP}:" in available
    assert "Disponible en" in html


def alternates_of(client, url):
    return get_page(client, urlsplit(url).path).alternates


def test_hreflang_alternates_are_reciprocal_on_every_page_in_both_interfaces(client, site):
    checked = 0
    for path in both_interfaces(site):
        alternates = alternates_of(client, path)
        assert set(alternates) == {"en", "fr", "x-default"}, path
        assert alternates["x-default"] == alternates["en"]
        assert f"http://testserver{path}" in alternates.values(), path
        for code, url in alternates.items():
            back = alternates_of(client, url)
            assert back == alternates, (path, code, url)
            checked += 1
    assert checked >= 60


def test_hreflang_links_language_versions_of_a_publication_reciprocally(client, site):
    alternates = alternates_of(client, "/publications/security-japan/")
    assert alternates == {
        "en": "http://testserver/publications/security-japan/",
        "fr": "http://testserver/fr/publications/securite-japon/",
        "x-default": "http://testserver/publications/security-japan/",
    }
    for url in alternates.values():
        assert alternates_of(client, url) == alternates


def test_list_narrows_to_one_content_language_and_shows_each_items_languages(client, site):
    html = client.get("/publications/?language=fr").content.decode()
    assert "Les partenariats de sécurité du Japon" in html
    assert "Security partnerships of Japan" not in html
    assert "Sahel outlook" not in html
    # One entry per work: the French page shows the French version, with its English one.
    listing = client.get("/fr/publications/").content.decode()
    assert 'href="/fr/publications/security-japan/"' not in listing
    cards = {
        slug: listing.split(f'href="/fr/publications/{slug}/"', 1)[1].split("</article>", 1)[0]
        for slug in ("securite-japon", "sahel-outlook")
    }
    english = '<a href="/publications/security-japan/" hreflang="en" lang="en">English</a>'
    assert f"Aussi en\u00a0: {english}" in cards["securite-japon"]
    assert "Aussi en" not in cards["sahel-outlook"]


def test_list_languages_cost_one_query_for_the_whole_page(client, site):
    few = version_queries(client)
    for index in range(15):
        original = PublicationFactory(slug=f"work-{index}", language="en")
        PublicationFactory(slug=f"oeuvre-{index}", language="fr", translation_of=original)
    many = version_queries(client)
    assert many == few


def version_queries(client):
    """(all queries, queries reading language versions) of one list page."""
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/publications/").status_code == 200
    sql = [q["sql"] for q in captured.captured_queries]
    versions = [
        q
        for q in sql
        if "translation_of_id" in q and 'ORDER BY "publications_publication"."language"' in q
    ]
    assert len(versions) == 1
    return len(sql), len(versions)


# --- Sitemap and feeds ----------------------------------------------------------------------
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def test_sitemap_alternates_parse_as_xml_and_cover_both_languages(client, site):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    entries = {}
    for url in root.iter(f"{SM}url"):
        alternates = {
            link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")
        }
        assert all(link.get("rel") == "alternate" for link in url.findall(f"{XHTML}link"))
        entries[url.findtext(f"{SM}loc")] = alternates
    base = "http://testserver"
    for path in ("/", "/publications/", "/regions/asia/", "/centers/asia-center/"):
        for loc in (base + path, base + "/fr" + path):
            assert entries[loc] == {
                "en": base + path,
                "fr": base + "/fr" + path,
                "x-default": base + path,
            }, loc
    # Every alternate is itself listed, and lists the same alternates back.
    for loc, alternates in entries.items():
        assert {"en", "fr", "x-default"} <= set(alternates), loc
        for href in alternates.values():
            assert entries[href] == alternates, (loc, href)
    # A work in two languages: each version once, at its own-language page.
    cluster = {
        "en": base + "/publications/security-japan/",
        "fr": base + "/fr/publications/securite-japon/",
        "x-default": base + "/publications/security-japan/",
    }
    assert entries[base + "/publications/security-japan/"] == cluster
    assert entries[base + "/fr/publications/securite-japon/"] == cluster
    assert base + "/fr/publications/security-japan/" not in entries
    assert base + "/publications/securite-japon/" not in entries
    assert base + "/fr/publications/sahel-outlook/" in entries


def test_rss_feeds_per_interface_language(client, site):
    english = ET.fromstring(client.get("/feeds/publications/").content).find("channel")
    french = ET.fromstring(client.get("/fr/feeds/publications/?region=asia").content).find(
        "channel"
    )
    assert english.findtext("language") == "en"
    assert english.findtext("title").endswith(": latest publications")
    assert french.findtext("language") == "fr"
    assert french.findtext("title").endswith(f"{NBSP}: dernières publications sur Asie")
    assert french.findtext("description").startswith("Les nouvelles analyses")
    assert french.findtext("link") == "http://testserver/fr/publications/?region=asia"
    links = [item.findtext("link") for item in french.iter("item")]
    assert "http://testserver/fr/publications/security-japan/" in links
    categories = [c.text for c in french.iter("category")]
    assert "Japon" in categories
    html = client.get("/fr/").content.decode()
    assert 'type="application/rss+xml" title="Dernières publications" href="/fr/feeds/' in html
