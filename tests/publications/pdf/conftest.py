import pytest

from tests.upload_files import isolate_storage


@pytest.fixture
def storage(tmp_path, settings, monkeypatch):
    """Empty media and private folders for this test: (media_root, private_root)."""
    return isolate_storage(tmp_path, settings, monkeypatch)
