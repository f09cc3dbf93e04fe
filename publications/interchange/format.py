"""The contract's JSON format: its sections, the keys of their records and what an absent key means.

`KEYS[section]` lists, in the order the exporter writes them, every key a record may carry with
its default: an absent key, or `null` where the key is not nullable, takes the default; a key
marked `REQUIRED` has none. Validation refuses any other key but those of `NOT_STORED`, so a
misspelt key is an error, not data silently lost.

Keys beyond the contract's example (all optional): regions/themes `description`, `order`; series
`description`; centers `summary`, `order`, `active`, `heads` (expert slugs), `image`; authors
`sort_name` (from the name when empty), `orcid`, `website`, `email`, `email_public`, `active`;
publications `featured` and `author_roles` (parallel to `authors`: `author`, `editor` or
`contributor`; all `author` when absent).

Structured bodies (the contract's `body_format` and `key_takeaways`): `body_format` is `text`
(the default) or `html`; an HTML body goes through `publications.body.sanitize_html` on import
(the same sanitiser as every save), so only the allowed subset is stored and exported.
`key_takeaways` is a list of one-line strings, written by the exporter only when not empty.

French versions: the `<field>_fr` keys of `TRANSLATED`. The plain keys hold English; an absent or
empty French key means "no French version" (French pages fall back to English), and the
exporter writes French keys only when they hold something, so export → import → export gives the
same document.
"""

import json
from pathlib import Path

from .errors import InterchangeError, RecordError

SECTIONS = ("regions", "themes", "series", "centers", "authors", "publications")
REQUIRED = object()
FRENCH = "fr"

TRANSLATED = {
    "regions": ("name", "description"),
    "themes": ("name", "description"),
    "series": ("name", "description"),
    "centers": ("name", "summary", "description"),
    "authors": ("title", "bio"),
}

_TREE_NODE = {"slug": REQUIRED, "name": REQUIRED, "parent": None, "description": "", "order": 0}

KEYS = {
    "regions": dict(_TREE_NODE),
    "themes": dict(_TREE_NODE),
    "series": {"slug": REQUIRED, "name": REQUIRED, "issn": "", "description": ""},
    "centers": {
        "slug": REQUIRED,
        "name": REQUIRED,
        "kind": "center",
        "parent": None,
        "description": "",
        "summary": "",
        "order": 0,
        "active": True,
        "heads": [],
        "image": None,
    },
    "authors": {
        "slug": REQUIRED,
        "name": REQUIRED,
        "title": "",
        "bio": "",
        "centers": [],
        "photo": None,
        "sort_name": "",
        "orcid": "",
        "website": "",
        "email": "",
        "email_public": False,
        "active": True,
    },
    "publications": {
        "slug": REQUIRED,
        "title": REQUIRED,
        "subtitle": "",
        "type": REQUIRED,
        "series": None,
        "series_number": "",
        "summary": "",
        "body": "",
        "body_format": "text",
        "key_takeaways": [],
        "language": "en",
        "translation_of": None,
        "published_on": REQUIRED,
        "status": "draft",
        "publish_at": None,
        "isbn": "",
        "doi": "",
        "external_url": "",
        "source": "",
        "media_kind": "other",
        "authors": [],
        "regions": [],
        "themes": [],
        "centers": [],
        "related": [],
        "pdf": None,
        "cover": None,
        "pages": None,
        "featured": False,
        "author_roles": None,
    },
}
for _section, _names in TRANSLATED.items():
    KEYS[_section].update({f"{name}_{FRENCH}": "" for name in _names})

#: Keys the contract names that the models cannot store yet: a document carrying them still
#: imports, and the report says they were left out. (None today: structured bodies landed.)
NOT_STORED = {}

#: Keys the exporter writes only when they hold something (like the French keys), so that a
#: catalogue without them exports as it was written.
WRITTEN_WHEN_SET = {"publications": ("key_takeaways",)}

#: Keys naming a source file, relative to the JSON file, and the kind of file each must be.
FILE_KEYS = {
    "centers": {"image": "image"},
    "authors": {"photo": "image"},
    "publications": {"pdf": "pdf", "cover": "image"},
}


def french_keys(section):
    return [f"{name}_{FRENCH}" for name in TRANSLATED.get(section, ())]


def with_defaults(section, record):
    """The record's format keys, absent or null optional ones replaced by their default (a
    fresh list for lists); absent required keys stay absent."""
    data = {key: value for key, value in record.items() if value is not None}
    for key, default in KEYS[section].items():
        if key not in data and default is not REQUIRED:
            data[key] = list(default) if isinstance(default, list) else default
        elif key in record and key not in data:
            data[key] = None  # a required key given as null: refused as required
    return data


def read_document(path) -> dict:
    """The parsed document at `path`. Raises InterchangeError when the file is missing, is not
    JSON, or is in no Unicode encoding.

    The format is UTF-8; a byte-order mark is skipped (Notepad writes one). A file in UTF-16 or
    UTF-32 is read too: Windows PowerShell 5 writes UTF-16 with `>` and `Out-File`, and JSON
    says how to recognise it (RFC 4627, section 3; `json.detect_encoding`). A file in another
    encoding (Windows-1252, "ANSI" in Notepad) is refused, naming the first byte that is not
    UTF-8 and its line. Text values are cleaned by validation (`thinktank.text.clean_text`)."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError as exc:
        raise InterchangeError([RecordError(f"{path}: file not found.")]) from exc
    try:
        text = raw.decode(json.detect_encoding(raw))
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        message = (
            f"{path}: not UTF-8: byte 0x{raw[exc.start]:02X} on line {line} is not UTF-8 text "
            "(the file is probably in Windows-1252 or Latin-1). Save it as UTF-8 and import "
            "it again."
        )
        raise InterchangeError([RecordError(message)]) from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InterchangeError([RecordError(f"{path}: not valid JSON ({exc}).")]) from exc


def dump_document(document) -> str:
    """The document as the exporter writes it: UTF-8 text (not escaped), indented, one final
    newline."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
