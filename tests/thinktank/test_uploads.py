"""The image upload validator on its own (the admin tests cover it through the forms; PDF
uploads are in tests/publications/pdf/test_uploads.py)."""

import pytest
from django.core.exceptions import ValidationError

from tests.upload_files import image_upload, png_header_upload
from thinktank.uploads import validate_image_upload


def test_valid_png_passes_and_is_rewound():
    upload = image_upload()
    validate_image_upload(upload)
    assert upload.tell() == 0


def test_bomb_header_is_refused_without_decoding():
    with pytest.raises(ValidationError) as error:
        validate_image_upload(png_header_upload(width=20_000, height=20_000))
    assert error.value.code == "too_many_pixels"
