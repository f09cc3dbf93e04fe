"""Staff editing of publications, experts and series (each admin registers itself on import)."""

from . import downloads, publications  # noqa: F401
