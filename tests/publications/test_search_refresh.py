import pytest

from publications.models import Publication
from publications.search import filter_search, search_index_refresh
from tests.factories import AuthorFactory, PublicationFactory


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_parallel_refresh_indexes_every_publication_across_batches_and_connections():
    author = AuthorFactory(name="Akiko Tanabe")
    for number in range(7):
        PublicationFactory(title=f"Maritime corridors {number}", authors=[author])
    assert Publication.objects.filter(search_vector__isnull=True).count() == 7

    updated = search_index_refresh(workers=2, batch_size=3)

    assert updated == 7
    assert not Publication.objects.filter(search_vector__isnull=True).exists()
    found = filter_search(Publication.objects.filter(search_vector__isnull=False), "corridor")
    assert found.count() == 7
    by_author = filter_search(Publication.objects.filter(search_vector__isnull=False), "Tanabe")
    assert by_author.count() == 7


@pytest.mark.postgres
@pytest.mark.django_db
def test_parallel_refresh_inside_a_transaction_sees_uncommitted_rows():
    PublicationFactory(title="Uncommitted corridors")
    assert search_index_refresh(workers=2, batch_size=1) == 1
    assert not Publication.objects.filter(search_vector__isnull=True).exists()
