"""The demo institute as data: `catalogue.json`, in the contract's import format, and the files
it names under `files/` (expert photos, center images, covers, PDFs).

`manage.py load_demo` imports it through `publications.interchange.import_document`, the same
code path as `import_publications`. See README.md for the fixed future dates and for remaking
the files (`make_files.py`, not needed at run time).
"""

from pathlib import Path

DEMO_DOCUMENT = Path(__file__).resolve().parent / "catalogue.json"
