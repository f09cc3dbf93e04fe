"""The publications app's models, one module per concern; import them from here."""

from .activity import DownloadDay, EditionClaim, ReviewComment
from .author import Author
from .body_image import BodyImage
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
)
from .series import Series

__all__ = [
    "Author",
    "BodyImage",
    "ContentLanguage",
    "DownloadDay",
    "EditionClaim",
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
    "private_storage",
    "split_paragraphs",
]
