"""Staff editing of publications, experts and series; each admin registers itself on import.

- publication.py: the publication changelist and change form, saved through the services;
  with roles.py (what each editorial role may see, change and give), inlines.py (authors,
  pinned relations, old URLs, review comments), filters.py (region, theme, center),
  actions.py (the bulk status actions, one table), history.py (versions: compare, restore)
- downloads.py: downloads by day, and the publication's downloads column and chart
- library.py: the media library (images for bodies' figures)
- experts.py, series.py
"""

from . import downloads, experts, library, publication, series  # noqa: F401
