"""The publications app's models, one module per concern; import them from here."""

from .activity import DownloadDay, ReviewComment, SlugRedirect
from .author import Author, upload_to_photo
from .facet_row import PublicationFacetRow
from .links import (
    PinnedRelation,
    PublicationAuthor,
    PublicationCenter,
    PublicationRegion,
    PublicationTheme,
)
from .publication import (
    ContentLanguage,
    Publication,
    PublicationStatus,
    PublicationType,
    private_storage,
    split_paragraphs,
    upload_to_cover,
    upload_to_pdf,
)
from .series import Series

__all__ = [
    "Author",
    "ContentLanguage",
    "DownloadDay",
    "PinnedRelation",
    "Publication",
    "PublicationAuthor",
    "PublicationCenter",
    "PublicationFacetRow",
    "PublicationRegion",
    "PublicationStatus",
    "PublicationTheme",
    "PublicationType",
    "ReviewComment",
    "Series",
    "SlugRedirect",
    "private_storage",
    "split_paragraphs",
    "upload_to_cover",
    "upload_to_pdf",
    "upload_to_photo",
]
