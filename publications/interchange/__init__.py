"""Import and export of the whole catalogue in the contract's JSON format.

The commands `import_publications`, `export_publications` and `load_demo` use this API:

- `import_document(path, *, dry_run=False) -> ImportReport`: validate, then write what changed
  in one transaction; raises `InterchangeError` (`.errors`: `RecordError`s naming section,
  index, slug and key) and writes nothing when the document has any problem.
- `export_document(*, target=None) -> (document, warnings)` and `dump_document(document) -> str`.

Modules: `format` (sections, keys and their defaults; reading and writing JSON), `errors`,
`serializers` (one DRF serializer per section) and `validation` (the document as a whole),
`files` (source files), `tables` (how sections map onto models), `changes` (what differs from
the database), `importer` (the writer), `exporter`, `queries` (lookups by long lists).
"""

from .errors import InterchangeError, RecordError
from .exporter import export_document
from .format import dump_document
from .importer import ImportReport, import_document

__all__ = [
    "ImportReport",
    "InterchangeError",
    "RecordError",
    "dump_document",
    "export_document",
    "import_document",
]
