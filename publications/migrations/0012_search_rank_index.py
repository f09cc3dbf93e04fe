import django.contrib.postgres.indexes
from django.db import migrations

from thinktank.db_operations import PostgresAddIndex


class Migration(migrations.Migration):
    dependencies = [
        ("publications", "0011_facet_rows"),
    ]

    operations = [
        PostgresAddIndex(
            model_name="publication",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_rank_vector"], name="publication_search_rank_idx"
            ),
        ),
    ]
