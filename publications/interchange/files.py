"""Source files of a document (PDFs, covers, photos, center images): checks, digests, storing.

A file is refused for what the admin refuses (the upload validators of `thinktank.uploads`),
checked once however many records name it, and stored only when it differs from the file the
record already has (same SHA-256), so that importing the same document again stores nothing.
An image is stored as the admin stores it, through the image pipeline (`thinktank.images`:
upright, sRGB, 8-bit); its digest is that of the bytes stored. A PDF's page count is read here,
so that the record's `pages` is the file's (`publications.pdf.processing` writes the same).
Files stored by an import that fails are removed again; files an import replaced are removed
once it has committed.
"""

import contextlib
import hashlib
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File
from PIL import Image

from publications.pdf.reader import page_count
from publications.pdf.validation import validate_pdf_upload
from thinktank.files import file_delete_if_unreferenced
from thinktank.images import normalized_bytes
from thinktank.uploads import validate_image_upload

#: Extensions a stored image may keep, by Pillow format (the first is used otherwise).
IMAGE_EXTENSIONS = {"JPEG": ("jpg", "jpeg"), "PNG": ("png",), "WEBP": ("webp",)}


def sha256(handle) -> str:
    digest = hashlib.sha256()
    with handle:
        for chunk in iter(lambda: handle.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass
class SourceFile:
    """A checked file beside the document; `extension` is the one its stored copy gets."""

    path: Path
    kind: str  # "pdf" or "image"
    extension: str
    pages: int | None = None  # of a PDF
    _digest: str | None = None
    _normalized: bytes | None = None  # an image the pipeline changes: what is stored

    @property
    def digest(self):
        if self._digest is None:
            handle = BytesIO(self._normalized) if self._normalized else self.path.open("rb")
            self._digest = sha256(handle)
        return self._digest

    @property
    def size(self):
        return len(self._normalized) if self._normalized else self.path.stat().st_size

    def open(self):
        """The bytes to store, as a binary file object."""
        return BytesIO(self._normalized) if self._normalized else self.path.open("rb")

    def same_as_stored(self, storage, name) -> bool:
        """True when `name` in `storage` holds these very bytes."""
        try:
            return (
                storage.exists(name)
                and storage.size(name) == self.size
                and sha256(storage.open(name, "rb")) == self.digest
            )
        except OSError:
            return False


class SourceFiles:
    """The files a document names, each checked once: `check()` for the validation."""

    def __init__(self, base_dir: Path):
        self.base_dir = Path(base_dir).resolve()
        self.checked = {}  # resolved path -> SourceFile

    def check(self, relative: str, kind: str) -> SourceFile:
        """The SourceFile at `relative` (to the JSON file); raises ValidationError naming the
        problem: absolute or escaping path, missing file, not a valid PDF or image."""
        if Path(relative).is_absolute():
            raise ValidationError(f"“{relative}” must be relative to the JSON file.")
        path = (self.base_dir / relative).resolve()
        if not path.is_relative_to(self.base_dir):
            raise ValidationError(f"“{relative}” points outside the folder of the JSON file.")
        if not path.is_file():
            raise ValidationError(f"file “{relative}” not found.")
        source = self.checked.get(path)
        if source is None:
            source = self.checked[path] = _checked(path, kind)
        if source.kind != kind:
            raise ValidationError(f"“{relative}” is used both as a PDF and as an image.")
        return source


def _checked(path: Path, kind: str) -> SourceFile:
    with path.open("rb") as handle:
        if kind == "pdf":
            validate_pdf_upload(File(handle, name=path.name))
            return SourceFile(path, kind, "pdf", pages=page_count(handle.read()))
        validate_image_upload(File(handle, name=path.name))
        with Image.open(handle) as image:
            extensions = IMAGE_EXTENSIONS[image.format]
        normalized = normalized_bytes(handle)
    suffix = path.suffix.lower().lstrip(".")
    extension = suffix if suffix in extensions else extensions[0]
    return SourceFile(path, kind, extension, _normalized=normalized and normalized[0])


class FileStore:
    """Stores the files of one import into the model fields' storages.

    `place()` gives the name a record's file field gets; `rollback()` removes what this import
    stored (call it when the transaction fails), `commit()` what it replaced and nothing refers
    to any more (after it commits).
    """

    def __init__(self):
        self.saved = []  # (storage, name)
        self.replaced = []  # (storage, name)

    def place(self, model_field, value, slug, current_name) -> str:
        """`value` is the current name (kept), a SourceFile (stored under a new server-made
        name; the current file is replaced) or None (the current file is removed)."""
        if isinstance(value, str):
            return value
        storage = model_field.storage
        if current_name:
            self.replaced.append((storage, current_name))
        if value is None:
            return ""
        name = model_field.generate_filename(None, f"{slug}.{value.extension}")
        with value.open() as handle:
            name = storage.save(name, File(handle), max_length=model_field.max_length)
        self.saved.append((storage, name))
        return name

    def rollback(self):
        _remove(self.saved)

    def commit(self):
        # A replaced file that a revision still refers to stays (thinktank/files.py).
        for storage, name in self.replaced:
            file_delete_if_unreferenced(storage, name)


def _remove(files):
    for storage, name in files:
        with contextlib.suppress(OSError):
            storage.delete(name)
