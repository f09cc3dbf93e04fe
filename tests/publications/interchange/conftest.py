import pytest

from .documents import example_document


@pytest.fixture
def example(tmp_path):
    """The contract's example document, its PDF written beside it in `tmp_path`."""
    return example_document(tmp_path)
